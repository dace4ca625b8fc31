// The factory the sidebar asks for our panels (registry/Factories.xcu maps the resource URLs
// private:resource/toolpanel/it.pegkit.calc.PanelFactory/<Panel> to this implementation).
#include "panel.hpp"

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <sal/log.hxx>

#include <exception>

using css::uno::Reference;
using css::uno::Sequence;
using rtl::OUString;

namespace pegkit::sidebar {
namespace {

constexpr char implementation_name[] = "it.pegkit.calc.PanelFactoryImpl";
constexpr char url_prefix[] = "private:resource/toolpanel/it.pegkit.calc.PanelFactory/";

class PanelFactory : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo> {
public:
    explicit PanelFactory(const Reference<css::uno::XComponentContext>& context) : m_context(context) {}

    Reference<css::ui::XUIElement> SAL_CALL createUIElement(
        const OUString& url, const Sequence<css::beans::PropertyValue>& arguments) override {
        PanelKind kind;
        if (!url.startsWith(url_prefix) || !panel_kind(url.copy(url.lastIndexOf('/') + 1), kind))
            throw css::container::NoSuchElementException(url, *this);
        Reference<css::frame::XFrame> frame;
        Reference<css::awt::XWindow> parent;
        Reference<css::ui::XSidebar> sidebar;
        for (const css::beans::PropertyValue& a : arguments) {
            if (a.Name == "Frame") a.Value >>= frame;
            else if (a.Name == "ParentWindow") a.Value >>= parent;
            else if (a.Name == "Sidebar") a.Value >>= sidebar;
        }
        if (!parent.is())
            throw css::lang::IllegalArgumentException("pegkit: no ParentWindow for " + url, *this, 1);
        Reference<css::ui::XUIElement> panel = create_panel(kind, url, m_context, frame, parent, sidebar);
        if (!panel.is()) throw css::uno::RuntimeException("pegkit: could not create panel " + url, *this);
        return panel;
    }

    OUString SAL_CALL getImplementationName() override { return implementation_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(1);
        names.getArray()[0] = "com.sun.star.ui.UIElementFactory";
        return names;
    }

private:
    Reference<css::uno::XComponentContext> m_context;
};

}  // namespace
}  // namespace pegkit::sidebar

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
it_pegkit_calc_PanelFactory_get_implementation(css::uno::XComponentContext* context,
                                                const css::uno::Sequence<css::uno::Any>&) {
    try {
        return cppu::acquire(new pegkit::sidebar::PanelFactory(context));
    } catch (...) {
        return nullptr;
    }
}
