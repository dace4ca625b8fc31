#pragma once
// A whole sheet range into a core Grid in a few calls (values in one getDataArray, number
// formats by uniform ranges, types of the used area), for the sidebar (in process) and the
// batch tool (through a headless office). Never cell by cell over UNO.
#include "sheet.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <cstddef>
#include <stdexcept>
#include <vector>

namespace pegkit::uno {

struct SheetArea {
    int first_row = 0, first_col = 0;  // where grid cell (0,0) lies on the sheet
    int rows = 0, cols = 0;
};

// The used area of a sheet (from its first row and column to the last used cell).
SheetArea used_area(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

// A sheet whose used area is wider than this many cells (rows × columns) is not read: one stray
// cell in the last row of a sheet makes a million-row area, and reading it would take the memory
// of the user's office.
constexpr std::size_t default_cell_limit = 5'000'000;
bool exceeds_cell_limit(const SheetArea& area, std::size_t limit = default_cell_limit) noexcept;

// What read_grid throws instead of reading an area beyond the limit.
struct TableTooLarge : std::length_error {
    TableTooLarge(const SheetArea& a, std::size_t l);
    SheetArea area;
    std::size_t limit;
};

// Reads `area` of `sheet`: text, numbers, and the types shown by number formats (date, percent,
// boolean), formulas marked; dates as serials from 1899-12-30 whatever the document's null date.
// Merged ranges are not read: check_sheet carries blank continuation cells down, which is what a
// merged strategic-objective cell leaves below its first row.
Grid read_grid(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
               const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area,
               std::size_t cell_limit = default_cell_limit);

// One flag per row of `area`: true when the row is hidden (filtered out, or hidden by hand), read
// in one call. Writing commands leave such rows alone.
std::vector<bool> hidden_rows(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area);

}  // namespace pegkit::uno
