#pragma once
// Calc's optimal row heights while many texts are written. setDataArray measures every cell of
// the rows it covers to set their heights again (Calc 7.4: about 40 % of writing a 100,000-row
// column), but a row's height follows its texts only where a cell's format makes it: text that
// wraps, is turned or stacked, is justified as a block, or has a conditional format (the attributes
// Calc itself looks for before adjusting a row after a single cell's input). A block of writes
// that meets none of these is written with the adjustment off, and the row heights stay what they
// would have become.
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

#include <vector>

namespace pegkit::sidebar {

// The cells of a sheet whose new text can change their row's height.
class HeightShaping {
public:
    explicit HeightShaping(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);
    bool touches(int col, int first_row, int last_row) const;

private:
    std::vector<css::table::CellRangeAddress> m_ranges;
};

// Turns the adjustment (the document's IsAdjustHeightEnabled) on or off for the writes made while
// it lives, then back to what it was, also when a write throws.
class AdjustHeights {
public:
    explicit AdjustHeights(const css::uno::Reference<css::frame::XModel>& model);
    ~AdjustHeights();
    AdjustHeights(const AdjustHeights&) = delete;
    AdjustHeights& operator=(const AdjustHeights&) = delete;
    void set(bool on);

private:
    css::uno::Reference<css::beans::XPropertySet> m_document;
    bool m_was = true, m_now = true;
};

}  // namespace pegkit::sidebar
