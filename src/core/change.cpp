#include "change.hpp"

#include "clean.hpp"

#include <cctype>
#include <regex>
#include <string>

namespace pegkit {
namespace {

// "rispetto al 2018", "sul 2018", "vs 2018", "rispetto al valore del 2018"
const char* const against = R"((?:\s+(?:rispetto\s+(?:al|all'anno|all anno|all'annualita|al valore(?: del)?|al dato(?: del)?)|sul|sull'anno|vs\.?|in confronto al)\s+(\d{4}))?)";
const char* const amount = R"((\d+(?:[.,]\d+)?)\s*(%|punti percentuali|punti|p\.\s?p\.|pp))";

double number(std::string s) {
    for (char& c : s)
        if (c == ',') c = '.';
    return std::stod(s);  // the pattern admits digits and one separator only
}

// Every change starts with a sign or one of a few words; most targets do not ("31/12/2020",
// ">= 80%", "Almeno 4"), and a look at their first letters spares them the regular expressions (a
// third of a large sheet's check otherwise). Markup, entities, quotes and non-ASCII letters first go
// the long way, through clean().
bool may_be_change(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
    if (i == t.size()) return false;
    const unsigned char first = static_cast<unsigned char>(t[i]);
    if (first == '+' || first == '-') return true;
    if (std::isdigit(first) || first == '>' || first == '=') return false;
    if (first == '<') {
        const unsigned char next = i + 1 < t.size() ? static_cast<unsigned char>(t[i + 1]) : 0;
        return std::isalpha(next) || next == '/' || next == '!';  // a tag, not "<= 5 giorni"
    }
    if (!std::isalpha(first)) return true;
    std::string head;
    for (std::size_t k = i; k < t.size() && head.size() < 12; ++k)
        head += static_cast<char>(std::tolower(static_cast<unsigned char>(t[k])));
    static constexpr std::string_view starts[] = {"un ",        "una ",        "incremento", "aumento", "crescita",
                                                  "miglioramen", "riduzione",  "diminuzione", "decremento", "calo",
                                                  "contrazione", "mantenimento"};
    for (std::string_view s : starts)
        if (head.compare(0, s.size(), s) == 0) return true;
    return false;
}

}  // namespace

std::optional<Change> read_change(std::string_view target) {
    static const std::regex sign(std::string(R"(^([+-])\s*)") + amount + against + R"(\s*\.?$)");
    static const std::regex words(std::string(R"(^(?:un |una )?(incremento|aumento|crescita|miglioramento|riduzione|diminuzione|decremento|calo|contrazione)\s+(?:del|di|dello|pari al|pari a|almeno del|di almeno il|di almeno|minimo del)\s+)") +
                                  amount + against + R"(\s*\.?$)");
    static const std::regex keep(R"(^mantenimento\s+(?:del|dei|dello|degli)\s+(?:valore|valori|livello|livelli|standard|dato|risultato)(?:\s+(?:raggiunt[oi]|conseguit[oi]|attuale|attuali))?(?:\s+(?:nel|del|dell'anno|al|anno))?(?:\s+(\d{4}))?\s*\.?$)");
    if (target.size() > 200 || !may_be_change(target)) return std::nullopt;
    const std::string folded = fold_key(clean(target));
    std::smatch m;
    Change c;
    if (std::regex_match(folded, m, sign)) {
        c.type = m[1] == "-" ? Change::Type::reduction : Change::Type::increase;
        c.amount = number(m[2]);
        c.points = m[3] != "%";
        if (m[4].matched) c.year = std::stoi(m[4]);
    } else if (std::regex_match(folded, m, words)) {
        const std::string w = m[1];
        const bool down = w == "riduzione" || w == "diminuzione" || w == "decremento" || w == "calo" || w == "contrazione";
        c.type = down ? Change::Type::reduction : Change::Type::increase;
        c.amount = number(m[2]);
        c.points = m[3] != "%";
        if (m[4].matched) c.year = std::stoi(m[4]);
    } else if (std::regex_match(folded, m, keep)) {
        c.type = Change::Type::maintenance;
        if (m[1].matched) c.year = std::stoi(m[1]);
    } else {
        return std::nullopt;
    }
    return c;
}

Target change_target(const Change& change, double b, bool percent) {
    const double v = change.points ? (percent ? change.amount / 100 : change.amount) : change.amount / 100;
    Measure m;
    m.kind = Kind::soglia;
    m.unit = percent ? Unit::percent : Unit::none;
    switch (change.type) {
        case Change::Type::increase:
            m.op = Op::ge;
            m.value = change.points ? b + v : b * (1 + v);
            break;
        case Change::Type::reduction:
            m.op = Op::le;
            m.value = change.points ? b - v : b * (1 - v);
            break;
        case Change::Type::maintenance:
            m.op = Op::ge;
            m.value = b;
            break;
    }
    Target t;
    t.kind = Kind::soglia;
    t.parts.push_back(m);
    return t;
}

}  // namespace pegkit
