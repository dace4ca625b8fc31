#include "writers.hpp"

#include <boost/json/src.hpp>  // header-only Boost.JSON: this is its one translation unit

#include <cstdio>

namespace json = boost::json;

namespace pegkit::cli {
namespace {

json::value optional_number(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object statuses(const SummaryRow& r) {
    json::object o;
    for (std::size_t i = 0; i < status_count; ++i) o[status_code(static_cast<Status>(i))] = r.statuses[i];
    return o;
}

json::object summary_row(const SummaryRow& r) {
    return {{"group", r.group},          {"objectives", r.objectives},        {"assessed", r.assessed},
            {"met", r.met},              {"not_assessable", r.not_assessable}, {"pct_met", r.pct_met()},
            {"mean_attainment", optional_number(r.mean_attainment)}, {"statuses", statuses(r)}};
}

// Grid rows are sheet rows (file lines for a text file): 1-based here.
json::object objective_status(const ObjectiveResult& r) {
    return {{"row", r.row + 1},
            {"objective", r.label},
            {"cdr", r.group[3]},
            {"indicators", r.indicators},
            {"score", optional_number(r.score)},
            {"status", status_code(r.status)},
            {"reason_code", r.why == NotAssessable::none ? json::value(nullptr) : json::value(not_assessable_code(r.why))},
            {"reason", r.reason.empty() ? json::value(nullptr) : json::value(r.reason)}};
}

json::object scoring(const SheetReport& s) {
    json::array objectives, not_assessable, overrides;
    for (const ObjectiveResult& r : s.summary.objectives) {
        objectives.push_back(objective_status(r));
        if (r.status == Status::non_valutabile)
            not_assessable.push_back(json::object{{"row", r.row + 1}, {"objective", r.label},
                                                  {"reason_code", not_assessable_code(r.why)}, {"reason", r.reason}});
        for (const ObjectiveResult::Override& v : r.overrides)
            overrides.push_back(json::object{{"row", v.row + 1}, {"objective", r.label}, {"value", v.value},
                                             {"computed", optional_number(v.computed)}, {"note", v.note}});
    }
    std::string as_of;
    if (s.as_of) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", s.as_of->year, s.as_of->month, s.as_of->day);
        as_of = buf;
    }
    return {{"profile", s.profile},
            {"as_of", as_of.empty() ? json::value(nullptr) : json::value(as_of)},
            {"objectives", std::move(objectives)},
            {"not_assessable", std::move(not_assessable)},
            {"overrides", std::move(overrides)}};
}

const char* table_key(Column c) {
    switch (c) {
    case Column::cdr: return "cdr";
    case Column::mission: return "missione";
    case Column::programme: return "programma";
    case Column::strategic: return "obiettivo_strategico";
    default: return "other";
    }
}

json::object counts(const std::map<std::string, int>& m) {
    json::object o;
    for (const auto& [k, n] : m) o[k] = n;
    return o;
}

json::object severity_counts(const std::map<Severity, int>& m) {
    json::object o{{"error", 0}, {"warning", 0}, {"info", 0}};
    for (const auto& [s, n] : m) o[severity_name(s)] = n;
    return o;
}

json::object sheet(const SheetReport& s) {
    json::array findings;
    for (const FindingRow& f : s.findings) {
        json::array args(f.args.begin(), f.args.end());
        findings.push_back(json::object{{"row", f.row ? json::value(f.row) : json::value(nullptr)},
                                        {"column", f.column},
                                        {"header", f.header},
                                        {"field", f.field},
                                        {"severity", severity_name(f.severity)},
                                        {"code", f.code},
                                        {"message", f.message},
                                        {"args", std::move(args)}});
    }
    json::array roles;
    for (const SheetReport::Role& r : s.roles)
        roles.push_back(json::object{{"role", r.role}, {"column", r.column}, {"heading", r.heading},
                                     {"reason", r.reason}, {"year", r.year ? json::value(*r.year) : json::value(nullptr)}});
    json::object tables;
    for (const SummaryTable& t : s.summary.tables) {
        json::array rows;
        for (const SummaryRow& r : t.rows) rows.push_back(summary_row(r));
        tables[table_key(t.by)] = std::move(rows);
    }
    return {{"name", s.name},
            {"header_found", s.found},
            {"header_row", s.found ? json::value(s.header_row) : json::value(nullptr)},
            {"plan_year", s.plan_year ? json::value(*s.plan_year) : json::value(nullptr)},
            {"objectives", s.objectives},
            {"indicators", s.indicators},
            {"sections", s.sections},
            {"columns", std::move(roles)},
            {"counts", severity_counts(s.counts)},
            {"peg_kinds", counts(s.peg_kinds)},
            {"dup_kinds", counts(s.dup_kinds)},
            {"findings", std::move(findings)},
            {"summary", json::object{{"total", summary_row(s.summary.total)}, {"tables", std::move(tables)}}},
            {"scoring", scoring(s)}};
}

// Streams {"files":[…],"totals":{…}}: each file is printed when it is done.
class JsonWriter : public Writer {
public:
    explicit JsonWriter(std::ostream& out) : out_(out) { out_ << "{\"tool\":\"pegkit-check\",\"files\":[\n"; }
    void file(const FileReport& f) override {
        json::array sheets;
        for (const SheetReport& s : f.sheets) sheets.push_back(sheet(s));
        json::array notes(f.notes.begin(), f.notes.end());
        json::object o{{"path", f.path},
                       {"format", f.format},
                       {"status", f.status == FileStatus::checked ? "checked" : "unreadable"},
                       {"error", f.error.empty() ? json::value(nullptr) : json::value(f.error)},
                       {"notes", std::move(notes)},
                       {"sheets", std::move(sheets)}};
        out_ << (first_ ? "" : ",\n") << json::serialize(o);
        first_ = false;
    }
    void end(const Totals& t) override {
        json::object totals{{"files", t.files},         {"unreadable", t.unreadable},
                            {"sheets", t.sheets},       {"objectives", t.objectives},
                            {"counts", severity_counts(t.counts)}, {"office_starts", t.office_starts},
                            {"exit_status", t.exit_status()},
                            {"stopped", t.stopped.empty() ? json::value(nullptr) : json::value(t.stopped)}};
        out_ << "\n],\"totals\":" << json::serialize(totals) << "}\n";
        out_.flush();
    }

private:
    std::ostream& out_;
    bool first_ = true;
};

}  // namespace

std::unique_ptr<Writer> json_writer(std::ostream& out, const Options&) { return std::make_unique<JsonWriter>(out); }

}  // namespace pegkit::cli
