#pragma once
// Plan, then apply (ARCHITECTURE.md): what each command will write, as plain values computed from
// a SheetCheck, so that the panels' previews, the unit tests and the office side share one answer.
// Positions are grid rows and columns; the office reads grids from A1, so they are sheet cells too.
// Nothing here throws on bad input (decode_marks of any text gives a value).
#include "sheet.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

struct CellPos {
    int row = 0, col = 0;
    friend bool operator<(CellPos a, CellPos b) noexcept { return a.row != b.row ? a.row < b.row : a.col < b.col; }
    friend bool operator==(CellPos a, CellPos b) noexcept { return a.row == b.row && a.col == b.col; }
};
std::string cell_address(CellPos p);                      // {67, 9} -> "J68"
std::optional<CellPos> parse_cell_address(std::string_view a1);  // "J68" -> {67, 9}

// Excel's "bad", "neutral" and "good" fills: what office users read as red, amber, green.
constexpr std::int32_t fill_red = 0xFFC7CE, fill_amber = 0xFFEB9C, fill_green = 0xC6EFCE;

// ------------------------------------------------------------------------------ Normalize

struct CellRewrite {
    int row = 0, col = 0;
    std::string before, after;
};

struct NormalizePlan {
    std::vector<CellRewrite> cells;  // by column, then row
    int hidden = 0;                  // rewrites left out because their row is hidden (filtered)
};

// Text cells (no formula) of the table's known columns: targets take the canonical form
// check_sheet announced (would_normalize), every other text cell is cleaned. A row r with
// hidden_rows[r] true is left as it is.
NormalizePlan plan_normalize(const Grid& grid, const SheetCheck& check, const std::vector<bool>& hidden_rows = {});

// A rewrite the user kept ticked in the panel's preview: the cell and the text the preview showed.
struct ChosenRewrite {
    CellPos at;
    std::string after;
};

// The plan's rewrites the user kept. A chosen cell the plan no longer rewrites to the text the
// preview showed (the sheet changed since) is `stale`: Apply then writes nothing, so that it never
// writes what the user did not see.
struct ChosenPlan {
    NormalizePlan plan;
    std::vector<CellPos> stale;
};
ChosenPlan choose_rewrites(const NormalizePlan& plan, const std::vector<ChosenRewrite>& chosen);

// Normalize into new columns: the adopted wording stays, and the normalized texts go into one new
// column per column with a rewrite, headed "<header> (<suffix>)" on the header row. The new column
// is inserted right beside its source, unless merged cells span the two: Calc then unmerges and
// merges again and records that in its own undo stack even while pegkit holds it locked, and a
// later Undo of those records would delete a column. Such a column goes right of the table.
struct ColumnInsert {
    int source_col = 0;          // the column whose texts are normalized
    int insert_at = -1;          // where a column is inserted beside it; -1: written right of the table
    int final_col = 0;           // where the new column ends up once every insert is done
};
struct NewColumnsPlan {
    std::vector<ColumnInsert> columns;  // one per source column, left to right
    std::vector<ColumnInsert> inserts;  // those inserted beside, right to left: each insert leaves the
                                        // later ones' places as they are
    std::vector<CellRewrite> cells;     // in the new columns (before empty); by column, then row
};
NewColumnsPlan plan_new_columns(const NormalizePlan& plan, const Grid& grid, const SheetCheck& check,
                                const std::string& suffix);

// ------------------------------------------------------------------------------- Validate

struct Mark {
    CellPos at;
    Severity severity = Severity::error;  // error or warning: info findings are listed, not marked
    std::vector<Finding> findings;        // the cell's error and warning findings, in sheet order
    bool note = false;                    // a note is added (the cell has none of its own)
    std::int32_t fill() const noexcept { return severity == Severity::error ? fill_red : fill_amber; }
};

struct ValidatePlan {
    std::vector<Mark> marks;  // by row, then column
    int errors = 0, warnings = 0, infos = 0, notes = 0;
};

// A note costs a drawing object: the first max_notes marked cells without a note of their own
// (`noted`: the cells that have one) get one; every marked cell gets its fill.
constexpr int default_max_notes = 200;
ValidatePlan plan_validate(const SheetCheck& check, const std::vector<CellPos>& noted = {},
                           int max_notes = default_max_notes);

// ------------------------------------------------------------- marks kept in the document

// A cell's background: the style's default, or a colour (-1: transparent).
struct Fill {
    bool is_default = true;
    std::int32_t colour = -1;
    friend bool operator==(Fill a, Fill b) noexcept {
        return a.is_default == b.is_default && (a.is_default || a.colour == b.colour);
    }
    friend bool operator!=(Fill a, Fill b) noexcept { return !(a == b); }
};

// One cell Validate marked: its fill before, the fill it set, the note it added ("" for none).
struct RecordedMark {
    std::string sheet;
    CellPos at;
    Fill before;
    std::int32_t fill = fill_red;
    std::string note;
};

// JSON text for a document property, compact (cells with the same fills as A1 ranges).
std::string encode_marks(const std::vector<RecordedMark>& marks);
// The marks in `json`; text that is not what encode_marks writes gives none.
std::vector<RecordedMark> decode_marks(std::string_view json);

// What Clear marks or Validate sets on one sheet: fills and notes per cell (nullopt: no note),
// and the marks the document keeps afterwards (other sheets' included).
struct Restyle {
    std::map<CellPos, Fill> fills;
    std::map<CellPos, std::optional<std::string>> notes;
    std::vector<RecordedMark> marks;
    int cleared = 0, marked = 0;
    bool empty() const noexcept { return fills.empty() && notes.empty(); }
};

// The cells' state now, as the office reads it before writing.
struct CellLooks {
    std::map<CellPos, Fill> fills;          // at least every recorded and planned cell
    std::map<CellPos, std::string> notes;   // every note of the sheet
};

// Takes back the marks recorded for `sheet`: a cell still showing the fill we set gets its fill
// back, a note still reading as we wrote it is removed. What the user changed since stays.
Restyle plan_clear(const std::vector<RecordedMark>& recorded, const std::string& sheet, const CellLooks& now);

// Clears `sheet`'s marks, then marks as `plan` says; `note_text` words a mark's note.
Restyle plan_mark(const std::vector<RecordedMark>& recorded, const std::string& sheet, const CellLooks& now,
                  const ValidatePlan& plan, const std::function<std::string(const Mark&)>& note_text);

// The cells of the sheet that have a note once `clear` is applied (for plan_validate).
std::vector<CellPos> notes_after(const CellLooks& now, const Restyle& clear);

// -------------------------------------------------------------------------------- Summary

enum class SummaryLabel {
    title, legend, legend_weighted, chart_label, by_cdr, by_mission, by_programme, by_strategic,
    objectives, assessed, met, pct_met, mean, not_assessable, total, not_given,
};

struct SummaryCell {
    enum class Kind { empty, text, number, label, phrase } kind = Kind::empty;
    std::string text;      // text: a group's label; phrase: a catalogue key (catalogue.hpp say)
    std::vector<std::string> args;  // phrase: its arguments
    double number = 0;
    SummaryLabel label = SummaryLabel::title;
};

// Each group table has, after its counts, the objectives per status (status.hpp), which add up to
// the objectives; below the tables the objectives left out with their reason and the justified
// overrides with their note (issue 10), each list only when it has a row.
struct SummaryPlan {
    // printed and framed: the tables' columns; beyond them, in the CdR table's rows, the chart's
    // data: the short labels (short_label.hpp) and the means again, as one range (Calc takes a
    // chart's labels from the leftmost of its ranges, so the CdR table's F cannot go with them)
    static constexpr int printed_width = 13;
    static constexpr int chart_label_col = 13;
    static constexpr int width = 15;
    // group rows a printed page holds below a table's headings, with room to spare (landscape A4
    // or Letter at the zoom that fits the columns to the width)
    static constexpr int rows_per_page = 32;
    // The chart beside the CdR table, in 1/100 mm: from 1 cm down, 6 mm a bar and 3 cm for its
    // title and axis, between 9 and 19 cm (a landscape page at the zoom that fits the tables to
    // its width). A page break splits every column, the chart's too: the rows down to the first
    // break span at least its height (rows of Calc's default 4.52 mm), up to the 40 a page holds.
    static constexpr int chart_top = 1000;
    static int chart_height(int bars) { return std::clamp(600 * bars + 3000, 9000, 19000); }
    static int chart_rows(int bars) { return std::min(40, (chart_top + chart_height(bars)) / 452 + 1); }
    static constexpr int status_first_col = 7;
    // A report, not a copy of the plan: the Relazione's table and the scorecards list this many
    // rows at most (a sheet of 100,000 rows) and count them all.
    static constexpr int max_listed = 2000;
    std::vector<std::vector<SummaryCell>> rows;  // each `width` cells
    std::vector<int> bold_rows;                  // headings and totals, whole rows
    struct Area { int first_row, first_col, last_row, last_col; };
    std::vector<Area> percent;                   // cells shown as percentages
    struct Light { int row, col, level; };       // level 0 green (>= 90 %), 1 amber (>= 60 %), 2 red
    std::vector<Light> lights;
    int chart_first = -1, chart_last = -1;       // the chart's data from the CdR table's heading row: labels chart_label_col, values the next
    std::vector<int> page_breaks;                // printed, a new page starts here: each table after the first, the lists
    // printed at the top of every page that starts below it: the Relazione's column headings, the
    // one table that runs over many pages (Calc repeats one row range per sheet); else the title
    int repeat_row = 0;
    struct Box {  // a table or list framed by borders, from column 0
        int first_row, last_row, last_col;
        bool list = false;  // a list of objectives (long texts), not a table of groups
    };
    std::vector<Box> boxes;
    std::optional<int> plan_year;                // for the title
    bool weighted = false;
    bool has_actual = false;
};

// `workbook`, when given, is the summary of every sheet with a table (Summary on request), shown
// instead of the active sheet's. `grid`, when given, is the checked sheet's: the summary then ends
// with the table for the Relazione sulla performance (relazione.cpp), one row per indicator row.
SummaryPlan plan_summary(const SheetCheck& check, const Summary* workbook = nullptr, const Grid* grid = nullptr);

// The Relazione's table appended to `plan`: heading, a row per indicator row of `check` (objective,
// row, CdR, indicator, target, actual, attainment, status, deviation, note), then its rows counted
// per status, which add up to the rows. On a page of its own when printed.
void add_relazione(SummaryPlan& plan, const Grid& grid, const SheetCheck& check);

}  // namespace pegkit
