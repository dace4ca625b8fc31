#include "summary_link.hpp"

#include "tab_lines.hpp"

#include <algorithm>

namespace pegkit {
namespace {

bool has(const std::vector<std::string>& sheets, std::string_view name) {
    return std::find(sheets.begin(), sheets.end(), name) != sheets.end();
}

// Both sheets there, and not the same sheet (a plan renamed to its summary's old name).
bool alive(const SummaryLink& l, const std::vector<std::string>& sheets) {
    return l.plan != l.summary && has(sheets, l.plan) && has(sheets, l.summary);
}

}  // namespace

std::vector<SummaryLink> stored_links(std::string_view property) {
    std::vector<SummaryLink> out;
    for (const TabLine& t : tab_lines(property)) {
        const std::optional<int> rows = field_int(t.rest);
        if (t.first.empty() || t.second.empty() || !rows || *rows < 0) continue;
        out.push_back({std::string(t.first), std::string(t.second), *rows});
    }
    return out;
}

SummaryTarget summary_target(std::string_view property, std::string_view active, const std::vector<std::string>& sheets) {
    const std::vector<SummaryLink> links = stored_links(property);
    for (const SummaryLink& l : links)
        if (l.summary == active && alive(l, sheets)) return {l.plan, l};
    for (const SummaryLink& l : links)
        if (l.plan == active && alive(l, sheets)) return {l.plan, l};
    return {std::string(active), std::nullopt};
}

bool is_summary_sheet(std::string_view property, std::string_view sheet, const std::vector<std::string>& sheets) {
    for (const SummaryLink& l : stored_links(property))
        if (l.summary == sheet && alive(l, sheets)) return true;
    return false;
}

std::string store_link(std::string_view property, const SummaryLink& link, const std::vector<std::string>& sheets) {
    std::string out;
    auto write = [&](const SummaryLink& l) { out += l.plan + '\t' + l.summary + '\t' + std::to_string(l.rows) + '\n'; };
    for (const SummaryLink& l : stored_links(property))
        if (l.plan != link.plan && l.summary != link.summary && alive(l, sheets)) write(l);
    write(link);
    return out;
}

}  // namespace pegkit
