#include "doc_store.hpp"

#include "convert.hpp"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::uno {
namespace {

Reference<css::beans::XPropertyContainer> user_properties(const Reference<css::uno::XInterface>& document) {
    const Reference<css::document::XDocumentPropertiesSupplier> supplier(document, UNO_QUERY_THROW);
    return supplier->getDocumentProperties()->getUserDefinedProperties();
}

}  // namespace

std::optional<std::string> read_text_property(const Reference<css::uno::XInterface>& document, std::string_view name) {
    const Reference<css::beans::XPropertySet> set(user_properties(document), UNO_QUERY_THROW);
    const OUString key = to_ou(name);
    if (!set->getPropertySetInfo()->hasPropertyByName(key)) return std::nullopt;
    OUString text;
    if (!(set->getPropertyValue(key) >>= text)) return std::nullopt;
    return to_utf8(text);
}

void write_text_property(const Reference<css::uno::XInterface>& document, std::string_view name,
                         const std::optional<std::string>& text) {
    const Reference<css::beans::XPropertyContainer> container = user_properties(document);
    const Reference<css::beans::XPropertySet> set(container, UNO_QUERY_THROW);
    const OUString key = to_ou(name);
    const bool present = set->getPropertySetInfo()->hasPropertyByName(key);
    if (!text) {
        if (present) container->removeProperty(key);
        return;
    }
    if (present) set->setPropertyValue(key, Any(to_ou(*text)));
    else container->addProperty(key, css::beans::PropertyAttribute::REMOVABLE, Any(to_ou(*text)));
}

}  // namespace pegkit::uno
