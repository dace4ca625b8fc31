#pragma once
// The Normalize panel's preview: one line per cell Normalize would rewrite (cell, before → after),
// each with its own tick, shown a page at a time and filtered by column. Plain C++, so the ticks,
// the pages and what Apply sends are unit-tested without an office.
#include "plan.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace pegkit::sidebar {

struct PreviewLine {
    CellPos at;              // sheet coordinates
    std::string column;      // "J · Target": the filter's entry
    std::string before, after;
    bool ticked = true;
};

class RewritePreview {
public:
    static constexpr std::size_t page_size = 10;

    // New lines from a fresh plan. A line that is still there with the same after text keeps the
    // user's tick: a sheet edit elsewhere does not undo what the user unticked.
    void set(std::vector<PreviewLine> lines);

    const std::vector<std::string>& columns() const { return m_columns; }  // in sheet order
    void filter(int column);             // an index into columns(), -1 for every column; back to page 1
    int filtered_column() const { return m_filter; }

    std::size_t shown_count() const { return m_shown.size(); }  // lines the filter lets through
    std::size_t pages() const;           // at least 1
    std::size_t page() const { return m_page; }
    void turn(int by);                   // +1 next page, -1 previous; stays inside
    // The lines of the current page: at most page_size.
    std::vector<const PreviewLine*> page_lines() const;
    void tick_on_page(std::size_t i, bool on);
    void tick_shown(bool on);            // every line the filter lets through, on every page

    std::size_t total() const { return m_lines.size(); }
    std::size_t ticked() const;
    std::vector<ChosenRewrite> chosen() const;  // what Apply sends: the ticked lines

private:
    void reshow();
    std::vector<PreviewLine> m_lines;
    std::vector<std::string> m_columns;
    std::vector<std::size_t> m_shown;    // indexes into m_lines
    int m_filter = -1;
    std::size_t m_page = 0;
};

// A line's text for a narrow panel ("J38 · < = 10 giorni → ≤ 10 giorni", cut with "…") and in full
// for its tooltip.
std::string preview_text(const PreviewLine& line, std::size_t max_bytes);

}  // namespace pegkit::sidebar
