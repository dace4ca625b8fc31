"""./dev demo: pegkit at work on the real 2020 PEG of Città metropolitana di Venezia.

1. build/pegkit-check on the sample: out/report.txt (for a person) and out/report.json.
2. A private LibreOffice profile (out/profile) with build/pegkit.oxt installed.
3. The sample as an office would keep it (title row, merged strategic objectives, typed dates and
   percentages, illustrative "Valore raggiunto" and "Peso"), with the sheet functions beside the
   PEG target: out/peg-2020-funzioni.ods; a few rows are printed.
4. Validate and Attainment summary run as a user would from the PEG menu:
   out/peg-2020-cm-venezia.ods (with its "Riepilogo PEG" sheet) and out/riepilogo-peg.pdf.

usage: /usr/bin/python3 demo/run_demo.py --oxt build/pegkit.oxt --cli build/pegkit-check --out out
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
import lo  # noqa: E402
import make_workbooks  # noqa: E402
from test_commands import dispatch  # noqa: E402

SAMPLE = make_workbooks.SAMPLE
FUNCTIONS = [  # header, formula for row r (PEG target in J, actual in K)
    ("PEG.KIND", "=PEG.KIND(J{r})"),
    ("PEG.CHECK", "=PEG.CHECK(J{r};2020)"),
    ("PEG.NORM", "=PEG.NORM(J{r})"),
    ("PEG.ATTAIN", "=PEG.ATTAIN(J{r};K{r})"),
]


def run_cli(cli, out):
    for args, name in ((["--lang", "it"], "report.txt"), (["--json"], "report.json")):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            code = subprocess.call([cli, "--plan-year", "2020", *args, SAMPLE], stdout=f)
    return code  # 1: the sample has error findings, as it should


def functions_copy(office, rows, out):
    doc = make_workbooks.build(office, rows)
    sheet = lo.sheet(doc)
    lines = make_workbooks.objective_lines(rows)
    first, last = lines[0], lines[-1]
    col0 = 12  # M, after Valore raggiunto (K) and Peso (L)
    sheet.getCellRangeByPosition(col0, 2, col0 + len(FUNCTIONS) - 1, 2).setDataArray((tuple(h for h, _ in FUNCTIONS),))
    # one formula per row and function, written as a block (a few hundred rows)
    block = sheet.getCellRangeByPosition(col0, first - 1, col0 + len(FUNCTIONS) - 1, last - 1)
    grid = [[""] * len(FUNCTIONS) for _ in range(last - first + 1)]
    for line in lines:
        grid[line - first] = [f.format(r=line) for _, f in FUNCTIONS]
    block.setFormulaArray(tuple(tuple(r) for r in grid))
    lo.recalc(doc)
    path = os.path.join(out, "peg-2020-funzioni.ods")
    lo.Office.store(doc, path, lo.ODS)
    # the target as the user sees it (a date cell shows as a date), then the values
    shown_text = [sheet.getCellByPosition(9, line - 1).getString() for line in range(first, last + 1)]
    shown = sheet.getCellRangeByPosition(9, first - 1, col0 + len(FUNCTIONS) - 1, last - 1).getDataArray()
    print(f"\nSheet functions on the sample ({path}):")
    print(f"  {'PEG target':<34} {'PEG.KIND':<17} {'PEG.NORM':<28} {'ATTAIN':>6}  PEG.CHECK")
    picks = [i for i, r in enumerate(shown) if str(r[0]).strip()]
    for i in picks[:6] + [i for i in picks if shown[i][4]][:4]:
        r = shown[i]
        target = shown_text[i].replace("\n", " ")[:34]
        attain = f"{r[6]:.2f}" if isinstance(r[6], float) else ("#VALORE!" if r[6] is None else str(r[6]))
        print(f"  {target:<34} {r[3]:<17} {str(r[5])[:28]:<28} {attain:>6}  {str(r[4])[:70]}")
    lo.close(doc)


def summary_workbook(office, rows, out):
    doc = make_workbooks.build(office, rows)
    ok_v, res_v = dispatch(office, doc, "Validate")
    ok_s, res_s = dispatch(office, doc, "Summary")
    print(f"\nValidate: {res_v.get('Message')}")
    print(f"Summary: {res_s.get('Message')}")
    if not (ok_v and ok_s):
        raise SystemExit("the commands failed")
    path = os.path.join(out, "peg-2020-cm-venezia.ods")
    lo.Office.store(doc, path, lo.ODS)
    summary = doc.Sheets.getByName(res_s.get("Sheet", "Riepilogo PEG"))
    # the PDF: the summary's columns on one page width, landscape
    style = doc.StyleFamilies.getByName("PageStyles").getByName(summary.PageStyle)
    width, height = style.Width, style.Height
    style.IsLandscape, style.Width, style.Height = True, max(width, height), min(width, height)
    style.ScaleToPagesX, style.ScaleToPagesY = 1, 0
    pdf = os.path.join(out, "riepilogo-peg.pdf")
    doc.storeToURL(lo.url(pdf), lo.props(FilterName="calc_pdf_Export",
                                        FilterData=uno_any_filter_data(summary)))
    lo.close(doc)
    return path, pdf


def uno_any_filter_data(sheet):
    import uno
    return uno.Any("[]com.sun.star.beans.PropertyValue", (lo.prop("Selection", sheet),))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)

    code = run_cli(args.cli, out)
    print(f"pegkit-check on the sample (exit status {code}): {out}/report.txt, {out}/report.json")
    with open(os.path.join(out, "report.txt"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines[-8:]:
        print("  " + line)

    rows = make_workbooks.sample_rows()
    profile = os.path.join(out, "profile")
    with lo.Office(profile_dir=profile, ui_locale="it-IT") as office:
        office.install_extension(args.oxt)
        functions_copy(office, rows, out)
        ods, pdf = summary_workbook(office, rows, out)
    print(f"\nIn {out}:\n  report.txt, report.json    pegkit-check's report\n"
          f"  peg-2020-funzioni.ods      the sample with PEG.KIND/PEG.CHECK/PEG.NORM/PEG.ATTAIN columns\n"
          f"  peg-2020-cm-venezia.ods    the sample workbook with its summary sheet\n"
          f"  riepilogo-peg.pdf          the summary sheet as PDF\n"
          f"  profile/                   the private LibreOffice profile with pegkit installed")


if __name__ == "__main__":
    main()
