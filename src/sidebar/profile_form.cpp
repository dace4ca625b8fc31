#include "profile_form.hpp"

#include "status.hpp"

#include <cstdio>

namespace pegkit::sidebar {

const std::vector<ProfileField>& profile_fields() {
    static const std::vector<ProfileField> fields = {
        {"bands", {}},
        {"threshold", {}},
        {"four_thresholds", {}},
        {"cap", {}},
        {"lower", {"ratio", "linear"}},
        {"late", {}},
        {"compound", {"mean", "min", "all"}},
        {"indicators", {"weighted", "mean", "min", "all"}},
        {"rounding", {}},
        {"reached", {}},
        {"on_track", {}},
    };
    return fields;
}

ProfileValues profile_values(const Profile& profile) {
    ProfileValues out;
    for (const ProfileField& f : profile_fields()) out[f.key] = f.choices.empty() ? "" : f.choices.front();
    const std::string text = format_profile(profile);  // "cap=1.2; bands=..."; each entry once
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find("; ", start);
        if (end == std::string::npos) end = text.size();
        const std::string entry = text.substr(start, end - start);
        const std::size_t eq = entry.find('=');
        if (eq != std::string::npos && out.count(entry.substr(0, eq))) out[entry.substr(0, eq)] = entry.substr(eq + 1);
        start = end + 2;
    }
    return out;
}

ProfileForm read_form(const ProfileValues& values) {
    std::string text;
    for (const ProfileField& f : profile_fields()) {
        const auto it = values.find(f.key);
        if (it == values.end() || it->second.empty()) continue;
        if (!f.choices.empty() && it->second == f.choices.front()) continue;  // the default
        text += f.key + "=" + it->second + "\n";  // a line each: a value's own ';' is an error, not an entry
    }
    ProfileForm out;
    const ProfileParse parsed = parse_profile(text);
    if (!parsed) out.errors = parsed.diagnostics;
    else out.text = format_profile(parsed.profile);
    return out;
}

std::optional<std::string> as_of_text(std::string_view typed) {
    std::size_t a = 0, b = typed.size();
    while (a < b && (typed[a] == ' ' || typed[a] == '\t')) ++a;
    while (b > a && (typed[b - 1] == ' ' || typed[b - 1] == '\t')) --b;
    if (a == b) return std::string();
    const std::optional<Date> d = parse_date(typed.substr(a, b - a));
    if (!d) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
    return std::string(buf);
}

}  // namespace pegkit::sidebar
