#pragma once
// Merged ranges near the top of a sheet, where they shape the header ("Target" merged over
// "2024 | 2025 | 2026") and title rows. Below that, a merged objective leaves blank cells under
// its first row, which check_sheet reads the same way.
#include "sheet.hpp"
#include "grid.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>

#include <vector>

namespace pegkit::uno {

// Merges whose top-left cell lies in the first `rows` rows of `area`, in grid coordinates. One call
// when nothing is merged there (most sheets); then one per row, and a cursor per merged cell.
std::vector<Merge> read_merges(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area,
                               int rows = 60);

}  // namespace pegkit::uno
