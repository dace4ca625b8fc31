#include "args.hpp"

#include "convert.hpp"
#include "target_cache.hpp"

#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCell.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace pegkit::addin {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;

double error_value(std::uint32_t code) {
    const std::uint64_t bits = 0x7FF8000000000000ULL | code;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

Any to_any(const Out& o) {
    switch (o.type) {
    case Out::Type::text: return Any(uno::to_ou(o.text));
    case Out::Type::number: return Any(std::isfinite(o.number) ? o.number : error_value(CalcError::no_value));
    // Calc turns any number or boolean an add-in returns into a plain number (ScUnoAddInCall::
    // SetResult): the cell shows 1/0 unless it is formatted as a boolean.
    case Out::Type::boolean: return Any(o.number);
    case Out::Type::error: return Any(error_value(o.error));
    }
    return Any();
}

Any shaped(const std::vector<Out>& values, int rows, int cols, bool range) {
    if (!range) return values.empty() ? Any(error_value(CalcError::illegal_argument)) : to_any(values[0]);
    Sequence<Sequence<Any>> out(rows);
    auto* row_ptr = out.getArray();
    for (int r = 0; r < rows; ++r) {
        row_ptr[r].realloc(cols);
        auto* cell = row_ptr[r].getArray();
        for (int c = 0; c < cols; ++c) cell[c] = to_any(values[static_cast<std::size_t>(r) * cols + c]);
    }
    return Any(out);
}

namespace {

bool nothing(const Any& v, bool lone) {
    switch (v.getValueTypeClass()) {
    case css::uno::TypeClass_VOID: return true;
    case css::uno::TypeClass_STRING: return static_cast<const OUString*>(v.getValue())->isEmpty();
    case css::uno::TypeClass_DOUBLE: return lone && *static_cast<const double*>(v.getValue()) == 0;
    default: return false;
    }
}

}  // namespace

Targets read_targets(const Cells& rows, std::optional<int> plan_year) {
    Targets t;
    t.rows = rows.getLength();
    t.cols = 0;
    for (const auto& row : rows) t.cols = std::max<int>(t.cols, row.getLength());
    t.range = t.rows * t.cols != 1;
    if (t.rows * t.cols == 0) {  // nothing at all: one empty value
        t.rows = t.cols = 1;
        t.items.push_back(cached_target(Any(), plan_year, true));
        t.empty.push_back(true);
        return t;
    }
    const bool lone = !t.range;
    if (lone) {
        const Cell c = uno::to_cell(rows[0][0]);
        t.lone_zero = c.type == CellType::number && c.number == 0;
    }
    t.items.reserve(static_cast<std::size_t>(t.rows) * t.cols);
    t.empty.reserve(t.items.capacity());
    static const Any void_any;
    for (int r = 0; r < t.rows; ++r)
        for (int c = 0; c < t.cols; ++c) {
            const Any& v = c < rows[r].getLength() ? rows[r][c] : void_any;
            t.items.push_back(cached_target(v, plan_year, lone));
            t.empty.push_back(nothing(v, lone));
        }
    return t;
}

RangeCells read_range(const Reference<css::table::XCellRange>& range) {
    RangeCells out;
    const Reference<css::sheet::XCellRangeData> data(range, css::uno::UNO_QUERY);
    if (!data.is()) return out;
    // getDataArray gives an empty cell as "" and an error cell as void.
    const Sequence<Sequence<Any>> rows = data->getDataArray();
    out.rows = rows.getLength();
    for (const auto& row : rows) out.cols = std::max<int>(out.cols, row.getLength());
    out.cells.resize(static_cast<std::size_t>(out.rows) * out.cols);
    for (int r = 0; r < out.rows; ++r)
        for (int c = 0; c < rows[r].getLength(); ++c) {
            Cell& cell = out.cells[static_cast<std::size_t>(r) * out.cols + c];
            if (rows[r][c].hasValue()) {
                cell = uno::to_cell(rows[r][c]);
                continue;
            }
            cell.type = CellType::error;
            cell.number = range->getCellByPosition(c, r)->getError();  // rare: ask which error
        }
    return out;
}

}  // namespace pegkit::addin
