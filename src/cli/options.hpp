#pragma once
// pegkit-check's command line.
#include "columns.hpp"
#include "report.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pegkit::cli {

enum class Format { text, json, csv };

struct Options {
    std::vector<std::string> inputs;   // files and folders as given
    Format format = Format::text;
    ReportOptions report;
    SheetOptions sheet;                // plan year, rules and the profile, the as-of date
    bool as_of_given = false;          // --as-of: wins over the document's own (pegkit.as_of)
    // The scoring profile as text, in the order its parts win: the --config rule first, then the
    // document's pegkit.profile, then --profile FILE and --rule (one parser: later entries win).
    std::string profile_before_document, profile_after_document;
    std::optional<ColumnChoice> columns;  // --columns: which column is which, on every sheet (wins over the document's)
    std::string office;                // "socket,host=…,port=…" of a running office; empty: start one
    std::size_t max_rows = 100000;     // 0: no limit
    std::size_t max_cells = 5000000;   // rows × columns of one table; 0: no limit
    int timeout = 120;                 // seconds the office may spend on one document
    bool progress = false;
    bool verbose = false;
    bool summary = false;              // text: the summary tables too
    bool statuses = false;             // csv: one line per objective (score, status, reason) instead of per finding
    bool dump_grid = false;            // print each sheet as read (TSV) instead of checking it
    std::string pdf_dir;               // --pdf: each file's summary sheet as a PDF in this folder
};

// Parses argv. On --help, a usage error or a bad value, prints what is needed and sets `exit`.
struct ParsedOptions {
    Options options;
    std::optional<int> exit;
};
ParsedOptions parse_options(int argc, const char* const* argv);

}  // namespace pegkit::cli
