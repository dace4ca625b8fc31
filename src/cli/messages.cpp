#include "messages.hpp"

#include "catalogue.hpp"

#include <cstddef>
#include <iterator>
#include <string_view>

namespace pegkit::cli {
namespace {

// One row per Reason, in enum order; the texts are the catalogue's (src/core/catalogue.cpp).
struct Entry {
    Reason reason;
    std::string_view key;
};

constexpr Entry entries[] = {
    {Reason::no_such_file, "cli_no_such_file"}, {Reason::system_error, "cli_system_error"},
    {Reason::not_a_table_file, "cli_not_a_table_file"}, {Reason::folder_unlistable, "cli_folder_unlistable"},
    {Reason::folder_empty, "cli_folder_empty"}, {Reason::binary_content, "cli_binary_content"},
    {Reason::too_many_rows, "cli_too_many_rows"}, {Reason::too_many_cells, "cli_too_many_cells"},
    {Reason::sheet_too_many_rows, "cli_sheet_too_many_rows"},
    {Reason::sheet_too_many_cells, "cli_sheet_too_many_cells"}, {Reason::out_of_memory, "cli_out_of_memory"},
    {Reason::internal_error, "cli_internal_error"}, {Reason::no_office_support, "cli_no_office_support"},
    {Reason::office_cannot_open, "cli_office_cannot_open"},
    {Reason::office_not_spreadsheet, "cli_office_not_spreadsheet"},
    {Reason::office_timeout, "cli_office_timeout"}, {Reason::office_stopped, "cli_office_stopped"},
    {Reason::office_restarts, "cli_office_restarts"}, {Reason::office_gone, "cli_office_gone"},
    {Reason::office_error, "cli_office_error"}, {Reason::office_start_failed, "cli_office_start_failed"},
    {Reason::office_no_connection, "cli_office_no_connection"}, {Reason::interrupted, "cli_interrupted"},
    {Reason::pdf_written, "cli_pdf_written"}, {Reason::pdf_failed, "cli_pdf_failed"},
};

static_assert(std::size(entries) == static_cast<std::size_t>(Reason::pdf_failed) + 1, "one entry per Reason, in enum order");

}  // namespace

std::string reason(Reason r, Lang lang, const std::vector<std::string>& args) {
    return say(entries[static_cast<std::size_t>(r)].key, lang, args);
}

std::string grouped(std::size_t n, Lang lang) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += lang == Lang::it ? '.' : ',';
        out += digits[i];
    }
    return out;
}

}  // namespace pegkit::cli
