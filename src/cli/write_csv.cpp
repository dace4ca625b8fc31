#include "writers.hpp"

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
    explicit CsvWriter(std::ostream& out) : out_(out) {
        out_ << "file,sheet,row,column,header,field,severity,code,message\r\n";
    }
    void file(const FileReport& f) override {
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

private:
    void line(std::string_view file, std::string_view sheet, std::string_view row, std::string_view column,
              std::string_view header, std::string_view field, std::string_view severity, std::string_view code, std::string_view message) {
        out_ << csv_field(file) << ',' << csv_field(sheet) << ',' << row << ',' << column << ',' << csv_field(header)
             << ',' << csv_field(field) << ',' << severity << ',' << code << ',' << csv_field(message) << "\r\n";
    }
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> csv_writer(std::ostream& out, const Options&) { return std::make_unique<CsvWriter>(out); }

}  // namespace pegkit::cli
