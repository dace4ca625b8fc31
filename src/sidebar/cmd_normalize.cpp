// Normalize: the plan's text rewrites (all of them, or the cells the preview kept ticked), written
// in place or into new columns beside the originals, as one Edit.
#include "cells.hpp"
#include "command.hpp"
#include "edit.hpp"
#include "messages.hpp"

#include "catalogue.hpp"
#include "header.hpp"

#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

std::vector<TextWrite> writes_of(const std::vector<CellRewrite>& cells, bool after) {
    std::vector<TextWrite> out;
    out.reserve(cells.size());
    for (const CellRewrite& c : cells) out.push_back({{c.row, c.col}, after ? c.after : c.before});
    return out;
}

class RewriteEdit : public Edit {
public:
    RewriteEdit(const ActiveSheet& s, const NormalizePlan& plan, Untouchable untouchable)
        : m_sheet(s), m_untouchable(std::move(untouchable)), m_after(writes_of(plan.cells, true)),
          m_before(writes_of(plan.cells, false)) {}
    void apply() override {
        m_formats.clear();
        write_texts(m_sheet.context, m_sheet.model, m_sheet.sheet, m_after, m_untouchable, m_formats);
    }
    void revert() override {
        // the old texts may read as numbers where the new did not: Calc gives those cells the Text
        // format, and `again` has their formats as they were just now, which m_formats then
        // completes with the cells apply left to Calc
        NumberFormats again;
        write_texts(m_sheet.context, m_sheet.model, m_sheet.sheet, m_before, m_untouchable, again);
        set_number_formats(m_sheet.factory, again);
        set_number_formats(m_sheet.factory, m_formats);
    }

private:
    ActiveSheet m_sheet;
    Untouchable m_untouchable;
    std::vector<TextWrite> m_after, m_before;
    NumberFormats m_formats;  // the cells' own, before apply (write_texts)
};

// New columns, then their texts. Taking back removes the columns it inserted, last first, so that
// each removal finds the sheet as the matching insert left it.
class NewColumnsEdit : public Edit {
public:
    NewColumnsEdit(const ActiveSheet& s, NewColumnsPlan plan, Untouchable rows, int height)
        : m_sheet(s), m_plan(std::move(plan)), m_rows_alone(std::move(rows)), m_rows(height) {}
    void apply() override {
        const Reference<css::table::XTableColumns> columns = table_columns();
        for (const ColumnInsert& i : m_plan.inserts) {
            write_step("insert column");
            columns->insertByIndex(i.insert_at, 1);
            m_inserted.push_back(i.insert_at);
        }
        m_formats.clear();  // the inserted columns' own go with them
        write_texts(m_sheet.context, m_sheet.model, m_sheet.sheet, writes_of(m_plan.cells, true), m_rows_alone, m_formats);
    }
    void revert() override {
        // the columns written right of the table were empty: empty again
        for (const ColumnInsert& n : m_plan.columns) {
            if (n.insert_at >= 0 || m_rows <= 0) continue;
            keep_undo_locked();
            Reference<css::sheet::XSheetOperation>(m_sheet.sheet->getCellRangeByPosition(n.final_col, 0, n.final_col, m_rows - 1),
                                                   UNO_QUERY_THROW)
                ->clearContents(css::sheet::CellFlags::STRING);
        }
        set_number_formats(m_sheet.factory, m_formats);
        const Reference<css::table::XTableColumns> columns = table_columns();
        while (!m_inserted.empty()) {
            keep_undo_locked();
            columns->removeByIndex(m_inserted.back(), 1);
            m_inserted.pop_back();
        }
    }

private:
    Reference<css::table::XTableColumns> table_columns() const {
        return Reference<css::table::XColumnRowRange>(m_sheet.sheet, UNO_QUERY_THROW)->getColumns();
    }
    ActiveSheet m_sheet;
    NewColumnsPlan m_plan;
    Untouchable m_rows_alone;  // the new columns are empty: only whole rows (hidden, multi-line) matter
    int m_rows = 0;  // the table's rows, as read
    NumberFormats m_formats;  // the cells' own, before apply (write_texts)
    std::vector<int> m_inserted;
};

// Inserted columns push the sheet's last ones off its edge: Calc refuses, so say it first.
bool room_for(const ActiveSheet& s, const Grid& grid, std::size_t columns) {
    const int last = Reference<css::sheet::XCellRangeAddressable>(s.sheet, UNO_QUERY_THROW)->getRangeAddress().EndColumn;
    return grid.cols - 1 + int(columns) <= last;
}

Outcome nothing_written(std::string message, int hidden) {
    Outcome o;
    o.ok = true;
    o.message = std::move(message);
    o.add("Changed", css::uno::Any(sal_Int32(0)));
    o.add("Hidden", css::uno::Any(sal_Int32(hidden)));
    return o;
}

}  // namespace

Outcome normalize(const ActiveSheet& s, const Checked& c, Lang lang) {
    NormalizePlan plan = plan_normalize(c.grid, c.check, c.hidden);
    const std::string hidden = plan.hidden ? text(Msg::normalized_hidden, lang, {std::to_string(plan.hidden)}) : "";
    if (c.normalize.chosen) {
        ChosenPlan chosen = choose_rewrites(plan, *c.normalize.chosen);
        if (!chosen.stale.empty())
            return failure(say("cmd_preview_stale", lang, {cell_address(chosen.stale.front()), std::to_string(chosen.stale.size())}));
        if (c.normalize.chosen->empty() && !plan.cells.empty()) return nothing_written(say("cmd_nothing_ticked", lang), plan.hidden);
        plan = std::move(chosen.plan);
    }
    if (plan.cells.empty()) return nothing_written(text(Msg::nothing_to_normalize, lang) + hidden, plan.hidden);

    const std::string title = text(Msg::undo_title, lang, {text(Msg::step_normalize, lang)});
    Outcome o;
    o.ok = true;
    if (c.normalize.new_columns) {
        NewColumnsPlan columns = plan_new_columns(plan, c.grid, c.check, say("cmd_normalized_suffix", lang));
        std::string letters;
        for (const ColumnInsert& n : columns.columns) letters += (letters.empty() ? "" : ", ") + column_letters(n.final_col);
        const std::size_t added = columns.columns.size();
        if (!room_for(s, c.grid, added)) return failure(say("cmd_no_room_for_columns", lang));
        Untouchable rows;
        rows.hidden_rows = c.hidden;
        add_multiline(rows, c.grid);
        const EditRun run = run_edit(s.model, std::make_shared<NewColumnsEdit>(s, std::move(columns), std::move(rows), c.grid.rows), title);
        if (run.result != EditRun::Result::done) return failed_edit(run, lang);
        o.message = say("cmd_normalized_columns", lang, {std::to_string(plan.cells.size()), letters}) + hidden;
        o.add("Columns", css::uno::Any(static_cast<sal_Int32>(added)));
    } else {
        Untouchable untouchable = untouchable_cells(s.sheet, c.grid.rows, c.grid.cols, c.hidden);
        add_multiline(untouchable, c.grid);
        const auto edit = std::make_shared<RewriteEdit>(s, plan, std::move(untouchable));
        const EditRun run = run_edit(s.model, edit, title);
        if (run.result != EditRun::Result::done) return failed_edit(run, lang);
        o.message = text(Msg::normalized, lang, {std::to_string(plan.cells.size())}) + hidden;
    }
    o.add("Changed", css::uno::Any(static_cast<sal_Int32>(plan.cells.size())));
    o.add("Hidden", css::uno::Any(sal_Int32(plan.hidden)));
    return o;
}

}  // namespace pegkit::sidebar
