#include "merges.hpp"

#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/XMergeable.hpp>

#include <algorithm>

namespace pegkit::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

bool merged(const Reference<css::table::XCellRange>& range) {
    const Reference<css::util::XMergeable> m(range, UNO_QUERY);
    return m.is() && m->getIsMerged();
}

}  // namespace

std::vector<Merge> read_merges(const Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area, int rows) {
    std::vector<Merge> out;
    if (area.rows <= 0 || area.cols <= 0) return out;
    const int last_col = area.first_col + area.cols - 1;
    const int last_row = area.first_row + std::min(rows, area.rows) - 1;
    if (!merged(sheet->getCellRangeByPosition(area.first_col, area.first_row, last_col, last_row))) return out;
    for (int r = area.first_row; r <= last_row; ++r) {
        if (!merged(sheet->getCellRangeByPosition(area.first_col, r, last_col, r))) continue;
        for (int c = area.first_col; c <= last_col; ++c) {
            const Reference<css::table::XCellRange> cell = sheet->getCellRangeByPosition(c, r, c, r);
            if (!merged(cell)) continue;
            const Reference<css::sheet::XSheetCellRange> sheet_cell(cell, UNO_QUERY);
            const Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursorByRange(sheet_cell);
            cursor->collapseToMergedArea();
            const css::table::CellRangeAddress a =
                Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
            if (a.StartRow != r || a.StartColumn != c) continue;
            out.push_back({a.StartRow - area.first_row, a.StartColumn - area.first_col,
                           std::min<int>(a.EndRow, area.first_row + area.rows - 1) - area.first_row,
                           std::min<int>(a.EndColumn, last_col) - area.first_col});
            c = a.EndColumn;
        }
    }
    return out;
}

}  // namespace pegkit::uno
