// Normalize: the plan's text rewrites, written in column blocks as one Edit.
#include "cells.hpp"
#include "command.hpp"
#include "edit.hpp"
#include "messages.hpp"

namespace pegkit::sidebar {
namespace {

class RewriteEdit : public Edit {
public:
    RewriteEdit(const ActiveSheet& s, const NormalizePlan& plan, Untouchable untouchable)
        : m_sheet(s), m_untouchable(std::move(untouchable)) {
        for (const CellRewrite& c : plan.cells) {
            m_after.push_back({{c.row, c.col}, c.after});
            m_before.push_back({{c.row, c.col}, c.before});
        }
    }
    void apply() override { write_texts(m_sheet.sheet, m_after, m_untouchable); }
    void revert() override { write_texts(m_sheet.sheet, m_before, m_untouchable); }

private:
    ActiveSheet m_sheet;
    Untouchable m_untouchable;
    std::vector<TextWrite> m_after, m_before;
};

}  // namespace

Outcome normalize(const ActiveSheet& s, const Checked& c, Lang lang) {
    const NormalizePlan plan = plan_normalize(c.grid, c.check, c.hidden);
    Outcome o;
    o.ok = true;
    const std::string hidden = plan.hidden ? text(Msg::normalized_hidden, lang, {std::to_string(plan.hidden)}) : "";
    if (plan.cells.empty()) {
        o.message = text(Msg::nothing_to_normalize, lang) + hidden;
        o.add("Changed", css::uno::Any(sal_Int32(0)));
        o.add("Hidden", css::uno::Any(sal_Int32(plan.hidden)));
        return o;
    }
    const auto edit = std::make_shared<RewriteEdit>(s, plan, untouchable_cells(s.sheet, c.grid.rows, c.grid.cols, c.hidden));
    const EditRun run = run_edit(s.model, edit, text(Msg::undo_title, lang, {text(Msg::step_normalize, lang)}));
    if (run.result != EditRun::Result::done) return failed_edit(run, lang);
    o.message = text(Msg::normalized, lang, {std::to_string(plan.cells.size())}) + hidden;
    o.add("Changed", css::uno::Any(static_cast<sal_Int32>(plan.cells.size())));
    o.add("Hidden", css::uno::Any(sal_Int32(plan.hidden)));
    return o;
}

}  // namespace pegkit::sidebar
