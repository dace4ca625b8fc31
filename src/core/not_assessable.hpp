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

// Marking rows from the panel (vnd.pegkit:MarkNotAssessable): `rows` are grid rows of `check`'s
// grid, which starts at sheet row `first_row`. Only the table's objective rows are marked; a mark
// needs a reason; clearing removes the stored marks of those rows (a note saying "sterilizzato"
// stays: it is the sheet's own text).
struct MarkPlan {
    std::string property;       // the property after
    std::vector<int> changed;   // grid rows whose mark is set, changed or removed
    std::vector<int> outside;   // grid rows asked for that hold no objective
    bool no_reason = false;     // marking asked with an empty reason: nothing changes
};
MarkPlan plan_marks(const SheetCheck& check, std::string_view property, std::string_view sheet, int first_row,
                    const std::vector<int>& rows, std::string_view reason, bool clear);

}  // namespace pegkit
