#pragma once
// Checking a whole PEG sheet and summarizing attainment (TARGETS.md §1, issue #2 item 5).
#include "attainment.hpp"
#include "cell.hpp"
#include "diagnostic.hpp"
#include "profile.hpp"
#include "status.hpp"
#include "target.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace pegkit {

enum class Column {
    strategic, mission, programme, dup_objective, cdr,
    dup_indicator, dup_target, peg_objective, peg_indicator, peg_target,
    actual, weight,
    attainment,   // an attainment already computed by the office ("% di raggiungimento")
    baseline,     // "Valore di partenza", "Baseline", a past year's actual
    unit,         // "Unità di misura"
    deadline,     // "Scadenza", "Tempi": a deadline column apart from the target
    description,  // prose beside the target ("Risultato atteso" when a target column exists)
    note,         // "Note", "Motivazione", "Stato"; also read for "non valutabile", "sterilizzato"
    override_value,  // "Valore validato", "Forzatura": replaces the computed attainment when justified
    justification,   // "Giustificazione", "Motivazione della forzatura" (else the note column justifies)
    interim_target,  // "Target al 30/06", "Target intermedio": scored while the year runs, from that date
};
constexpr std::size_t column_count = 21;
std::string_view column_name(Column c) noexcept;  // "Obiettivo strategico", "Missione", ...

struct Merge { int first_row = 0, first_col = 0, last_row = 0, last_col = 0; };

// Rows × columns of cells (0-based), plus merged ranges. Front ends fill it in one pass.
struct Grid {
    int rows = 0;
    int cols = 0;
    std::vector<Cell> cells;   // row-major, rows*cols
    std::vector<Merge> merges;

    Grid() = default;
    Grid(int r, int c) : rows(r), cols(c), cells(static_cast<std::size_t>(r) * static_cast<std::size_t>(c)) {}
    Cell& at(int r, int c) { return cells[static_cast<std::size_t>(r) * cols + c]; }
    const Cell& at(int r, int c) const { return cells[static_cast<std::size_t>(r) * cols + c]; }
};

struct Finding {
    int row = 0;               // 0-based grid row
    int col = -1;              // 0-based grid column, -1 for the whole sheet
    Severity severity = Severity::error;
    Diag code = Diag::not_measurable;
    std::vector<std::string> args;
};

// Why a column got its role, for the panel and the report.
enum class RoleReason {
    heading,          // its heading names the role
    plan_year,        // one of several yearly target columns: the plan year's
    other_year,       // a yearly target column of another year (read and checked too)
    past_actual,      // "Consuntivo 2022" before the plan year: the baseline
    prose,            // "Risultato atteso" beside a target column: a description
    operative,        // "Obiettivo operativo" with no DUP pair: the objective itself
    by_position,      // plain "Indicatore"/"Target" placed as DUP or PEG by their place
    values,           // named as another role, but its cells are target values ("OBIETTIVO 2020" over numbers)
    stand_in,         // "Descrizione" where the table names no objective or indicator: what is measured
    describes,        // the description left of the indicator where no column names the objective: what is pursued
    user,             // chosen by the user (panel, document, --columns)
};
std::string_view role_reason_name(RoleReason r) noexcept;  // "heading", "plan_year", ...

struct RoleChoice {
    Column role = Column::peg_target;
    int col = -1;
    std::string heading;    // as written, cleaned
    std::string word;       // the deciding word
    std::optional<int> year;
    RoleReason reason = RoleReason::heading;
};

// One yearly target column that is not the plan year's.
struct YearColumn { int col = -1; int year = 0; };

// An objective the user marked not assessable (the sidebar keeps these), by its grid row.
struct MarkedRow {
    int row = 0;
    std::string reason;
};

struct SheetOptions {
    std::optional<int> plan_year;  // when absent, inferred from the sheet (most frequent deadline year)
    Rules rules;
    Scoring scoring;               // the rest of the office's profile (apply_profile sets both)
    // The date results are read at (front ends pass today by default). Absent: no deadline is
    // taken as missed for want of a completion date, and a missing value is in corso.
    std::optional<Date> as_of;
    std::vector<MarkedRow> not_assessable;  // marked in the panel, with a reason
    // Columns the user chose for the actual value and the weight (grid columns; -1: none),
    // overriding what the header says. Absent: found by the header.
    std::optional<int> actual_column, weight_column;
    // Any role the user chose (grid column; -1: the role has no column), and the header row
    // (grid row), overriding what the headings say. Stored in the document by the front ends.
    std::vector<std::pair<Column, int>> columns;
    std::optional<int> header_row;
};

// One objective row of the table, grouping cells carried down from the rows above.
struct Objective {
    int row = 0;
    std::array<std::string, 4> group;  // strategic, mission, programme, cdr (cleaned, carried down)
    Target peg;                        // read with the plan year and the direction inferred from the indicator
    Target dup;
    std::optional<double> attainment;  // when an actual column exists and the row is assessed
    std::optional<double> weight;
    bool met = false;
    bool assessable = true;            // false when the PEG target cannot be scored
    int objective = 0;                 // the objective this indicator row belongs to (0, 1, ... in order)
    std::optional<double> office_attainment;  // the office's own figure ("% di raggiungimento"), as a fraction
    Cell baseline;                     // "Valore di partenza", read by the scoring rules
    // scoring with the profile (issue 10)
    std::string label;                 // the objective's text, else the indicator's
    std::optional<double> score;       // the attainment as the profile scores it; 0 for a deadline missed
    Status status = Status::in_corso;  // this indicator row's own status
    bool running = false;              // the as-of date is on or before the row's period end
    bool interim = false;              // scored against the interim target ("Target al 30/06")
    NotAssessable why = NotAssessable::none;
    std::string reason;                // marked: the note or the reason given
    bool overridden = false;           // a justified validated value replaced the attainment
    std::optional<double> computed;    // the attainment computed before the override
    std::string override_note;         // the justification
};

// One objective (its indicator rows together) as the summary scores it.
struct ObjectiveResult {
    int row = 0;                       // first indicator row (grid row)
    int objective = 0;
    std::string label;
    std::array<std::string, 4> group;
    int indicators = 0;
    std::optional<double> score;
    Status status = Status::in_corso;
    NotAssessable why = NotAssessable::none;
    std::string reason;
    struct Override { int row; double value; std::optional<double> computed; std::string note; };
    std::vector<Override> overrides;
    std::optional<double> weight;      // as the group means weigh it (a blank Peso counts as 1)
    int cdr = -1;                      // its row in the summary's CdR table
};

struct SheetCheck {
    bool found = false;                       // a PEG header was found
    int header_row = -1;
    std::array<int, column_count> column{};   // grid column of each Column, -1 when absent
    int first_row = 0, last_row = -1;         // the table's data rows (inclusive)
    std::optional<int> plan_year;             // given or inferred
    std::vector<Objective> objectives;        // one per indicator row; Objective::objective groups them
    int objective_count = 0;                  // distinct objectives (several rows may share one)
    int section_count = 0;                    // rows such as "SETTORE 2 - ..." that set a group
    std::vector<RoleChoice> roles;            // why each column got its role, in column order
    std::vector<YearColumn> other_years;      // yearly target columns besides the plan year's
    std::vector<Finding> findings;            // sorted by row, then column
    Scoring scoring;                          // as given, for summarize
    std::optional<Date> as_of;                // as given, for the summary's status heading
    int col(Column c) const noexcept { return column[static_cast<std::size_t>(c)]; }
};

SheetCheck check_sheet(const Grid& grid, const SheetOptions& options = {});

struct SummaryRow {
    std::string group;         // the group's cleaned label ("" for the total)
    int objectives = 0;
    int indicators = 0;
    int assessed = 0;
    int met = 0;
    int not_assessable = 0;
    std::optional<double> mean_attainment;  // weighted by Peso when present; scores under a profile
    std::array<int, status_count> statuses{};  // objectives per Status
    int status(Status s) const noexcept { return statuses[static_cast<std::size_t>(s)]; }
    double pct_met() const noexcept { return assessed ? double(met) / assessed : 0.0; }
};

struct SummaryTable {
    Column by = Column::cdr;   // cdr, mission, programme or strategic
    std::vector<SummaryRow> rows;
};

struct Summary {
    std::vector<SummaryTable> tables;  // per CdR, Missione, Programma, Obiettivo strategico
    SummaryRow total;
    std::vector<ObjectiveResult> objectives;  // each objective's score and status, in sheet order
};

// The profile into a check's options.
void apply_profile(const Profile& profile, SheetOptions& options);

Summary summarize(const SheetCheck& check);

// One summary over several sheets of a workbook (one office keeps a sheet per Settore): an
// objective whose responsible unit is blank counts under its sheet's name.
struct NamedCheck {
    std::string sheet;
    const SheetCheck* check = nullptr;
};
Summary summarize(const std::vector<NamedCheck>& sheets);

}  // namespace pegkit
