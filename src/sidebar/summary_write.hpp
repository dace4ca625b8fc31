#pragma once
// Writing a summary plan (plan.hpp: SummaryPlan) onto a sheet: its cells in one array, its styles in
// a few range calls, its chart; and the summary charts of a sheet read back as they were made, so
// that rewriting a summary in place (cmd_summary.cpp) can put the old one back. Throws UNO exceptions.
#include "plan.hpp"

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pegkit::sidebar {

// The plan's cells in the UI language; empty cells are empty strings (a void would be #N/A).
css::uno::Sequence<css::uno::Sequence<css::uno::Any>> summary_cells(const SummaryPlan& plan, Lang lang,
                                                                    const std::string& plan_sheet);

// The cells, then bold rows, percent columns and the traffic-light fills. The percentages take the
// number format of `locale` (empty: the office's, as a user's document does; pegkit-check passes
// its --lang's, its office having no UI language).
void write_summary(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                   const css::uno::Reference<css::lang::XMultiServiceFactory>& factory,
                   const css::uno::Reference<css::sheet::XSpreadsheet>& out, const SummaryPlan& plan,
                   const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& cells,
                   const css::lang::Locale& locale = css::lang::Locale());

// A summary chart as we make it: horizontal bars coloured one by one, the value axis fixed.
struct SummaryChart {
    std::string name;
    css::awt::Rectangle rect;
    std::vector<css::table::CellRangeAddress> source;  // the short labels and the values beside them
    std::string title;
    std::vector<sal_Int32> colours;  // per bar
    double max = 1, step = 0.2;
    float label_height = 10;  // the group labels, in points
};

// The chart of the plan's CdR table on sheet `index`; empty name when the plan has none. `at`:
// the top left corner, as a user may have moved the previous one; a negative X puts it beside the tables.
std::optional<SummaryChart> plan_chart(const css::uno::Reference<css::sheet::XSpreadsheet>& out, sal_Int16 index,
                                       const SummaryPlan& plan, Lang lang, const std::string& plan_sheet,
                                       css::awt::Point at);

// Adds it under its name or, when the document has an object of that name already (a renamed
// earlier summary, the user's own chart), the next free "name (n)"; returns the name used.
std::string add_chart(const css::uno::Reference<css::sheet::XSpreadsheet>& out, const SummaryChart& chart);

// The sheet's charts named as summary charts ("PEG CdR - …"), read back as add_chart needs them.
std::vector<SummaryChart> summary_charts(const css::uno::Reference<css::sheet::XSpreadsheet>& out);
void remove_charts(const css::uno::Reference<css::sheet::XSpreadsheet>& out, const std::vector<SummaryChart>& charts);

std::string chart_name_for(const std::string& summary_sheet);

// How a sheet prints and its columns' widths, as far as a summary sets them, to put back what a
// rewrite changed.
struct PrintSetup {
    std::string page_style;
    std::vector<css::table::CellRangeAddress> areas;
    css::table::CellRangeAddress title_rows;
    bool print_title_rows = false;
    std::vector<sal_Int32> row_breaks, column_breaks;  // manual ones
    std::vector<sal_Int32> widths;                     // of the summary's columns
};
PrintSetup read_print(const css::uno::Reference<css::sheet::XSpreadsheet>& out);
void restore_print(const css::uno::Reference<css::sheet::XSpreadsheet>& out, const PrintSetup& setup);

// The summary printed (and exported to PDF) on landscape pages of the summary page style, fitted to
// the page width, the title row on every page, the tables framed and wrapped in columns wide
// enough for their names (9 cm) and figures (2–3.3 cm), each table after the first and
// the lists on a new page, the chart as a second print range, so on a page of its own. Sets
// `created_style` once it has created the page style (its undo removes it again).
void set_print(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
               const css::uno::Reference<css::sheet::XSpreadsheet>& out, const SummaryPlan& plan,
               const std::optional<SummaryChart>& chart, bool& created_style);
// The sheet alone as a PDF at `url`, as it prints (set_print); the document is not written.
void store_pdf(const css::uno::Reference<css::uno::XInterface>& document, const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
               const rtl::OUString& url);

// Removes the summary page style when no sheet uses it.
void remove_page_style(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

}  // namespace pegkit::sidebar
