#pragma once
// The sheet's groups of like-formatted cells, a few calls for a whole sheet, never one per cell.
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>

#include <utility>

namespace pegkit::sidebar {

// Calls f(ranges, props, state) for each group of like-formatted cells of a sheet or a cell range.
template <class F>
void for_each_format_group_of(const css::uno::Reference<css::sheet::XUniqueCellFormatRangesSupplier>& area, F&& f) {
    using css::uno::Reference;
    const Reference<css::container::XIndexAccess> groups = area->getUniqueCellFormatRanges();
    for (sal_Int32 i = 0; i < groups->getCount(); ++i) {
        const Reference<css::sheet::XSheetCellRanges> ranges(groups->getByIndex(i), css::uno::UNO_QUERY);
        const Reference<css::beans::XPropertySet> props(ranges, css::uno::UNO_QUERY);
        const Reference<css::beans::XPropertyState> state(ranges, css::uno::UNO_QUERY);
        if (ranges.is() && props.is() && state.is()) f(ranges, props, state);
    }
}

template <class F>
void for_each_sheet_format_group(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, F&& f) {
    for_each_format_group_of(css::uno::Reference<css::sheet::XUniqueCellFormatRangesSupplier>(sheet, css::uno::UNO_QUERY_THROW),
                             std::forward<F>(f));
}

}  // namespace pegkit::sidebar
