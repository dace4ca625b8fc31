#include "sheet.hpp"

#include "catalogue.hpp"
#include "change.hpp"
#include "clean.hpp"
#include "header.hpp"
#include "reading.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <utility>

namespace pegkit {
namespace {

constexpr std::array<std::string_view, column_count> column_names = {
    "Obiettivo strategico", "Missione", "Programma", "Obiettivo operativo DUP", "CdR",
    "Indicatore (DUP)", "Target (DUP)", "Obiettivo gestionale PEG", "Indicatore (PEG)", "Target (PEG)",
    "Valore raggiunto", "Peso", "Grado di raggiungimento", "Valore di partenza", "Unità di misura",
    "Scadenza", "Descrizione", "Note", "Valore validato", "Giustificazione", "Target intermedio",
};

std::size_t idx(Column c) { return static_cast<std::size_t>(c); }

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

// The grid's cells as the checks see them: texts cleaned once (an empty text makes an empty cell)
// and merged ranges filled from their top-left cell. Everything after works on these cells. They
// point into the grid; only a text that cleaning changes gets a cell of its own, one per distinct
// text: a copy of a 100,000-row grid was a third of the check's time, in allocations.
class PreparedCells {
public:
    explicit PreparedCells(const Grid& grid) : cells_(grid.cells.size()) {
        CleanOnce cleaned;
        for (std::size_t i = 0; i < cells_.size(); ++i) {
            const Cell& raw = grid.cells[i];
            cells_[i] = raw.type == CellType::text ? cleaned_cell(raw, cleaned) : &raw;
        }
        for (const Merge& m : grid.merges) {
            if (m.first_row < 0 || m.first_col < 0 || m.first_row >= grid.rows || m.first_col >= grid.cols) continue;
            const Cell* top_left = &grid.at(m.first_row, m.first_col);
            for (int r = m.first_row; r <= std::min(m.last_row, grid.rows - 1); ++r)
                for (int c = m.first_col; c <= std::min(m.last_col, grid.cols - 1); ++c) {
                    const Cell*& cell = cells_[static_cast<std::size_t>(r) * grid.cols + c];
                    if (cell->empty()) cell = top_left;
                }
        }
    }
    const Cell& operator[](std::size_t i) const { return *cells_[i]; }
    bool all_empty() const {
        return std::all_of(cells_.begin(), cells_.end(), [](const Cell* c) { return c->empty(); });
    }

private:
    const Cell* cleaned_cell(const Cell& raw, CleanOnce& cleaned) {
        const std::string_view text = cleaned(raw.text);
        if (text.data() == raw.text.data()) return &raw;  // already clean
        auto [it, added] = own_[raw.formula ? 1 : 0].try_emplace(raw.text);
        if (added) {
            Cell cell = raw;
            cell.text = std::string(text);
            if (cell.text.empty()) cell.type = CellType::empty;
            it->second = cell;
        }
        return &it->second;
    }
    std::vector<const Cell*> cells_;
    std::unordered_map<std::string_view, Cell> own_[2];  // by raw text (in the grid), formula or not
};

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

// An attainment the office wrote: "85%", 0.85 typed as a percentage, or 85 in a "%" column.
std::optional<double> read_share(const Cell& cell) {
    std::optional<double> v = read_weight(cell);
    const bool whole = cell.type == CellType::number || (cell.type == CellType::text && cell.text.find('%') == std::string::npos);
    if (v && whole && *v > 1.5) *v /= 100;
    return v;
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
    // A summary sheet of ours opens with its title (cmd_summary_title, either language): its
    // Relazione table has a target column, but it is no plan to check or normalize.
    bool summary_written() const {
        if (grid_.rows == 0 || grid_.cols == 0 || grid_.at(0, 0).type != CellType::text) return false;
        const std::string& a1 = grid_.at(0, 0).text;
        constexpr Lang both[] = {Lang::it, Lang::en};
        return std::any_of(std::begin(both), std::end(both), [&](Lang lang) {
            const std::string_view title = phrase("cmd_summary_title", lang);
            return !title.empty() && a1.rfind(title.substr(0, title.find("{0}")), 0) == 0;  // the words before the sheet's name
        });
    }

public:
    Checker(const Grid& grid, const SheetOptions& options)
        : grid_(grid), options_(options), cells_(grid) {}

    SheetCheck run() {
        check_.column.fill(-1);
        check_.scoring = options_.scoring;
        check_.as_of = options_.as_of;
        if (cells_.all_empty()) {
            add(0, -1, Diag::empty_sheet);
            return std::move(check_);
        }
        if (summary_written()) {
            add(0, -1, Diag::summary_sheet);
            return std::move(check_);
        }
        if (!find_table()) return std::move(check_);
        const std::vector<int> rows = objective_rows();
        check_.plan_year = options_.plan_year ? options_.plan_year
                           : header_.target_year ? header_.target_year
                                                 : infer_plan_year(rows);
        check_.objectives.reserve(rows.size());  // at most one a row
        for (int r : rows) check_row(r);
        check_weights();
        check_.objective_count = check_.objectives.empty() ? 0 : check_.objectives.back().objective + 1;
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

    // The header as the headings say, then the user's choices on top (panel, document, --columns).
    bool find_table() {
        header_ = options_.header_row && *options_.header_row >= 0 && *options_.header_row < grid_.rows
                      ? read_header_row(grid_, *options_.header_row, options_.plan_year)
                      : find_header(grid_, options_.plan_year);
        auto choose = [&](Column role, int col) {
            if (col >= grid_.cols) col = -1;
            auto& roles = header_.choices;
            roles.erase(std::remove_if(roles.begin(), roles.end(),
                                       [&](const RoleChoice& ch) { return ch.role == role || (col >= 0 && ch.col == col); }),
                        roles.end());
            for (int& c : header_.column)
                if (col >= 0 && c == col) c = -1;
            header_.other_years.erase(std::remove_if(header_.other_years.begin(), header_.other_years.end(),
                                                     [&](const YearColumn& y) { return y.col == col; }),
                                      header_.other_years.end());
            header_.column[idx(role)] = col;
            if (col >= 0) {
                const Cell& h = header_.row >= 0 ? grid_.at(header_.row, col) : Cell{};
                header_.choices.push_back({role, col, clean(h.text), "", std::nullopt, RoleReason::user});
            }
        };
        if (options_.actual_column) choose(Column::actual, *options_.actual_column);
        if (options_.weight_column) choose(Column::weight, *options_.weight_column);
        for (const auto& [role, col] : options_.columns) choose(role, col);
        std::sort(header_.choices.begin(), header_.choices.end(),
                  [](const RoleChoice& a, const RoleChoice& b) { return a.col < b.col; });
        if (header_.col(Column::peg_target) < 0) target_in_objective_column();
        // a deadline column alone carries the objective's target
        if (header_.col(Column::peg_target) < 0 && header_.col(Column::deadline) >= 0)
            std::swap(header_.column[idx(Column::peg_target)], header_.column[idx(Column::deadline)]);
        // what the headings say is kept even when it is no table: the panel shows it to be corrected
        check_.column = header_.column;
        check_.roles = header_.choices;
        if (header_.row < 0 || !header_.usable()) {
            if (const auto card = find_card(grid_))
                add(0, -1, Diag::card_not_table, {column_letters(card->col), card_labels(*card)});
            else if (header_.choices.empty()) add(0, -1, Diag::no_header);
            else if (header_.col(Column::peg_target) < 0) add(0, -1, Diag::no_target_column, {found_columns(header_)});
            else add(0, -1, Diag::no_objective_column, {found_columns(header_)});
            return false;
        }
        check_.found = true;
        check_.header_row = header_.row;
        check_.other_years = header_.other_years;
        for (const RoleChoice& ch : check_.roles)
            if (ch.reason == RoleReason::prose) add(header_.row, ch.col, Diag::role_prose, {ch.heading});
        // yearly target columns and none of them the plan year's: another year's is scored
        if (options_.plan_year && header_.target_year && *header_.target_year != *options_.plan_year)
            add(header_.row, check_.col(Column::peg_target), Diag::missing_year_target, {std::to_string(*options_.plan_year)});
        return true;
    }

    // "OBIETTIVO 2020" over numbers (INPS, Piano della performance 2020): the column holds the
    // year's target values, not objectives' texts.
    void target_in_objective_column() {
        const int col = header_.col(Column::peg_objective);
        if (col < 0 || header_.row < 0) return;
        int values = 0, texts = 0;
        for (int r = header_.row + 1; r < grid_.rows && values + texts < 50; ++r) {
            const Cell& cell = at(r, col);
            if (cell.empty()) continue;
            const bool value = cell.type == CellType::number || cell.type == CellType::percent ||
                               cell.type == CellType::date ||
                               (cell.text.size() <= 20 && read_target(cell).kind == Kind::soglia);
            ++(value ? values : texts);
        }
        if (values < 2 || texts * 4 > values) return;
        header_.column[idx(Column::peg_objective)] = -1;
        header_.column[idx(Column::peg_target)] = col;
        for (RoleChoice& ch : header_.choices)
            if (ch.col == col) ch.role = Column::peg_target, ch.reason = RoleReason::values;
    }

    // A header repeated above each section: the target and the objective/indicator headings again.
    // Blocks may number their own header ("Obiettivo n. 1", then "Obiettivo n. 2"): two of the
    // three headings again are enough.
    bool repeats_header(int r) const {
        int same = 0;
        for (Column c : {Column::peg_target, Column::peg_indicator, Column::peg_objective}) {
            const int col = check_.col(c);
            if (col < 0) continue;
            const Cell& cell = at(r, col);
            same += cell.type == CellType::text && cell.text == at(check_.header_row, col).text;
        }
        return same >= 2;
    }

    // "TOTALE" under the weights: a sum, not an objective
    bool total_row(int r) const {
        for (int c = 0; c < grid_.cols; ++c) {
            const Cell& cell = at(r, c);
            if (cell.empty()) continue;
            if (cell.type != CellType::text) return false;
            const std::string first = fold_case(cell.text.substr(0, cell.text.find(' ')));
            return first == "totale" || first == "totali" || first == "totale:";
        }
        return false;
    }

    // "DIREZIONE GENERALE" or "GABI Missione: ... Programma: ..." among the title rows: the whole
    // table belongs to that group (one sheet per Settore).
    void title_sections() {
        for (int r = 0; r < check_.header_row; ++r)
            if (const auto g = section_group(r, true); g && check_.col(group_columns[*g]) < 0) section(r, *g);
    }

    // No objective column, and an objective named above the header ("Obiettivo Gestionale",
    // "Titolo obiettivo"): the sheet is one objective's card and its rows are that objective's
    // indicators.
    bool objective_card() const {
        if (check_.col(Column::peg_objective) >= 0) return false;
        for (int r = 0; r < check_.header_row; ++r)
            for (int c = 0; c < grid_.cols; ++c) {
                const Cell& cell = at(r, c);
                if (cell.type != CellType::text) continue;
                const HeadingReading h = read_heading(cell.text.substr(0, std::min<std::size_t>(cell.text.size(), 40)));
                if (h.role == Column::peg_objective && h.strength >= 3) return true;
            }
        return false;
    }

    // "SETTORE 2 - Servizi finanziari", "PROGRAMMA: 01 Organi istituzionali": one text, no target,
    // set for the rows below. Which group it sets follows its first word; a row merged across the
    // table with no such word sets the responsible unit, the group offices most often write so.
    // Among the title rows, "GABI Missione: ..." (a code before the word) counts too.
    std::optional<std::size_t> section_group(int r, bool title = false) const {
        std::string text;
        int filled = 0;
        for (int c = 0; c < grid_.cols; ++c) {
            const Cell& cell = at(r, c);
            if (cell.empty()) continue;
            if (cell.type != CellType::text) return std::nullopt;
            if (text.empty()) text = cell.text;
            else if (cell.text != text) return std::nullopt;
            ++filled;
        }
        if (text.empty()) return std::nullopt;
        if (const auto g = group_keyword(text, title)) return g;
        if (title || !(filled >= 2 || raw_merged(r))) return std::nullopt;
        for (Column c : {Column::peg_target, Column::dup_target})
            if (check_.col(c) >= 0 && filled < 2) return std::nullopt;
        return 3;
    }

    // The group a section's words name: the keyword first (or, in a title, among the first three
    // words) followed by a code, a colon or a dash, or the whole text in capitals.
    static std::optional<std::size_t> group_keyword(const std::string& text, bool title) {
        static const std::pair<const char*, std::size_t> keywords[] = {
            {"settore", 3}, {"servizio", 3}, {"area", 3}, {"direzione", 3}, {"dipartimento", 3}, {"struttura", 3},
            {"ufficio", 3}, {"cdr", 3}, {"centro", 3}, {"u.o.", 3}, {"uo", 3}, {"dip", 3}, {"missione", 1}, {"programma", 2},
            {"linea", 0}, {"ambito", 0}, {"obiettivo strategico", 0}, {"indirizzo strategico", 0},
        };
        const std::string folded = fold_case(text);
        const bool capitals = folded != text && std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        std::size_t start = 0;
        for (int word = 0; word < (title ? 3 : 1) && start < folded.size(); ++word) {
            for (const auto& [k, g] : keywords) {
                const std::size_t n = std::strlen(k);
                if (folded.compare(start, n, k) != 0) continue;
                const std::size_t end = start + n;
                if (end < folded.size() && std::string_view(" :-.0123456789").find(folded[end]) == std::string_view::npos)
                    continue;  // "Servizi erogati", "Areale": not the keyword
                std::size_t next = end;
                while (next < folded.size() && folded[next] == ' ') ++next;
                if (g == 2 && names_plan(std::string_view(folded).substr(next))) return std::nullopt;
                const char after = next < folded.size() ? folded[next] : '\0';
                const bool marked = after == ':' || after == '-' || (after >= '0' && after <= '9') ||
                                    (after == 'n' && next + 1 < folded.size() && folded[next + 1] == '.');
                // a title that starts with a unit's word names the unit ("Direzione generale per la comunicazione")
                const bool unit_title = title && word == 0 && g == 3 && std::strcmp(k, "area") != 0;
                if (marked || (capitals && word == 0) || unit_title) return g;
            }
            start = folded.find(' ', start);
            if (start == std::string::npos) break;
            ++start;
        }
        return std::nullopt;
    }
    // "PROGRAMMA DI GESTIONE ANNO 2015" (the PEG of the Provincia autonoma di Trento), "Programma
    // triennale ...": the name of a plan above its tables, not a programme that groups rows.
    static bool names_plan(std::string_view after_keyword) {
        for (std::string_view p : {"di gestione", "esecutivo", "triennale", "annuale", "pluriennale"})
            if (after_keyword.substr(0, p.size()) == p) return true;
        return false;
    }
    bool raw_merged(int r) const {
        for (const Merge& m : grid_.merges)
            if (m.first_row <= r && m.last_row >= r && m.last_col > m.first_col) return true;
        return false;
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
        title_sections();
        card_ = objective_card();
        for (int r = check_.first_row; r <= check_.last_row; ++r) {
            if (blank_row(r)) {
                if (++empty_run >= 2) carried_.fill(std::string()), current_objective_.clear();
                continue;
            }
            empty_run = 0;
            if (separator_row(r)) {
                carried_.fill(std::string());
                current_objective_.clear();
                continue;
            }
            if (repeats_header(r) || total_row(r)) continue;
            if (const auto g = section_group(r)) {
                section(r, *g);
                continue;
            }
            rows.push_back(r);
            carried_rows_.push_back(carry(r));
            objective_of_row_.push_back(objective_index(r));
        }
        return rows;
    }

    void section(int r, std::size_t g) {
        std::string text;
        for (int c = 0; c < grid_.cols && text.empty(); ++c) text = at(r, c).text;
        add(r, -1, Diag::section_row, {text});
        // the group already in force, named again (a PDF repeats its page heading above the rows):
        // no new section, and an objective running across it goes on
        if (carried_[g] == text) return;
        carried_[g] = text;
        // Missione > Programma: a new mission starts its programmes afresh; a unit cuts across them
        for (std::size_t below = g + 1; g < 3 && below < 3; ++below)
            if (check_.col(group_columns[below]) < 0) carried_[below].clear();
        current_objective_.clear();
        ++check_.section_count;
    }

    // An objective written once over several indicator rows (merged, blank below, or repeated)
    // is one objective; a new responsible unit starts a new one.
    int objective_index(int r) {
        if (card_) return next_objective_ = 1, 0;
        const std::string objective = text_at(r, Column::peg_objective);
        const std::string& group = carried_rows_.back()[3];
        const bool same = check_.col(Column::peg_objective) >= 0 && !current_objective_.empty() &&
                          group == objective_group_ && (objective.empty() || objective == current_objective_);
        if (!same) {
            ++next_objective_;
            current_objective_ = objective;
            objective_group_ = group;
        }
        return next_objective_ - 1;
    }

    static constexpr Column group_columns[] = {Column::strategic, Column::mission, Column::programme, Column::cdr};

    std::array<std::string, 4> carry(int r) {
        for (std::size_t g = 0; g < 4; ++g) {
            std::string v = text_at(r, group_columns[g]);
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

    void report_reading(int r, Column col, const Target& t) { report_reading(r, check_.col(col), t); }
    void report_reading(int r, int c, const Target& t) {
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
        // "+10% rispetto al 2018": a change against the row's baseline, never a level of 10 %
        std::optional<Change> change;
        if (const Cell* t = at(r, Column::peg_target); t && t->type == CellType::text) change = read_change(t->text);
        if (change) o.peg.kind = Kind::variazione;

        if (check_.col(Column::peg_target) >= 0) {
            if (o.peg.kind == Kind::vuoto) add(r, check_.col(Column::peg_target), Diag::missing_peg_target);
            else if (!change) report_reading(r, Column::peg_target, o.peg);
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

        // the other years' targets are read and checked too; an empty one is no error here
        for (const YearColumn& y : check_.other_years) {
            const Cell& cell = at(r, y.col);
            if (cell.empty()) continue;
            const Target t = read_cell(cell, ReadOptions{y.year, Direction::none});
            if (t.kind != Kind::vuoto) report_reading(r, y.col, t);
        }
        if (const Cell* deadline = at(r, Column::deadline); deadline && !deadline->empty()) {
            const Target t = read_cell(*deadline, ReadOptions{check_.plan_year, Direction::none});
            // prose such as "II semestre" is the office's own wording: only dates are checked
            if (t.kind == Kind::scadenza) report_reading(r, Column::deadline, t);
        }
        o.objective = objective_of_row_[check_.objectives.size()];
        o.assessable = o.peg.readable();
        if (const Cell* office = at(r, Column::attainment)) o.office_attainment = read_share(*office);
        if (const Cell* baseline = at(r, Column::baseline)) o.baseline = *baseline;
        if (const Cell* weight = at(r, Column::weight)) o.weight = read_weight(*weight);
        std::optional<Target> level;
        if (change) {
            level = change_level(o, *change);
            if (!level) {
                add(r, check_.col(Column::peg_target), Diag::no_baseline);
                o.why = NotAssessable::no_baseline;
                o.assessable = false;
            }
        }
        if (const Cell* actual = at(r, Column::actual); actual && o.assessable) assess(o, *actual, level ? *level : o.peg);
        o.label = text_at(r, Column::peg_objective);
        if (o.label.empty()) o.label = text_at(r, Column::peg_indicator);
        score_row(o);
        check_.objectives.push_back(std::move(o));
    }

    // Percentage weights ("Peso %", "30%", percent cells): an office usually makes one responsible's
    // objectives weigh 100 in all. A warning, since it is a practice, not a rule.
    void check_weights() {
        const int col = check_.col(Column::weight);
        if (col < 0 || check_.header_row < 0) return;
        bool percent = grid_.at(check_.header_row, col).text.find('%') != std::string::npos;
        for (const Objective& o : check_.objectives) {
            const Cell& c = at(o.row, col);
            percent = percent || c.type == CellType::percent || (c.type == CellType::text && c.text.find('%') != std::string::npos);
        }
        if (!percent) return;
        std::vector<std::pair<std::string, double>> sums;  // per responsible, in order
        std::vector<int> first_rows;
        for (std::size_t i = 0; i < check_.objectives.size();) {
            std::size_t j = i;
            while (j < check_.objectives.size() && check_.objectives[j].objective == check_.objectives[i].objective) ++j;
            // one weight for the objective (merged or on its first row), else its indicators' sum
            double w = 0;
            bool same = true;
            for (std::size_t k = i; k < j; ++k) {
                const auto& x = check_.objectives[k].weight;
                if (k > i && x && x != check_.objectives[i].weight) same = false;
            }
            for (std::size_t k = i; k < (same ? i + 1 : j); ++k) {
                const Objective& o = check_.objectives[k];
                const Cell& c = at(o.row, col);
                const bool fraction = c.type == CellType::percent || (c.type == CellType::text && c.text.find('%') != std::string::npos);
                w += o.weight.value_or(0) * (fraction ? 100 : 1);
            }
            const std::string& unit = check_.objectives[i].group[3];
            auto it = std::find_if(sums.begin(), sums.end(), [&](const auto& s) { return s.first == unit; });
            if (it == sums.end()) {
                sums.emplace_back(unit, w);
                first_rows.push_back(check_.objectives[i].row);
            } else {
                it->second += w;
            }
            i = j;
        }
        for (std::size_t k = 0; k < sums.size(); ++k)
            if (std::fabs(sums[k].second - 100) > 0.01)
                add(first_rows[k], col, Diag::weights_not_100,
                    {sums[k].first.empty() ? "-" : sums[k].first, reading::format_number(sums[k].second, 2)});
    }

    // The reason an objective is left out this year: the panel's mark, else a note that says so.
    std::optional<std::string> marked(int r) const {
        for (const MarkedRow& m : options_.not_assessable)
            if (m.row == r) return m.reason;
        for (Column c : {Column::note, Column::justification})
            if (const std::string note = text_at(r, c); !note.empty() && says_not_assessable(note)) return note;
        return std::nullopt;
    }

    // A validated value replaces the attainment only with a justification beside it.
    void apply_override(Objective& o) {
        const Cell* cell = at(o.row, Column::override_value);
        if (!cell || cell->empty()) return;
        const std::optional<double> value = read_share(*cell);
        const int col = check_.col(Column::override_value);
        if (!value || !std::isfinite(*value) || *value < 0) {
            add(o.row, col, Diag::bad_actual, {cell_text(*cell)});
            return;
        }
        std::string note = text_at(o.row, Column::justification);
        if (note.empty()) note = text_at(o.row, Column::note);
        if (note.empty()) {
            add(o.row, col, Diag::override_unjustified, {cell_text(*cell)});
            return;
        }
        o.computed = o.attainment;
        o.attainment = *value;
        o.met = *value >= 1.0 - 1e-9;
        o.overridden = true;
        o.override_note = note;
        add(o.row, col, Diag::override_applied, {cell_text(*cell), note});
    }

    // Between the interim date and the period's end, a value not yet at the final target is
    // measured against the interim one: in linea when that is reached, never raggiunto.
    void score_interim(Objective& o) {
        const int col = check_.col(Column::interim_target);
        const Cell* actual = at(o.row, Column::actual);
        if (col < 0 || !actual || !o.running || !check_.plan_year || !options_.as_of) return;
        const std::optional<std::pair<int, int>> dm = read_heading(grid_.at(check_.header_row, col).text).interim;
        if (!dm) return;
        const Date from{*check_.plan_year, dm->second, std::min(dm->first, last_day_of_month(*check_.plan_year, dm->second))};
        const Cell& cell = at(o.row, col);
        if (cell.empty() || *options_.as_of < from) return;
        const Target interim = read_cell(cell, ReadOptions{check_.plan_year, Direction::none});
        if (!interim.readable()) return;
        const Attainment a = attain(interim, *actual, options_.rules);
        if (a.status != Attainment::Status::scored) return;
        o.score = score_attainment(Profile{options_.rules, options_.scoring}, a.value);
        o.interim = true;
        o.status = status_of(options_.scoring, o.score, true, true);
    }

    // The period of a row ends at its latest deadline, else on 31/12 of the plan year.
    std::optional<Date> period_end(const Objective& o) const {
        if (auto d = latest_deadline(o.peg)) return d;
        if (check_.plan_year) return Date{*check_.plan_year, 12, 31};
        return std::nullopt;
    }

    // Profile and as-of date (issue 10): score, status and why a row is left out.
    void score_row(Objective& o) {
        const std::optional<Date> end = period_end(o);
        o.running = options_.as_of && (!end || !(*end < *options_.as_of));
        if (auto reason = marked(o.row)) {
            o.why = NotAssessable::marked;
            o.reason = *reason;
            o.status = Status::non_valutabile;
            o.attainment.reset();
            o.met = false;
            o.assessable = false;
            const int note_col = check_.col(Column::note) >= 0 ? check_.col(Column::note) : check_.col(Column::justification);
            add(o.row, note_col >= 0 ? note_col : check_.col(Column::peg_target), Diag::neutralised, {*reason});
            return;
        }
        if (!o.peg.readable() || o.why == NotAssessable::no_baseline) {
            if (o.why == NotAssessable::none) o.why = NotAssessable::unreadable_target;
            o.status = Status::non_valutabile;
            return;
        }
        if (o.assessable) apply_override(o);
        const Cell* actual = at(o.row, Column::actual);
        // a deadline past due with no completion reported is missed, not pending
        if (!o.attainment && actual && actual->empty() && options_.as_of && !o.running && o.peg.kind == Kind::scadenza)
            o.attainment = 0;
        if (o.attainment) {
            o.score = score_attainment(Profile{options_.rules, options_.scoring}, *o.attainment);
            o.status = status_of(options_.scoring, o.score, false, o.running);
            if (o.status != Status::raggiunto) score_interim(o);
        } else if (!options_.as_of || o.running) {
            o.status = Status::in_corso;
        } else {
            o.status = Status::non_valutabile;
            o.why = NotAssessable::no_actual;
        }
    }

    // The level a change asks for against the row's baseline ("120", "85%", a percent cell).
    static std::optional<Target> change_level(const Objective& o, const Change& change) {
        const Cell& b = o.baseline;
        const std::optional<double> value = read_weight(b);
        if (b.empty() || !value || !std::isfinite(*value)) return std::nullopt;
        const bool percent = b.type == CellType::percent || (b.type == CellType::text && b.text.find('%') != std::string::npos);
        return change_target(change, *value, percent);
    }

    // A composite target with one actual cell: "300; 1500" or "300 | 1500" gives one actual per
    // part, in the order the parts appear in the target's text.
    void assess(Objective& o, const Cell& actual, const Target& target) {
        std::vector<Cell> actuals{actual};
        if (target.parts.size() > 1 && actual.type == CellType::text &&
            actual.text.find_first_of(";|") != std::string::npos) {
            actuals.clear();
            std::string part;
            std::istringstream in(actual.text);
            while (std::getline(in, part, actual.text.find(';') != std::string::npos ? ';' : '|'))
                actuals.push_back(Cell::of_text(clean(part)));
        }
        const Attainment a = attain(target, actuals, options_.rules);
        if (a.status == Attainment::Status::scored) {
            o.attainment = a.value;
            o.met = a.value >= 1.0 - 1e-9;
        } else if (a.status == Attainment::Status::error && a.diagnostic) {
            add(o.row, check_.col(Column::actual), a.diagnostic->code, a.diagnostic->args);
        }
    }

    const Grid& grid_;
    const SheetOptions& options_;
    PreparedCells cells_;
    SheetCheck check_;
    std::array<std::string, 4> carried_;
    HeaderReading header_;
    std::string current_objective_, objective_group_;
    int next_objective_ = 0;
    bool card_ = false;
    std::vector<int> objective_of_row_;
    std::unordered_map<std::string, Target> memo_;
    std::unordered_map<std::string, std::string> normalized_;
    std::vector<std::array<std::string, 4>> carried_rows_;
};

}  // namespace

namespace detail {
// For re-aligning extracted text tables: a cell that names a column outright.
std::optional<Column> header_column(std::string_view cell) {
    const HeadingReading r = read_heading(cell);
    return r.strength >= 2 ? r.role : std::nullopt;
}
}  // namespace detail

std::string_view column_name(Column c) noexcept { return column_names[idx(c)]; }

void apply_profile(const Profile& profile, SheetOptions& options) {
    options.rules = profile.rules;
    options.scoring = profile.scoring;
}

SheetCheck check_sheet(const Grid& grid, const SheetOptions& options) {
    return Checker(grid, options).run();
}

}  // namespace pegkit
