// The summary sheet's cells (plan.hpp: SummaryPlan): the group tables, then the objectives left
// out and the overrides. Words are labels or catalogue keys, put in the UI language by the front end.
#include "plan.hpp"
#include "status.hpp"
#include "reading.hpp"
#include "short_label.hpp"
#include "summary_cell.hpp"

namespace pegkit {
namespace {

using namespace summary_cell;

int level_of(double v) { return v >= 0.9 - 1e-12 ? 0 : v >= 0.6 - 1e-12 ? 1 : 2; }

// An attainment's colour: under a profile with bands, the band it falls in (the first red, the
// last green, those between amber; below the first red, above the last green); else 90 % / 60 %.
int attainment_level(double v, const Scoring& s) {
    if (s.bands.empty()) return level_of(v);
    const double pct = v * 100;
    if (pct < s.bands.front().from - 1e-9) return 2;
    std::size_t i = 0;
    while (i + 1 < s.bands.size() && pct >= s.bands[i + 1].from - 1e-9) ++i;
    return i + 1 == s.bands.size() ? 0 : i == 0 ? 2 : 1;
}

// "0–60% | 60–90% | 90–100%": the bands as the legend lists them.
std::string bands_text(const Scoring& s) {
    std::string out;
    for (const Band& b : s.bands)
        out += (out.empty() ? "" : " | ") + reading::format_number(b.from, 2) + "–" + reading::format_number(b.to, 2) + "%";
    return out;
}

class Builder {
public:
    Builder(SummaryPlan& p, const Scoring& scoring) : p_(p), scoring_(scoring) {}

    int add(std::vector<SummaryCell> r) { return add_row(p_, std::move(r)); }

    // A group's counts, then its objectives per status.
    int line(SummaryCell first, const SummaryRow& r) {
        std::vector<SummaryCell> out{std::move(first), number(r.objectives), number(r.assessed), number(r.met),
                                     r.assessed ? number(r.pct_met()) : SummaryCell{},
                                     r.mean_attainment ? number(*r.mean_attainment) : SummaryCell{},
                                     number(r.not_assessable)};
        for (int n : r.statuses) out.push_back(number(n));
        const int at = add(std::move(out));
        if (r.assessed) p_.lights.push_back({at, 4, level_of(r.pct_met())});
        if (r.mean_attainment) p_.lights.push_back({at, 5, attainment_level(*r.mean_attainment, scoring_)});
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
        const std::vector<SummaryCell> status_row = p_.rows.back();
        const int head = add(heading);
        p_.bold_rows.push_back(head);
        int last = head, box = head, on_page = 0;
        for (const SummaryRow& r : t.rows) {
            if (on_page++ == SummaryPlan::rows_per_page) {
                // longer than a page: the headings again at the top of the next (Calc repeats
                // only the Relazione's, docs/decisions.md "Printed headings")
                p_.boxes.push_back({box, last, SummaryPlan::printed_width - 1});
                const int again = add(status_row);
                p_.bold_rows.push_back(again);
                p_.page_breaks.push_back(again);
                box = add(heading);
                p_.bold_rows.push_back(box);
                on_page = 1;
            }
            last = line(r.group.empty() ? label(SummaryLabel::not_given) : text(r.group), r);
        }
        if (t.by == Column::cdr && !t.rows.empty()) chart_labels(t, head);
        const int end = line(label(SummaryLabel::total), total);
        p_.bold_rows.push_back(end);
        p_.boxes.push_back({box, end, SummaryPlan::printed_width - 1});
        p_.percent.push_back({head + 1, 4, end, 5});
    }

    // Beside the CdR table, from its heading row down, the chart's data: what its bars are called
    // (the code and a shortened label) and their means, coloured as in the table. One block
    // without gaps, also when the table repeats its headings over pages.
    void chart_labels(const SummaryTable& t, int head) {
        std::vector<std::string> groups;
        for (const SummaryRow& r : t.rows) groups.push_back(r.group);
        const std::vector<std::string> shown = short_labels(groups);
        const auto col = std::size_t(SummaryPlan::chart_label_col);
        p_.chart_first = head;
        p_.chart_last = head + int(t.rows.size());
        while (int(p_.rows.size()) <= p_.chart_last) add({});
        p_.rows[std::size_t(head)][col] = label(SummaryLabel::chart_label);
        p_.rows[std::size_t(head)][col + 1] = label(SummaryLabel::mean);
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const SummaryRow& r = t.rows[i];
            const int at = head + 1 + int(i);
            auto& row = p_.rows[std::size_t(at)];
            row[col] = r.group.empty() ? label(SummaryLabel::not_given) : text(shown[i]);
            if (r.mean_attainment) {
                row[col + 1] = number(*r.mean_attainment);
                p_.lights.push_back({at, int(col) + 1, attainment_level(*r.mean_attainment, scoring_)});
            }
        }
        p_.percent.push_back({head + 1, int(col) + 1, p_.chart_last, int(col) + 1});
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
                const int at = add({text(o.label), number(v.row + 1), text(o.group[3]), {}, number(v.value),
                                    v.computed ? number(*v.computed) : SummaryCell{}, text(v.note)});
                p_.boxes.back().last_row = at;
                p_.percent.push_back({at, 4, at, 5});
            }
    }

    // A card per CdR (the individual performance's input): its objectives with their weight,
    // score and share of the weighted score, which add up to the CdR's mean attainment.
    void scorecards(const Summary& s) {
        const SummaryTable* cdr = nullptr;
        for (const SummaryTable& t : s.tables)
            if (t.by == Column::cdr) cdr = &t;
        if (!cdr) return;
        // each CdR's objectives in sheet order, gathered once (a sheet may have thousands of each)
        std::vector<std::vector<const ObjectiveResult*>> of(cdr->rows.size());
        for (const ObjectiveResult& o : s.objectives)
            if (o.cdr >= 0 && std::size_t(o.cdr) < of.size()) of[std::size_t(o.cdr)].push_back(&o);
        int listed = 0;
        for (std::size_t g = 0; g < cdr->rows.size(); ++g) {
            const SummaryRow& row = cdr->rows[g];
            double weights = 0;
            for (const ObjectiveResult* o : of[g])
                if (o->score) weights += o->weight.value_or(1.0);
            add({});
            const int title = add({phrase("cmd_scorecard_heading", {row.group.empty() ? std::string("—") : row.group})});
            p_.bold_rows.push_back(title);
            p_.page_breaks.push_back(title);
            // the attainment in the wide column the group tables' mean uses (its heading fits whole)
            const int head = add({phrase("cmd_col_objective"), phrase("cmd_col_row"), phrase("cmd_col_weight"),
                                  phrase("cli_status"), phrase("cmd_col_share"), phrase("cmd_col_attainment")});
            p_.bold_rows.push_back(head);
            int more = 0;
            for (const ObjectiveResult* item : of[g]) {
                const ObjectiveResult& o = *item;
                if (++listed > SummaryPlan::max_listed) {
                    ++more;  // in the total all the same
                    continue;
                }
                const double w = o.weight.value_or(1.0);
                add({text(o.label), number(o.row + 1), number(w), phrase(std::string(status_key(o.status))),
                     o.score && weights > 0 ? number(w * *o.score / weights) : SummaryCell{},
                     o.score ? number(*o.score) : SummaryCell{}});
            }
            if (more) add({phrase("cmd_scorecard_more", {std::to_string(more)})});
            const int end = add({phrase("cmd_scorecard_total"), {}, number(weights), {}, {},
                                 row.mean_attainment ? number(*row.mean_attainment) : SummaryCell{}});  // = the shares' sum
            p_.bold_rows.push_back(end);
            p_.boxes.push_back({head, end, 5, true});
            p_.percent.push_back({head + 1, 4, end, 5});
            if (row.mean_attainment) p_.lights.push_back({end, 5, attainment_level(*row.mean_attainment, scoring_)});
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

    static SummaryCell reason(const ObjectiveResult& o) { return summary_cell::reason(o.why, o.reason); }

    SummaryPlan& p_;
    const Scoring& scoring_;
    int tables_ = 0, lists_ = 0;
};

}  // namespace

SummaryPlan plan_summary(const SheetCheck& check, const Summary* workbook, const Grid* grid) {
    SummaryPlan p;
    p.plan_year = check.plan_year;
    p.weighted = check.col(Column::weight) >= 0;
    p.has_actual = check.col(Column::actual) >= 0;
    const Summary s = workbook ? *workbook : summarize(check);
    Builder b(p, check.scoring);
    b.add({label(SummaryLabel::title)});
    if (check.scoring.bands.empty()) b.add({label(p.weighted ? SummaryLabel::legend_weighted : SummaryLabel::legend)});
    else b.add({phrase(p.weighted ? "cmd_summary_legend_bands_weighted" : "cmd_summary_legend_bands", {bands_text(check.scoring)})});
    p.bold_rows.push_back(0);
    for (const SummaryTable& table : s.tables) {
        b.add({});
        b.table(table, s.total, check.as_of);
        // a short CdR table: blank rows below it, so that the chart beside it fits above the next page
        if (table.by == Column::cdr && p.chart_first >= 0)
            while (int(p.rows.size()) < SummaryPlan::chart_rows(p.chart_last - p.chart_first)) b.add({});
    }
    b.left_out(s.objectives);
    b.overrides(s.objectives);
    b.scorecards(s);
    if (grid) add_relazione(p, *grid, check);
    return p;
}

}  // namespace pegkit
