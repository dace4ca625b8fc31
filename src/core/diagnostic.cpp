#include "diagnostic.hpp"

#include <cstddef>
#include <iterator>

namespace pegkit {
namespace {

// One row per Diag, in enum order: name, severity, Italian and English text.
// {0}, {1} are the args; a missing arg reads as empty text.
struct Entry {
    Diag code;
    std::string_view name;
    Severity severity;
    std::string_view it;
    std::string_view en;
};

constexpr Entry entries[] = {
    {Diag::empty_target, "empty_target", Severity::error,
     "target mancante: indicare un valore misurabile",
     "target missing: give a measurable value"},
    {Diag::not_measurable, "not_measurable", Severity::error,
     "target non misurabile: nessun numero, data o formula di conformità riconosciuta",
     "target not measurable: no number, date or recognised compliance phrase"},
    // The fraction wording (empty probable number) is chosen in message().
    {Diag::excel_date_artifact, "excel_date_artifact", Severity::error,
     "«{0}» è probabilmente il numero {1} formattato come data",
     "'{0}' is probably the number {1} formatted as a date"},
    {Diag::impossible_date, "impossible_date", Severity::error,
     "data inesistente: «{0}»",
     "impossible date: '{0}'"},
    {Diag::two_numbers, "two_numbers", Severity::error,
     "due numeri nel target: indicarne uno solo",
     "two numbers in the target: give only one"},
    {Diag::number_range, "number_range", Severity::error,
     "intervallo di valori: indicare un solo valore da raggiungere",
     "range of values: give a single value to reach"},
    {Diag::start_not_target, "start_not_target", Severity::error,
     "data di inizio, non un termine: indicare la scadenza",
     "start date, not a target: give the deadline"},
    {Diag::no_year, "no_year", Severity::error,
     "data senza anno: «{0}»",
     "date with no year: '{0}'"},
    {Diag::outside_plan_year, "outside_plan_year", Severity::error,
     "scadenza {0} fuori dall'anno del piano ({1})",
     "deadline {0} outside the plan year ({1})"},
    {Diag::missing_number, "missing_number", Severity::error,
     "operatore senza valore da raggiungere",
     "operator with no value to reach"},
    {Diag::ambiguous_number, "ambiguous_number", Severity::warning,
     "«{0}» letto come {1}: la virgola è decimale o separa le migliaia?",
     "'{0}' read as {1}: is the comma decimal or a thousands separator?"},
    // The ceiling wording is the usual case (all the words in TARGETS.md §3 mean "lower");
    // message() switches to the floor wording when args[1] is "higher".
    {Diag::direction_inferred, "direction_inferred", Severity::info,
     "letto come valore massimo (≤): l'indicatore contiene «{0}»",
     "read as a maximum (≤): the indicator contains '{0}'"},
    {Diag::would_normalize, "would_normalize", Severity::info,
     "forma normalizzata: «{0}»",
     "normalized form: '{0}'"},
    {Diag::missing_peg_target, "missing_peg_target", Severity::error,
     "target PEG mancante",
     "PEG target missing"},
    {Diag::missing_dup_target, "missing_dup_target", Severity::warning,
     "target DUP mancante",
     "DUP target missing"},
    {Diag::peg_after_dup, "peg_after_dup", Severity::warning,
     "scadenza PEG ({0}) successiva a quella del DUP ({1})",
     "PEG deadline ({0}) later than the DUP deadline ({1})"},
    {Diag::no_header, "no_header", Severity::error,
     "tabella degli obiettivi non trovata: nessuna intestazione riconosciuta (obiettivo, indicatore, target)",
     "objective table not found: no column heading recognised (objective, indicator, target)"},
    {Diag::empty_sheet, "empty_sheet", Severity::error,
     "foglio vuoto",
     "empty sheet"},
    {Diag::no_target_column, "no_target_column", Severity::error,
     "trovate le colonne {0}, nessuna colonna del target: indicala nel pannello o con --columns",
     "found {0}, no target column: choose it in the panel or with --columns"},
    {Diag::no_objective_column, "no_objective_column", Severity::error,
     "trovate le colonne {0}, nessuna colonna dell'obiettivo o dell'indicatore: indicala nel pannello o con --columns",
     "found {0}, no objective or indicator column: choose it in the panel or with --columns"},
    {Diag::section_row, "section_row", Severity::info,
     "riga di sezione: «{0}» vale per le righe seguenti",
     "section row: '{0}' applies to the rows below"},
    {Diag::role_prose, "role_prose", Severity::info,
     "«{0}» letta come descrizione: il target è in un'altra colonna",
     "'{0}' read as a description: the target is in another column"},
    {Diag::bad_actual, "bad_actual", Severity::error,
     "valore raggiunto non valido: «{0}»",
     "invalid actual value: '{0}'"},
    {Diag::bad_rule, "bad_rule", Severity::error,
     "regola non valida: «{0}»",
     "invalid rule: '{0}'"},
    {Diag::part_count, "part_count", Severity::error,
     "valori raggiunti attesi: {0} (uno per parte del target), indicati: {1}",
     "actual values expected: {0} (one per part of the target), given: {1}"},
    {Diag::empty_or_zero, "empty_or_zero", Severity::error,
     "cella vuota o numero 0 (Calc li passa uguali): per un target zero scrivere «= 0» o «zero»",
     "empty cell or the number 0 (Calc passes both alike): for a zero target write '= 0' or 'zero'"},
    {Diag::bands_overlap, "bands_overlap", Severity::error,
     "le fasce {0} e {1} si sovrappongono su {2}",
     "bands {0} and {1} overlap on {2}"},
    {Diag::bands_gap, "bands_gap", Severity::error,
     "le fasce {0} e {1} lasciano scoperto {2}",
     "bands {0} and {1} leave {2} uncovered"},
    {Diag::bands_order, "bands_order", Severity::error,
     "la fascia {0} viene dopo {1}: elencare le fasce dalla più bassa",
     "band {0} comes after {1}: list the bands from the lowest"},
    {Diag::band_empty, "band_empty", Severity::error,
     "fascia {0} vuota o rovesciata: scrivere da-a con da < a",
     "band {0} is empty or reversed: write from-to with from < to"},
    {Diag::profile_conflict, "profile_conflict", Severity::error,
     "fasce e quattro soglie insieme: sceglierne una",
     "bands and four thresholds together: choose one"},
    {Diag::override_unjustified, "override_unjustified", Severity::warning,
     "valore validato {0} senza giustificazione: resta il valore calcolato",
     "validated value {0} with no justification: the computed value stands"},
    {Diag::override_applied, "override_applied", Severity::info,
     "valore validato {0} al posto di quello calcolato: «{1}»",
     "validated value {0} replaces the computed one: '{1}'"},
    {Diag::neutralised, "neutralised", Severity::info,
     "obiettivo non valutabile, escluso dai punteggi: «{0}»",
     "objective not assessable, left out of the scores: '{0}'"},
    {Diag::no_baseline, "no_baseline", Severity::warning,
     "variazione rispetto a un valore di partenza che la riga non indica: non valutabile",
     "change against a baseline the row does not give: not assessable"},
    {Diag::missing_year_target, "missing_year_target", Severity::warning,
     "nessun target per l'anno del piano ({0})",
     "no target for the plan year ({0})"},
    {Diag::weights_not_100, "weights_not_100", Severity::warning,
     "pesi di «{0}» in totale {1}%: di solito sommano a 100",
     "weights of '{0}' add up to {1}%: an office usually makes them 100"},
};

static_assert(std::size(entries) == static_cast<std::size_t>(Diag::weights_not_100) + 1,
              "one entry per Diag, in enum order");

const Entry* find(Diag code) noexcept {
    auto i = static_cast<std::size_t>(code);
    if (i < std::size(entries) && entries[i].code == code) return &entries[i];
    for (const Entry& e : entries)
        if (e.code == code) return &e;
    return nullptr;
}

std::string fill(std::string_view text, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' &&
            text[i + 1] <= '9') {
            auto n = static_cast<std::size_t>(text[i + 1] - '0');
            if (n < args.size()) out += args[n];
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

Severity default_severity(Diag code) noexcept {
    const Entry* e = find(code);
    return e ? e->severity : Severity::error;
}

std::string_view code_name(Diag code) noexcept {
    const Entry* e = find(code);
    return e ? e->name : std::string_view("unknown");
}

std::string_view severity_name(Severity s) noexcept {
    switch (s) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

std::string message(Diag code, Lang lang, const std::vector<std::string>& args) {
    const bool it = lang == Lang::it;
    auto arg = [&](std::size_t n) -> std::string_view { return n < args.size() ? args[n] : std::string_view(); };
    // "00/01/1900": Excel shows a fraction below 1 (e.g. 90 %) as day 0 of January 1900.
    if (code == Diag::excel_date_artifact && arg(1).empty())
        return fill(it ? "«{0}» è probabilmente una frazione (ad es. una percentuale) formattata come data"
                       : "'{0}' is probably a fraction (e.g. a percentage) formatted as a date",
                    args);
    if (code == Diag::direction_inferred && arg(1) == "higher")
        return fill(it ? "letto come valore minimo (≥): l'indicatore contiene «{0}»"
                       : "read as a minimum (≥): the indicator contains '{0}'",
                    args);
    const Entry* e = find(code);
    if (!e) return std::string();
    return fill(it ? e->it : e->en, args);
}

}  // namespace pegkit
