// The table for the Relazione sulla performance at the end of the summary sheet (plan.hpp:
// add_relazione): what the office copies into its report, one row per indicator row as the
// plan lists them, not-assessable and not-yet-assessed rows included, then the rows per status.
#include "attainment.hpp"
#include "plan.hpp"
#include "status.hpp"
#include "reading.hpp"
#include "summary_cell.hpp"

#include <array>
#include <cmath>

namespace pegkit {
namespace {

using namespace summary_cell;

// The actual as the sheet shows it: a number stays a number; a percent, a date or a text is
// written as text (the table's column mixes them, a number format cannot).
SummaryCell actual_of(const Cell& c) {
    switch (c.type) {
    case CellType::number: return number(c.number);
    case CellType::percent: {
        const double pct = c.number * 100;
        return text(reading::format_number(pct, std::fabs(pct - std::round(pct)) < 1e-9 ? 0 : 1) + "%");
    }
    case CellType::date: return text(format_date(from_serial(long(c.number))));
    case CellType::boolean: return phrase(c.number != 0 ? "cmd_yes" : "cmd_no");
    case CellType::text: return text(c.text);
    default: return {};
    }
}

// Actual minus the target's value, for one threshold or one deadline (days late when positive);
// nullopt for what has no single value to compare with.
std::optional<double> deviation(const Target& t, const Cell& actual) {
    const std::optional<ActualValue> v = actual_value(actual);
    if (t.parts.size() != 1 || !v) return std::nullopt;
    const Measure& m = t.parts.front();
    if (t.kind == Kind::scadenza && m.deadline && valid(*m.deadline) && v->date) return v->value - double(to_serial(*m.deadline));
    if (t.kind == Kind::soglia && !v->date) return v->value - m.value;
    return std::nullopt;
}

}  // namespace

void add_relazione(SummaryPlan& p, const Grid& grid, const SheetCheck& check) {
    const auto add = [&p](std::vector<SummaryCell> r) { return add_row(p, std::move(r)); };
    const auto cell = [&](int row, Column c) -> const Cell& {
        static const Cell none;
        const int col = check.col(c);
        return col >= 0 && row < grid.rows && col < grid.cols ? grid.at(row, col) : none;
    };
    add({});
    const int title = add({phrase("cmd_relazione_heading")});
    p.bold_rows.push_back(title);
    p.page_breaks.push_back(title);
    const char* columns[] = {"cmd_col_objective", "cmd_col_row", "cmd_by_cdr", "cmd_col_indicator", "cmd_col_target",
                             "cmd_col_actual", "cmd_col_attainment", "cli_status", "cmd_col_deviation", "cmd_col_note"};
    std::vector<SummaryCell> heading;
    for (const char* key : columns) heading.push_back(phrase(key));
    const int head = add(std::move(heading));
    p.bold_rows.push_back(head);
    p.repeat_row = head;
    std::array<int, status_count> per_status{};
    int last = head, listed = 0;
    for (const Objective& o : check.objectives) {
        ++per_status[static_cast<std::size_t>(o.status)];
        if (++listed > SummaryPlan::max_listed) continue;  // counted below all the same
        const Cell& actual = cell(o.row, Column::actual);
        const Cell& indicator = cell(o.row, Column::peg_indicator);
        const std::optional<double> off = deviation(o.peg, actual);
        SummaryCell note = o.why != NotAssessable::none ? reason(o.why, o.reason) : text(o.override_note);
        last = add({text(o.label), number(o.row + 1), text(o.group[3]),
                    indicator.type == CellType::text ? text(indicator.text) : SummaryCell{}, text(normalize(o.peg)),
                    actual_of(actual), o.score ? number(*o.score) : SummaryCell{},
                    phrase(std::string(status_key(o.status))), off ? number(*off) : SummaryCell{}, std::move(note)});
        if (off && o.peg.parts.front().unit == Unit::percent) {
            if (!p.percent.empty() && p.percent.back().first_col == 8 && p.percent.back().last_row == last - 1) ++p.percent.back().last_row;
            else p.percent.push_back({last, 8, last, 8});
        }
    }
    if (last > head) p.percent.push_back({head + 1, 6, last, 6});
    p.boxes.push_back({head, last, int(std::size(columns)) - 1, true});
    if (listed > SummaryPlan::max_listed) add({phrase("cmd_relazione_more", {std::to_string(listed - SummaryPlan::max_listed)})});
    // the rows counted, so that the statuses add up to them
    add({});
    const int total = add({phrase("cmd_relazione_rows"), number(double(check.objectives.size()))});
    p.bold_rows.push_back(total);
    for (std::size_t s = 0; s < status_count; ++s)
        add({phrase(std::string(status_key(static_cast<Status>(s)))), number(per_status[s])});
}

}  // namespace pegkit
