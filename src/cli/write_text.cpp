#include "writers.hpp"

#include "clean.hpp"

#include <cstdio>

namespace pegkit::cli {
namespace {

struct Words {
    const char* severity[3];  // info, warning, error
    const char* plural[3];
    const char* objectives;
    const char* plan_year;
    const char* header_row;
    const char* no_header;
    const char* unreadable;
    const char* total;
    const char* files;
    const char* sheets;
    const char* by[4];        // strategic, mission, programme, cdr
    const char* columns;      // summary table heading
    const char* not_assessed;
    const char* stopped;      // the batch ended before its last file
};

const Words italian = {{"informazione", "avviso", "errore"}, {"informazioni", "avvisi", "errori"}, "obiettivi", "anno del piano", "intestazione alla riga",
                       "nessuna intestazione PEG", "illeggibile", "Totale", "file", "fogli",
                       {"Obiettivo strategico", "Missione", "Programma", "CdR"},
                       "obiettivi  valutati  raggiunti  media", "non valutato", "controllo interrotto"};
const Words english = {{"info", "warning", "error"}, {"info", "warnings", "errors"}, "objectives", "plan year", "header on row", "no PEG header",
                       "unreadable", "Total", "files", "sheets",
                       {"Strategic objective", "Mission", "Programme", "CdR"},
                       "objectives  assessed  met  mean", "not assessed", "check stopped"};

std::string percent(const std::optional<double>& v, const Words& w) {
    if (!v) return w.not_assessed;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", *v * 100);
    return buf;
}

class TextWriter : public Writer {
public:
    TextWriter(std::ostream& out, const Options& o)
        : out_(out), w_(o.report.lang == Lang::en ? english : italian), lang_(o.report.lang), summary_(o.summary) {}

    void file(const FileReport& f) override {
        if (f.status == FileStatus::unreadable) {
            out_ << f.path << ": " << w_.unreadable << ": " << f.error << "\n\n";
            return;
        }
        for (const std::string& note : f.notes) out_ << f.path << ": " << note << '\n';
        for (const SheetReport& s : f.sheets) sheet(f.path + (s.name.empty() ? "" : "[" + s.name + "]"), s);
        out_ << '\n';
    }

    void end(const Totals& t) override {
        out_ << w_.total << ": " << t.files << ' ' << w_.files;
        if (t.unreadable) out_ << " (" << t.unreadable << ' ' << w_.unreadable << ')';
        out_ << ", " << t.sheets << ' ' << w_.sheets << ", " << t.objectives << ' ' << w_.objectives << "; "
             << counts(t.counts) << '\n';
        if (!t.stopped.empty()) out_ << w_.stopped << ": " << t.stopped << '\n';
        out_.flush();
    }

private:
    std::string counts(const std::map<Severity, int>& m) const {
        std::string s;
        for (Severity sev : {Severity::error, Severity::warning, Severity::info}) {
            const auto it = m.find(sev);
            s += (s.empty() ? "" : ", ") + std::string(w_.plural[static_cast<int>(sev)]) + ": " +
                 std::to_string(it == m.end() ? 0 : it->second);
        }
        return s;
    }

    void sheet(const std::string& where, const SheetReport& s) {
        out_ << where << ": ";
        if (s.found) {
            out_ << s.objectives << ' ' << w_.objectives << ", " << w_.header_row << ' ' << s.header_row;
            if (s.plan_year) out_ << ", " << w_.plan_year << ' ' << *s.plan_year;
        } else {
            out_ << w_.no_header;
        }
        out_ << '\n';
        for (const FindingRow& r : s.findings) {
            out_ << where << ':';
            if (r.row) out_ << r.row << ':';
            if (!r.column.empty()) out_ << r.column << ':';
            out_ << ' ' << w_.severity[static_cast<int>(r.severity)] << ": ";
            if (!r.field.empty() || !r.header.empty()) out_ << '[' << (r.field.empty() ? r.header : r.field) << "] ";
            out_ << r.message << '\n';
        }
        out_ << where << ": " << counts(s.counts) << '\n';
        if (!summary_ || !s.found) return;
        for (const SummaryTable& t : s.summary.tables) {
            out_ << "  " << by_name(t.by) << ": " << w_.columns << '\n';
            for (const SummaryRow& r : t.rows) row(r.group.empty() ? "-" : r.group, r);
        }
        row(w_.total, s.summary.total);
        standing(s);
    }

    // Statuses of the whole sheet, then the objectives left out and the overrides, each with its note.
    void standing(const SheetReport& s) {
        const bool it = lang_ == Lang::it;
        out_ << "  " << (it ? "Stato" : "Status");
        for (std::size_t i = 0; i < status_count; ++i)
            out_ << (i ? ", " : ": ") << status_label(static_cast<Status>(i), lang_) << ' ' << s.summary.total.statuses[i];
        out_ << '\n';
        for (const ObjectiveResult& r : s.summary.objectives) {
            if (r.why == NotAssessable::marked)
                out_ << "    " << status_label(Status::non_valutabile, lang_) << ' ' << (it ? "riga " : "row ") << r.row + 1
                     << " «" << shortened(r.label, 60) << "»: " << r.reason << '\n';
            for (const ObjectiveResult::Override& v : r.overrides)
                out_ << "    " << (it ? "valore validato, riga " : "validated value, row ") << v.row + 1 << ": "
                     << percent(v.value, w_) << " (" << (it ? "calcolato " : "computed ") << percent(v.computed, w_)
                     << "): " << v.note << '\n';
        }
    }

    const char* by_name(Column c) const {
        switch (c) {
        case Column::strategic: return w_.by[0];
        case Column::mission: return w_.by[1];
        case Column::programme: return w_.by[2];
        default: return w_.by[3];
        }
    }

    void row(const std::string& label, const SummaryRow& r) {
        out_ << "    " << label << ": " << r.objectives << "  " << r.assessed << "  " << r.met << "  "
             << percent(r.mean_attainment, w_) << '\n';
    }

    std::ostream& out_;
    const Words& w_;
    Lang lang_;
    bool summary_;
};

}  // namespace

std::unique_ptr<Writer> text_writer(std::ostream& out, const Options& o) { return std::make_unique<TextWriter>(out, o); }

}  // namespace pegkit::cli
