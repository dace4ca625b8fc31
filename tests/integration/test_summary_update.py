#!/usr/bin/python3
"""One summary per plan (issue 11, item 4) in a real headless Calc: Summary run again, from the plan
sheet or from its own summary sheet, rewrites that summary sheet in place as one undo step, with the
numbers a fresh Summary of the same plan gives; the user's note on the summary, a cell right of it
and the chart where the user moved it stay; Undo puts back the earlier summary exactly (cells,
chart and its colours, the link), Redo the new one; another plan sheet gets its own summary; a
protected summary sheet or a read-only document is refused with nothing changed; the link
survives an .xlsx round trip.

  /usr/bin/python3 tests/integration/test_summary_update.py --oxt build/pegkit.oxt
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
import uno  # noqa: E402
import make_workbooks as wb  # noqa: E402
from test_commands import active, dispatch, read_summary, summary_tables, used  # noqa: E402

SUMMARY = "Riepilogo PEG"


def zero_actuals(doc, count=12):
    """The year-end edit a summary must follow: the first `count` numeric actuals set to 0."""
    sheet = doc.Sheets.getByName("PEG 2020")
    col = used(sheet).getDataArray()
    done = 0
    for r, row in enumerate(col):
        if isinstance(row[wb.ACTUAL], float) and done < count:
            sheet.getCellByPosition(wb.ACTUAL, r).setValue(0.0)
            done += 1
    return done


def chart_state(sheet):
    """(names, [(x, y)], bar colours) of the sheet's charts."""
    charts = sheet.getCharts()
    names = tuple(charts.getElementNames())
    places = []
    page = sheet.getDrawPage()
    for i in range(page.getCount()):
        shape = page.getByIndex(i)
        if shape.getShapeType().endswith("OLE2Shape") and shape.getPropertyValue("PersistName") in names:
            p = shape.getPosition()
            places.append((p.X, p.Y))
    colours = []
    if names:
        diagram = charts.getByName(names[0]).getEmbeddedObject().getDiagram()
        rows = charts.getByName(names[0]).getRanges()[0]
        colours = [diagram.getDataPointProperties(i, 0).getPropertyValue("Color")
                   for i in range(rows.EndRow - rows.StartRow)]
    return names, places, colours


def looks(sheet, rows, cols=13):
    """{(row, col): (fill, bold, number format)} of the summary's block, cell by cell."""
    out = {}
    groups = sheet.getCellRangeByPosition(0, 0, cols - 1, rows - 1).getUniqueCellFormatRanges()
    for i in range(groups.getCount()):
        g = groups.getByIndex(i)
        look = (g.CellBackColor, g.CharWeight, g.NumberFormat)
        for a in g.getRangeAddresses():
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    out[(r, c)] = look
    return out


def summary_state(doc, name=SUMMARY):
    sheet = doc.Sheets.getByName(name)
    notes = sorted((n.getPosition().Row, n.getPosition().Column, n.getString()) for n in lo._iterate(sheet.getAnnotations()))
    data = used(sheet).getDataArray()
    return data, notes, chart_state(sheet), looks(sheet, len(data))


def link(doc):
    props = doc.DocumentProperties.UserDefinedProperties
    return props.getPropertyValue("pegkit.summaries") if props.getPropertySetInfo().hasPropertyByName("pegkit.summaries") else None


def fresh_summary(office, count):
    """The cells a first Summary gives for the plan as edited: what the update must equal."""
    doc = wb.build(office)
    try:
        zero_actuals(doc, count)
        ok, res = dispatch(office, doc, "Summary")
        return used(doc.Sheets.getByName(res["Sheet"])).getDataArray() if ok else None
    finally:
        lo.close(doc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    args = ap.parse_args()
    report = lo.Report()
    try:
        with tempfile.TemporaryDirectory(prefix="pegkit-upd-") as tmp, lo.Office(ui_locale="it-IT") as office:
            office.install_extension(args.oxt)
            doc = wb.build(office)
            undo = doc.getUndoManager()
            undo.clear()  # building the workbook filled the stack: the count below must be able to grow
            plan = doc.Sheets.getByName("PEG 2020")
            ok, res = dispatch(office, doc, "Summary")
            report.check("first Summary: a new sheet after the plan, linked to it",
                         ok and res.get("Sheet") == SUMMARY and res.get("Updated") is False
                         and link(doc) is not None and link(doc).startswith("PEG 2020\tRiepilogo PEG\t"),
                         f"{res.get('Message')} link {link(doc)!r}")
            out = doc.Sheets.getByName(SUMMARY)
            # the user's own touches on the summary sheet
            out.getAnnotations().insertNew(out.getCellRangeByName("B4").getCellAddress(), "da discutere in giunta")
            out.getCellRangeByName("T2").setString("appunto del dirigente")
            page = out.getDrawPage()
            for i in range(page.getCount()):
                shape = page.getByIndex(i)
                if shape.getShapeType().endswith("OLE2Shape") and shape.getPropertyValue("PersistName").startswith("PEG CdR"):
                    shape.setPosition(uno.createUnoStruct("com.sun.star.awt.Point", 3000, 40000))
            first = summary_state(doc)
            first_link = link(doc)
            sheets_before = doc.Sheets.getElementNames()
            changed = zero_actuals(doc)
            steps = len(undo.getAllUndoActionTitles())

            active(doc, out)  # from the summary sheet itself
            ok, res = dispatch(office, doc, "Summary")
            report.check("again from the summary sheet: that sheet rewritten, no new sheet",
                         ok and res.get("Sheet") == SUMMARY and res.get("Updated") is True
                         and doc.Sheets.getElementNames() == sheets_before
                         and "aggiornato" in res.get("Message", ""), f"{res.get('Message')} {doc.Sheets.getElementNames()}")
            report.check("one undo step", len(undo.getAllUndoActionTitles()) == steps + 1
                         and "riepilogo" in undo.getCurrentUndoActionTitle().lower(),
                         f"{steps} -> {undo.getAllUndoActionTitles()}")
            second = summary_state(doc)
            want = fresh_summary(office, changed)
            report.check(f"the numbers follow the plan ({changed} actuals set to 0): the same cells as a fresh Summary",
                         want is not None and [r[:13] for r in second[0][:len(want)]] == [r[:13] for r in want]
                         and second[0] != first[0],
                         f"first rows {second[0][:3]} vs {(want or [])[:3]}")
            report.check("the totals moved down", read_summary(out)[0][1][4] < summary_tables(first[0])[0][1][4],
                         f"{read_summary(out)[0][1]} vs {summary_tables(first[0])[0][1]}")
            report.check("the user's note and the cell right of the summary stay",
                         second[1] == first[1] and out.getCellRangeByName("T2").getString() == "appunto del dirigente",
                         f"{second[1]} vs {first[1]}")
            report.check("one chart, where the user moved it, coloured by the new values",
                         len(second[2][0]) == 1 and second[2][1] == [(3000, 40000)] and second[2][2] != first[2][2],
                         f"{second[2][:2]} colours {second[2][2][:4]} vs {first[2][2][:4]}")

            undo.undo()
            back = summary_state(doc)
            report.check("Undo: the earlier summary exactly (cells, note, chart place and colours, bold, fills, formats)",
                         back == first, f"cells same {back[0] == first[0]}, notes {back[1]}, chart {back[2][:2]} vs "
                         f"{first[2][:2]}, colours same {back[2][2] == first[2][2]}, looks same {back[3] == first[3]}")
            report.check("Undo: the link as it was", link(doc) == first_link, f"{link(doc)!r} vs {first_link!r}")
            undo.redo()
            report.check("Redo: the new summary again", summary_state(doc) == second)

            active(doc, plan)  # and from the plan sheet
            ok, res = dispatch(office, doc, "Summary")
            report.check("again from the plan sheet: the same summary sheet", ok and res.get("Updated") is True
                         and doc.Sheets.getElementNames() == sheets_before, f"{res.get('Message')}")

            doc.Sheets.copyByName("PEG 2020", "Settore 2", len(doc.Sheets.getElementNames()))
            active(doc, doc.Sheets.getByName("Settore 2"))
            ok, res = dispatch(office, doc, "Summary")
            names = doc.Sheets.getElementNames()
            report.check("another plan sheet gets its own summary, after it",
                         ok and res.get("Sheet") == "Riepilogo PEG 2" and res.get("Updated") is False
                         and names.index("Riepilogo PEG 2") == names.index("Settore 2") + 1, f"{res.get('Sheet')} {names}")
            ok, res = dispatch(office, doc, "Summary")
            report.check("and updates it the next time", ok and res.get("Sheet") == "Riepilogo PEG 2" and res.get("Updated") is True
                         and doc.Sheets.getElementNames() == names, f"{res.get('Sheet')}")

            out.protect("")
            before, steps = summary_state(doc), len(undo.getAllUndoActionTitles())
            active(doc, plan)
            ok, res = dispatch(office, doc, "Summary")
            report.check("a protected summary sheet: refused, naming it, nothing changed",
                         not ok and SUMMARY in res.get("Message", "") and "protett" in res.get("Message", "")
                         and summary_state(doc) == before and len(undo.getAllUndoActionTitles()) == steps,
                         res.get("Message", ""))
            out.unprotect("")

            path = os.path.join(tmp, "PEG 2020.xlsx")
            lo.Office.store(doc, path, lo.XLSX)
            lo.close(doc)
            doc = office.load(path)
            active(doc, doc.Sheets.getByName("PEG 2020"))
            count = len(doc.Sheets.getElementNames())
            ok, res = dispatch(office, doc, "Summary")
            report.check("after an .xlsx round trip: still updated in place",
                         ok and res.get("Sheet") == SUMMARY and res.get("Updated") is True and len(doc.Sheets.getElementNames()) == count,
                         f"{res.get('Message')} link {link(doc)!r}")
            lo.close(doc)

            ro = office.desktop.loadComponentFromURL(lo.url(path), "_blank", 0, lo.props(Hidden=True, ReadOnly=True))
            before = summary_state(ro)
            active(ro, ro.Sheets.getByName(SUMMARY))
            ok, res = dispatch(office, ro, "Summary")
            report.check("read-only: refused, pointing to Edit Document, nothing changed",
                         not ok and "Modifica documento" in res.get("Message", "") and summary_state(ro) == before,
                         res.get("Message", ""))
            lo.close(ro)
    except Exception:
        report.check("office session", False, traceback.format_exc())
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
