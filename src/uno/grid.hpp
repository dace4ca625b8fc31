#pragma once
// A whole sheet range into a core Grid in a few calls (values in one getDataArray, number
// formats by uniform ranges, types of the used area), for the sidebar (in process) and the
// batch tool (through a headless office). Never cell by cell over UNO.
#include "sheet.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

namespace pegkit::uno {

struct SheetArea {
    int first_row = 0, first_col = 0;  // where grid cell (0,0) lies on the sheet
    int rows = 0, cols = 0;
};

// The used area of a sheet (from its first row and column to the last used cell).
SheetArea used_area(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

// Reads `area` of `sheet`: text, numbers, and the types shown by number formats (date, percent,
// boolean), formulas marked; dates as serials from 1899-12-30 whatever the document's null date.
// Merged ranges are not read: check_sheet carries blank continuation cells down, which is what a
// merged strategic-objective cell leaves below its first row.
Grid read_grid(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
               const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area);

}  // namespace pegkit::uno
