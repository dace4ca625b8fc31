#pragma once
// .ods and .xlsx through one headless LibreOffice, started on first use and stopped at the end
// (or a running office named with --office). Built without the SDK, it says so for each file.
#include "plan.hpp"
#include "sheet.hpp"

#include <memory>
#include <string>
#include <vector>

namespace pegkit::cli {

struct OfficeSheet {
    std::string name;
    Grid grid;
    int first_row = 0, first_col = 0;  // where grid cell (0,0) lies on the sheet
    std::string columns;               // the user's column choice stored in the document for this sheet
    std::vector<MarkedRow> not_assessable;  // objectives marked not assessable in the panel (grid rows)
};

struct OfficeRead {
    std::vector<OfficeSheet> sheets;
    std::string profile;  // the scoring profile stored in the document (pegkit.profile), "" for none
    std::string as_of;    // the document's as-of date (pegkit.as_of), "" for none
    std::string error;   // the document could not be read
    explicit operator bool() const { return error.empty(); }
};

struct OfficeConfig {
    std::string connect;      // "socket,host=…,port=…" of a running office; empty: start our own
    int timeout = 120;        // seconds for one document before the office is killed and restarted
    std::size_t max_rows = 0; // larger sheets are refused (0: no limit)
    std::size_t max_cells = 0; // sheets of more cells (used rows × used columns) are refused before they are read (0: no limit)
    Lang lang = Lang::it;     // of the reasons in OfficeRead::error
    bool verbose = false;
};

class OfficeSession {
public:
    explicit OfficeSession(OfficeConfig config);
    ~OfficeSession();  // terminates the office we started (killed after a timeout), removes its profile
    OfficeSession(const OfficeSession&) = delete;
    OfficeSession& operator=(const OfficeSession&) = delete;

    // Every sheet of the document, hidden, read-only, macros off, links not updated.
    OfficeRead read(const std::string& path);
    // `plan` as a summary sheet named after `plan_sheet`, in a new hidden document of the office,
    // stored as the PDF `path`, as the sidebar's Export PDF prints it. Returns why not, "" when done.
    std::string write_pdf(const SummaryPlan& plan, const std::string& plan_sheet, const std::string& path);
    int starts() const;            // offices started so far
    static bool available();       // false when built without the LibreOffice SDK
    static int interrupted_by();   // the signal (SIGINT, SIGTERM, SIGHUP) that asked us to stop, or 0

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pegkit::cli
