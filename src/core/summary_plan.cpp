// The summary sheet's cells (plan.hpp: SummaryPlan): the group tables, then the objectives left
// out and the overrides. Words are labels or catalogue keys, put in the UI language by the front end.
#include "plan.hpp"
#include "status.hpp"

namespace pegkit {
namespace {

SummaryCell label(SummaryLabel l) {
    SummaryCell c;
    c.kind = SummaryCell::Kind::label;
    c.label = l;
    return c;
}
SummaryCell number(double v) {
    SummaryCell c;
    c.kind = SummaryCell::Kind::number;
    c.number = v;
    return c;
}
SummaryCell text(std::string s) {
    SummaryCell c;
    c.kind = SummaryCell::Kind::text;
    c.text = std::move(s);
    return c;
}
SummaryCell phrase(std::string key, std::vector<std::string> args = {}) {
    SummaryCell c;
    c.kind = SummaryCell::Kind::phrase;
    c.text = std::move(key);
    c.args = std::move(args);
    return c;
}

int level_of(double v) { return v >= 0.9 - 1e-12 ? 0 : v >= 0.6 - 1e-12 ? 1 : 2; }

class Builder {
public:
    explicit Builder(SummaryPlan& p) : p_(p) {}

    int add(std::vector<SummaryCell> r) {
        r.resize(SummaryPlan::width);
        p_.rows.push_back(std::move(r));
        return static_cast<int>(p_.rows.size()) - 1;
    }

    // A group's counts, then its objectives per status.
    int line(SummaryCell first, const SummaryRow& r) {
        std::vector<SummaryCell> out{std::move(first), number(r.objectives), number(r.assessed), number(r.met),
                                     r.assessed ? number(r.pct_met()) : SummaryCell{},
                                     r.mean_attainment ? number(*r.mean_attainment) : SummaryCell{},
                                     number(r.not_assessable)};
        for (int n : r.statuses) out.push_back(number(n));
        const int at = add(std::move(out));
        if (r.assessed) p_.lights.push_back({at, 4, level_of(r.pct_met())});
        if (r.mean_attainment) p_.lights.push_back({at, 5, level_of(*r.mean_attainment)});
        return at;
    }

    void table(const SummaryTable& t, const SummaryRow& total, const std::optional<Date>& as_of) {
        std::vector<SummaryCell> above(SummaryPlan::status_first_col);
        above.push_back(as_of ? phrase("cmd_status_at", {format_date(*as_of)}) : phrase("cmd_status_heading"));
        p_.bold_rows.push_back(add(std::move(above)));
        const SummaryLabel by = t.by == Column::cdr ? SummaryLabel::by_cdr
                                : t.by == Column::mission ? SummaryLabel::by_mission
                                : t.by == Column::programme ? SummaryLabel::by_programme
                                                            : SummaryLabel::by_strategic;
        std::vector<SummaryCell> heading{label(by), label(SummaryLabel::objectives), label(SummaryLabel::assessed),
                                         label(SummaryLabel::met), label(SummaryLabel::pct_met), label(SummaryLabel::mean),
                                         label(SummaryLabel::not_assessable)};
        for (std::size_t i = 0; i < status_count; ++i) heading.push_back(phrase(std::string(status_key(static_cast<Status>(i)))));
        const int head = add(std::move(heading));
        p_.bold_rows.push_back(head);
        int last = head;
        for (const SummaryRow& r : t.rows) last = line(r.group.empty() ? label(SummaryLabel::not_given) : text(r.group), r);
        if (t.by == Column::cdr && last > head) {
            p_.chart_first = head;
            p_.chart_last = last;
        }
        p_.bold_rows.push_back(line(label(SummaryLabel::total), total));
    }

    // Objectives left out, with their reason. Those left out only for want of a value after their
    // period are many on a plan without actuals: one line counts them.
    void left_out(const std::vector<ObjectiveResult>& objectives) {
        int without_value = 0;
        bool headed = false;
        for (const ObjectiveResult& o : objectives) {
            if (o.status != Status::non_valutabile) continue;
            if (o.why == NotAssessable::no_actual) {
                ++without_value;
                continue;
            }
            if (!headed) heading("cmd_left_out_heading", {"cmd_col_row", "cmd_col_objective", "cmd_by_cdr", "cmd_col_reason"});
            headed = true;
            add({number(o.row + 1), text(o.label), text(o.group[3]), reason(o)});
        }
        if (without_value) {
            add({});
            add({phrase("cmd_left_out_no_value", {std::to_string(without_value)})});
        }
    }

    void overrides(const std::vector<ObjectiveResult>& objectives) {
        bool headed = false;
        for (const ObjectiveResult& o : objectives)
            for (const ObjectiveResult::Override& v : o.overrides) {
                if (!headed)
                    heading("cmd_overrides_heading", {"cmd_col_row", "cmd_col_objective", "cmd_by_cdr", "", "cmd_col_validated",
                                                      "cmd_col_computed", "cmd_col_justification"});
                headed = true;
                add({number(v.row + 1), text(o.label), text(o.group[3]), {}, number(v.value),
                     v.computed ? number(*v.computed) : SummaryCell{}, text(v.note)});
            }
    }

private:
    void heading(const char* title, std::vector<const char*> columns) {
        add({});
        p_.bold_rows.push_back(add({phrase(title)}));
        std::vector<SummaryCell> row;
        for (const char* key : columns) row.push_back(*key ? phrase(key) : SummaryCell{});
        p_.bold_rows.push_back(add(std::move(row)));
    }

    static SummaryCell reason(const ObjectiveResult& o) {
        switch (o.why) {
        case NotAssessable::marked: return o.reason.empty() ? phrase("cmd_reason_marked") : text(o.reason);
        case NotAssessable::no_baseline: return phrase("cmd_reason_no_baseline");
        case NotAssessable::unreadable_target: return phrase("cmd_reason_unreadable_target");
        default: return phrase("cmd_reason_no_value");
        }
    }

    SummaryPlan& p_;
};

}  // namespace

SummaryPlan plan_summary(const SheetCheck& check, const Summary* workbook) {
    SummaryPlan p;
    p.plan_year = check.plan_year;
    p.weighted = check.col(Column::weight) >= 0;
    p.has_actual = check.col(Column::actual) >= 0;
    const Summary s = workbook ? *workbook : summarize(check);
    Builder b(p);
    b.add({label(SummaryLabel::title)});
    b.add({label(p.weighted ? SummaryLabel::legend_weighted : SummaryLabel::legend)});
    p.bold_rows.push_back(0);
    for (const SummaryTable& table : s.tables) {
        b.add({});
        b.table(table, s.total, check.as_of);
    }
    b.left_out(s.objectives);
    b.overrides(s.objectives);
    return p;
}

}  // namespace pegkit
