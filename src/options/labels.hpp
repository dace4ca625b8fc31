#pragma once
// The options page's texts (extension/dialogs/Options.xdl holds the layout and the English
// defaults; the handler sets these in the UI language when the page opens).
#include <array>
#include <string_view>

namespace pegkit::options {

struct Label {
    std::string_view control, en, it;
};

inline constexpr std::array<Label, 8> labels{{
    {"YearLine", "Plan year", "Anno del piano"},
    {"FromSheet", "From the sheet (its most frequent deadline year)",
     "Dal foglio (l'anno di scadenza più frequente)"},
    {"Fixed", "A fixed year:", "Un anno fisso:"},
    {"RuleLine", "Scoring rules for new documents", "Regole di valutazione per i nuovi documenti"},
    {"RuleLabel", "Rules, e.g. cap=1.2; late=30 (empty: the default rules)",
     "Regole, ad es. tetto=1,2; tolleranza=30 (vuoto: le regole predefinite)"},
    {"NotesLine", "Validate", "Verifica"},
    {"NotesLabel", "Notes written on marked cells (0: none):", "Note scritte sulle celle segnate (0: nessuna):"},
    {"HelpLabel", "Press F1 or Help for what each setting does.", "Premere F1 o Aiuto per il significato di ogni impostazione."},
}};

inline constexpr std::string_view bad_rule_title_en = "pegkit: scoring rules not saved";
inline constexpr std::string_view bad_rule_title_it = "pegkit: regole di valutazione non salvate";

}  // namespace pegkit::options
