#include "header.hpp"

#include "clean.hpp"

#include <algorithm>
#include <initializer_list>

namespace pegkit {
namespace {

// A heading as words: cleaned, folded, accents dropped, split on anything but letters and digits;
// runs of single letters join ("C.d.R." -> "cdr", "U.O." -> "uo", "U.M." -> "um").
struct Words {
    std::vector<std::string> w;
    bool percent = false;

    bool has(std::string_view word) const { return std::find(w.begin(), w.end(), word) != w.end(); }
    bool has_prefix(std::string_view prefix) const {
        return std::any_of(w.begin(), w.end(), [&](const std::string& x) { return x.rfind(prefix, 0) == 0; });
    }
    bool has_any(std::initializer_list<std::string_view> words) const {
        return std::any_of(words.begin(), words.end(), [&](std::string_view x) { return has(x); });
    }
};

Words words_of(std::string_view text) {
    // folded and stripped of accents, composed or not ("Unità", "Unita" + U+0300)
    const std::string folded = fold_key(clean(text));
    std::string plain;
    Words out;
    for (const char ch : folded) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) plain += static_cast<char>(c);
        else plain += ' ', out.percent = out.percent || c == '%';
    }
    std::string word, letters;
    auto flush_letters = [&] {
        if (!letters.empty()) out.w.push_back(letters), letters.clear();
    };
    for (std::size_t i = 0; i <= plain.size(); ++i) {
        if (i < plain.size() && plain[i] != ' ') {
            word += plain[i];
            continue;
        }
        if (word.size() == 1 && word[0] >= 'a' && word[0] <= 'z') letters += word;
        else if (!word.empty()) flush_letters(), out.w.push_back(word);
        word.clear();
    }
    flush_letters();
    return out;
}

std::optional<int> year_of(const Words& w) {
    std::optional<int> year;
    for (const std::string& x : w.w) {
        if (x.size() != 4 || !std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        const int y = std::stoi(x);
        if (y < 1990 || y > 2100) continue;
        if (year && *year != y) return std::nullopt;  // "Target 2024-2026": no single year
        year = y;
    }
    return year;
}

std::optional<int> year_offset_of(const Words& w) {
    if (!w.has("anno") && !w.has("annualita")) return std::nullopt;
    if (w.has_any({"primo", "prima", "1"})) return 0;
    if (w.has_any({"secondo", "seconda", "2"})) return 1;
    if (w.has_any({"terzo", "terza", "3"})) return 2;
    return std::nullopt;
}

// The first word of `w` that is one of `nouns`, as its position (w.size() when none).
std::size_t position(const Words& w, std::initializer_list<std::string_view> nouns, bool prefix = false) {
    for (std::size_t i = 0; i < w.w.size(); ++i)
        for (std::string_view n : nouns)
            if (prefix ? w.w[i].rfind(n, 0) == 0 : w.w[i] == n) return i;
    return w.w.size();
}

HeadingReading reading(Column role, int strength, std::string word) {
    HeadingReading r;
    r.role = role;
    r.strength = strength;
    r.word = std::move(word);
    return r;
}

bool only_year(const Words& w) {
    return !w.w.empty() && std::all_of(w.w.begin(), w.w.end(), [](const std::string& x) {
        return x == "anno" || (x.size() == 4 && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; }));
    });
}

// "Target al 30/06", "Valore atteso al 30 giugno", "Target intermedio", "Target I semestre": a
// target for a date inside the year (30/06 when none is written). "Target al 31/12" is the final one.
std::optional<std::pair<int, int>> interim_date(const Words& w) {
    if (!w.has_any({"target", "atteso", "attesi", "attesa"})) return std::nullopt;
    static constexpr std::string_view months[] = {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                                                  "agosto", "settembre", "ottobre", "novembre", "dicembre"};
    auto small = [](const std::string& x, int max) {
        if (x.empty() || x.size() > 2 || !std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
        const int v = std::stoi(x);
        return v >= 1 && v <= max ? v : 0;
    };
    for (std::size_t i = 0; i + 1 < w.w.size(); ++i) {
        const int day = small(w.w[i], 31);
        if (!day) continue;
        int month = small(w.w[i + 1], 12);
        for (std::size_t m = 0; m < 12 && !month; ++m)
            if (w.w[i + 1] == months[m]) month = static_cast<int>(m) + 1;
        if (!month) continue;
        if (day == 31 && month == 12) return std::nullopt;
        return std::make_pair(day, month);
    }
    if (w.has_any({"intermedio", "intermedia", "infrannuale"}) || (w.has("semestre") && w.has_any({"i", "primo", "1"})))
        return std::make_pair(30, 6);
    return std::nullopt;
}

// Phrases that decide wherever they stand in the heading, before the head nouns.
std::optional<HeadingReading> read_phrases(const Words& w) {
    if ((w.has("unita") && w.has("misura")) || w.has_any({"um", "udm"})) return reading(Column::unit, 3, "unità di misura");
    // "Motivazione della forzatura" justifies; "Valore validato", "Forzatura" override (issue 10)
    const bool forcing = w.has_any({"forzatura", "forzato", "forzata", "validato", "validata", "rettificato", "rettifica"});
    if (w.has_prefix("giustificazion") || (forcing && w.has_any({"motivazione", "motivazioni", "nota", "note"})))
        return reading(Column::justification, 3, "giustificazione");
    if (forcing) return reading(Column::override_value, 3, "valore validato");
    if (auto dm = interim_date(w)) {
        HeadingReading r = reading(Column::interim_target, 3, "target intermedio");
        r.interim = dm;
        return r;
    }
    if (w.has_prefix("raggiungiment") || w.has("ragg") || (w.has("grado") && w.has_prefix("conseguiment")))
        return reading(Column::attainment, 3, "raggiungimento");
    // "Obiettivi pluriennali 2019 - 2021", "Obiettivo generale" stand above the year's objectives
    const bool above_year = w.has_prefix("obiettiv") && (w.has_prefix("pluriennal") || w.has_prefix("triennal") ||
                                                         w.has_any({"generale", "generali", "mandato"}));
    if (w.has_prefix("strategic") || above_year || (w.has_prefix("line") && w.has("mandato")) ||
        (w.has("priorita") && w.has("politica")))
        return reading(Column::strategic, 3, "strategico");
    if (w.has("dup")) {
        const std::size_t ind = position(w, {"indicatore", "indicatori"}), tar = position(w, {"target", "atteso", "attesi"});
        if (ind < tar) return reading(Column::dup_indicator, 3, "indicatore DUP");
        if (tar < w.w.size()) return reading(Column::dup_target, 3, "target DUP");
        return reading(Column::dup_objective, 3, "obiettivo DUP");
    }
    if (w.has_any({"partenza", "baseline", "storico", "iniziale"}) || (w.has("base") && w.has("line")) ||
        (w.has("anno") && w.has("precedente")) || (w.has("valore") && w.has("base")) ||
        (w.has("attuale") && w.has_any({"valore", "valori", "dato", "situazione"})))
        return reading(Column::baseline, 3, "valore di partenza");
    if (w.has_prefix("peso") || w.has_any({"pesatura", "ponderazione"})) return reading(Column::weight, 3, "peso");
    // "Valore obiettivo anno 2021": the value aimed at, not an objective
    if (w.has("valore") && w.has_prefix("obiettiv") && position(w, {"valore"}) < position(w, {"obiettiv"}, true))
        return reading(Column::peg_target, 3, "valore obiettivo");
    if (w.has_any({"atteso", "attesi", "attesa", "attese"})) {
        // "Risultato atteso" is often prose; "Valore atteso" is the target itself
        HeadingReading r = reading(Column::peg_target, w.has_prefix("risultat") ? 2 : 3, "atteso");
        r.prose_target = w.has_prefix("risultat") && !w.has("valore");
        return r;
    }
    // "Raggiunto al 100%" (SI/NO): the office's own verdict on the objective
    if (w.has_any({"raggiunto", "raggiunta"}) && w.percent && !w.has_any({"valore", "risultato", "dato"}))
        return reading(Column::attainment, 2, "raggiunto al 100%");
    if (w.has_any({"raggiunto", "raggiunta", "rilevato", "rilevata", "conseguito", "consuntivo", "consuntivato",
                   "effettivo", "realizzato", "rendicontato", "rendicontazione", "misurato"}))
        return reading(Column::actual, 3, "consuntivo");
    return std::nullopt;
}

// The head noun that comes first decides: "Indicatore di risultato" is an indicator,
// "Responsabile obiettivo" a responsible unit, "Target indicatore" a target.
HeadingReading read_nouns(const Words& w) {
    // "Tipologia indicatore", "Codice obiettivo", "Formula", "Fonte del dato": about a column's
    // subject, not the subject itself
    static const std::initializer_list<std::string_view> about = {
        "tipologia", "tipo", "codice", "cod", "formula", "fonte", "algoritmo", "metodo", "modalita", "risorse", "numero"};
    if (std::find(about.begin(), about.end(), w.w.front()) != about.end()) return {};
    if (w.w.front() == "data" && !w.has_any({"scadenza", "fine", "termine", "conclusione"})) return {};
    struct Noun { std::initializer_list<std::string_view> words; Column role; int strength; const char* word; bool prefix; };
    static const Noun nouns[] = {
        {{"indicator", "kpi"}, Column::peg_indicator, 3, "indicatore", true},
        {{"target", "traguardo", "traguardi"}, Column::peg_target, 3, "target", false},
        {{"preventivo", "programmato", "previsto", "previsione", "pianificato"}, Column::peg_target, 2, "preventivo", false},
        {{"obiettiv"}, Column::peg_objective, 3, "obiettivo", true},
        {{"missione", "missioni"}, Column::mission, 3, "missione", false},
        {{"programma", "programmi"}, Column::programme, 3, "programma", false},
        {{"scadenza", "scadenze", "fine", "conclusione", "tempo", "tempi", "tempistica", "tempistiche", "termine", "cronoprogramma"}, Column::deadline, 2,
         "scadenza", false},
        {{"cdr", "settore", "settori", "servizio", "servizi", "area", "direzione", "dipartimento", "struttura", "strutture",
          "ufficio", "uffici", "dirigente", "responsabile", "responsabili", "uo", "referente", "centro"},
         Column::cdr, 2, "", false},
        {{"risultato", "risultati", "monitoraggio"}, Column::actual, 2, "risultato", false},
        // actions under an objective describe it; they are not objectives of their own
        {{"azione", "azioni", "attivita", "progetto", "progetti", "intervento", "interventi"}, Column::description, 1,
         "attività", false},
        {{"descrizione"}, Column::description, 1, "descrizione", false},
        {{"note", "nota", "motivazione", "motivazioni", "stato", "osservazioni"}, Column::note, 2, "note", false},
    };
    const Noun* best = nullptr;
    std::size_t best_at = w.w.size();
    for (const Noun& n : nouns) {
        const std::size_t at = position(w, n.words, n.prefix);
        if (at < best_at) best = &n, best_at = at;
    }
    // "Descrizione obiettivo", "Descrizione indicatore": the noun after the description word
    if (best && best->role == Column::description) {
        for (const Noun& n : nouns)
            if (&n != best && position(w, n.words, n.prefix) < w.w.size() && n.strength >= 2) {
                best = &n;
                break;
            }
    }
    if (!best) return {};
    HeadingReading r = reading(best->role, best->strength, best->word[0] ? best->word : w.w[best_at]);
    if (best->role == Column::cdr && (w.w[best_at] == "cdr" || (w.has("centro") && w.has_prefix("responsabilit"))))
        r.strength = 3;
    if (best->role == Column::peg_objective) {
        if (w.has_any({"operativo", "operativi"}) && !w.has_any({"gestionale", "gestionali", "peg", "esecutivo"}))
            r.role = Column::dup_objective;  // placed later: it is the objective when no DUP pair exists
    }
    return r;
}

}  // namespace

HeadingReading read_heading(std::string_view heading) {
    const Words w = words_of(heading);
    if (w.w.empty()) return {};
    HeadingReading r;
    if (only_year(w)) {
        r = reading(Column::peg_target, 1, "anno");
    } else if (auto phrase = read_phrases(w)) {
        r = *phrase;
    } else {
        r = read_nouns(w);
    }
    if (!r.role) return r;
    r.year = year_of(w);
    r.year_offset = year_offset_of(w);
    return r;
}

std::string_view role_reason_name(RoleReason r) noexcept {
    switch (r) {
    case RoleReason::heading: return "heading";
    case RoleReason::plan_year: return "plan_year";
    case RoleReason::other_year: return "other_year";
    case RoleReason::past_actual: return "past_actual";
    case RoleReason::prose: return "prose";
    case RoleReason::operative: return "operative";
    case RoleReason::by_position: return "by_position";
    case RoleReason::values: return "values";
    case RoleReason::stand_in: return "stand_in";
    case RoleReason::describes: return "describes";
    case RoleReason::user: return "user";
    }
    return "heading";
}

bool HeaderReading::usable() const noexcept {
    const bool target = col(Column::peg_target) >= 0 || col(Column::deadline) >= 0;
    const bool what = col(Column::peg_objective) >= 0 || col(Column::peg_indicator) >= 0 ||
                      col(Column::dup_objective) >= 0;
    return target && what;
}

std::string column_letters(int col) {
    std::string s;
    for (int c = col; c >= 0; c = c / 26 - 1) s.insert(s.begin(), static_cast<char>('A' + c % 26));
    return s;
}

std::optional<int> column_index(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return std::nullopt;
    int n = 0;
    for (char ch : letters) {
        const char c = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
        if (c < 'A' || c > 'Z') return std::nullopt;
        n = n * 26 + (c - 'A' + 1);
    }
    return n - 1;
}

}  // namespace pegkit
