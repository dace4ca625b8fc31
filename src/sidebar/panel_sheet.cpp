#include "panel_sheet.hpp"

#include "clean.hpp"
#include "column_choice.hpp"
#include "doc_options.hpp"
#include "grid.hpp"
#include "merges.hpp"
#include "plan.hpp"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>

#include <algorithm>
#include <map>
#include <set>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace pegkit::sidebar {


namespace {

std::string address(int row, int col) {
    return col < 0 ? std::to_string(row + 1) : column_letters(col) + std::to_string(row + 1);
}

std::string header_text(const Grid& grid, const SheetCheck& check, int c) {
    if (check.header_row < 0 || check.header_row >= grid.rows || c < 0 || c >= grid.cols) return {};
    return clean(grid.at(check.header_row, c).text);
}

}  // namespace

SheetView read_active_sheet(const Reference<css::frame::XController>& controller, Lang lang, const SheetOptions& options) {
    SheetView view;
    Reference<css::sheet::XSpreadsheetView> sheet_view(controller, UNO_QUERY);
    Reference<css::sheet::XSpreadsheetDocument> document(
        controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
    if (!sheet_view.is() || !document.is()) return view;
    view.sheet = sheet_view->getActiveSheet();
    if (!view.sheet.is()) return view;
    view.ok = true;

    const uno::SheetArea area = uno::used_area(view.sheet);
    view.rows = area.rows;
    view.cols = area.cols;
    if (uno::exceeds_cell_limit(area)) {
        view.too_large = true;
        return view;
    }
    view.first_row = area.first_row;
    view.first_col = area.first_col;
    Grid grid = uno::read_grid(document, view.sheet, area);
    grid.merges = uno::read_merges(view.sheet, area);
    const uno::DocumentOptions with = uno::with_document(document, view.sheet, area, options, lang);
    view.profile_error = with.profile_error;
    view.check = check_sheet(grid, with.options);
    for (std::size_t r = 0; r < column_count; ++r)
        view.role_cols[r] = view.check.column[r] < 0 ? -1 : view.check.column[r] + area.first_col;
    view.header_row = view.check.found ? view.check.header_row + area.first_row : -1;
    for (int c = 0; c < grid.cols; ++c) {
        std::string name;
        const int from = view.check.found ? view.check.header_row : 0;
        for (int r = from; r < grid.rows && r < from + 40 && name.empty(); ++r) name = clean(grid.at(r, c).text);
        view.all_columns.push_back({area.first_col + c, column_letters(area.first_col + c) + (name.empty() ? "" : " · " + shortened(name, 40))});
    }
    for (int r = 0; r < grid.rows && r < 40; ++r) {
        std::string text;
        for (int c = 0; c < grid.cols && text.size() < 60; ++c)
            if (!grid.at(r, c).text.empty()) text += (text.empty() ? "" : " | ") + clean(grid.at(r, c).text);
        if (!text.empty()) view.header_rows.push_back({area.first_row + r, std::to_string(area.first_row + r + 1) + " · " + shortened(text, 60)});
    }
    const SheetCheck& check = view.check;

    for (const Finding& f : check.findings) {
        SheetFinding s;
        s.sheet_row = area.first_row + f.row;
        s.sheet_col = f.col < 0 ? -1 : area.first_col + f.col;
        s.severity = f.severity;
        s.text = address(s.sheet_row, s.sheet_col) + " · " + message(f.code, lang, f.args);
        view.findings.push_back(std::move(s));
    }
    // The preview is the Normalize command's own plan: it never promises what Apply does not do.
    if (check.found) {
        // the targets first: their canonical form is what the user reads the preview for
        std::vector<CellRewrite> cells = plan_normalize(grid, check, uno::hidden_rows(view.sheet, area)).cells;
        const int target = check.col(Column::peg_target);
        std::stable_partition(cells.begin(), cells.end(), [target](const CellRewrite& r) { return r.col == target; });
        for (const CellRewrite& r : cells) {
            const std::string name = header_text(grid, check, r.col), letters = column_letters(area.first_col + r.col);
            view.rewrites.push_back({area.first_row + r.row, area.first_col + r.col,
                                     name.empty() ? letters : letters + " · " + shortened(name, 40), r.before, r.after});
        }
        for (int c = 0; c < grid.cols; ++c) {
            std::string name = header_text(grid, check, c);
            if (name.empty()) continue;
            view.columns.push_back({area.first_col + c, column_letters(area.first_col + c) + " · " + name});
        }
        const int actual = check.col(Column::actual), weight = check.col(Column::weight);
        if (actual >= 0) view.actual_col = area.first_col + actual;
        if (weight >= 0) view.weight_col = area.first_col + weight;
    }
    return view;
}

}  // namespace pegkit::sidebar
