#pragma once
// Delimited text (TSV, CSV) into a Grid of text cells, repairing tables extracted from
// documents, whose rows carry one cell too few or too many.
#include "sheet.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

using TextRows = std::vector<std::vector<std::string>>;

// RFC 4180 quoting for CSV (sep ',' or ';'); TSV fields are taken as they are.
// A UTF-8 BOM is skipped; CRLF and LF both end a record.
TextRows split_delimited(std::string_view text, char sep);

// A Grid of text cells as wide as the PEG header row (or the widest row when there is none).
// Rows of an extracted PEG whose width differs from the header's are re-aligned on the right:
// a row one short lacks the leading strategic column; a row one longer has the strategic
// objective split in code and label ("2", "Oltre i confini metropolitani" are joined again);
// a stray empty cell among the last columns is dropped. Separator rows ("--", "---") become empty.
Grid grid_from_rows(const TextRows& rows);

}  // namespace pegkit
