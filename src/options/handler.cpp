// The options page (Tools ▸ Options ▸ LibreOffice Calc ▸ PEG): fills the controls of
// extension/dialogs/Options.xdl from the extension's configuration and saves them on OK.
#include "labels.hpp"

#include "attainment.hpp"
#include "catalogue.hpp"
#include "convert.hpp"
#include "diagnostic.hpp"
#include "settings.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <sal/log.hxx>

#include <algorithm>
#include <cmath>
#include <exception>

using namespace css;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::options {
namespace {

Reference<beans::XPropertySet> model(const Reference<awt::XControlContainer>& page, const char* name) {
    Reference<awt::XControl> control = page->getControl(OUString::createFromAscii(name));
    if (!control.is()) return {};
    return Reference<beans::XPropertySet>(control->getModel(), UNO_QUERY);
}

class OptionsHandler : public cppu::WeakImplHelper2<awt::XContainerWindowEventHandler, lang::XServiceInfo> {
public:
    explicit OptionsHandler(Reference<css::uno::XComponentContext> context) : m_xContext(std::move(context)) {}

    sal_Bool SAL_CALL callHandlerMethod(const Reference<awt::XWindow>& xWindow, const Any& event,
                                        const OUString& method) override {
        try {
            OUString what;
            if (method != "external_event" || !(event >>= what)) return false;
            Reference<awt::XControlContainer> page(xWindow, UNO_QUERY_THROW);
            if (what == "initialize") set_labels(page);
            if (what == "initialize" || what == "back") load(page);
            else if (what == "ok") save(page, xWindow);
            return true;
        } catch (const std::exception& e) {
            SAL_WARN("pegkit", "options page: " << e.what());
        } catch (const css::uno::Exception& e) {
            SAL_WARN("pegkit", "options page: " << e.Message);
        } catch (...) {
            SAL_WARN("pegkit", "options page: unknown exception");
        }
        return false;
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override {
        Sequence<OUString> names(1);
        names[0] = "external_event";
        return names;
    }

    OUString SAL_CALL getImplementationName() override { return "it.pegkit.calc.OptionsHandlerImpl"; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(1);
        names[0] = "it.pegkit.calc.OptionsHandler";
        return names;
    }

private:
    Lang lang() const { return uno::ui_language(m_xContext); }

    void set_labels(const Reference<awt::XControlContainer>& page) {
        const Lang ui = lang();
        for (const Label& l : labels)
            if (auto m = model(page, std::string(l.control).c_str()); m.is())
                m->setPropertyValue("Label", Any(uno::to_ou(say(l.key, ui))));
    }

    void load(const Reference<awt::XControlContainer>& page) {
        const uno::Settings s = uno::read_settings(m_xContext);
        model(page, "FromSheet")->setPropertyValue("State", Any(sal_Int16(s.plan_year ? 0 : 1)));
        model(page, "Fixed")->setPropertyValue("State", Any(sal_Int16(s.plan_year ? 1 : 0)));
        model(page, "Year")->setPropertyValue("Value", Any(double(s.plan_year.value_or(s.fixed_year))));
        model(page, "Rule")->setPropertyValue("Text", Any(uno::to_ou(s.rules)));
        model(page, "MaxNotes")->setPropertyValue("Value", Any(double(s.max_notes)));
    }

    void save(const Reference<awt::XControlContainer>& page, const Reference<awt::XWindow>& window) {
        uno::Settings s = uno::read_settings(m_xContext);
        sal_Int16 fixed = 0;
        double year = s.fixed_year, notes = s.max_notes;
        OUString rule;
        model(page, "Fixed")->getPropertyValue("State") >>= fixed;
        model(page, "Year")->getPropertyValue("Value") >>= year;
        model(page, "Rule")->getPropertyValue("Text") >>= rule;
        model(page, "MaxNotes")->getPropertyValue("Value") >>= notes;
        s.fixed_year = static_cast<int>(std::lround(year));
        s.plan_year.reset();
        if (fixed == 1) s.plan_year = s.fixed_year;
        s.max_notes = std::max(0, static_cast<int>(std::lround(notes)));
        const std::string text = uno::to_utf8(rule.trim());
        // A rule text the core cannot read is not saved: the previous one stays, and the user is told why.
        const RulesParse parsed = parse_rules(text);
        if (parsed) s.rules = text;
        else warn(window, message(*parsed.error, lang()));
        if (!uno::write_settings(m_xContext, s)) SAL_WARN("pegkit", "options page: settings not saved");
    }

    void warn(const Reference<awt::XWindow>& window, const std::string& text) {
        Reference<awt::XControl> control(window, UNO_QUERY);
        Reference<awt::XWindowPeer> peer = control.is() ? control->getPeer() : nullptr;
        Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(m_xContext), UNO_QUERY_THROW);
        Reference<awt::XMessageBox> box = factory->createMessageBox(
            peer, awt::MessageBoxType_WARNINGBOX, awt::MessageBoxButtons::BUTTONS_OK,
            uno::to_ou(say(bad_rule_title, lang())), uno::to_ou(text));
        if (box.is()) box->execute();
    }

    Reference<css::uno::XComponentContext> m_xContext;
};

}  // namespace
}  // namespace pegkit::options

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
it_pegkit_calc_OptionsHandler_get_implementation(css::uno::XComponentContext* context,
                                                 const css::uno::Sequence<css::uno::Any>&) {
    try {
        return cppu::acquire(new pegkit::options::OptionsHandler(context));
    } catch (...) {
        return nullptr;
    }
}
