#include "column_choice.hpp"

#include "convert.hpp"
#include "doc_store.hpp"

#include <com/sun/star/container/XNamed.hpp>

namespace pegkit::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace {

std::string sheet_name(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const Reference<css::container::XNamed> named(sheet, UNO_QUERY);
    return named.is() ? to_utf8(named->getName()) : std::string();
}

}  // namespace

std::optional<ColumnChoice> stored_choice(const Reference<css::uno::XInterface>& document,
                                          const Reference<css::sheet::XSpreadsheet>& sheet) {
    const std::string text =
        pegkit::stored_choice(read_text_property(document, columns_property).value_or(""), sheet_name(sheet));
    if (text.empty()) return std::nullopt;
    const ColumnChoiceParse parsed = parse_columns(text);
    if (!parsed) return std::nullopt;
    return parsed.choice;
}

void store_choice(const Reference<css::uno::XInterface>& document, const Reference<css::sheet::XSpreadsheet>& sheet,
                  const std::optional<ColumnChoice>& choice) {
    const std::string before = read_text_property(document, columns_property).value_or("");
    const std::string after =
        pegkit::store_choice(before, sheet_name(sheet), choice ? format_columns(*choice) : std::string());
    if (after == before) return;
    write_text_property(document, columns_property, after.empty() ? std::nullopt : std::optional<std::string>(after));
}

SheetOptions with_stored_choice(const Reference<css::uno::XInterface>& document,
                                const Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area,
                                SheetOptions options) {
    const std::optional<ColumnChoice> choice = stored_choice(document, sheet);
    if (!choice) return options;
    SheetOptions out = options;
    out.columns.clear();
    apply(*choice, out, area.first_row, area.first_col);
    for (const auto& c : options.columns) out.columns.push_back(c);
    // the panel's actual and weight columns are applied before `columns` in check_sheet: keep them last
    if (options.actual_column) out.columns.emplace_back(Column::actual, *options.actual_column), out.actual_column.reset();
    if (options.weight_column) out.columns.emplace_back(Column::weight, *options.weight_column), out.weight_column.reset();
    if (options.header_row) out.header_row = options.header_row;
    return out;
}

}  // namespace pegkit::uno
