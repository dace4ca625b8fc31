#pragma once
// What the panels show about the active sheet, read once through src/uno and checked by the core:
// findings with their cell addresses, the cells Normalize would rewrite, the header's columns.
#include "diagnostic.hpp"
#include "header.hpp"
#include "sheet.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>

#include <array>
#include <string>
#include <vector>

namespace pegkit::sidebar {

struct SheetFinding {
    int sheet_row = 0, sheet_col = -1;   // absolute, 0-based; col -1 for the whole sheet
    Severity severity = Severity::error;
    std::string text;                    // "B12 · message" in the UI language
};

struct SheetRewrite {
    int sheet_row = 0, sheet_col = 0;    // absolute, 0-based
    std::string column;                  // "J · Target", or the letter alone
    std::string before, after;
};

struct SheetColumn {
    int sheet_col = 0;
    std::string label;                   // "F · Valore raggiunto"
};

struct SheetView {
    bool ok = false;                     // a spreadsheet view with an active sheet
    bool too_large = false;              // beyond the reader's cell limit: not read (grid.hpp)
    int rows = 0, cols = 0;              // the used area's size
    css::uno::Reference<css::sheet::XSpreadsheet> sheet;
    SheetCheck check;
    int first_row = 0, first_col = 0;    // where grid (0,0) lies on the sheet
    std::vector<SheetFinding> findings;
    std::vector<SheetRewrite> rewrites;  // the cells Normalize would rewrite: its own plan
    std::vector<SheetColumn> columns;    // the header's columns, for the Summary choices
    int actual_col = -1, weight_col = -1;  // sheet columns found by the core, -1 when absent
    std::array<int, column_count> role_cols{};  // sheet column of each role as read (the Table panel)
    int header_row = -1;                 // sheet row of the header, -1 when none
    std::vector<SheetColumn> header_rows;  // candidate rows: sheet row in sheet_col, "3 · Obiettivo | ..."
    std::vector<SheetColumn> all_columns;  // every used column: "J · Target 2024" (the Table panel)
    std::string profile_error;           // the document's profile could not be read (doc_options.hpp)
};


// Reads and checks the controller's active sheet. Throws UNO exceptions; callers catch.
// `options`: what Tools ▸ Options ▸ PEG sets (plan year, rule), as the commands use it.
SheetView read_active_sheet(const css::uno::Reference<css::frame::XController>& controller, Lang lang,
                            const SheetOptions& options);

}  // namespace pegkit::sidebar
