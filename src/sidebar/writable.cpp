#include "writable.hpp"

#include "messages.hpp"

#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/util/XProtectable.hpp>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace pegkit::sidebar {
namespace {

bool is_protected(const Reference<css::uno::XInterface>& object) {
    const Reference<css::util::XProtectable> protectable(object, UNO_QUERY);
    return protectable.is() && protectable->isProtected();
}

}  // namespace

std::optional<std::string> why_not_writable(const ActiveSheet& s, Writes writes, Lang lang) {
    const Reference<css::frame::XStorable> storable(s.model, UNO_QUERY);
    if (storable.is() && storable->isReadonly()) return text(Msg::read_only, lang);
    if (writes == Writes::sheet && is_protected(s.sheet)) return text(Msg::protected_sheet, lang, {s.sheet_name});
    if (writes == Writes::new_sheet && is_protected(s.document)) return text(Msg::summary_protected_doc, lang);
    return std::nullopt;
}

}  // namespace pegkit::sidebar
