#!/usr/bin/python3
"""The commands cannot hurt the document (issue 9): a state matrix in a real headless Calc.

  /usr/bin/python3 tests/integration/test_safety.py --oxt build/pegkit.oxt [--verbose] [--only CASE]

Each case loads a fresh copy of the workbook built from the sample (make_workbooks.py), hidden as
macros and batch jobs load documents, and again with a view while another document is the active
one (which must end exactly as it began), puts it in one state (read-only, protected sheet, filtered
rows, a full undo stack, ...), runs the commands, and checks: the office is alive, the plan sheet
is unchanged unless the command changes it, exactly one undo step or none, a clear message (never
Calc's internal error text), and that Undo gives back exactly the document before. Last, a file
its user may not write: a second office runs as nobody and opens a file of root's.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402
import make_workbooks as wb  # noqa: E402
import uno  # noqa: E402
from test_commands import dispatch  # noqa: E402

RED, AMBER = 0xFFC7CE, 0xFFEB9C
TARGET = 9  # Target (PEG), 0-based column
INTERNAL = re.compile(r"cxx|Internal error|Errore interno|RuntimeException|\.\/sc\/", re.I)


# ------------------------------------------------------------------------------- the document

def used_range(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    # a stray cell in the sheet's last row (case "last row used") is not read back here
    return sheet.getCellRangeByPosition(0, 0, max(a.EndColumn, 13), min(max(a.EndRow, 1), 400))


def fills(sheet, rng):
    """{(row, col): (default?, colour)} for the cells of rng, read per group of equal formats."""
    from com.sun.star.beans.PropertyState import DEFAULT_VALUE
    box = rng.getRangeAddress()
    out = {}
    groups = rng.getUniqueCellFormatRanges()
    for i in range(groups.getCount()):
        g = groups.getByIndex(i)
        state = (g.getPropertyState("CellBackColor") == DEFAULT_VALUE, g.CellBackColor)
        for a in g.getRangeAddresses():
            for r in range(max(a.StartRow, box.StartRow), min(a.EndRow, box.EndRow) + 1):
                for c in range(max(a.StartColumn, box.StartColumn), min(a.EndColumn, box.EndColumn) + 1):
                    out[(r, c)] = state
    return out


def notes(sheet):
    out = {}
    for note in lo._iterate(sheet.getAnnotations()):
        p = note.getPosition()
        out[(p.Row, p.Column)] = note.getString()
    return out


def sheet_state(sheet):
    rng = used_range(sheet)
    return {"data": rng.getDataArray(), "formulas": rng.getFormulaArray(), "fills": fills(sheet, rng),
            "notes": notes(sheet), "charts": tuple(sheet.getCharts().getElementNames())}


def doc_state(doc):
    return {s.getName(): sheet_state(s) for s in lo._iterate(doc.Sheets)}


def na_property(doc):
    props = doc.DocumentProperties.UserDefinedProperties
    name = "pegkit.not_assessable"
    return props.getPropertyValue(name) if props.getPropertySetInfo().hasPropertyByName(name) else None


def marks_property(doc):
    props = doc.DocumentProperties.UserDefinedProperties
    return props.getPropertyValue("pegkit.marks") if props.getPropertySetInfo().hasPropertyByName("pegkit.marks") else None


def diff(a, b, limit=4):
    out = []
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            out.append(f"sheet {name!r} {'added' if name in b else 'removed'}")
            continue
        for key in a[name]:
            if a[name][key] != b[name][key]:
                x, y = a[name][key], b[name][key]
                if isinstance(x, dict):
                    ks = [k for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)]
                    out.append(f"{name}.{key}: " + ", ".join(f"{k}: {x.get(k)!r} -> {y.get(k)!r}" for k in ks[:limit]))
                elif isinstance(x, tuple) and len(x) == len(y) and key in ("data", "formulas"):
                    cells = [(r, c, x[r][c], y[r][c]) for r in range(len(x)) for c in range(len(x[r]))
                             if c < len(y[r]) and x[r][c] != y[r][c]]
                    out.append(f"{name}.{key}: {len(cells)} cells, e.g. {cells[:limit]}")
                else:
                    out.append(f"{name}.{key}: {str(x)[:80]} -> {str(y)[:80]}")
    return "; ".join(out)


def undo_titles(doc):
    return tuple(doc.getUndoManager().getAllUndoActionTitles())


def alive(office):
    try:
        return office.desktop.getComponents() is not None and office.smgr is not None
    except Exception:
        return False


# --------------------------------------------------------------------------------- the checks

class Case:
    """One state of the matrix: the document, the report, and the checks every command gets."""

    def __init__(self, office, report, name, doc):
        self.office, self.report, self.name, self.doc = office, report, name, doc

    def check(self, what, ok, detail=""):
        return self.report.check(f"{self.name}: {what}", ok, detail)

    def run(self, command, expect_ok=True, expect_step=None, pattern=None, **args):
        """Dispatches; checks outcome, message, undo steps (None: one when it changed something)."""
        before_titles = undo_titles(self.doc)
        before = doc_state(self.doc)
        ok, res = dispatch(self.office, self.doc, command, **args)
        msg = res.get("Message", "")
        after_titles = undo_titles(self.doc)
        changed = doc_state(self.doc) != before or None
        self.check(f"{command}: office alive", alive(self.office))
        self.check(f"{command}: {'succeeds' if expect_ok else 'refuses'}", ok == expect_ok, msg)
        self.check(f"{command}: a clear message", bool(msg) and not INTERNAL.search(msg)
                   and (pattern is None or re.search(pattern, msg, re.I) is not None), msg)
        step = expect_step if expect_step is not None else bool(changed)
        added = after_titles != before_titles and after_titles[:1] != before_titles[:1]
        self.check(f"{command}: {'one undo step' if step else 'no undo step'}",
                   added == step and (not step or after_titles[0].startswith("PEG")),
                   f"titles before {before_titles[:2]}, after {after_titles[:2]}")
        if not expect_ok:
            self.check(f"{command}: nothing changed", not changed, diff(before, doc_state(self.doc)))
        return ok, res, before

    def undo_restores(self, before, what):
        try:
            self.doc.getUndoManager().undo()
            err = ""
        except Exception as e:
            err = str(e)
        self.check(f"Undo after {what}: office alive", alive(self.office), err)
        after = doc_state(self.doc)
        self.check(f"Undo after {what} gives back the document exactly", after == before and not err,
                   err or diff(before, after))


def plan_sheet(doc):
    return doc.Sheets.getByName("PEG 2020")


def activate(doc, sheet):
    doc.getCurrentController().setActiveSheet(sheet)


# ---------------------------------------------------------------------------------- the cases

def case_normal(c):
    """Validate -> Normalize -> Undo -> Summary -> Undo -> Clear marks, each one undo step."""
    sheet = plan_sheet(c.doc)
    start = doc_state(c.doc)
    ok, res, _ = c.run("Validate")
    c.check("Validate marks cells", res.get("Marked", 0) > 0, str(res.get("Marked")))
    c.check("marks recorded in a document property", bool(marks_property(c.doc)))
    c.check("no cell attribute carries a mark", not any(
        sheet.getCellByPosition(TARGET, r).UserDefinedAttributes.getElementNames() for r in range(3, 30)))
    ok, res, before = c.run("Normalize")
    c.check("Normalize changes cells", res.get("Changed", 0) > 0, str(res.get("Changed")))
    c.undo_restores(before, "Normalize")
    ok, res, before = c.run("Summary")
    c.check("Summary adds its sheet", c.doc.Sheets.hasByName(res.get("Sheet", "")), str(res.get("Sheet")))
    c.undo_restores(before, "Summary (hidden document)")
    activate(c.doc, sheet)
    ok, res, _ = c.run("ClearMarks")
    c.check("Clear marks gives back the document before Validate", doc_state(c.doc) == start
            and marks_property(c.doc) is None, diff(start, doc_state(c.doc)))
    c.run("ClearMarks", expect_step=False, pattern=r"nessun|no validation")
    # a mark changes only a document property: no cell, one undo step, which takes it back
    ok, res, before = c.run("MarkNotAssessable", expect_step=True, Reason="servizio sospeso", Rows=(10,))
    c.check("Mark not assessable: one row, in the document property", ok and res.get("Changed") == 1
            and na_property(c.doc) == "PEG 2020\t11\tservizio sospeso\n", f"{res.get('Message')} {na_property(c.doc)!r}")
    c.undo_restores(before, "Mark not assessable")
    c.check("Undo of the mark removes the property", na_property(c.doc) is None, repr(na_property(c.doc)))


def case_read_only(c):
    for command in ("Validate", "Normalize", "ClearMarks", "Summary", "MarkNotAssessable"):
        c.run(command, expect_ok=False, expect_step=False, pattern=r"sola lettura.*Modifica documento|read-only.*Edit Document",
              Reason="servizio sospeso", Rows=(10,))
    c.check("read-only: no mark stored", na_property(c.doc) is None, repr(na_property(c.doc)))


def case_protected_sheet(c):
    plan_sheet(c.doc).protect("")
    for command in ("Validate", "Normalize", "ClearMarks"):
        c.run(command, expect_ok=False, expect_step=False, pattern=r"protett|protected")
    ok, res, _ = c.run("Summary")
    c.check("Summary still reads a protected plan", ok and plan_sheet(c.doc).isProtected(), res.get("Message"))
    activate(c.doc, plan_sheet(c.doc))
    ok, res, _ = c.run("MarkNotAssessable", expect_step=True, Reason="servizio sospeso", Rows=(10,))
    c.check("Mark not assessable on a protected sheet: only the document property changes",
            ok and plan_sheet(c.doc).isProtected() and na_property(c.doc) == "PEG 2020\t11\tservizio sospeso\n",
            res.get("Message"))


def case_protected_structure(c):
    c.doc.protect("")
    c.run("Summary", expect_ok=False, expect_step=False, pattern=r"struttura|structure")
    ok, res, before = c.run("Normalize")
    c.undo_restores(before, "Normalize")


def case_autofilter(c):
    sheet = plan_sheet(c.doc)
    rng = sheet.getCellRangeByName("A3:L183")
    desc = rng.createFilterDescriptor(True)
    field = uno.createUnoStruct("com.sun.star.sheet.TableFilterField")
    field.Field = 4  # CdR: keep the rows of one office
    field.Operator = uno.Enum("com.sun.star.sheet.FilterOperator", "EQUAL")
    field.IsNumeric = False
    field.StringValue = sheet.getCellByPosition(4, 3).getString()
    desc.setFilterFields((field,))
    desc.ContainsHeader = True
    rng.filter(desc)
    hidden = {r for r in range(3, 183) if not sheet.getRows().getByIndex(r).IsVisible}
    c.check(f"the filter hides rows ({len(hidden)})", len(hidden) > 20)
    before = sheet_state(sheet)
    ok, res, whole = c.run("Normalize")
    after = sheet_state(sheet)
    touched = {r for r, row in enumerate(before["data"]) for col, v in enumerate(row) if after["data"][r][col] != v}
    c.check("Normalize touches only visible rows", touched and not (touched & hidden), str(sorted(touched & hidden)[:5]))
    c.check("the message says hidden cells were left", res.get("Hidden", 0) > 0 and re.search(r"nascost|hidden", res.get("Message", "")),
            res.get("Message"))
    c.undo_restores(whole, "Normalize on a filtered sheet")


def case_hidden_rows_columns(c):
    sheet = plan_sheet(c.doc)
    for r in range(30, 60):
        sheet.getRows().getByIndex(r).IsVisible = False
    sheet.getColumns().getByIndex(2).IsVisible = False
    ok, res, before = c.run("Normalize")
    after = sheet_state(sheet)
    touched = {r for r, row in enumerate(before["PEG 2020"]["data"]) for col, v in enumerate(row)
               if after["data"][r][col] != v}
    c.check("hidden rows left as they are", touched and not any(30 <= r < 60 for r in touched))
    c.undo_restores(before, "Normalize")
    c.run("Validate")


def case_plan_not_first(c):
    c.doc.Sheets.insertNewByName("Copertina", 0)
    c.doc.Sheets.insertNewByName("Nascosto", 0)
    c.doc.Sheets.getByName("Nascosto").IsVisible = False
    activate(c.doc, plan_sheet(c.doc))
    ok, res, before = c.run("Summary")
    names = c.doc.Sheets.getElementNames()
    c.check("the summary follows the plan sheet", names.index(res.get("Sheet", "?")) == names.index("PEG 2020") + 1
            if res.get("Sheet") in names else False, str(names))
    c.undo_restores(before, "Summary")


def case_summary_exists(c):
    c.doc.Sheets.insertNewByName("Riepilogo PEG", 1)
    activate(c.doc, plan_sheet(c.doc))
    ok, res, before = c.run("Summary")
    c.check("a free name", res.get("Sheet") == "Riepilogo PEG 2", str(res.get("Sheet")))
    c.undo_restores(before, "Summary")


def case_chart_name_taken(c):
    other = c.doc.Sheets.getByName(c.doc.Sheets.getElementNames()[0])
    c.doc.Sheets.insertNewByName("Grafici", 1)
    g = c.doc.Sheets.getByName("Grafici")
    lo.write(g, "A1:B3", [["x", "y"], ["a", 1.0], ["b", 2.0]])
    rect = uno.createUnoStruct("com.sun.star.awt.Rectangle", 0, 0, 5000, 5000)
    g.getCharts().addNewByName("PEG CdR - Riepilogo PEG", rect, (g.getCellRangeByName("A1:B3").getRangeAddress(),), True, True)
    activate(c.doc, other)
    ok, res, before = c.run("Summary")
    out = c.doc.Sheets.getByName(res.get("Sheet", "")) if ok else None
    c.check("the summary has its chart under another name", out is not None and out.getCharts().getCount() == 1)
    c.undo_restores(before, "Summary")


def case_empty_sheet(c):
    c.doc.Sheets.insertNewByName("Vuoto", 1)
    activate(c.doc, c.doc.Sheets.getByName("Vuoto"))
    for command in ("Validate", "Normalize", "Summary", "MarkNotAssessable"):
        c.run(command, expect_ok=False, expect_step=False, pattern=r"vuoto|empty", Reason="servizio sospeso", Rows=(10,))
    c.run("ClearMarks", expect_step=False)


def case_header_only(c):
    c.doc.Sheets.insertNewByName("Solo intestazione", 1)
    s = c.doc.Sheets.getByName("Solo intestazione")
    header = dict(wb.sample_rows())[wb.HEADER_LINE]
    lo.write(s, f"A1:{chr(64 + len(header))}1", [header])
    activate(c.doc, s)
    for command in ("Validate", "Normalize"):
        ok, res = dispatch(c.office, c.doc, command)
        c.check(f"{command}: office alive, a message", alive(c.office) and bool(res.get("Message"))
                and not INTERNAL.search(res.get("Message", "")), res.get("Message"))


def case_formulas(c):
    sheet = plan_sheet(c.doc)
    sheet.getCellRangeByName("E5").setFormula('="50 - Direttore  generale"&" (Direzione Generale)"')
    sheet.getCellRangeByName("J10").setFormula("=1/0")
    sheet.getCellRangeByName("J20:J21").setArrayFormula('=IF(1;"<b>matrice</b>";"")')
    ok, res, before = c.run("Normalize")
    after = sheet_state(sheet)
    c.check("formulas, array formulas and errors kept",
            [after["formulas"][r][col] for r, col in ((4, 4), (9, 9), (19, 9), (20, 9))]
            == [before["PEG 2020"]["formulas"][r][col] for r, col in ((4, 4), (9, 9), (19, 9), (20, 9))])
    c.undo_restores(before, "Normalize")
    ok, res, before = c.run("Validate")
    c.undo_restores(before, "Validate")


def case_full_undo_stack(c):
    sheet = plan_sheet(c.doc)
    for i in range(105):
        sheet.getCellByPosition(20, i).setString(f"modifica {i}")
    c.check("the undo stack is full", len(undo_titles(c.doc)) >= 100, str(len(undo_titles(c.doc))))
    ok, res, before = c.run("Normalize", expect_step=True)
    c.undo_restores(before, "Normalize with a full undo stack")


def case_notes_and_fills(c):
    sheet = plan_sheet(c.doc)
    ok, res = dispatch(c.office, c.doc, "Validate")
    findings = res.get("Findings") or ()
    marked = sorted({(int(f[1]), int(f[2])) for f in findings if f[3] in ("error", "warning") and int(f[2]) >= 0})
    c.doc.getUndoManager().undo()
    # the office's own notes on cells Normalize rewrites, its own fills on cells Validate marks
    ann = sheet.getAnnotations()
    rewritten = [(r, TARGET) for r in range(3, 183)
                 if isinstance(sheet.getCellByPosition(TARGET, r).getString(), str)
                 and re.search(r"<|  |< =|>=", sheet.getCellByPosition(TARGET, r).getString())][:12]
    for r, col in rewritten:
        ann.insertNew(sheet.getCellByPosition(col, r).getCellAddress(), f"nota dell'ufficio {r}")
    for r, col in marked[:5]:
        sheet.getCellByPosition(col, r).CellBackColor = 0xFFFF00
    start = doc_state(c.doc)
    ok, res, before = c.run("Normalize")
    after = notes(sheet)
    c.check(f"Normalize keeps the notes of the {len(rewritten)} cells it rewrites",
            all(after.get(p) == f"nota dell'ufficio {p[0]}" for p in rewritten) and len(rewritten) >= 5,
            str([(p, after.get(p)) for p in rewritten if after.get(p) != f"nota dell'ufficio {p[0]}"][:3]))
    c.undo_restores(before, "Normalize")
    c.run("Validate")
    c.run("ClearMarks")
    c.check("Clear marks gives back the user's fills and notes", doc_state(c.doc) == start, diff(start, doc_state(c.doc)))


def case_another_document_active(c):
    other = c.office.create()
    other.Sheets.insertNewByName("Foglio B2", 1)
    other_before = doc_state(other)
    try:
        other.getCurrentController().getFrame().activate()
        ok, res, before = c.run("Summary")
        c.undo_restores(before, "Summary with another document active")
        c.check("the other document keeps its sheets", doc_state(other) == other_before, diff(other_before, doc_state(other)))
    finally:
        lo.close(other)


def case_last_row_used(c):
    sheet = plan_sheet(c.doc)
    sheet.getCellByPosition(11, 1048575).setString("x")
    for command in ("Validate", "Normalize", "Summary"):
        c.run(command, expect_ok=False, expect_step=False, pattern=r"limite|limit")


def case_xlsx_round_trip(c, tmp):
    """Marks survive .xlsx; Clear marks after the round trip removes exactly them."""
    sheet = plan_sheet(c.doc)
    sheet.getCellByPosition(6, 66).CellBackColor = 0xFFFF00
    plain = os.path.join(tmp, "plain.xlsx")
    marked = os.path.join(tmp, "marked.xlsx")
    lo.Office.store(c.doc, plain, lo.XLSX)
    c.run("Validate")
    # a marked cell's format copied elsewhere is no mark
    src = sheet.getCellRangeByName("J84").getRangeAddress()
    sheet.copyRange(sheet.getCellRangeByName("N84").getCellAddress(), src)
    lo.Office.store(c.doc, marked, lo.XLSX)
    expect_doc = c.office.load(plain)
    expect = doc_state(expect_doc)
    lo.close(expect_doc)
    doc = c.office.load(marked)
    try:
        c.doc, saved = doc, c.doc
        c.check("the marks property survives .xlsx", bool(marks_property(doc)))
        activate(doc, doc.Sheets.getByName("PEG 2020"))
        ok, res, _ = c.run("ClearMarks")
        got = doc_state(doc)
        copied = got["PEG 2020"]["fills"].get((83, 13))
        c.check("the copied format is left as it is", copied == (False, RED), str(copied))
        for s in list(got.values()) + list(expect.values()):
            s["fills"].pop((83, 13), None)
            s["notes"].pop((83, 13), None)
            s["data"] = s["formulas"] = None
        c.check("after .xlsx, Clear marks restores exactly the fills and notes before Validate", got == expect,
                diff(expect, got))
    finally:
        c.doc = saved
        lo.close(doc)


def case_undo_locked(c):
    """A macro that locked the undo manager: the commands work and add no step, not even Calc's."""
    undo = c.doc.getUndoManager()
    undo.lock()
    try:
        for command in ("Validate", "Normalize", "ClearMarks"):
            c.run(command, expect_step=False)
    finally:
        undo.unlock()
    c.check("the undo stack is as the macro left it", len(undo_titles(c.doc)) == 0, str(undo_titles(c.doc)[:3]))


def case_undo_disabled(c):
    """Undo switched off for the document (IsUndoEnabled): the commands work, no step."""
    c.doc.setPropertyValue("IsUndoEnabled", False)
    for command in ("Validate", "Normalize"):
        c.run(command, expect_step=False)
    c.doc.setPropertyValue("IsUndoEnabled", True)


def case_summary_sheet_active(c):
    """Summary run again from its own summary sheet, and Validate there: a message, never a crash."""
    ok, res, _ = c.run("Summary")
    if c.doc.Sheets.hasByName(res.get("Sheet", "")):
        activate(c.doc, c.doc.Sheets.getByName(res["Sheet"]))
        for command in ("Validate", "Normalize", "Summary"):
            ok, res2 = dispatch(c.office, c.doc, command)
            c.check(f"{command} on the summary sheet: office alive, a clear message",
                    alive(c.office) and bool(res2.get("Message")) and not INTERNAL.search(res2.get("Message", "")),
                    res2.get("Message"))


def case_merged_header(c):
    """The header's Target cell merged with the cell beside it: the commands still find it."""
    sheet = plan_sheet(c.doc)
    sheet.getCellRangeByName("I3:J3").merge(True)
    ok, res, before = c.run("Normalize")
    c.check("Normalize changes cells", res.get("Changed", 0) > 0, res.get("Message"))
    c.undo_restores(before, "Normalize with a merged header")
    ok, res, before = c.run("Validate")
    c.undo_restores(before, "Validate with a merged header")


def case_long_cell(c):
    """A 32,000-character target: read, checked, normalized and taken back."""
    sheet = plan_sheet(c.doc)
    sheet.getCellRangeByName("J5").setString("Entro  il 31/12/2020 " + "x" * 32000)
    ok, res, before = c.run("Normalize")
    c.undo_restores(before, "Normalize with a 32,000-character cell")
    ok, res, before = c.run("Validate")
    c.undo_restores(before, "Validate with a 32,000-character cell")


def unwritable_on_disk(report, oxt, path):
    """A file its user may not write (a shared folder, a mail attachment saved by another user):
    Calc opens it read-only by itself, and every command says so and writes nothing. The office runs
    as nobody, the file belongs to root with mode 0644."""
    os.chmod(os.path.dirname(path), 0o755)
    os.chmod(path, 0o644)
    with lo.Office(ui_locale="it-IT", user="nobody") as office:
        office.install_extension(oxt)
        for hidden in (True, False):
            name = f"unwritable on disk ({'hidden' if hidden else 'with a view'})"
            doc = office.desktop.loadComponentFromURL(lo.url(path), "_blank", 0, lo.props(Hidden=hidden))
            c = Case(office, report, name, doc)
            try:
                c.check("the office's user cannot write the file",
                        subprocess.run(["runuser", "-u", "nobody", "--", "test", "-w", path]).returncode == 1)
                c.check("Calc opened it read-only", doc.isReadonly())
                activate(doc, plan_sheet(doc))
                case_read_only(c)
            except Exception:
                report.check(f"{name}: ran", False, traceback.format_exc())
            finally:
                lo.close(doc)

def case_no_target_column(c):
    """Both Target columns taken out: no command reads a target from the data; each says what it
    found and that the target column is missing, and writes nothing."""
    sheet = plan_sheet(c.doc)
    columns = sheet.getColumns()
    columns.removeByIndex(TARGET, 1)  # Target (PEG)
    columns.removeByIndex(6, 1)  # Target (DUP)
    c.doc.getUndoManager().clear()
    for command in ("Validate", "Normalize", "Summary"):
        c.run(command, expect_ok=False, expect_step=False, pattern=r"nessuna colonna del target \(trovate: .*\)")
    c.run("ClearMarks", expect_step=False)


def whole(sheet, rows, cols):
    rng = sheet.getCellRangeByPosition(0, 0, cols - 1, rows - 1)
    return rng.getDataArray(), notes(sheet)


def case_100000_rows(c):
    """The sample's objective rows cycled to 100,000: Validate -> Normalize -> Undo -> Summary ->
    Undo -> Clear marks, each exact over the whole sheet (doc_state sees its first 400 rows)."""
    sheet = plan_sheet(c.doc)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    cols = end.EndColumn + 1
    body = sheet.getCellRangeByPosition(0, 3, end.EndColumn, end.EndRow).getDataArray()
    rows = [r for r in body if any(str(x).strip() for x in r)]
    step = 20000
    for start in range(3, 100003, step):
        chunk = tuple(rows[(start - 3 + i) % len(rows)] for i in range(min(step, 100003 - start)))
        sheet.getCellRangeByPosition(0, start, cols - 1, start + len(chunk) - 1).setDataArray(chunk)
    c.doc.getUndoManager().clear()
    start_state = whole(sheet, 100003, cols)
    ok, res, _ = c.run("Validate")
    c.check("Validate marks thousands of cells", res.get("Marked", 0) > 1000, str(res.get("Marked")))
    marked = whole(sheet, 100003, cols)
    ok, res, before = c.run("Normalize")
    c.check("Normalize rewrites cells across the sheet", res.get("Changed", 0) > 100000, str(res.get("Changed")))
    c.undo_restores(before, "Normalize of 100,000 rows")
    c.check("after Undo of Normalize every one of the 100,000 rows is as before", whole(sheet, 100003, cols) == marked)
    ok, res, before = c.run("Summary")
    c.undo_restores(before, "Summary of 100,000 rows")
    activate(c.doc, sheet)
    c.run("ClearMarks")
    c.check("Clear marks gives back all 100,000 rows as they were", whole(sheet, 100003, cols) == start_state)


CASES = [
    ("normal", case_normal, {}),
    ("read-only", case_read_only, {"ReadOnly": True}),
    ("protected sheet", case_protected_sheet, {}),
    ("protected structure", case_protected_structure, {}),
    ("autofilter", case_autofilter, {}),
    ("hidden rows and columns", case_hidden_rows_columns, {}),
    ("plan sheet not first", case_plan_not_first, {}),
    ("Riepilogo PEG already there", case_summary_exists, {}),
    ("chart name taken", case_chart_name_taken, {}),
    ("empty sheet", case_empty_sheet, {}),
    ("header only", case_header_only, {}),
    ("formulas and errors", case_formulas, {}),
    ("full undo stack", case_full_undo_stack, {}),
    ("notes and fills", case_notes_and_fills, {}),
    ("another document active", case_another_document_active, {}),
    ("last row used", case_last_row_used, {}),
    ("xlsx round trip", case_xlsx_round_trip, {"tmp": True}),
    ("undo locked by a macro", case_undo_locked, {}),
    ("undo disabled", case_undo_disabled, {}),
    ("summary sheet active", case_summary_sheet_active, {}),
    ("merged header", case_merged_header, {}),
    ("a 32,000-character cell", case_long_cell, {}),
    ("no target column", case_no_target_column, {}),
    ("100,000 rows", case_100000_rows, {}),
]


def run_case(office, report, path, tmp, name, case, opts, beside):
    """One case on a fresh copy: loaded hidden (as macros and batch jobs load documents), or with a
    view while another document is the active one, which must end as it began."""
    other = other_before = None
    if beside:
        name += ", another document active"
        other = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, lo.props(Hidden=False))
        other.Sheets.getByIndex(0).getCellRangeByName("A1:B2").setDataArray((("altro", 1.0), ("documento", 2.0)))
        other.Sheets.insertNewByName("Foglio B2", 1)
    load = lo.props(Hidden=not beside, ReadOnly=bool(opts.get("ReadOnly")))
    doc = office.desktop.loadComponentFromURL(lo.url(path), "_blank", 0, load)
    c = Case(office, report, name, doc)
    try:
        activate(doc, plan_sheet(doc))
        if other is not None:
            other_before = doc_state(other)
            other.getCurrentController().getFrame().activate()
            c.check("the other document is the active one", office.desktop.getCurrentComponent() == other
                    or office.desktop.getCurrentFrame() == other.getCurrentController().getFrame())
        case(c, tmp) if opts.get("tmp") else case(c)
        if other is not None:
            c.check("the other document is exactly as before", doc_state(other) == other_before,
                    diff(other_before, doc_state(other)))
    except Exception:
        report.check(f"{name}: ran", False, traceback.format_exc())
    finally:
        lo.close(doc)
        if other is not None:
            lo.close(other)
    if not alive(office):
        report.check(f"{name}: office alive at the end", False, office.log_tail())
        office.restart()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", help="run only the cases whose name contains this")
    args = ap.parse_args()
    report = lo.Report(args.verbose)
    tmp = tempfile.mkdtemp(prefix="pegkit-safety-")
    try:
        with lo.Office(ui_locale="it-IT") as office:
            office.install_extension(args.oxt)
            doc = wb.build(office)
            path = os.path.join(tmp, "peg.ods")
            lo.Office.store(doc, path, lo.ODS)
            lo.close(doc)
            for beside in (False, True):
                for name, case, opts in CASES:
                    if args.only and args.only not in name:
                        continue
                    run_case(office, report, path, tmp, name, case, opts, beside)
        if not args.only or args.only in "unwritable on disk":
            unwritable_on_disk(report, args.oxt, path)
    except Exception:
        report.check("office session", False, traceback.format_exc())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
