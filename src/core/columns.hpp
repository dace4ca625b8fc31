#pragma once
// The user's choice of columns, as text: "target=J,actual=K,weight=L,cdr=E,header=4". The same
// text comes from `pegkit-check --columns`, and is stored in the document by the sidebar, so
// both front ends read one form (issue #8 item 4).
#include "sheet.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pegkit {

struct ColumnChoice {
    std::vector<std::pair<Column, int>> columns;  // grid column, -1 for "none" ("actual=-")
    std::optional<int> header_row;                // grid row (0-based); the text says the sheet row
};

struct ColumnChoiceParse {
    ColumnChoice choice;
    std::string error;  // the part that could not be read, empty when all was read
    explicit operator bool() const noexcept { return error.empty(); }
};

// Keys in English or Italian: target/target, objective/obiettivo, indicator/indicatore,
// actual/consuntivo, weight/peso, cdr/responsabile, mission/missione, programme/programma,
// strategic/strategico, baseline/partenza, unit/unita, deadline/scadenza,
// attainment/raggiungimento, description/descrizione, note, dup_objective, dup_indicator,
// dup_target; header=ROW. Values are column letters or "-". Separators: "," or ";".
ColumnChoiceParse parse_columns(std::string_view text);

// The canonical text of a choice (English keys, in role order), read back by parse_columns.
std::string format_columns(const ColumnChoice& choice);

std::string_view role_key(Column c) noexcept;  // "target", "objective", ...

// Applies a choice to the options of a check; `first_row`/`first_col` are where the grid starts
// on the sheet (the choice names sheet rows and columns).
void apply(const ColumnChoice& choice, SheetOptions& options, int first_row = 0, int first_col = 0);

// In the document the choices of all its sheets are one custom property, a line per sheet:
// "<sheet name>\t<choice text>" (a document property survives .ods and .xlsx, a cell attribute does not).
constexpr std::string_view columns_property = "pegkit.columns";
std::string stored_choice(std::string_view property, std::string_view sheet);
std::string store_choice(std::string_view property, std::string_view sheet, std::string_view choice);

}  // namespace pegkit
