#pragma once
// The user's column choice for a sheet, kept in its document (columns.hpp: the property
// pegkit.columns, a line per sheet), as the sidebar and pegkit-check read and write it.
#include "columns.hpp"
#include "grid.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/uno/XInterface.hpp>

#include <optional>

namespace pegkit::uno {

// The choice stored for `sheet`; nullopt when none (or unreadable: a hand-edited property).
std::optional<ColumnChoice> stored_choice(const css::uno::Reference<css::uno::XInterface>& document,
                                          const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

// Stores the choice for `sheet` (nullopt forgets it). Throws UNO exceptions; callers catch.
void store_choice(const css::uno::Reference<css::uno::XInterface>& document,
                  const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::optional<ColumnChoice>& choice);

// `options` with the stored choice under it: what the caller set (the Summary panel's actual and
// weight columns) wins. The choice names sheet columns; `area` says where the grid starts.
SheetOptions with_stored_choice(const css::uno::Reference<css::uno::XInterface>& document,
                                const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area,
                                SheetOptions options);

}  // namespace pegkit::uno
