#include "sheet.hpp"

#include "clean.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <unordered_map>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <utility>

namespace pegkit {
namespace {

constexpr std::array<std::string_view, column_count> column_names = {
    "Obiettivo strategico", "Missione", "Programma", "Obiettivo operativo DUP", "CdR",
    "Indicatore (DUP)", "Target (DUP)", "Obiettivo gestionale PEG", "Indicatore (PEG)", "Target (PEG)",
    "Valore raggiunto", "Peso",
};

std::size_t idx(Column c) { return static_cast<std::size_t>(c); }

// A header cell reduced to its words: folded, accents and punctuation removed, little words
// dropped, sorted, so that "Obiettivo operativo (DUP)" and "DUP - obiettivo operativo" agree.
std::string header_key(std::string_view text) {
    std::string folded = fold_case(clean(text));
    std::string plain;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(folded[i]);
        if (c == 0xC3 && i + 1 < folded.size()) {
            // Latin-1 supplement letters as UTF-8: C3 80-9F upper case, A0-BF lower case.
            unsigned char d = static_cast<unsigned char>(folded[++i]) | 0x20;
            if (d >= 0xA0 && d <= 0xA5) plain += 'a';
            else if (d >= 0xA8 && d <= 0xAB) plain += 'e';
            else if (d >= 0xAC && d <= 0xAF) plain += 'i';
            else if (d >= 0xB2 && d <= 0xB6) plain += 'o';
            else if (d >= 0xB9 && d <= 0xBC) plain += 'u';
            else plain += ' ';
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            plain += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            plain += static_cast<char>(c - 'A' + 'a');
        } else {
            plain += ' ';
        }
    }
    static const std::vector<std::string> little = {"a", "al", "d", "dei", "degli", "del", "della", "delle", "dello",
                                                    "di", "e", "gli", "i", "il", "l", "la", "le", "lo", "n"};
    std::vector<std::string> words;
    std::istringstream in(plain);
    for (std::string w; in >> w;)
        if (std::find(little.begin(), little.end(), w) == little.end()) words.push_back(w);
    std::sort(words.begin(), words.end());
    std::string key;
    for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
    return key;
}

// A plain "Indicatore" or "Target" belongs to PEG or DUP by its place in the header.
enum class Pair { none, indicator, target };
struct HeaderMatch { Column column; Pair plain = Pair::none; };

std::optional<HeaderMatch> match_header(std::string_view text) {
    static const auto table = [] {
        const std::pair<const char*, HeaderMatch> aliases[] = {
            {"obiettivo strategico", {Column::strategic}}, {"obiettivi strategici", {Column::strategic}},
            {"linea strategica", {Column::strategic}}, {"linee strategiche", {Column::strategic}},
            {"indirizzo strategico", {Column::strategic}},
            {"missione", {Column::mission}}, {"missioni", {Column::mission}},
            {"programma", {Column::programme}}, {"programmi", {Column::programme}},
            {"obiettivo operativo dup", {Column::dup_objective}}, {"obiettivo operativo", {Column::dup_objective}},
            {"obiettivi operativi dup", {Column::dup_objective}}, {"obiettivi operativi", {Column::dup_objective}},
            {"obiettivo dup", {Column::dup_objective}},
            {"cdr", {Column::cdr}}, {"centro responsabilita", {Column::cdr}}, {"centri responsabilita", {Column::cdr}},
            {"indicatore dup", {Column::dup_indicator}}, {"indicatori dup", {Column::dup_indicator}},
            {"target dup", {Column::dup_target}}, {"valore atteso dup", {Column::dup_target}},
            {"obiettivo gestionale peg", {Column::peg_objective}}, {"obiettivo gestionale", {Column::peg_objective}},
            {"obiettivi gestionali peg", {Column::peg_objective}}, {"obiettivi gestionali", {Column::peg_objective}},
            {"obiettivo peg", {Column::peg_objective}},
            {"indicatore peg", {Column::peg_indicator}}, {"indicatori peg", {Column::peg_indicator}},
            {"target peg", {Column::peg_target}}, {"valore atteso peg", {Column::peg_target}},
            {"indicatore", {Column::peg_indicator, Pair::indicator}},
            {"indicatori", {Column::peg_indicator, Pair::indicator}},
            {"target", {Column::peg_target, Pair::target}},
            {"valore atteso", {Column::peg_target, Pair::target}},
            {"risultato atteso", {Column::peg_target, Pair::target}},
            {"valore raggiunto", {Column::actual}}, {"consuntivo", {Column::actual}},
            {"valore consuntivo", {Column::actual}}, {"risultato raggiunto", {Column::actual}},
            {"peso", {Column::weight}}, {"peso obiettivo", {Column::weight}},
        };
        std::map<std::string, HeaderMatch> t;
        for (const auto& [alias, match] : aliases) t.emplace(header_key(alias), match);
        return t;
    }();
    auto it = table.find(header_key(text));
    if (it == table.end()) return std::nullopt;
    return it->second;
}

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

// The text a user sees; typed cells may come with no text.
std::string cell_text(const Cell& cell) {
    if (!cell.text.empty() || cell.type == CellType::empty || cell.type == CellType::text) return cell.text;
    if (cell.type == CellType::date) return format_date(from_serial(std::lround(cell.number)));
    if (cell.type == CellType::percent) return number_text(cell.number * 100) + "%";
    return number_text(cell.number);
}

bool dashes(std::string_view s) {
    bool dash = false;
    for (char c : s) {
        if (c == '-') dash = true;
        else if (c != ' ' && c != ':') return false;
    }
    return dash;
}

// The grid with its texts cleaned once (an empty text makes an empty cell) and merged ranges
// filled from their top-left cell. Everything after works on these cells.
std::vector<Cell> prepare(const Grid& grid) {
    std::vector<Cell> cells = grid.cells;
    for (Cell& cell : cells) {
        if (cell.type != CellType::text) continue;
        cell.text = clean(cell.text);
        if (cell.text.empty()) cell.type = CellType::empty;
    }
    for (const Merge& m : grid.merges) {
        if (m.first_row < 0 || m.first_col < 0 || m.first_row >= grid.rows || m.first_col >= grid.cols) continue;
        const Cell top_left = grid.at(m.first_row, m.first_col);
        for (int r = m.first_row; r <= std::min(m.last_row, grid.rows - 1); ++r)
            for (int c = m.first_col; c <= std::min(m.last_col, grid.cols - 1); ++c) {
                Cell& cell = cells[static_cast<std::size_t>(r) * grid.cols + c];
                if (cell.empty()) cell = top_left;
            }
    }
    return cells;
}

struct Header { int matched = 0; std::array<int, column_count> column; };

Header read_header(const std::vector<Cell>& cells, int row, int cols) {
    Header h;
    h.column.fill(-1);
    std::vector<std::pair<int, HeaderMatch>> plain;
    for (int c = 0; c < cols; ++c) {
        const Cell& cell = cells[static_cast<std::size_t>(row) * cols + c];
        if (cell.type != CellType::text) continue;
        auto m = match_header(cell.text);
        if (!m) continue;
        if (m->plain != Pair::none) plain.emplace_back(c, *m);
        else if (h.column[idx(m->column)] < 0) h.column[idx(m->column)] = c, ++h.matched;
    }
    const int peg_objective = h.column[idx(Column::peg_objective)];
    for (const auto& [c, m] : plain) {
        const bool indicator = m.plain == Pair::indicator;
        const Column peg = indicator ? Column::peg_indicator : Column::peg_target;
        const Column dup = indicator ? Column::dup_indicator : Column::dup_target;
        Column col = peg_objective >= 0 ? (c > peg_objective ? peg : dup) : (h.column[idx(peg)] < 0 ? peg : dup);
        if (h.column[idx(col)] < 0) h.column[idx(col)] = c, ++h.matched;
    }
    return h;
}

// Reads weights such as 10, "10", "2,5", "10%".
std::optional<double> read_weight(const Cell& cell) {
    if (cell.type == CellType::number || cell.type == CellType::percent) return cell.number;
    if (cell.type != CellType::text) return std::nullopt;
    std::string s = clean(cell.text);
    double scale = 1;
    if (!s.empty() && s.back() == '%') s.pop_back(), scale = 0.01;
    while (!s.empty() && s.back() == ' ') s.pop_back();
    double v = 0;
    fast_float::parse_options options{fast_float::chars_format::general, s.find(',') != std::string::npos ? ',' : '.'};
    auto [end, ec] = fast_float::from_chars_advanced(s.data(), s.data() + s.size(), v, options);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v * scale;
}

std::optional<Date> latest_deadline(const Target& t) {
    std::optional<Date> latest;
    if (!t.readable()) return latest;
    for (const Measure& m : t.parts)
        if (m.deadline && (!latest || *latest < *m.deadline)) latest = m.deadline;
    return latest;
}

bool routinary(const Cell& dup_objective) {
    return fold_case(clean(dup_objective.text)) == "obiettivo routinario";
}

class Checker {
public:
    Checker(const Grid& grid, const SheetOptions& options)
        : grid_(grid), options_(options), cells_(prepare(grid)) {}

    SheetCheck run() {
        check_.column.fill(-1);
        if (std::all_of(cells_.begin(), cells_.end(), [](const Cell& c) { return c.empty(); })) {
            add(0, -1, Diag::empty_sheet);
            return std::move(check_);
        }
        if (!find_header()) {
            add(0, -1, Diag::no_header);
            return std::move(check_);
        }
        auto choose = [&](Column c, const std::optional<int>& chosen) {
            if (chosen) check_.column[idx(c)] = *chosen >= 0 && *chosen < grid_.cols ? *chosen : -1;
        };
        choose(Column::actual, options_.actual_column);
        choose(Column::weight, options_.weight_column);
        const std::vector<int> rows = objective_rows();
        check_.plan_year = options_.plan_year ? options_.plan_year : infer_plan_year(rows);
        for (int r : rows) check_row(r);
        std::stable_sort(check_.findings.begin(), check_.findings.end(), [](const Finding& a, const Finding& b) {
            return std::make_pair(a.row, a.col) < std::make_pair(b.row, b.col);
        });
        return std::move(check_);
    }

private:
    const Cell& at(int r, int c) const { return cells_[static_cast<std::size_t>(r) * grid_.cols + c]; }
    const Cell* at(int r, Column c) const {
        const int col = check_.col(c);
        return col < 0 ? nullptr : &at(r, col);
    }
    std::string text_at(int r, Column c) const {
        const Cell* cell = at(r, c);
        return cell ? cell_text(*cell) : std::string();
    }
    bool blank_row(int r) const {
        for (int c = 0; c < grid_.cols; ++c)
            if (!at(r, c).empty()) return false;
        return true;
    }
    bool separator_row(int r) const {
        for (int c = 0; c < grid_.cols; ++c) {
            const Cell& cell = at(r, c);
            if (!cell.empty() && (cell.type != CellType::text || !dashes(cell.text))) return false;
        }
        return true;
    }
    void add(int row, int col, Diag code, std::vector<std::string> args = {}) {
        check_.findings.push_back({row, col, default_severity(code), code, std::move(args)});
    }

    bool find_header() {
        Header best;
        best.matched = 2;  // a header names at least three PEG columns, one of them the PEG target
        int best_row = -1;
        for (int r = 0; r < grid_.rows && r < 50; ++r) {
            Header h = read_header(cells_, r, grid_.cols);
            if (h.matched > best.matched && h.column[idx(Column::peg_target)] >= 0) best = h, best_row = r;
        }
        if (best_row < 0) return false;
        check_.found = true;
        check_.header_row = best_row;
        check_.column = best.column;
        return true;
    }

    bool repeats_header(int r) const {
        for (int c = 0; c < grid_.cols; ++c)
            if (cell_text(at(r, c)) != cell_text(at(check_.header_row, c))) return false;
        return true;
    }

    // Non-empty rows below the header, with the grouping cells carried down. A separator row,
    // or two empty rows (what a separator leaves in an extracted text), ends a merged block:
    // in the 2020 Venezia PEG they fall where the strategic objective changes.
    std::vector<int> objective_rows() {
        check_.first_row = check_.header_row + 1;
        check_.last_row = check_.header_row;
        for (int r = grid_.rows - 1; r > check_.header_row; --r)
            if (!blank_row(r)) { check_.last_row = r; break; }
        std::vector<int> rows;
        int empty_run = 0;
        for (int r = check_.first_row; r <= check_.last_row; ++r) {
            if (blank_row(r)) {
                if (++empty_run >= 2) carried_.fill(std::string());
                continue;
            }
            empty_run = 0;
            if (separator_row(r)) {
                carried_.fill(std::string());
                continue;
            }
            if (repeats_header(r)) continue;
            rows.push_back(r);
            carried_rows_.push_back(carry(r));
        }
        return rows;
    }

    std::array<std::string, 4> carry(int r) {
        constexpr Column groups[] = {Column::strategic, Column::mission, Column::programme, Column::cdr};
        for (std::size_t g = 0; g < 4; ++g) {
            std::string v = text_at(r, groups[g]);
            if (!v.empty()) carried_[g] = std::move(v);
        }
        return carried_;
    }

    std::optional<int> infer_plan_year(const std::vector<int>& rows) const {
        std::map<int, int> years;
        for (int r : rows)
            if (const Cell* cell = at(r, Column::peg_target))
                for (const Measure& m : read_target(*cell).parts)
                    if (m.deadline) ++years[m.deadline->year];
        std::optional<int> best;
        int count = 0;
        for (const auto& [year, n] : years)
            if (n > count) best = year, count = n;  // a tie goes to the earlier year
        return best;
    }

    // A bare amount under an indicator such as "Limite di spesa" is a ceiling (TARGETS.md §3).
    // Only amounts: in the 2020 Venezia PEG the words misfire on counted things and percentages
    // ("2 incontri" beside "riduzione", line 132; "Rispetto n.8 scadenze" beside "ritardo", line 115;
    // "2%" under "Percentuale di riduzione della spesa", line 27, whose PEG says "> 2%").
    // Real plans repeat their targets ("31/12/2020", "Rispetto scadenza prevista"): each distinct
    // text is read once per check.
    Target read_cell(const Cell& cell, const ReadOptions& ro) {
        if (cell.type != CellType::text) return read_target(cell, ro);
        std::string key = cell.text;
        if (ro.dir == Direction::lower) key += '\x01';
        auto it = memo_.find(key);
        if (it == memo_.end()) it = memo_.emplace(std::move(key), read_target(cell, ro)).first;
        return it->second;
    }

    Target read(int r, Column target_col, Column indicator_col) {
        const Cell* cell = at(r, target_col);
        if (!cell) return Target{};
        ReadOptions ro{check_.plan_year, Direction::none};
        Target t = read_cell(*cell, ro);
        const bool bare = std::any_of(t.parts.begin(), t.parts.end(), [](const Measure& m) {
            return m.bare && m.noun.empty() && (m.unit == Unit::none || m.unit == Unit::eur);
        });
        if (!bare) return t;
        const DirectionHint hint = infer_direction(text_at(r, indicator_col));
        if (hint.dir != Direction::lower) return t;
        ro.dir = Direction::lower;
        Target lower = read_cell(*cell, ro);
        bool changed = lower.parts.size() != t.parts.size();
        for (std::size_t i = 0; !changed && i < t.parts.size(); ++i) changed = lower.parts[i].op != t.parts[i].op;
        if (changed) add(r, check_.col(target_col), Diag::direction_inferred, {hint.word});
        return lower;
    }

    void report_reading(int r, Column col, const Target& t) {
        const int c = check_.col(col);
        if (const Diagnostic* e = t.first_error()) add(r, c, e->code, e->args);
        for (const Diagnostic& d : t.diagnostics)
            if (d.severity != Severity::error) add(r, c, d.code, d.args);
        const Cell& cell = at(r, c);
        if (cell.type == CellType::text && t.kind != Kind::vuoto) {
            // the same text reads the same but for a direction rule, which only flips operators
            std::string key = t.text;
            key += '\x01';
            for (const Measure& m : t.parts) key += static_cast<char>('0' + static_cast<int>(m.op));
            auto it = normalized_.find(key);
            if (it == normalized_.end()) it = normalized_.emplace(std::move(key), normalize(t)).first;
            if (it->second != cell.text) add(r, c, Diag::would_normalize, {it->second});
        }
    }

    void check_row(int r) {
        Objective o;
        o.row = r;
        o.group = carried_rows_[check_.objectives.size()];
        o.peg = read(r, Column::peg_target, Column::peg_indicator);
        o.dup = read(r, Column::dup_target, Column::dup_indicator);

        if (check_.col(Column::peg_target) >= 0) {
            if (o.peg.kind == Kind::vuoto) add(r, check_.col(Column::peg_target), Diag::missing_peg_target);
            else report_reading(r, Column::peg_target, o.peg);
        }
        if (check_.col(Column::dup_target) >= 0) {
            const Cell* objective = at(r, Column::dup_objective);
            const bool dup_needed = !text_at(r, Column::dup_indicator).empty() || !objective || !routinary(*objective);
            if (o.dup.kind == Kind::vuoto) {
                if (dup_needed) add(r, check_.col(Column::dup_target), Diag::missing_dup_target);
            } else {
                report_reading(r, Column::dup_target, o.dup);
            }
        }
        const auto peg_date = latest_deadline(o.peg), dup_date = latest_deadline(o.dup);
        if (peg_date && dup_date && *dup_date < *peg_date)
            add(r, check_.col(Column::peg_target), Diag::peg_after_dup, {format_date(*peg_date), format_date(*dup_date)});

        o.assessable = o.peg.readable();
        if (const Cell* weight = at(r, Column::weight)) o.weight = read_weight(*weight);
        if (const Cell* actual = at(r, Column::actual); actual && o.assessable) assess(o, *actual);
        check_.objectives.push_back(std::move(o));
    }

    // A composite target with one actual cell: "300; 1500" or "300 | 1500" gives one actual per
    // part, in the order the parts appear in the target's text.
    void assess(Objective& o, const Cell& actual) {
        std::vector<Cell> actuals{actual};
        if (o.peg.parts.size() > 1 && actual.type == CellType::text &&
            actual.text.find_first_of(";|") != std::string::npos) {
            actuals.clear();
            std::string part;
            std::istringstream in(actual.text);
            while (std::getline(in, part, actual.text.find(';') != std::string::npos ? ';' : '|'))
                actuals.push_back(Cell::of_text(clean(part)));
        }
        const Attainment a = attain(o.peg, actuals, options_.rules);
        if (a.status == Attainment::Status::scored) {
            o.attainment = a.value;
            o.met = a.value >= 1.0 - 1e-9;
        } else if (a.status == Attainment::Status::error && a.diagnostic) {
            add(o.row, check_.col(Column::actual), a.diagnostic->code, a.diagnostic->args);
        }
    }

    const Grid& grid_;
    const SheetOptions& options_;
    std::vector<Cell> cells_;
    SheetCheck check_;
    std::array<std::string, 4> carried_;
    std::unordered_map<std::string, Target> memo_;
    std::unordered_map<std::string, std::string> normalized_;
    std::vector<std::array<std::string, 4>> carried_rows_;
};

}  // namespace

namespace detail {
std::optional<Column> header_column(std::string_view cell) {
    auto m = match_header(cell);
    return m ? std::optional<Column>(m->column) : std::nullopt;
}
}  // namespace detail

std::string_view column_name(Column c) noexcept { return column_names[idx(c)]; }

SheetCheck check_sheet(const Grid& grid, const SheetOptions& options) {
    return Checker(grid, options).run();
}

}  // namespace pegkit
