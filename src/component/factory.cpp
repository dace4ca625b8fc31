// The old-style entry point of libpegkit.so. LibreOffice uses each implementation's
// `constructor` (extension/pegkit.components) when it starts; but an extension added while the
// office runs is activated through component_getFactory, so without this one the options page
// opened from the Extension Manager right after installing stays blank (its handler cannot be
// created), and so do the commands until a restart.
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>

#include <initializer_list>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::XComponentContext;
using css::uno::XInterface;
using rtl::OUString;

extern "C" {
XInterface* it_pegkit_calc_Functions_get_implementation(XComponentContext*, const Sequence<Any>&);
XInterface* it_pegkit_calc_PanelFactory_get_implementation(XComponentContext*, const Sequence<Any>&);
XInterface* it_pegkit_calc_Commands_get_implementation(XComponentContext*, const Sequence<Any>&);
XInterface* it_pegkit_calc_OptionsHandler_get_implementation(XComponentContext*, const Sequence<Any>&);
}

namespace {

using Constructor = XInterface* (*)(XComponentContext*, const Sequence<Any>&);

template <Constructor make>
Reference<XInterface> SAL_CALL create(const Reference<XComponentContext>& context) {
    // the constructors return an acquired instance, or null when they failed
    return Reference<XInterface>(make(context.get(), Sequence<Any>()), SAL_NO_ACQUIRE);
}

Sequence<OUString> names(std::initializer_list<const char*> list) {
    Sequence<OUString> out(static_cast<sal_Int32>(list.size()));
    sal_Int32 i = 0;
    for (const char* n : list) out.getArray()[i++] = OUString::createFromAscii(n);
    return out;
}

// Names as in extension/pegkit.components.
OUString SAL_CALL functions_name() { return "it.pegkit.calc.FunctionsImpl"; }
Sequence<OUString> SAL_CALL functions_services() { return names({"it.pegkit.calc.Functions", "com.sun.star.sheet.AddIn"}); }
OUString SAL_CALL panels_name() { return "it.pegkit.calc.PanelFactoryImpl"; }
Sequence<OUString> SAL_CALL panels_services() { return names({"com.sun.star.ui.UIElementFactory"}); }
OUString SAL_CALL commands_name() { return "it.pegkit.calc.CommandsImpl"; }
Sequence<OUString> SAL_CALL commands_services() { return names({"com.sun.star.frame.ProtocolHandler"}); }
OUString SAL_CALL options_name() { return "it.pegkit.calc.OptionsHandlerImpl"; }
Sequence<OUString> SAL_CALL options_services() { return names({"it.pegkit.calc.OptionsHandler"}); }

const cppu::ImplementationEntry entries[] = {
    {create<it_pegkit_calc_Functions_get_implementation>, functions_name, functions_services,
     cppu::createSingleComponentFactory, nullptr, 0},
    {create<it_pegkit_calc_PanelFactory_get_implementation>, panels_name, panels_services,
     cppu::createSingleComponentFactory, nullptr, 0},
    {create<it_pegkit_calc_Commands_get_implementation>, commands_name, commands_services,
     cppu::createSingleComponentFactory, nullptr, 0},
    {create<it_pegkit_calc_OptionsHandler_get_implementation>, options_name, options_services,
     cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0},
};

}  // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* component_getFactory(const char* name, void* service_manager, void* key) {
    return cppu::component_getFactoryHelper(name, service_manager, key, entries);
}
