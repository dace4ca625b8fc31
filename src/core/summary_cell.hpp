#pragma once
// The summary sheet's cells as the planners build them (summary_plan.cpp, relazione.cpp).
#include "plan.hpp"

#include <string>
#include <vector>

namespace pegkit::summary_cell {

inline SummaryCell label(SummaryLabel l) {
    SummaryCell c;
    c.kind = SummaryCell::Kind::label;
    c.label = l;
    return c;
}
inline SummaryCell number(double v) {
    SummaryCell c;
    c.kind = SummaryCell::Kind::number;
    c.number = v;
    return c;
}
inline SummaryCell text(std::string s) {
    SummaryCell c;
    c.kind = SummaryCell::Kind::text;
    c.text = std::move(s);
    return c;
}
inline SummaryCell phrase(std::string key, std::vector<std::string> args = {}) {
    SummaryCell c;
    c.kind = SummaryCell::Kind::phrase;
    c.text = std::move(key);
    c.args = std::move(args);
    return c;
}

// Appends `cells`, padded to the plan's width; returns its row.
inline int add_row(SummaryPlan& plan, std::vector<SummaryCell> cells) {
    cells.resize(SummaryPlan::width);
    plan.rows.push_back(std::move(cells));
    return static_cast<int>(plan.rows.size()) - 1;
}

// Why an objective was left out, in the catalogue's words or the user's.
inline SummaryCell reason(NotAssessable why, const std::string& given) {
    switch (why) {
    case NotAssessable::marked: return given.empty() ? phrase("cmd_reason_marked") : text(given);
    case NotAssessable::no_baseline: return phrase("cmd_reason_no_baseline");
    case NotAssessable::unreadable_target: return phrase("cmd_reason_unreadable_target");
    default: return phrase("cmd_reason_no_value");
    }
}

}  // namespace pegkit::summary_cell
