#pragma once
// What the Function Wizard shows: display names, descriptions and argument help, in English and
// Italian. The one source of these texts (no CalcAddIns.xcu). Programmatic names are the IDL methods.
#include <array>
#include <string_view>

namespace pegkit::addin {

struct ArgHelp {
    std::string_view name_en, name_it, help_en, help_it;
};

struct FunctionHelp {
    std::string_view method;      // IDL method, e.g. "getKind"
    std::string_view name_en;     // "PEG.KIND"
    std::string_view name_it;     // "PEG.TIPO"
    std::string_view help_en, help_it;
    bool options;                 // the first IDL parameter is the hidden XPropertySet
    ArgHelp args[3];              // visible arguments; unused ones are empty
};

inline constexpr ArgHelp target_arg{"target", "target", "A PEG target: a cell, a text or a range",
                                    "Un target del PEG: una cella, un testo o un intervallo"};
inline constexpr ArgHelp part_arg{"part", "parte", "For a composite target, the part to describe (1, 2, …; default 1)",
                                  "Per un target composto, la parte da descrivere (1, 2, …; predefinito 1)"};
inline constexpr ArgHelp year_arg{"plan_year", "anno_piano",
                                  "Optional: the plan year; a deadline in another year is invalid",
                                  "Facoltativo: l'anno del piano; una scadenza di un altro anno non è valida"};
inline constexpr ArgHelp text_arg{"text", "testo", "Text of a cell or a range", "Testo di una cella o di un intervallo"};
// The actual is an XCellRange: only a reference shows an empty cell as empty (docs/decisions.md).
inline constexpr ArgHelp actual_arg{
    "actual", "valore_raggiunto",
    "A cell reference, not a value typed in the formula (Err:504): the cell with the value reached (number, date, "
    "TRUE/FALSE, sì/no); an empty cell means not assessed. A range for a composite target, one cell per part",
    "Un riferimento di cella, non un valore scritto nella formula (Err:504): la cella con il valore raggiunto (numero, "
    "data, VERO/FALSO, sì/no); una cella vuota significa non valutato. Un intervallo per un target composto, una cella "
    "per parte"};

inline constexpr std::array<FunctionHelp, 13> functions{{
    {"getCheck", "PEG.CHECK", "PEG.VERIFICA", "Empty text when the target is valid, otherwise why it is not, in the language of the user interface",
     "Testo vuoto se il target è valido, altrimenti il motivo per cui non lo è, nella lingua dell'interfaccia", false, {target_arg, year_arg, {}}},
    {"getValid", "PEG.VALID", "PEG.VALIDO", "1 (TRUE) when the target can be read and measured, else 0 (FALSE). Calc shows 1 or 0: format the cell as "
     "Boolean value, or write =PEG.VALID(A1)=1, to see TRUE/FALSE",
     "1 (VERO) se il target è leggibile e misurabile, altrimenti 0 (FALSO). Calc mostra 1 o 0: per vedere VERO/FALSO "
     "formattare la cella come valore booleano o scrivere =PEG.VALIDO(A1)=1", false, {target_arg, year_arg, {}}},
    {"getKind", "PEG.KIND", "PEG.TIPO",
     "Kind of target: scadenza, soglia, termine_relativo, conformita, composto, vuoto or non_valido",
     "Tipo di target: scadenza, soglia, termine_relativo, conformita, composto, vuoto o non_valido", false,
     {target_arg, {}, {}}},
    {"getOp", "PEG.OP", "PEG.OPERATORE", "Operator of the target: >=, >, <=, <, =; empty text for conformita; #VALUE! for an empty or invalid target",
     "Operatore del target: >=, >, <=, <, =; testo vuoto per conformita; #VALORE! per un target vuoto o non valido", false, {target_arg, part_arg, {}}},
    {"getValue", "PEG.VALUE", "PEG.VALORE",
     "Value of the target: a number (a fraction for %), a date serial number for a deadline (format the cell as a "
     "date), days for a relative term; empty text for conformita; #VALUE! for an empty or invalid target",
     "Valore del target: un numero (una frazione per le %), il numero di serie della data per una scadenza (formattare "
     "la cella come data), i giorni per un termine relativo; testo vuoto per conformita; #VALORE! per un target vuoto "
     "o non valido",
     true, {target_arg, part_arg, {}}},
    {"getUnit", "PEG.UNIT", "PEG.UNITA", "Unit of the target: %, giorni, EUR, ore, anni, data, or empty text (a plain count, conformita); #VALUE! for an "
     "empty or invalid target",
     "Unità del target: %, giorni, EUR, ore, anni, data, o testo vuoto (un conteggio, conformita); #VALORE! per un "
     "target vuoto o non valido", false, {target_arg, part_arg, {}}},
    {"getNorm", "PEG.NORM", "PEG.NORMALIZZA", "The target written in one canonical form (≥ 80%, entro il 31/12/2020); an unreadable target comes back cleaned",
     "Il target scritto in una forma canonica (≥ 80%, entro il 31/12/2020); un target illeggibile torna pulito", false, {target_arg, {}, {}}},
    {"getClean", "PEG.CLEAN", "PEG.PULISCI", "Text without HTML, extra spaces, line breaks and typographic dashes; a number comes back unchanged",
     "Testo senza HTML, spazi superflui, a capo e trattini tipografici; un numero torna invariato", false, {text_arg, {}, {}}},
    {"getCode", "PEG.CODE", "PEG.CODICE", "The leading code of a label as a number (50 - Direttore generale → 50); empty text when there is none",
     "Il codice iniziale di un'etichetta come numero (50 - Direttore generale → 50); testo vuoto se manca", false, {text_arg, {}, {}}},
    {"getLabel", "PEG.LABEL", "PEG.ETICHETTA", "The label after its leading code, cleaned",
     "L'etichetta dopo il codice iniziale, pulita", false, {text_arg, {}, {}}},
    {"getAttain", "PEG.ATTAIN", "PEG.RAGGIUNGIMENTO",
     "Degree of attainment as a fraction (1 = attained); empty text when the actual cell is empty (not assessed); "
     "#VALUE! for an invalid target or an actual that does not fit it; an error in the actual cell is passed on",
     "Grado di raggiungimento come frazione (1 = raggiunto); testo vuoto se la cella del valore raggiunto è vuota (non "
     "valutato); #VALORE! per un target non valido o un valore che non gli si adatta; un errore nella cella del valore "
     "raggiunto passa al risultato", true,
     {target_arg, actual_arg,
      {"rule", "regola", "Optional rules: cap=1.2; lower=linear; late=30; compound=min; dir=lower",
       "Regole facoltative: cap=1.2; lower=linear; late=30; compound=min; dir=lower"}}},
    {"getMet", "PEG.MET", "PEG.RAGGIUNTO", "1 (TRUE) when the target is fully attained, else 0 (FALSE), also when not assessed; Calc shows 1 or 0 (format "
     "the cell as Boolean value to see TRUE/FALSE)",
     "1 (VERO) se il target è pienamente raggiunto, altrimenti 0 (FALSO), anche se non valutato; Calc mostra 1 o 0 "
     "(formattare la cella come valore booleano per vedere VERO/FALSO)", true, {target_arg, actual_arg, {}}},
    {"getScore", "PEG.SCORE", "PEG.PUNTEGGIO", "Weighted mean of a range of attainments, skipping empty cells and error cells; empty text when nothing is "
     "assessed",
     "Media ponderata di un intervallo di raggiungimenti, escluse le celle vuote e quelle con un errore; testo vuoto "
     "se nulla è valutato", false,
     {{"attainments", "raggiungimenti",
       "A range of cells (not values typed in the formula: Err:504); empty and error cells are skipped, text gives #VALUE!",
       "Un intervallo di celle (non valori scritti nella formula: Err:504); celle vuote e con errori escluse, un testo dà "
       "#VALORE!"},
      {"weights", "pesi",
       "Optional: weights of the same size (an empty weight counts 1); Calc refuses a weights range holding an error "
       "(Err:504)",
       "Facoltativo: pesi della stessa dimensione (un peso vuoto vale 1); Calc rifiuta un intervallo di pesi che "
       "contiene un errore (Err:504)"},
      {}}},
}};

}  // namespace pegkit::addin
