#pragma once
// Decisions kept in the document itself, as named text properties (File ▸ Properties ▸ Custom
// Properties): .ods and .xlsx both keep them, so Calc, the sidebar and pegkit-check read the same
// decisions. The text is the caller's (JSON by convention); names start with "pegkit." so that
// the user's own properties are never touched. Throws UNO exceptions; callers catch.
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XInterface.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace pegkit::uno {

// The property's text; nullopt when the document has none of that name (or it is not text).
std::optional<std::string> read_text_property(const css::uno::Reference<css::uno::XInterface>& document,
                                              std::string_view name);

// Sets the property, adding it when missing; nullopt removes it.
void write_text_property(const css::uno::Reference<css::uno::XInterface>& document, std::string_view name,
                         const std::optional<std::string>& text);

}  // namespace pegkit::uno
