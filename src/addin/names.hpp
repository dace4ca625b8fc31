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
inline constexpr ArgHelp actual_arg{"actual", "valore_raggiunto",
                                    "The value reached (number, date, TRUE/FALSE, sì/no); a range for a composite target",
                                    "Il valore raggiunto (numero, data, VERO/FALSO, sì/no); un intervallo per un target composto"};

inline constexpr std::array<FunctionHelp, 13> functions{{
    {"getCheck", "PEG.CHECK", "PEG.VERIFICA", "Empty text when the target is valid, otherwise why it is not",
     "Testo vuoto se il target è valido, altrimenti il motivo per cui non lo è", false, {target_arg, year_arg, {}}},
    {"getValid", "PEG.VALID", "PEG.VALIDO", "TRUE when the target can be read and measured",
     "VERO se il target è leggibile e misurabile", false, {target_arg, year_arg, {}}},
    {"getKind", "PEG.KIND", "PEG.TIPO",
     "Kind of target: scadenza, soglia, termine_relativo, conformita, composto, vuoto or non_valido",
     "Tipo di target: scadenza, soglia, termine_relativo, conformita, composto, vuoto o non_valido", false,
     {target_arg, {}, {}}},
    {"getOp", "PEG.OP", "PEG.OPERATORE", "Operator of the target: >=, >, <=, <, =",
     "Operatore del target: >=, >, <=, <, =", false, {target_arg, part_arg, {}}},
    {"getValue", "PEG.VALUE", "PEG.VALORE",
     "Value of the target: a number (a fraction for %), a date for a deadline, days for a relative term",
     "Valore del target: un numero (una frazione per le %), una data per una scadenza, i giorni per un termine relativo",
     true, {target_arg, part_arg, {}}},
    {"getUnit", "PEG.UNIT", "PEG.UNITA", "Unit of the target: %, giorni, EUR, ore, anni, data or empty",
     "Unità del target: %, giorni, EUR, ore, anni, data o vuoto", false, {target_arg, part_arg, {}}},
    {"getNorm", "PEG.NORM", "PEG.NORMALIZZA", "The target written in one canonical form (≥ 80%, entro il 31/12/2020)",
     "Il target scritto in una forma canonica (≥ 80%, entro il 31/12/2020)", false, {target_arg, {}, {}}},
    {"getClean", "PEG.CLEAN", "PEG.PULISCI", "Text without HTML, extra spaces, line breaks and typographic dashes",
     "Testo senza HTML, spazi superflui, a capo e trattini tipografici", false, {text_arg, {}, {}}},
    {"getCode", "PEG.CODE", "PEG.CODICE", "The leading code of a label as a number (50 - Direttore generale → 50)",
     "Il codice iniziale di un'etichetta come numero (50 - Direttore generale → 50)", false, {text_arg, {}, {}}},
    {"getLabel", "PEG.LABEL", "PEG.ETICHETTA", "The label after its leading code, cleaned",
     "L'etichetta dopo il codice iniziale, pulita", false, {text_arg, {}, {}}},
    {"getAttain", "PEG.ATTAIN", "PEG.RAGGIUNGIMENTO",
     "Degree of attainment of the target as a fraction; empty when the actual value is empty",
     "Grado di raggiungimento del target come frazione; vuoto se il valore raggiunto è vuoto", true,
     {target_arg, actual_arg,
      {"rule", "regola", "Optional rules: cap=1.2; lower=linear; late=30; compound=min; dir=lower",
       "Regole facoltative: cap=1.2; lower=linear; late=30; compound=min; dir=lower"}}},
    {"getMet", "PEG.MET", "PEG.RAGGIUNTO", "TRUE when the target is fully attained",
     "VERO se il target è pienamente raggiunto", true, {target_arg, actual_arg, {}}},
    {"getScore", "PEG.SCORE", "PEG.PUNTEGGIO", "Weighted mean of attainments, skipping empty cells",
     "Media ponderata dei raggiungimenti, escluse le celle vuote", false,
     {{"attainments", "raggiungimenti", "Range of attainments", "Intervallo dei raggiungimenti"},
      {"weights", "pesi", "Optional: weights of the same shape (default 1)", "Facoltativo: pesi della stessa forma (predefinito 1)"},
      {}}},
}};

}  // namespace pegkit::addin
