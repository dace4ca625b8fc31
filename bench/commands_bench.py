"""Validate, Normalize and its Undo on a large PEG sheet in a real headless Calc (issue 4, item 6), side by side with a
Basic macro that checks the same sheet the way a user would write it (a loop over the target
cells with getCellByPosition and a few string tests, colouring the suspicious ones).
Prints times and the ratio; asserts nothing.

usage: /usr/bin/python3 bench/commands_bench.py --oxt build/pegkit.oxt [--rows 100000]
"""
import argparse
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "integration"))
import lo  # noqa: E402
import make_workbooks as wb  # noqa: E402
import test_commands as tc  # noqa: E402

BASIC = r'''
REM What a Calc user writes to flag doubtful PEG targets: one cell at a time.
Function ValidateSheet(oSheet As Object) As Long
    Dim r As Long, n As Long, s As String, oCell As Object, bad As Boolean, i As Integer, c As String, digits As Boolean
    Dim oCursor As Object, nLast As Long
    oCursor = oSheet.createCursor()
    oCursor.gotoEndOfUsedArea(False)
    nLast = oCursor.getRangeAddress().EndRow
    n = 0
    For r = 3 To nLast
        oCell = oSheet.getCellByPosition(9, r)
        s = Trim(oCell.getString())
        bad = False
        If s = "" Or s = "-" Or s = "/" Then bad = True
        If InStr(s, "/1900") > 0 Then bad = True
        If InStr(s, ", ") > 0 And (Left(s, 1) = "<" Or Left(s, 1) = ">") Then bad = True
        digits = False
        For i = 1 To Len(s)
            c = Mid(s, i, 1)
            If c >= "0" And c <= "9" Then
                digits = True
                Exit For
            End If
        Next i
        If Not digits And InStr(LCase(s), "rispetto") = 0 And InStr(LCase(s), "scadenz") = 0 Then bad = True
        If bad Then
            oCell.CellBackColor = RGB(255, 199, 206)
            n = n + 1
        End If
    Next r
    ValidateSheet = n
End Function
'''


def install_basic(office):
    libs = office.smgr.createInstanceWithContext("com.sun.star.script.ApplicationScriptLibraryContainer", office.ctx)
    libs.loadLibrary("Standard")
    lib = libs.getByName("Standard")
    if lib.hasByName("PegBenchValidate"):
        lib.replaceByName("PegBenchValidate", BASIC)
    else:
        lib.insertByName("PegBenchValidate", BASIC)


def basic_script(office):
    factory = office.smgr.createInstanceWithContext(
        "com.sun.star.script.provider.MasterScriptProviderFactory", office.ctx)
    provider = factory.createScriptProvider("")
    return provider.getScript(
        "vnd.sun.star.script:Standard.PegBenchValidate.ValidateSheet?language=Basic&location=application")


def build(office, rows):
    """A sheet of `rows` objectives: the sample's title and header, its objective rows cycled."""
    sample = wb.sample_rows()
    objectives = [cells + ["", wb.weight(n)]
                  for i, (n, cells) in enumerate(sample) if n in set(wb.objective_lines(sample))]
    header = dict(sample)[wb.HEADER_LINE] + ["Valore raggiunto", "Peso"]
    data = [["Piano Esecutivo di Gestione - banco di prova"] + [""] * 11, [""] * 12, header]
    data += [objectives[i % len(objectives)] for i in range(rows)]
    doc = office.create()
    sheet = lo.sheet(doc)
    step = 20000
    for start in range(0, len(data), step):
        chunk = data[start:start + step]
        sheet.getCellRangeByPosition(0, start, 11, start + len(chunk) - 1).setDataArray(tuple(tuple(r) for r in chunk))
    return doc, sheet, len(data)


def timed(f):
    t0 = time.perf_counter()
    out = f()
    return time.perf_counter() - t0, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--rows", type=int, default=100000)
    args = ap.parse_args()
    with lo.Office() as office:
        office.install_extension(args.oxt)
        install_basic(office)
        doc, sheet, last = build(office, args.rows)
        t_validate, (ok, res) = timed(lambda: tc.dispatch(office, doc, "Validate"))
        t_again, (ok2, res2) = timed(lambda: tc.dispatch(office, doc, "Validate"))
        t_clear, (ok3, res3) = timed(lambda: tc.dispatch(office, doc, "ClearMarks"))
        t_norm, (ok4, res4) = timed(lambda: tc.dispatch(office, doc, "Normalize"))
        t_undo, _ = timed(lambda: doc.getUndoManager().undo())
        brows = args.rows
        script = basic_script(office)
        t_basic, flagged = timed(lambda: script.invoke((sheet,), (), ())[0])
        lo.close(doc)
    print(f"sheet: {args.rows} objective rows x 12 columns, cycled from the sample's {len(wb.objective_lines(wb.sample_rows()))}")
    print(f"vnd.pegkit:Validate   {args.rows:>7} rows  {t_validate:7.3f} s  ok={ok} errors={res.get('Errors')} "
          f"warnings={res.get('Warnings')} marked={res.get('Marked')}\n    ({res.get('Timing')})")
    print(f"Validate again        {args.rows:>7} rows  {t_again:7.3f} s  (clears {res2.get('Cleared')} marks first; {res2.get('Timing')})")
    print(f"vnd.pegkit:ClearMarks {args.rows:>7} rows  {t_clear:7.3f} s  cleared={res3.get('Cleared')}")
    print(f"vnd.pegkit:Normalize  {args.rows:>7} rows  {t_norm:7.3f} s  ok={ok4} changed={res4.get('Changed')}\n    ({res4.get('Timing')})")
    print(f"Undo of Normalize     {args.rows:>7} rows  {t_undo:7.3f} s")
    print(f"Basic loop            {brows:>7} rows  {t_basic:7.3f} s  flagged={flagged}")
    per = lambda t, n: t / n * 1e6  # noqa: E731
    print(f"per row: Validate {per(t_validate, args.rows):.2f} us, Basic {per(t_basic, brows):.2f} us; "
          f"Basic / Validate per row: {per(t_basic, brows) / per(t_validate, args.rows):.1f}x (goal: Validate <= 1 s)")


if __name__ == "__main__":
    main()
