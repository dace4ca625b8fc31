#pragma once
// The Scoring profile panel's form: one field per entry of the office's profile (profile.hpp),
// filled from the document's profile and turned back into the text the document keeps. Plain
// C++, so what Save writes and what it refuses are unit-tested without an office.
#include "profile.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pegkit::sidebar {

struct ProfileField {
    std::string key;                   // the profile's canonical key: "cap", "bands", ...
    std::vector<std::string> choices;  // a list's canonical values, the default first; empty: a text field
};

// In the order the panel shows them.
const std::vector<ProfileField>& profile_fields();

// key -> value as the form shows it; a list's field holds one of its choices, a text field the
// profile's canonical text ("0-60:0 | 60-100:pro"), empty when the profile keeps the default.
using ProfileValues = std::map<std::string, std::string>;
ProfileValues profile_values(const Profile& profile);

struct ProfileForm {
    std::optional<std::string> text;  // what the document keeps: the canonical text; "" is the defaults
    std::vector<Diagnostic> errors;   // each naming the entry or the interval at fault; nothing to store
};
// The form's values read as a profile, as parse_profile reads the document's (decimal comma or point).
ProfileForm read_form(const ProfileValues& values);

// The as-of date as the panel keeps it (pegkit.as_of, "YYYY-MM-DD"); "" for today. nullopt: not a date.
std::optional<std::string> as_of_text(std::string_view typed);

}  // namespace pegkit::sidebar
