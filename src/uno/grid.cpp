#include "grid.hpp"

#include "convert.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::uno {
namespace {

// What a number format makes of a number: a date, a percentage, TRUE/FALSE, or a number.
CellType type_of_format(const Reference<css::util::XNumberFormats>& formats, sal_Int32 key,
                        std::unordered_map<sal_Int32, CellType>& cache) {
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    CellType type = CellType::number;
    sal_Int16 kind = 0;
    Reference<css::beans::XPropertySet> format = formats.is() ? formats->getByKey(key) : nullptr;
    if (format.is() && (format->getPropertyValue("Type") >>= kind)) {
        if (kind & css::util::NumberFormat::DATE) type = CellType::date;  // DATE and DATETIME
        else if (kind & css::util::NumberFormat::PERCENT) type = CellType::percent;
        else if (kind & css::util::NumberFormat::LOGICAL) type = CellType::boolean;
    }
    cache.emplace(key, type);
    return type;
}

template <class F>
void for_each_cell(const css::table::CellRangeAddress& a, const SheetArea& area, F&& f) {
    for (int r = std::max<int>(a.StartRow, area.first_row); r <= a.EndRow && r < area.first_row + area.rows; ++r)
        for (int c = std::max<int>(a.StartColumn, area.first_col); c <= a.EndColumn && c < area.first_col + area.cols; ++c)
            f(r - area.first_row, c - area.first_col);
}

}  // namespace

SheetArea used_area(const Reference<css::sheet::XSpreadsheet>& sheet) {
    SheetArea area;
    Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
    used->gotoEndOfUsedArea(false);
    const css::table::CellRangeAddress end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    // From A1, so that grid rows are sheet rows and title rows stay in view.
    area.rows = end.EndRow + 1;
    area.cols = end.EndColumn + 1;
    return area;
}

bool exceeds_cell_limit(const SheetArea& area, std::size_t limit) noexcept {
    if (area.rows <= 0 || area.cols <= 0) return false;
    return static_cast<std::size_t>(area.rows) * static_cast<std::size_t>(area.cols) > limit;
}

TableTooLarge::TableTooLarge(const SheetArea& a, std::size_t l)
    : std::length_error("table of " + std::to_string(a.rows) + " x " + std::to_string(a.cols) + " cells is beyond the limit of " +
                        std::to_string(l) + " cells"),
      area(a), limit(l) {}

std::vector<bool> hidden_rows(const Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area) {
    std::vector<bool> hidden(static_cast<std::size_t>(std::max(area.rows, 0)), true);
    if (area.rows <= 0 || area.cols <= 0) return hidden;
    const Reference<css::sheet::XCellRangesQuery> query(
        sheet->getCellRangeByPosition(area.first_col, area.first_row, area.first_col + area.cols - 1,
                                      area.first_row + area.rows - 1),
        UNO_QUERY_THROW);
    for (const auto& a : query->queryVisibleCells()->getRangeAddresses())
        for (int r = std::max<int>(a.StartRow, area.first_row); r <= a.EndRow && r < area.first_row + area.rows; ++r)
            hidden[static_cast<std::size_t>(r - area.first_row)] = false;
    return hidden;
}

Grid read_grid(const Reference<css::sheet::XSpreadsheetDocument>& document,
               const Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area, std::size_t cell_limit) {
    if (exceeds_cell_limit(area, cell_limit)) throw TableTooLarge(area, cell_limit);
    Grid grid(area.rows, area.cols);
    if (area.rows <= 0 || area.cols <= 0) return grid;
    const Reference<css::table::XCellRange> range = sheet->getCellRangeByPosition(
        area.first_col, area.first_row, area.first_col + area.cols - 1, area.first_row + area.rows - 1);

    // values, in one call
    const auto rows = Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
    for (int r = 0; r < rows.getLength() && r < area.rows; ++r) {
        const auto& row = rows[r];
        for (int c = 0; c < row.getLength() && c < area.cols; ++c) {
            Cell cell = to_cell(row[c]);
            if (cell.type == CellType::text && cell.text.empty()) cell.type = CellType::empty;
            grid.at(r, c) = std::move(cell);
        }
    }

    // formulas, by result type: errors become error cells
    const Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
    const sal_Int16 all = css::sheet::FormulaResult::VALUE | css::sheet::FormulaResult::STRING | css::sheet::FormulaResult::ERROR;
    for (const auto& a : query->queryFormulaCells(all)->getRangeAddresses())
        for_each_cell(a, area, [&](int r, int c) { grid.at(r, c).formula = true; });
    for (const auto& a : query->queryFormulaCells(css::sheet::FormulaResult::ERROR)->getRangeAddresses())
        for_each_cell(a, area, [&](int r, int c) { grid.at(r, c).type = CellType::error; });

    // number formats, one entry per distinct format (walking getCellFormatRanges one index at a
    // time is quadratic on a large sheet): dates, percentages, booleans
    const Reference<css::util::XNumberFormatsSupplier> supplier(document, UNO_QUERY);
    const Reference<css::util::XNumberFormats> formats = supplier.is() ? supplier->getNumberFormats() : nullptr;
    const long offset = null_date_offset(Reference<css::beans::XPropertySet>(document, UNO_QUERY));
    std::unordered_map<sal_Int32, CellType> cache;
    const Reference<css::container::XIndexAccess> unique =
        Reference<css::sheet::XUniqueCellFormatRangesSupplier>(range, UNO_QUERY_THROW)->getUniqueCellFormatRanges();
    for (sal_Int32 k = 0; k < unique->getCount(); ++k) {
        Reference<css::sheet::XSheetCellRanges> ranges(unique->getByIndex(k), UNO_QUERY);
        Reference<css::beans::XPropertySet> props(ranges, UNO_QUERY);
        sal_Int32 key = 0;
        if (!ranges.is() || !props.is() || !(props->getPropertyValue("NumberFormat") >>= key)) continue;
        const CellType type = type_of_format(formats, key, cache);
        if (type == CellType::number) continue;
        for (const auto& a : ranges->getRangeAddresses())
            for_each_cell(a, area, [&](int r, int c) {
                Cell& cell = grid.at(r, c);
                if (cell.type != CellType::number) return;
                cell.type = type;
                if (type == CellType::date) cell.number += static_cast<double>(offset);
            });
    }
    return grid;
}

}  // namespace pegkit::uno
