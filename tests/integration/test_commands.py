#!/usr/bin/python3
"""Headless integration test of the vnd.pegkit: commands (issue 4).

  /usr/bin/python3 tests/integration/test_commands.py --oxt build/pegkit.oxt [--verbose]

Builds the realistic workbooks from the sample (make_workbooks.py) as .ods and .xlsx, installs the
.oxt, and on each workbook dispatches Validate, ClearMarks, Normalize (+ one Undo) and Summary
through the frame, checking findings, marks, exact restoration, undo and the summary's numbers,
computed here from the fixture's actual and weight columns. A protected sheet, an empty sheet and
a sheet with no PEG header must give a clear message and change nothing.
"""
import argparse
import math
import os
import re
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402
import make_workbooks as wb  # noqa: E402
import uno  # noqa: E402
import unohelper  # noqa: E402
from com.sun.star.frame import XDispatchResultListener  # noqa: E402

RED, AMBER, GREEN = 0xFFC7CE, 0xFFEB9C, 0xC6EFCE
COLUMN = {"Target (DUP)": 6, "Target (PEG)": 9}
SUCCESS, FAILURE = 1, 0   # DispatchResultState



class _Listener(unohelper.Base, XDispatchResultListener):
    def __init__(self):
        self.event = None

    def dispatchFinished(self, event):
        self.event = event

    def disposing(self, source):
        pass


def dispatch(office, doc, command, **args):
    """(ok, {name: value}) from the command's DispatchResultEvent; args go to the command."""
    frame = doc.getCurrentController().getFrame()
    transformer = office.smgr.createInstanceWithContext("com.sun.star.util.URLTransformer", office.ctx)
    url = uno.createUnoStruct("com.sun.star.util.URL")
    url.Complete = "vnd.pegkit:" + command
    _, url = transformer.parseStrict(url)
    d = frame.queryDispatch(url, "", 0)
    if d is None:
        raise AssertionError(f"no dispatch for {url.Complete}")
    listener = _Listener()
    d.dispatchWithNotification(url, lo.props(Quiet=True, **args), listener)
    if listener.event is None:
        raise AssertionError(f"{command}: no DispatchResultEvent")
    result = {p.Name: p.Value for p in (listener.event.Result or ())}
    return listener.event.State == SUCCESS, result


def active(doc, sheet):
    doc.getCurrentController().setActiveSheet(sheet)


def used(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, max(a.EndColumn, 13), max(a.EndRow, 1))


def data_snapshot(sheet):
    rng = used(sheet)
    return rng.getDataArray(), rng.getFormulaArray()


def number_looks(sheet):
    """{(row, col): (number format, no format of its own)} over the used area, read by format groups."""
    from com.sun.star.beans.PropertyState import DEFAULT_VALUE
    groups = used(sheet).getUniqueCellFormatRanges()
    out = {}
    for i in range(groups.getCount()):
        g = groups.getByIndex(i)
        look = (g.NumberFormat, g.getPropertyState("NumberFormat") == DEFAULT_VALUE)
        for a in g.getRangeAddresses():
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    out[(r, c)] = look
    return out


def give_number_formats(doc, sheet):
    """Formats an office may have given its target cells: two decimals, a US date, a unit, Text, a style."""
    from com.sun.star.lang import Locale
    formats = doc.getNumberFormats()
    it, us = Locale("it", "IT", ""), Locale("en", "US", "")

    def key(code, locale):
        k = formats.queryKey(code, locale, False)
        return k if k >= 0 else formats.addNew(code, locale)
    keys = [key("0.00", it), key("MM/DD/YYYY", us), key('0" giorni"', it), key("@", it)]
    # in runs of rows, as offices format them (a cell's own format on every other row, as in the
    # fixture, makes the write leave formats alone: text_format_first.cpp)
    sheet.getCellRangeByPosition(6, 2, 9, used(sheet).getRangeAddress().EndRow).setPropertyToDefault("NumberFormat")
    for n in range(5):
        rng = sheet.getCellRangeByPosition(6, 4 + 8 * n, 9, 11 + 8 * n)
        if n < 4:
            rng.NumberFormat = keys[n]
        else:
            rng.CellStyle = "Result"
    sheet.getCellByPosition(9, 60).NumberFormat = keys[0]  # and one cell alone


def marks_snapshot(doc, sheet):
    """Backgrounds (state, colour, transparency), user-defined attribute names, and notes."""
    rng = used(sheet)
    a = rng.getRangeAddress()
    cells = {}
    from com.sun.star.beans.PropertyState import DEFAULT_VALUE
    for r in range(a.StartRow, a.EndRow + 1):
        for c in range(a.StartColumn, a.EndColumn + 1):
            cell = sheet.getCellByPosition(c, r)
            uda = cell.UserDefinedAttributes
            cells[(r, c)] = (cell.getPropertyState("CellBackColor") == DEFAULT_VALUE, cell.CellBackColor,
                             cell.IsCellBackgroundTransparent, tuple(sorted(uda.getElementNames())))
    notes = {}
    for note in lo._iterate(sheet.getAnnotations()):
        p = note.getPosition()
        notes[(p.Row, p.Column)] = note.getString()
    return cells, notes


def diff(a, b, limit=5):
    keys = sorted(set(a) | set(b))
    out = [f"{k}: {a.get(k)} -> {b.get(k)}" for k in keys if a.get(k) != b.get(k)]
    return "; ".join(out[:limit]) + (f" (+{len(out) - limit})" if len(out) > limit else "")


# ------------------------------------------------------------------------------------ validate

def check_validate(office, doc, report, label):
    sheet = lo.sheet(doc)
    active(doc, sheet)
    # the user's own colour and note on cells that get findings, and elsewhere
    sheet.getCellRangeByName("G67").CellBackColor = 0xFFFF00
    sheet.getAnnotations().insertNew(sheet.getCellRangeByName("J84").getCellAddress(), "nota dell'ufficio")
    sheet.getCellRangeByName("B5").CellBackColor = 0x00FF00
    before = marks_snapshot(doc, sheet)
    data_before = data_snapshot(sheet)

    ok, res = dispatch(office, doc, "Validate")
    report.check(f"{label}: Validate succeeds", ok, res.get("Message"))
    findings = res.get("Findings") or ()
    errors = {(int(f[1]) + 1, int(f[2]), f[4]) for f in findings if f[3] == "error"}
    expected = {(line, COLUMN[col], code) for line, col, code in wb.expected_errors()}
    report.check(f"{label}: the 5 error findings of sample_findings.tsv on the same rows", errors == expected,
                 f"got {sorted(errors)}, expected {sorted(expected)}")
    report.check(f"{label}: counts in the result", res.get("Errors") == len(errors) and res.get("Marked", 0) >= len(errors),
                 str({k: res.get(k) for k in ("Errors", "Warnings", "Marked")}))
    marked, notes = marks_snapshot(doc, sheet)
    bad = [(l, c) for l, c, _ in expected if marked[(l - 1, c)][1] != RED]
    report.check(f"{label}: error cells are red", not bad, str(bad))
    warn = {(int(f[1]), int(f[2])) for f in findings if f[3] == "warning"} - {(l - 1, c) for l, c, _ in expected}
    bad = [p for p in warn if marked[p][1] != AMBER]
    report.check(f"{label}: warning cells are amber ({len(warn)})", not bad, str(bad[:5]))
    ours = [p for p, t in notes.items() if t.startswith("[PEG] ")]
    report.check(f"{label}: a note on each marked cell but J84", len(ours) == res.get("Marked", 0) - 1
                 and notes.get((83, 9)) == "nota dell'ufficio", f"{len(ours)} notes, J84 {notes.get((83, 9))!r}")
    report.check(f"{label}: Validate changes no data", data_snapshot(sheet) == data_before)

    ok2, res2 = dispatch(office, doc, "Validate")
    report.check(f"{label}: Validate again clears its marks first", ok2 and res2.get("Cleared") == res.get("Marked")
                 and res2.get("Marked") == res.get("Marked"), str({k: res2.get(k) for k in ("Cleared", "Marked")}))

    ok, res = dispatch(office, doc, "ClearMarks")
    after = marks_snapshot(doc, sheet)
    report.check(f"{label}: ClearMarks succeeds", ok and res.get("Cleared") == res2.get("Marked"), res.get("Message"))
    report.check(f"{label}: ClearMarks restores backgrounds, attributes and notes exactly",
                 after == before, diff(before[0], after[0]) + " | " + diff(before[1], after[1]))
    ok, res = dispatch(office, doc, "ClearMarks")
    report.check(f"{label}: ClearMarks with nothing to clear says so", ok and res.get("Cleared") == 0, res.get("Message"))


# ----------------------------------------------------------------------------------- normalize

def check_normalize(office, doc, report, label):
    sheet = lo.sheet(doc)
    active(doc, sheet)
    sheet.getCellRangeByName("E5").setFormula('="50 - Direttore  generale"&" (Direzione Generale)"')
    sheet.getCellRangeByName("N5").setString("<b>fuori  dalla tabella</b>")
    give_number_formats(doc, sheet)
    looks = number_looks(sheet)
    before = data_snapshot(sheet)
    formats = {(r, c): sheet.getCellByPosition(c, r).NumberFormat
               for r, row in enumerate(before[0]) for c, v in enumerate(row) if isinstance(v, str) and v}
    ok, res = dispatch(office, doc, "Normalize")
    changed = res.get("Changed", 0)
    report.check(f"{label}: Normalize succeeds and changes text cells", ok and changed > 0, res.get("Message"))
    after = data_snapshot(sheet)
    report.check(f"{label}: formula kept", sheet.getCellRangeByName("E5").getFormula().startswith("="))
    report.check(f"{label}: outside the table untouched", sheet.getCellRangeByName("N5").getString() == "<b>fuori  dalla tabella</b>")
    report.check(f"{label}: title row untouched", after[0][0] == before[0][0] and after[0][2] == before[0][2])
    diffs = [(r, c) for r, row in enumerate(before[0]) for c, v in enumerate(row) if after[0][r][c] != v]
    report.check(f"{label}: exactly 'Changed' cells differ ({len(diffs)})", len(diffs) == changed)
    not_text = [(r + 1, c, before[1][r][c]) for r, c in diffs
                if not isinstance(before[0][r][c], str) or before[1][r][c].startswith("=")]
    report.check(f"{label}: only text cells changed", not not_text, str(not_text[:5]))
    j = {r + 1: after[0][r][9] for r, c in diffs if c == 9}
    report.check(f"{label}: targets in canonical form (e.g. {next(iter(j.items()), None)})",
                 any(("≥" in v or "≤" in v or "entro il" in v) for v in j.values()))
    normalized = {(r, c): sheet.getCellByPosition(c, r).NumberFormat for r, c in diffs}
    # text_format_first.hpp: the cells a write covers take the Text format for a moment only
    looks_after = number_looks(sheet)
    text_types = {k for k in set(v[0] for v in looks_after.values())
                  if doc.getNumberFormats().getByKey(k).Type & 256}
    moved = [(r + 1, c, looks[(r, c)], looks_after[(r, c)]) for (r, c) in looks
             if looks_after[(r, c)] != looks[(r, c)] and not ((r, c) in set(diffs) and looks_after[(r, c)][0] in text_types)]
    report.check(f"{label}: Normalize leaves every cell's number format as it was ({len(looks)} cells; "
                 f"{sum(looks_after[k] != looks[k] for k in diffs)} rewritten cells given Text by Calc)", not moved, str(moved[:5]))
    doc.getUndoManager().undo()
    back = number_looks(sheet)
    moved = [(r + 1, c, looks[k], back[k]) for k in looks if back[k] != looks[k] for r, c in [k]]
    report.check(f"{label}: Undo gives every cell of the sheet its number format back", not moved, str(moved[:5]))
    report.check(f"{label}: one Undo restores the whole sheet's data and formulas", data_snapshot(sheet) == before)
    # Calc formats a text that reads as a formula ("= 0 anomalie") as Text when it is written, which
    # keeps it a text; the Undo gives every cell its own number format back
    moved = [(r, c, formats[(r, c)], normalized[(r, c)], sheet.getCellByPosition(c, r).NumberFormat) for r, c in diffs
             if formats[(r, c)] != sheet.getCellByPosition(c, r).NumberFormat]
    report.check(f"{label}: Undo gives the rewritten cells their number formats back ({len(diffs)}, "
                 f"{sum(formats[k] != normalized[k] for k in diffs)} formatted as Text by Calc)",
                 diffs and not moved, str(moved[:5]))


def check_normalize_row_heights(office, doc, report, label):
    """Normalize writes with Calc's row-height adjustment off where no cell can change its row's
    height (row_heights.hpp). Where the target column wraps its texts, each row whose target was
    rewritten must still end with the height Calc itself gives its new text."""
    sheet = lo.sheet(doc)
    active(doc, sheet)
    target = sheet.getColumns().getByIndex(9)
    target.Width = 1800  # 1.8 cm: the sample's targets take several lines
    target.IsTextWrapped = True
    rows = sheet.getRows()
    count = len(data_snapshot(sheet)[0])
    for r in range(count):
        rows.getByIndex(r).OptimalHeight = True
    before = data_snapshot(sheet)[0]
    heights = [rows.getByIndex(r).Height for r in range(count)]
    ok, res = dispatch(office, doc, "Normalize")
    after = data_snapshot(sheet)[0]
    changed = [r for r in range(count) if after[r][9] != before[r][9]]
    got = [rows.getByIndex(r).Height for r in changed]
    for r in changed:
        rows.getByIndex(r).OptimalHeight = True  # Calc measures the row again
    want = [rows.getByIndex(r).Height for r in changed]
    moved = [r for r, h in zip(changed, want) if h != heights[r]]
    wrong = [(r + 1, g, w) for r, g, w in zip(changed, got, want) if g != w]
    report.check(f"{label}: rows of rewritten wrapped targets get Calc's height for the new text "
                 f"({len(changed)} rows, {len(moved)} of them change height)",
                 ok and changed and moved and not wrong, f"{res.get('Message')}; (row, got, Calc's) {wrong[:5]}")


def lo_letters(col):
    return cell_name(col, 0)[:-1]


def check_undo_stack(office, doc, report, label):
    """Each command leaves exactly its own undo action, nothing of Calc's below it (Calc 7.4
    re-enables its undo manager inside some writes: notes, multi-line texts, merges)."""
    sheet = lo.sheet(doc)
    active(doc, sheet)
    undo = doc.getUndoManager()
    before = data_snapshot(sheet)
    for command, args, title in (("Validate", {}, "PEG: verifica"), ("ClearMarks", {}, "PEG: cancella segni"),
                                 ("Normalize", {}, "PEG: normalizza"), ("Normalize", {"NewColumn": True}, "PEG: normalizza"),
                                 ("Summary", {}, "PEG: riepilogo")):
        undo.clear()
        ok, res = dispatch(office, doc, command, **args)
        titles = undo.getAllUndoActionTitles()
        report.check(f"{label}: {command} {args or ''} leaves exactly its own undo action",
                     ok and titles == (title,), f"{res.get('Message')}; {titles[:4]}")
        if command != "Validate":
            undo.undo()
            report.check(f"{label}: after its Undo nothing of Calc's is left to undo",
                         not undo.isUndoPossible() and data_snapshot(sheet) == before, str(undo.getAllUndoActionTitles()[:3]))
        if command == "Summary":
            active(doc, sheet)


class _SecondCommand(lo.WhileRunning):
    """Dispatches another command from inside the running one; `seen` holds its result."""
    def __init__(self, office, doc, command):
        super().__init__()
        self.office, self.doc, self.command = office, doc, command

    def during(self):
        return dispatch(self.office, self.doc, self.command)


def check_busy(office, doc, report, label):
    """A command dispatched while another runs answers "busy" at once and writes nothing; the
    first one ends as it would alone, with one undo step."""
    sheet = lo.sheet(doc)
    active(doc, sheet)
    undo = doc.getUndoManager()
    before = data_snapshot(sheet)
    for outer, inner in (("Normalize", "Validate"), ("Validate", "Normalize")):
        undo.clear()
        hook = _SecondCommand(office, doc, inner)
        undo.addUndoManagerListener(hook)
        try:
            ok, res = dispatch(office, doc, outer)
        finally:
            undo.removeUndoManagerListener(hook)
        report.check(f"{label}: {inner} dispatched while {outer} runs was dispatched", len(hook.seen) == 1)
        inner_ok, inner_res = hook.seen[0] if hook.seen else (True, {})
        report.check(f"{label}: it answers busy, and fails", not inner_ok and inner_res.get("Busy") is True,
                     str(inner_res.get("Message")))
        report.check(f"{label}: {outer} itself succeeds with its one undo step", ok and len(undo.getAllUndoActionTitles()) == 1,
                     f"{res.get('Message')}; {undo.getAllUndoActionTitles()[:3]}")
        undo.undo()
        report.check(f"{label}: its Undo restores the sheet", data_snapshot(sheet) == before)
        ok, res = dispatch(office, doc, inner)
        report.check(f"{label}: once {outer} is over, {inner} runs", ok, res.get("Message"))
        undo.undo()


def cell_name(col, row):
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def check_normalize_preview(office, doc, report, label):
    """What the Normalize panel sends (dispatch arguments Cells and NewColumn, commands.hpp): only
    the ticked cells, nothing when the sheet changed after the preview, new columns that keep the
    adopted wording. Each is one undo step or none."""
    sheet = lo.sheet(doc)
    active(doc, sheet)
    undo = doc.getUndoManager()
    before = data_snapshot(sheet)
    # the plan as Normalize applies it (the preview shows the same plan): every rewrite, then Undo
    ok, _ = dispatch(office, doc, "Normalize")
    planned = data_snapshot(sheet)
    undo.undo()
    rewrites = [(r, c, v, planned[0][r][c]) for r, row in enumerate(before[0]) for c, v in enumerate(row)
                if planned[0][r][c] != v]
    report.check(f"{label}: the sheet has cells to normalize, and Undo restores it",
                 ok and len(rewrites) >= 3 and data_snapshot(sheet) == before, str(rewrites[:3]))
    if len(rewrites) < 3:
        return
    # the panel's preview with the second line unticked
    ticked = [rewrites[0], rewrites[2]]
    cells = tuple((r, c, after) for r, c, _, after in ticked)
    titles = len(undo.getAllUndoActionTitles())
    ok, res = dispatch(office, doc, "Normalize", Cells=cells)
    after = data_snapshot(sheet)
    changed = [(r, c) for r, row in enumerate(before[0]) for c, v in enumerate(row) if after[0][r][c] != v]
    report.check(f"{label}: Normalize with two ticked cells writes exactly them",
                 ok and res.get("Changed") == 2 and sorted(changed) == sorted((r, c) for r, c, _, _ in ticked),
                 f"{res.get('Message')}; changed {changed}")
    report.check(f"{label}: the unticked cell keeps its adopted wording",
                 after[0][rewrites[1][0]][rewrites[1][1]] == rewrites[1][2], repr(rewrites[1]))
    report.check(f"{label}: ticked Normalize is one undo step", len(undo.getAllUndoActionTitles()) == titles + 1)
    undo.undo()
    report.check(f"{label}: its Undo restores the sheet", data_snapshot(sheet) == before)

    # the user edited a ticked cell after the preview: nothing is written
    r, c, _, after_text = rewrites[0]
    stale = ((r, c, after_text + " (modificato)"),)
    titles = len(undo.getAllUndoActionTitles())
    ok, res = dispatch(office, doc, "Normalize", Cells=stale)
    report.check(f"{label}: a preview the sheet no longer matches is refused, nothing written",
                 not ok and data_snapshot(sheet) == before and len(undo.getAllUndoActionTitles()) == titles
                 and cell_name(c, r) in res.get("Message", ""), res.get("Message"))
    ok, res = dispatch(office, doc, "Normalize", Cells=())
    report.check(f"{label}: nothing ticked: nothing written, no undo step",
                 ok and res.get("Changed") == 0 and data_snapshot(sheet) == before
                 and len(undo.getAllUndoActionTitles()) == titles, res.get("Message"))

    # into new columns: the originals stay, each normalized column gets one beside it
    header_before = [sheet.getCellByPosition(c, 2).getString() for c in range(0, 40)]
    titles = len(undo.getAllUndoActionTitles())
    ok, res = dispatch(office, doc, "Normalize", NewColumn=True)
    report.check(f"{label}: NewColumn is one undo step", len(undo.getAllUndoActionTitles()) == titles + 1,
                 f"{titles} before, now {len(undo.getAllUndoActionTitles())}: {undo.getAllUndoActionTitles()[:4]}")
    header = [sheet.getCellByPosition(c, 2).getString() for c in range(0, 40)]
    target_new = next((i for i, h in enumerate(header) if h.startswith("Target") and "normalizzato" in h), -1)
    original = next((i for i, h in enumerate(header) if h.startswith("Target") and "normalizzato" not in h), -1)
    # the sample's title is merged across the table: an insert would cut it, so the new columns go
    # right of the table (plan_new_columns)
    report.check(f"{label}: NewColumn writes a 'Target (normalizzato)' column right of the table",
                 ok and res.get("Columns", 0) >= 1 and target_new >= len([h for h in header_before if h]),
                 f"{res.get('Message')}; header {header}")
    report.check(f"{label}: the message names the new columns", lo_letters(target_new) in res.get("Message", ""),
                 res.get("Message"))
    in_target = [w for w in rewrites if header_before[w[1]].startswith("Target")]
    r, _, adopted, normal = in_target[0] if in_target else (0, 0, None, None)
    report.check(f"{label}: the original keeps {adopted!r}, the new column has {normal!r}",
                 bool(in_target) and sheet.getCellByPosition(original, r).getString() == adopted
                 and sheet.getCellByPosition(target_new, r).getString() == normal,
                 repr(sheet.getCellByPosition(target_new, r).getString()))
    ok2, res2 = dispatch(office, doc, "Validate")
    report.check(f"{label}: Validate after NewColumn still reads the adopted Target column",
                 ok2 and res2.get("Errors", -1) >= 0, res2.get("Message"))
    if ok2 and len(undo.getAllUndoActionTitles()) == titles + 2:
        undo.undo()  # Validate's marks
    undo.undo()
    report.check(f"{label}: one Undo removes the new columns and restores the sheet",
                 data_snapshot(sheet) == before, diff({i: v for i, v in enumerate(data_snapshot(sheet)[0])},
                                                      {i: v for i, v in enumerate(before[0])}))

    # without the merged title, nothing is cut: each new column is inserted right beside its source
    sheet.getCellRangeByPosition(0, 0, 11, 0).merge(False)
    before = data_snapshot(sheet)
    titles = len(undo.getAllUndoActionTitles())
    ok, res = dispatch(office, doc, "Normalize", NewColumn=True)
    header = [sheet.getCellByPosition(c, 2).getString() for c in range(0, 40)]
    pairs = [(h, header[i + 1]) for i, h in enumerate(header[:-1]) if h == "Target"]
    report.check(f"{label}: without merged cells across it, 'Target (normalizzato)' is inserted right beside Target",
                 ok and pairs and all(n == "Target (normalizzato)" for _, n in pairs)
                 and len(undo.getAllUndoActionTitles()) == titles + 1, f"{res.get('Message')}; {header[:22]}")
    undo.undo()
    report.check(f"{label}: its Undo removes the inserted columns", data_snapshot(sheet) == before)

    # PEG ▸ Normalizza… on a document without a window opens nothing and writes nothing
    ok, res = dispatch(office, doc, "NormalizePreview")
    report.check(f"{label}: NormalizePreview without a window says so and writes nothing",
                 not ok and "pannello laterale" in res.get("Message", "") and data_snapshot(sheet) == before,
                 res.get("Message"))


# ------------------------------------------------------------------------------------- summary

def group_key(text):
    """The core's grouping key: leading code and the label's folded letters and digits."""
    text = re.sub(r"<[^>]*>", "", text or "").replace("&nbsp;", " ")
    m = re.match(r"\s*(\d+)\s*[-–—]?\s*(.*)", text, re.S)
    code, label = (str(int(m.group(1))), m.group(2)) if m else ("", text)
    return code + "|" + "".join(ch for ch in label.lower() if ch.isalnum())


def expected_summary():
    """{table: {key: (objectives, assessed, met, not_assessable, mean)}} and the total, from the
    fixture's rows: typed targets' illustrative actuals, weights, and the sample's PEG errors."""
    rows = wb.sample_rows()
    invalid_peg = {line for line, col, _ in wb.expected_errors() if col == "Target (PEG)"}
    objectives = set(wb.objective_lines(rows))
    carried = ["", "", "", ""]  # strategic, mission, programme, cdr
    empty_run = 0
    items = []
    for n, cells in rows:
        if n <= wb.HEADER_LINE:
            continue
        if n not in objectives:
            empty_run += 1
            if empty_run >= 2:
                carried = ["", "", "", ""]
            continue
        empty_run = 0
        for g, col in enumerate((0, 1, 2, 4)):
            if not wb.blank(cells[col]):
                carried[g] = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", cells[col])).strip()
        _, att = wb.illustrative(n, wb.typed_target(cells[wb.PEG_TARGET]))
        items.append((list(carried), att, wb.weight(n), n in invalid_peg))

    def stats(members):
        assessed = [(a, w) for _, a, w, _ in members if a is not None]
        mean = sum(a * w for a, w in assessed) / sum(w for _, w in assessed) if assessed else None
        return (len(members), len(assessed), sum(1 for a, _ in assessed if a >= 1 - 1e-9),
                sum(1 for *_, bad in members if bad), mean)

    tables = {}
    for name, g in (("cdr", 3), ("mission", 1), ("programme", 2), ("strategic", 0)):
        groups = {}
        for it in items:
            key = group_key(it[0][g])
            if name == "programme" and it[0][2]:
                key = group_key(it[0][1]) + "/" + key
            groups.setdefault(key, []).append(it)
        tables[name] = {k: stats(v) for k, v in groups.items()}
    return tables, stats(items)


def read_summary(sheet):
    """[(table rows [(label, numbers)], total)] in sheet order."""
    return summary_tables(used(sheet).getDataArray())


def summary_tables(data):
    """read_summary of a summary sheet's cells."""
    tables, current = [], None
    for row in data:
        if isinstance(row[1], str) and row[1] in ("Obiettivi", "Objectives"):
            if current is None:  # else the table's headings again, on its next printed page
                current = []
            continue
        if current is None or row[0] == "" and row[1] == "":
            continue
        if row[0] in ("Totale", "Total"):
            tables.append((current, row[1:7]))
            current = None
        else:
            current.append((row[0], row[1:7]))
    return tables


def close(a, b):
    if a is None or a == "":
        return b is None
    return b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def check_summary(office, doc, report, label):
    sheet = lo.sheet(doc)
    active(doc, sheet)
    before = data_snapshot(sheet)
    # The figures below count an objective without a value as not assessed: true at the start of
    # the plan year, when none of the sample's deadlines (all in 2020) has passed. The default
    # as-of date (today) is checked after them.
    udp = doc.DocumentProperties.UserDefinedProperties
    udp.addProperty("pegkit.as_of", 128, "2020-01-01")
    ok, res = dispatch(office, doc, "Summary")
    report.check(f"{label}: Summary succeeds on a new sheet 'Riepilogo PEG'", ok and res.get("Sheet") == "Riepilogo PEG",
                 str(res.get("Message")))
    if not ok:
        return
    out = doc.Sheets.getByName("Riepilogo PEG")
    tables = read_summary(out)
    expected, total = expected_summary()
    report.check(f"{label}: four tables", len(tables) == 4, str(len(tables)))
    for (rows, tot), name in zip(tables, ("cdr", "mission", "programme", "strategic")):
        exp = expected[name]
        bad = []
        programme_mission = {}
        for text, nums in rows:
            key = group_key("" if text.startswith("(") else text)
            if name == "programme":
                cands = [k for k in exp if k.endswith("/" + key) or k == key]
                e = exp.get(cands[0]) if len(cands) == 1 else None
                if len(cands) > 1:
                    # the same programme code under several missions: match by the numbers
                    e = next((exp[k] for k in cands if exp[k][0] == nums[0] and k not in programme_mission), None)
                    programme_mission[text] = e
            else:
                e = exp.get(key)
            if e is None:
                bad.append(f"{text!r}: unexpected group")
                continue
            got = (int(nums[0]), int(nums[1]), int(nums[2]), int(nums[5]))
            want = (e[0], e[1], e[2], e[3])
            pct = e[2] / e[1] if e[1] else None
            if got != want or not close(nums[4], e[4]) or not close(nums[3], pct):
                bad.append(f"{text[:30]!r}: got {nums}, expected {want} mean {e[4]}")
        report.check(f"{label}: table {name}: {len(rows)} groups, numbers computed here", not bad and len(rows) == len(exp),
                     f"{len(rows)} vs {len(exp)} groups; " + "; ".join(bad[:4]))
        want = total
        report.check(f"{label}: table {name} total", (int(tot[0]), int(tot[1]), int(tot[2]), int(tot[5])) == want[:4]
                     and close(tot[4], want[4]), f"{tot} vs {want}")
    # traffic lights on the mean attainment column of the group tables (the scorecards' shares below are not lit)
    data = used(out).getDataArray()
    tables_end = max(i for i, row in enumerate(data) if row[0] in ("Totale", "Total")) + 1
    bad = []
    for r, row in enumerate(data[:tables_end]):
        v = row[5]
        if isinstance(v, float) and r > 2 and not isinstance(row[1], str):
            want = GREEN if v >= 0.9 else AMBER if v >= 0.6 else RED
            if out.getCellByPosition(5, r).CellBackColor != want:
                bad.append(r + 1)
    report.check(f"{label}: traffic-light colours", not bad, str(bad[:5]))
    fmt = out.getCellByPosition(5, 5).NumberFormat
    report.check(f"{label}: percentages formatted as such", "%" in doc.getNumberFormats().getByKey(fmt).FormatString)
    report.check(f"{label}: a chart of attainment per CdR", out.getCharts().getCount() == 1)
    report.check(f"{label}: the PEG sheet is unchanged", data_snapshot(sheet) == before)

    active(doc, sheet)
    udp.removeProperty("pegkit.as_of")
    ok, res = dispatch(office, doc, "Summary")
    report.check(f"{label}: the second Summary updates 'Riepilogo PEG' in place", ok and res.get("Sheet") == "Riepilogo PEG"
                 and res.get("Updated") is True and not doc.Sheets.hasByName("Riepilogo PEG 2"),
                 f"{res.get('Sheet')}: {res.get('Message')}")
    if ok:
        # today, every 2020 deadline without a completion date is missed: assessed, scored 0, not met
        today = read_summary(doc.Sheets.getByName(res["Sheet"]))[0][1]
        report.check(f"{label}: as of today, deadlines of 2020 without completion count as missed (0)",
                     int(today[1]) > total[1] and int(today[2]) == total[2] and today[4] < total[4],
                     f"today {today[:5]}, at the start of 2020 {total}")

    # The Summary panel's choice: no actual column, so nothing is assessed (total row, "Valutati" = 0)
    active(doc, sheet)
    ok, res = dispatch(office, doc, "Summary", ActualColumn=uno.Any("long", -1), WeightColumn=uno.Any("long", -1))
    third = doc.Sheets.getByName(res.get("Sheet", "")) if ok and doc.Sheets.hasByName(res.get("Sheet", "")) else None
    assessed = None
    if third is not None:
        rows = third.getCellRangeByName("A1:C60").getDataArray()
        totals = [r for r in rows if str(r[0]).startswith("Total")]
        assessed = totals[0][2] if totals else None
    report.check(f"{label}: Summary honours the chosen actual column (none: nothing assessed)",
                 ok and assessed == 0.0, f"{res.get('Sheet')}: assessed in the total row {assessed!r}")


# ------------------------------------------------------------------------------ refusal cases

def everything(doc):
    out = []
    for s in lo._iterate(doc.Sheets):
        cells, notes = marks_snapshot(doc, s)
        out.append((s.getName(), data_snapshot(s), cells, notes))
    return out


def check_refusals(office, doc, report, label):
    sheet = lo.sheet(doc)
    active(doc, sheet)
    sheet.protect("")
    state = everything(doc)
    for command in ("Validate", "Normalize", "ClearMarks"):
        ok, res = dispatch(office, doc, command)
        msg = res.get("Message", "")
        report.check(f"{label}: protected sheet: {command} refuses with a clear message",
                     not ok and re.search(r"protett|protected", msg, re.I) is not None, msg)
    report.check(f"{label}: protected sheet: nothing changed", everything(doc) == state)
    # the summary only reads the PEG sheet: a locked plan still gets its year-end table
    before = data_snapshot(sheet)
    ok, res = dispatch(office, doc, "Summary")
    report.check(f"{label}: protected sheet: Summary still works and leaves it unchanged",
                 ok and data_snapshot(sheet) == before and sheet.isProtected(), res.get("Message"))
    doc.Sheets.removeByName(res.get("Sheet", ""))
    active(doc, sheet)
    sheet.unprotect("")

    doc.Sheets.insertNewByName("Vuoto", doc.Sheets.getCount())
    doc.Sheets.insertNewByName("Altro", doc.Sheets.getCount())
    other = doc.Sheets.getByName("Altro")
    lo.write(other, "A1:C3", [["Elenco fornitori", "", ""], ["Nome", "Città", "Importo"], ["Rossi srl", "Mestre", 1200.0]])
    for name, pattern in (("Vuoto", r"vuoto|empty"), ("Altro", r"intestazione|header")):
        active(doc, doc.Sheets.getByName(name))
        state = everything(doc)
        for command in ("Validate", "Normalize", "Summary"):
            ok, res = dispatch(office, doc, command)
            msg = res.get("Message", "")
            report.check(f"{label}: sheet '{name}': {command} refuses with a clear message",
                         not ok and re.search(pattern, msg, re.I) is not None, msg)
        report.check(f"{label}: sheet '{name}': nothing changed", everything(doc) == state)


# ------------------------------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", help="run only the checks whose name contains this (validate, normalize, ...)")
    args = ap.parse_args()
    report = lo.Report(args.verbose)
    tmp = tempfile.mkdtemp(prefix="pegkit-cmd-")
    try:
        with lo.Office(ui_locale="it-IT") as office:
            office.install_extension(args.oxt)
            doc = wb.build(office)
            paths = {"ods": os.path.join(tmp, "peg.ods"), "xlsx": os.path.join(tmp, "peg.xlsx")}
            lo.Office.store(doc, paths["ods"], lo.ODS)
            lo.Office.store(doc, paths["xlsx"], lo.XLSX)
            lo.close(doc)
            for label, path in paths.items():
                for check in (check_validate, check_normalize, check_normalize_row_heights, check_normalize_preview, check_undo_stack, check_summary,
                              check_refusals, check_busy):
                    if args.only and args.only not in check.__name__:
                        continue
                    doc = office.load(path)
                    try:
                        check(office, doc, report, label)
                    except Exception:
                        report.check(f"{label}: {check.__name__} ran", False, traceback.format_exc())
                    finally:
                        lo.close(doc)
    except Exception:
        report.check("office session", False, traceback.format_exc())
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
