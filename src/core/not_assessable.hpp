#pragma once
// Objectives the user marked not assessable, kept in the document as one custom property (as the
// column choice is, columns.hpp): a line per mark, "<sheet name>\t<row>\t<reason>", the row as the
// sheet shows it (1-based). The panel writes it; the panel and pegkit-check read it into
// SheetOptions::not_assessable. Any text gives a value; lines that cannot be read are skipped.
#include "sheet.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

constexpr std::string_view not_assessable_property = "pegkit.not_assessable";

// The marks of `sheet`, as grid rows of a grid that starts at sheet row `first_row` (0-based).
std::vector<MarkedRow> stored_marks(std::string_view property, std::string_view sheet, int first_row = 0);

// The property with `sheet`'s mark on `row` (1-based) set to `reason`; an empty reason removes it.
std::string store_mark(std::string_view property, std::string_view sheet, int row, std::string_view reason);

}  // namespace pegkit
