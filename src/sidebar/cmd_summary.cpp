// Summary: a new sheet after the plan's, built from the plan's cells in one data array, with its
// styles and chart, as one Edit whose undo removes that sheet from that document.
#include "catalogue.hpp"
#include "cells.hpp"
#include "command.hpp"
#include "edit.hpp"
#include "messages.hpp"

#include "convert.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/chart/XAxisXSupplier.hpp>
#include <com/sun/star/chart/XAxisYSupplier.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

constexpr char summary_base[] = "Riepilogo PEG";

css::table::CellRangeAddress range(sal_Int16 sheet, int first_row, int first_col, int last_row, int last_col) {
    css::table::CellRangeAddress a;
    a.Sheet = sheet;
    a.StartRow = first_row;
    a.StartColumn = first_col;
    a.EndRow = last_row;
    a.EndColumn = last_col;
    return a;
}

Reference<css::beans::XPropertySet> ranges(const Reference<css::lang::XMultiServiceFactory>& factory,
                                           const std::vector<css::table::CellRangeAddress>& addresses) {
    Reference<css::sheet::XSheetCellRangeContainer> r(factory->createInstance("com.sun.star.sheet.SheetCellRanges"), UNO_QUERY_THROW);
    r->addRangeAddresses(Sequence<css::table::CellRangeAddress>(addresses.data(), sal_Int32(addresses.size())), false);
    return Reference<css::beans::XPropertySet>(r, UNO_QUERY_THROW);
}

std::string unique_sheet_name(const Reference<css::sheet::XSpreadsheets>& sheets) {
    std::string name = summary_base;
    for (int n = 2; sheets->hasByName(uno::to_ou(name)); ++n) name = std::string(summary_base) + " " + std::to_string(n);
    return name;
}

// Empty cells are empty strings: setDataArray turns a void into #N/A.
Sequence<Sequence<Any>> cells_of(const SummaryPlan& plan, Lang lang, const std::string& sheet_name) {
    std::vector<Sequence<Any>> rows;
    for (const auto& r : plan.rows) {
        Sequence<Any> row(SummaryPlan::width);
        for (int c = 0; c < SummaryPlan::width; ++c) {
            const SummaryCell& cell = r[std::size_t(c)];
            Any& out = row.getArray()[c];
            switch (cell.kind) {
            case SummaryCell::Kind::empty: out <<= rtl::OUString(); break;
            case SummaryCell::Kind::text: out <<= uno::to_ou(cell.text); break;
            case SummaryCell::Kind::number: out <<= cell.number; break;
            case SummaryCell::Kind::label: out <<= uno::to_ou(summary_label(plan, cell.label, lang, sheet_name)); break;
            case SummaryCell::Kind::phrase: out <<= uno::to_ou(say(cell.text, lang, cell.args)); break;
            }
        }
        rows.push_back(row);
    }
    return Sequence<Sequence<Any>>(rows.data(), sal_Int32(rows.size()));
}

class SummaryEdit : public Edit {
public:
    SummaryEdit(const ActiveSheet& s, SummaryPlan plan, std::string name, Lang lang)
        : m_s(s), m_plan(std::move(plan)), m_name(std::move(name)), m_lang(lang),
          m_cells(cells_of(m_plan, lang, s.sheet_name)) {}

    void apply() override {
        const Reference<css::sheet::XSpreadsheets> sheets = m_s.document->getSheets();
        if (sheets->hasByName(uno::to_ou(m_name))) throw std::runtime_error("sheet name taken: " + m_name);
        write_step("insert sheet");
        sheets->insertNewByName(uno::to_ou(m_name), static_cast<sal_Int16>(m_s.sheet_index + 1));
        m_inserted = true;
        keep_undo_locked();
        const Reference<css::sheet::XSpreadsheet> out(sheets->getByName(uno::to_ou(m_name)), UNO_QUERY_THROW);
        const sal_Int16 index = Reference<css::sheet::XCellRangeAddressable>(out, UNO_QUERY_THROW)->getRangeAddress().Sheet;
        write_step("summary cells");
        Reference<css::sheet::XCellRangeData>(
            out->getCellRangeByPosition(0, 0, SummaryPlan::width - 1, m_cells.getLength() - 1), UNO_QUERY_THROW)
            ->setDataArray(m_cells);
        keep_undo_locked();
        styles(out, index);
        keep_undo_locked();
        chart(out, index);
        keep_undo_locked();
    }

    void revert() override {
        if (!m_inserted) return;
        keep_undo_locked();
        const Reference<css::sheet::XSpreadsheets> sheets = m_s.document->getSheets();
        if (sheets->hasByName(uno::to_ou(m_name))) sheets->removeByName(uno::to_ou(m_name));
        m_inserted = false;
    }

    const std::string& name() const { return m_name; }

private:
    void styles(const Reference<css::sheet::XSpreadsheet>& out, sal_Int16 index) {
        const int rows = m_cells.getLength(), width = SummaryPlan::width;
        std::vector<css::table::CellRangeAddress> bold, colours[3];
        for (int r : m_plan.bold_rows) bold.push_back(range(index, r, 0, r, width - 1));
        for (const auto& l : m_plan.lights) colours[l.level].push_back(range(index, l.row, l.col, l.row, l.col));
        write_step("summary styles");
        ranges(m_s.factory, bold)->setPropertyValue("CharWeight", Any(css::awt::FontWeight::BOLD));
        keep_undo_locked();  // each attribute call may turn Calc's recording back on (edit.hpp)
        const Reference<css::util::XNumberFormatTypes> types(
            Reference<css::util::XNumberFormatsSupplier>(m_s.document, UNO_QUERY_THROW)->getNumberFormats(), UNO_QUERY_THROW);
        const sal_Int32 pct2 = types->getFormatIndex(css::i18n::NumberFormatIndex::PERCENT_DEC2, css::lang::Locale());
        ranges(m_s.factory, {range(index, 0, m_plan.percent_first_col, rows - 1, m_plan.percent_last_col)})
            ->setPropertyValue("NumberFormat", Any(pct2));
        keep_undo_locked();
        const sal_Int32 light[3] = {fill_green, fill_amber, fill_red};
        for (int k = 0; k < 3; ++k)
            if (!colours[k].empty()) {
                ranges(m_s.factory, colours[k])->setPropertyValue("CellBackColor", Any(light[k]));
                keep_undo_locked();
            }
        // No column widths: setting one records a Calc undo action even behind our lock (7.4),
        // which a later Undo would apply to a sheet our own Undo has removed.
        (void)out;
    }

    // Mean attainment per CdR, beside the tables. Chart names are the document's object names:
    // one already taken (a renamed earlier summary, the user's own chart) gets the next free one.
    void chart(const Reference<css::sheet::XSpreadsheet>& out, sal_Int16 index) {
        if (m_plan.chart_first < 0 || m_plan.chart_last <= m_plan.chart_first) return;
        const Reference<css::container::XIndexAccess> cols(
            Reference<css::table::XColumnRowRange>(out, UNO_QUERY_THROW)->getColumns(), UNO_QUERY_THROW);
        css::awt::Point at;
        Reference<css::beans::XPropertySet>(cols->getByIndex(SummaryPlan::width + 1), UNO_QUERY_THROW)->getPropertyValue("Position") >>= at;
        // a bar of 9 mm per group, so that long names wrap beside their bar instead of overlapping
        const int bars = m_plan.chart_last - m_plan.chart_first;
        const css::awt::Rectangle rect(at.X, 1000, 20000, std::max(9000, 900 * bars + 3000));
        Sequence<css::table::CellRangeAddress> source(2);
        source.getArray()[0] = range(index, m_plan.chart_first, 0, m_plan.chart_last, 0);
        source.getArray()[1] = range(index, m_plan.chart_first, 5, m_plan.chart_last, 5);
        const Reference<css::table::XTableCharts> charts = Reference<css::table::XTableChartsSupplier>(out, UNO_QUERY_THROW)->getCharts();
        rtl::OUString chart_name;
        for (int n = 1; chart_name.isEmpty(); ++n) {
            const rtl::OUString candidate = uno::to_ou("PEG CdR - " + m_name + (n > 1 ? " (" + std::to_string(n) + ")" : ""));
            write_step("chart");
                try {
                charts->addNewByName(candidate, rect, source, true, true);
                chart_name = candidate;
            } catch (const css::uno::Exception&) {
                // 7.4 throws a RuntimeException (chartuno.cxx) for a name any object already has
                if (n >= 20) throw;
            }
        }
        try {
            const Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(chart_name), UNO_QUERY_THROW);
            const Reference<css::chart::XChartDocument> doc(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
            const Reference<css::beans::XPropertySet> props(doc, UNO_QUERY_THROW);
            props->setPropertyValue("HasMainTitle", Any(true));
            props->setPropertyValue("HasLegend", Any(false));
            Reference<css::beans::XPropertySet>(doc->getTitle(), UNO_QUERY_THROW)
                ->setPropertyValue("String", Any(uno::to_ou(text(Msg::chart_title, m_lang))));
            readable(doc);
        } catch (const css::uno::Exception&) {
            // the chart is there; its cosmetics are not worth failing the summary for
        }
    }

    // Horizontal bars coloured by the band of their value (the cells' green, amber, red, darker),
    // the axis in whole percent from 0 to 100 % (further when a value passes it, under a cap).
    void readable(const Reference<css::chart::XChartDocument>& doc) {
        const Reference<css::chart::XDiagram> diagram = doc->getDiagram();
        const Reference<css::beans::XPropertySet> props(diagram, UNO_QUERY_THROW);
        props->setPropertyValue("Vertical", Any(true));
        double top = 1;
        const sal_Int32 bar[3] = {0x43A047, 0xFFB300, 0xE53935};
        for (int row = m_plan.chart_first + 1; row <= m_plan.chart_last; ++row) {
            const SummaryCell& value = m_plan.rows[std::size_t(row)][5];
            if (value.kind == SummaryCell::Kind::number) top = std::max(top, value.number);
            for (const SummaryPlan::Light& l : m_plan.lights)
                if (l.row == row && l.col == 5)
                    diagram->getDataPointProperties(row - m_plan.chart_first - 1, 0)->setPropertyValue("Color", Any(bar[l.level]));
        }
        const Reference<css::beans::XPropertySet> y(Reference<css::chart::XAxisYSupplier>(diagram, UNO_QUERY_THROW)->getYAxis(),
                                                    UNO_QUERY_THROW);
        const Reference<css::util::XNumberFormatTypes> types(
            Reference<css::util::XNumberFormatsSupplier>(doc, UNO_QUERY_THROW)->getNumberFormats(), UNO_QUERY_THROW);
        y->setPropertyValue("AutoMin", Any(false));
        y->setPropertyValue("Min", Any(0.0));
        y->setPropertyValue("AutoMax", Any(false));
        y->setPropertyValue("Max", Any(std::ceil(top * 10 - 1e-9) / 10));
        y->setPropertyValue("AutoStepMain", Any(false));
        y->setPropertyValue("StepMain", Any(top > 1.5 ? 0.5 : 0.2));
        y->setPropertyValue("LinkNumberFormatToSource", Any(false));
        y->setPropertyValue("NumberFormat", Any(types->getFormatIndex(css::i18n::NumberFormatIndex::PERCENT_INT, css::lang::Locale())));
        const Reference<css::beans::XPropertySet> x(Reference<css::chart::XAxisXSupplier>(diagram, UNO_QUERY_THROW)->getXAxis(),
                                                    UNO_QUERY_THROW);
        x->setPropertyValue("TextBreak", Any(true));
        x->setPropertyValue("ReverseDirection", Any(true));  // the first group on top, as in the table
        x->setPropertyValue("TextRotation", Any(sal_Int32(0)));
    }

    ActiveSheet m_s;
    SummaryPlan m_plan;
    std::string m_name;
    Lang m_lang;
    Sequence<Sequence<Any>> m_cells;
    bool m_inserted = false;
};

}  // namespace

Outcome summary(const ActiveSheet& s, const Checked& c, Lang lang) {
    const std::string name = unique_sheet_name(s.document->getSheets());
    // Calc creates a document's drawing layer on its first chart, and doing so turns its undo
    // recording back on behind our lock (it restores the state it saw before): create it first.
    Reference<css::drawing::XDrawPageSupplier>(s.sheet, UNO_QUERY_THROW)->getDrawPage();
    const auto edit = std::make_shared<SummaryEdit>(s, plan_summary(c.check, c.workbook ? &*c.workbook : nullptr), name, lang);
    const EditRun run = run_edit(s.model, edit, text(Msg::undo_title, lang, {text(Msg::step_summary, lang)}));
    if (run.result != EditRun::Result::done) return failed_edit(run, lang);
    try {
        const Reference<css::sheet::XSpreadsheetView> view(s.controller, UNO_QUERY);
        if (view.is()) view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(s.document->getSheets()->getByName(uno::to_ou(name)), UNO_QUERY));
    } catch (const css::uno::Exception&) {
    }
    Outcome o;
    o.ok = true;
    o.message = text(c.check.col(Column::actual) >= 0 ? Msg::summary_done : Msg::summary_no_actual, lang, {name});
    o.add("Sheet", Any(uno::to_ou(name)));
    return o;
}

}  // namespace pegkit::sidebar
