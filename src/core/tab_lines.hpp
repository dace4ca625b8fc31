#pragma once
// The document properties pegkit keeps as lines of three tab-separated fields (the marks,
// not_assessable.hpp; the summaries' links, summary_link.hpp): each line cut once, one reader.
#include <optional>
#include <string_view>
#include <vector>

namespace pegkit {

struct TabLine {
    std::string_view first, second, rest;  // rest: after the second tab, tabs included
};

// The lines holding at least two tabs; others are skipped.
std::vector<TabLine> tab_lines(std::string_view text);

// A whole field as a number, nullopt when it is not one (or is empty).
std::optional<int> field_int(std::string_view field);

}  // namespace pegkit
