// Canonical text of a target (TARGETS.md §4): one text per meaning, which reads back to itself.
#include "clean.hpp"
#include "reading.hpp"
#include "target.hpp"

#include <cmath>

namespace pegkit {
namespace {

std::string_view symbol(Op op) {
    switch (op) {
    case Op::ge: return "≥";
    case Op::gt: return ">";
    case Op::le: return "≤";
    case Op::lt: return "<";
    case Op::eq: return "=";
    case Op::none: return "";
    }
    return "";
}

std::string measure_text(const Measure& m) {
    if (m.kind == Kind::scadenza) return "entro il " + format_date(*m.deadline);
    std::string out(symbol(m.op));
    out += ' ';
    const bool one = m.value == 1;
    switch (m.unit) {
    case Unit::percent: out += reading::format_number(m.value * 100, 10) + "%"; break;
    case Unit::eur: {
        // money shows cents when it has them: "1.000,50 €", not "1.000,5 €"
        const double cents = m.value * 100;
        std::string v = reading::format_number(m.value, 10);
        if (std::fabs(cents - std::round(cents)) < 1e-6 && std::fabs(m.value) < 1e13 && v.find(',') != std::string::npos)
            v = reading::format_number(m.value, 2), v += v.size() >= 2 && v[v.size() - 2] == ',' ? "0" : "";
        out += v + " €";
        break;
    }
    case Unit::giorni: out += reading::format_number(m.value, 10) + (one ? " giorno" : " giorni"); break;
    case Unit::ore: out += reading::format_number(m.value, 10) + (one ? " ora" : " ore"); break;
    case Unit::anni: out += reading::format_number(m.value, 10) + (one ? " anno" : " anni"); break;
    case Unit::none:
    case Unit::data: out += reading::format_number(m.value, 10); break;
    }
    if (!m.qualifier.empty()) {
        // "1 giorno lavorativo", "1 giorno naturale e consecutivo"; re-read, both give the same qualifier
        std::string q = m.qualifier;
        if (one) {
            if (q == "lavorativi") q = "lavorativo";
            else if (q == "naturali e consecutivi") q = "naturale e consecutivo";
            else if (q == "solari") q = "solare";
            else if (q == "naturali") q = "naturale";
            else if (q == "consecutivi") q = "consecutivo";
        }
        out += ' ' + q;
    }
    if (!m.noun.empty()) out += ' ' + m.noun;
    if (m.kind == Kind::termine_relativo && !m.event.empty()) out += ' ' + m.event;
    return out;
}

}  // namespace

std::string normalize(const Target& target) {
    if (!target.readable() || target.kind == Kind::conformita || target.parts.empty()) return target.text;
    std::string out;
    for (std::size_t k = 0; k < target.parts.size(); ++k) {
        const Measure& m = target.parts[k];
        // "≥ 1 revisione entro il 31/12/2020" reads better than "… e entro il …"
        if (k > 0) out += m.kind == Kind::scadenza && target.parts[k - 1].kind != Kind::scadenza ? " " : " e ";
        out += measure_text(m);
    }
    return out;
}

std::string normalize(std::string_view text) { return normalize(read_target(text)); }

}  // namespace pegkit
