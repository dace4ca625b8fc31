#include "row_heights.hpp"

#include "format_groups.hpp"

#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/table/CellHoriJustify.hpp>
#include <com/sun/star/table/CellOrientation.hpp>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace pegkit::sidebar {
namespace {

template <class T>
T property(const Reference<css::beans::XPropertySet>& props, const char* name, T otherwise) {
    T value = otherwise;
    return (props->getPropertyValue(rtl::OUString::createFromAscii(name)) >>= value) ? value : otherwise;
}

bool shapes_height(const Reference<css::beans::XPropertySet>& props) {
    if (property(props, "IsTextWrapped", false)) return true;
    if (property(props, "Orientation", css::table::CellOrientation_STANDARD) != css::table::CellOrientation_STANDARD)
        return true;
    if (property(props, "HoriJustify", css::table::CellHoriJustify_STANDARD) == css::table::CellHoriJustify_BLOCK) return true;
    if (property(props, "RotateAngle", sal_Int32(0)) != 0) return true;
    const Reference<css::sheet::XSheetConditionalEntries> conditions(props->getPropertyValue("ConditionalFormat"), UNO_QUERY);
    return conditions.is() && conditions->getCount() > 0;
}

}  // namespace

HeightShaping::HeightShaping(const Reference<css::sheet::XSpreadsheet>& sheet) {
    for_each_sheet_format_group(sheet, [&](const auto& ranges, const auto& props, const auto&) {
        if (!shapes_height(props)) return;
        for (const css::table::CellRangeAddress& a : ranges->getRangeAddresses()) m_ranges.push_back(a);
    });
}

bool HeightShaping::touches(int col, int first_row, int last_row) const {
    for (const css::table::CellRangeAddress& a : m_ranges)
        if (a.StartColumn <= col && col <= a.EndColumn && a.StartRow <= last_row && first_row <= a.EndRow) return true;
    return false;
}

AdjustHeights::AdjustHeights(const Reference<css::frame::XModel>& model) : m_document(model, UNO_QUERY) {
    if (m_document.is()) m_document->getPropertyValue("IsAdjustHeightEnabled") >>= m_was;
    m_now = m_was;
}

AdjustHeights::~AdjustHeights() {
    try {
        set(m_was);
    } catch (...) {  // the document went away: nothing left to restore
    }
}

void AdjustHeights::set(bool on) {
    on = on && m_was;  // never turn on what the user's own macro turned off
    if (!m_document.is() || on == m_now) return;
    m_document->setPropertyValue("IsAdjustHeightEnabled", css::uno::Any(on));
    m_now = on;
}

}  // namespace pegkit::sidebar
