#include "sheet.hpp"

#include <algorithm>

namespace pegkit {
namespace {

// Objectives of one group, to be summed and scored together.
struct Group {
    SummaryRow row;
    std::vector<std::optional<double>> attainments, weights;
};

void add(Group& g, const Objective& o) {
    ++g.row.objectives;
    if (o.attainment) ++g.row.assessed;
    if (o.met) ++g.row.met;
    if (!o.assessable) ++g.row.not_assessable;
    g.attainments.push_back(o.attainment);
    g.weights.push_back(o.weight);
}

// A blank Peso counts as 1 (pegkit::score).
SummaryRow finish(Group& g) {
    g.row.mean_attainment = score(g.attainments, g.weights);
    return std::move(g.row);
}

}  // namespace

Summary summarize(const SheetCheck& check) {
    Summary summary;
    // Objective::group holds strategic, mission, programme, cdr; tables go cdr first.
    const std::pair<Column, std::size_t> order[] = {
        {Column::cdr, 3}, {Column::mission, 1}, {Column::programme, 2}, {Column::strategic, 0}};
    for (const auto& [by, index] : order) {
        const std::size_t g = index;  // a lambda cannot capture a structured binding in C++17
        std::vector<Group> groups;  // in order of first appearance
        for (const Objective& o : check.objectives) {
            auto it = std::find_if(groups.begin(), groups.end(),
                                   [&](const Group& x) { return x.row.group == o.group[g]; });
            if (it == groups.end()) {
                groups.emplace_back();
                groups.back().row.group = o.group[g];
                it = std::prev(groups.end());
            }
            add(*it, o);
        }
        SummaryTable table;
        table.by = by;
        for (Group& x : groups) table.rows.push_back(finish(x));
        summary.tables.push_back(std::move(table));
    }
    Group total;
    for (const Objective& o : check.objectives) add(total, o);
    summary.total = finish(total);
    return summary;
}

}  // namespace pegkit
