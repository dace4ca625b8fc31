#include "convert.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/Date.hpp>

#include <cmath>
#include <cstdlib>

namespace pegkit::uno {

OUString to_ou(std::string_view utf8) {
    return OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

std::string to_utf8(const OUString& s) {
    const OString o = OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<std::size_t>(o.getLength()));
}

css::beans::PropertyValue property(std::string_view name, css::uno::Any value) {
    css::beans::PropertyValue p;
    p.Name = to_ou(name);
    p.Value = std::move(value);
    return p;
}

Cell to_cell(const css::uno::Any& value) {
    switch (value.getValueTypeClass()) {
    case css::uno::TypeClass_VOID:
        return Cell{};
    case css::uno::TypeClass_STRING: {
        OUString s;
        value >>= s;
        return Cell::of_text(to_utf8(s));
    }
    case css::uno::TypeClass_BOOLEAN: {
        bool b = false;
        value >>= b;
        return Cell::of_bool(b);
    }
    case css::uno::TypeClass_DOUBLE:
    case css::uno::TypeClass_FLOAT:
    case css::uno::TypeClass_LONG:
    case css::uno::TypeClass_SHORT:
    case css::uno::TypeClass_HYPER:
    case css::uno::TypeClass_BYTE: {
        double d = 0;
        value >>= d;
        return Cell::of_number(d);
    }
    default: {
        Cell c;
        c.type = CellType::error;
        return c;
    }
    }
}

Arg to_arg(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows) {
    Arg a;
    a.rows = rows.getLength();
    a.cols = 0;
    for (const auto& row : rows) a.cols = std::max<int>(a.cols, row.getLength());
    a.cells.resize(static_cast<std::size_t>(a.rows) * static_cast<std::size_t>(a.cols));
    for (int r = 0; r < a.rows; ++r)
        for (int c = 0; c < rows[r].getLength(); ++c) a.cells[static_cast<std::size_t>(r) * a.cols + c] = to_cell(rows[r][c]);
    a.range = a.rows * a.cols != 1;
    if (a.cells.empty()) {  // nothing at all: one empty value
        a.rows = a.cols = 1;
        a.cells.emplace_back();
    }
    return a;
}

Arg to_value_arg(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows) {
    Arg a = to_arg(rows);
    // Calc passes a single referenced empty cell as 0.0 (only ranges carry empty cells), so a
    // lone 0 is read as empty: a missing target must not pass as "= 0" in PEG.VALID(J2).
    if (!a.range && a.cells[0].type == CellType::number && a.cells[0].number == 0) a.cells[0] = Cell{};
    return a;
}

Arg to_arg(const css::uno::Any& value) {
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> rows;
    if (value.getValueTypeClass() == css::uno::TypeClass_SEQUENCE && (value >>= rows)) {
        Arg a = to_arg(rows);
        a.range = true;
        return a;
    }
    Arg a;
    a.omitted = !value.hasValue();
    a.cells.push_back(to_cell(value));
    return a;
}

long null_date_offset(const css::uno::Reference<css::beans::XPropertySet>& options) {
    if (!options.is()) return 0;
    css::util::Date d;
    if (!(options->getPropertyValue("NullDate") >>= d)) return 0;
    const Date nd{d.Year, d.Month, d.Day};
    return valid(nd) ? to_serial(nd) : 0;
}

Lang ui_language(const css::uno::Reference<css::uno::XComponentContext>& context) {
    OUString locale;
    try {
        const css::uno::Reference<css::lang::XMultiServiceFactory> provider(
            context->getServiceManager()->createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", context),
            css::uno::UNO_QUERY_THROW);
        css::beans::PropertyValue path;
        path.Name = "nodepath";
        path.Value <<= OUString("/org.openoffice.Setup/L10N");
        css::uno::Sequence<css::uno::Any> args(1);
        args.getArray()[0] <<= path;
        const css::uno::Reference<css::container::XNameAccess> l10n(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args), css::uno::UNO_QUERY_THROW);
        l10n->getByName("ooLocale") >>= locale;
        if (locale.isEmpty()) l10n->getByName("ooSetupSystemLocale") >>= locale;
    } catch (const css::uno::Exception&) {
    }
    std::string tag = to_utf8(locale);
    if (tag.empty())
        for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
            if (const char* v = std::getenv(var); v && *v) { tag = v; break; }
    return tag.rfind("it", 0) == 0 ? Lang::it : Lang::en;
}

}  // namespace pegkit::uno
