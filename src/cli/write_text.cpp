#include "writers.hpp"

#include "catalogue.hpp"
#include "clean.hpp"

#include <cstdio>

namespace pegkit::cli {
namespace {

// The report's words are the catalogue's (src/core/catalogue.cpp), in the order of Severity.
constexpr std::string_view severity_keys[3] = {"cli_info_word", "cmd_warning_word", "cmd_error_word"};
constexpr std::string_view plural_keys[3] = {"cli_infos", "cli_warnings", "cli_errors"};

std::string percent(const std::optional<double>& v, Lang lang) {
    if (!v) return std::string(phrase("cli_not_assessed", lang));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", *v * 100);
    return buf;
}

class TextWriter : public Writer {
public:
    TextWriter(std::ostream& out, const Options& o)
        : out_(out), lang_(o.report.lang), summary_(o.summary) {}

    void file(const FileReport& f) override {
        if (f.status == FileStatus::unreadable) {
            out_ << f.path << ": " << word("cli_unreadable") << ": " << f.error << "\n\n";
            return;
        }
        for (const std::string& note : f.notes) out_ << f.path << ": " << note << '\n';
        for (const SheetReport& s : f.sheets) sheet(f.path + (s.name.empty() ? "" : "[" + s.name + "]"), s);
        out_ << '\n';
    }

    void end(const Totals& t) override {
        out_ << word("cmd_total") << ": " << t.files << ' ' << word("cli_files");
        if (t.unreadable) out_ << " (" << t.unreadable << ' ' << word("cli_unreadable") << ')';
        out_ << ", " << t.sheets << ' ' << word("cli_sheets") << ", " << t.objectives << ' ' << word("cli_objectives")
             << "; " << counts(t.counts) << '\n';
        if (!t.stopped.empty()) out_ << word("cli_stopped") << ": " << t.stopped << '\n';
        out_.flush();
    }

private:
    std::string counts(const std::map<Severity, int>& m) const {
        std::string s;
        for (Severity sev : {Severity::error, Severity::warning, Severity::info}) {
            const auto it = m.find(sev);
            s += (s.empty() ? "" : ", ") + std::string(word(plural_keys[static_cast<int>(sev)])) + ": " +
                 std::to_string(it == m.end() ? 0 : it->second);
        }
        return s;
    }

    void sheet(const std::string& where, const SheetReport& s) {
        out_ << where << ": ";
        if (s.found) {
            out_ << s.objectives << ' ' << word("cli_objectives") << ", " << word("cli_header_row") << ' ' << s.header_row;
            if (s.plan_year) out_ << ", " << word("cli_plan_year") << ' ' << *s.plan_year;
        } else {
            out_ << word("cli_no_header");
        }
        out_ << '\n';
        for (const FindingRow& r : s.findings) {
            out_ << where << ':';
            if (r.row) out_ << r.row << ':';
            if (!r.column.empty()) out_ << r.column << ':';
            out_ << ' ' << word(severity_keys[static_cast<int>(r.severity)]) << ": ";
            if (!r.field.empty() || !r.header.empty()) out_ << '[' << (r.field.empty() ? r.header : r.field) << "] ";
            out_ << r.message << '\n';
        }
        out_ << where << ": " << counts(s.counts) << '\n';
        if (!summary_ || !s.found) return;
        for (const SummaryTable& t : s.summary.tables) {
            out_ << "  " << word(by_key(t.by)) << ": " << word("cli_summary_columns") << '\n';
            for (const SummaryRow& r : t.rows) row(r.group.empty() ? "-" : r.group, r);
        }
        row(std::string(word("cmd_total")), s.summary.total);
        standing(s);
    }

    // Statuses of the whole sheet, then the objectives left out and the overrides, each with its note.
    void standing(const SheetReport& s) {
        out_ << "  " << word("cli_status");
        for (std::size_t i = 0; i < status_count; ++i)
            out_ << (i ? ", " : ": ") << status_label(static_cast<Status>(i), lang_) << ' ' << s.summary.total.statuses[i];
        out_ << '\n';
        for (const ObjectiveResult& r : s.summary.objectives) {
            if (r.why == NotAssessable::marked)
                out_ << "    "
                     << say("cli_marked_row", lang_, {std::to_string(r.row + 1), shortened(r.label, 60), r.reason}) << '\n';
            for (const ObjectiveResult::Override& v : r.overrides)
                out_ << "    "
                     << say("cli_override_row", lang_,
                            {std::to_string(v.row + 1), percent(v.value, lang_), percent(v.computed, lang_), v.note})
                     << '\n';
        }
    }

    static std::string_view by_key(Column c) {
        switch (c) {
        case Column::strategic: return "cmd_by_strategic";
        case Column::mission: return "cmd_by_mission";
        case Column::programme: return "cmd_by_programme";
        default: return "cmd_by_cdr";
        }
    }

    std::string_view word(std::string_view key) const { return phrase(key, lang_); }

    void row(const std::string& label, const SummaryRow& r) {
        out_ << "    " << label << ": " << r.objectives << "  " << r.assessed << "  " << r.met << "  "
             << percent(r.mean_attainment, lang_) << '\n';
    }

    std::ostream& out_;
    Lang lang_;
    bool summary_;
};

}  // namespace

std::unique_ptr<Writer> text_writer(std::ostream& out, const Options& o) { return std::make_unique<TextWriter>(out, o); }

}  // namespace pegkit::cli
