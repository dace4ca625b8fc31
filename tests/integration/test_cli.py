#!/usr/bin/python3
"""Integration test of pegkit-check, the batch checker (issue 5).

  /usr/bin/python3 tests/integration/test_cli.py --cli build/pegkit-check [--verbose]

(a) the Venezia 2020 sample as .tsv, .csv, .ods and .xlsx (the workbooks written by a headless
    office from the table pegkit-check reads) gives the error findings of tests/data/sample_findings.tsv
    in every format, in one run with one office start; (b) typed cells and a 1904 null date in an
    .ods; (c) malformed inputs: clear messages and exit statuses, and the batch goes on; (c') tables
    beyond the cell limit, a reader that fails, bad_alloc on one file, Ctrl-C: --json still parses; (d) CSV
    output escapes formula-like cells; (e) --office uses a running office; (f) a folder of 1,000
    small .ods files is checked with a single office start. Exit status 0 when every check passes.
"""
import argparse
import csv
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SAMPLE = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "peg-2020-cm-venezia.tsv"))
FINDINGS = os.path.join(ROOT, "tests", "data", "sample_findings.tsv")
SMALL_PEG = [
    ["Obiettivo strategico", "Missione", "CdR", "Obiettivo gestionale PEG", "Indicatore PEG", "Target PEG"],
    ["1 Ente efficiente", "01 - Servizi istituzionali", "50 - Direttore generale", "Report", "Data", "31/12/2020"],
    ["", "", "", "Pratiche", "Tempo medio", "<= 140, 55 giorni"],
    ["", "", "", "Controlli", "Percentuale", ">= 80%"],
]



class Run:
    def __init__(self, status, out, err, seconds, max_rss_kb):
        self.status, self.out, self.err, self.seconds, self.max_rss_kb = status, out, err, seconds, max_rss_kb

    def json(self):
        return json.loads(self.out)


def run(cli, *args, timeout=600, cwd=None):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.monotonic()
    p = subprocess.run([cli, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Run(p.returncode, p.stdout, p.stderr, time.monotonic() - t, rss if rss > before else None)


def expected_findings():
    keys = set()
    with open(FINDINGS, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    for line, column, severity, code, *_ in rows[1:]:
        keys.add((int(line), column, severity, code))
    return keys


def found_findings(sheet):
    return {(f["row"], f["field"], f["severity"], f["code"]) for f in sheet["findings"] if f["severity"] != "info"}


def write_workbook(office, rows, paths, number_formats=()):
    """Writes rows (strings stay text) to the first sheet and stores it in each path's format."""
    doc = office.create()
    try:
        sheet = lo.sheet(doc)
        width = max(len(r) for r in rows)
        data = [list(r) + [""] * (width - len(r)) for r in rows]
        rng = sheet.getCellRangeByPosition(0, 0, width - 1, len(data) - 1)
        rng.setDataArray(tuple(tuple(r) for r in data))
        for name, kind in number_formats:
            sheet.getCellRangeByName(name).NumberFormat = doc.NumberFormats.getStandardFormat(kind, doc.CharLocale)
        for path in paths:
            lo.Office.store(doc, path, lo.XLSX if path.endswith(".xlsx") else lo.ODS)
    finally:
        lo.close(doc)


# ------------------------------------------------------------------------------------------ (a)

def sample_formats(cli, office, report, tmp):
    tsv = os.path.join(tmp, "sample", "peg.tsv")
    os.makedirs(os.path.dirname(tsv))
    shutil.copy(SAMPLE, tsv)
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        raw = [line.rstrip("\r\n").split("\t") for line in f]
    with open(os.path.join(tmp, "sample", "peg.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(raw)  # ';' as an Italian office saves it
    # The workbooks hold the table as pegkit-check reads the extraction (rows re-aligned), as the
    # spreadsheet it was extracted from did.
    dumped = run(cli, "--dump-grid", tsv)
    grid = [line.split("\t") for line in dumped.out.splitlines()]
    write_workbook(office, grid, [os.path.join(tmp, "sample", "peg.ods"), os.path.join(tmp, "sample", "peg.xlsx")])

    r = run(cli, "--json", "--plan-year", "2020", "--verbose", os.path.join(tmp, "sample"))
    report.check(f"sample in 4 formats: exit status 1 (error findings), {r.seconds:.1f} s", r.status == 1,
                 f"status {r.status}; stderr: {r.err[-2000:]}")
    data = r.json()
    expected = expected_findings()
    formats = {}
    for f in data["files"]:
        formats[f["format"]] = f
        if not report.check(f"sample .{f['format']}: read", f["status"] == "checked" and len(f["sheets"]) == 1,
                            f"{f['error']} sheets={len(f['sheets'])}"):
            continue
        sheet = f["sheets"][0]
        got = found_findings(sheet)
        report.check(f"sample .{f['format']}: {sheet['objectives']} objectives, the {len(expected)} expected findings",
                     got == expected and sheet["objectives"] == 145 and sheet["header_row"] == 3,
                     f"missing {sorted(expected - got)}, extra {sorted(got - expected)}, objectives {sheet['objectives']}")
    report.check("sample: all four formats read", sorted(formats) == ["csv", "ods", "tsv", "xlsx"], str(sorted(formats)))
    report.check("sample: one office start for two workbooks", data["totals"]["office_starts"] == 1,
                 str(data["totals"]))
    text = run(cli, "--plan-year", "2020", "--lang", "en", tsv)
    report.check("text report names row, column, field and message",
                 f"{tsv}:84:J: error: [Target (PEG)] two numbers" in text.out and text.status == 1, text.out[-1500:])


# ------------------------------------------------------------------------------------------ (b)

def typed_cells(cli, office, report, tmp):
    """Dates, percentages and a 1904 null date, as read_grid must give them to the core."""
    path = os.path.join(tmp, "typed.ods")
    doc = office.create()
    try:
        doc.NullDate = lo.uno.createUnoStruct("com.sun.star.util.Date", 1, 1, 1904)
        sheet = lo.sheet(doc)
        lo.write(sheet, "A1:F1", [SMALL_PEG[0]])
        lo.write(sheet, "A2:E3", [["1 X", "01", "50 - Dir", "Report", "Data"], ["", "", "", "Controlli", "Percentuale"]])
        # 31/12/2020 counted from 1904-01-01, and 0.8 shown as 80 %
        sheet.getCellRangeByName("F2").setValue(44196 - 1462)
        sheet.getCellRangeByName("F2").NumberFormat = doc.NumberFormats.getStandardFormat(2, doc.CharLocale)
        sheet.getCellRangeByName("F3").setValue(0.8)
        sheet.getCellRangeByName("F3").NumberFormat = doc.NumberFormats.getStandardFormat(128, doc.CharLocale)
        lo.Office.store(doc, path, lo.ODS)
    finally:
        lo.close(doc)
    sheet = run(cli, "--json", "--plan-year", "2020", path).json()["files"][0]["sheets"][0]
    report.check("typed cells: a date cell is a scadenza, a percent cell a soglia, no finding",
                 sheet["peg_kinds"] == {"scadenza": 1, "soglia": 1} and not sheet["findings"],
                 f"kinds {sheet['peg_kinds']}, findings {sheet['findings']}")
    sheet = run(cli, "--json", "--plan-year", "2021", path).json()["files"][0]["sheets"][0]
    outside = [f for f in sheet["findings"] if f["code"] == "outside_plan_year"]
    report.check("typed cells: the date counted from a 1904 null date is 31/12/2020",
                 len(outside) == 1 and "31/12/2020" in outside[0]["args"] and outside[0]["row"] == 2, str(sheet["findings"]))


# ------------------------------------------------------------------------------------------ (c)

def malformed(cli, office, report, tmp):
    d = os.path.join(tmp, "bad")
    os.makedirs(d)
    with open(os.path.join(d, "junk.xlsx"), "wb") as f:
        f.write(os.urandom(4096))
    with open(os.path.join(d, "junk.tsv"), "wb") as f:
        f.write(b"\x00\x01binary" + os.urandom(2048))
    open(os.path.join(d, "empty.tsv"), "w").close()
    header = "\t".join(SMALL_PEG[0]) + "\n"
    with open(os.path.join(d, "header.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
    write_workbook(office, [SMALL_PEG[0]], [os.path.join(d, "header.ods")])
    with open(os.path.join(d, "long.tsv"), "w", encoding="utf-8") as f:
        f.write(header + "1 X\t01\t50 - Dir\t" + "a" * 10000 + "\tind\t" + ">= 80% " * 1430 + "\n")
        f.write("\t\t\tobj\tind\t" + "9" * 10000 + "\n")
    big = os.path.join(tmp, "million.tsv")
    with open(big, "w", encoding="utf-8") as f:
        f.write(header)
        f.writelines(f"{i % 7} Strategia\t01\t50 - Dir\tobiettivo {i}\tind\t>= {i % 100}%\n" for i in range(1000000))

    def one(name, status, needle, *extra):
        r = run(cli, "--lang", "en", *extra, os.path.join(d, name), timeout=120)
        report.check(f"{name}: exit status {status}, says '{needle}' ({r.seconds:.2f} s)",
                     r.status == status and needle in r.out, f"status {r.status}; out: {r.out[-800:]} err: {r.err[-800:]}")
        return r

    # with Writer installed (the help viewer needs it) the office opens junk as a text document
    # ("opened it, but not as a spreadsheet"); without it, it cannot open it at all
    one("junk.xlsx", 2, "unreadable: the office")
    one("junk.tsv", 2, "unreadable: binary content")
    one("empty.tsv", 1, "empty sheet")
    one("header.tsv", 0, "0 objectives")
    one("header.ods", 0, "0 objectives")
    one("long.tsv", 1, "2 objectives")
    one("nothing-here.ods", 2, "no such file")
    r = run(cli, "--lang", "en", big)
    report.check(f"1,000,000-row TSV refused at the row limit: exit 2 in {r.seconds:.2f} s",
                 r.status == 2 and "more than 100,000 rows" in r.out and r.seconds < 10, r.out[-500:])
    r = run(cli, "--lang", "en", "--max-rows", "0", big)
    report.check(f"1,000,000-row TSV with --max-rows 0 refused at the cell limit: exit 2 in {r.seconds:.2f} s",
                 r.status == 2 and "1,000,001 rows by 6 columns, beyond the limit of 5,000,000 cells" in r.out, r.out[-500:])
    r = run(cli, "--json", "--max-rows", "0", "--max-cells", "0", big)
    objectives = r.json()["totals"]["objectives"] if r.status in (0, 1) else None
    rss = f", peak RSS {r.max_rss_kb / 1024:.0f} MB" if r.max_rss_kb else ""
    report.check(f"1,000,000-row TSV checked with --max-rows 0 --max-cells 0 in {r.seconds:.1f} s{rss}",
                 r.status == 0 and objectives == 1000000, f"status {r.status}, objectives {objectives}, err {r.err[-500:]}")

    # One stray cell at BH100000 makes a used area of 100,000 x 60 = 6,000,000 cells.
    stray = os.path.join(tmp, "stray-cell.ods")
    doc = office.create()
    try:
        sheet = lo.sheet(doc)
        lo.write(sheet, "A1:F2", SMALL_PEG[:2])
        sheet.getCellByPosition(59, 99999).setString("x")
        lo.Office.store(doc, stray, lo.ODS)
    finally:
        lo.close(doc)
    r = run(cli, "--json", "--lang", "en", stray, timeout=300)
    data = parsed(r)
    error = data["files"][0]["error"] if data else None
    report.check(f"a stray cell far down an .ods: refused at the cell limit before it is read ({r.seconds:.1f} s)",
                 r.status == 2 and error is not None and "uses 100,000 rows by 60 columns, beyond the limit of 5,000,000 cells"
                 in error, f"status {r.status}; {r.out[-500:]} {r.err[-300:]}")

    shutil.copy(SAMPLE, os.path.join(d, "sample.tsv"))
    r = run(cli, "--json", "--plan-year", "2020", d)
    files = {os.path.basename(f["path"]): f for f in r.json()["files"]}
    report.check("a batch with bad files goes on: exit 2, the sample still checked with its 5 errors",
                 r.status == 2 and files["sample.tsv"]["sheets"][0]["counts"]["error"] == 5
                 and files["junk.xlsx"]["status"] == "unreadable" and r.json()["totals"]["unreadable"] == 2,
                 f"status {r.status}; {[(k, v['status']) for k, v in files.items()]}")
    r = run(cli, "--lang", "xx", d)
    report.check("bad usage: exit 2 with a message", r.status == 2 and "--lang" in r.err, r.err)
    r = run(cli, "--lang", "en", "--rule", "bogus=3", d)
    report.check("a bad --rule: exit 2, names it", r.status == 2 and "bogus=3" in r.err, r.err)
    r = run(cli, "--rule", "cap=1.2; late=30", "--rule", "dir=lower", os.path.join(d, "header.tsv"))
    report.check("rules of TARGETS.md pass through", r.status == 0, r.err)
    os.makedirs(os.path.join(tmp, "nothing"))
    r = run(cli, "--lang", "en", os.path.join(tmp, "nothing"))
    report.check("a folder with no sheet: exit 2, says so", r.status == 2 and "no .tsv, .csv, .ods or .xlsx file" in r.out,
                 r.out)


# ------------------------------------------------------------------------------------------ (c')

def parsed(r):
    """The --json output as data, or None when it is not valid JSON."""
    try:
        return r.json()
    except ValueError:
        return None


def bounded(cli, report, tmp):
    """Tables beyond the cell limit are refused before they are built; a file that fails, even with
    bad_alloc, is reported for itself and the batch goes on; --json always parses."""
    d = os.path.join(tmp, "bounded")
    os.makedirs(d)
    wide = os.path.join(d, "b-wide.csv")  # a PEG with one stray row of 200,000 columns
    with open(wide, "w", encoding="utf-8") as f:
        f.write(";".join(SMALL_PEG[0]) + "\n")
        f.writelines(f"1 X;01;50 - Dir;obiettivo {i};ind;>= {i}%\n" for i in range(30))
        f.write("x" + ";" * 199999 + "\n")
    bare = os.path.join(d, "c-no-header.csv")  # no PEG header: the grid is rows x widest row
    with open(bare, "w", encoding="utf-8") as f:
        f.write("a;b\n" * 100000 + "x" + ";" * 199999 + "\n")
    broken = os.path.join(d, "d-broken.tsv")  # opens, then every read fails (EIO)
    os.symlink("/proc/self/mem", broken)
    good = [os.path.join(d, name) for name in ("a-small.tsv", "e-small.tsv")]
    for path in good:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join("\t".join(row) for row in SMALL_PEG) + "\n")

    r = run(cli, "--json", "--lang", "en", wide, timeout=120)
    data = parsed(r)
    error = data["files"][0]["error"] if data else None
    report.check(f"200,000-column row: refused at the cell limit in {r.seconds:.2f} s, JSON parses",
                 r.status == 2 and error == "a table of 32 rows by 200,000 columns, beyond the limit of 5,000,000 cells: "
                 "not checked (--max-cells 0 lifts the limit)" and r.seconds < 10, f"status {r.status}; {r.out[-600:]} {r.err[-300:]}")
    r = run(cli, "--lang", "it", wide)
    report.check("200,000-column row: the reason in Italian with --lang it",
                 r.status == 2 and "32 righe per 200.000 colonne, oltre il limite di 5.000.000 celle" in r.out, r.out[-600:])
    r = run(cli, "--json", "--max-cells", "0", wide)
    data = parsed(r)
    report.check("200,000-column row with --max-cells 0: checked on the header's width",
                 data is not None and data["files"][0]["status"] == "checked"
                 and data["files"][0]["sheets"][0]["objectives"] in (30, 31),  # the stray row's "x" may be one more
                 r.out[-600:] + r.err[-300:])
    r = run(cli, "--json", "--lang", "en", broken)
    data = parsed(r)
    report.check("a file whose reading fails: unreadable with the system's reason",
                 r.status == 2 and data is not None and data["files"][0]["error"] == "cannot read it: Input/output error",
                 r.out[-600:])

    # One batch: a good file, the wide one, one that runs out of memory, the broken one, a good one.
    batch = ["--json", "--lang", "en", "--progress", "--max-rows", "0", "--max-cells", "0"]
    r = run(cli, *batch, d)
    data = parsed(r)
    files = {os.path.basename(f["path"]): f for f in data["files"]} if data else {}
    statuses = {k: (v["status"], v["error"]) for k, v in files.items()}
    report.check("a batch with a file that fails in the middle: JSON parses, the other files checked",
                 r.status == 2 and data is not None and list(files) == ["a-small.tsv", "b-wide.csv", "c-no-header.csv",
                                                                      "d-broken.tsv", "e-small.tsv"]
                 and files["a-small.tsv"]["status"] == files["e-small.tsv"]["status"] == "checked"
                 and files["e-small.tsv"]["sheets"][0]["counts"]["error"] == 1
                 and data["totals"]["unreadable"] == 2 and data["totals"]["stopped"] is None,
                 f"status {r.status}; {statuses}; out {r.out[-300:]}")
    report.check("a grid of 100,001 x 200,000 cells (no limit): bad_alloc reported for that file only",
                 statuses.get("c-no-header.csv") == ("unreadable", "not enough memory to read and check this file"),
                 str(statuses))
    report.check("--progress: on stderr, the JSON on stdout still parses", "[5/5]" in r.err and data is not None, r.err[-300:])

    # Interrupted: the file being read is finished, the report closed and marked.
    big = os.path.join(tmp, "million.tsv")
    p = subprocess.Popen([cli, "--json", "--max-rows", "0", "--max-cells", "0", big, good[0]],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    p.send_signal(2)
    out, err = p.communicate(timeout=120)
    try:
        data = json.loads(out)
    except ValueError:
        data = None
    report.check("Ctrl-C during a batch: exit 130, the JSON parses and says it stopped",
                 p.returncode == 130 and data is not None and data["totals"]["stopped"] == "interrotto"
                 and len(data["files"]) < 2, f"status {p.returncode}; out {out[-300:]}; err {err[-300:]}")


# ------------------------------------------------------------------------------------------ (d)

def csv_escaping(cli, report, tmp):
    d = os.path.join(tmp, "inject")
    os.makedirs(d)
    path = os.path.join(d, "=HYPERLINK(1).tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join("\t".join(r) for r in SMALL_PEG) + "\n")
    r = run(cli, "--csv", "--plan-year", "2020", os.path.basename(path), cwd=d)
    rows = list(csv.reader(io.StringIO(r.out)))
    report.check("CSV: header line and one line per finding",
                 rows and rows[0][:3] == ["file", "sheet", "row"] and len(rows) == 2 and rows[1][7] == "two_numbers",
                 r.out)
    report.check("CSV: a cell starting with '=' is escaped with a quote", rows[-1][0].startswith("'=HYPERLINK(1)")
                 if rows else False, r.out)


# ------------------------------------------------------------------------------------------ (e)

def running_office(cli, office, report, tmp):
    path = os.path.join(tmp, "small.ods")
    write_workbook(office, SMALL_PEG, [path])
    accept = next(a for a in office.proc.args if a.startswith("--accept="))
    spec = accept[len("--accept="):].split(";")[0]
    r = run(cli, "--json", "--plan-year", "2020", "--office", spec, path)
    data = r.json()
    report.check(f"--office {spec}: no office started, the file checked",
                 r.status == 1 and data["totals"]["office_starts"] == 0
                 and data["files"][0]["sheets"][0]["counts"]["error"] == 1, r.out[-1000:] + r.err[-500:])
    report.check("--office: the running office is still there afterwards", office.proc.poll() is None)
    r = run(cli, "--lang", "en", "--office", "socket,host=127.0.0.1,port=1", path)
    report.check("--office with nobody listening: exit 2, says why", r.status == 2 and "no connection" in r.out,
                 r.out[-500:])


# ------------------------------------------------------------------------------------------ (f)

def thousand_files(cli, office, report, tmp, count=1000):
    d = os.path.join(tmp, "many")
    os.makedirs(d)
    first = os.path.join(d, "peg-0000.ods")
    write_workbook(office, SMALL_PEG, [first])
    for i in range(1, count):
        shutil.copy(first, os.path.join(d, f"peg-{i:04d}.ods"))
    r = run(cli, "--json", "--plan-year", "2020", "--verbose", d, timeout=1800)
    totals = r.json()["totals"] if r.out else {}
    report.check(f"{count} .ods files: one office start, {r.seconds:.1f} s ({count / r.seconds:.0f} files/s)",
                 r.status == 1 and totals.get("files") == count and totals.get("office_starts") == 1
                 and "office starts: 1" in r.err and totals.get("unreadable") == 0,
                 f"status {r.status}, totals {totals}, err {r.err[-800:]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True, help="the built pegkit-check")
    ap.add_argument("--files", type=int, default=1000, help="size of the folder of part (f)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    report = lo.Report(args.verbose)
    cli = os.path.abspath(args.cli)
    try:
        if not report.check(f"pegkit-check exists: {cli}", os.access(cli, os.X_OK)):
            raise SystemExit
        with tempfile.TemporaryDirectory(prefix="pegkit-cli-") as tmp, lo.Office() as office:
            sample_formats(cli, office, report, tmp)
            typed_cells(cli, office, report, tmp)
            malformed(cli, office, report, tmp)
            bounded(cli, report, tmp)
            csv_escaping(cli, report, tmp)
            running_office(cli, office, report, tmp)
            thousand_files(cli, office, report, tmp, args.files)
    except SystemExit:
        pass
    except lo.OfficeError as e:
        report.check("LibreOffice", False, str(e))
    except Exception:
        report.check("test harness", False, traceback.format_exc())
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
