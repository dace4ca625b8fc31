#pragma once
// The sheet functions' arguments and results as Calc passes and takes them: targets of a
// required argument (read through the cache), cells of an XCellRange, and results as values,
// arrays or Calc error values. No method here throws anything but std::bad_alloc and UNO
// exceptions of the range being read, which the functions' guard turns into Err:502.
#include "cell.hpp"
#include "target.hpp"

#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit::addin {

using Cells = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

// Calc's error codes (formula::FormulaError): 502 shows as Err:502, 519 as #VALUE!.
enum class CalcError : std::uint32_t { illegal_argument = 502, no_value = 519 };

// A quiet NaN whose low 32 bits hold the error code, as Calc's CreateDoubleError makes it.
double error_value(std::uint32_t code);
inline double error_value(CalcError e) { return error_value(static_cast<std::uint32_t>(e)); }

// One element of a result.
struct Out {
    enum class Type { text, number, boolean, error } type = Type::text;
    std::string text;
    double number = 0;
    std::uint32_t error = static_cast<std::uint32_t>(CalcError::no_value);

    static Out of_text(std::string_view t) { Out o; o.text = std::string(t); return o; }
    static Out of_number(double v) { Out o; o.type = Type::number; o.number = v; return o; }
    static Out of_bool(bool b) { Out o; o.type = Type::boolean; o.number = b ? 1 : 0; return o; }
    static Out of_error(std::uint32_t code) { Out o; o.type = Type::error; o.error = code; return o; }
    static Out of_error(CalcError e) { return of_error(static_cast<std::uint32_t>(e)); }
};

css::uno::Any to_any(const Out& o);
// A single value, or an array rows × cols (row-major values) when the argument was a range.
css::uno::Any shaped(const std::vector<Out>& values, int rows, int cols, bool range);

// The targets of a required argument, each read once through the cache. `empty` marks cells with
// nothing in them (a lone 0 included, see uno::to_value_arg).
struct Targets {
    int rows = 1, cols = 1;
    bool range = false;
    bool lone_zero = false;  // a single 0: what Calc also passes for an empty cell
    std::vector<std::shared_ptr<const Target>> items;  // row-major
    std::vector<bool> empty;
    std::size_t size() const { return items.size(); }
};
Targets read_targets(const Cells& rows, std::optional<int> plan_year = std::nullopt);

// The cells of a range argument (PEG.ATTAIN's actual, PEG.SCORE's attainments), row-major.
// An error cell is CellType::error with the error's code in `number`; an empty cell is empty.
struct RangeCells {
    int rows = 0, cols = 0;
    std::vector<Cell> cells;
    std::size_t size() const { return cells.size(); }
};
RangeCells read_range(const css::uno::Reference<css::table::XCellRange>& range);

}  // namespace pegkit::addin
