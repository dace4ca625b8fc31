#include "rewrite_list.hpp"

#include "clean.hpp"

#include <algorithm>
#include <map>

namespace pegkit::sidebar {

void RewritePreview::set(std::vector<PreviewLine> lines) {
    std::map<CellPos, const PreviewLine*> old;
    for (const PreviewLine& l : m_lines) old[l.at] = &l;
    for (PreviewLine& l : lines) {
        const auto it = old.find(l.at);
        if (it != old.end() && it->second->after == l.after) l.ticked = it->second->ticked;
    }
    const std::string filtered = m_filter >= 0 && std::size_t(m_filter) < m_columns.size() ? m_columns[std::size_t(m_filter)] : "";
    m_lines = std::move(lines);
    m_columns.clear();
    for (const PreviewLine& l : m_lines)
        if (std::find(m_columns.begin(), m_columns.end(), l.column) == m_columns.end()) m_columns.push_back(l.column);
    const auto again = std::find(m_columns.begin(), m_columns.end(), filtered);
    m_filter = filtered.empty() || again == m_columns.end() ? -1 : int(again - m_columns.begin());
    const std::size_t page = m_page;
    reshow();
    m_page = std::min(page, pages() - 1);  // an edit elsewhere keeps the page the user is on
}

void RewritePreview::filter(int column) {
    m_filter = column >= 0 && std::size_t(column) < m_columns.size() ? column : -1;
    reshow();
}

void RewritePreview::reshow() {
    m_shown.clear();
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        if (m_filter < 0 || m_lines[i].column == m_columns[std::size_t(m_filter)]) m_shown.push_back(i);
    m_page = 0;
}

std::size_t RewritePreview::pages() const { return std::max<std::size_t>(1, (m_shown.size() + page_size - 1) / page_size); }

void RewritePreview::turn(int by) {
    if (by < 0 && m_page > 0) --m_page;
    if (by > 0 && m_page + 1 < pages()) ++m_page;
}

std::vector<const PreviewLine*> RewritePreview::page_lines() const {
    std::vector<const PreviewLine*> out;
    for (std::size_t i = m_page * page_size; i < m_shown.size() && out.size() < page_size; ++i)
        out.push_back(&m_lines[m_shown[i]]);
    return out;
}

void RewritePreview::tick_on_page(std::size_t i, bool on) {
    const std::size_t at = m_page * page_size + i;
    if (i < page_size && at < m_shown.size()) m_lines[m_shown[at]].ticked = on;
}

void RewritePreview::tick_shown(bool on) {
    for (std::size_t i : m_shown) m_lines[i].ticked = on;
}

std::size_t RewritePreview::ticked() const {
    return std::size_t(std::count_if(m_lines.begin(), m_lines.end(), [](const PreviewLine& l) { return l.ticked; }));
}

std::vector<ChosenRewrite> RewritePreview::chosen() const {
    std::vector<ChosenRewrite> out;
    for (const PreviewLine& l : m_lines)
        if (l.ticked) out.push_back({l.at, l.after});
    return out;
}

std::string preview_text(const PreviewLine& line, std::size_t max_bytes) {
    // line breaks in a cell would break the panel's one-line label
    auto flat = [](std::string s) {
        std::replace(s.begin(), s.end(), '\n', ' ');
        return s;
    };
    const std::string text = cell_address(line.at) + " · " + flat(line.before) + " → " + flat(line.after);
    return max_bytes ? shortened(text, max_bytes) : text;
}

}  // namespace pegkit::sidebar
