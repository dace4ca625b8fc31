// The Calc add-in: one method per sheet function (TARGETS.md §6). Each converts its arguments to
// core values, calls the core, and converts the result back. Errors are returned as Calc error
// values (a NaN carrying the error code, as Calc encodes them), so no exception leaves a method.
#include "attainment.hpp"
#include "clean.hpp"
#include "convert.hpp"
#include "names.hpp"
#include "target.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <it/pegkit/calc/XFunctions.hpp>

#include <cmath>
#include <cstring>
#include <functional>
#include <mutex>
#include <optional>
#include <unordered_map>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using Cells = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

namespace pegkit::addin {
namespace {

constexpr char service_name[] = "it.pegkit.calc.Functions";
constexpr char implementation_name[] = "it.pegkit.calc.FunctionsImpl";

// Calc's error values (formula::FormulaError): 502 shows as Err:502, 519 as #VALUE!.
enum class CalcError : std::uint32_t { illegal_argument = 502, no_value = 519 };

double error_value(CalcError e) {
    // A quiet NaN whose low 32 bits hold the error code, as Calc's CreateDoubleError makes it.
    const std::uint64_t bits = 0x7FF8000000000000ULL | static_cast<std::uint32_t>(e);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

// One element of a result.
struct Out {
    enum class Type { text, number, boolean, error } type = Type::text;
    std::string text;
    double number = 0;
    CalcError error = CalcError::no_value;

    static Out of_text(std::string_view t) { Out o; o.text = std::string(t); return o; }
    static Out of_number(double v) { Out o; o.type = Type::number; o.number = v; return o; }
    static Out of_bool(bool b) { Out o; o.type = Type::boolean; o.number = b ? 1 : 0; return o; }
    static Out of_error(CalcError e) { Out o; o.type = Type::error; o.error = e; return o; }
};

Any to_any(const Out& o) {
    switch (o.type) {
    case Out::Type::text: return Any(uno::to_ou(o.text));
    case Out::Type::number: return Any(std::isfinite(o.number) ? o.number : error_value(CalcError::no_value));
    case Out::Type::boolean: return Any(o.number);  // Calc reads no bool result from an add-in: 1/0
    case Out::Type::error: return Any(error_value(o.error));
    }
    return Any();
}

// A single value, or an array of the shape of the range it came from.
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

Any map_cells(const uno::Arg& arg, const std::function<Out(const Cell&)>& f) {
    std::vector<Out> out;
    out.reserve(arg.size());
    for (const Cell& c : arg.cells) out.push_back(f(c));
    return shaped(out, arg.rows, arg.cols, arg.range);
}

// Runs a method body; anything thrown becomes Err:502 instead of reaching Calc.
template <class F>
Any guarded(F&& body) noexcept {
    try {
        return body();
    } catch (...) {
        return Any(error_value(CalcError::illegal_argument));
    }
}

std::optional<int> whole_number(const Cell& c) {
    if (c.type != CellType::number || !std::isfinite(c.number) || c.number != std::floor(c.number) ||
        std::fabs(c.number) > 1e9)
        return std::nullopt;
    return static_cast<int>(c.number);
}

// The optional `part` argument: 1 when omitted.
std::optional<std::size_t> part_number(const Any& part) {
    const uno::Arg a = uno::to_arg(part);
    if (a.omitted || a.cells.at(0).empty()) return 1;
    const std::optional<int> n = whole_number(a.cells.at(0));
    if (!n || *n < 1) return std::nullopt;
    return static_cast<std::size_t>(*n);
}

// Sheets repeat their targets ("31/12/2020" dozens of times, filled down a column): what a text
// reads as is kept, up to a bound. Calls may come from several threads: guarded.
Target cached_read(const Cell& cell, const ReadOptions& options) {
    if (cell.type != CellType::text) return read_target(cell, options);
    static std::mutex mutex;
    static std::unordered_map<std::string, Target> known;
    std::string key = cell.text;
    key += '\x1f';
    if (options.plan_year) key += std::to_string(*options.plan_year);
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (auto it = known.find(key); it != known.end()) return it->second;
    }
    Target t = read_target(cell, options);
    std::lock_guard<std::mutex> lock(mutex);
    if (known.size() >= 4096) known.clear();
    known.emplace(std::move(key), t);
    return t;
}

// Calc passes a single empty cell as 0.0, exactly as it passes the number 0, and uno::to_value_arg
// reads both as empty, so that a missing target never passes as "= 0" (docs/decisions.md, "Zero
// as a target"). True for such a lone 0, which PEG.CHECK then explains.
bool lone_zero(const Cells& rows) {
    if (rows.getLength() != 1 || rows[0].getLength() != 1) return false;
    const Cell c = uno::to_cell(rows[0][0]);
    return c.type == CellType::number && c.number == 0;
}

// A formula argument carries no number format: a date cell arrives as a plain number.
ReadOptions function_options() {
    ReadOptions options;
    options.format_unknown = true;
    return options;
}

// The optional plan year: a whole number, or omitted.
bool plan_year(const Any& year, ReadOptions& options) {
    const uno::Arg a = uno::to_arg(year);
    if (a.omitted || a.cells.at(0).empty()) return true;
    const std::optional<int> y = whole_number(a.cells.at(0));
    if (!y || *y < 1900 || *y > 9999) return false;
    options.plan_year = *y;
    return true;
}

class Functions : public cppu::WeakImplHelper4<it::pegkit::calc::XFunctions, css::sheet::XAddIn,
                                               css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    // XFunctions
    Any SAL_CALL getCheck(const Cells& target, const Any& year) override {
        return guarded([&] {
            ReadOptions options = function_options();
            if (!plan_year(year, options)) return Any(error_value(CalcError::illegal_argument));
            const Lang lang = language();
            const Diag empty = lone_zero(target) ? Diag::empty_or_zero : Diag::empty_target;
            return map_cells(uno::to_value_arg(target), [&](const Cell& c) {
                const Target t = cached_read(c, options);
                if (t.kind == Kind::vuoto) return Out::of_text(message(empty, lang));
                const Diagnostic* e = t.first_error();
                return Out::of_text(e ? message(*e, lang) : std::string());
            });
        });
    }

    Any SAL_CALL getValid(const Cells& target, const Any& year) override {
        return guarded([&] {
            ReadOptions options = function_options();
            if (!plan_year(year, options)) return Any(error_value(CalcError::illegal_argument));
            return map_cells(uno::to_value_arg(target), [&](const Cell& c) { return Out::of_bool(cached_read(c, options).readable()); });
        });
    }

    Any SAL_CALL getKind(const Cells& target) override {
        return guarded([&] {
            return map_cells(uno::to_value_arg(target), [](const Cell& c) { return Out::of_text(kind_name(cached_read(c, function_options()).kind)); });
        });
    }

    Any SAL_CALL getOp(const Cells& target, const Any& part) override {
        return describe(target, part, [](const Measure& m) { return Out::of_text(op_text(m.op)); });
    }

    Any SAL_CALL getValue(const Reference<css::beans::XPropertySet>& options, const Cells& target, const Any& part) override {
        return guarded([&] {
            const long offset = uno::null_date_offset(options);
            return describe(target, part, [offset](const Measure& m) {
                return Out::of_number(m.kind == Kind::scadenza ? m.value - static_cast<double>(offset) : m.value);
            });
        });
    }

    Any SAL_CALL getUnit(const Cells& target, const Any& part) override {
        return describe(target, part, [](const Measure& m) { return Out::of_text(unit_name(m.unit)); });
    }

    Any SAL_CALL getNorm(const Cells& target) override {
        return guarded([&] {
            return map_cells(uno::to_value_arg(target), [](const Cell& c) {
                return c.empty() ? Out::of_text("") : Out::of_text(normalize(cached_read(c, function_options())));
            });
        });
    }

    Any SAL_CALL getClean(const Cells& text) override {
        return guarded([&] {
            return map_cells(uno::to_value_arg(text), [](const Cell& c) {
                return c.type == CellType::number ? Out::of_number(c.number) : Out::of_text(clean(c.text));
            });
        });
    }

    Any SAL_CALL getCode(const Cells& text) override {
        return guarded([&] {
            return map_cells(uno::to_value_arg(text), [](const Cell& c) {
                if (c.type == CellType::number) return Out::of_number(c.number);
                const CodeLabel cl = split_code(c.text);
                return cl.code ? Out::of_number(static_cast<double>(*cl.code)) : Out::of_text("");
            });
        });
    }

    Any SAL_CALL getLabel(const Cells& text) override {
        return guarded([&] {
            return map_cells(uno::to_value_arg(text), [](const Cell& c) {
                return c.type == CellType::number ? Out::of_text("") : Out::of_text(split_code(c.text).label);
            });
        });
    }

    Any SAL_CALL getAttain(const Reference<css::beans::XPropertySet>& options, const Cells& target, const Reference<css::table::XCellRange>& actual,
                           const Any& rule) override {
        return guarded([&] {
            Rules rules;
            const uno::Arg r = uno::to_arg(rule);
            if (!r.omitted && !r.cells.at(0).empty()) {
                const RulesParse parsed = parse_rules(r.cells.at(0).text);
                if (!parsed || r.cells.at(0).type != CellType::text) return Any(error_value(CalcError::illegal_argument));
                rules = parsed.rules;
            }
            return per_target(options, target, actual, [&](const Target& t, const std::vector<Cell>& actuals) {
                const Attainment a = attain(t, actuals, rules);
                switch (a.status) {
                case Attainment::Status::scored: return Out::of_number(a.value);
                case Attainment::Status::not_assessed: return Out::of_text("");
                case Attainment::Status::error: break;
                }
                return Out::of_error(CalcError::no_value);
            });
        });
    }

    Any SAL_CALL getMet(const Reference<css::beans::XPropertySet>& options, const Cells& target, const Reference<css::table::XCellRange>& actual) override {
        return guarded([&] {
            return per_target(options, target, actual, [&](const Target& t, const std::vector<Cell>& actuals) {
                const Attainment a = attain(t, actuals);
                switch (a.status) {
                case Attainment::Status::scored: return Out::of_bool(met(t, actuals));
                case Attainment::Status::not_assessed: return Out::of_bool(false);
                case Attainment::Status::error: break;
                }
                return Out::of_error(CalcError::no_value);
            });
        });
    }

    Any SAL_CALL getScore(const Cells& attainments, const Any& weights) override {
        return guarded([&] {
            const uno::Arg a = uno::to_arg(attainments);
            const uno::Arg w = uno::to_arg(weights);
            if (!w.omitted && w.size() != a.size()) return Any(error_value(CalcError::illegal_argument));
            std::vector<std::optional<double>> values, weight_values;
            for (std::size_t i = 0; i < a.size(); ++i) {
                const Cell& c = a.cells[i];
                if (c.type == CellType::number) values.emplace_back(c.number);
                else if (c.empty() || clean(c.text).empty()) values.emplace_back();
                else return Any(error_value(CalcError::no_value));
                if (w.omitted) continue;
                const Cell& cw = w.cells[i];
                if (cw.type == CellType::number) weight_values.emplace_back(cw.number);
                else if (cw.empty() || clean(cw.text).empty()) weight_values.emplace_back();
                else return Any(error_value(CalcError::no_value));
            }
            const std::optional<double> s = score(values, weight_values);
            return s ? Any(*s) : Any(OUString());
        });
    }

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display) override {
        const std::string name = uno::to_utf8(display);
        for (const FunctionHelp& f : functions)
            if (name == f.name_en || name == f.name_it) return uno::to_ou(f.method);
        return OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& method) override {
        const FunctionHelp* f = find(method);
        return f ? uno::to_ou(italian() ? f->name_it : f->name_en) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& method) override {
        const FunctionHelp* f = find(method);
        return f ? uno::to_ou(italian() ? f->help_it : f->help_en) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& method, sal_Int32 argument) override {
        const ArgHelp* a = find_arg(method, argument);
        return a ? uno::to_ou(italian() ? a->name_it : a->name_en) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& method, sal_Int32 argument) override {
        const ArgHelp* a = find_arg(method, argument);
        return a ? uno::to_ou(italian() ? a->help_it : a->help_en) : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return "Add-In"; }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override { return "Add-In"; }

    // XLocalizable
    // Calc sets the UI locale, reads the display names, then sets en-US to read the English
    // names (sc/source/core/tool/addincol.cxx), and calls the functions after that: the language
    // of messages is the last locale other than en-US.
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_locale = locale;
        if (!(locale.Language == "en" && locale.Country == "US")) m_ui_italian = locale.Language == "it";
    }
    css::lang::Locale SAL_CALL getLocale() override {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_locale;
    }

    // XServiceName, XServiceInfo
    OUString SAL_CALL getServiceName() override { return service_name; }
    OUString SAL_CALL getImplementationName() override { return implementation_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(2);
        names.getArray()[0] = service_name;
        names.getArray()[1] = "com.sun.star.sheet.AddIn";
        return names;
    }

private:
    std::mutex m_mutex;
    css::lang::Locale m_locale{"en", "US", ""};
    bool m_ui_italian = false;

    bool italian() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_locale.Language == "it";
    }
    Lang language() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_ui_italian ? Lang::it : Lang::en;
    }

    static const FunctionHelp* find(const OUString& method) {
        const std::string m = uno::to_utf8(method);
        for (const FunctionHelp& f : functions)
            if (m == f.method) return &f;
        return nullptr;
    }
    // Calc counts the hidden XPropertySet among the arguments.
    static const ArgHelp* find_arg(const OUString& method, sal_Int32 argument) {
        const FunctionHelp* f = find(method);
        if (!f) return nullptr;
        const sal_Int32 visible = argument - (f->options ? 1 : 0);
        if (visible < 0 || visible >= static_cast<sal_Int32>(std::size(f->args)) || f->args[visible].name_en.empty()) return nullptr;
        return &f->args[visible];
    }

    // PEG.OP, PEG.VALUE, PEG.UNIT: a property of one part; empty text for conformita.
    static Any describe(const Cells& target, const Any& part, const std::function<Out(const Measure&)>& f) {
        return guarded([&] {
            const std::optional<std::size_t> n = part_number(part);
            if (!n) return Any(error_value(CalcError::illegal_argument));
            return map_cells(uno::to_value_arg(target), [&](const Cell& c) {
                const Target t = cached_read(c, function_options());
                if (t.kind == Kind::conformita) return Out::of_text("");
                const Measure* m = t.part(*n);
                return m ? f(*m) : Out::of_error(CalcError::no_value);
            });
        });
    }

    // PEG.ATTAIN, PEG.MET: a single target with one actual or a range of actuals (one per part);
    // a range of targets with actuals of the same shape; or a column of composite targets with a
    // row of actuals each.
    static Any per_target(const Reference<css::beans::XPropertySet>& options, const Cells& target, const Reference<css::table::XCellRange>& actual,
                          const std::function<Out(const Target&, const std::vector<Cell>&)>& f) {
        // the document's null date costs a UNO call: asked only for a deadline with a numeric actual
        std::optional<long> offset;
        const uno::Arg t = uno::to_value_arg(target);
        const Reference<css::sheet::XCellRangeData> data(actual, css::uno::UNO_QUERY);
        if (!data.is()) return Any(error_value(CalcError::illegal_argument));
        const uno::Arg a = uno::to_arg(data->getDataArray());
        auto score_one = [&](const Cell& cell, std::vector<Cell> actuals) {
            const Target tg = cached_read(cell, function_options());
            // a completion date counts from the document's null date, the core's from 1899-12-30
            for (std::size_t k = 0; k < actuals.size() && k < tg.parts.size(); ++k)
                if (tg.parts[k].kind == Kind::scadenza && actuals[k].type == CellType::number) {
                    if (!offset) offset = uno::null_date_offset(options);
                    actuals[k].number += static_cast<double>(*offset);
                }
            while (actuals.size() > std::max<std::size_t>(1, tg.parts.size()) && actuals.back().empty()) actuals.pop_back();
            return f(tg, actuals);
        };
        if (!t.range) return to_any(score_one(t.cells.at(0), a.cells));
        std::vector<Out> out;
        out.reserve(t.size());
        if (!a.range) {
            for (const Cell& c : t.cells) out.push_back(score_one(c, a.cells));
        } else if (a.rows == t.rows && a.cols == t.cols) {
            for (std::size_t i = 0; i < t.size(); ++i) out.push_back(score_one(t.cells[i], {a.cells[i]}));
        } else if (t.cols == 1 && a.rows == t.rows) {
            for (int r = 0; r < t.rows; ++r) {
                const auto first = a.cells.begin() + static_cast<std::ptrdiff_t>(r) * a.cols;
                out.push_back(score_one(t.cells[static_cast<std::size_t>(r)], std::vector<Cell>(first, first + a.cols)));
            }
        } else {
            return Any(error_value(CalcError::illegal_argument));
        }
        return shaped(out, t.rows, t.cols, true);
    }
};

}  // namespace
}  // namespace pegkit::addin

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
it_pegkit_calc_Functions_get_implementation(css::uno::XComponentContext*, const css::uno::Sequence<css::uno::Any>&) {
    try {
        return cppu::acquire(new pegkit::addin::Functions);
    } catch (...) {
        return nullptr;
    }
}
