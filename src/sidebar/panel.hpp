#pragma once
// The PEG deck's panels (Validate, Normalize, Summary): awt controls in a container window, built
// through the component context (an extension cannot link VCL). Buttons dispatch the
// vnd.pegkit: commands through the frame; the lists show the active sheet as the core reads it.
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace pegkit::sidebar {

enum class PanelKind { validate, normalize, summary, table, profile };

// `name` is the last segment of the panel's resource URL ("Validate", "Normalize", "Summary").
bool panel_kind(const rtl::OUString& name, PanelKind& kind);

// Never throws; returns an empty reference when the window cannot be made.
css::uno::Reference<css::ui::XUIElement> create_panel(
    PanelKind kind, const rtl::OUString& resource_url,
    const css::uno::Reference<css::uno::XComponentContext>& context,
    const css::uno::Reference<css::frame::XFrame>& frame,
    const css::uno::Reference<css::awt::XWindow>& parent,
    const css::uno::Reference<css::ui::XSidebar>& sidebar);

}  // namespace pegkit::sidebar
