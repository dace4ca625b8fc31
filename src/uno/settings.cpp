#include "settings.hpp"

#include "convert.hpp"
#include "profile.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/util/XChangesBatch.hpp>

#include <algorithm>

using namespace css;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::uno {
namespace {

constexpr char node_path[] = "/it.pegkit.calc.Settings/Defaults";

Reference<css::uno::XInterface> open(const Reference<css::uno::XComponentContext>& context, bool update) {
    Reference<lang::XMultiServiceFactory> provider(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context),
        UNO_QUERY_THROW);
    beans::NamedValue path("nodepath", Any(OUString::createFromAscii(node_path)));
    css::uno::Sequence<Any> args(1);
    args[0] <<= path;
    return provider->createInstanceWithArguments(
        update ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
               : OUString("com.sun.star.configuration.ConfigurationAccess"),
        args);
}

}  // namespace

Settings read_settings(const Reference<css::uno::XComponentContext>& context) noexcept {
    Settings s;
    try {
        Reference<beans::XPropertySet> node(open(context, false), UNO_QUERY_THROW);
        OUString rule, rules;
        sal_Int32 year = s.fixed_year, notes = s.max_notes;
        node->getPropertyValue("PlanYearRule") >>= rule;
        node->getPropertyValue("PlanYear") >>= year;
        node->getPropertyValue("ScoringRule") >>= rules;
        node->getPropertyValue("MaxNotes") >>= notes;
        s.fixed_year = year;
        if (rule == "fixed") s.plan_year = year;
        s.rules = to_utf8(rules);
        s.max_notes = std::max<sal_Int32>(notes, 0);
    } catch (...) {
        return Settings{};
    }
    return s;
}

SheetOptions sheet_options(const Settings& s) {
    SheetOptions o;
    o.plan_year = s.plan_year;
    if (const ProfileParse parsed = parse_profile(s.rules)) apply_profile(parsed.profile, o);
    return o;
}

bool write_settings(const Reference<css::uno::XComponentContext>& context, const Settings& s) noexcept {
    try {
        Reference<css::uno::XInterface> access = open(context, true);
        Reference<beans::XPropertySet> node(access, UNO_QUERY_THROW);
        node->setPropertyValue("PlanYearRule", Any(OUString::createFromAscii(s.plan_year ? "fixed" : "sheet")));
        node->setPropertyValue("PlanYear", Any(sal_Int32(s.plan_year.value_or(s.fixed_year))));
        node->setPropertyValue("ScoringRule", Any(to_ou(s.rules)));
        node->setPropertyValue("MaxNotes", Any(sal_Int32(std::max(s.max_notes, 0))));
        Reference<util::XChangesBatch>(access, UNO_QUERY_THROW)->commitChanges();
        return true;
    } catch (...) {
        return false;
    }
}

}  // namespace pegkit::uno
