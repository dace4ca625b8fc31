// Mark not assessable: the objective rows of the selection (or the rows a macro names) marked, or
// unmarked, in the document property pegkit.not_assessable (not_assessable.hpp), as one Edit.
#include "cells.hpp"
#include "command.hpp"
#include "edit.hpp"
#include "messages.hpp"

#include "catalogue.hpp"
#include "not_assessable.hpp"

#include "convert.hpp"
#include "doc_store.hpp"

#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <algorithm>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;

namespace pegkit::sidebar {
namespace {

class PropertyEdit : public Edit {
public:
    PropertyEdit(Reference<css::frame::XModel> model, std::optional<std::string> before, std::optional<std::string> after)
        : m_model(std::move(model)), m_before(std::move(before)), m_after(std::move(after)) {}
    void apply() override {
        write_step("not assessable property");
        uno::write_text_property(m_model, not_assessable_property, m_after);
    }
    void revert() override { uno::write_text_property(m_model, not_assessable_property, m_before); }

private:
    Reference<css::frame::XModel> m_model;
    std::optional<std::string> m_before, m_after;
};

// The grid rows the user selected on the active sheet, within the grid's `rows`.
std::vector<int> selected_rows(const ActiveSheet& s, int first_row, int rows) {
    std::vector<css::table::CellRangeAddress> ranges;
    const Reference<css::view::XSelectionSupplier> supplier(s.controller, UNO_QUERY);
    if (!supplier.is()) return {};
    const Any selection = supplier->getSelection();
    if (const Reference<css::sheet::XSheetCellRanges> many(selection, UNO_QUERY); many.is()) {
        for (const auto& a : many->getRangeAddresses()) ranges.push_back(a);
    } else if (const Reference<css::sheet::XCellRangeAddressable> one(selection, UNO_QUERY); one.is()) {
        ranges.push_back(one->getRangeAddress());
    }
    std::vector<int> out;
    for (const auto& a : ranges) {
        if (a.Sheet != s.sheet_index) continue;
        // a whole column selected is a million rows: only the grid's
        for (int r = std::max(int(a.StartRow), first_row); r <= std::min(int(a.EndRow), first_row + rows - 1); ++r)
            out.push_back(r - first_row);
    }
    return out;
}

std::string shown_rows(const std::vector<int>& rows, int first_row) {
    std::string out;
    for (std::size_t i = 0; i < rows.size() && i < 10; ++i) out += (i ? ", " : "") + std::to_string(rows[i] + first_row + 1);
    if (rows.size() > 10) out += ", …";
    return out;
}

}  // namespace

Outcome mark_not_assessable(const ActiveSheet& s, const Checked& c, const MarkRequest& request, Lang lang) {
    std::vector<int> rows;
    if (request.rows)
        for (int r : *request.rows) rows.push_back(r - c.first_row);
    else
        rows = selected_rows(s, c.first_row, c.grid.rows);
    const std::optional<std::string> before = uno::read_text_property(s.model, not_assessable_property);
    const MarkPlan plan = plan_marks(c.check, before.value_or(""), s.sheet_name, c.first_row, rows, request.reason, request.clear);
    if (plan.no_reason) return failure(say("cmd_mark_no_reason", lang));
    if (plan.changed.empty()) {
        if (!plan.outside.empty() || rows.empty())
            return failure(say("cmd_mark_outside", lang, {std::to_string(c.check.first_row + c.first_row + 1),
                                                          std::to_string(c.check.last_row + c.first_row + 1)}));
        Outcome o;
        o.ok = true;
        o.message = say(request.clear ? "cmd_unmark_nothing" : "cmd_mark_nothing", lang);
        o.add("Changed", Any(sal_Int32(0)));
        return o;
    }
    const std::optional<std::string> after = plan.property.empty() ? std::nullopt : std::optional<std::string>(plan.property);
    const auto edit = std::make_shared<PropertyEdit>(s.model, before, after);
    const EditRun run = run_edit(s.model, edit, text(Msg::undo_title, lang, {say(request.clear ? "cmd_step_unmark" : "cmd_step_mark", lang)}));
    if (run.result != EditRun::Result::done) return failed_edit(run, lang);
    Outcome o;
    o.ok = true;
    o.message = say(request.clear ? "cmd_unmarked" : "cmd_marked_not_assessable", lang,
                    {std::to_string(plan.changed.size()), shown_rows(plan.changed, c.first_row)});
    if (!plan.outside.empty()) o.message += say("cmd_mark_skipped", lang, {std::to_string(plan.outside.size())});
    o.add("Changed", Any(sal_Int32(plan.changed.size())));
    Sequence<sal_Int32> shown(sal_Int32(plan.changed.size()));
    for (std::size_t i = 0; i < plan.changed.size(); ++i) shown.getArray()[i] = plan.changed[i] + c.first_row;
    o.add("Rows", Any(shown));
    return o;
}

}  // namespace pegkit::sidebar
