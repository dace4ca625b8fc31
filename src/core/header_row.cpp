// Which row is the header, and which column has which role (issue #8 item 2).
#include "header.hpp"

#include "clean.hpp"

#include <algorithm>
#include <cmath>

namespace pegkit {
namespace {

std::size_t idx(Column c) { return static_cast<std::size_t>(c); }

// A merged range covering (r, c), if any.
const Merge* merge_at(const Grid& g, int r, int c) {
    for (const Merge& m : g.merges)
        if (r >= m.first_row && r <= m.last_row && c >= m.first_col && c <= m.last_col) return &m;
    return nullptr;
}

// A heading as written: text cells as they are, a year typed as a number as its digits.
std::string raw_text(const Cell& cell) {
    if (cell.type == CellType::text) return cell.text;
    if (cell.type == CellType::number && cell.number >= 1990 && cell.number <= 2100 &&
        cell.number == std::floor(cell.number))
        return std::to_string(static_cast<int>(cell.number));
    return {};
}

// The text shown at (r, c): a merged range shows its top-left cell everywhere.
std::string shown_text(const Grid& g, int r, int c) {
    std::string own = raw_text(g.at(r, c));
    if (!own.empty()) return own;
    if (const Merge* m = merge_at(g, r, c))
        if (m->first_row < g.rows && m->first_col < g.cols) return raw_text(g.at(m->first_row, m->first_col));
    return {};
}

// A two-row header typed without merges (a PDF's table copied into cells): "Risultati attesi" over
// "Indicatore di risultato | Valore obiettivo", the other headings on the upper row only. `row` is
// such a lower row when its cells lie only under empty upper cells or under a group heading
// followed by empty upper cells (at most 4 columns wide), and it has fewer cells than the upper row.
// Per column, the upper column whose heading stands above it (-1: none); empty when it is not one.
std::vector<int> unmerged_upper(const Grid& g, int row) {
    if (row <= 0) return {};
    auto text = [&](int r, int c) { return c < g.cols && !raw_text(g.at(r, c)).empty(); };
    int upper = 0, lower = 0;
    bool under_empty = false;
    std::vector<int> above(std::size_t(g.cols), -1);
    for (int c = 0; c < g.cols; ++c) {
        const bool up = text(row - 1, c), low = text(row, c);
        upper += up;
        lower += low;
        if (!low) {
            if (up) above[std::size_t(c)] = c;
            continue;
        }
        if (up) {
            if (text(row - 1, c + 1) || !text(row, c + 1)) return {};  // a heading over a heading: no group
            above[std::size_t(c)] = c;
            continue;
        }
        int s = c;
        while (s > 0 && !text(row - 1, s) && text(row, s)) --s;
        if (!text(row - 1, s) || !text(row, s) || c - s > 3) return {};
        above[std::size_t(c)] = s;
        under_empty = true;
    }
    if (upper < 2 || lower < 1 || lower >= upper || !under_empty) return {};
    return above;
}

struct Candidate {
    int col = -1;
    HeadingReading reading;
    std::string heading;
};

// A heading longer than this is prose in a data row ("L'obiettivo si propone di erogare le risorse
// ...", a card's value beside its label "Descrizione"), unless its first line is a heading and the
// rest a note under it. The longest heading of the corpus is 76 characters over five lines.
constexpr std::size_t long_heading = 80;

std::optional<Candidate> read_cell(const Grid& g, int row, int c, bool& used_upper, const std::vector<int>& above) {
    const int over_col = above.empty() ? -1 : above[std::size_t(c)];
    std::string text = shown_text(g, row, c);
    if (text.empty() && over_col == c) {
        text = shown_text(g, row - 1, c);  // the upper row's heading spans both rows
        used_upper = true;
    }
    if (text.empty()) return std::nullopt;
    HeadingReading r = read_heading(text);
    const std::size_t line_break = text.find('\n');
    bool first_line_heading = false;
    if (line_break != std::string::npos) {
        // "Target\n(valore numerico o data entro cui...)": the first line names the column
        HeadingReading first = read_heading(text.substr(0, line_break));
        first_line_heading = first.role && clean(text.substr(0, line_break)).size() <= long_heading;
        if (first.role && (!r.role || first.strength > r.strength)) {
            if (!first.year) first.year = r.year;  // "Consuntivo\n2011"
            r = first;
        }
    }
    std::string cleaned = clean(text);
    if (cleaned.size() > long_heading && !first_line_heading) return std::nullopt;
    // a two-row header: "2024" under "Target" merged over the years, "%" under "Peso"
    const Merge* over = row > 0 ? merge_at(g, row - 1, c) : nullptr;
    const bool group_heading = (over && over->last_col > over->first_col && over->last_row < row) ||
                               (over_col >= 0 && !raw_text(g.at(row, c)).empty());
    const bool qualifier = (r.role && r.strength <= 1 && r.year) || cleaned == "%";
    if (row > 0 && (!r.role || r.strength <= 1) && (group_heading || qualifier)) {
        const std::string upper = shown_text(g, row - 1, over_col >= 0 ? over_col : c);
        if (!upper.empty() && upper != text) {
            HeadingReading both = read_heading(upper + " " + text);
            if (both.role && both.strength > r.strength) {
                r = both;
                cleaned = clean(upper) + " " + cleaned;
                used_upper = true;
            }
        }
    }
    if (!r.role) return std::nullopt;
    return Candidate{c, std::move(r), std::move(cleaned)};
}

void take(HeaderReading& h, const Candidate& k, Column role, RoleReason reason) {
    if (h.column[idx(role)] >= 0) return;
    h.column[idx(role)] = k.col;
    h.choices.push_back({role, k.col, k.heading, k.reading.word, k.reading.year, reason});
}

// Several target columns: the plan year's is the target, the others are yearly targets.
void place_targets(HeaderReading& h, std::vector<Candidate>& targets, int peg_objective, std::optional<int> plan_year) {
    const bool real_target = std::any_of(targets.begin(), targets.end(), [](const Candidate& k) {
        return !k.reading.prose_target;
    });
    std::vector<Candidate> yearly, plain;
    for (const Candidate& k : targets) {
        if (k.reading.prose_target && real_target) take(h, k, Column::description, RoleReason::prose);
        else if (k.reading.year || k.reading.year_offset) yearly.push_back(k);
        else plain.push_back(k);
    }
    if (!yearly.empty()) {
        auto year = [&](const Candidate& k) {
            return k.reading.year ? *k.reading.year : (plan_year ? *plan_year : 0) + *k.reading.year_offset;
        };
        const Candidate* chosen = nullptr;
        for (const Candidate& k : yearly)
            if (plan_year && year(k) == *plan_year) chosen = &k;
        if (!chosen && plain.empty())
            chosen = &*std::min_element(yearly.begin(), yearly.end(),
                                        [&](const Candidate& a, const Candidate& b) { return year(a) < year(b); });
        for (const Candidate& k : yearly) {
            if (&k == chosen) {
                take(h, k, Column::peg_target, RoleReason::plan_year);
                if (k.reading.year) h.target_year = k.reading.year;
            } else {
                h.other_years.push_back({k.col, year(k)});
                h.choices.push_back({Column::peg_target, k.col, k.heading, k.reading.word, year(k), RoleReason::other_year});
            }
        }
    }
    // Plain "Indicatore"/"Target" belong to the DUP pair when they stand left of the PEG objective.
    for (const Candidate& k : plain) {
        // a second plain target with no PEG objective to place it by ("Valore atteso revisionato")
        // is left alone rather than taken as the DUP's
        if (peg_objective < 0 && h.col(Column::peg_target) >= 0) continue;
        const bool dup = (peg_objective >= 0 && k.col < peg_objective) || h.col(Column::peg_target) >= 0;
        take(h, k, dup ? Column::dup_target : Column::peg_target, dup ? RoleReason::by_position : RoleReason::heading);
    }
}

void place_indicators(HeaderReading& h, const std::vector<Candidate>& indicators, int peg_objective) {
    for (const Candidate& k : indicators) {
        const bool dup = (peg_objective >= 0 && k.col < peg_objective) || h.col(Column::peg_indicator) >= 0;
        take(h, k, dup ? Column::dup_indicator : Column::peg_indicator, dup ? RoleReason::by_position : RoleReason::heading);
    }
}

}  // namespace

HeaderReading read_header_row(const Grid& raw, int row, std::optional<int> plan_year) {
    HeaderReading h;
    h.row = row;
    bool used_upper = false;
    std::vector<Candidate> all, targets, indicators;
    const std::vector<int> above = unmerged_upper(raw, row);
    for (int c = 0; c < raw.cols; ++c)
        if (auto k = read_cell(raw, row, c, used_upper, above)) all.push_back(std::move(*k));
    // strongest heading of a role first; ties keep the leftmost
    std::vector<Candidate> by_strength = all;
    std::stable_sort(by_strength.begin(), by_strength.end(),
                     [](const Candidate& a, const Candidate& b) { return a.reading.strength > b.reading.strength; });
    for (const Candidate& k : all) {
        if (k.reading.role == Column::peg_target) targets.push_back(k);
        if (k.reading.role == Column::peg_indicator) indicators.push_back(k);
    }
    // the explicit PEG objective's column, by which plain "Indicatore"/"Target" are placed
    int peg_objective = -1;
    for (const Candidate& k : all)
        if (k.reading.role == Column::peg_objective && k.reading.strength >= 3) peg_objective = k.col;
    place_targets(h, targets, peg_objective, plan_year);
    place_indicators(h, indicators, peg_objective);
    const std::optional<int> year = plan_year ? plan_year : h.target_year;
    // of several past years' actuals ("Consuntivo 2011", "Consuntivo 2012"), the latest is the baseline
    std::stable_sort(by_strength.begin(), by_strength.end(), [&](const Candidate& a, const Candidate& b) {
        auto past = [&](const Candidate& k) {
            return k.reading.role == Column::actual && year && k.reading.year && *k.reading.year < *year ? *k.reading.year : 0;
        };
        return past(a) > past(b);
    });
    for (const Candidate& k : by_strength) {
        const Column role = *k.reading.role;
        if (role == Column::peg_target || role == Column::peg_indicator) continue;
        if (role == Column::actual && year && k.reading.year && *k.reading.year < *year)
            take(h, k, Column::baseline, RoleReason::past_actual);
        else
            take(h, k, role, RoleReason::heading);
    }
    // "Obiettivo operativo" with no DUP indicator or target is the table's objective
    if (h.col(Column::peg_objective) < 0 && h.col(Column::dup_objective) >= 0 && h.col(Column::dup_indicator) < 0 &&
        h.col(Column::dup_target) < 0) {
        std::swap(h.column[idx(Column::peg_objective)], h.column[idx(Column::dup_objective)]);
        for (RoleChoice& ch : h.choices)
            if (ch.role == Column::dup_objective) ch.role = Column::peg_objective, ch.reason = RoleReason::operative;
    }
    // "N° | Descrizione | ... | Preventivo 2013": the description says what is measured
    if (h.col(Column::peg_objective) < 0 && h.col(Column::peg_indicator) < 0 && h.col(Column::description) >= 0) {
        std::swap(h.column[idx(Column::peg_indicator)], h.column[idx(Column::description)]);
        for (RoleChoice& ch : h.choices)
            if (ch.role == Column::description) ch.role = Column::peg_indicator, ch.reason = RoleReason::stand_in;
    }
    // "Interventi previsti | Descrizione e articolazione dell'intervento | Indicatore di risultato":
    // with no objective column, the description nearest left of the indicator says what is pursued.
    // Not a column of actions ("Attività" of a scheda under its objective, Provincia PEG 2019): those
    // describe the objective written above the table.
    if (h.col(Column::peg_objective) < 0 && h.col(Column::dup_objective) < 0 && h.col(Column::peg_indicator) >= 0) {
        const Candidate* nearest = nullptr;
        for (const Candidate& k : all)
            if (k.reading.role == Column::description && k.col < h.col(Column::peg_indicator)) nearest = &k;
        if (nearest && nearest->reading.word != "descrizione") nearest = nullptr;
        if (nearest) {
            if (h.col(Column::description) == nearest->col) h.column[idx(Column::description)] = -1;
            h.choices.erase(std::remove_if(h.choices.begin(), h.choices.end(),
                                           [&](const RoleChoice& ch) { return ch.col == nearest->col; }),
                            h.choices.end());
            take(h, *nearest, Column::peg_objective, RoleReason::describes);
        }
    }
    std::sort(h.choices.begin(), h.choices.end(), [](const RoleChoice& a, const RoleChoice& b) { return a.col < b.col; });
    for (const RoleChoice& ch : h.choices) {
        const Candidate* k = nullptr;
        for (const Candidate& x : all)
            if (x.col == ch.col) k = &x;
        h.score += k ? k->reading.strength : 1;
    }
    if (h.usable()) h.score += 3;
    if (used_upper) h.score += 1;
    return h;
}

HeaderReading find_header(const Grid& raw, std::optional<int> plan_year, int max_rows) {
    HeaderReading best, best_unusable;
    for (int r = 0; r < raw.rows && r < max_rows; ++r) {
        HeaderReading h = read_header_row(raw, r, plan_year);
        if (h.choices.empty()) continue;
        // A row below a stronger header is one of its data rows, though its texts name roles
        // ("Obiettivo routinario", "Rispetto scadenza"): a table whose header names no target
        // is said as such, not read from its data.
        if (h.usable() && best_unusable.row >= 0 && best_unusable.score > h.score) continue;
        const bool better_use = h.usable() && !best.usable();
        const bool same_use = h.usable() == best.usable();
        if (best.row < 0 || better_use || (same_use && h.score > best.score)) best = h;
        if (!h.usable() && (best_unusable.row < 0 || h.score > best_unusable.score)) best_unusable = std::move(h);
    }
    return best;
}

std::optional<CardReading> find_card(const Grid& raw, int max_rows) {
    // a card's labels stand in its first columns; a table's column of names is no card: it
    // has no target among them
    for (int c = 0; c + 1 < raw.cols && c < 3; ++c) {
        CardReading card{c, {}, 0};
        bool target = false, what = false;
        for (int r = 0; r < raw.rows && r < max_rows; ++r) {
            const std::string label = raw_text(raw.at(r, c));
            const Cell& value = raw.at(r, c + 1);
            if (label.empty() || value.type == CellType::empty || label.find('\n') != std::string::npos) continue;
            if (clean(label).size() > long_heading) continue;
            const HeadingReading h = read_heading(label);
            if (!h.role) continue;
            if (*h.role == Column::peg_target && !target) {
                card.target = card.labels.size();
                target = true;
            }
            what = what || *h.role == Column::peg_objective || *h.role == Column::peg_indicator ||
                   *h.role == Column::description || *h.role == Column::mission || *h.role == Column::programme;
            card.labels.push_back(label);
        }
        if (target && what && card.labels.size() >= 4) return card;
    }
    return std::nullopt;
}

std::string card_labels(const CardReading& card) {
    // the first three labels, and the first target's when it comes later
    constexpr std::size_t first = 3;
    std::string out;
    for (std::size_t i = 0; i < card.labels.size() && i < first; ++i)
        out += (i ? ", " : "") + shortened(clean(card.labels[i]), 40);
    if (card.target >= first) out += ", …, " + shortened(clean(card.labels[card.target]), 40);
    return out;
}

std::string found_columns(const HeaderReading& h) {
    std::string out;
    for (const RoleChoice& ch : h.choices) {
        if (!out.empty()) out += ", ";
        // the DUP's target is not the one a table needs: "Target (G, DUP)" says whose it is
        const bool dup = ch.role == Column::dup_target || ch.role == Column::dup_indicator;
        out += shortened(ch.heading, 40) + " (" + column_letters(ch.col) + (dup ? ", DUP)" : ")");
    }
    return out;
}

}  // namespace pegkit
