// The Calc add-in: one method per sheet function (TARGETS.md §6). Each converts its arguments to
// core values, calls the core, and converts the result back. Errors are returned as Calc error
// values (a NaN carrying the error code, as Calc encodes them), so no exception leaves a method.
#include "args.hpp"
#include "attainment.hpp"
#include "catalogue.hpp"
#include "clean.hpp"
#include "convert.hpp"
#include "names.hpp"
#include "target.hpp"
#include "target_cache.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <it/pegkit/calc/XFunctions.hpp>

#include <cmath>
#include <functional>
#include <mutex>
#include <optional>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;

namespace pegkit::addin {
namespace {

constexpr char service_name[] = "it.pegkit.calc.Functions";
constexpr char implementation_name[] = "it.pegkit.calc.FunctionsImpl";

Any map_cells(const uno::Arg& arg, const std::function<Out(const Cell&)>& f) {
    std::vector<Out> out;
    out.reserve(arg.size());
    for (const Cell& c : arg.cells) out.push_back(f(c));
    return shaped(out, arg.rows, arg.cols, arg.range);
}

// One result per target, in the shape of the target argument.
Any map_targets(const Targets& targets, const std::function<Out(const Target&, bool empty)>& f) {
    std::vector<Out> out;
    out.reserve(targets.size());
    for (std::size_t i = 0; i < targets.size(); ++i) out.push_back(f(*targets.items[i], targets.empty[i]));
    return shaped(out, targets.rows, targets.cols, targets.range);
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

// The optional plan year: a whole number, or omitted (true and no year).
bool plan_year(const Any& year, std::optional<int>& out) {
    const uno::Arg a = uno::to_arg(year);
    if (a.omitted || a.cells.at(0).empty()) return true;
    const std::optional<int> y = whole_number(a.cells.at(0));
    if (!y || *y < 1900 || *y > 9999) return false;
    out = *y;
    return true;
}

// The optional rule: a text, or omitted (default rules); nullopt when it is no valid rule.
// The calling document's scoring profile (pegkit.profile, kept by the Scoring profile panel); ""
// for none. `options` is the document model Calc passes as the hidden first argument.
OUString document_profile(const Reference<css::beans::XPropertySet>& options) {
    const Reference<css::document::XDocumentPropertiesSupplier> supplier(options, css::uno::UNO_QUERY);
    if (!supplier.is()) return OUString();
    const Reference<css::document::XDocumentProperties> props = supplier->getDocumentProperties();
    const Reference<css::beans::XPropertySet> user(props.is() ? props->getUserDefinedProperties() : nullptr, css::uno::UNO_QUERY);
    if (!user.is()) return OUString();
    static const OUString name = uno::to_ou(std::string(profile_property));
    const Reference<css::beans::XPropertySetInfo> info = user->getPropertySetInfo();
    OUString text;
    if (info.is() && info->hasPropertyByName(name)) user->getPropertyValue(name) >>= text;
    return text;
}

// The document's profile with the formula's rule on top; nullopt when either cannot be read (an
// error value: never a score under rules the office did not choose).
std::optional<Profile> profile_argument(const Reference<css::beans::XPropertySet>& options, const Any& rule) {
    if (rule.hasValue() && rule.getValueTypeClass() != css::uno::TypeClass_STRING) return std::nullopt;
    const OUString text = rule.hasValue() ? *static_cast<const OUString*>(rule.getValue()) : OUString();
    return cached_profile(document_profile(options), text);
}

// A cell of PEG.SCORE's attainments or weights. An error inside an array argument arrives as a NaN.
struct ScoreInput {
    enum class Kind { empty, value, error, bad } kind = Kind::empty;
    double value = 0;
};
ScoreInput score_input(const Cell& c) {
    switch (c.type) {
    case CellType::error: return {ScoreInput::Kind::error};
    case CellType::number:
    case CellType::percent:
    case CellType::date:
    case CellType::boolean:
        return std::isfinite(c.number) ? ScoreInput{ScoreInput::Kind::value, c.number} : ScoreInput{ScoreInput::Kind::error};
    case CellType::empty: return {};
    case CellType::text: break;
    }
    // a value typed as text ("0,8" in a sheet that reads 0.8) is not silently left out
    return clean(c.text).empty() ? ScoreInput{} : ScoreInput{ScoreInput::Kind::bad};
}

// What PEG.ATTAIN and PEG.MET give for an attainment.
Out attainment_out(const Attainment& a, Out scored, Out not_assessed) {
    switch (a.status) {
    case Attainment::Status::scored: return scored;
    case Attainment::Status::not_assessed: return not_assessed;
    case Attainment::Status::error: break;
    }
    return Out::of_error(CalcError::no_value);
}

class Functions : public cppu::WeakImplHelper4<it::pegkit::calc::XFunctions, css::sheet::XAddIn,
                                               css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    // XFunctions
    Any SAL_CALL getCheck(const Cells& target, const Any& year) override {
        return guarded([&] {
            std::optional<int> y;
            if (!plan_year(year, y)) return Any(error_value(CalcError::illegal_argument));
            const Lang lang = language();
            const Targets targets = read_targets(target, y);
            // Calc passes a lone empty cell as 0.0: say how to write a zero target (docs/decisions.md).
            const Diag empty = targets.lone_zero ? Diag::empty_or_zero : Diag::empty_target;
            return map_targets(targets, [&](const Target& t, bool) {
                if (t.kind == Kind::vuoto) return Out::of_text(message(empty, lang));
                const Diagnostic* e = t.first_error();
                return Out::of_text(e ? message(*e, lang) : std::string());
            });
        });
    }

    Any SAL_CALL getValid(const Cells& target, const Any& year) override {
        return guarded([&] {
            std::optional<int> y;
            if (!plan_year(year, y)) return Any(error_value(CalcError::illegal_argument));
            return map_targets(read_targets(target, y), [](const Target& t, bool) { return Out::of_bool(t.readable()); });
        });
    }

    Any SAL_CALL getKind(const Cells& target) override {
        return guarded([&] {
            return map_targets(read_targets(target), [](const Target& t, bool) { return Out::of_text(kind_name(t.kind)); });
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
            return map_targets(read_targets(target), [](const Target& t, bool empty) {
                return empty ? Out::of_text("") : Out::of_text(normalize(t));
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

    Any SAL_CALL getAttain(const Reference<css::beans::XPropertySet>& options, const Any& target,
                           const Reference<css::table::XCellRange>& actual, const Any& rule) override {
        return guarded([&] {
            const std::optional<Profile> profile = profile_argument(options, rule);
            if (!profile) return Any(error_value(CalcError::illegal_argument));
            return per_target(options, target, actual, [&](const Target& t, const std::vector<Cell>& actuals) {
                const Attainment a = attain(t, actuals, profile->rules);
                return attainment_out(a, Out::of_number(a.value), Out::of_text(""));
            });
        });
    }

    Any SAL_CALL getMet(const Reference<css::beans::XPropertySet>& options, const Any& target,
                        const Reference<css::table::XCellRange>& actual) override {
        return guarded([&] {
            const std::optional<Profile> profile = profile_argument(options, Any());
            if (!profile) return Any(error_value(CalcError::illegal_argument));
            return per_target(options, target, actual, [&](const Target& t, const std::vector<Cell>& actuals) {
                const Attainment a = attain(t, actuals, profile->rules);
                return attainment_out(a, Out::of_bool(a.status == Attainment::Status::scored && met(t, actuals, profile->rules)),
                                      Out::of_bool(false));
            });
        });
    }

    // The attainments are read as a range so that an error cell reaches the function (Calc
    // refuses an array argument holding one, Err:504) and is skipped as an empty cell is. The
    // optional weights must be an `any` (only those may be omitted): Calc still refuses a weights
    // range holding an error before the call (docs/decisions.md).
    // With the document's profile each attainment is scored first (threshold, bands or the four
    // thresholds, rounding), as the summary scores it; without one the score is the attainment.
    Any SAL_CALL getScore(const Reference<css::beans::XPropertySet>& options, const Reference<css::table::XCellRange>& attainments,
                          const Any& weights) override {
        return guarded([&] {
            const std::optional<Profile> profile = profile_argument(options, Any());
            if (!profile) return Any(error_value(CalcError::illegal_argument));
            const RangeCells a = read_range(attainments);
            const uno::Arg w = uno::to_arg(weights);
            if (a.size() == 0 || (!w.omitted && w.size() != a.size())) return Any(error_value(CalcError::illegal_argument));
            std::vector<std::optional<double>> values, weight_values;
            for (std::size_t i = 0; i < a.size(); ++i) {
                const ScoreInput v = score_input(a.cells[i]);
                const ScoreInput wv = w.omitted ? ScoreInput{} : score_input(w.cells[i]);
                if (v.kind == ScoreInput::Kind::bad || wv.kind == ScoreInput::Kind::bad)
                    return Any(error_value(CalcError::no_value));
                // an error weight leaves its attainment out, as an error attainment is left out
                const bool left_out = v.kind != ScoreInput::Kind::value || wv.kind == ScoreInput::Kind::error;
                values.push_back(left_out ? std::nullopt : std::optional<double>(score_attainment(*profile, v.value)));
                weight_values.push_back(wv.kind == ScoreInput::Kind::value ? std::optional<double>(wv.value) : std::nullopt);
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
        return f ? uno::to_ou(phrase(f->help, wizard_language())) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& method, sal_Int32 argument) override {
        const ArgHelp* a = find_arg(method, argument);
        return a ? uno::to_ou(phrase(a->name, wizard_language())) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& method, sal_Int32 argument) override {
        const ArgHelp* a = find_arg(method, argument);
        return a ? uno::to_ou(phrase(a->help, wizard_language())) : OUString();
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
    // The wizard's texts follow the locale Calc has just set (display names in the UI language,
    // then en-US for the English ones); the functions' messages follow language().
    Lang wizard_language() { return italian() ? Lang::it : Lang::en; }
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
        if (visible < 0 || visible >= static_cast<sal_Int32>(std::size(f->args)) || f->args[visible].name.empty()) return nullptr;
        return &f->args[visible];
    }

    // PEG.OP, PEG.VALUE, PEG.UNIT: a property of one part; empty text for conformita.
    static Any describe(const Cells& target, const Any& part, const std::function<Out(const Measure&)>& f) {
        return guarded([&] {
            const std::optional<std::size_t> n = part_number(part);
            if (!n) return Any(error_value(CalcError::illegal_argument));
            return map_targets(read_targets(target), [&](const Target& t, bool) {
                if (t.kind == Kind::conformita) return Out::of_text("");
                const Measure* m = t.part(*n);
                return m ? f(*m) : Out::of_error(CalcError::no_value);
            });
        });
    }

    // PEG.ATTAIN, PEG.MET: a single target with one actual or a range of actuals (one per part);
    // a range of targets with actuals of the same shape; or a column of composite targets with a
    // row of actuals each.
    static Any per_target(const Reference<css::beans::XPropertySet>& options, const Any& target,
                          const Reference<css::table::XCellRange>& actual,
                          const std::function<Out(const Target&, const std::vector<Cell>&)>& f) {
        // the document's null date costs a UNO call: asked only for a deadline with a numeric actual
        std::optional<long> offset;
        RangeCells a = read_range(actual);
        if (a.size() == 0) return Any(error_value(CalcError::illegal_argument));
        auto score_one = [&](const Target& tg, std::vector<Cell> actuals) {
            while (actuals.size() > std::max<std::size_t>(1, tg.parts.size()) && actuals.back().empty()) actuals.pop_back();
            // an error in the actual is passed on, as Calc's own functions do (#DIV/0! stays #DIV/0!)
            for (const Cell& c : actuals)
                if (c.type == CellType::error) return Out::of_error(static_cast<std::uint32_t>(c.number));
            // a completion date counts from the document's null date, the core's from 1899-12-30
            for (std::size_t k = 0; k < actuals.size() && k < tg.parts.size(); ++k)
                if (tg.parts[k].kind == Kind::scadenza && actuals[k].type == CellType::number) {
                    if (!offset) offset = uno::null_date_offset(options);
                    actuals[k].number += static_cast<double>(*offset);
                }
            return f(tg, actuals);
        };
        // the usual call, =PEG.ATTAIN(A5;B5) filled down a column: one value, no vectors of targets
        Cells rows;
        if (target.getValueTypeClass() != css::uno::TypeClass_SEQUENCE || !(target >>= rows))
            return to_any(score_one(*cached_target(target, std::nullopt, true), std::move(a.cells)));
        const Targets t = read_targets(rows);
        if (!t.range) return to_any(score_one(*t.items[0], std::move(a.cells)));
        std::vector<Out> out;
        out.reserve(t.size());
        if (a.size() == 1) {
            for (const auto& tg : t.items) out.push_back(score_one(*tg, a.cells));
        } else if (a.rows == t.rows && a.cols == t.cols) {
            for (std::size_t i = 0; i < t.size(); ++i) out.push_back(score_one(*t.items[i], {a.cells[i]}));
        } else if (t.cols == 1 && a.rows == t.rows) {
            for (int r = 0; r < t.rows; ++r) {
                const auto first = a.cells.begin() + static_cast<std::ptrdiff_t>(r) * a.cols;
                out.push_back(score_one(*t.items[static_cast<std::size_t>(r)], std::vector<Cell>(first, first + a.cols)));
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
