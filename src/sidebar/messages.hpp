#pragma once
// The commands' words, Italian and English: the catalogue's "cmd_" entries (src/core/catalogue.hpp).
#include "diagnostic.hpp"
#include "commands.hpp"
#include "plan.hpp"

#include <string>
#include <vector>

namespace pegkit::sidebar {

enum class Msg {
    protected_sheet, read_only, busy, too_large, no_document, internal_error,
    failed_restored, failed_not_restored, undo_title,
    validated, validated_clean, cleared, nothing_to_clear, normalized, normalized_hidden, nothing_to_normalize,
    summary_done, summary_no_actual, summary_protected_doc,
    col_objectives, col_assessed, col_met, col_pct_met, col_mean, col_not_assessable,
    by_cdr, by_mission, by_programme, by_strategic, total, not_given, summary_title, summary_weighted,
    summary_legend, chart_title, progress, error_word, warning_word, clear_button,
    step_validate, step_clear, step_normalize, step_summary,
    name_validate, name_normalize, name_summary,  // the command as the menu names it (clear: clear_button)
    first_of,
};

// The text of `id` with {0}, {1}, ... replaced by `args`.
std::string text(Msg id, Lang lang, const std::vector<std::string>& args = {});

// The command's name in the UI language, as the PEG menu shows it (infobars, progress).
std::string command_name(Command command, Lang lang);

// A summary label in the UI language; the title takes the sheet's name and plan year.
std::string summary_label(const SummaryPlan& plan, SummaryLabel label, Lang lang, const std::string& sheet_name);

// A Validate note: "[PEG] " and one line per finding.
std::string note_text(const Mark& mark, Lang lang);
constexpr char note_prefix[] = "[PEG] ";

}  // namespace pegkit::sidebar
