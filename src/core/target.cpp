// Reading targets: TARGETS.md §2-§3. The text is cleaned, folded to lower case (same byte
// offsets) and cut into tokens; numbers, dates and operator words are then read off the tokens.
#include "target.hpp"

#include "clean.hpp"
#include "reading.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace pegkit {

std::string_view kind_name(Kind k) noexcept {
    switch (k) {
    case Kind::scadenza: return "scadenza";
    case Kind::soglia: return "soglia";
    case Kind::termine_relativo: return "termine_relativo";
    case Kind::conformita: return "conformita";
    case Kind::composto: return "composto";
    case Kind::vuoto: return "vuoto";
    case Kind::non_valido: return "non_valido";
    case Kind::variazione: return "variazione";
    }
    return "";
}

std::string_view op_text(Op op) noexcept {
    switch (op) {
    case Op::ge: return ">=";
    case Op::gt: return ">";
    case Op::le: return "<=";
    case Op::lt: return "<";
    case Op::eq: return "=";
    case Op::none: return "";
    }
    return "";
}

std::string_view unit_name(Unit u) noexcept {
    switch (u) {
    case Unit::percent: return "%";
    case Unit::giorni: return "giorni";
    case Unit::ore: return "ore";
    case Unit::eur: return "EUR";
    case Unit::anni: return "anni";
    case Unit::data: return "data";
    case Unit::none: return "";
    }
    return "";
}

const Diagnostic* Target::first_error() const noexcept {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::error) return &d;
    return nullptr;
}

namespace {

using reading::Tok;
using reading::Token;

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Words that may stand between an operator and its number: "non inferiore al 90%", "almeno n. 3".
bool filler(std::string_view w) {
    return one_of(w, {"a", "al", "ad", "alla", "alle", "allo", "all'", "ai", "agli", "di", "del", "della",
                      "dei", "degli", "delle", "dello", "dell'", "il", "lo", "la", "l'", "i", "gli", "le",
                      "n", "n.", "nr", "nr.", "num", "num.", "numero", "totale", "un", "complessivo", "complessivi",
                      "pari", "€", "euro", "quota", "valore", "circa"});
}

bool stopword(std::string_view w) {
    return filler(w) || one_of(w, {"e", "ed", "o", "od", "entro", "per", "in", "nel", "nell'", "nella", "nei", "nelle",
                                   "da", "dal", "dalla", "dall'", "dai", "dalle", "dagli", "su", "sul", "sulla", "con",
                                   "tra", "fra", "che", "rispetto", "prima", "dopo", "oltre", "almeno", "anche", "se",
                                   "non", "come", "mediante", "tramite", "annui", "annue", "annuo", "annua", "anno",
                                   "all'anno", "mensili", "previsti", "previste", "previsto", "prevista"});
}

// An operator phrase ending just before token `end` (exclusive): returns the operator and sets `begin`.
struct OpPhrase { std::array<std::string_view, 4> words; Op op; };
constexpr OpPhrase op_phrases[] = {
    {{"pari", "o", "superiore"}, Op::ge},   {{"maggiore", "o", "uguale"}, Op::ge},
    {{"superiore", "o", "uguale"}, Op::ge}, {{"minore", "o", "uguale"}, Op::le},
    {{"inferiore", "o", "uguale"}, Op::le}, {{"non", "inferiore"}, Op::ge},
    {{"non", "meno"}, Op::ge},              {{"non", "superiore"}, Op::le},
    {{"non", "oltre"}, Op::le},             {{"non", "più"}, Op::le},
    {{"pari", "ad", "almeno"}, Op::ge},     {{"almeno"}, Op::ge},
    {{"minimo"}, Op::ge},                   {{"pari"}, Op::ge},
    {{"rispetto"}, Op::ge},  // "Rispetto n.8 scadenze": the number of deadlines to meet
    {{"oltre"}, Op::gt},                    {{"superiore"}, Op::gt},
    {{"maggiore"}, Op::gt},                 {{"più"}, Op::gt},
    {{"entro"}, Op::le},                    {{"massimo"}, Op::le},
    {{"max"}, Op::le},                      {{"max."}, Op::le},
    {{"fino"}, Op::le},                     {{"inferiore"}, Op::lt},
    {{"minore"}, Op::lt},                   {{"meno"}, Op::lt},
};

std::size_t phrase_len(const OpPhrase& p) {
    std::size_t n = 0;
    while (n < p.words.size() && !p.words[n].empty()) ++n;
    return n;
}

// Looks back from token index `at` (a quantity) for its operator; `floor` bounds the search.
// Returns Op::none when nothing but fillers stands between the quantity and `floor`.
Op operator_before(const std::vector<Token>& toks, std::size_t at, std::size_t floor, std::size_t& op_begin) {
    std::size_t i = at;
    int fillers = 0;
    while (i > floor) {
        const Token& t = toks[i - 1];
        if (t.type == Tok::op) { op_begin = i - 1; return t.op; }
        if (t.type == Tok::word) {
            // longest phrase ending at t
            const OpPhrase* best = nullptr;
            std::size_t best_len = 0;
            for (const OpPhrase& p : op_phrases) {
                const std::size_t n = phrase_len(p);
                if (n > i - floor || n <= best_len) continue;
                bool match = true;
                for (std::size_t k = 0; k < n && match; ++k) match = toks[i - n + k].type == Tok::word && toks[i - n + k].text == p.words[k];
                if (match) { best = &p; best_len = n; }
            }
            if (best) {
                // "pari" alone is only an operator when followed by "a/al/ad" ("pari al 100%")
                if (best->words[0] == "pari" && best_len == 1 && !(i < toks.size() && one_of(toks[i].text, {"a", "al", "ad", "all'", "alla"})))
                    return Op::none;
                op_begin = i - best_len;
                return best->op;
            }
            if (!filler(t.text) || ++fillers > 4) return Op::none;
        } else if (!(t.type == Tok::symbol && (t.text == "€" || t.text == "." || t.text == ":"))) {
            return Op::none;
        }
        --i;
    }
    return Op::none;
}

bool is_unit_word(std::string_view w, Unit& unit) {
    if (one_of(w, {"giorni", "giorno", "gg", "gg.", "g", "gg.lavorativi"})) { unit = Unit::giorni; return true; }
    if (one_of(w, {"ore", "ora", "h"})) { unit = Unit::ore; return true; }
    if (one_of(w, {"anni", "anno"})) { unit = Unit::anni; return true; }
    if (one_of(w, {"euro", "eur", "euro."})) { unit = Unit::eur; return true; }
    return false;
}

double multiplier(std::string_view w) {
    if (one_of(w, {"mln", "mln.", "milioni", "milione", "ml"})) return 1e6;
    if (one_of(w, {"mld", "mld.", "miliardi", "miliardo"})) return 1e9;
    if (one_of(w, {"mila"})) return 1e3;
    return 0;
}

int number_word(std::string_view w) {
    static constexpr std::string_view words[] = {"zero", "uno", "due", "tre", "quattro", "cinque",
                                                 "sei", "sette", "otto", "nove", "dieci"};
    if (w == "un" || w == "una" || w == "un'") return 1;
    for (int i = 0; i <= 10; ++i)
        if (w == words[i]) return i;
    return -1;
}

bool legal_word(std::string_view w) {
    return one_of(w, {"art", "art.", "artt", "artt.", "articolo", "articoli", "comma", "commi", "lgs", "lgs.", "d.lgs",
                      "d.lgs.", "dlgs", "l", "l.", "legge", "dpr", "d.p.r.", "d.p.r", "dl", "d.l.", "d.l", "reg", "reg.",
                      "regolamento", "lett", "lett.", "par", "par.", "punto", "allegato", "all.", "versione", "v", "v.",
                      "by", "dm", "d.m.", "dpcm", "d.p.c.m.", "lr", "l.r.", "ue", "cee", "ce", "iso", "uni", "en", "cap",
                      "cap.", "capitolo", "capitoli", "sezione", "missione", "programma", "obiettivo", "fase", "lotto",
                      "zona", "area", "servizio", "cdr", "classe", "livello", "tabella", "n°"});
}

bool month_word(std::string_view w, int& month) {
    static constexpr std::string_view months[] = {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
                                                  "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"};
    for (int i = 0; i < 12; ++i)
        if (w == months[i]) { month = i + 1; return true; }
    return false;
}

struct DateFound {
    Date date;
    std::size_t first = 0, last = 0;  // tokens used
    bool month_end = false;           // "dicembre 2020": the whole month
    bool year_only = false;           // "entro il 2020"
    bool no_year = false;             // "entro il 30/06"
};

struct Quantity {
    std::size_t tok = 0;       // the number token
    std::size_t first = 0;     // first token of the measure (operator or number)
    std::size_t last = 0;      // last token used (unit, noun, ...)
    double value = 0;
    bool ambiguous = false;
    std::string number_text;
    Measure m;
    bool explicit_op = false;
    bool relative = false;     // counted from an event
    std::size_t event_tok = 0; // where the event phrase starts
};

class Reader {
public:
    Reader(std::string cleaned, const ReadOptions& o) : t_(std::move(cleaned)), l_(fold_case(t_)), o_(o) {
        reading::tokenize(l_, toks_);
    }

    Target read() {
        Target r;
        r.text = t_;
        if (placeholder()) { r.kind = Kind::vuoto; return r; }
        if (!scan_dates(r)) { r.kind = Kind::non_valido; return r; }
        if (!scan_quantities(r)) { r.kind = Kind::non_valido; return r; }
        build(r);
        return r;
    }

private:
    std::string t_, l_;
    const ReadOptions& o_;
    std::vector<Token> toks_;
    std::vector<DateFound> dates_;
    std::vector<Quantity> qty_;
    std::vector<bool> used_;

    bool placeholder() const {
        if (l_.empty()) return true;
        if (l_.find_first_not_of("-/_. ?") == std::string::npos) return true;
        return one_of(l_, {"n.d.", "n.d", "nd", "n/a", "n.a.", "n.a", "na", "n/d", "non disponibile", "-/-"});
    }

    void fail(Target& r, Diag code, std::vector<std::string> args = {}) {
        r.diagnostics.push_back({code, Severity::error, std::move(args)});
    }

    std::string original(std::size_t first, std::size_t last) const {
        const std::size_t b = toks_[first].begin, e = toks_[last].end;
        return t_.substr(b, e - b);
    }

    bool word_at(std::size_t i, std::initializer_list<std::string_view> words) const {
        return i < toks_.size() && toks_[i].type == Tok::word && one_of(toks_[i].text, words);
    }

    // ---- dates ---------------------------------------------------------------------------
    bool scan_dates(Target& r) {
        used_.assign(toks_.size(), false);
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            const Token& tk = toks_[i];
            int month = 0;
            if (tk.type == Tok::date) {
                if (citation_date(i)) continue;
                DateFound d{{tk.year, tk.month, tk.day}, i, i};
                if (tk.year == 0) {  // "30/06": only a date after entro/il/al or alone
                    const bool ctx = word_at(i - 1, {"il", "entro", "al", "dal", "del", "fino"}) || toks_.size() == 1 ||
                                     (i >= 1 && toks_[i - 1].type == Tok::op);
                    if (!ctx || i == 0 ? toks_.size() != 1 : false) continue;
                    d.no_year = true;
                }
                if (!add_date(r, d)) return false;
            } else if (tk.type == Tok::number && tk.integer && tk.value >= 1 && tk.value <= 31 &&
                       i + 1 < toks_.size() && toks_[i + 1].type == Tok::word && month_word(toks_[i + 1].text, month)) {
                // "31 dicembre 2020", "1° gennaio 2021", "30 giugno"
                DateFound d{{0, month, static_cast<int>(tk.value)}, i, i + 1};
                if (i + 2 < toks_.size() && year_token(i + 2)) { d.date.year = static_cast<int>(toks_[i + 2].value); d.last = i + 2; }
                else d.no_year = true;
                if (!add_date(r, d)) return false;
                i = d.last;
            } else if (tk.type == Tok::word && month_word(tk.text, month) && i + 1 < toks_.size() && year_token(i + 1)) {
                // "entro febbraio 2020", "(dicembre 2020)"
                const int year = static_cast<int>(toks_[i + 1].value);
                DateFound d{{year, month, last_day_of_month(year, month)}, i, i + 1};
                d.month_end = true;
                if (!add_date(r, d)) return false;
                i = d.last;
            } else if (tk.type == Tok::number && year_token(i) && i >= 1 &&
                       (word_at(i - 1, {"entro"}) || (word_at(i - 1, {"il", "l'anno", "anno", "fine"}) && word_at(i - 2, {"entro"})) ||
                        (word_at(i - 1, {"anno"}) && word_at(i - 2, {"l'", "il"}) && word_at(i - 3, {"entro"})))) {
                // "entro il 2020" = 31/12 of that year
                const int year = static_cast<int>(tk.value);
                DateFound d{{year, 12, 31}, i, i};
                d.year_only = true;
                if (!add_date(r, d)) return false;
            }
        }
        return resolve_periods(r);
    }

    // "D.Lgs. n. 50 del 18/04/2016", "L. 241 del 07/08/1990": the date names a law, it sets no deadline
    bool citation_date(std::size_t i) const {
        if (!word_at(i - 1, {"del", "dell'"}) || i < 2) return false;
        for (std::size_t k = i - 1; k-- > 0 && k + 6 > i;)
            if (toks_[k].type == Tok::word && legal_word(toks_[k].text) && !one_of(toks_[k].text, {"programma", "obiettivo", "fase", "area", "servizio", "zona", "missione"}))
                return true;
        return false;
    }

    bool year_token(std::size_t i) const {
        const Token& y = toks_[i];
        return y.type == Tok::number && y.integer && y.plain && y.digits == 4 && y.value >= 1900 && y.value <= 2099;
    }

    bool add_date(Target& r, DateFound d) {
        if (d.no_year) {
            if (!o_.plan_year) { fail(r, Diag::no_year, {original(d.first, d.last)}); return false; }
            d.date.year = *o_.plan_year;
        }
        // Excel's day 0 and days of January-February 1900 are numbers shown as dates: 02/01/1900 was 2.
        if (d.date.year == 1900 && d.date.month >= 1 && d.date.month <= 2 && d.date.day >= 0 && d.date.day <= 31) {
            const int n = d.date.month == 1 ? d.date.day : 31 + d.date.day;
            fail(r, Diag::excel_date_artifact, {original(d.first, d.last), n == 0 ? std::string() : std::to_string(n)});
            return false;
        }
        if (!valid(d.date)) { fail(r, Diag::impossible_date, {original(d.first, d.last)}); return false; }
        for (std::size_t k = d.first; k <= d.last; ++k) used_[k] = true;
        dates_.push_back(d);
        return true;
    }

    // "gennaio 2020 - dicembre 2022" and "dal 01/01/2020 al 31/12/2020" are periods: their end is the
    // deadline. A start alone ("Da settembre 2020") is no target.
    bool resolve_periods(Target& r) {
        std::vector<DateFound> kept;
        for (std::size_t k = 0; k < dates_.size(); ++k) {
            const DateFound& d = dates_[k];
            const bool from = word_at(d.first - 1, {"da", "dal", "dall'", "dalla", "decorrere", "partire"}) && d.first >= 1 &&
                              !word_at(d.first - 2, {"giorni", "giorno", "gg"});
            if (from) {
                if (k + 1 < dates_.size()) {
                    const DateFound& e = dates_[k + 1];
                    bool joined = true;
                    for (std::size_t j = d.last + 1; j < e.first && joined; ++j)
                        joined = (toks_[j].type == Tok::symbol && toks_[j].text == "-") || word_at(j, {"a", "al", "all'", "alla", "fino", "e"});
                    if (joined && e.first > d.last) { kept.push_back(e); ++k; continue; }
                }
                fail(r, Diag::start_not_target, {original(d.first - 1, d.last)});
                return false;
            }
            if (k + 1 < dates_.size()) {
                const DateFound& e = dates_[k + 1];
                if (e.first == d.last + 2 && toks_[d.last + 1].type == Tok::symbol && toks_[d.last + 1].text == "-") {
                    kept.push_back(e);  // "gennaio 2020 - dicembre 2022"
                    ++k;
                    continue;
                }
            }
            kept.push_back(d);
        }
        dates_ = std::move(kept);
        return true;
    }

    // ---- quantities ----------------------------------------------------------------------
    bool citation(std::size_t i) const {
        // "art. 6", "D.Lgs. n. 33", "CC BY 4.0": a number naming a rule or a version
        std::size_t j = i;
        while (j > 0 && (toks_[j - 1].type == Tok::symbol && toks_[j - 1].text == "." )) --j;
        if (j > 0 && word_at(j - 1, {"n", "n.", "nr", "nr."}) && j >= 2) {
            std::size_t k = j - 1;
            while (k > 0 && toks_[k - 1].type == Tok::symbol) --k;
            if (k > 0 && toks_[k - 1].type == Tok::word && legal_word(toks_[k - 1].text)) return true;
        }
        return j > 0 && toks_[j - 1].type == Tok::word && legal_word(toks_[j - 1].text);
    }

    bool year_like(std::size_t i) const {
        // "anno 2019", "2020- prima elaborazione", "eventi 2020": years name, they do not count.
        if (!year_token(i)) return false;
        if (toks_.size() == 1) return false;
        Unit u;
        if (i + 1 < toks_.size() && ((toks_[i + 1].type == Tok::symbol && toks_[i + 1].text == "%") ||
                                     (toks_[i + 1].type == Tok::word && (is_unit_word(toks_[i + 1].text, u) || multiplier(toks_[i + 1].text) > 0))))
            return false;
        // "Riduzione del 2% rispetto al 2019": a year of comparison, not a count to reach
        std::size_t b = 0;
        return operator_before(toks_, i, 0, b) == Op::none || word_at(b, {"rispetto", "pari"});
    }

    bool scan_quantities(Target& r) {
        std::size_t floor = 0;
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            if (used_[i]) { floor = i + 1; continue; }
            const Token& tk = toks_[i];
            double v = 0;
            bool word_number = false;
            if (tk.type == Tok::number) {
                if (tk.ordinal || citation(i) || year_like(i)) continue;
                v = tk.value;
            } else if (tk.type == Tok::word) {
                if (one_of(tk.text, {"nessun", "nessuna", "nessuno", "zero"}) ||
                    (tk.text == "assenza" && word_at(i + 1, {"di"}))) {
                    v = 0;
                    word_number = true;
                } else {
                    const int n = number_word(tk.text);
                    if (n < 0) continue;
                    // "una piattaforma" is an article; "almeno una revisione", "un giorno prima", "due azioni" count
                    std::size_t b = 0;
                    Unit u;
                    const bool after_op = operator_before(toks_, i, floor, b) != Op::none;
                    const bool time_unit = i + 1 < toks_.size() && toks_[i + 1].type == Tok::word && is_unit_word(toks_[i + 1].text, u) && u != Unit::eur;
                    if (n == 1 && !after_op && !time_unit) continue;
                    if (n > 1 && !after_op && !time_unit && !(i + 1 < toks_.size() && toks_[i + 1].type == Tok::word && !stopword(toks_[i + 1].text))) continue;
                    v = n;
                    word_number = true;
                }
            } else {
                continue;
            }
            // ">= -5", "-5%": a minus sign written against the digits
            if (tk.type == Tok::number && i > floor && toks_[i - 1].type == Tok::symbol && toks_[i - 1].text == "-" &&
                toks_[i - 1].end == tk.begin && (i - 1 == 0 || toks_[i - 2].type == Tok::op || toks_[i - 2].end < toks_[i - 1].begin))
                v = -v;
            Quantity q;
            q.tok = i;
            q.first = i;
            q.last = i;
            q.value = v;
            q.number_text = original(i, i);
            q.ambiguous = tk.type == Tok::number && tk.ambiguous;
            if (tk.type == Tok::number && tk.too_big) { fail(r, Diag::not_measurable); return false; }
            if (!read_measure(r, q, floor, word_number)) return false;
            floor = q.last + 1;
            i = q.last;
            qty_.push_back(std::move(q));
        }
        return true;
    }

    bool read_measure(Target& r, Quantity& q, std::size_t floor, bool word_number) {
        Measure& m = q.m;
        const Token& tk = toks_[q.tok];
        std::size_t op_begin = q.tok;
        if (word_number && (tk.text == "zero" || tk.text.rfind("nessun", 0) == 0 || tk.text == "assenza")) {
            m.op = Op::eq;
            q.explicit_op = true;
            if (tk.text == "zero" ) {
                std::size_t b = 0;  // "pari a zero"
                if (operator_before(toks_, q.tok, floor, b) != Op::none) op_begin = b;
            }
            if (tk.text == "assenza") q.last = q.tok + 1;  // "assenza di"
        } else {
            m.op = operator_before(toks_, q.value < 0 ? q.tok - 1 : q.tok, floor, op_begin);
            q.explicit_op = m.op != Op::none;
            // "= 0" written as a bare 0
            if (!q.explicit_op && q.value == 0 && !word_number) { m.op = Op::eq; q.explicit_op = false; }
        }
        q.first = op_begin;
        // an operator directly followed by a second number: "<= 140, 55 giorni"
        std::size_t j = q.last + 1;
        if (j + 1 < toks_.size() && toks_[j].type == Tok::symbol && toks_[j].text == "," && toks_[j + 1].type == Tok::number && !used_[j + 1]) {
            fail(r, Diag::two_numbers, {original(q.tok, j + 1)});
            return false;
        }
        if (j + 1 < toks_.size() && toks_[j].type == Tok::symbol && toks_[j].text == "-" && toks_[j + 1].type == Tok::number && !used_[j + 1] &&
            !year_token(q.tok)) {
            fail(r, Diag::number_range, {original(q.tok, j + 1)});
            return false;
        }
        // "tra 5 e 10 giorni", "da 5 a 10 giorni": a range in words
        if (word_at(q.tok - 1, {"tra", "fra", "da"}) && q.tok >= 1 && word_at(j, {"e", "a"}) && j + 1 < toks_.size() &&
            toks_[j + 1].type == Tok::number && !used_[j + 1]) {
            fail(r, Diag::number_range, {original(q.tok - 1, j + 1)});
            return false;
        }
        // currency written before the number: ">€9,000,000", "€ 51.294,82"
        for (std::size_t k = q.first; k < q.tok; ++k)
            if ((toks_[k].type == Tok::symbol && toks_[k].text == "€") || word_at(k, {"euro"})) m.unit = Unit::eur;
        if (q.tok > floor && toks_[q.tok - 1].type == Tok::symbol && toks_[q.tok - 1].text == "€") {
            m.unit = Unit::eur;
            q.first = std::min(q.first, q.tok - 1);
        }
        // after the number: %, multiplier, unit, qualifier, noun, relative event
        double value = q.value;
        if (j < toks_.size() && toks_[j].type == Tok::symbol && toks_[j].text == "%") { m.unit = Unit::percent; q.last = j++; }
        else if (word_at(j, {"per"}) && word_at(j + 1, {"cento"})) { m.unit = Unit::percent; q.last = j + 1; j += 2; }
        else if (word_at(j, {"percento"})) { m.unit = Unit::percent; q.last = j++; }
        if (m.unit != Unit::percent && j < toks_.size() && toks_[j].type == Tok::word) {
            if (double mul = multiplier(toks_[j].text)) { value *= mul; q.last = j++; }
            if (word_at(j, {"di", "d'"}) && word_at(j + 1, {"euro"})) ++j;
        }
        if (m.unit == Unit::none && j < toks_.size()) {
            Unit u;
            if (toks_[j].type == Tok::symbol && toks_[j].text == "€") { m.unit = Unit::eur; q.last = j++; }
            else if (toks_[j].type == Tok::word && is_unit_word(toks_[j].text, u)) {
                // "2 incontri nell'anno" is no duration, but "2 anni" is
                m.unit = u;
                q.last = j++;
                if (u == Unit::giorni) {
                    if (word_at(j, {"lavorativi", "lavorativo", "lav.", "lav"})) { m.qualifier = "lavorativi"; q.last = j++; }
                    else if (word_at(j, {"di"}) && word_at(j + 1, {"calendario"})) { m.qualifier = "di calendario"; q.last = j + 1; j += 2; }
                    else if (word_at(j, {"naturali", "naturale"}) && word_at(j + 1, {"e"}) && word_at(j + 2, {"consecutivi", "consecutivo"})) { m.qualifier = "naturali e consecutivi"; q.last = j + 2; j += 3; }
                    else if (word_at(j, {"naturali", "naturale"})) { m.qualifier = "naturali"; q.last = j++; }
                    else if (word_at(j, {"solari", "solare"})) { m.qualifier = "solari"; q.last = j++; }
                    else if (word_at(j, {"consecutivi", "consecutivo"})) { m.qualifier = "consecutivi"; q.last = j++; }
                }
            }
        }
        // a counted noun starts with a letter ("720i" is no noun)
        if (m.unit == Unit::none && j < toks_.size() && toks_[j].type == Tok::word && !stopword(toks_[j].text) && !used_[j] &&
            multiplier(toks_[j].text) == 0 && !(toks_[j].text[0] >= '0' && toks_[j].text[0] <= '9')) {
            m.noun = original(j, j);
            q.last = j++;
        }
        // relative terms: "entro 15 giorni dalla richiesta", "7 giorni di calendario prima della scadenza"
        if (m.unit == Unit::giorni || m.unit == Unit::ore) {
            if (word_at(j, {"prima"})) { q.relative = true; m.before = true; q.event_tok = j; }
            else if (word_at(j, {"dal", "dalla", "dall'", "dai", "dalle", "dagli", "dallo", "da", "dopo", "successivi", "successivo",
                                 "successiva", "successive", "seguenti", "decorrenti"})) { q.relative = true; q.event_tok = j; }
        }
        if (m.unit == Unit::percent) value /= 100.0;
        m.value = value;
        if (m.op == Op::none) {
            m.bare = true;
            const bool duration = m.unit == Unit::giorni || m.unit == Unit::ore || m.unit == Unit::anni;
            m.op = (duration && !m.before) ? Op::le : Op::ge;
            if (!duration && o_.dir == Direction::lower) m.op = Op::le;
        }
        if (q.relative) {
            m.kind = Kind::termine_relativo;
            if (m.before && !q.explicit_op) m.op = Op::ge;
            m.event = t_.substr(toks_[q.event_tok].begin);
            q.last = toks_.size() - 1;  // the event phrase runs to the end of the text
        }
        if (q.ambiguous) {
            r.diagnostics.push_back({Diag::ambiguous_number, Severity::warning,
                                     {q.number_text, reading::format_number(q.value, 10)}});
        }
        return true;
    }

    // ---- kind ----------------------------------------------------------------------------
    bool compliance() const {
        static constexpr std::string_view phrases[] = {
            "rispetto", "scadenz", "termine", "termini", "cronoprogramma", "entro l'", "entro la ", "entro le ",
            "entro i ", "entro gli ", "nei tempi", "tempi previsti", "tempistica", "come da normativa", "conform",
        };
        for (std::string_view p : phrases)
            if (l_.find(p) != std::string::npos) return true;
        return false;
    }

    struct Item { std::size_t at; bool date; std::size_t index; };

    // "Almeno 300 associazioni iscritte e 1.500 voucher emessi, totale previsti 1.800": a last bare
    // number equal to the sum of the measures before it restates them; it is no further requirement.
    void drop_restated_total(std::vector<Item>& items) const {
        if (items.size() < 3 || items.back().date) return;
        const Quantity& last = qty_[items.back().index];
        if (!last.m.bare || last.m.kind != Kind::soglia) return;
        double sum = 0;
        for (std::size_t k = 0; k + 1 < items.size(); ++k) {
            if (items[k].date || qty_[items[k].index].m.kind != Kind::soglia || qty_[items[k].index].m.unit != last.m.unit) return;
            sum += qty_[items[k].index].m.value;
        }
        if (std::fabs(sum - last.m.value) <= 1e-9 * std::max(1.0, std::fabs(sum))) items.pop_back();
    }

    void build(Target& r) {
        // composite: several measures and/or deadlines, in text order
        std::vector<Item> items;
        for (std::size_t k = 0; k < qty_.size(); ++k) items.push_back({qty_[k].tok, false, k});
        for (std::size_t k = 0; k < dates_.size(); ++k) {
            // a date inside a relative term's event ("7 giorni prima del 3/1/2021") belongs to the event
            const bool in_event = std::any_of(qty_.begin(), qty_.end(), [&](const Quantity& q) {
                return q.relative && dates_[k].first >= q.event_tok && dates_[k].first <= q.last;
            });
            if (!in_event) items.push_back({dates_[k].first, true, k});
        }
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.at < b.at; });
        if (items.empty()) {
            if (compliance()) { r.kind = Kind::conformita; return; }
            // ">= abc", "almeno abc": an operator with nothing to measure
            const bool op = std::any_of(toks_.begin(), toks_.end(), [](const Token& t) {
                return t.type == Tok::op ||
                       (t.type == Tok::word && one_of(t.text, {"almeno", "minimo", "massimo", "max", "max.", "inferiore", "superiore", "maggiore", "minore"}));
            });
            fail(r, op ? Diag::missing_number : Diag::not_measurable);
            r.kind = Kind::non_valido;
            return;
        }
        drop_restated_total(items);
        Op inherited = Op::none;
        for (const Item& it : items) {
            if (it.date) {
                const DateFound& d = dates_[it.index];
                Measure m;
                m.kind = Kind::scadenza;
                m.op = Op::le;
                m.unit = Unit::data;
                m.deadline = d.date;
                m.value = static_cast<double>(to_serial(d.date));
                r.parts.push_back(std::move(m));
            } else {
                Quantity& q = qty_[it.index];
                // "Almeno 300 associazioni iscritte e 1.500 voucher": the second part keeps the first's operator
                if (q.m.bare && inherited != Op::none && q.m.kind == Kind::soglia) { q.m.op = inherited; q.m.bare = false; }
                if (q.explicit_op && inherited == Op::none) inherited = q.m.op;
                r.parts.push_back(q.m);
            }
        }
        if (o_.plan_year) {
            for (const Measure& m : r.parts) {
                if (m.kind == Kind::scadenza && m.deadline->year != *o_.plan_year) {
                    fail(r, Diag::outside_plan_year, {format_date(*m.deadline), std::to_string(*o_.plan_year)});
                    r.kind = Kind::non_valido;
                    return;
                }
            }
        }
        r.kind = r.parts.size() == 1 ? r.parts[0].kind : Kind::composto;
    }
};

}  // namespace

std::optional<std::string> year_value(std::string_view text, int year) {
    const std::string wanted = std::to_string(year);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(";|\n", start), text.size());
        std::string piece = clean(text.substr(start, end - start));
        start = end + 1;
        std::string_view p = piece;
        if (fold_case(p.substr(0, std::min<std::size_t>(p.size(), 5))) == "anno ") p.remove_prefix(5);
        if (p.substr(0, 4) != wanted) continue;
        p.remove_prefix(4);
        while (!p.empty() && p.front() == ' ') p.remove_prefix(1);
        if (p.empty() || (p.front() != ':' && p.front() != '=')) continue;
        p.remove_prefix(1);
        return clean(p);
    }
    return std::nullopt;
}

Target read_target(std::string_view text, const ReadOptions& options) {
    Reader reader(clean(text), options);
    return reader.read();
}

Target read_target(const Cell& cell, const ReadOptions& options) {
    Target r;
    Measure m;
    switch (cell.type) {
    case CellType::empty:
        r.kind = Kind::vuoto;
        return r;
    case CellType::text:
        return read_target(cell.text, options);
    case CellType::boolean:
    case CellType::error:
        r.kind = Kind::non_valido;
        r.text = clean(cell.text);
        r.diagnostics.push_back({Diag::not_measurable, Severity::error, {}});
        return r;
    case CellType::date: {
        const double serial = cell.number;
        r.text = clean(cell.text);
        // Before 01/03/1900 (serial 61) a "date" is a number formatted as a date.
        if (!std::isfinite(serial) || serial < 61) {
            r.kind = Kind::non_valido;
            const bool whole = std::isfinite(serial) && serial >= 1 && serial == std::floor(serial);
            std::string shown = r.text.empty() && std::isfinite(serial) && serial >= 1 ? format_date(from_serial(static_cast<long>(serial))) : r.text;
            r.diagnostics.push_back({Diag::excel_date_artifact, Severity::error,
                                     {shown, whole ? reading::format_number(serial, 0) : std::string()}});
            return r;
        }
        if (serial > 2958465) {
            r.kind = Kind::non_valido;
            r.diagnostics.push_back({Diag::impossible_date, Severity::error, {r.text}});
            return r;
        }
        m.kind = Kind::scadenza;
        m.op = Op::le;
        m.unit = Unit::data;
        m.deadline = from_serial(static_cast<long>(std::floor(serial)));
        m.value = std::floor(serial);
        if (options.plan_year && m.deadline->year != *options.plan_year) {
            r.kind = Kind::non_valido;
            r.diagnostics.push_back({Diag::outside_plan_year, Severity::error, {format_date(*m.deadline), std::to_string(*options.plan_year)}});
            return r;
        }
        r.kind = Kind::scadenza;
        r.parts.push_back(std::move(m));
        return r;
    }
    case CellType::number:
        if (options.format_unknown && cell.number == std::floor(cell.number) && cell.number >= 36526 && cell.number <= 73050)
            return read_target(Cell::of_date(cell.number), options);  // 36526 = 01/01/2000, 73050 = 31/12/2099
        [[fallthrough]];
    case CellType::percent:
        r.text = clean(cell.text);
        if (!std::isfinite(cell.number) || std::fabs(cell.number) >= 1e15) {
            r.kind = Kind::non_valido;
            r.diagnostics.push_back({Diag::not_measurable, Severity::error, {}});
            return r;
        }
        m.kind = Kind::soglia;
        m.value = cell.number;
        m.unit = cell.type == CellType::percent ? Unit::percent : Unit::none;
        m.bare = true;
        // A typed 0 (count or percent) reads as the text "0" does: "= 0" whatever the direction.
        m.op = cell.number == 0 ? Op::eq : options.dir == Direction::lower ? Op::le : Op::ge;
        r.kind = Kind::soglia;
        r.parts.push_back(std::move(m));
        return r;
    }
    return r;
}

DirectionHint infer_direction(std::string_view indicator) {
    static constexpr std::string_view stems[] = {"limite", "limiti", "spesa", "spese", "costo", "costi", "tempo", "tempi",
                                                 "giorni", "giorno", "riduzione", "contenimento", "ritardo", "ritardi",
                                                 "anomalia", "anomalie", "reclamo", "reclami", "impugnazione", "impugnazioni"};
    const std::string l = fold_case(clean(indicator));
    std::vector<Token> toks;
    reading::tokenize(l, toks);
    for (const Token& t : toks) {
        if (t.type != Tok::word) continue;
        for (std::string_view s : stems)
            if (t.text == s) return {Direction::lower, std::string(t.text)};
    }
    return {};
}

}  // namespace pegkit
