#pragma once
// Calc 7.4 runs its number recogniser (SvNumberFormatter::IsNumberFormat, from ScColumn::ParseString)
// on every text that setDataArray writes, to give the Text format to a text that would read as a
// number or a formula. It skips that where the cell's format is already a text one. On 100,000 rows
// the recogniser was half of a block's write. So the cells of a block take the Text format for the
// write and get their own formats back right after it. The cells whose new text Calc would read as
// a number or formula are left out: there Calc gives the Text format as it always does, so that the
// text stays a text when the user edits it. The rows written and the texts are the same either way.
#include "cells.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatter.hpp>
#include <rtl/ustring.hxx>

#include <map>
#include <unordered_map>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

namespace pegkit::sidebar {

class TextFormatFirst {
public:
    // `changed` gathers the own number formats of every cell whose format the writes may change
    // (the block's cells, the cells Calc gives the Text format), so that taking the writes back,
    // or a failure half way, gives them back. Without a context there is no number recogniser to
    // ask: nothing is preset, and the writes are slower, never different.
    TextFormatFirst(const css::uno::Reference<css::uno::XComponentContext>& context,
                    const css::uno::Reference<css::frame::XModel>& model,
                    const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, NumberFormats& changed);

    // Before the write of [begin, end), the texts of column `col` from row `first` to `last`;
    // `values`: all that the write puts there, the cells kept as they are included.
    void before_block(int col, int first, int last, const TextWrite* begin, const TextWrite* end,
                      const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& values);
    // After it: the block's own formats back.
    void after_block();
    // Before a cell written on its own (XText::setString gives the Text format by the same rule).
    void before_alone(const TextWrite& w);

private:
    struct Look {
        sal_Int32 key = 0;
        bool is_default = true;  // no format of its own
        bool operator<(const Look& o) const { return std::tie(is_default, key) < std::tie(o.is_default, o.key); }
    };
    struct Run {
        int first = 0, last = 0;
        Look look;
    };
    std::vector<Run> runs(int col, int first, int last) const;
    static const Look& look_at(const std::vector<Run>& block, int row);
    // the block's cells but `left_out` take the Text format; m_block gets their own
    void preset(const std::vector<Run>& block, const std::vector<int>& left_out);
    bool is_text(sal_Int32 key);
    sal_Int32 text_key(sal_Int32 key);
    bool calc_gives_text(const rtl::OUString& text, sal_Int32 key);
    void keep(const Look& look, int col, int first, int last);  // in `changed`

    css::uno::Reference<css::sheet::XSpreadsheet> m_sheet;
    sal_Int16 m_sheet_index = 0;
    css::uno::Reference<css::lang::XMultiServiceFactory> m_factory;
    css::uno::Reference<css::util::XNumberFormats> m_formats;
    css::uno::Reference<css::util::XNumberFormatter> m_recogniser;
    NumberFormats& m_changed;
    std::map<Look, std::size_t> m_piece;  // its piece in m_changed
    std::map<sal_Int32, bool> m_is_text;
    std::map<sal_Int32, sal_Int32> m_text_key;
    std::map<sal_Int32, std::unordered_map<rtl::OUString, bool, rtl::OUStringHash>> m_reads_as_number;  // by format
    // the current block's: its own formats where it took the Text format; its first piece in
    // m_changed; the rows Calc gives the Text format itself; whether m_changed may keep only those
    NumberFormats m_block;
    std::size_t m_block_start = 0;
    std::vector<std::pair<int, Look>> m_calc_rows;
    int m_col = 0;
    bool m_narrow = false;
};

}  // namespace pegkit::sidebar
