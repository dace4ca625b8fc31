#pragma once
// What pegkit-check found in one file: small values, built as soon as a sheet is checked so that
// no Grid outlives its file. The writers (text, JSON, CSV) only print these.
#include "diagnostic.hpp"
#include "plan.hpp"
#include "sheet.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace pegkit::cli {

struct FindingRow {
    int row = 0;             // 1-based sheet row (the line of a text file); 0 for the whole sheet
    std::string column;      // column letter ("L"), empty for the whole sheet
    std::string header;      // the sheet's header cell ("Target"), as its author wrote it
    std::string field;       // the core's column name ("Target (PEG)"): unambiguous
    Severity severity = Severity::error;
    std::string code;        // code_name(): stable for scripts
    std::string message;     // in the chosen language
    std::vector<std::string> args;
};

struct SheetReport {
    std::string name;                  // the sheet's name; empty for a text file
    bool found = false;                // a PEG header was found
    int header_row = 0;                // 1-based, 0 when not found
    std::optional<int> plan_year;
    int objectives = 0;                // distinct objectives (an objective may span several indicator rows)
    int indicators = 0;                // indicator rows
    int sections = 0;                  // section rows that set a group ("SETTORE 2 - ...")
    struct Role {
        std::string role, column, heading, reason;  // "target", "J", "Target 2024", "plan_year"
        std::optional<int> year;
    };
    std::vector<Role> roles;           // which column got which role, and why
    std::vector<FindingRow> findings;  // those at or above the chosen severity, in sheet order
    std::map<Severity, int> counts;    // every finding, whatever was printed
    std::map<std::string, int> peg_kinds, dup_kinds;
    Summary summary;                   // with each objective's score and status (Summary::objectives)
    std::string profile;               // the profile the sheet was scored with (format_profile; "" the defaults)
    std::optional<Date> as_of;
    std::optional<SummaryPlan> summary_plan;  // the summary sheet's cells, when asked for (--pdf)
};

enum class FileStatus { checked, unreadable };

struct FileReport {
    std::string path;
    std::string format;                // "tsv", "csv", "ods", "xlsx"
    FileStatus status = FileStatus::checked;
    std::string error;                 // why it could not be read (status unreadable)
    std::vector<std::string> notes;    // e.g. "read as Windows-1252"
    std::vector<SheetReport> sheets;
    int errors() const;
};

struct Totals {
    int files = 0, unreadable = 0, sheets = 0, objectives = 0;
    std::map<Severity, int> counts;
    int office_starts = 0;
    std::string stopped;  // why the batch ended before its last file (interrupted, an error); empty otherwise
    void add(const FileReport& f);
    int exit_status() const { return unreadable ? 2 : counts.count(Severity::error) && counts.at(Severity::error) ? 1 : 0; }
};

struct ReportOptions {
    Lang lang = Lang::it;
    Severity min_severity = Severity::warning;
    bool summary_plan = false;  // keep each sheet's summary sheet plan (--pdf)
};

// Checks one sheet and keeps what the report needs. Grid rows are sheet rows (or file lines).
SheetReport check_grid(std::string name, const Grid& grid, const SheetOptions& options, const ReportOptions& report);


// Runs `check` on one file: whatever it throws (std::bad_alloc from a table too large for the
// memory, a bug) becomes that file's unreadable report, in `lang`, and the batch goes on.
FileReport guarded_check(const std::string& path, const std::string& format, Lang lang,
                         const std::function<FileReport()>& check);

}  // namespace pegkit::cli
