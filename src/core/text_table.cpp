#include "text_table.hpp"

#include <algorithm>
#include <optional>

namespace pegkit {
namespace detail {
// Defined in sheet.cpp: which PEG column a header cell names, if any.
std::optional<Column> header_column(std::string_view cell);
}  // namespace detail

namespace {

bool ends_record(std::string_view text, std::size_t i) {
    return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] == '\n'));
}

bool is_separator_cell(std::string_view s) {
    bool dash = false;
    for (char c : s) {
        if (c == '-') dash = true;
        else if (c != ' ' && c != ':') return false;  // ":---" aligns markdown columns
    }
    return dash;
}

bool is_separator(const std::vector<std::string>& row) {
    bool any = false;
    for (const auto& cell : row) {
        if (cell.empty()) continue;
        if (!is_separator_cell(cell)) return false;
        any = true;
    }
    return any;
}

bool all_empty(const std::vector<std::string>& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& s) { return s.empty(); });
}

bool is_code(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The row among the first 50 that names the most PEG columns (at least 3).
std::optional<std::size_t> header_row(const TextRows& rows) {
    std::optional<std::size_t> best;
    int best_score = 2;
    for (std::size_t r = 0; r < rows.size() && r < 50; ++r) {
        int score = 0;
        for (const auto& cell : rows[r])
            if (detail::header_column(cell)) ++score;
        if (score > best_score) best = r, best_score = score;
    }
    return best;
}

// Re-aligns an extracted row on the header's width (see text_table.hpp).
std::vector<std::string> realign(std::vector<std::string> row, std::size_t width) {
    if (all_empty(row)) return row;
    // Two cells too many: a stray empty cell among the last three. Line 124 of the 2020
    // Venezia PEG ends with one; lines 128-130 have it just before the PEG target.
    while (row.size() > width + 1) {
        std::size_t from = row.size() >= 3 ? row.size() - 3 : 0;
        auto stray = std::find_if(row.rbegin(), row.rend() - from, [](const std::string& s) { return s.empty(); });
        if (stray == row.rend() - from) break;
        row.erase(std::next(stray).base());
    }
    if (row.size() == width + 1) {
        if (is_code(row[0]) || (row[0].empty() && row[1].empty()) || !row.back().empty()) {
            // "2", "Oltre i confini metropolitani": the strategic objective split in code and label.
            std::string joined = row[0].empty() ? row[1] : row[1].empty() ? row[0] : row[0] + ' ' + row[1];
            row.erase(row.begin());
            row[0] = std::move(joined);
        } else {
            row.pop_back();
        }
    } else if (row.size() + 1 == width) {
        row.insert(row.begin(), std::string());  // the strategic column is missing
    }
    return row;
}

}  // namespace

TextRows split_delimited(std::string_view text, char sep) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const bool quoting = sep != '\t';
    TextRows rows;
    std::vector<std::string> record;
    std::string field;
    int extra_lines = 0;  // newlines inside quotes: pad so that row i stays line i+1
    std::size_t i = 0;
    auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        rows.push_back(std::move(record));
        record.clear();
        for (; extra_lines > 0; --extra_lines) rows.emplace_back();
    };
    while (i < text.size()) {
        char c = text[i];
        if (quoting && c == '"' && field.empty()) {
            // RFC 4180: a quoted field runs to the next lone quote; "" is a quote.
            for (++i; i < text.size(); ++i) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
                    else { ++i; break; }
                } else {
                    if (text[i] == '\n') ++extra_lines;
                    field += text[i];
                }
            }
            continue;
        }
        if (c == sep) {
            record.push_back(std::move(field));
            field.clear();
        } else if (ends_record(text, i)) {
            if (c == '\r') ++i;
            end_record();
        } else {
            field += c;
        }
        ++i;
    }
    if (!field.empty() || !record.empty()) end_record();
    return rows;
}

Grid grid_from_rows(const TextRows& rows) {
    const auto header = header_row(rows);
    std::size_t width = 0;
    if (header) {
        width = rows[*header].size();
    } else {
        for (const auto& row : rows) width = std::max(width, row.size());
    }
    Grid grid(static_cast<int>(rows.size()), static_cast<int>(width));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (is_separator(rows[r])) continue;
        const auto row = header && r > *header ? realign(rows[r], width) : rows[r];
        for (std::size_t c = 0; c < row.size() && c < width; ++c)
            grid.at(static_cast<int>(r), static_cast<int>(c)) = Cell::of_text(row[c]);
    }
    return grid;
}

}  // namespace pegkit
