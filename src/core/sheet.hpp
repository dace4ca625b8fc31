#pragma once
// Checking a whole PEG sheet and summarizing attainment (TARGETS.md §1, issue #2 item 5).
#include "attainment.hpp"
#include "cell.hpp"
#include "diagnostic.hpp"
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
};
constexpr std::size_t column_count = 12;
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

struct SheetOptions {
    std::optional<int> plan_year;  // when absent, inferred from the sheet (most frequent deadline year)
    Rules rules;
    // Columns the user chose for the actual value and the weight (grid columns; -1: none),
    // overriding what the header says. Absent: found by the header.
    std::optional<int> actual_column, weight_column;
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
};

struct SheetCheck {
    bool found = false;                       // a PEG header was found
    int header_row = -1;
    std::array<int, column_count> column{};   // grid column of each Column, -1 when absent
    int first_row = 0, last_row = -1;         // the table's data rows (inclusive)
    std::optional<int> plan_year;             // given or inferred
    std::vector<Objective> objectives;
    std::vector<Finding> findings;            // sorted by row, then column
    int col(Column c) const noexcept { return column[static_cast<std::size_t>(c)]; }
};

SheetCheck check_sheet(const Grid& grid, const SheetOptions& options = {});

struct SummaryRow {
    std::string group;         // the group's cleaned label ("" for the total)
    int objectives = 0;
    int assessed = 0;
    int met = 0;
    int not_assessable = 0;
    std::optional<double> mean_attainment;  // weighted by Peso when present
    double pct_met() const noexcept { return assessed ? double(met) / assessed : 0.0; }
};

struct SummaryTable {
    Column by = Column::cdr;   // cdr, mission, programme or strategic
    std::vector<SummaryRow> rows;
};

struct Summary {
    std::vector<SummaryTable> tables;  // per CdR, Missione, Programma, Obiettivo strategico
    SummaryRow total;
};

Summary summarize(const SheetCheck& check);

}  // namespace pegkit
