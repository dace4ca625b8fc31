#pragma once
// The options page's labels (extension/dialogs/Options.xdl holds the layout and the English
// defaults; the handler sets these in the UI language when the page opens). The texts are the
// catalogue's (src/core/catalogue.hpp).
#include <array>
#include <string_view>

namespace pegkit::options {

struct Label {
    std::string_view control, key;
};

inline constexpr std::array<Label, 8> labels{{
    {"YearLine", "options_year_line"},
    {"FromSheet", "options_from_sheet"},
    {"Fixed", "options_fixed"},
    {"RuleLine", "options_rule_line"},
    {"RuleLabel", "options_rule_label"},
    {"NotesLine", "cmd_name_validate"},  // the heading names the command whose notes these are
    {"NotesLabel", "options_notes_label"},
    {"HelpLabel", "options_help_label"},
}};

inline constexpr std::string_view bad_rule_title = "options_bad_rule_title";

}  // namespace pegkit::options
