#pragma once
// .tsv and .csv files into a Grid, with the limits a batch needs: a file too long for a PEG is
// refused before it is parsed, binary content is named as such, legacy encodings are converted.
#include "sheet.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit::cli {

// 0 means no limit.
struct TextLimits {
    std::size_t max_rows = 0;
    std::size_t max_cells = 0;  // rows × widest row
};

struct TextRead {
    Grid grid;
    std::string error;               // set when the file cannot be read
    std::vector<std::string> notes;  // e.g. how it was decoded
    explicit operator bool() const { return error.empty(); }
};

// `csv` picks RFC 4180 with ';' or ',' (whichever the file uses). A table beyond the limits is
// refused before its rows or its Grid are allocated; `error` is in `lang`.
TextRead read_text_table(const std::string& path, bool csv, const TextLimits& limits, Lang lang);

// Records and widest record of delimited text, counted as split_delimited() cuts them, without
// allocating: what the Grid of the text would hold at most.
struct TextExtent {
    std::size_t rows = 0, cols = 0;
};
TextExtent text_extent(std::string_view text, char sep);

}  // namespace pegkit::cli
