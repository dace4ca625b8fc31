#include "diagnostic.hpp"

#include "catalogue.hpp"

#include <cstddef>
#include <iterator>

namespace pegkit {
namespace {

// One row per Diag, in enum order: its stable name and severity. The texts are the catalogue's
// "diag_" + name entries (catalogue.cpp).
struct Entry {
    Diag code;
    std::string_view name;
    Severity severity;
};

constexpr Entry entries[] = {
    {Diag::empty_target, "empty_target", Severity::error},
    {Diag::not_measurable, "not_measurable", Severity::error},
    {Diag::excel_date_artifact, "excel_date_artifact", Severity::error},
    {Diag::impossible_date, "impossible_date", Severity::error},
    {Diag::two_numbers, "two_numbers", Severity::error},
    {Diag::number_range, "number_range", Severity::error},
    {Diag::start_not_target, "start_not_target", Severity::error},
    {Diag::no_year, "no_year", Severity::error},
    {Diag::outside_plan_year, "outside_plan_year", Severity::error},
    {Diag::missing_number, "missing_number", Severity::error},
    {Diag::ambiguous_number, "ambiguous_number", Severity::warning},
    {Diag::direction_inferred, "direction_inferred", Severity::info},
    {Diag::would_normalize, "would_normalize", Severity::info},
    {Diag::missing_peg_target, "missing_peg_target", Severity::error},
    {Diag::missing_dup_target, "missing_dup_target", Severity::warning},
    {Diag::peg_after_dup, "peg_after_dup", Severity::warning},
    {Diag::no_header, "no_header", Severity::error},
    {Diag::empty_sheet, "empty_sheet", Severity::error},
    {Diag::summary_sheet, "summary_sheet", Severity::error},
    {Diag::no_target_column, "no_target_column", Severity::error},
    {Diag::no_objective_column, "no_objective_column", Severity::error},
    {Diag::card_not_table, "card_not_table", Severity::error},
    {Diag::section_row, "section_row", Severity::info},
    {Diag::role_prose, "role_prose", Severity::info},
    {Diag::bad_actual, "bad_actual", Severity::error},
    {Diag::bad_rule, "bad_rule", Severity::error},
    {Diag::part_count, "part_count", Severity::error},
    {Diag::empty_or_zero, "empty_or_zero", Severity::error},
    {Diag::bands_overlap, "bands_overlap", Severity::error},
    {Diag::bands_gap, "bands_gap", Severity::error},
    {Diag::bands_order, "bands_order", Severity::error},
    {Diag::band_empty, "band_empty", Severity::error},
    {Diag::profile_conflict, "profile_conflict", Severity::error},
    {Diag::override_unjustified, "override_unjustified", Severity::warning},
    {Diag::override_applied, "override_applied", Severity::info},
    {Diag::neutralised, "neutralised", Severity::info},
    {Diag::no_baseline, "no_baseline", Severity::warning},
    {Diag::missing_year_target, "missing_year_target", Severity::warning},
    {Diag::weights_not_100, "weights_not_100", Severity::warning},
};

static_assert(std::size(entries) == static_cast<std::size_t>(Diag::weights_not_100) + 1,
              "one entry per Diag, in enum order");

const Entry* find(Diag code) noexcept {
    auto i = static_cast<std::size_t>(code);
    if (i < std::size(entries) && entries[i].code == code) return &entries[i];
    for (const Entry& e : entries)
        if (e.code == code) return &e;
    return nullptr;
}

}  // namespace

Severity default_severity(Diag code) noexcept {
    const Entry* e = find(code);
    return e ? e->severity : Severity::error;
}

std::string_view code_name(Diag code) noexcept {
    const Entry* e = find(code);
    return e ? e->name : std::string_view("unknown");
}

bool says_why_no_table(Diag code) noexcept {
    return code == Diag::no_header || code == Diag::no_target_column || code == Diag::no_objective_column ||
           code == Diag::card_not_table;
}

std::string_view severity_name(Severity s) noexcept {
    switch (s) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

std::string message(Diag code, Lang lang, const std::vector<std::string>& args) {
    auto arg = [&](std::size_t n) -> std::string_view { return n < args.size() ? args[n] : std::string_view(); };
    // No probable number: the date came from a fraction (diag_excel_date_artifact_fraction).
    if (code == Diag::excel_date_artifact && arg(1).empty()) return say("diag_excel_date_artifact_fraction", lang, args);
    // The ceiling wording is the usual case (all the words in TARGETS.md §3 mean "lower").
    if (code == Diag::direction_inferred && arg(1) == "higher") return say("diag_direction_inferred_higher", lang, args);
    const Entry* e = find(code);
    if (!e) return std::string();
    return say("diag_" + std::string(e->name), lang, args);
}

}  // namespace pegkit
