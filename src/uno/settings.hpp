#pragma once
// What a user sets once in Tools ▸ Options ▸ LibreOffice Calc ▸ PEG, kept in the extension's own
// configuration (registry/PegkitSettings.xcs, node /it.pegkit.calc.Settings/Defaults).
#include "sheet.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <optional>
#include <string>

namespace pegkit::uno {

struct Settings {
    std::optional<int> plan_year;      // empty: from the sheet (its most frequent deadline year)
    int fixed_year = 2020;             // the year kept for "a fixed year", even while unused
    std::string rules;                 // default scoring rule text for new documents, e.g. "cap=1.2"
    int max_notes = 200;               // notes Validate writes (core's default_max_notes); 0: none
};

// Reads the settings through the configuration provider. Never throws: on any failure (the
// extension's schema missing, a value of the wrong type) the defaults above are returned.
Settings read_settings(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept;

// The options every command and panel starts from: the plan year and the scoring rules the user set,
// applied as the CLI applies a profile (a text the core cannot read is left out, as the options page
// refuses to save one).
SheetOptions sheet_options(const Settings& settings);

// Writes them and commits. Returns false (and writes nothing) when the configuration refuses.
bool write_settings(const css::uno::Reference<css::uno::XComponentContext>& context,
                    const Settings& settings) noexcept;

}  // namespace pegkit::uno
