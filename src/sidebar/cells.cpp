#include "cells.hpp"

#include "edit.hpp"
#include "format_groups.hpp"
#include "row_heights.hpp"
#include "text_format_first.hpp"

#include "convert.hpp"

#include <com/sun/star/beans/PropertyState.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <stdexcept>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

// Rewriting a cell a block covers costs Calc about 3 us (Calc 7.4, a 100,000-row column); each
// block costs it about 3 ms more, as it splits and joins the column's storage: a block goes on
// over at most this many cells kept as they are, and a new one starts after a longer stretch.
constexpr int max_kept = 600;

sal_Int16 sheet_index(const Reference<css::sheet::XSpreadsheet>& sheet) {
    return Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)->getRangeAddress().Sheet;
}

constexpr std::size_t ranges_per_call = 256;

// Cells as rectangles one column wide, consecutive rows joined.
std::vector<css::table::CellRangeAddress> runs(sal_Int16 sheet, std::vector<CellPos> cells) {
    std::sort(cells.begin(), cells.end(), [](CellPos a, CellPos b) { return a.col != b.col ? a.col < b.col : a.row < b.row; });
    std::vector<css::table::CellRangeAddress> out;
    for (std::size_t i = 0; i < cells.size();) {
        std::size_t j = i;
        while (j + 1 < cells.size() && cells[j + 1].col == cells[i].col && cells[j + 1].row == cells[j].row + 1) ++j;
        css::table::CellRangeAddress a;
        a.Sheet = sheet;
        a.StartColumn = a.EndColumn = cells[i].col;
        a.StartRow = cells[i].row;
        a.EndRow = cells[j].row;
        out.push_back(a);
        i = j + 1;
    }
    return out;
}

template <class F>
void cells_in(const std::set<CellPos>& cells, const css::table::CellRangeAddress& a, F&& f) {
    for (auto it = cells.lower_bound({a.StartRow, 0}); it != cells.end() && it->row <= a.EndRow; ++it)
        if (it->col >= a.StartColumn && it->col <= a.EndColumn) f(*it);
}

}  // namespace

#ifndef NDEBUG
namespace {
long failing_step = 0, steps = 0;  // this edit's step to fail (0: none) and the steps so far
}  // namespace
#endif

void arm_write_hook() {
#ifndef NDEBUG
    failing_step = steps = 0;
    const char* path = std::getenv("PEGKIT_FAIL_WRITE");
    if (!path) return;
    std::ifstream in(path);
    in >> failing_step;
#endif
}

void disarm_write_hook() {
#ifndef NDEBUG
    failing_step = 0;
#endif
}

void write_step(const char* what) {
    keep_undo_locked();
#ifndef NDEBUG
    if (failing_step > 0 && ++steps == failing_step) {
        failing_step = 0;  // once: taking back what was written must not fail too
        throw std::runtime_error(std::string("test hook: ") + what);
    }
#else
    (void)what;
#endif
}

namespace {

// Calls f(props, state, cells inside) for each group of like-formatted cells that holds some of
// `cells`: a few calls for a whole sheet, never one per cell.
template <class F>
void for_each_format_group(const Reference<css::sheet::XSpreadsheet>& sheet, const std::set<CellPos>& cells, F&& f) {
    if (cells.empty()) return;
    for_each_sheet_format_group(sheet, [&](const auto& ranges, const auto& props, const auto& state) {
        std::vector<CellPos> inside;
        for (const auto& a : ranges->getRangeAddresses()) cells_in(cells, a, [&](CellPos p) { inside.push_back(p); });
        if (!inside.empty()) f(props, state, inside);
    });
}

}  // namespace

Reference<css::sheet::XSheetCellRangeContainer> make_ranges(const Reference<css::lang::XMultiServiceFactory>& factory,
                                                            const std::vector<css::table::CellRangeAddress>& addresses) {
    Reference<css::sheet::XSheetCellRangeContainer> ranges(factory->createInstance("com.sun.star.sheet.SheetCellRanges"),
                                                           UNO_QUERY_THROW);
    ranges->addRangeAddresses(Sequence<css::table::CellRangeAddress>(addresses.data(), sal_Int32(addresses.size())), false);
    return ranges;
}

std::map<CellPos, Fill> read_fills(const Reference<css::sheet::XSpreadsheet>& sheet, const std::set<CellPos>& cells) {
    std::map<CellPos, Fill> out;
    for_each_format_group(sheet, cells, [&](const auto& props, const auto& state, const std::vector<CellPos>& inside) {
        Fill f;
        if (state->getPropertyState("CellBackColor") != css::beans::PropertyState_DEFAULT_VALUE) {
            f.is_default = false;
            props->getPropertyValue("CellBackColor") >>= f.colour;
        }
        for (CellPos p : inside) out[p] = f;
    });
    return out;
}

void set_fills(const Reference<css::sheet::XSpreadsheet>& sheet, const Reference<css::lang::XMultiServiceFactory>& factory,
               const std::map<CellPos, Fill>& fills) {
    std::map<std::pair<bool, sal_Int32>, std::vector<CellPos>> by_fill;
    for (const auto& [p, f] : fills) by_fill[{f.is_default, f.is_default ? -1 : f.colour}].push_back(p);
    const sal_Int16 index = sheet_index(sheet);
    for (const auto& [f, cells] : by_fill) {
        write_step("fill");
        const Reference<css::sheet::XSheetCellRangeContainer> ranges = make_ranges(factory, runs(index, cells));
        if (f.first) {
            Reference<css::beans::XPropertyState>(ranges, UNO_QUERY_THROW)->setPropertyToDefault("CellBackColor");
        } else {
            const Reference<css::beans::XPropertySet> props(ranges, UNO_QUERY_THROW);
            props->setPropertyValue("CellBackColor", Any(f.second));
            keep_undo_locked();
            if (f.second == -1) props->setPropertyValue("IsCellBackgroundTransparent", Any(true));
        }
    }
}

std::map<CellPos, std::string> read_notes(const Reference<css::sheet::XSpreadsheet>& sheet) {
    std::map<CellPos, std::string> out;
    const Reference<css::container::XEnumerationAccess> notes(
        Reference<css::sheet::XSheetAnnotationsSupplier>(sheet, UNO_QUERY_THROW)->getAnnotations(), UNO_QUERY_THROW);
    const auto e = notes->createEnumeration();
    while (e->hasMoreElements()) {
        const Reference<css::sheet::XSheetAnnotation> note(e->nextElement(), UNO_QUERY);
        const Reference<css::text::XSimpleText> body(note, UNO_QUERY);
        if (!note.is() || !body.is()) continue;
        const css::table::CellAddress a = note->getPosition();
        out[{a.Row, a.Column}] = uno::to_utf8(body->getString());
    }
    return out;
}

void set_notes(const Reference<css::sheet::XSpreadsheet>& sheet, const Reference<css::lang::XMultiServiceFactory>& factory,
               const std::map<CellPos, std::optional<std::string>>& notes, const std::map<CellPos, std::string>& now) {
    std::vector<CellPos> remove;
    for (const auto& [p, text] : notes)
        if (now.count(p)) remove.push_back(p);
    const sal_Int16 index = sheet_index(sheet);
    if (!remove.empty()) {
        write_step("remove notes");
        Reference<css::sheet::XSheetOperation>(make_ranges(factory, runs(index, remove)), UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::ANNOTATION);
    }
    const Reference<css::sheet::XSheetAnnotations> annotations =
        Reference<css::sheet::XSheetAnnotationsSupplier>(sheet, UNO_QUERY_THROW)->getAnnotations();
    for (const auto& [p, text] : notes) {
        if (!text) continue;
        write_step("note");
        css::table::CellAddress a;
        a.Sheet = index;
        a.Column = p.col;
        a.Row = p.row;
        annotations->insertNew(a, uno::to_ou(*text));
    }
}

Untouchable untouchable_cells(const Reference<css::sheet::XSpreadsheet>& sheet, int rows, int cols,
                              const std::vector<bool>& hidden_rows) {
    Untouchable u;
    u.hidden_rows = hidden_rows;
    if (rows <= 0 || cols <= 0) return u;
    const Reference<css::sheet::XCellRangesQuery> query(sheet->getCellRangeByPosition(0, 0, cols - 1, rows - 1), UNO_QUERY_THROW);
    // setDataArray drops a cell's note and its text formatting; formulas are never rewritten
    const sal_Int16 flags = css::sheet::CellFlags::FORMULA | css::sheet::CellFlags::ANNOTATION | css::sheet::CellFlags::FORMATTED;
    for (const auto& a : query->queryContentCells(flags)->getRangeAddresses()) {
        if (std::size_t(a.EndRow - a.StartRow + 1) * std::size_t(a.EndColumn - a.StartColumn + 1) > 20'000'000) continue;
        for (sal_Int32 r = a.StartRow; r <= a.EndRow; ++r)
            for (sal_Int32 c = a.StartColumn; c <= a.EndColumn; ++c) u.cells.insert({r, c});
    }
    return u;
}

void set_number_formats(const Reference<css::lang::XMultiServiceFactory>& factory, const NumberFormats& formats) {
    for (const NumberFormatPiece& piece : formats) {
        // Calc joins a call's ranges one by one (ScRangeList::Join): a few hundred a call at most
        for (std::size_t from = 0; from < piece.ranges.size(); from += ranges_per_call) {
            const std::vector<css::table::CellRangeAddress> part(
                piece.ranges.begin() + std::ptrdiff_t(from),
                piece.ranges.begin() + std::ptrdiff_t(std::min(piece.ranges.size(), from + ranges_per_call)));
            keep_undo_locked();
            const Reference<css::sheet::XSheetCellRangeContainer> ranges = make_ranges(factory, part);
            if (piece.is_default) Reference<css::beans::XPropertyState>(ranges, UNO_QUERY_THROW)->setPropertyToDefault("NumberFormat");
            else Reference<css::beans::XPropertySet>(ranges, UNO_QUERY_THROW)->setPropertyValue("NumberFormat", Any(piece.format));
        }
    }
}

void add_multiline(Untouchable& untouchable, const Grid& grid) {
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c)
            if (grid.at(r, c).text.find('\n') != std::string::npos) untouchable.rows.insert(r);
}

void write_texts(const Reference<css::uno::XComponentContext>& context, const Reference<css::frame::XModel>& model,
                 const Reference<css::sheet::XSpreadsheet>& sheet, const std::vector<TextWrite>& writes,
                 const Untouchable& untouchable, NumberFormats& formats) {
    const auto alone_write = [&](const TextWrite& w) {
        return untouchable.covers(w.at) || w.text.find('\n') != std::string::npos;
    };
    std::optional<HeightShaping> shaping;  // read when the first block is written
    AdjustHeights heights(model);
    TextFormatFirst text_first(context, model, sheet, formats);
    std::vector<const TextWrite*> alone;
    for (std::size_t i = 0; i < writes.size();) {
        if (alone_write(writes[i])) {
            alone.push_back(&writes[i++]);
            continue;
        }
        // A block: from this write down to the last write of the column reachable over cells
        // that a block may cover, with no longer stretch of cells kept as they are than max_kept.
        const int col = writes[i].at.col, first = writes[i].at.row;
        std::size_t j = i;
        int row = first;
        while (j + 1 < writes.size() && writes[j + 1].at.col == col && !alone_write(writes[j + 1]) &&
               writes[j + 1].at.row - row <= max_kept) {
            int r = row + 1;
            while (r < writes[j + 1].at.row && !untouchable.covers({r, col})) ++r;
            if (r != writes[j + 1].at.row) break;
            row = r;
            ++j;
        }
        const int last = writes[j].at.row;
        if (!shaping) shaping.emplace(sheet);
        heights.set(shaping->touches(col, first, last));
        const Reference<css::sheet::XCellRangeData> data(sheet->getCellRangeByPosition(col, first, col, last), UNO_QUERY_THROW);
        Sequence<Sequence<Any>> values = data->getDataArray();
        for (std::size_t k = i; k <= j; ++k)
            values.getArray()[writes[k].at.row - first].getArray()[0] <<= uno::to_ou(writes[k].text);
        text_first.before_block(col, first, last, &writes[i], &writes[j] + 1, values);
        write_step("texts");
        data->setDataArray(values);
        text_first.after_block();
        i = j + 1;
    }
    heights.set(true);
    for (const TextWrite* w : alone) {
        text_first.before_alone(*w);
        write_step("text");
        // XText::setString keeps the cell's note and never reads the text as a number
        Reference<css::text::XText>(sheet->getCellByPosition(w->at.col, w->at.row), UNO_QUERY_THROW)
            ->setString(uno::to_ou(w->text));
    }
}

}  // namespace pegkit::sidebar
