#include "summary_link.hpp"

#include <algorithm>
#include <charconv>

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
    for (std::size_t start = 0; start < property.size();) {
        const std::size_t end = std::min(property.find('\n', start), property.size());
        const std::string_view line = property.substr(start, end - start);
        start = end + 1;
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string_view::npos || t1 == 0 || t2 == t1 + 1) continue;
        SummaryLink l{std::string(line.substr(0, t1)), std::string(line.substr(t1 + 1, t2 - t1 - 1)), 0};
        const std::string_view rows = line.substr(t2 + 1);
        auto [p, ec] = std::from_chars(rows.data(), rows.data() + rows.size(), l.rows);
        if (ec != std::errc() || p != rows.data() + rows.size() || l.rows < 0) continue;
        out.push_back(std::move(l));
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
