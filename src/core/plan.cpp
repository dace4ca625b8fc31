#include "plan.hpp"

#include "clean.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <set>
#include <string_view>
#include <unordered_map>

namespace pegkit {

std::string cell_address(CellPos p) {
    std::string letters;
    for (int c = p.col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(p.row + 1);
}

std::optional<CellPos> parse_cell_address(std::string_view a1) {
    std::size_t i = 0;
    long col = 0, row = 0;
    for (; i < a1.size() && a1[i] >= 'A' && a1[i] <= 'Z' && col < 100000; ++i) col = col * 26 + (a1[i] - 'A' + 1);
    const std::size_t digits = i;
    for (; i < a1.size() && a1[i] >= '0' && a1[i] <= '9' && row < 100000000; ++i) row = row * 10 + (a1[i] - '0');
    if (digits == 0 || i == digits || i != a1.size() || row < 1 || col < 1) return std::nullopt;
    return CellPos{static_cast<int>(row - 1), static_cast<int>(col - 1)};
}

// ------------------------------------------------------------------------------ Normalize

namespace {

std::uint64_t key_of(int col, int row) { return (std::uint64_t(std::uint32_t(col)) << 32) | std::uint32_t(row); }

}  // namespace

NormalizePlan plan_normalize(const Grid& grid, const SheetCheck& check, const std::vector<bool>& hidden_rows) {
    std::unordered_map<std::uint64_t, std::string> after;  // by key_of(col, row)
    for (const Finding& f : check.findings)
        if (f.code == Diag::would_normalize && !f.args.empty() && f.col >= 0) after[key_of(f.col, f.row)] = f.args[0];
    std::set<int> columns;
    for (int col : check.column)
        if (col >= 0 && col < grid.cols) columns.insert(col);
    CleanOnce cleaned;
    for (int col : columns)
        for (int row = std::max(check.first_row, 0); row <= check.last_row && row < grid.rows; ++row) {
            const Cell& cell = grid.at(row, col);
            if (cell.type != CellType::text || cell.formula || after.count(key_of(col, row))) continue;
            const std::string_view text = cleaned(cell.text);
            if (text != cell.text) after.emplace(key_of(col, row), std::string(text));
        }
    // by column, then row, as write_texts wants them
    std::vector<std::pair<std::uint64_t, std::string>> sorted(std::make_move_iterator(after.begin()),
                                                              std::make_move_iterator(after.end()));
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    NormalizePlan plan;
    plan.cells.reserve(sorted.size());
    for (auto& [key, text] : sorted) {
        const int col = int(key >> 32), row = int(std::uint32_t(key));
        if (row < 0 || row >= grid.rows || col >= grid.cols) continue;
        const Cell& cell = grid.at(row, col);
        if (cell.type != CellType::text || cell.formula || text == cell.text) continue;
        if (row < static_cast<int>(hidden_rows.size()) && hidden_rows[static_cast<std::size_t>(row)]) {
            ++plan.hidden;
            continue;
        }
        plan.cells.push_back({row, col, cell.text, std::move(text)});
    }
    return plan;
}

ChosenPlan choose_rewrites(const NormalizePlan& plan, const std::vector<ChosenRewrite>& chosen) {
    std::map<CellPos, const CellRewrite*> planned;
    for (const CellRewrite& c : plan.cells) planned[{c.row, c.col}] = &c;
    ChosenPlan out;
    out.plan.hidden = plan.hidden;
    std::set<CellPos> kept;
    for (const ChosenRewrite& c : chosen) {
        const auto it = planned.find(c.at);
        if (it == planned.end() || it->second->after != c.after) out.stale.push_back(c.at);
        else kept.insert(c.at);
    }
    if (!out.stale.empty()) return out;
    for (const CellRewrite& c : plan.cells)  // the plan's order: by column, then row
        if (kept.count({c.row, c.col})) out.plan.cells.push_back(c);
    return out;
}

namespace {

bool cuts_merge(const Grid& grid, int col) {
    return std::any_of(grid.merges.begin(), grid.merges.end(),
                       [col](const Merge& m) { return m.first_col <= col && m.last_col > col; });
}

}  // namespace

NewColumnsPlan plan_new_columns(const NormalizePlan& plan, const Grid& grid, const SheetCheck& check,
                                const std::string& suffix) {
    std::set<int> sources;
    for (const CellRewrite& c : plan.cells) sources.insert(c.col);
    NewColumnsPlan out;
    int beside = 0;
    for (int col : sources)
        if (!cuts_merge(grid, col)) out.columns.push_back({col, col + 1, col + 1 + beside++});
        else out.columns.push_back({col, -1, 0});
    int right = std::max(grid.cols, 0) + beside;  // the table's width once the inserts are in
    for (ColumnInsert& c : out.columns)
        if (c.insert_at < 0) c.final_col = right++;
    for (auto it = out.columns.rbegin(); it != out.columns.rend(); ++it)
        if (it->insert_at >= 0) out.inserts.push_back(*it);
    for (const ColumnInsert& nc : out.columns) {
        const int col = nc.source_col;
        if (check.header_row >= 0 && check.header_row < grid.rows && col < grid.cols) {
            const std::string name = clean(grid.at(check.header_row, col).text);
            const std::string header = name.empty() ? suffix : name + " (" + suffix + ")";
            out.cells.push_back({check.header_row, nc.final_col, "", header});
        }
        for (const CellRewrite& c : plan.cells)
            if (c.col == col && c.row != check.header_row) out.cells.push_back({c.row, nc.final_col, "", c.after});
    }
    // by column, then row, as write_texts wants them; the appended columns come last
    std::stable_sort(out.cells.begin(), out.cells.end(), [](const CellRewrite& a, const CellRewrite& b) { return a.col < b.col; });
    return out;
}

// ------------------------------------------------------------------------------- Validate

ValidatePlan plan_validate(const SheetCheck& check, const std::vector<CellPos>& noted, int max_notes) {
    ValidatePlan plan;
    std::map<CellPos, Mark> by_cell;
    for (const Finding& f : check.findings) {
        switch (f.severity) {
        case Severity::error: ++plan.errors; break;
        case Severity::warning: ++plan.warnings; break;
        case Severity::info: ++plan.infos; continue;
        }
        if (f.col < 0) continue;
        Mark& m = by_cell[{f.row, f.col}];
        if (m.findings.empty()) m.severity = Severity::warning;
        m.at = {f.row, f.col};
        if (f.severity == Severity::error) m.severity = Severity::error;
        m.findings.push_back(f);
    }
    const std::set<CellPos> has_note(noted.begin(), noted.end());
    for (auto& [pos, mark] : by_cell) {
        if (plan.notes < max_notes && !has_note.count(pos)) {
            mark.note = true;
            ++plan.notes;
        }
        plan.marks.push_back(std::move(mark));
    }
    return plan;
}

// ------------------------------------------------------------- marks kept in the document

namespace json = boost::json;

namespace {

json::value fill_json(Fill f) { return f.is_default ? json::value("default") : json::value(f.colour); }

std::optional<Fill> fill_of(const json::value& v) {
    if (v.is_string() && v.as_string() == "default") return Fill{};
    if (v.is_int64()) return Fill{false, static_cast<std::int32_t>(v.as_int64())};
    return std::nullopt;
}

const json::value* field(const json::object& o, std::string_view name) { return o.if_contains(name); }

std::optional<std::string> string_field(const json::object& o, std::string_view name) {
    const json::value* v = field(o, name);
    if (!v || !v->is_string()) return std::nullopt;
    return std::string(v->as_string());
}

// "J68:J70" or "J68"
bool for_each_in_range(std::string_view range, const std::function<void(CellPos)>& f) {
    const std::size_t colon = range.find(':');
    const auto first = parse_cell_address(range.substr(0, colon));
    const auto last = colon == std::string_view::npos ? first : parse_cell_address(range.substr(colon + 1));
    if (!first || !last || last->row < first->row || last->col < first->col) return false;
    if (std::size_t(last->row - first->row + 1) * std::size_t(last->col - first->col + 1) > 10'000'000) return false;
    for (int r = first->row; r <= last->row; ++r)
        for (int c = first->col; c <= last->col; ++c) f({r, c});
    return true;
}

}  // namespace

std::string encode_marks(const std::vector<RecordedMark>& marks) {
    // One group per sheet and pair of fills; cells as vertical runs.
    using Key = std::tuple<std::string, bool, std::int32_t, std::int32_t>;
    std::map<Key, std::vector<CellPos>> groups;
    json::array notes;
    for (const RecordedMark& m : marks) {
        groups[{m.sheet, m.before.is_default, m.before.is_default ? -1 : m.before.colour, m.fill}].push_back(m.at);
        if (!m.note.empty())
            notes.push_back(json::object{{"sheet", m.sheet}, {"cell", cell_address(m.at)}, {"text", m.note}});
    }
    json::array out_groups;
    for (auto& [key, cells] : groups) {
        std::sort(cells.begin(), cells.end(), [](CellPos a, CellPos b) {
            return a.col != b.col ? a.col < b.col : a.row < b.row;
        });
        json::array ranges;
        for (std::size_t i = 0; i < cells.size();) {
            std::size_t j = i;
            while (j + 1 < cells.size() && cells[j + 1].col == cells[i].col && cells[j + 1].row == cells[j].row + 1) ++j;
            ranges.push_back(json::value(j == i ? cell_address(cells[i]) : cell_address(cells[i]) + ":" + cell_address(cells[j])));
            i = j + 1;
        }
        const auto& [sheet, is_default, before, fill] = key;
        out_groups.push_back(json::object{{"sheet", sheet}, {"before", fill_json(Fill{is_default, before})},
                                          {"fill", fill}, {"cells", std::move(ranges)}});
    }
    return json::serialize(json::object{{"version", 1}, {"groups", std::move(out_groups)}, {"notes", std::move(notes)}});
}

std::vector<RecordedMark> decode_marks(std::string_view text) {
    std::vector<RecordedMark> out;
    boost::system::error_code ec;
    const json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
    if (ec || !root.is_object()) return out;
    const json::object& o = root.as_object();
    const json::value* groups = field(o, "groups");
    if (!groups || !groups->is_array()) return out;
    std::map<std::pair<std::string, CellPos>, std::string> notes;
    if (const json::value* n = field(o, "notes"); n && n->is_array())
        for (const json::value& v : n->as_array()) {
            if (!v.is_object()) continue;
            const auto sheet = string_field(v.as_object(), "sheet");
            const auto cell = string_field(v.as_object(), "cell");
            const auto body = string_field(v.as_object(), "text");
            const auto at = cell ? parse_cell_address(*cell) : std::nullopt;
            if (sheet && at && body) notes[{*sheet, *at}] = *body;
        }
    for (const json::value& g : groups->as_array()) {
        if (!g.is_object()) continue;
        const json::object& group = g.as_object();
        const auto sheet = string_field(group, "sheet");
        const json::value* before = field(group, "before");
        const json::value* fill = field(group, "fill");
        const json::value* cells = field(group, "cells");
        const auto before_fill = before ? fill_of(*before) : std::nullopt;
        if (!sheet || !before_fill || !fill || !fill->is_int64() || !cells || !cells->is_array()) continue;
        for (const json::value& r : cells->as_array()) {
            if (!r.is_string()) continue;
            const std::string_view range(r.as_string().data(), r.as_string().size());
            for_each_in_range(range, [&](CellPos at) {
                RecordedMark m{*sheet, at, *before_fill, static_cast<std::int32_t>(fill->as_int64()), {}};
                if (auto it = notes.find({*sheet, at}); it != notes.end()) m.note = it->second;
                out.push_back(std::move(m));
            });
        }
    }
    return out;
}

namespace {

Fill fill_now(const CellLooks& now, CellPos at) {
    const auto it = now.fills.find(at);
    return it == now.fills.end() ? Fill{} : it->second;
}

// Drops what would set a cell to the state it already has.
void prune(Restyle& r, const CellLooks& now) {
    for (auto it = r.fills.begin(); it != r.fills.end();)
        it = it->second == fill_now(now, it->first) ? r.fills.erase(it) : std::next(it);
    for (auto it = r.notes.begin(); it != r.notes.end();) {
        const auto note = now.notes.find(it->first);
        const bool same = note == now.notes.end() ? !it->second : it->second && *it->second == note->second;
        it = same ? r.notes.erase(it) : std::next(it);
    }
}

Restyle clear_unpruned(const std::vector<RecordedMark>& recorded, const std::string& sheet, const CellLooks& now) {
    Restyle r;
    for (const RecordedMark& m : recorded) {
        if (m.sheet != sheet) {
            r.marks.push_back(m);
            continue;
        }
        ++r.cleared;
        if (fill_now(now, m.at) == Fill{false, m.fill}) r.fills[m.at] = m.before;
        const auto note = now.notes.find(m.at);
        if (!m.note.empty() && note != now.notes.end() && note->second == m.note) r.notes[m.at] = std::nullopt;
    }
    return r;
}

}  // namespace

Restyle plan_clear(const std::vector<RecordedMark>& recorded, const std::string& sheet, const CellLooks& now) {
    Restyle r = clear_unpruned(recorded, sheet, now);
    prune(r, now);
    return r;
}

std::vector<CellPos> notes_after(const CellLooks& now, const Restyle& clear) {
    std::set<CellPos> cells;
    for (const auto& [at, text] : now.notes) cells.insert(at);
    for (const auto& [at, text] : clear.notes) {
        if (text) cells.insert(at);
        else cells.erase(at);
    }
    return {cells.begin(), cells.end()};
}

Restyle plan_mark(const std::vector<RecordedMark>& recorded, const std::string& sheet, const CellLooks& now,
                  const ValidatePlan& plan, const std::function<std::string(const Mark&)>& note_text) {
    Restyle r = clear_unpruned(recorded, sheet, now);
    for (const Mark& m : plan.marks) {
        const auto cleared = r.fills.find(m.at);
        RecordedMark rec{sheet, m.at, cleared != r.fills.end() ? cleared->second : fill_now(now, m.at), m.fill(), {}};
        r.fills[m.at] = Fill{false, m.fill()};
        if (m.note) {
            rec.note = note_text(m);
            r.notes[m.at] = rec.note;
        }
        r.marks.push_back(std::move(rec));
        ++r.marked;
    }
    prune(r, now);
    return r;
}

}  // namespace pegkit
