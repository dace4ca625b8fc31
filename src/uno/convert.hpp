#pragma once
// Conversions between UNO values and core values: the only place that knows both.
#include "cell.hpp"
#include "diagnostic.hpp"
#include "sheet.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include <string>
#include <string_view>
#include <vector>

namespace pegkit {
// Outside LibreOffice's own tree the string types live in rtl only.
using rtl::OString;
using rtl::OUString;
}  // namespace pegkit

namespace pegkit::uno {

OUString to_ou(std::string_view utf8);
std::string to_utf8(const OUString& s);

// A named value, as load and store options, dispatch arguments and results take them.
css::beans::PropertyValue property(std::string_view name, css::uno::Any value);

// A sheet function's argument: one value, or a range passed by Calc as sequence<sequence<any>>.
struct Arg {
    int rows = 1, cols = 1;
    std::vector<Cell> cells;  // row-major
    bool range = false;
    bool omitted = false;     // a void any: the optional argument was left out
    std::size_t size() const { return cells.size(); }
};

// Numbers arrive as doubles, text as OUString, empty cells as void; a number cannot show its
// format, so a date in a cell is a plain number here (TARGETS.md §3, typed cells).
Cell to_cell(const css::uno::Any& value);
Arg to_arg(const css::uno::Any& value);
// Cells as an XCellRangeData gives them (empty cells are void or "").
Arg to_arg(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows);
// A required value argument: Calc gives a single value as a 1x1 array, which is no range, and a
// single empty cell as 0.0, which is read as empty.
Arg to_value_arg(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows);

// Days between the document's null date and Calc's default (1899-12-30): core serials are
// counted from the default, sheet serials from the document's NullDate.
long null_date_offset(const css::uno::Reference<css::beans::XPropertySet>& options);

// The office's UI language (org.openoffice.Setup/L10N/ooLocale, else the system locale, else the
// environment): Italian when it starts with "it", English otherwise. Never throws.
Lang ui_language(const css::uno::Reference<css::uno::XComponentContext>& context);

}  // namespace pegkit::uno
