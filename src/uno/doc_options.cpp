#include "doc_options.hpp"

#include "column_choice.hpp"
#include "convert.hpp"
#include "doc_store.hpp"
#include "not_assessable.hpp"
#include "profile.hpp"
#include "status.hpp"

#include <com/sun/star/container/XNamed.hpp>

#include <ctime>

namespace pegkit::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY;

Date today() noexcept {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

DocumentOptions with_document(const Reference<css::uno::XInterface>& document,
                              const Reference<css::sheet::XSpreadsheet>& sheet, const SheetArea& area,
                              SheetOptions options, Lang lang) {
    DocumentOptions out;
    if (const std::optional<std::string> stored = read_text_property(document, profile_property); stored && !stored->empty()) {
        const ProfileParse parsed = parse_profile(*stored);
        if (parsed) apply_profile(parsed.profile, options);
        else out.profile_error = std::string(profile_property) + ": " + message(parsed.diagnostics.front(), lang);
    }
    if (!options.as_of)
        if (const std::optional<std::string> stored = read_text_property(document, as_of_property))
            options.as_of = parse_date(*stored);
    if (!options.as_of) options.as_of = today();
    if (const std::optional<std::string> marks = read_text_property(document, not_assessable_property)) {
        const Reference<css::container::XNamed> named(sheet, UNO_QUERY);
        if (named.is()) options.not_assessable = stored_marks(*marks, to_utf8(named->getName()), area.first_row);
    }
    out.options = with_stored_choice(document, sheet, area, std::move(options));
    return out;
}

}  // namespace pegkit::uno
