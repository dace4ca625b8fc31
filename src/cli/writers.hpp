#pragma once
// The three reports. A writer prints each file as soon as it is checked, so a batch of any size
// needs no more memory than its largest file.
#include "options.hpp"
#include "report.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace pegkit::cli {

class Writer {
public:
    virtual ~Writer() = default;
    virtual void file(const FileReport& f) = 0;
    virtual void end(const Totals& totals) = 0;
};

std::unique_ptr<Writer> text_writer(std::ostream& out, const Options& options);
std::unique_ptr<Writer> json_writer(std::ostream& out, const Options& options);
std::unique_ptr<Writer> csv_writer(std::ostream& out, const Options& options);

// One CSV field: RFC 4180 quoting, and a leading ' before =, +, -, @, tab or CR so that no
// spreadsheet opening the report runs a cell as a formula (OWASP "CSV injection").
std::string csv_field(std::string_view text);

}  // namespace pegkit::cli
