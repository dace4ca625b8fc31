#pragma once
// Cleaning cell text (TARGETS.md §4). UTF-8 in, UTF-8 out; idempotent; never throws
// except std::bad_alloc.
#include <optional>
#include <string>
#include <string_view>

namespace pegkit {

// Removes HTML tags, decodes entities, turns every kind of space and line break into one
// space, unifies dashes (– — ‒ → -) and quotes (’ ‘ → ', “ ” → "), trims.
std::string clean(std::string_view text);

// "50 - Direttore generale (Direzione Generale)" -> {50, "Direttore generale (Direzione Generale)"};
// "01-Organismi istituzionali" -> {1, ...}; "12" -> {12, ""}; "Sport" -> {nullopt, "Sport"}.
struct CodeLabel {
    std::optional<long> code;
    std::string label;
};
CodeLabel split_code(std::string_view text);

// Lower-case ASCII letters and the Italian accented letters, for keyword matching.
std::string fold_case(std::string_view text);

}  // namespace pegkit
