#include "attainment.hpp"

#include "clean.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

namespace pegkit {
namespace {

constexpr double tolerance = 1e-9;
// A strict operator (">", "<") reached only at equality is a miss, and a miss must score
// below 1 so that met() keeps meaning "attainment is 1"; this is the score "just short".
constexpr double just_short = 1 - 1e-6;

Diagnostic diag(Diag code, std::vector<std::string> args = {}) {
    return {code, default_severity(code), std::move(args)};
}

Attainment scored(double v) {
    Attainment a;
    a.status = Attainment::Status::scored;
    a.value = v;
    return a;
}

Attainment failed(Diagnostic d) {
    Attainment a;
    a.status = Attainment::Status::error;
    a.diagnostic = std::move(d);
    return a;
}

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Also strips non-breaking spaces (U+00A0), common in pasted cells.
std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
        else if (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
        else break;
    }
    for (;;) {
        if (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
        else break;
    }
    return s;
}

// Cleaned, case folded, accents dropped (sì, SÌ, sí, "si" + U+0300 -> si), a final full stop dropped.
std::string fold(std::string_view s) {
    std::string out = fold_key(clean(s));
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

// How offices write compliance in the actual column.
std::optional<bool> read_yes_no(std::string_view text) {
    static constexpr std::string_view yes[] = {
        "si", "vero", "true", "yes", "conforme", "rispettato", "rispettata", "rispettati",
        "rispettate", "raggiunto", "raggiunta", "raggiunti", "raggiunte"};
    std::string w = fold(text);
    bool negated = w.compare(0, 4, "non ") == 0;
    std::string_view word = negated ? std::string_view(w).substr(4) : std::string_view(w);
    if (!negated && (w == "no" || w == "falso" || w == "false")) return false;
    for (std::string_view y : yes) {
        if (word != y) continue;
        if (negated && (y == "si" || y == "vero" || y == "true" || y == "yes")) return std::nullopt;
        return !negated;
    }
    return std::nullopt;
}

std::string number_text(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

// What an actual cell says.
struct Actual {
    enum class Type { empty, number, date, yes_no, bad } type = Type::empty;
    double value = 0;      // the number, the date serial, or 1/0
    bool percent = false;  // a percent cell or a "%" in the text: compare as a fraction
    bool word = false;     // yes_no written in words, not a TRUE/FALSE cell
    std::string shown;     // for bad_actual
};

Actual read_actual(const Cell& cell) {
    Actual a;
    auto number = [&](double v, Actual::Type t) {
        a.type = std::isfinite(v) ? t : Actual::Type::bad;
        a.value = v;
        a.shown = cell.text.empty() ? number_text(v) : cell.text;
        return a;
    };
    switch (cell.type) {
        case CellType::empty: return a;
        case CellType::number: return number(cell.number, Actual::Type::number);
        case CellType::percent: a.percent = true; return number(cell.number, Actual::Type::number);
        case CellType::date:
            number(cell.number, Actual::Type::date);
            if (cell.text.empty() && a.value >= 1 && a.value <= 2958465)
                a.shown = format_date(from_serial(static_cast<long>(a.value)));
            return a;
        case CellType::boolean: return number(cell.number != 0 ? 1 : 0, Actual::Type::yes_no);
        case CellType::error: a.type = Actual::Type::bad; a.shown = cell.text; return a;
        case CellType::text: break;
    }
    std::string_view text = trim(cell.text);
    a.shown = std::string(text);
    if (text.empty()) return a;
    if (auto yes = read_yes_no(text)) {
        a.type = Actual::Type::yes_no;
        a.value = *yes ? 1 : 0;
        a.word = true;
        return a;
    }
    // "37,41", "85%", "1.500", "15/12/2020": the target reader knows Italian numbers and dates.
    Target t = read_target(text);
    a.type = Actual::Type::bad;
    if (t.kind == Kind::vuoto) {
        a.type = Actual::Type::empty;  // "-", "n.d.": nothing reported yet
    } else if (t.kind == Kind::scadenza && t.parts.size() == 1) {
        const Measure& m = t.parts[0];
        if (m.deadline && valid(*m.deadline)) {
            a.type = Actual::Type::date;
            a.value = static_cast<double>(to_serial(*m.deadline));
        }
    } else if (t.kind == Kind::soglia && t.parts.size() == 1) {
        // Only a plain quantity is a measurement: "240 associazioni" yes, ">= 80%" no.
        const Measure& m = t.parts[0];
        bool zero = m.op == Op::eq && m.value == 0;  // "0", "zero", "nessuna"
        if ((m.bare || zero) && std::isfinite(m.value)) {
            a.type = Actual::Type::number;
            a.value = m.value;
            a.percent = m.unit == Unit::percent;
        }
    }
    return a;
}

bool near(double a, double b) { return std::fabs(a - b) <= tolerance * std::max(std::fabs(a), std::fabs(b)); }

Op effective_op(const Measure& m, const Rules& rules) {
    if (m.bare && rules.dir == Direction::lower) return Op::le;
    if (m.bare && rules.dir == Direction::higher) return Op::ge;
    if (m.op != Op::none) return m.op;
    return m.kind == Kind::termine_relativo && !m.before ? Op::le : Op::ge;
}

double threshold(Op op, double target, double actual, const Rules& rules) {
    bool strict = op == Op::gt || op == Op::lt;
    switch (op) {
        case Op::none:
        case Op::eq: return near(actual, target) ? 1 : 0;
        case Op::ge:
        case Op::gt: {
            bool met = strict ? actual > target && !near(actual, target) : actual >= target || near(actual, target);
            if (target <= 0) return met ? 1 : 0;  // no ratio to a zero floor
            double ratio = actual / target;
            if (met) return std::min(std::max(ratio, 1.0), rules.cap);
            return std::clamp(ratio, 0.0, just_short);
        }
        case Op::le:
        case Op::lt: {
            // A ceiling (spending limit, days allowed) is a constraint: staying well under it is
            // not more achievement, and rewarding it would reward under-spending, so cap does not
            // apply and a met ceiling scores 1. Actual 0 meets any ceiling >= 0 (no division).
            bool met = strict ? actual < target && !near(actual, target) : actual <= target || near(actual, target);
            if (met) return 1;
            if (target <= 0) return 0;
            double ratio = actual / target;  // > 1 here
            double v = rules.lower_linear ? 2 - ratio : 1 / ratio;
            return std::clamp(v, 0.0, just_short);
        }
    }
    return 0;
}

// A percent target compared with a plain number above 1: the user may have typed 85 for 85 %,
// or the number may be a ratio from a percent-formatted cell the sheet function cannot see
// (105 % arrives as 1.05). Take the reading nearer the target on a ratio scale: points when
// x/100 is nearer than x, i.e. x > 10 · target. Against >= 80 %: 85 -> 0.85, 1.05 -> 1.05.
double percent_actual(double x, double target) {
    if (x > 1 && (target <= 0 || x > 10 * target)) return x / 100;
    return x;
}

Attainment bad(const Actual& a) { return failed(diag(Diag::bad_actual, {a.shown})); }

Attainment attain_number(const Measure& m, const Actual& a, const Rules& rules) {
    double x = a.value;
    if (a.type == Actual::Type::yes_no) {
        // "entro 15 giorni dalla richiesta" with "rispettato": the office checked every case.
        if (m.kind == Kind::termine_relativo) return scored(x);
        if (a.word) return bad(a);  // TRUE/FALSE cells are 1/0 in Calc; "sì" is no quantity
    } else if (a.type != Actual::Type::number) {
        return bad(a);
    }
    if (m.unit == Unit::percent && !a.percent) x = percent_actual(x, m.value);
    return scored(threshold(effective_op(m, rules), m.value, x, rules));
}

Attainment attain_deadline(const Measure& m, const Actual& a, const Rules& rules) {
    double deadline = m.deadline && valid(*m.deadline) ? static_cast<double>(to_serial(*m.deadline)) : m.value;
    if (!std::isfinite(deadline) || deadline < 1) return failed(diag(Diag::not_measurable));
    bool number = a.type == Actual::Type::number && !a.percent;
    if (a.type == Actual::Type::yes_no || (number && (a.value == 0 || a.value == 1)))
        return scored(a.value);  // serials 0 and 1 are 1899: read as FALSE/TRUE
    // The sheet function sees a date cell as its serial number.
    if (!(a.type == Actual::Type::date || number) || a.value < 1 || a.value > 2958465) return bad(a);
    double days_late = std::floor(a.value) - deadline;  // a time of day does not make it late
    if (days_late <= 0) return scored(1);
    if (rules.late_days) return scored(std::max(0.0, 1 - days_late / *rules.late_days));
    return scored(0);
}

Attainment attain_compliance(const Actual& a) {
    if (a.type == Actual::Type::yes_no) return scored(a.value);
    if (a.type == Actual::Type::number && !a.percent && (a.value == 0 || a.value == 1)) return scored(a.value);
    return bad(a);
}

Attainment attain_measure(const Measure& m, const Actual& a, const Rules& rules) {
    if (!std::isfinite(m.value)) return failed(diag(Diag::not_measurable));
    if (m.kind == Kind::scadenza) return attain_deadline(m, a, rules);
    return attain_number(m, a, rules);
}

Diagnostic first_error(const Target& t) {
    for (const Diagnostic& d : t.diagnostics)
        if (d.severity == Severity::error) return d;
    return diag(t.kind == Kind::vuoto ? Diag::empty_target : Diag::not_measurable);
}

// Hand-built Rules may hold anything; parse_rules never gives these.
Rules sane(Rules r) {
    if (!std::isfinite(r.cap) || r.cap < 1) r.cap = 1;
    if (r.late_days && !(std::isfinite(*r.late_days) && *r.late_days > 0)) r.late_days.reset();
    return r;
}

}  // namespace

Attainment attain(const Target& target, const std::vector<Cell>& actuals, const Rules& given_rules) {
    if (!target.readable()) return failed(first_error(target));
    const Rules rules = sane(given_rules);
    const std::size_t parts = target.kind == Kind::composto ? target.parts.size() : 1;
    if (parts == 0 || (target.kind != Kind::conformita && target.parts.size() < parts))
        return failed(diag(Diag::not_measurable));

    std::vector<Actual> read;
    read.reserve(actuals.size());
    std::size_t given = 0;  // up to the last non-empty actual
    for (const Cell& c : actuals) {
        read.push_back(read_actual(c));
        if (read.back().type != Actual::Type::empty) given = read.size();
    }
    if (given == 0) return {};
    // A range with spare empty cells after the last part is fine; a value too many or too few is not.
    if (given > parts || read.size() < parts)
        return failed(diag(Diag::part_count, {std::to_string(parts), std::to_string(given)}));
    // A part not yet reported leaves the whole target not assessed.
    for (std::size_t i = 0; i < parts; ++i)
        if (read[i].type == Actual::Type::empty) return {};

    if (target.kind == Kind::conformita) return attain_compliance(read[0]);

    double sum = 0;
    double lowest = rules.cap;
    bool all_met = true;
    for (std::size_t i = 0; i < parts; ++i) {
        Attainment a = attain_measure(target.parts[i], read[i], rules);
        if (a.status != Attainment::Status::scored) return a;
        sum += a.value;
        lowest = std::min(lowest, a.value);
        all_met = all_met && a.value >= 1 - tolerance;
    }
    if (rules.compound_all) return scored(all_met ? 1 : 0);
    return scored(rules.compound_min ? lowest : sum / static_cast<double>(parts));
}

std::optional<ActualValue> actual_value(const Cell& cell) {
    const Actual a = read_actual(cell);
    if (a.type != Actual::Type::number && a.type != Actual::Type::date) return std::nullopt;
    return ActualValue{a.value, a.type == Actual::Type::date};
}

Attainment attain(const Target& target, const Cell& actual, const Rules& rules) {
    return attain(target, std::vector<Cell>{actual}, rules);
}

bool met(const Target& target, const std::vector<Cell>& actuals) { return met(target, actuals, Rules{}); }

bool met(const Target& target, const std::vector<Cell>& actuals, const Rules& rules) {
    Attainment a = attain(target, actuals, rules);
    return a.status == Attainment::Status::scored && a.value >= 1 - tolerance;
}

// A weight left blank beside an assessed item counts as 1: an office that fills some weights and
// not others means "not specially weighted", not "weight 0". Weights beyond the given list also
// count as 1. A negative or non-finite weight anywhere makes the whole score invalid.
std::optional<double> score(const std::vector<std::optional<double>>& attainments,
                            const std::vector<std::optional<double>>& weights) {
    for (const auto& w : weights)
        if (w && (!std::isfinite(*w) || *w < 0)) return std::nullopt;
    double sum = 0;
    double total = 0;
    for (std::size_t i = 0; i < attainments.size(); ++i) {
        if (!attainments[i]) continue;
        if (!std::isfinite(*attainments[i])) return std::nullopt;
        double w = i < weights.size() && weights[i] ? *weights[i] : 1.0;
        sum += w * *attainments[i];
        total += w;
    }
    if (!(total > 0)) return std::nullopt;
    double s = sum / total;
    if (!std::isfinite(s)) return std::nullopt;
    return s;
}

}  // namespace pegkit
