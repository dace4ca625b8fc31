#pragma once
// Diagnostics are data: a code, a severity and arguments. message() turns them into
// Italian or English text; nothing else in the core writes a user message.
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

enum class Severity { info, warning, error };
enum class Lang { it, en };

enum class Diag {
    // reading a target (non_valido unless noted)
    empty_target,         // vuoto where a target is required
    not_measurable,       // names no number, date or compliance phrase
    excel_date_artifact,  // args: {date text, probable number} ("" when only "a fraction" is known)
    impossible_date,      // args: {date text}
    two_numbers,          // "<= 140, 55 giorni"
    number_range,         // "10-15 giorni"
    start_not_target,     // "Da settembre 2020"
    no_year,              // a date with no year and no plan year; args: {text}
    outside_plan_year,    // args: {date, plan year}
    missing_number,       // ">= abc": an operator with nothing to measure
    ambiguous_number,     // warning; args: {number text, value read}
    // sheet checks
    direction_inferred,   // info; args: {indicator word}
    would_normalize,      // info; args: {normalized text}
    missing_peg_target,   // error
    missing_dup_target,   // warning
    peg_after_dup,        // warning; args: {peg date, dup date}
    no_header,            // error: no column heading recognised
    empty_sheet,          // error
    summary_sheet,        // error: a summary sheet pegkit wrote (its tables are not a plan)
    no_target_column,     // error: a header names some columns but no target; args: {found columns}
    no_objective_column,  // error: a target but no objective or indicator column; args: {found columns}
    card_not_table,       // error: labels one under another beside their values; args: {column, labels}
    section_row,          // info: a row naming a group sets it for the rows below; args: {group text}
    role_prose,           // info: "Risultato atteso" read as a description beside a target column; args: {heading}
    // attainment
    bad_actual,           // args: {actual text}
    bad_rule,             // args: {rule text}
    part_count,           // composto: args: {parts expected, actuals given}
    // sheet functions
    empty_or_zero,        // a lone 0 as target: Calc passes an empty single cell as 0 too (docs/decisions.md)
    // the scoring profile (docs/scoring.md)
    bands_overlap,        // args: {band, band, interval shared}
    bands_gap,            // args: {band, band, interval left out}
    bands_order,          // args: {band, band listed before it}
    band_empty,           // args: {band}: from >= to
    profile_conflict,     // bands and four thresholds both given
    // scoring a sheet with a profile
    override_unjustified, // warning; args: {value}: a validated value with no justification
    override_applied,     // info; args: {value, justification}
    neutralised,          // info; args: {reason}: the objective is left out of the scores
    no_baseline,          // warning: a change against a baseline, and the row has none
    missing_year_target,  // warning; args: {year}: yearly target columns, none for the plan year
    weights_not_100,      // warning; args: {responsible, sum}: percentage weights of one unit
};

struct Diagnostic {
    Diag code = Diag::not_measurable;
    Severity severity = Severity::error;
    std::vector<std::string> args;
};

Severity default_severity(Diag code) noexcept;
std::string_view code_name(Diag code) noexcept;     // stable identifier, e.g. "excel_date_artifact"
std::string_view severity_name(Severity s) noexcept; // "error", "warning", "info"
// A finding that says why a sheet holds no table to read: no heading, a missing column, a card.
bool says_why_no_table(Diag code) noexcept;
std::string message(Diag code, Lang lang, const std::vector<std::string>& args = {});
inline std::string message(const Diagnostic& d, Lang lang) { return message(d.code, lang, d.args); }

}  // namespace pegkit
