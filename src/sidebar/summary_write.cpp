#include "summary_write.hpp"

#include "cells.hpp"
#include "edit.hpp"
#include "messages.hpp"

#include "catalogue.hpp"

#include "convert.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/sheet/TablePageBreakData.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetPageBreak.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/BorderLine2.hpp>
#include <com/sun/star/table/BorderLineStyle.hpp>
#include <com/sun/star/table/TableBorder2.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/XAxisXSupplier.hpp>
#include <com/sun/star/chart/XAxisYSupplier.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/drawing/XShapes.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XHeaderFooterContent.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

constexpr char chart_prefix[] = "PEG CdR - ";
constexpr char page_style[] = "PEG Riepilogo";

css::table::CellRangeAddress range(sal_Int16 sheet, int first_row, int first_col, int last_row, int last_col) {
    css::table::CellRangeAddress a;
    a.Sheet = sheet;
    a.StartRow = first_row;
    a.StartColumn = first_col;
    a.EndRow = last_row;
    a.EndColumn = last_col;
    return a;
}

Reference<css::beans::XPropertySet> props_of(const Reference<css::lang::XMultiServiceFactory>& factory,
                                             const std::vector<css::table::CellRangeAddress>& addresses) {
    return Reference<css::beans::XPropertySet>(make_ranges(factory, addresses), UNO_QUERY_THROW);
}


sal_Int32 format_index(const Reference<css::uno::XInterface>& supplier, sal_Int16 index,
                       const css::lang::Locale& locale = css::lang::Locale()) {
    const Reference<css::util::XNumberFormatTypes> types(
        Reference<css::util::XNumberFormatsSupplier>(supplier, UNO_QUERY_THROW)->getNumberFormats(), UNO_QUERY_THROW);
    return types->getFormatIndex(index, locale);
}

Reference<css::chart::XChartDocument> chart_document(const Reference<css::table::XTableCharts>& charts, const std::string& name) {
    const Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(uno::to_ou(name)), UNO_QUERY_THROW);
    return Reference<css::chart::XChartDocument>(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
}

// Title, no legend, horizontal bars coloured one by one, the value axis in whole percent.
void set_look(const Reference<css::chart::XChartDocument>& doc, const SummaryChart& chart) {
    const Reference<css::beans::XPropertySet> props(doc, UNO_QUERY_THROW);
    props->setPropertyValue("HasMainTitle", Any(true));
    props->setPropertyValue("HasLegend", Any(false));
    Reference<css::beans::XPropertySet>(doc->getTitle(), UNO_QUERY_THROW)->setPropertyValue("String", Any(uno::to_ou(chart.title)));
    const Reference<css::chart::XDiagram> diagram = doc->getDiagram();
    Reference<css::beans::XPropertySet>(diagram, UNO_QUERY_THROW)->setPropertyValue("Vertical", Any(true));
    for (std::size_t i = 0; i < chart.colours.size(); ++i)
        diagram->getDataPointProperties(sal_Int32(i), 0)->setPropertyValue("Color", Any(chart.colours[i]));
    const Reference<css::beans::XPropertySet> y(Reference<css::chart::XAxisYSupplier>(diagram, UNO_QUERY_THROW)->getYAxis(),
                                                UNO_QUERY_THROW);
    y->setPropertyValue("AutoMin", Any(false));
    y->setPropertyValue("Min", Any(0.0));
    y->setPropertyValue("AutoMax", Any(false));
    y->setPropertyValue("Max", Any(chart.max));
    y->setPropertyValue("AutoStepMain", Any(false));
    y->setPropertyValue("StepMain", Any(chart.step));
    y->setPropertyValue("LinkNumberFormatToSource", Any(false));
    y->setPropertyValue("NumberFormat", Any(format_index(doc, css::i18n::NumberFormatIndex::PERCENT_INT)));
    const Reference<css::beans::XPropertySet> x(Reference<css::chart::XAxisXSupplier>(diagram, UNO_QUERY_THROW)->getXAxis(),
                                                UNO_QUERY_THROW);
    x->setPropertyValue("TextBreak", Any(true));  // long CdR names wrap beside their bar
    x->setPropertyValue("ReverseDirection", Any(true));  // the first group on top, as in the table
    x->setPropertyValue("TextRotation", Any(sal_Int32(0)));
    x->setPropertyValue("TextCanOverlap", Any(true));  // every bar keeps its label (Calc hides every other one when crowded)
    x->setPropertyValue("CharHeight", Any(chart.label_height));
}

// A cell's text on one line (the cell wraps it): a text with line breaks through setDataArray
// records an undo action of Calc's even behind our lock (7.4, edit.hpp), and the plan's own cells
// (an indicator, a note) often have them.
std::string one_line(std::string s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '\r' || s[i] == '\n') {
            const bool pair = s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n';
            s.replace(i, pair ? 2 : 1, " ");
        }
    return s;
}

// A chart's shape is named by its embedded object's PersistName; XNamed gives "" in 7.4.
std::string chart_of_shape(const Reference<css::drawing::XShape>& shape) {
    const Reference<css::beans::XPropertySet> props(shape, UNO_QUERY);
    rtl::OUString name;
    try {
        if (props.is() && props->getPropertySetInfo()->hasPropertyByName("PersistName")) props->getPropertyValue("PersistName") >>= name;
    } catch (const css::uno::Exception&) {
    }
    return uno::to_utf8(name);
}

// The group's name wide enough to read, the figures narrow.
void set_widths(const Reference<css::container::XIndexAccess>& columns, const std::vector<sal_Int32>& widths) {
    for (std::size_t c = 0; c < widths.size(); ++c) {
        Reference<css::beans::XPropertySet>(columns->getByIndex(sal_Int32(c)), UNO_QUERY_THROW)->setPropertyValue("Width", Any(widths[c]));
        keep_undo_locked();
    }
}

// From `y` down to the first row of the plan's page breaks below it, less a margin (1/100 mm).
int room_below(const Reference<css::sheet::XSpreadsheet>& out, const SummaryPlan& plan, sal_Int32 y) {
    const Reference<css::container::XIndexAccess> rows(Reference<css::table::XColumnRowRange>(out, UNO_QUERY_THROW)->getRows(),
                                                       UNO_QUERY_THROW);
    for (int r : plan.page_breaks) {
        css::awt::Point p;
        Reference<css::beans::XPropertySet>(rows->getByIndex(r), UNO_QUERY_THROW)->getPropertyValue("Position") >>= p;
        if (p.Y > y) return p.Y - y - 300;
    }
    return std::numeric_limits<int>::max();
}

}  // namespace

std::string chart_name_for(const std::string& summary_sheet) { return chart_prefix + summary_sheet; }

Sequence<Sequence<Any>> summary_cells(const SummaryPlan& plan, Lang lang, const std::string& plan_sheet) {
    std::vector<Sequence<Any>> rows;
    for (const auto& r : plan.rows) {
        Sequence<Any> row(SummaryPlan::width);
        for (int c = 0; c < SummaryPlan::width; ++c) {
            const SummaryCell& cell = r[std::size_t(c)];
            Any& out = row.getArray()[c];
            switch (cell.kind) {
            case SummaryCell::Kind::empty: out <<= rtl::OUString(); break;
            case SummaryCell::Kind::text: out <<= uno::to_ou(one_line(cell.text)); break;
            case SummaryCell::Kind::number: out <<= cell.number; break;
            case SummaryCell::Kind::label: out <<= uno::to_ou(summary_label(plan, cell.label, lang, plan_sheet)); break;
            case SummaryCell::Kind::phrase: out <<= uno::to_ou(say(cell.text, lang, cell.args)); break;
            }
        }
        rows.push_back(row);
    }
    return Sequence<Sequence<Any>>(rows.data(), sal_Int32(rows.size()));
}

void write_summary(const Reference<css::sheet::XSpreadsheetDocument>& document,
                   const Reference<css::lang::XMultiServiceFactory>& factory, const Reference<css::sheet::XSpreadsheet>& out,
                   const SummaryPlan& plan, const Sequence<Sequence<Any>>& cells, const css::lang::Locale& locale) {
    const int rows = cells.getLength(), width = SummaryPlan::width;
    const sal_Int16 index = Reference<css::sheet::XCellRangeAddressable>(out, UNO_QUERY_THROW)->getRangeAddress().Sheet;
    write_step("summary cells");
    Reference<css::sheet::XCellRangeData>(out->getCellRangeByPosition(0, 0, width - 1, rows - 1), UNO_QUERY_THROW)
        ->setDataArray(cells);
    keep_undo_locked();
    std::vector<css::table::CellRangeAddress> bold, colours[3];
    for (int r : plan.bold_rows) bold.push_back(range(index, r, 0, r, width - 1));
    for (const auto& l : plan.lights) colours[l.level].push_back(range(index, l.row, l.col, l.row, l.col));
    write_step("summary styles");
    if (!bold.empty()) props_of(factory, bold)->setPropertyValue("CharWeight", Any(css::awt::FontWeight::BOLD));
    keep_undo_locked();  // each attribute call may turn Calc's recording back on (edit.hpp)
    std::vector<css::table::CellRangeAddress> percent;
    for (const SummaryPlan::Area& a : plan.percent) percent.push_back(range(index, a.first_row, a.first_col, a.last_row, a.last_col));
    if (!percent.empty()) {
        props_of(factory, percent)
            ->setPropertyValue("NumberFormat", Any(format_index(document, css::i18n::NumberFormatIndex::PERCENT_DEC2, locale)));
        keep_undo_locked();
    }
    const sal_Int32 light[3] = {fill_green, fill_amber, fill_red};
    for (int k = 0; k < 3; ++k)
        if (!colours[k].empty()) {
            props_of(factory, colours[k])->setPropertyValue("CellBackColor", Any(light[k]));
            keep_undo_locked();
        }
    // before the chart is placed beside the columns
    // the group (or the list's row), counts, the attainment heading, statuses
    // (the scorecards' share in E, the Relazione's attainment in G and deviation in I: their headings' words fit whole)
    // and the chart's data, its short labels and the means
    std::vector<sal_Int32> widths{9000, 2200, 2200, 2200, 2600, 3300, 3300, 2000, 2600, 2000, 2000, 2000, 2000, 7000, 4300};
    set_widths(Reference<css::container::XIndexAccess>(Reference<css::table::XColumnRowRange>(out, UNO_QUERY_THROW)->getColumns(),
                                                       UNO_QUERY_THROW), widths);
}

std::optional<SummaryChart> plan_chart(const Reference<css::sheet::XSpreadsheet>& out, sal_Int16 index, const SummaryPlan& plan,
                                       Lang lang, const std::string& plan_sheet, css::awt::Point at) {
    if (plan.chart_first < 0 || plan.chart_last <= plan.chart_first) return std::nullopt;
    if (at.X < 0) {
        const Reference<css::container::XIndexAccess> cols(
            Reference<css::table::XColumnRowRange>(out, UNO_QUERY_THROW)->getColumns(), UNO_QUERY_THROW);
        Reference<css::beans::XPropertySet>(cols->getByIndex(SummaryPlan::width + 1), UNO_QUERY_THROW)->getPropertyValue("Position") >>= at;
        at.Y = SummaryPlan::chart_top;
    }
    SummaryChart c;
    // as tall as the plan says (plan.hpp: a short label on one line beside each bar), and ending
    // above the next row that starts a page, which the plan keeps far enough down unless the
    // user moved the chart; less room, smaller labels
    const int bars = plan.chart_last - plan.chart_first;
    const int height = 600 * bars + 3000;
    const int room = std::max(4000, std::min(SummaryPlan::chart_height(bars), room_below(out, plan, at.Y)));
    c.rect = css::awt::Rectangle(at.X, at.Y, 32000, room);
    // a label as tall as its bar's share of the plot allows (8/10 of it), 10 pt at most; below
    // 5 pt (about 60 CdRs on a page) labels touch rather than Calc leaving every other one out
    if (height > room) {
        const float pitch_pt = float(c.rect.Height - 3000) / float(bars) / 100.0f / 0.3528f;
        c.label_height = std::clamp(pitch_pt * 0.8f, 5.0f, 10.0f);
    }
    c.source = {range(index, plan.chart_first, SummaryPlan::chart_label_col, plan.chart_last, SummaryPlan::chart_label_col + 1)};
    c.title = text(Msg::chart_title, lang, {plan_sheet});  // printed on its own page: which plan
    // bars coloured by the band of their value, as the cells are (darker); the axis from 0 to
    // 100 %, further when a value passes it
    double top = 1;
    const sal_Int32 bar[3] = {0x43A047, 0xFFB300, 0xE53935};
    const int values = SummaryPlan::chart_label_col + 1;
    // Calc's first series colour: a group with no mean has no bar anyway
    c.colours.assign(std::size_t(bars), 0x004586);
    for (const SummaryPlan::Light& l : plan.lights)
        if (l.col == values && l.row > plan.chart_first && l.row <= plan.chart_last)
            c.colours[std::size_t(l.row - plan.chart_first - 1)] = bar[l.level];
    for (int row = plan.chart_first + 1; row <= plan.chart_last; ++row) {
        const SummaryCell& value = plan.rows[std::size_t(row)][std::size_t(values)];
        if (value.kind == SummaryCell::Kind::number) top = std::max(top, value.number);
    }
    c.max = std::ceil(top * 10 - 1e-9) / 10;
    c.step = top > 1.5 ? 0.5 : 0.2;
    return c;
}

std::string add_chart(const Reference<css::sheet::XSpreadsheet>& out, const SummaryChart& chart) {
    const Reference<css::table::XTableCharts> charts = Reference<css::table::XTableChartsSupplier>(out, UNO_QUERY_THROW)->getCharts();
    const Sequence<css::table::CellRangeAddress> source(chart.source.data(), sal_Int32(chart.source.size()));
    std::string name;
    for (int n = 1; name.empty(); ++n) {
        const std::string candidate = chart.name + (n > 1 ? " (" + std::to_string(n) + ")" : "");
        write_step("chart");
        try {
            charts->addNewByName(uno::to_ou(candidate), chart.rect, source, true, true);
            name = candidate;
        } catch (const css::uno::Exception&) {
            // 7.4 throws a RuntimeException (chartuno.cxx) for a name any object already has
            if (n >= 20) throw;
        }
    }
    keep_undo_locked();
    try {
        set_look(chart_document(charts, name), chart);
    } catch (const css::uno::Exception&) {
        // the chart is there; its cosmetics are not worth failing the summary for
    }
    keep_undo_locked();
    return name;
}

std::vector<SummaryChart> summary_charts(const Reference<css::sheet::XSpreadsheet>& out) {
    std::vector<SummaryChart> found;
    const Reference<css::table::XTableCharts> charts = Reference<css::table::XTableChartsSupplier>(out, UNO_QUERY_THROW)->getCharts();
    for (const rtl::OUString& n : charts->getElementNames()) {
        SummaryChart c;
        c.name = uno::to_utf8(n);
        if (c.name.rfind(chart_prefix, 0) != 0) continue;
        const Reference<css::table::XTableChart> chart(charts->getByName(n), UNO_QUERY_THROW);
        for (const auto& a : chart->getRanges()) c.source.push_back(a);
        const Reference<css::chart::XChartDocument> doc = chart_document(charts, c.name);
        try {
            c.title = uno::to_utf8(Reference<css::beans::XPropertySet>(doc->getTitle(), UNO_QUERY_THROW)
                                       ->getPropertyValue("String").get<rtl::OUString>());
            const Reference<css::chart::XDiagram> diagram = doc->getDiagram();
            const int bars = c.source.empty() ? 0 : c.source[0].EndRow - c.source[0].StartRow;
            for (int i = 0; i < bars; ++i) {
                sal_Int32 colour = 0;
                diagram->getDataPointProperties(i, 0)->getPropertyValue("Color") >>= colour;
                c.colours.push_back(colour);
            }
            const Reference<css::beans::XPropertySet> y(Reference<css::chart::XAxisYSupplier>(diagram, UNO_QUERY_THROW)->getYAxis(),
                                                        UNO_QUERY_THROW);
            Reference<css::beans::XPropertySet>(Reference<css::chart::XAxisXSupplier>(diagram, UNO_QUERY_THROW)->getXAxis(),
                                                UNO_QUERY_THROW)->getPropertyValue("CharHeight") >>= c.label_height;
            y->getPropertyValue("Max") >>= c.max;
            y->getPropertyValue("StepMain") >>= c.step;
        } catch (const css::uno::Exception&) {
        }
        found.push_back(std::move(c));
    }
    // where each sits: its shape on the sheet's draw page, found by the object's name
    const Reference<css::container::XIndexAccess> shapes(
        Reference<css::drawing::XDrawPageSupplier>(out, UNO_QUERY_THROW)->getDrawPage(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < shapes->getCount(); ++i) {
        const Reference<css::drawing::XShape> shape(shapes->getByIndex(i), UNO_QUERY);
        if (!shape.is()) continue;
        const std::string name = chart_of_shape(shape);
        for (SummaryChart& c : found)
            if (name == c.name) {
                const css::awt::Point p = shape->getPosition();
                const css::awt::Size z = shape->getSize();
                c.rect = css::awt::Rectangle(p.X, p.Y, z.Width, z.Height);
            }
    }
    return found;
}

// Through the draw page: XTableCharts::removeByName aborts Calc 7.4 while the undo manager is
// locked (docs/decisions.md), and an edit always holds that lock.
void remove_charts(const Reference<css::sheet::XSpreadsheet>& out, const std::vector<SummaryChart>& charts) {
    const Reference<css::drawing::XShapes> shapes(
        Reference<css::drawing::XDrawPageSupplier>(out, UNO_QUERY_THROW)->getDrawPage(), UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> all(shapes, UNO_QUERY_THROW);
    for (sal_Int32 i = all->getCount() - 1; i >= 0; --i) {
        const Reference<css::drawing::XShape> shape(all->getByIndex(i), UNO_QUERY);
        if (!shape.is()) continue;
        const std::string name = chart_of_shape(shape);
        if (std::none_of(charts.begin(), charts.end(), [&](const SummaryChart& c) { return c.name == name; })) continue;
        write_step("remove chart");
        shapes->remove(shape);
        keep_undo_locked();
    }
}

namespace {

Reference<css::container::XNameContainer> page_styles(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    return Reference<css::container::XNameContainer>(
        Reference<css::style::XStyleFamiliesSupplier>(document, UNO_QUERY_THROW)->getStyleFamilies()->getByName("PageStyles"),
        UNO_QUERY_THROW);
}

// The first column (row) whose start is at or past `end`, from `from`: where a rectangle ends.
sal_Int32 index_past(const Reference<css::container::XIndexAccess>& lines, sal_Int32 from, sal_Int32 end, bool rows) {
    sal_Int32 i = from;
    for (; i + 1 < lines->getCount() && i < from + 500; ++i) {
        css::awt::Point p;
        Reference<css::beans::XPropertySet>(lines->getByIndex(i + 1), UNO_QUERY_THROW)->getPropertyValue("Position") >>= p;
        if ((rows ? p.Y : p.X) >= end) break;
    }
    return i;
}

void frame(const Reference<css::sheet::XSpreadsheet>& out, const SummaryPlan::Box& b) {
    css::table::BorderLine2 thin;
    thin.Color = 0x808080;
    thin.LineStyle = css::table::BorderLineStyle::SOLID;
    thin.LineWidth = 26;  // Calc's "thin", 0.75 pt
    thin.OuterLineWidth = 26;
    css::table::TableBorder2 border;
    border.TopLine = border.BottomLine = border.LeftLine = border.RightLine = border.HorizontalLine = border.VerticalLine = thin;
    border.IsTopLineValid = border.IsBottomLineValid = border.IsLeftLineValid = border.IsRightLineValid = true;
    border.IsHorizontalLineValid = border.IsVerticalLineValid = true;
    const Reference<css::beans::XPropertySet> box(out->getCellRangeByPosition(0, b.first_row, b.last_col, b.last_row), UNO_QUERY_THROW);
    box->setPropertyValue("TableBorder2", Any(border));
    keep_undo_locked();
    // headings and lists on several lines; in a table a long group name shrunk to its cell, never
    // cut, so that a table of 40 groups stays on one page (Calc repeats only one set of heading
    // rows per sheet)
    const int wrapped = b.list ? b.last_row : b.first_row;
    Reference<css::beans::XPropertySet>(out->getCellRangeByPosition(0, b.first_row, b.last_col, wrapped), UNO_QUERY_THROW)
        ->setPropertyValue("IsTextWrapped", Any(true));
    keep_undo_locked();
    if (wrapped < b.last_row) {
        Reference<css::beans::XPropertySet>(out->getCellRangeByPosition(0, wrapped + 1, b.last_col, b.last_row), UNO_QUERY_THROW)
            ->setPropertyValue("ShrinkToFit", Any(true));
        keep_undo_locked();
    }
}

// Every page headed by its sheet's name and footed "n / m": the tables' own title row prints on
// their first page only, the one repeated row being the Relazione's headings (plan.hpp).
void head_and_foot(const Reference<css::lang::XMultiServiceFactory>& factory, const Reference<css::beans::XPropertySet>& style) {
    const auto field = [&](const char* service) {
        return Reference<css::text::XTextContent>(factory->createInstance(rtl::OUString::createFromAscii(service)), UNO_QUERY_THROW);
    };
    const auto fill = [&](const char* property, const std::vector<Reference<css::text::XTextContent>>& fields) {
        const Reference<css::sheet::XHeaderFooterContent> content(style->getPropertyValue(rtl::OUString::createFromAscii(property)),
                                                                  UNO_QUERY_THROW);
        content->getLeftText()->setString("");
        content->getRightText()->setString("");
        const Reference<css::text::XText> centre = content->getCenterText();
        centre->setString("");
        // through a cursor: a header's getEnd() is no range its insertTextContent takes (7.4)
        const Reference<css::text::XTextCursor> cursor = centre->createTextCursor();
        const Reference<css::text::XTextRange> at(cursor, UNO_QUERY_THROW);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            cursor->gotoEnd(false);
            if (i) centre->insertString(at, " / ", false);
            cursor->gotoEnd(false);
            centre->insertTextContent(at, fields[i], false);
        }
        style->setPropertyValue(rtl::OUString::createFromAscii(property), Any(content));
        keep_undo_locked();
    };
    try {
        style->setPropertyValue("HeaderIsOn", Any(true));
        keep_undo_locked();
        style->setPropertyValue("FooterIsOn", Any(true));
        keep_undo_locked();
        fill("RightPageHeaderContent", {field("com.sun.star.text.TextField.SheetName")});
        fill("RightPageFooterContent", {field("com.sun.star.text.TextField.PageNumber"), field("com.sun.star.text.TextField.PageCount")});
    } catch (const css::uno::Exception&) {
        keep_undo_locked();  // the pages print without; not worth failing the summary for
    }
}

}  // namespace

PrintSetup read_print(const Reference<css::sheet::XSpreadsheet>& out) {
    PrintSetup p;
    rtl::OUString style;
    Reference<css::beans::XPropertySet>(out, UNO_QUERY_THROW)->getPropertyValue("PageStyle") >>= style;
    p.page_style = uno::to_utf8(style);
    const Reference<css::sheet::XPrintAreas> areas(out, UNO_QUERY_THROW);
    for (const auto& a : areas->getPrintAreas()) p.areas.push_back(a);
    p.title_rows = areas->getTitleRows();
    p.print_title_rows = areas->getPrintTitleRows();
    const Reference<css::container::XIndexAccess> cols(Reference<css::table::XColumnRowRange>(out, UNO_QUERY_THROW)->getColumns(),
                                                       UNO_QUERY_THROW);
    for (int c = 0; c < SummaryPlan::width; ++c) {
        sal_Int32 w = 0;
        Reference<css::beans::XPropertySet>(cols->getByIndex(c), UNO_QUERY_THROW)->getPropertyValue("Width") >>= w;
        p.widths.push_back(w);
    }
    const Reference<css::sheet::XSheetPageBreak> breaks(out, UNO_QUERY_THROW);
    for (const auto& b : breaks->getRowPageBreaks())
        if (b.ManualBreak) p.row_breaks.push_back(b.Position);
    for (const auto& b : breaks->getColumnPageBreaks())
        if (b.ManualBreak) p.column_breaks.push_back(b.Position);
    return p;
}

void restore_print(const Reference<css::sheet::XSpreadsheet>& out, const PrintSetup& p) {
    write_step("print setup");
    Reference<css::beans::XPropertySet>(out, UNO_QUERY_THROW)->setPropertyValue("PageStyle", Any(uno::to_ou(p.page_style)));
    keep_undo_locked();
    const Reference<css::sheet::XPrintAreas> areas(out, UNO_QUERY_THROW);
    // each of these calls turns Calc's undo recording back on (7.4): locked again after each
    areas->setPrintAreas(Sequence<css::table::CellRangeAddress>(p.areas.data(), sal_Int32(p.areas.size())));
    keep_undo_locked();
    areas->setTitleRows(p.title_rows);
    keep_undo_locked();
    areas->setPrintTitleRows(p.print_title_rows);
    keep_undo_locked();
    Reference<css::sheet::XSheetPageBreak>(out, UNO_QUERY_THROW)->removeAllManualPageBreaks();
    keep_undo_locked();
    const Reference<css::table::XColumnRowRange> lines(out, UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> rows(lines->getRows(), UNO_QUERY_THROW), cols(lines->getColumns(), UNO_QUERY_THROW);
    for (sal_Int32 r : p.row_breaks) {
        Reference<css::beans::XPropertySet>(rows->getByIndex(r), UNO_QUERY_THROW)->setPropertyValue("IsStartOfNewPage", Any(true));
        keep_undo_locked();
    }
    for (sal_Int32 c : p.column_breaks) {
        Reference<css::beans::XPropertySet>(cols->getByIndex(c), UNO_QUERY_THROW)->setPropertyValue("IsStartOfNewPage", Any(true));
        keep_undo_locked();
    }
    set_widths(cols, p.widths);
}

void set_print(const Reference<css::sheet::XSpreadsheetDocument>& document, const Reference<css::sheet::XSpreadsheet>& out,
               const SummaryPlan& plan, const std::optional<SummaryChart>& chart, bool& created) {
    const Reference<css::container::XNameContainer> styles = page_styles(document);
    write_step("page style");
    if (!styles->hasByName(page_style)) {
        const Reference<css::uno::XInterface> style =
            Reference<css::lang::XMultiServiceFactory>(document, UNO_QUERY_THROW)->createInstance("com.sun.star.style.PageStyle");
        styles->insertByName(page_style, Any(style));
        created = true;
        keep_undo_locked();
        const Reference<css::beans::XPropertySet> props(styles->getByName(page_style), UNO_QUERY_THROW);
        css::awt::Size size;
        props->getPropertyValue("Size") >>= size;  // the locale's paper, A4 or Letter
        const std::pair<const char*, Any> page[] = {
            {"IsLandscape", Any(true)},
            {"Size", Any(css::awt::Size(std::max(size.Width, size.Height), std::min(size.Width, size.Height)))},
            {"ScaleToPagesX", Any(sal_Int16(1))},
            {"ScaleToPagesY", Any(sal_Int16(0))}};  // as many pages down as it takes
        for (const auto& [name, value] : page) {
            props->setPropertyValue(rtl::OUString::createFromAscii(name), value);
            keep_undo_locked();
        }
        head_and_foot(Reference<css::lang::XMultiServiceFactory>(document, UNO_QUERY_THROW), props);
    }
    Reference<css::beans::XPropertySet>(out, UNO_QUERY_THROW)->setPropertyValue("PageStyle", Any(rtl::OUString(page_style)));
    keep_undo_locked();
    const sal_Int16 index = Reference<css::sheet::XCellRangeAddressable>(out, UNO_QUERY_THROW)->getRangeAddress().Sheet;
    const int rows = int(plan.rows.size());
    std::vector<css::table::CellRangeAddress> areas{range(index, 0, 0, rows - 1, SummaryPlan::printed_width - 1)};
    const Reference<css::table::XColumnRowRange> lines(out, UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> row_lines(lines->getRows(), UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> col_lines(lines->getColumns(), UNO_QUERY_THROW);
    if (chart) {
        const sal_Int32 first_col = index_past(col_lines, 0, chart->rect.X + 1, false);
        const sal_Int32 first_row = index_past(row_lines, 0, chart->rect.Y + 1, true);
        areas.push_back(range(index, first_row, first_col, index_past(row_lines, first_row, chart->rect.Y + chart->rect.Height, true),
                              index_past(col_lines, first_col, chart->rect.X + chart->rect.Width, false)));
    }
    const Reference<css::sheet::XPrintAreas> print(out, UNO_QUERY_THROW);
    print->setPrintAreas(Sequence<css::table::CellRangeAddress>(areas.data(), sal_Int32(areas.size())));
    keep_undo_locked();
    print->setTitleRows(range(index, plan.repeat_row, 0, plan.repeat_row, SummaryPlan::printed_width - 1));
    keep_undo_locked();
    print->setPrintTitleRows(true);
    keep_undo_locked();
    Reference<css::sheet::XSheetPageBreak>(out, UNO_QUERY_THROW)->removeAllManualPageBreaks();
    keep_undo_locked();
    for (int r : plan.page_breaks) {
        Reference<css::beans::XPropertySet>(row_lines->getByIndex(r), UNO_QUERY_THROW)->setPropertyValue("IsStartOfNewPage", Any(true));
        keep_undo_locked();
    }
    for (const SummaryPlan::Box& b : plan.boxes) frame(out, b);
}

void store_pdf(const Reference<css::uno::XInterface>& document, const Reference<css::sheet::XSpreadsheet>& sheet,
               const rtl::OUString& url) {
    // a sheet as the selection: that sheet's print ranges, with their drawings (the chart)
    const css::beans::PropertyValue selection = uno::property("Selection", Any(sheet));
    const Sequence<css::beans::PropertyValue> filter(&selection, 1);
    const css::beans::PropertyValue args[] = {uno::property("FilterName", Any(rtl::OUString("calc_pdf_Export"))),
                                              uno::property("FilterData", Any(filter)), uno::property("Overwrite", Any(true))};
    Reference<css::frame::XStorable>(document, UNO_QUERY_THROW)->storeToURL(url, Sequence<css::beans::PropertyValue>(args, 3));
}

void remove_page_style(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    const Reference<css::container::XNameContainer> styles = page_styles(document);
    if (!styles->hasByName(page_style)) return;
    const Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        rtl::OUString used;
        Reference<css::beans::XPropertySet>(sheets->getByIndex(i), UNO_QUERY_THROW)->getPropertyValue("PageStyle") >>= used;
        if (used == page_style) return;
    }
    styles->removeByName(page_style);
}

}  // namespace pegkit::sidebar
