#pragma once
// A group's label short enough for a chart bar: its code kept whole, its words cut at a word
// boundary with an ellipsis ("15 – Sallustio (Area istruzione, servizi…)"). Decision in
// docs/decisions.md, "Short chart labels".
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

// At most `max_chars` characters (code points) unless the code alone is longer; a label that fits
// is returned as written, its spaces collapsed.
std::string short_label(std::string_view label, std::size_t max_chars = 36);

// One short label per label, distinct where the labels are: two that would read alike are given
// more characters, up to their whole text.
std::vector<std::string> short_labels(const std::vector<std::string>& labels, std::size_t max_chars = 36);

}  // namespace pegkit
