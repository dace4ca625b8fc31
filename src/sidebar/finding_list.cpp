#include "finding_list.hpp"

#include "messages.hpp"

#include <algorithm>

namespace pegkit::sidebar {
namespace {

int rank(Severity s) { return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2; }

std::string severity_marker(Severity s) {
    switch (s) {
    case Severity::error: return "✖ ";
    case Severity::warning: return "⚠ ";
    case Severity::info: return "ℹ ";
    }
    return "";
}

}  // namespace

FindingList list_findings(const std::vector<ListedFinding>& all, bool with_info, Lang lang, std::size_t limit,
                          int infos_total) {
    FindingList out;
    std::vector<ListedFinding> kept;
    for (const ListedFinding& f : all) {
        if (f.severity == Severity::error) ++out.errors;
        else if (f.severity == Severity::warning) ++out.warnings;
        else ++out.infos;
        if (f.severity != Severity::info || with_info) kept.push_back(f);
    }
    out.infos = std::max(out.infos, infos_total);
    std::stable_sort(kept.begin(), kept.end(),
                     [](const ListedFinding& a, const ListedFinding& b) { return rank(a.severity) < rank(b.severity); });
    // the cap counts what would be listed: the errors and warnings, and the information when shown
    const std::size_t listable = static_cast<std::size_t>(out.errors + out.warnings) +
                                 (with_info ? static_cast<std::size_t>(out.infos) : 0);
    for (const ListedFinding& f : kept) {
        if (out.shown.size() == limit) break;
        out.items.push_back(severity_marker(f.severity) + f.text);
        out.shown.push_back(f);
    }
    if (out.shown.size() < listable) {
        out.items.push_back(text(Msg::first_of, lang, {std::to_string(out.shown.size()), std::to_string(listable)}));
        out.shown.push_back({Severity::info, out.items.back(), 0, -2});
    }
    return out;
}

}  // namespace pegkit::sidebar
