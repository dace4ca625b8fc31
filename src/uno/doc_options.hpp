#pragma once
// The options a sheet is checked with inside Calc: the user's defaults (Tools ▸ Options), then what
// the document keeps (docs/scoring.md): its scoring profile (pegkit.profile, which replaces the
// default rules: they are the rules of documents without one), the objectives marked not
// assessable on that sheet (pegkit.not_assessable) and the column choice (pegkit.columns).
// The as-of date is today unless the caller set one.
#include "grid.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/uno/XInterface.hpp>

#include <string>

namespace pegkit::uno {

struct DocumentOptions {
    SheetOptions options;
    std::string profile_error;  // the stored profile could not be read: the defaults stand, and this says why
};

DocumentOptions with_document(const css::uno::Reference<css::uno::XInterface>& document,
                              const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area,
                              SheetOptions options, Lang lang);

Date today() noexcept;

}  // namespace pegkit::uno
