#pragma once
// Which summary sheet belongs to which plan sheet, kept in the document as one custom property
// (as the marks are, not_assessable.hpp): a line per plan, "<plan sheet>\t<summary sheet>\t<rows>",
// rows being how many rows the summary wrote. Summary run again, from the plan or from its summary,
// rewrites that sheet in place instead of adding "Riepilogo PEG 2" (docs/decisions.md, "One summary per plan"). A link whose
// sheets are gone (deleted, renamed) is ignored, and dropped the next time the property is written.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

constexpr std::string_view summaries_property = "pegkit.summaries";

struct SummaryLink {
    std::string plan, summary;
    int rows = 0;
    bool operator==(const SummaryLink& o) const { return plan == o.plan && summary == o.summary && rows == o.rows; }
};

// The links that can be read; lines that cannot are skipped.
std::vector<SummaryLink> stored_links(std::string_view property);

// What Summary works on when run from sheet `active` of a workbook whose sheets are `sheets`.
struct SummaryTarget {
    std::string plan;                      // the sheet read as the plan
    std::optional<SummaryLink> existing;   // its summary sheet, to rewrite; none: a new sheet
};
SummaryTarget summary_target(std::string_view property, std::string_view active, const std::vector<std::string>& sheets);

// Is `sheet` a summary of a plan that still exists? (Workbook summaries leave such sheets out.)
bool is_summary_sheet(std::string_view property, std::string_view sheet, const std::vector<std::string>& sheets);

// The property with `link` for its plan, replacing the plan's earlier link and any other link to
// the same summary sheet, and without links whose sheets are gone.
std::string store_link(std::string_view property, const SummaryLink& link, const std::vector<std::string>& sheets);

}  // namespace pegkit
