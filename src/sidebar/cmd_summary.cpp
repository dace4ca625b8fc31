// Summary: the plan's summary sheet, built from the plan's cells in one data array, with its styles
// and chart, as one Edit. The first time it is a new sheet after the plan's, whose undo removes it;
// run again, from the plan or from that sheet, it rewrites that sheet in place (summary_link.hpp),
// and its undo puts back the cells and chart it replaced.
#include "area_snapshot.hpp"
#include "catalogue.hpp"
#include "cells.hpp"
#include "command.hpp"
#include "edit.hpp"
#include "messages.hpp"
#include "summary_write.hpp"

#include "summary_link.hpp"

#include "convert.hpp"
#include "doc_store.hpp"

#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>

#include <algorithm>
#include <stdexcept>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

constexpr char summary_base[] = "Riepilogo PEG";

std::string unique_sheet_name(const Reference<css::sheet::XSpreadsheets>& sheets) {
    std::string name = summary_base;
    for (int n = 2; sheets->hasByName(uno::to_ou(name)); ++n) name = std::string(summary_base) + " " + std::to_string(n);
    return name;
}

// The link to the summary, written with the summary and put back with it.
class LinkProperty {
public:
    LinkProperty(const ActiveSheet& s, SummaryLink link) : m_model(s.model), m_link(std::move(link)) {
        m_before = uno::read_text_property(m_model, summaries_property);
    }
    void write(const std::vector<std::string>& sheets) const {
        write_step("summary link");
        uno::write_text_property(m_model, summaries_property, store_link(m_before.value_or(""), m_link, sheets));
    }
    void put_back() const { uno::write_text_property(m_model, summaries_property, m_before); }

private:
    Reference<css::frame::XModel> m_model;
    SummaryLink m_link;
    std::optional<std::string> m_before;
};

// What both edits write once their sheet is ready: cells and styles, the chart (at `at`, or
// beside the tables for x < 0), the print setup, the link.
void write_sheet(const ActiveSheet& out, const SummaryPlan& plan, const Sequence<Sequence<Any>>& cells, Lang lang,
                 const std::string& plan_sheet, css::awt::Point at, const LinkProperty& link, bool& created_style) {
    write_summary(out.document, out.factory, out.sheet, plan, cells);
    auto chart = plan_chart(out.sheet, out.sheet_index, plan, lang, plan_sheet, at);
    if (chart) {
        chart->name = chart_name_for(out.sheet_name);
        add_chart(out.sheet, *chart);
    }
    set_print(out.document, out.sheet, plan, chart, created_style);
    link.write(sheet_names(out));
    keep_undo_locked();
}

class NewSummary : public Edit {
public:
    NewSummary(const ActiveSheet& s, SummaryPlan plan, std::string name, Lang lang)
        : m_s(s), m_plan(std::move(plan)), m_name(std::move(name)), m_lang(lang),
          m_cells(summary_cells(m_plan, lang, s.sheet_name)),
          m_link(s, {s.sheet_name, m_name, int(m_plan.rows.size())}) {}

    void apply() override {
        const Reference<css::sheet::XSpreadsheets> sheets = m_s.document->getSheets();
        if (sheets->hasByName(uno::to_ou(m_name))) throw std::runtime_error("sheet name taken: " + m_name);
        write_step("insert sheet");
        sheets->insertNewByName(uno::to_ou(m_name), static_cast<sal_Int16>(m_s.sheet_index + 1));
        m_inserted = true;
        keep_undo_locked();
        write_sheet(sheet_of(m_s, m_name), m_plan, m_cells, m_lang, m_s.sheet_name, css::awt::Point(-1, 0), m_link,
                    m_created_style);
    }

    void revert() override {
        if (!m_inserted) return;
        keep_undo_locked();
        m_link.put_back();
        const Reference<css::sheet::XSpreadsheets> sheets = m_s.document->getSheets();
        if (sheets->hasByName(uno::to_ou(m_name))) sheets->removeByName(uno::to_ou(m_name));
        m_inserted = false;
        if (m_created_style) remove_page_style(m_s.document);
        m_created_style = false;
    }

private:
    ActiveSheet m_s;
    SummaryPlan m_plan;
    std::string m_name;
    Lang m_lang;
    Sequence<Sequence<Any>> m_cells;
    LinkProperty m_link;
    bool m_inserted = false;
    bool m_created_style = false;
};

// The summary sheet rewritten: the block the earlier summary wrote (or the new one needs, if
// larger) is saved, cleared and written; the earlier chart is replaced where the user left it.
// Columns right of the summary and rows below its block are the user's and stay as they are.
class UpdatedSummary : public Edit {
public:
    UpdatedSummary(const ActiveSheet& s, SummaryPlan plan, SummaryLink old, Lang lang)
        : m_s(s), m_plan(std::move(plan)), m_old(std::move(old)), m_lang(lang),
          m_cells(summary_cells(m_plan, lang, s.sheet_name)),
          m_link(s, {s.sheet_name, m_old.summary, int(m_plan.rows.size())}) {}

    void apply() override {
        const ActiveSheet summary = sheet_of(m_s, m_old.summary);
        const Reference<css::sheet::XSpreadsheet>& out = summary.sheet;
        m_before = take_snapshot(out, std::max(m_old.rows, m_cells.getLength()), SummaryPlan::width);
        m_charts = summary_charts(out);
        m_print = read_print(out);
        m_started = true;
        clear_area(out, m_before->area);
        remove_charts(out, m_charts);
        css::awt::Point at(-1, 0);
        if (!m_charts.empty()) at = css::awt::Point(m_charts.front().rect.X, m_charts.front().rect.Y);
        write_sheet(summary, m_plan, m_cells, m_lang, m_s.sheet_name, at, m_link, m_created_style);
        keep_notes(out, m_s.factory, m_before->notes);  // the cells' write dropped those it covered
    }

    void revert() override {
        if (!m_started) return;
        keep_undo_locked();
        m_link.put_back();
        const Reference<css::sheet::XSpreadsheet> out = sheet_of(m_s, m_old.summary).sheet;
        remove_charts(out, summary_charts(out));
        restore_area(out, m_s.factory, *m_before);
        for (const SummaryChart& c : m_charts) add_chart(out, c);
        restore_print(out, m_print);
        if (m_created_style) remove_page_style(m_s.document);
        m_created_style = false;
        m_started = false;
    }

private:
    ActiveSheet m_s;
    SummaryPlan m_plan;
    SummaryLink m_old;
    Lang m_lang;
    Sequence<Sequence<Any>> m_cells;
    LinkProperty m_link;
    std::optional<AreaSnapshot> m_before;
    std::vector<SummaryChart> m_charts;
    PrintSetup m_print;
    bool m_started = false;
    bool m_created_style = false;
};

}  // namespace

Outcome summary(const ActiveSheet& s, const Checked& c, const std::optional<SummaryLink>& existing, Lang lang) {
    const std::string name = existing ? existing->summary : unique_sheet_name(s.document->getSheets());
    // Calc creates a document's drawing layer on its first chart, and doing so turns its undo
    // recording back on behind our lock (it restores the state it saw before): create it first.
    Reference<css::drawing::XDrawPageSupplier>(s.sheet, UNO_QUERY_THROW)->getDrawPage();
    // the Relazione's table is the active sheet's, also under a workbook summary
    SummaryPlan plan = plan_summary(c.check, c.workbook ? &*c.workbook : nullptr, &c.grid);
    std::shared_ptr<Edit> edit;
    if (existing) edit = std::make_shared<UpdatedSummary>(s, std::move(plan), *existing, lang);
    else edit = std::make_shared<NewSummary>(s, std::move(plan), name, lang);
    const EditRun run = run_edit(s.model, edit, text(Msg::undo_title, lang, {text(Msg::step_summary, lang)}));
    if (run.result != EditRun::Result::done) return failed_edit(run, lang);
    try {
        const Reference<css::sheet::XSpreadsheetView> view(s.controller, UNO_QUERY);
        if (view.is()) view->setActiveSheet(sheet_of(s, name).sheet);
    } catch (const css::uno::Exception&) {
    }
    Outcome o;
    o.ok = true;
    if (existing)
        o.message = say(c.check.col(Column::actual) >= 0 ? "cmd_summary_updated" : "cmd_summary_updated_no_actual", lang, {name});
    else
        o.message = text(c.check.col(Column::actual) >= 0 ? Msg::summary_done : Msg::summary_no_actual, lang, {name});
    o.add("Sheet", Any(uno::to_ou(name)));
    o.add("Updated", Any(existing.has_value()));
    return o;
}

}  // namespace pegkit::sidebar
