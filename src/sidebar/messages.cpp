#include "messages.hpp"

#include "catalogue.hpp"

#include <string_view>

namespace pegkit::sidebar {
namespace {

// Msg -> catalogue key, in enum order; the texts are in src/core/catalogue.cpp.
struct Key { Msg id; std::string_view key; };
constexpr Key keys[] = {
    {Msg::protected_sheet, "cmd_protected_sheet"}, {Msg::read_only, "cmd_read_only"}, {Msg::busy, "cmd_busy"},
    {Msg::too_large, "cmd_too_large"}, {Msg::no_document, "cmd_no_document"},
    {Msg::internal_error, "cmd_internal_error"}, {Msg::failed_restored, "cmd_failed_restored"},
    {Msg::failed_not_restored, "cmd_failed_not_restored"}, {Msg::undo_title, "cmd_undo_title"},
    {Msg::validated, "cmd_validated"}, {Msg::validated_clean, "cmd_validated_clean"},
    {Msg::cleared, "cmd_cleared"}, {Msg::nothing_to_clear, "cmd_nothing_to_clear"},
    {Msg::normalized, "cmd_normalized"}, {Msg::normalized_hidden, "cmd_normalized_hidden"},
    {Msg::nothing_to_normalize, "cmd_nothing_to_normalize"}, {Msg::summary_done, "cmd_summary_done"},
    {Msg::summary_no_actual, "cmd_summary_no_actual"},
    {Msg::summary_protected_doc, "cmd_summary_protected_doc"}, {Msg::col_objectives, "cmd_col_objectives"},
    {Msg::col_assessed, "cmd_col_assessed"}, {Msg::col_met, "cmd_col_met"},
    {Msg::col_pct_met, "cmd_col_pct_met"}, {Msg::col_mean, "cmd_col_mean"},
    {Msg::col_not_assessable, "cmd_col_not_assessable"}, {Msg::by_cdr, "cmd_by_cdr"},
    {Msg::by_mission, "cmd_by_mission"}, {Msg::by_programme, "cmd_by_programme"},
    {Msg::by_strategic, "cmd_by_strategic"}, {Msg::total, "cmd_total"}, {Msg::not_given, "cmd_not_given"},
    {Msg::summary_title, "cmd_summary_title"}, {Msg::summary_weighted, "cmd_summary_weighted"},
    {Msg::summary_legend, "cmd_summary_legend"}, {Msg::chart_title, "cmd_chart_title"},
    {Msg::progress, "cmd_progress"}, {Msg::error_word, "cmd_error_word"},
    {Msg::warning_word, "cmd_warning_word"}, {Msg::clear_button, "cmd_clear_button"},
    {Msg::step_validate, "cmd_step_validate"}, {Msg::step_clear, "cmd_step_clear"},
    {Msg::step_normalize, "cmd_step_normalize"}, {Msg::step_summary, "cmd_step_summary"},
    {Msg::name_validate, "cmd_name_validate"}, {Msg::name_normalize, "cmd_name_normalize"},
    {Msg::name_summary, "cmd_name_summary"}, {Msg::first_of, "cmd_first_of"},
};

Msg msg_of(SummaryLabel l) {
    switch (l) {
    case SummaryLabel::title: return Msg::summary_title;
    case SummaryLabel::legend: case SummaryLabel::legend_weighted: return Msg::summary_legend;
    case SummaryLabel::by_cdr: return Msg::by_cdr;
    case SummaryLabel::by_mission: return Msg::by_mission;
    case SummaryLabel::by_programme: return Msg::by_programme;
    case SummaryLabel::by_strategic: return Msg::by_strategic;
    case SummaryLabel::objectives: return Msg::col_objectives;
    case SummaryLabel::assessed: return Msg::col_assessed;
    case SummaryLabel::met: return Msg::col_met;
    case SummaryLabel::pct_met: return Msg::col_pct_met;
    case SummaryLabel::mean: return Msg::col_mean;
    case SummaryLabel::not_assessable: return Msg::col_not_assessable;
    case SummaryLabel::total: return Msg::total;
    case SummaryLabel::not_given: return Msg::not_given;
    case SummaryLabel::chart_label: break;  // a phrase of its own (summary_label)
    }
    return Msg::total;
}

}  // namespace

std::string command_name(Command command, Lang lang) {
    switch (command) {
    case Command::validate: return text(Msg::name_validate, lang);
    case Command::normalize: return text(Msg::name_normalize, lang);
    case Command::summary: return text(Msg::name_summary, lang);
    case Command::clear_marks: return text(Msg::clear_button, lang);
    case Command::mark_not_assessable: return say("cmd_name_mark", lang);
    case Command::excel_copy: return say("cmd_name_excel_copy", lang);
    case Command::export_pdf: return say("cmd_name_export_pdf", lang);
    }
    return {};
}

std::string text(Msg id, Lang lang, const std::vector<std::string>& args) {
    for (const Key& k : keys)
        if (k.id == id) return say(k.key, lang, args);
    return {};
}

std::string summary_label(const SummaryPlan& plan, SummaryLabel label, Lang lang, const std::string& sheet_name) {
    if (label == SummaryLabel::title)
        return text(Msg::summary_title, lang, {sheet_name, plan.plan_year ? ", " + std::to_string(*plan.plan_year) : ""});
    if (label == SummaryLabel::legend_weighted)
        return text(Msg::summary_legend, lang) + " " + text(Msg::summary_weighted, lang);
    if (label == SummaryLabel::chart_label) return say("cmd_col_chart_label", lang);
    return text(msg_of(label), lang);
}

std::string note_text(const Mark& mark, Lang lang) {
    std::string body = note_prefix;
    for (std::size_t i = 0; i < mark.findings.size(); ++i) {
        const Finding& f = mark.findings[i];
        if (i) body += "\n";
        body += text(f.severity == Severity::error ? Msg::error_word : Msg::warning_word, lang) + ": " +
                message(f.code, lang, f.args);
    }
    return body;
}

}  // namespace pegkit::sidebar
