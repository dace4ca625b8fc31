#include "clean.hpp"
#include "sheet.hpp"

#include <cmath>

#include <unordered_map>

namespace pegkit {
namespace {

// Objectives of one group, to be summed and scored together.
struct Group {
    SummaryRow row;
    std::vector<std::optional<double>> attainments, weights;
};

// One objective with its indicator rows. Its attainment is the weighted mean of its indicators
// (TARGETS.md §5): indicator weights when the rows carry different weights; when they all carry
// the same one (a merged Peso) or only the first row has it, that is the objective's weight and
// its indicators count alike.
struct ObjectiveScore {
    const Objective* first = nullptr;
    int indicators = 0;
    std::optional<double> attainment, weight;  // attainment: the objective's score under the profile
    bool assessable = false;
    ObjectiveResult result;
};

// The objective's status from its rows': left out when every row is; else its score, with the
// period running while any row's runs and a value pending while any row waits for one.
void standing(ObjectiveScore& o, const Objective* rows, std::size_t n, const Scoring& scoring) {
    ObjectiveResult& r = o.result;
    bool pending = false, running = false, counted = false;
    for (std::size_t k = 0; k < n; ++k) {
        const Objective& row = rows[k];
        if (row.overridden) r.overrides.push_back({row.row, *row.attainment, row.computed, row.override_note});
        if (row.status == Status::non_valutabile) continue;
        counted = true;
        running = running || row.running;
        pending = pending || !row.score || row.interim;
    }
    r.score = o.attainment;
    if (!counted) {
        r.status = Status::non_valutabile;
        r.why = rows[0].why;
        r.reason = rows[0].reason;
        for (std::size_t k = 0; k < n && r.why != NotAssessable::marked; ++k)
            if (rows[k].why == NotAssessable::marked) r.why = rows[k].why, r.reason = rows[k].reason;
        return;
    }
    r.status = status_of(scoring, r.score, pending, running);
}

std::vector<ObjectiveScore> objectives_of(const SheetCheck& check) {
    std::vector<ObjectiveScore> out;
    const auto& rows = check.objectives;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j < rows.size() && rows[j].objective == rows[i].objective) ++j;
        ObjectiveScore o;
        o.first = &rows[i];
        o.indicators = static_cast<int>(j - i);
        std::vector<std::optional<double>> a, w;
        bool same_weight = true;
        for (std::size_t k = i; k < j; ++k) {
            a.push_back(rows[k].score);
            w.push_back(rows[k].weight);
            o.assessable = o.assessable || rows[k].assessable;
            if (k > i && rows[k].weight && rows[k].weight != rows[i].weight) same_weight = false;
        }
        if (same_weight) {
            o.weight = rows[i].weight;
            w.assign(a.size(), std::nullopt);
        } else {
            double sum = 0;
            for (const auto& x : w) sum += x.value_or(1.0);
            o.weight = sum;
        }
        o.attainment = combine_scores(check.scoring.indicators, a, w);
        if (o.attainment) o.attainment = round_score(check.scoring, *o.attainment);
        ObjectiveResult& r = o.result;
        r.row = rows[i].row;
        r.objective = rows[i].objective;
        r.label = rows[i].label;
        r.group = rows[i].group;
        r.indicators = o.indicators;
        r.weight = o.weight;
        standing(o, &rows[i], j - i, check.scoring);
        out.push_back(std::move(o));
        i = j;
    }
    return out;
}

void add(Group& g, const ObjectiveScore& o, const Scoring& scoring) {
    ++g.row.objectives;
    g.row.indicators += o.indicators;
    if (o.attainment) ++g.row.assessed;
    if (o.attainment && *o.attainment * 100 >= scoring.reached - 1e-7) ++g.row.met;
    if (!o.assessable) ++g.row.not_assessable;
    ++g.row.statuses[static_cast<std::size_t>(o.result.status)];
    g.attainments.push_back(o.attainment);
    g.weights.push_back(o.weight);
}

// "15 -Sallustio (Area istruzione…)" and "15 – Sallustio (Area istruzione…)" are one CdR: the key
// is the leading code and the label's letters and digits, folded.
std::string group_key(const std::string& text) {
    const CodeLabel cl = split_code(text);
    std::string key = cl.code ? std::to_string(*cl.code) : std::string();
    key += '|';
    for (char c : fold_case(cl.label))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) key += c;
    return key;
}

// A blank Peso counts as 1 (pegkit::score).
SummaryRow finish(Group& g) {
    g.row.mean_attainment = score(g.attainments, g.weights);
    return std::move(g.row);
}

}  // namespace

Summary summarize(const SheetCheck& check) {
    Summary summary;
    std::vector<ObjectiveScore> objectives = objectives_of(check);
    // A sheet repeats a few group labels over thousands of rows: each is keyed once.
    std::unordered_map<std::string, std::string> keys;
    auto key_of = [&keys](const std::string& text) -> const std::string& {
        auto it = keys.find(text);
        if (it == keys.end()) it = keys.emplace(text, group_key(text)).first;
        return it->second;
    };
    // Objective::group holds strategic, mission, programme, cdr; tables go cdr first.
    const std::pair<Column, std::size_t> order[] = {
        {Column::cdr, 3}, {Column::mission, 1}, {Column::programme, 2}, {Column::strategic, 0}};
    for (const auto& [by, index] : order) {
        const std::size_t g = index;  // a lambda cannot capture a structured binding in C++17
        std::vector<Group> groups;  // in order of first appearance
        std::unordered_map<std::string, std::size_t> index_of;
        for (ObjectiveScore& score : objectives) {
            const Objective& o = *score.first;
            // programme codes restart in each mission ("01-Organismi istituzionali", "01 - sistema di protezione civile")
            std::string key = key_of(o.group[g]);
            if (by == Column::programme && !o.group[2].empty()) key = key_of(o.group[1]) + '/' + key;
            auto [pos, inserted] = index_of.emplace(std::move(key), groups.size());
            if (inserted) {
                groups.emplace_back();
                groups.back().row.group = o.group[g];
            }
            Group* it = &groups[pos->second];
            add(*it, score, check.scoring);
            if (by == Column::cdr) score.result.cdr = static_cast<int>(pos->second);
        }
        SummaryTable table;
        table.by = by;
        for (Group& x : groups) table.rows.push_back(finish(x));
        summary.tables.push_back(std::move(table));
    }
    Group total;
    summary.objectives.reserve(objectives.size());
    for (ObjectiveScore& o : objectives) {
        add(total, o, check.scoring);
        summary.objectives.push_back(std::move(o.result));  // the last use of the scores
    }
    summary.total = finish(total);
    return summary;
}

Summary summarize(const std::vector<NamedCheck>& sheets) {
    SheetCheck all;
    int offset = 0;
    for (const NamedCheck& s : sheets) {
        if (!s.check) continue;
        if (offset == 0) all.scoring = s.check->scoring;
        for (Objective o : s.check->objectives) {
            o.objective += offset;
            if (o.group[3].empty()) o.group[3] = s.sheet;
            all.objectives.push_back(std::move(o));
        }
        offset += s.check->objective_count;
    }
    all.objective_count = offset;
    return summarize(all);
}

}  // namespace pegkit
