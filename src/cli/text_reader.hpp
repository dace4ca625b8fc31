#pragma once
// .tsv and .csv files into a Grid, with the limits a batch needs: a file too long for a PEG is
// refused before it is parsed, binary content is named as such, legacy encodings are converted.
#include "sheet.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace pegkit::cli {

struct TextRead {
    Grid grid;
    std::string error;               // set when the file cannot be read
    std::vector<std::string> notes;  // e.g. how it was decoded
    explicit operator bool() const { return error.empty(); }
};

// max_rows 0 means no limit. `csv` picks RFC 4180 with ';' or ',' (whichever the file uses).
TextRead read_text_table(const std::string& path, bool csv, std::size_t max_rows);

}  // namespace pegkit::cli
