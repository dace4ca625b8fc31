#pragma once
// Every user-visible text of every front end (findings, commands, panels, pegkit-check, the
// Options page, the Function Wizard), Italian and English, in one table (catalogue.cpp). Each
// entry is a key such as "diag_no_header" or "panel_preview"; {0}, {1}, ... in a text are the
// arguments of say().
#include "diagnostic.hpp"  // Lang

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

struct Phrase {
    std::string_view key;
    std::string_view it;
    std::string_view en;
};

// The text of `key` in `lang` with {0}..{9} replaced by `args` (a missing arg reads as empty
// text, other braces stay as written). An unknown key gives "": the unit tests look every front
// end's keys up.
std::string say(std::string_view key, Lang lang, const std::vector<std::string>& args = {});

// The text of `key` as written, placeholders included; "" for an unknown key. Does not allocate
// after the first call.
std::string_view phrase(std::string_view key, Lang lang) noexcept;

// All entries in catalogue order, for tests and tools.
struct Phrases {
    const Phrase* first;
    const Phrase* last;
    const Phrase* begin() const noexcept { return first; }
    const Phrase* end() const noexcept { return last; }
    std::size_t size() const noexcept { return static_cast<std::size_t>(last - first); }
};
Phrases catalogue() noexcept;

}  // namespace pegkit
