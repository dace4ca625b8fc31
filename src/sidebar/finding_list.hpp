#pragma once
// The Validate panel's list: errors first, then warnings, then (when asked) information, each
// with a severity marker, capped with a last line that says "first N of M". Plain C++, so the
// order and the caps are the same wherever the findings come from (the sheet or the command).
#include "diagnostic.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace pegkit::sidebar {

struct ListedFinding {
    Severity severity = Severity::error;
    std::string text;        // "B12 · message" in the UI language
    int row = 0, col = -1;   // the cell to select, sheet coordinates
};

struct FindingList {
    std::vector<std::string> items;             // what the list box shows
    std::vector<ListedFinding> shown;           // one per item; the "first N of M" line has col -2
    int errors = 0, warnings = 0, infos = 0;    // all of them, listed or not
};

constexpr std::size_t default_list_limit = 1000;

// `infos_total`: information findings counted by whoever capped `all` before (the command lists
// the first 1,000); at least those in `all`.
FindingList list_findings(const std::vector<ListedFinding>& all, bool with_info, Lang lang,
                          std::size_t limit = default_list_limit, int infos_total = 0);

}  // namespace pegkit::sidebar
