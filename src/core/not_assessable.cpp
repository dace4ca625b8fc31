#include "not_assessable.hpp"

#include "clean.hpp"
#include "tab_lines.hpp"

#include <algorithm>
#include <set>

namespace pegkit {
namespace {

struct Line {
    std::string sheet;
    int row = 0;
    std::string reason;
};

std::vector<Line> lines_of(std::string_view property) {
    std::vector<Line> out;
    for (const TabLine& t : tab_lines(property)) {
        const std::optional<int> row = field_int(t.second);
        if (!row || *row < 1) continue;
        Line l{std::string(t.first), *row, clean(t.rest)};
        if (!l.reason.empty()) out.push_back(std::move(l));
    }
    return out;
}

}  // namespace

std::vector<MarkedRow> stored_marks(std::string_view property, std::string_view sheet, int first_row) {
    std::vector<MarkedRow> out;
    for (const Line& l : lines_of(property))
        if (l.sheet == sheet) out.push_back({l.row - 1 - first_row, l.reason});
    return out;
}

std::string store_mark(std::string_view property, std::string_view sheet, int row, std::string_view reason) {
    std::string out;
    const std::string cleaned = clean(reason);
    bool done = false;
    auto write = [&](std::string_view s, int r, std::string_view why) {
        out += std::string(s) + '\t' + std::to_string(r) + '\t' + std::string(why) + '\n';
    };
    for (const Line& l : lines_of(property)) {
        if (l.sheet == sheet && l.row == row) {
            if (!cleaned.empty() && !done) write(sheet, row, cleaned);
            done = true;
            continue;
        }
        write(l.sheet, l.row, l.reason);
    }
    if (!done && !cleaned.empty() && row >= 1) write(sheet, row, cleaned);
    return out;
}

MarkPlan plan_marks(const SheetCheck& check, std::string_view property, std::string_view sheet, int first_row,
                    const std::vector<int>& rows, std::string_view reason, bool clear) {
    MarkPlan plan;
    plan.property = std::string(property);
    const std::string cleaned = clean(reason);
    if (!clear && cleaned.empty()) {
        plan.no_reason = true;
        return plan;
    }
    std::set<int> objective_rows;
    for (const Objective& o : check.objectives) objective_rows.insert(o.row);
    const std::set<int> asked(rows.begin(), rows.end());
    for (int row : asked) {
        if (!objective_rows.count(row)) {
            plan.outside.push_back(row);
            continue;
        }
        const int shown = row + first_row + 1;
        const std::string after = store_mark(plan.property, sheet, shown, clear ? std::string_view() : cleaned);
        if (after != plan.property) plan.changed.push_back(row);
        plan.property = after;
    }
    return plan;
}

}  // namespace pegkit
