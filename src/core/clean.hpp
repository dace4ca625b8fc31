#pragma once
// Cleaning cell text (TARGETS.md §4). UTF-8 in, UTF-8 out; idempotent; never throws
// except std::bad_alloc.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pegkit {

// Removes HTML tags, decodes entities, turns every kind of space and line break into one
// space, unifies dashes (– — ‒ → -) and quotes (’ ‘ → ', “ ” → "), trims, and composes the text
// (Unicode NFC: "piu" + U+0300 is "più"). Invalid UTF-8 bytes become U+FFFD.
std::string clean(std::string_view text);

// True when clean(text) == text, found without building anything (most cells of a sheet are).
bool already_clean(std::string_view text);

// clean() for the many cells of a sheet, where a text to clean is often on many rows (a group's
// name): each distinct text is cleaned once. A text already clean is given back as it is; the
// texts passed in must outlive the cache and what it gives.
class CleanOnce {
public:
    std::string_view operator()(std::string_view text);

private:
    std::unordered_map<std::string_view, std::string> m_cleaned;
};

// At most `bytes` bytes of `text`, cut before a whole UTF-8 letter and ended with "…" when cut.
std::string shortened(std::string_view text, std::size_t bytes);

// "50 - Direttore generale (Direzione Generale)" -> {50, "Direttore generale (Direzione Generale)"};
// "01-Organismi istituzionali" -> {1, ...}; "12" -> {12, ""}; "Sport" -> {nullopt, "Sport"}.
struct CodeLabel {
    std::optional<long> code;
    std::string label;
};
CodeLabel split_code(std::string_view text);

// Unicode case folding, code point by code point, for keyword matching. The result has the same
// byte length as `text`, so byte offsets in one are offsets in the other: a letter whose folded
// form has another length ("İ") is kept as it is; invalid bytes are kept.
std::string fold_case(std::string_view text);

// Case folded and accents removed ("Attività", "ATTIVITÀ", "attivita" with a combining grave
// accent all give "attivita"), for matching keywords and headings; not for offsets. Meant for
// clean() text; invalid UTF-8 bytes read as U+FFFD.
std::string fold_key(std::string_view text);

}  // namespace pegkit
