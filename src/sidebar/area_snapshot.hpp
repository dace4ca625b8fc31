#pragma once
// A block of a sheet as it was, so that a command that rewrites it (Summary in place) can put it
// back: the values and texts in one array, formulas per range, the number formats, bold, fills and
// borders per group of like-formatted cells, and the sheet's notes. A few calls, never one per cell.
// Throws UNO exceptions.
#include "plan.hpp"

#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pegkit::sidebar {

struct AreaSnapshot {
    css::table::CellRangeAddress area;
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> data;
    struct Formulas {
        css::table::CellRangeAddress at;
        css::uno::Sequence<css::uno::Sequence<rtl::OUString>> formulas;
    };
    std::vector<Formulas> formulas;
    struct Look {  // the attributes a summary sets (area_snapshot.cpp), where the cells have their own
        std::vector<css::table::CellRangeAddress> ranges;
        std::vector<std::optional<css::uno::Any>> values;  // one per attribute
    };
    std::vector<Look> looks;
    std::map<CellPos, std::string> notes;  // the whole sheet's
};

// The block rows × cols from the sheet's top left corner.
AreaSnapshot take_snapshot(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, int rows, int cols);

// Empties the block but its notes, and takes off its bold, number formats, fills and borders.
void clear_area(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const css::table::CellRangeAddress& area);

// The block as it was: cleared, then written back; notes the writes dropped are put back.
void restore_area(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                  const css::uno::Reference<css::lang::XMultiServiceFactory>& factory, const AreaSnapshot& snapshot);

// Puts back the notes of `before` that are gone (setDataArray drops the notes of the cells it writes).
void keep_notes(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                const css::uno::Reference<css::lang::XMultiServiceFactory>& factory, const std::map<CellPos, std::string>& before);

}  // namespace pegkit::sidebar
