#pragma once
// Reading and writing many cells of one sheet in a few calls: fills, notes, texts. Never a UNO
// call per cell on a large sheet (texts are written in column blocks; a cell is written alone
// only when a block would harm it: a note, formatted text). Throws UNO exceptions.
#include "plan.hpp"

#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace pegkit::sidebar {

// The addresses as one SheetCellRanges object, to set a property on all of them in one call.
css::uno::Reference<css::sheet::XSheetCellRangeContainer> make_ranges(
    const css::uno::Reference<css::lang::XMultiServiceFactory>& factory, const std::vector<css::table::CellRangeAddress>& addresses);

// The fills of `cells` (unlisted cells of the sheet are not read).
std::map<CellPos, Fill> read_fills(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                                   const std::set<CellPos>& cells);
void set_fills(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
               const css::uno::Reference<css::lang::XMultiServiceFactory>& factory, const std::map<CellPos, Fill>& fills);

// Every note of the sheet, by cell.
std::map<CellPos, std::string> read_notes(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);
// Sets each listed cell's note (nullopt: none); `now` is what read_notes gave.
void set_notes(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
               const css::uno::Reference<css::lang::XMultiServiceFactory>& factory,
               const std::map<CellPos, std::optional<std::string>>& notes, const std::map<CellPos, std::string>& now);

// Cells a block write must not cover: formulas, notes, formatted text, hidden rows.
struct Untouchable {
    std::set<CellPos> cells;
    std::vector<bool> hidden_rows;
    std::set<int> rows;  // every cell of these rows
    bool covers(CellPos p) const {
        return cells.count(p) || rows.count(p.row) || (p.row < int(hidden_rows.size()) && hidden_rows[std::size_t(p.row)]);
    }
};
Untouchable untouchable_cells(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, int rows, int cols,
                              const std::vector<bool>& hidden_rows);
// The rows holding a text on several lines: setDataArray over such a row records an action in
// Calc's own undo stack even while it is locked (Calc 7.4; the row's height is adjusted), also when
// the multi-line cell is in another column, and XText::setString does not. Cells there are
// written one at a time.
void add_multiline(Untouchable& untouchable, const Grid& grid);

struct TextWrite {
    CellPos at;
    std::string text;
};
// Number formats to set back: kept as ranges of cells in a few calls, not a range per cell, which
// Calc applies slowly.
struct NumberFormatPiece {
    bool is_default = true;  // no format of its own: restored as such, not as an explicit General
    sal_Int32 format = 0;
    std::vector<css::table::CellRangeAddress> ranges;
};
using NumberFormats = std::vector<NumberFormatPiece>;
void set_number_formats(const css::uno::Reference<css::lang::XMultiServiceFactory>& factory, const NumberFormats& formats);

// Writes the texts as text (never read as numbers or formulas), in column blocks that keep the
// cells between them as they are; notes stay. A text on several lines is written alone (see
// add_multiline). `writes` sorted by column, then row. Row heights: row_heights.hpp; number
// formats: text_format_first.hpp. Calc gives the Text format to a text it writes where the text
// would read as a formula or a number ("= 0 anomalie", "12", "1/2"): `formats` gathers the number
// formats of the cells the writes may change, read before writing, so that taking the writes back
// (set_number_formats) restores them.
void write_texts(const css::uno::Reference<css::uno::XComponentContext>& context, const css::uno::Reference<css::frame::XModel>& model,
                 const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::vector<TextWrite>& writes,
                 const Untouchable& untouchable, NumberFormats& formats);

// Before each write step: keeps Calc's undo manager locked (edit.hpp). A test hook of builds
// without NDEBUG (tests/integration/test_fail_write.py): PEGKIT_FAIL_WRITE names a file holding N,
// read as each edit starts (arm_write_hook, run_edit); the edit's N-th write step then throws, once,
// so that the tests see each command restore the document. No-op in Release builds.
void arm_write_hook();
void disarm_write_hook();  // once the edit is over: an Undo later must not fail
void write_step(const char* what);

}  // namespace pegkit::sidebar
