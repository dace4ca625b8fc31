#!/usr/bin/python3
"""Each write step of each command fails in turn, and the document must end exactly as it was.

  /usr/bin/python3 tests/integration/test_fail_write.py --oxt build-hooks/pegkit.oxt

Needs an .oxt built without NDEBUG (ctest's hooks_build_oxt builds build-hooks/ so): there,
PEGKIT_FAIL_WRITE names a file holding N, and the N-th write step of the next command's edit
throws (src/sidebar/cells.hpp). For every command (Validate, Clear marks, Normalize in place, from
the preview, into new columns beside and right of the table, Summary, Mark not assessable) and N = 1, 2, ... until the
command gets through: the command fails and says so, the result carries Restored, every sheet (cells,
formulas, fills, notes, charts), the document's properties and the undo stack are as before, and
the office is alive. A hook that never fires is a failure too (the build had NDEBUG).
"""
import argparse
import os
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402
import make_workbooks as wb  # noqa: E402
import test_commands as tc  # noqa: E402

MAX_STEPS = 60


def state(doc):
    """What a command may touch, in a few calls per sheet (a cell-by-cell read would take minutes
    here): names, used area's values and formulas, notes, the fills and fonts of each group of
    like-formatted cells, charts; the user-defined properties."""
    sheets = []
    for s in lo._iterate(doc.Sheets):
        cursor = s.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        used = s.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        notes = tuple(sorted((n.getPosition().Row, n.getPosition().Column, n.getString())
                             for n in lo._iterate(s.getAnnotations())))
        # Calc may split like-formatted cells into other groups after a write and its undo: compare
        # what each cell of the used area looks like, not how Calc groups them
        looks = {}
        groups = s.getUniqueCellFormatRanges()
        for i in range(groups.getCount()):
            g = groups.getByIndex(i)
            look = (g.CellBackColor, g.IsCellBackgroundTransparent, g.CharWeight, g.NumberFormat)
            for a in g.getRangeAddresses():
                for r in range(a.StartRow, min(a.EndRow, end.EndRow) + 1):
                    for c in range(a.StartColumn, min(a.EndColumn, end.EndColumn) + 1):
                        looks[(r, c)] = look
        sheets.append((s.getName(), used.getDataArray(), used.getFormulaArray(), notes, looks,
                       tuple(s.getCharts().getElementNames())))
    props = doc.DocumentProperties.UserDefinedProperties
    values = {p.Name: props.getPropertyValue(p.Name) for p in props.getPropertySetInfo().getProperties()}
    return sheets, values


def difference(a, b):
    """Where two states differ, shortly."""
    if a == b:
        return ""
    if a[1] != b[1]:
        return f"properties {a[1]} -> {b[1]}"
    if len(a[0]) != len(b[0]):
        return f"sheets {[s[0] for s in a[0]]} -> {[s[0] for s in b[0]]}"
    parts = ("name", "values", "formulas", "notes", "formats", "charts")
    for sa, sb in zip(a[0], b[0]):
        for name, x, y in zip(parts, sa, sb):
            if x != y:
                if name == "formats":
                    return f"{sa[0]} formats: {[(k, x.get(k), y.get(k)) for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)][:3]}"
                if name == "notes":
                    return f"{sa[0]} notes: {sorted(set(x) - set(y))[:3]} -> {sorted(set(y) - set(x))[:3]}"
                return f"{sa[0]} {name} differ"
    return "?"


def ticked_cells(office, doc):
    """Two cells of the plan, as the Normalize panel sends them: the plan applied, read, undone."""
    sheet = lo.sheet(doc)
    before = tc.data_snapshot(sheet)[0]
    tc.dispatch(office, doc, "Normalize")
    after = tc.data_snapshot(sheet)[0]
    doc.getUndoManager().undo()
    changed = [(r, c, after[r][c]) for r, row in enumerate(before) for c, v in enumerate(row) if after[r][c] != v]
    return tuple(changed[:3:2])


def fail_each_step(office, doc, report, hook, label, command, args, prepare=None):
    undo = doc.getUndoManager()
    fired = 0
    for n in range(1, MAX_STEPS + 1):
        if prepare:
            prepare()
        before, titles = state(doc), undo.getAllUndoActionTitles()
        with open(hook, "w") as f:
            f.write(str(n))
        ok, res = tc.dispatch(office, doc, command, **args)
        with open(hook, "w") as f:
            f.write("0")
        if ok:
            report.check(f"{label}: the hook failed each of its {fired} write steps in turn", fired > 0,
                         "the hook never fired: was the .oxt built with NDEBUG?")
            return
        fired += 1
        now = state(doc)
        same = now == before
        report.check(f"{label}: write step {n} fails: the document is exactly as before",
                     same and res.get("Restored") is True and undo.getAllUndoActionTitles() == titles
                     and "Internal error" not in res.get("Message", ""),
                     f"{res.get('Message')!r}; detail {res.get('Detail')!r}; restored {res.get('Restored')}; "
                     f"same {same}; undo {titles[:2]} -> {undo.getAllUndoActionTitles()[:2]}; {difference(before, now)}")
        if not same:
            return  # the next steps would start from a damaged document
    report.check(f"{label}: the command got through within {MAX_STEPS} steps", False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    args = ap.parse_args()
    report = lo.Report()
    hook = os.path.join(tempfile.mkdtemp(prefix="pegkit-hook-"), "fail-step")
    with open(hook, "w") as f:
        f.write("0")
    os.environ["PEGKIT_FAIL_WRITE"] = hook  # the office inherits it
    try:
        with lo.Office(ui_locale="it-IT") as office:
            office.install_extension(args.oxt)
            doc = wb.build(office)
            sheet = lo.sheet(doc)
            # a user's note and fill on a target cell: both must survive every failure
            sheet.getAnnotations().insertNew(sheet.getCellRangeByName("J7").getCellAddress(), "nota dell'utente")
            sheet.getCellRangeByName("J8").CellBackColor = 0xDDEEFF
            cells = ticked_cells(office, doc)
            undo = doc.getUndoManager()

            fail_each_step(office, doc, report, hook, "Validate", "Validate", {})
            ok, _ = tc.dispatch(office, doc, "Validate")
            fail_each_step(office, doc, report, hook, "Clear marks", "ClearMarks", {})
            undo.undo()  # Validate's marks
            fail_each_step(office, doc, report, hook, "Normalize", "Normalize", {})
            undo.undo()
            fail_each_step(office, doc, report, hook, "Normalize, two ticked cells", "Normalize", {"Cells": cells})
            undo.undo()
            fail_each_step(office, doc, report, hook, "Normalize into columns right of the table", "Normalize",
                           {"NewColumn": True})
            undo.undo()
            sheet.getCellRangeByPosition(0, 0, 11, 0).merge(False)  # nothing cut: columns inserted beside
            fail_each_step(office, doc, report, hook, "Normalize into columns beside", "Normalize", {"NewColumn": True})
            undo.undo()
            fail_each_step(office, doc, report, hook, "Summary", "Summary", {},
                           prepare=lambda: tc.active(doc, sheet))
            # again, from its sheet: rewritten in place, a note of the user's on it
            summary = doc.Sheets.getByName("Riepilogo PEG")
            summary.getAnnotations().insertNew(summary.getCellRangeByName("B5").getCellAddress(), "nota sul riepilogo")
            fail_each_step(office, doc, report, hook, "Summary in place", "Summary", {},
                           prepare=lambda: tc.active(doc, summary))
            tc.active(doc, sheet)
            fail_each_step(office, doc, report, hook, "Mark not assessable", "MarkNotAssessable",
                           {"Reason": "servizio sospeso", "Rows": (10,)})
            report.check("office alive at the end", len(tc.data_snapshot(sheet)[0]) > 0)
            lo.close(doc)
    except Exception:
        report.check("office session", False, traceback.format_exc())
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
