// Validate and Clear marks: fills and notes on the sheet, and the record of them in the document
// (plan.hpp: marks kept in the document), written as one Edit.
#include "cells.hpp"
#include "command.hpp"
#include "doc_store.hpp"
#include "edit.hpp"
#include "messages.hpp"

#include "convert.hpp"

#include <com/sun/star/uno/Sequence.hxx>

using css::uno::Any;
using css::uno::Sequence;

namespace pegkit::sidebar {
namespace {

// The document property holding Validate's marks (JSON, plan.hpp encode_marks).
constexpr char marks_property[] = "pegkit.marks";

class RestyleEdit : public Edit {
public:
    RestyleEdit(const ActiveSheet& s, Restyle plan, const CellLooks& now, std::optional<std::string> before,
                std::optional<std::string> after)
        : m_sheet(s), m_plan(std::move(plan)), m_property_before(std::move(before)), m_property_after(std::move(after)) {
        for (const auto& [p, f] : m_plan.fills) {
            const auto it = now.fills.find(p);
            m_fills_before[p] = it == now.fills.end() ? Fill{} : it->second;
        }
        for (const auto& [p, n] : m_plan.notes) {
            const auto it = now.notes.find(p);
            m_notes_before[p] = it == now.notes.end() ? std::nullopt : std::optional<std::string>(it->second);
        }
    }
    void apply() override { set(m_plan.fills, m_plan.notes, m_property_after); }
    void revert() override { set(m_fills_before, m_notes_before, m_property_before); }

private:
    void set(const std::map<CellPos, Fill>& fills, const std::map<CellPos, std::optional<std::string>>& notes,
             const std::optional<std::string>& property) {
        const auto current = read_notes(m_sheet.sheet);
        std::map<CellPos, std::optional<std::string>> changed;
        for (const auto& [p, text] : notes) {
            const auto it = current.find(p);
            if (it == current.end() ? text.has_value() : !text || *text != it->second) changed[p] = text;
        }
        set_fills(m_sheet.sheet, m_sheet.factory, fills);
        set_notes(m_sheet.sheet, m_sheet.factory, changed, current);
        write_step("marks property");
        uno::write_text_property(m_sheet.model, marks_property, property);
    }

    ActiveSheet m_sheet;
    Restyle m_plan;
    std::map<CellPos, Fill> m_fills_before;
    std::map<CellPos, std::optional<std::string>> m_notes_before;
    std::optional<std::string> m_property_before, m_property_after;
};

std::optional<std::string> encoded(const std::vector<RecordedMark>& marks) {
    return marks.empty() ? std::nullopt : std::optional<std::string>(encode_marks(marks));
}

// Runs the restyle; nullopt when it changed everything it meant to, else the failure's outcome.
std::optional<Outcome> restyle(const ActiveSheet& s, const Restyle& plan, const CellLooks& now,
                               const std::optional<std::string>& before, Msg step, Lang lang) {
    const std::optional<std::string> after = encoded(plan.marks);
    if (plan.empty() && after == before) return std::nullopt;
    const auto edit = std::make_shared<RestyleEdit>(s, plan, now, before, after);
    const EditRun run = run_edit(s.model, edit, text(Msg::undo_title, lang, {text(step, lang)}));
    if (run.result == EditRun::Result::done) return std::nullopt;
    return failed_edit(run, lang);
}

std::set<CellPos> recorded_cells(const std::vector<RecordedMark>& marks, const std::string& sheet) {
    std::set<CellPos> out;
    for (const RecordedMark& m : marks)
        if (m.sheet == sheet) out.insert(m.at);
    return out;
}

Sequence<Sequence<Any>> findings_rows(const SheetCheck& check, Lang lang) {
    // Info findings (Normalize would change a cell) can run to one per target on a large sheet:
    // the list carries the first few, the counts all of them.
    constexpr int max_info_listed = 1000;
    int infos = 0;
    std::vector<Sequence<Any>> rows;
    for (const Finding& f : check.findings) {
        if (f.severity == Severity::info && ++infos > max_info_listed) continue;
        Sequence<Any> row(6);
        Any* out = row.getArray();
        out[0] <<= uno::to_ou(f.col >= 0 ? cell_address({f.row, f.col}) : std::string());
        out[1] <<= static_cast<sal_Int32>(f.row);
        out[2] <<= static_cast<sal_Int32>(f.col);
        out[3] <<= uno::to_ou(severity_name(f.severity));
        out[4] <<= uno::to_ou(code_name(f.code));
        out[5] <<= uno::to_ou(message(f.code, lang, f.args));
        rows.push_back(row);
    }
    return Sequence<Sequence<Any>>(rows.data(), static_cast<sal_Int32>(rows.size()));
}

}  // namespace

Outcome validate(const ActiveSheet& s, const Checked& c, Lang lang) {
    const std::optional<std::string> before = uno::read_text_property(s.model, marks_property);
    const std::vector<RecordedMark> recorded = decode_marks(before.value_or(""));
    std::set<CellPos> cells = recorded_cells(recorded, s.sheet_name);
    for (const Finding& f : c.check.findings)
        if (f.col >= 0 && f.severity != Severity::info) cells.insert({f.row, f.col});
    CellLooks now;
    now.notes = read_notes(s.sheet);
    now.fills = read_fills(s.sheet, cells);
    const ValidatePlan plan = plan_validate(c.check, notes_after(now, plan_clear(recorded, s.sheet_name, now)), c.max_notes);
    const Restyle r = plan_mark(recorded, s.sheet_name, now, plan, [&](const Mark& m) { return note_text(m, lang); });
    if (auto failed = restyle(s, r, now, before, Msg::step_validate, lang)) return *failed;

    Outcome o;
    o.ok = true;
    const int marked = static_cast<int>(plan.marks.size());
    o.message = plan.errors + plan.warnings
                    ? text(Msg::validated, lang, {std::to_string(plan.errors), std::to_string(plan.warnings),
                                                  std::to_string(marked), std::to_string(plan.notes)})
                    : text(Msg::validated_clean, lang, {std::to_string(c.check.objectives.size())});
    o.offer_clear = marked > 0;
    o.add("Findings", Any(findings_rows(c.check, lang)));
    o.add("Errors", Any(static_cast<sal_Int32>(plan.errors)));
    o.add("Warnings", Any(static_cast<sal_Int32>(plan.warnings)));
    o.add("Infos", Any(static_cast<sal_Int32>(plan.infos)));
    o.add("Noted", Any(static_cast<sal_Int32>(plan.notes)));
    o.add("Marked", Any(static_cast<sal_Int32>(marked)));
    o.add("Cleared", Any(static_cast<sal_Int32>(r.cleared)));
    return o;
}

Outcome clear_marks(const ActiveSheet& s, Lang lang) {
    const std::optional<std::string> before = uno::read_text_property(s.model, marks_property);
    const std::vector<RecordedMark> recorded = decode_marks(before.value_or(""));
    CellLooks now;
    now.fills = read_fills(s.sheet, recorded_cells(recorded, s.sheet_name));
    now.notes = read_notes(s.sheet);
    const Restyle r = plan_clear(recorded, s.sheet_name, now);
    if (auto failed = restyle(s, r, now, before, Msg::step_clear, lang)) return *failed;
    Outcome o;
    o.ok = true;
    o.message = r.cleared ? text(Msg::cleared, lang, {std::to_string(r.cleared)}) : text(Msg::nothing_to_clear, lang);
    o.add("Cleared", Any(static_cast<sal_Int32>(r.cleared)));
    return o;
}

}  // namespace pegkit::sidebar
