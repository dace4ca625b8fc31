#pragma once
// What the Function Wizard shows, function by function: the English and Italian names, and the
// catalogue keys (src/core/catalogue.cpp) of the description and of each argument's name and
// help, which hold both languages. The one source of these texts (no CalcAddIns.xcu).
// Programmatic names are the IDL methods.
#include <array>
#include <string_view>

namespace pegkit::addin {

struct ArgHelp {
    std::string_view name, help;  // catalogue keys, e.g. "fn_arg_target_name", "fn_arg_target_help"
};

struct FunctionHelp {
    std::string_view method;      // IDL method, e.g. "getKind"
    std::string_view name_en;     // "PEG.KIND"
    std::string_view name_it;     // "PEG.TIPO"
    std::string_view help;        // catalogue key of the description, e.g. "fn_kind_help"
    bool options;                 // the first IDL parameter is the hidden XPropertySet
    ArgHelp args[3];              // visible arguments; unused ones are empty
};

inline constexpr ArgHelp target_arg{"fn_arg_target_name", "fn_arg_target_help"};
inline constexpr ArgHelp part_arg{"fn_arg_part_name", "fn_arg_part_help"};
inline constexpr ArgHelp year_arg{"fn_arg_plan_year_name", "fn_arg_plan_year_help"};
inline constexpr ArgHelp text_arg{"fn_arg_text_name", "fn_arg_text_help"};
// The actual is an XCellRange: only a reference shows an empty cell as empty (docs/decisions.md).
inline constexpr ArgHelp actual_arg{"fn_arg_actual_name", "fn_arg_actual_help"};
inline constexpr ArgHelp rule_arg{"fn_arg_rule_name", "fn_arg_rule_help"};
inline constexpr ArgHelp attainments_arg{"fn_arg_attainments_name", "fn_arg_attainments_help"};
inline constexpr ArgHelp weights_arg{"fn_arg_weights_name", "fn_arg_weights_help"};

inline constexpr std::array<FunctionHelp, 13> functions{{
    {"getCheck", "PEG.CHECK", "PEG.VERIFICA", "fn_check_help", false, {target_arg, year_arg, {}}},
    {"getValid", "PEG.VALID", "PEG.VALIDO", "fn_valid_help", false, {target_arg, year_arg, {}}},
    {"getKind", "PEG.KIND", "PEG.TIPO", "fn_kind_help", false, {target_arg, {}, {}}},
    {"getOp", "PEG.OP", "PEG.OPERATORE", "fn_op_help", false, {target_arg, part_arg, {}}},
    {"getValue", "PEG.VALUE", "PEG.VALORE", "fn_value_help", true, {target_arg, part_arg, {}}},
    {"getUnit", "PEG.UNIT", "PEG.UNITA", "fn_unit_help", false, {target_arg, part_arg, {}}},
    {"getNorm", "PEG.NORM", "PEG.NORMALIZZA", "fn_norm_help", false, {target_arg, {}, {}}},
    {"getClean", "PEG.CLEAN", "PEG.PULISCI", "fn_clean_help", false, {text_arg, {}, {}}},
    {"getCode", "PEG.CODE", "PEG.CODICE", "fn_code_help", false, {text_arg, {}, {}}},
    {"getLabel", "PEG.LABEL", "PEG.ETICHETTA", "fn_label_help", false, {text_arg, {}, {}}},
    {"getAttain", "PEG.ATTAIN", "PEG.RAGGIUNGIMENTO", "fn_attain_help", true, {target_arg, actual_arg, rule_arg}},
    {"getMet", "PEG.MET", "PEG.RAGGIUNTO", "fn_met_help", true, {target_arg, actual_arg, {}}},
    {"getScore", "PEG.SCORE", "PEG.PUNTEGGIO", "fn_score_help", true, {attainments_arg, weights_arg, {}}},
}};

}  // namespace pegkit::addin
