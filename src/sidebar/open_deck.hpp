#pragma once
// The PEG menu's Normalize opens the deck at the Normalize panel, whose per-cell preview the user
// ticks before Apply, instead of rewriting the whole sheet at once.
#include "command.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace pegkit::sidebar {

// Shows the sidebar, the PEG deck and its Normalize panel expanded; writes nothing. A document
// without a visible window (loaded hidden) has no sidebar: a failure that says so.
Outcome show_normalize_preview(const css::uno::Reference<css::uno::XComponentContext>& context,
                              const css::uno::Reference<css::frame::XFrame>& frame, Lang lang);

}  // namespace pegkit::sidebar
