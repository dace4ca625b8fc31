#pragma once
// A copy of the workbook for colleagues who use Excel (issue 11): every cell whose formula calls a
// pegkit function keeps its value instead, so the file shows numbers, not #NAME?. The user's own
// workbook is never changed; the front end writes the copy.
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

// A formula that calls one of our functions: Calc writes them by their programmatic name,
// "=IT.PEGKIT.CALC.FUNCTIONS.GETATTAIN(...)", in any file format (LIBREOFFICE-NOTES.md).
bool calls_pegkit(std::string_view formula) noexcept;

// Cells of one column to be written in one call, rows relative to the range read.
struct CellRun {
    int col = 0, first_row = 0, last_row = 0;
};

// The runs of cells calling our functions in a range's formulas (row-major, as getFormulaArray
// gives them), column by column.
std::vector<CellRun> pegkit_runs(const std::vector<std::vector<std::string>>& formulas);

}  // namespace pegkit
