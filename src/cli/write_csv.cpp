#include "writers.hpp"

#include <cstdio>

namespace pegkit::cli {

std::string csv_field(std::string_view text) {
    std::string s;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
        s += '\'';
    s += text;
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string quoted = "\"";
    for (char c : s) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted += '"';
}

namespace {

class CsvWriter : public Writer {
public:
    CsvWriter(std::ostream& out, bool statuses) : out_(out), statuses_(statuses) {
        out_ << (statuses ? "file,sheet,row,cdr,objective,indicators,score,status,reason_code,reason,override,override_note\r\n"
                          : "file,sheet,row,column,header,field,severity,code,message\r\n");
    }
    void file(const FileReport& f) override {
        if (statuses_) return objectives(f);
        if (f.status == FileStatus::unreadable) {
            line(f.path, "", "", "", "", "", "error", "unreadable", f.error);
            return;
        }
        for (const SheetReport& s : f.sheets)
            for (const FindingRow& r : s.findings)
                line(f.path, s.name, r.row ? std::to_string(r.row) : "", r.column, r.header, r.field,
                     std::string(severity_name(r.severity)), r.code, r.message);
    }
    void end(const Totals&) override { out_.flush(); }

    // One line per objective; an unreadable file is one line with the reason.
    void objectives(const FileReport& f) {
        if (f.status == FileStatus::unreadable) {
            out_ << csv_field(f.path) << ",,,,,,,," << "unreadable," << csv_field(f.error) << ",,\r\n";
            return;
        }
        for (const SheetReport& s : f.sheets)
            for (const ObjectiveResult& r : s.summary.objectives) {
                std::string value, note;
                for (const ObjectiveResult::Override& v : r.overrides) {
                    value += (value.empty() ? "" : "; ") + number(v.value);
                    note += (note.empty() ? "" : "; ") + v.note;
                }
                out_ << csv_field(f.path) << ',' << csv_field(s.name) << ',' << r.row + 1 << ',' << csv_field(r.group[3]) << ','
                     << csv_field(r.label) << ',' << r.indicators << ',' << (r.score ? number(*r.score) : "") << ','
                     << status_code(r.status) << ',' << not_assessable_code(r.why) << ',' << csv_field(r.reason) << ','
                     << value << ',' << csv_field(note) << "\r\n";
            }
    }

    static std::string number(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", v);
        return buf;
    }

private:
    void line(std::string_view file, std::string_view sheet, std::string_view row, std::string_view column,
              std::string_view header, std::string_view field, std::string_view severity, std::string_view code, std::string_view message) {
        out_ << csv_field(file) << ',' << csv_field(sheet) << ',' << row << ',' << column << ',' << csv_field(header)
             << ',' << csv_field(field) << ',' << severity << ',' << code << ',' << csv_field(message) << "\r\n";
    }
    std::ostream& out_;
    bool statuses_;
};

}  // namespace

std::unique_ptr<Writer> csv_writer(std::ostream& out, const Options& o) { return std::make_unique<CsvWriter>(out, o.statuses); }

}  // namespace pegkit::cli
