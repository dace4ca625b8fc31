#include "text_format_first.hpp"

#include "format_groups.hpp"

#include "convert.hpp"

#include <com/sun/star/beans/PropertyState.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>
#include <com/sun/star/util/NotNumericException.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <algorithm>

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

// Setting a format on a range and back costs about what the recogniser costs on this many cells
// (Calc 7.4: about 30 us a range, on a column whose 100,000 rows make 20,000 runs of formats,
// against 2.5 us a cell)
constexpr std::size_t cells_per_range = 12;

css::table::CellRangeAddress rows_of(sal_Int16 sheet, int col, int first, int last) {
    css::table::CellRangeAddress a;
    a.Sheet = sheet;
    a.StartColumn = a.EndColumn = col;
    a.StartRow = first;
    a.EndRow = last;
    return a;
}

}  // namespace

TextFormatFirst::TextFormatFirst(const Reference<css::uno::XComponentContext>& context, const Reference<css::frame::XModel>& model,
                                 const Reference<css::sheet::XSpreadsheet>& sheet, NumberFormats& changed)
    : m_sheet(sheet),
      m_sheet_index(Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)->getRangeAddress().Sheet),
      m_factory(model, UNO_QUERY_THROW),
      m_changed(changed) {
    const Reference<css::util::XNumberFormatsSupplier> supplier(model, UNO_QUERY_THROW);
    m_formats = supplier->getNumberFormats();
    if (!context.is()) return;
    m_recogniser.set(context->getServiceManager()->createInstanceWithContext("com.sun.star.util.NumberFormatter", context), UNO_QUERY);
    if (m_recogniser.is()) m_recogniser->attachNumberFormatsSupplier(supplier);
}

std::vector<TextFormatFirst::Run> TextFormatFirst::runs(int col, int first, int last) const {
    std::vector<Run> out;
    const Reference<css::sheet::XUniqueCellFormatRangesSupplier> block(m_sheet->getCellRangeByPosition(col, first, col, last),
                                                                        UNO_QUERY_THROW);
    for_each_format_group_of(block, [&](const auto& ranges, const auto& props, const auto& state) {
        Look look;
        props->getPropertyValue("NumberFormat") >>= look.key;
        look.is_default = state->getPropertyState("NumberFormat") == css::beans::PropertyState_DEFAULT_VALUE;
        for (const css::table::CellRangeAddress& a : ranges->getRangeAddresses()) out.push_back({a.StartRow, a.EndRow, look});
    });
    std::sort(out.begin(), out.end(), [](const Run& a, const Run& b) { return a.first < b.first; });
    // groups differ in any attribute; here only the number format counts
    std::vector<Run> joined;
    for (const Run& r : out)
        if (!joined.empty() && joined.back().last + 1 == r.first && !(joined.back().look < r.look) && !(r.look < joined.back().look))
            joined.back().last = r.last;
        else joined.push_back(r);
    return joined;
}

bool TextFormatFirst::is_text(sal_Int32 key) {
    const auto it = m_is_text.find(key);
    if (it != m_is_text.end()) return it->second;
    sal_Int16 type = 0;
    try {
        m_formats->getByKey(key)->getPropertyValue("Type") >>= type;
    } catch (const css::uno::Exception&) {  // unknown key: not a text one, so written as Calc does
    }
    return m_is_text[key] = (type & css::util::NumberFormat::TEXT) != 0;
}

// The Text format in the language of `key`, so that taking it on and off leaves the cell's language as it was
sal_Int32 TextFormatFirst::text_key(sal_Int32 key) {
    const auto it = m_text_key.find(key);
    if (it != m_text_key.end()) return it->second;
    css::lang::Locale locale;
    m_formats->getByKey(key)->getPropertyValue("Locale") >>= locale;
    return m_text_key[key] = Reference<css::util::XNumberFormatTypes>(m_formats, UNO_QUERY_THROW)
                                 ->getStandardFormat(css::util::NumberFormat::TEXT, locale);
}

// ScColumn::ParseString for a text input: '=' and more is a formula to keep as text, a leading
// apostrophe is kept as written, anything else is asked of the recogniser under the cell's format.
bool TextFormatFirst::calc_gives_text(const rtl::OUString& text, sal_Int32 key) {
    if (is_text(key) || text.isEmpty()) return false;
    if (text.getLength() > 1 && text[0] == '=') return true;
    if (text.getLength() > 1 && text[0] == '\'') return false;
    auto& known = m_reads_as_number[key];
    const auto it = known.find(text);
    if (it != known.end()) return it->second;
    bool number = true;
    try {
        m_recogniser->convertStringToNumber(key, text);
    } catch (const css::util::NotNumericException&) {
        number = false;
    }
    return known[text] = number;
}

void TextFormatFirst::keep(const Look& look, int col, int first, int last) {
    auto [it, added] = m_piece.emplace(look, m_changed.size());
    if (added) m_changed.push_back({look.is_default, look.key, {}});
    std::vector<css::table::CellRangeAddress>& ranges = m_changed[it->second].ranges;
    if (!ranges.empty() && ranges.back().StartColumn == col && ranges.back().EndRow + 1 == first) ranges.back().EndRow = last;
    else ranges.push_back(rows_of(m_sheet_index, col, first, last));
}

const TextFormatFirst::Look& TextFormatFirst::look_at(const std::vector<Run>& block, int row) {
    auto r = std::upper_bound(block.begin(), block.end(), row, [](int n, const Run& run) { return n < run.first; });
    return std::prev(r)->look;
}

void TextFormatFirst::before_block(int col, int first, int last, const TextWrite* begin, const TextWrite* end,
                                  const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& values) {
    m_block.clear();
    m_calc_rows.clear();
    m_piece.clear();
    m_col = col;
    m_block_start = m_changed.size();
    const std::vector<Run> block = runs(col, first, last);
    // every cell of the block, until the write is over: a failure half way restores them all
    for (const Run& r : block)
        if (!is_text(r.look.key)) keep(r.look, col, r.first, r.last);
    m_narrow = m_recogniser.is();
    if (!m_narrow) return;
    std::vector<int> left_out;  // rows where Calc gives the Text format itself
    for (const TextWrite* w = begin; w != end; ++w) {
        const Look& look = look_at(block, w->at.row);
        if (calc_gives_text(uno::to_ou(w->text), look.key)) {
            left_out.push_back(w->at.row);
            m_calc_rows.emplace_back(w->at.row, look);
        }
    }
    std::size_t ranges = left_out.size(), cells = 0;  // to set and back; spared the recogniser
    for (const Run& r : block)
        if (!is_text(r.look.key)) {
            ++ranges;
            cells += std::size_t(r.last - r.first + 1);
        }
    if (ranges * cells_per_range <= cells) return preset(block, left_out);
    // written as Calc writes: any text of the block Calc reads as a number gets the Text format
    m_calc_rows.clear();
    for (int row = first; row <= last; ++row) {
        rtl::OUString text;
        const Look& look = look_at(block, row);
        if ((values[row - first][0] >>= text) && calc_gives_text(text, look.key)) m_calc_rows.emplace_back(row, look);
    }
}

void TextFormatFirst::preset(const std::vector<Run>& block, const std::vector<int>& left_out) {
    std::map<sal_Int32, NumberFormatPiece> text;  // by Text format
    std::map<Look, NumberFormatPiece> own;
    auto out = left_out.begin();
    for (const Run& r : block) {
        if (is_text(r.look.key)) continue;
        NumberFormatPiece& t = text[text_key(r.look.key)];
        NumberFormatPiece& o = own[r.look];
        for (int from = r.first; from <= r.last;) {
            while (out != left_out.end() && *out < from) ++out;
            const int to = out != left_out.end() && *out <= r.last ? *out - 1 : r.last;
            if (from <= to) {
                t.ranges.push_back(rows_of(m_sheet_index, m_col, from, to));
                o.ranges.push_back(t.ranges.back());
            }
            from = to + 2;  // past the row left out
        }
    }
    for (auto& [look, piece] : own) {
        piece.is_default = look.is_default;
        piece.format = look.key;
        m_block.push_back(std::move(piece));
    }
    NumberFormats preset;
    for (auto& [key, piece] : text) {
        piece.is_default = false;
        piece.format = key;
        preset.push_back(std::move(piece));
    }
    write_step("text format");
    set_number_formats(m_factory, preset);
}

void TextFormatFirst::after_block() {
    if (!m_block.empty()) {
        write_step("own formats");
        set_number_formats(m_factory, m_block);
        m_block.clear();
    }
    if (m_narrow) {
        // the write is over: what may differ now is the cells Calc gave the Text format
        m_changed.erase(m_changed.begin() + std::ptrdiff_t(m_block_start), m_changed.end());
        m_piece.clear();
        for (const auto& [row, look] : m_calc_rows) keep(look, m_col, row, row);
    }
    m_piece.clear();
}

void TextFormatFirst::before_alone(const TextWrite& w) {
    const Reference<css::beans::XPropertySet> cell(m_sheet->getCellByPosition(w.at.col, w.at.row), UNO_QUERY_THROW);
    Look look;
    cell->getPropertyValue("NumberFormat") >>= look.key;
    if (!m_recogniser.is() ? is_text(look.key) : !calc_gives_text(uno::to_ou(w.text), look.key)) return;
    look.is_default = Reference<css::beans::XPropertyState>(cell, UNO_QUERY_THROW)->getPropertyState("NumberFormat") ==
                      css::beans::PropertyState_DEFAULT_VALUE;
    keep(look, w.at.col, w.at.row, w.at.row);
}

}  // namespace pegkit::sidebar
