#pragma once
// Why pegkit-check could not read a file or a folder, in the language of --lang: the catalogue's
// "cli_" entries (src/core/catalogue.hpp).
#include "diagnostic.hpp"

#include <string>
#include <vector>

namespace pegkit::cli {

enum class Reason {
    no_such_file,         // the path names nothing
    system_error,         // args: {the system's reason (strerror)}
    not_a_table_file,     // an extension other than .tsv .csv .ods .xlsx
    folder_unlistable,    // args: {the system's reason}
    folder_empty,         // a folder with no file pegkit-check reads
    binary_content,       // a .tsv/.csv that is not text
    too_many_rows,        // args: {limit}
    too_many_cells,       // args: {rows, columns, limit}
    sheet_too_many_rows,  // args: {sheet, rows, limit}
    sheet_too_many_cells, // args: {sheet, rows, columns, limit}
    out_of_memory,        // std::bad_alloc while reading or checking one file
    internal_error,       // args: {what()}: a bug, reported for that file only
    no_office_support,    // built without the LibreOffice SDK
    office_cannot_open,   // not a spreadsheet, damaged or password-protected
    office_not_spreadsheet,
    office_timeout,       // args: {seconds}
    office_stopped,       // the office died under the document
    office_restarts,      // args: {starts}
    office_gone,          // args: {connection}
    office_error,         // args: {the office's message}
    office_start_failed,  // args: {what failed}
    office_no_connection, // args: {connection, last error}
    interrupted,
    pdf_written,          // args: {path}: --pdf
    pdf_failed,           // args: {path, why}
};

std::string reason(Reason r, Lang lang, const std::vector<std::string>& args = {});

// "1234567" -> "1.234.567" (it) or "1,234,567" (en).
std::string grouped(std::size_t n, Lang lang);

}  // namespace pegkit::cli
