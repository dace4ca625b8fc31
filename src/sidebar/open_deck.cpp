#include "open_deck.hpp"

#include "catalogue.hpp"
#include "convert.hpp"

#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/util/URLTransformer.hpp>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace pegkit::sidebar {
namespace {

constexpr char deck_id[] = "PegkitDeck";
constexpr char panel_id[] = "PegkitNormalizePanel";

// The deck list follows the context (a sheet, a chart, a text edit): ask for the deck by name as
// the PEG menu's deck item does, then it is there.
void ask_for_deck(const Reference<css::uno::XComponentContext>& context, const Reference<css::frame::XFrame>& frame) {
    css::util::URL url;
    url.Complete = rtl::OUString::createFromAscii(".uno:SidebarDeck.") + rtl::OUString::createFromAscii(deck_id);
    css::util::URLTransformer::create(context)->parseStrict(url);
    const Reference<css::frame::XDispatchProvider> provider(frame, UNO_QUERY);
    const Reference<css::frame::XDispatch> d = provider.is() ? provider->queryDispatch(url, "", 0) : nullptr;
    if (d.is()) d->dispatch(url, {});
}

}  // namespace

Outcome show_normalize_preview(const Reference<css::uno::XComponentContext>& context,
                              const Reference<css::frame::XFrame>& frame, Lang lang) {
    const Reference<css::awt::XWindow2> window(frame.is() ? frame->getContainerWindow() : nullptr, UNO_QUERY);
    const Reference<css::frame::XController2> controller(frame.is() ? frame->getController() : nullptr, UNO_QUERY);
    const Reference<css::ui::XSidebarProvider> sidebar = controller.is() ? controller->getSidebar() : nullptr;
    if (!window.is() || !window->isVisible() || !sidebar.is())
        return failure(say("cmd_preview_no_window", lang));
    // each step only when needed: asking an open deck to open again closes it
    if (!sidebar->isVisible()) sidebar->setVisible(true);
    Reference<css::ui::XDecks> decks = sidebar->getDecks();
    if (!decks.is() || !decks->hasByName(deck_id)) {
        ask_for_deck(context, frame);
        decks = sidebar->getDecks();
    }
    Reference<css::ui::XDeck> deck;
    if (decks.is() && decks->hasByName(deck_id)) decks->getByName(deck_id) >>= deck;
    if (!deck.is()) return failure(say("cmd_no_deck", lang));
    if (!deck->isActive()) deck->activate(true);
    const Reference<css::ui::XPanels> panels = deck->getPanels();
    Reference<css::ui::XPanel> panel;
    if (panels.is() && panels->hasByName(panel_id)) panels->getByName(panel_id) >>= panel;
    if (panel.is() && !panel->isExpanded()) panel->expand(true);  // the others fold, as a click on its title does
    Outcome o;
    o.ok = true;
    o.message = say("cmd_preview_opened", lang);
    return o;
}

}  // namespace pegkit::sidebar
