#include "finding_list.hpp"

#include <algorithm>

namespace pegkit::sidebar {
namespace {

int rank(Severity s) { return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2; }

std::string first_of(std::size_t n, std::size_t m, Lang lang) {
    return lang == Lang::it ? "… i primi " + std::to_string(n) + " di " + std::to_string(m)
                            : "… the first " + std::to_string(n) + " of " + std::to_string(m);
}

}  // namespace

std::string severity_marker(Severity s) {
    switch (s) {
    case Severity::error: return "✖ ";
    case Severity::warning: return "⚠ ";
    case Severity::info: return "ℹ ";
    }
    return "";
}

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
        out.items.push_back(first_of(out.shown.size(), listable, lang));
        out.shown.push_back({Severity::info, out.items.back(), 0, -2});
    }
    return out;
}

}  // namespace pegkit::sidebar
