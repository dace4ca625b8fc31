#pragma once
// The sheet's groups of like-formatted cells, a few calls for a whole sheet, never one per cell.
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>

namespace pegkit::sidebar {

// Calls f(ranges, props, state) for each group of like-formatted cells of the sheet.
template <class F>
void for_each_sheet_format_group(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, F&& f) {
    using css::uno::Reference;
    const Reference<css::container::XIndexAccess> groups =
        Reference<css::sheet::XUniqueCellFormatRangesSupplier>(sheet, css::uno::UNO_QUERY_THROW)->getUniqueCellFormatRanges();
    for (sal_Int32 i = 0; i < groups->getCount(); ++i) {
        const Reference<css::sheet::XSheetCellRanges> ranges(groups->getByIndex(i), css::uno::UNO_QUERY);
        const Reference<css::beans::XPropertySet> props(ranges, css::uno::UNO_QUERY);
        const Reference<css::beans::XPropertyState> state(ranges, css::uno::UNO_QUERY);
        if (ranges.is() && props.is() && state.is()) f(ranges, props, state);
    }
}

}  // namespace pegkit::sidebar
