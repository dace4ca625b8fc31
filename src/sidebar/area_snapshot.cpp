#include "area_snapshot.hpp"

#include "cells.hpp"
#include "edit.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

const char* const look_names[] = {"CharWeight", "NumberFormat", "CellBackColor", "TopBorder", "BottomBorder",
                                  "LeftBorder", "RightBorder", "IsTextWrapped", "ShrinkToFit"};
constexpr std::size_t looks = sizeof look_names / sizeof *look_names;

Reference<css::table::XCellRange> block(const Reference<css::sheet::XSpreadsheet>& sheet, const css::table::CellRangeAddress& a) {
    return sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow);
}

}  // namespace

AreaSnapshot take_snapshot(const Reference<css::sheet::XSpreadsheet>& sheet, int rows, int cols) {
    AreaSnapshot s;
    s.area.Sheet = Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)->getRangeAddress().Sheet;
    s.area.EndRow = rows - 1;
    s.area.EndColumn = cols - 1;
    const Reference<css::table::XCellRange> all = block(sheet, s.area);
    s.data = Reference<css::sheet::XCellRangeData>(all, UNO_QUERY_THROW)->getDataArray();
    const Reference<css::sheet::XSheetCellRanges> formulas =
        Reference<css::sheet::XCellRangesQuery>(all, UNO_QUERY_THROW)->queryContentCells(css::sheet::CellFlags::FORMULA);
    for (const auto& a : formulas->getRangeAddresses())
        s.formulas.push_back({a, Reference<css::sheet::XCellRangeFormula>(block(sheet, a), UNO_QUERY_THROW)->getFormulaArray()});
    const Reference<css::container::XIndexAccess> groups =
        Reference<css::sheet::XUniqueCellFormatRangesSupplier>(all, UNO_QUERY_THROW)->getUniqueCellFormatRanges();
    for (sal_Int32 i = 0; i < groups->getCount(); ++i) {
        const Reference<css::sheet::XSheetCellRanges> ranges(groups->getByIndex(i), UNO_QUERY_THROW);
        const Reference<css::beans::XPropertySet> props(ranges, UNO_QUERY_THROW);
        const Reference<css::beans::XPropertyState> state(ranges, UNO_QUERY_THROW);
        AreaSnapshot::Look look;
        look.values.resize(looks);
        bool own = false;
        for (std::size_t k = 0; k < looks; ++k)
            if (state->getPropertyState(rtl::OUString::createFromAscii(look_names[k])) == css::beans::PropertyState_DIRECT_VALUE) {
                look.values[k] = props->getPropertyValue(rtl::OUString::createFromAscii(look_names[k]));
                own = true;
            }
        if (!own) continue;
        for (const auto& a : ranges->getRangeAddresses()) look.ranges.push_back(a);
        s.looks.push_back(std::move(look));
    }
    s.notes = read_notes(sheet);
    return s;
}

void clear_area(const Reference<css::sheet::XSpreadsheet>& sheet, const css::table::CellRangeAddress& area) {
    const Reference<css::table::XCellRange> all = block(sheet, area);
    write_step("clear summary");
    Reference<css::sheet::XSheetOperation>(all, UNO_QUERY_THROW)
        ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME | css::sheet::CellFlags::STRING |
                        css::sheet::CellFlags::FORMULA);
    keep_undo_locked();
    const Reference<css::beans::XPropertyState> state(all, UNO_QUERY_THROW);
    for (const char* name : look_names) {
        state->setPropertyToDefault(rtl::OUString::createFromAscii(name));
        keep_undo_locked();
    }
}

void restore_area(const Reference<css::sheet::XSpreadsheet>& sheet, const Reference<css::lang::XMultiServiceFactory>& factory,
                  const AreaSnapshot& s) {
    clear_area(sheet, s.area);
    write_step("restore cells");
    Reference<css::sheet::XCellRangeData>(block(sheet, s.area), UNO_QUERY_THROW)->setDataArray(s.data);
    keep_undo_locked();
    for (const AreaSnapshot::Formulas& f : s.formulas) {
        Reference<css::sheet::XCellRangeFormula>(block(sheet, f.at), UNO_QUERY_THROW)->setFormulaArray(f.formulas);
        keep_undo_locked();
    }
    for (const AreaSnapshot::Look& look : s.looks) {
        const Reference<css::beans::XPropertySet> props(make_ranges(factory, look.ranges), UNO_QUERY_THROW);
        for (std::size_t k = 0; k < looks; ++k)
            if (look.values[k]) {
                props->setPropertyValue(rtl::OUString::createFromAscii(look_names[k]), *look.values[k]);
                keep_undo_locked();
            }
    }
    keep_notes(sheet, factory, s.notes);
}

void keep_notes(const Reference<css::sheet::XSpreadsheet>& sheet, const Reference<css::lang::XMultiServiceFactory>& factory,
                const std::map<CellPos, std::string>& before) {
    const std::map<CellPos, std::string> now = read_notes(sheet);
    std::map<CellPos, std::optional<std::string>> gone;
    for (const auto& [p, text] : before)
        if (!now.count(p)) gone[p] = text;
    if (!gone.empty()) set_notes(sheet, factory, gone, now);
}

}  // namespace pegkit::sidebar
