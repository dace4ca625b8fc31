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
        const int first = add(std::move(above));
        p_.bold_rows.push_back(first);
        if (tables_++) p_.page_breaks.push_back(first);
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
        const int end = line(label(SummaryLabel::total), total);
        p_.bold_rows.push_back(end);
        p_.boxes.push_back({head, end, SummaryPlan::width - 1});
    }

    // Objectives left out, with their reason; the objective first, in the wide column. Those left out only for want of a value after their
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
            if (!headed) heading("cmd_left_out_heading", {"cmd_col_objective", "cmd_col_row", "cmd_by_cdr", "cmd_col_reason"});
            headed = true;
            p_.boxes.back().last_row = add({text(o.label), number(o.row + 1), text(o.group[3]), reason(o)});
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
                    heading("cmd_overrides_heading", {"cmd_col_objective", "cmd_col_row", "cmd_by_cdr", "", "cmd_col_validated",
                                                      "cmd_col_computed", "cmd_col_justification"});
                headed = true;
                p_.boxes.back().last_row = add({text(o.label), number(v.row + 1), text(o.group[3]), {}, number(v.value),
                                                v.computed ? number(*v.computed) : SummaryCell{}, text(v.note)});
            }
    }

private:
    void heading(const char* title, std::vector<const char*> columns) {
        add({});
        const int at = add({phrase(title)});
        p_.bold_rows.push_back(at);
        if (!lists_++) p_.page_breaks.push_back(at);  // the lists together, after the tables
        std::vector<SummaryCell> row;
        for (const char* key : columns) row.push_back(*key ? phrase(key) : SummaryCell{});
        const int head = add(std::move(row));
        p_.bold_rows.push_back(head);
        p_.boxes.push_back({head, head, int(columns.size()) - 1, true});
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
    int tables_ = 0, lists_ = 0;
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
