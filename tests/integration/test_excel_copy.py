#!/usr/bin/python3
"""Copy for Excel (issue 11, item 6) in a real headless Calc: vnd.pegkit:ExcelCopy writes an .xlsx
beside the saved workbook in which every cell calling a PEG function holds its value (numbers,
texts, error texts), while the user's own formulas, notes and fills stay; the workbook itself is
not written (same formulas, not modified, no undo step), also when opened read-only; a sheet
protected without a password is copied (and stays protected), one with a password is refused; an
unsaved document and a copy over the document itself are refused.

  /usr/bin/python3 tests/integration/test_excel_copy.py --oxt build/pegkit.oxt
"""
import argparse
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402
from test_commands import dispatch  # noqa: E402

# Targets as the Venezia 2020 sample writes them (../shared/data/peg-2020-cm-venezia.tsv), with an
# actual of ours beside each, and the functions a sheet puts next to them.
ROWS = [("< =5 giorni", 4), ("Entro febbraio 2020", "15/02/2020"), (">€9,000,000", 9500000), ("02/01/1900", "")]
FORMULAS = ["=PEG.NORM(A{r})", "=PEG.KIND(A{r})", "=PEG.CHECK(A{r})", "=PEG.ATTAIN(A{r};B{r})", "=LEN(A{r})"]


def build(office, path):
    doc = office.create()
    sheet = doc.Sheets.getByIndex(0)
    sheet.setName("PEG 2020")
    for i, (target, actual) in enumerate(ROWS):
        r = i + 1
        sheet.getCellByPosition(0, i).setString(target)
        if isinstance(actual, str):
            sheet.getCellByPosition(1, i).setString(actual)
        else:
            sheet.getCellByPosition(1, i).setValue(actual)
        for k, f in enumerate(FORMULAS):
            sheet.getCellByPosition(2 + k, i).setFormula(f.format(r=r))
    sheet.getAnnotations().insertNew(sheet.getCellByPosition(2, 0).getCellAddress(), "nota dell'ufficio")
    sheet.getCellByPosition(3, 1).CellBackColor = 0xDDEEFF
    lo.Office.store(doc, path)
    lo.close(doc)


def formulas_and_values(doc):
    sheet = doc.Sheets.getByIndex(0)
    rng = sheet.getCellRangeByPosition(0, 0, 6, len(ROWS) - 1)
    shown = tuple(tuple(sheet.getCellByPosition(c, r).getString() for c in range(7)) for r in range(len(ROWS)))
    return rng.getFormulaArray(), shown


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    args = ap.parse_args()
    report = lo.Report()
    with tempfile.TemporaryDirectory(prefix="pegkit-excel-") as tmp, lo.Office() as office:
        office.install_extension(args.oxt)
        path = os.path.join(tmp, "PEG 2020.ods")
        build(office, path)
        doc = office.load(path)
        try:
            before = formulas_and_values(doc)
            report.check("the workbook has PEG formulas whose results are shown",
                         sum("IT.PEGKIT" in f for row in before[0] for f in row) == 4 * len(ROWS)
                         and before[1][0][2] == "≤ 5 giorni", repr(before[1][0]))
            ok, res = dispatch(office, doc, "ExcelCopy")
            out = os.path.join(tmp, "PEG 2020 (values).xlsx")
            report.check("Copy for Excel: succeeds beside the workbook, naming the file and the formulas replaced",
                         ok and os.path.isfile(out) and res.get("Frozen") == 4 * len(ROWS) and "PEG 2020 (values).xlsx" in
                         res.get("Message", ""), f"{res.get('Message')} {res.get('Detail')}")
            report.check("the workbook itself: same formulas and values, not modified, no undo step",
                         formulas_and_values(doc) == before and not doc.isModified()
                         and not doc.getUndoManager().isUndoPossible() and doc.getLocation() == lo.url(path))
            if os.path.isfile(out):
                copy = office.load(out)
                try:
                    formulas, shown = formulas_and_values(copy)
                    left = [f for row in formulas for f in row if "PEG." in f.upper() or "IT.PEGKIT" in f.upper()]
                    report.check("the copy: no PEG formula left", not left, repr(left[:3]))
                    report.check("the copy: each PEG cell shows the value the workbook showed, error texts included",
                                 [row[2:6] for row in shown] == [row[2:6] for row in before[1]],
                                 f"{shown[:2]} instead of {before[1][:2]}")
                    report.check("the copy: the user's own formula stays a formula",
                                 all(row[6].startswith("=LEN(") for row in formulas), repr([row[6] for row in formulas]))
                    sheet = copy.Sheets.getByIndex(0)
                    notes = [n.getString() for n in lo._iterate(sheet.getAnnotations())]
                    report.check("the copy keeps notes and fills", notes == ["nota dell'ufficio"]
                                 and sheet.getCellByPosition(3, 1).CellBackColor == 0xDDEEFF, repr(notes))
                    numbers = sheet.getCellByPosition(5, 0).getType().value
                    report.check("the copy: a numeric result is a number", numbers == "VALUE", numbers)
                finally:
                    lo.close(copy)
            named = os.path.join(tmp, "per la ragioneria.xlsx")
            ok, res = dispatch(office, doc, "ExcelCopy", URL=lo.url(named))
            report.check("Copy for Excel to a chosen file", ok and os.path.isfile(named), res.get("Message"))
            sheet = doc.Sheets.getByIndex(0)
            sheet.protect("")
            plain = os.path.join(tmp, "protetto.xlsx")
            ok, res = dispatch(office, doc, "ExcelCopy", URL=lo.url(plain))
            if report.check("Copy for Excel of a sheet protected without a password: written", ok and os.path.isfile(plain),
                            f"{res.get('Message')} {res.get('Detail')}"):
                copy = office.load(plain)
                try:
                    left = [f for row in formulas_and_values(copy)[0] for f in row if "IT.PEGKIT" in f.upper()]
                    report.check("... its PEG formulas replaced, and the sheet still protected in the copy",
                                 not left and copy.Sheets.getByIndex(0).isProtected(), repr(left[:2]))
                finally:
                    lo.close(copy)
            sheet.unprotect("")
            sheet.protect("segreto")
            locked = os.path.join(tmp, "con password.xlsx")
            ok, res = dispatch(office, doc, "ExcelCopy", URL=lo.url(locked))
            report.check("Copy for Excel of a sheet protected with a password: refused naming the sheet, no file",
                         not ok and "PEG 2020" in res.get("Message", "") and "password" in res.get("Message", "")
                         and not os.path.exists(locked), res.get("Message"))
            sheet.unprotect("segreto")
            ok, res = dispatch(office, doc, "ExcelCopy", URL=lo.url(path))
            report.check("Copy for Excel over the workbook itself: refused, nothing written",
                         not ok and "itself" in res.get("Message", "") and formulas_and_values(doc) == before,
                         res.get("Message"))
        finally:
            lo.close(doc)
        ro = office.desktop.loadComponentFromURL(lo.url(path), "_blank", 0, lo.props(Hidden=True, ReadOnly=True))
        try:
            os.remove(out)
            ok, res = dispatch(office, ro, "ExcelCopy")
            report.check("Copy for Excel from a workbook opened read-only: the copy is written",
                         ok and os.path.isfile(out), res.get("Message"))
        finally:
            lo.close(ro)
        new = office.create()
        try:
            ok, res = dispatch(office, new, "ExcelCopy")
            report.check("Copy for Excel of an unsaved document: refused, asking to save first",
                         not ok and "Save the document first" in res.get("Message", ""), res.get("Message"))
        finally:
            lo.close(new)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
