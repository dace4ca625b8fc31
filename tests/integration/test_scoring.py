#!/usr/bin/python3
"""Integration test of the office's evaluation system in pegkit-check (issue 10).

  /usr/bin/python3 tests/integration/test_scoring.py --cli build/pegkit-check [--no-office] [--verbose]

A realistic workbook is built from rows of the real sample (the Venezia 2020 PEG, as pegkit-check
reads it with --dump-grid: its CdR, objectives, indicators and targets), with the columns an office
adds at monitoring time: Valore raggiunto, Peso, Valore validato, Giustificazione, Note. It is scored
with a profile (bands 0-60:0 | 60-90:pro | 90-100:100, in linea from 80 %) at an as-of date
(15/10/2020), with a neutralised objective, a justified override and an unjustified one. Every
figure of the summary (scores, statuses, per-CdR means and status counts, the not-assessable list,
the overrides) is computed here in Python from the rules of docs/scoring.md, not by pegkit, and
compared with pegkit-check's JSON: the .tsv with --profile FILE, and (unless --no-office) the same
table as .xlsx and .ods holding the profile in the document property pegkit.profile.
"""
import argparse
import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import lo  # noqa: E402  (Debian's python3-uno; its Report prints the checks)

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SAMPLE = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "peg-2020-cm-venezia.tsv"))

PROFILE = "fasce=0-60:0 | 60-90:pro | 90-100:100\nin linea=80\n"
AS_OF = dt.date(2020, 10, 15)
YEAR_END = dt.date(2020, 12, 31)
HEADER = ["Cdr", "Obiettivo gestionale PEG", "Indicatore", "Target", "Valore raggiunto", "Peso",
          "Valore validato", "Giustificazione", "Note"]
NEUTRAL_NOTE = "Obiettivo sterilizzato: attività sospesa per l'emergenza COVID-19 (DPCM 8/3/2020)"
JUSTIFIED = "Dato rettificato dal Nucleo di valutazione (verbale n. 4/2021)"
MARKED = 5  # in the .xlsx/.ods, the sixth objective is marked in the panel (pegkit.not_assessable)
MARK_REASON = "Indicatore non più rilevato dalla Regione"

DATE = re.compile(r"^(\d{2})/(\d{2})/(2020)$")
PERCENT = re.compile(r"^(?:>= ?)?(\d+)(?:,00)?%$")


def sample_rows(cli):
    """(cdr, objective, indicator, target) of the sample's PEG rows with a plain date or percentage target."""
    out = subprocess.run([cli, "--dump-grid", SAMPLE], capture_output=True, text=True, check=True).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    header = next(i for i, r in enumerate(rows) if "Obiettivo gestionale PEG" in r)
    cdr = ""
    picked = []
    for r in rows[header + 1:]:
        r = r + [""] * (10 - len(r))
        cdr = r[4].strip() or cdr
        objective, indicator, target = r[7].strip(), r[8].strip(), r[9].strip()
        if not objective or not cdr or not (DATE.match(target) or PERCENT.match(target)):
            continue
        # one objective per row: a repeated objective would be one objective with two indicators
        if picked and picked[-1][1] == objective:
            continue
        picked.append((cdr, objective, indicator, target))
    return picked


def band(a):
    """Bands 0-60:0 | 60-90:pro | 90-100:100 (attainment and score as fractions)."""
    if a < 0.6:
        return 0.0
    if a < 0.9:
        return a
    return 1.0


def build(picked, marked=None):
    """The table's rows and, per row, what docs/scoring.md says it scores and how it stands."""
    table, expect = [HEADER], []
    deadlines = percents = 0
    for cdr, objective, indicator, target in picked:
        weight = 10 + 5 * (len(expect) % 3)
        actual = override = justification = note = ""
        exp = {"cdr": cdr, "objective": objective, "weight": weight, "override": None}
        m = DATE.match(target)
        if m:
            deadline = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            k = deadlines % 4
            deadlines += 1
            if k == 0:
                done = deadline - dt.timedelta(days=5)
            elif k == 1:
                done = deadline + dt.timedelta(days=10)  # late: 0 with no tolerance
            elif k == 2:
                done = None
            else:
                done = deadline
            if done and done > AS_OF:
                done = None  # a completion after the as-of date is not known yet
            actual = done.strftime("%d/%m/%Y") if done else ""
            running = AS_OF <= deadline
            if done:
                score = band(1.0 if done <= deadline else 0.0)
            else:
                score = None if running else 0.0  # past due with no completion: missed
        else:
            level = int(PERCENT.match(target).group(1)) / 100
            factors = [1.0, 0.85, 0.5, 0.7, 0.95]
            value = round(level * factors[percents % len(factors)], 4)
            percents += 1
            actual = f"{value * 100:g}%"
            running = AS_OF <= YEAR_END
            attainment = min(value / level, 1.0)
            if percents == 2:  # a validated value with its justification replaces the attainment
                override, justification = "95%", JUSTIFIED
                exp["override"] = {"value": 0.95, "computed": attainment, "note": JUSTIFIED}
                attainment = 0.95
            elif percents == 4:  # a validated value without one: a finding, the computed value stands
                override = "100%"
                exp["unjustified"] = True
            score = band(attainment)
        reason = None
        if len(expect) == 2:  # the third objective is neutralised
            note = NEUTRAL_NOTE
            score = None
            status = "non_valutabile"
        elif len(expect) == marked:
            reason = MARK_REASON
            score = None
            status = "non_valutabile"
            exp["override"] = None
        elif score is None:
            status = "in_corso"
        elif running:
            status = "raggiunto" if score >= 1 else "in_linea" if score >= 0.8 else "a_rischio"
        else:
            status = "raggiunto" if score >= 1 else "non_raggiunto"
        exp.update(score=score, status=status, note=note, reason=reason or note)
        expect.append(exp)
        table.append([cdr, objective, indicator, target, actual, str(weight), override, justification, note])
    return table, expect


def cdr_key(text):
    """One CdR however its dash and spacing are written ("15 -Sallustio", "15 – Sallustio"): its code
    and the letters and digits of its label, lower case."""
    m = re.match(r"^\s*(\d+)\s*[-–—.]?\s*(.*)$", text)
    code, label = (str(int(m.group(1))), m.group(2)) if m else ("", text)
    return code + "|" + "".join(c for c in label.lower() if c.isalnum())


def weighted(items):
    scored = [(e["score"], e["weight"]) for e in items if e["score"] is not None]
    total = sum(w for _, w in scored)
    return sum(s * w for s, w in scored) / total if total else None


def near(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)


def check_report(report, name, sheet, expect):
    scoring = sheet["scoring"]
    report.check(f"{name}: profile", scoring["profile"].startswith("bands=0-60:0 | 60-90:pro | 90-100:100"),
                 scoring["profile"])
    report.check(f"{name}: as-of", scoring["as_of"] == AS_OF.isoformat(), str(scoring["as_of"]))
    got = scoring["objectives"]
    report.check(f"{name}: one result per objective", len(got) == len(expect), f"{len(got)} of {len(expect)}")
    for i, (g, e) in enumerate(zip(got, expect)):
        row = i + 2  # the header is line 1
        report.check(f"{name}: row {row} status", g["row"] == row and g["status"] == e["status"],
                     f"{g['row']} {g['status']} instead of {e['status']} ({e['objective'][:40]})", quiet=True)
        report.check(f"{name}: row {row} score", near(g["score"], e["score"]),
                     f"{g['score']} instead of {e['score']}", quiet=True)
    total = sheet["summary"]["total"]
    report.check(f"{name}: total mean", near(total["mean_attainment"], weighted(expect)),
                 f"{total['mean_attainment']} instead of {weighted(expect)}")
    statuses = {s: sum(1 for e in expect if e["status"] == s) for s in
                ("raggiunto", "in_linea", "a_rischio", "non_raggiunto", "in_corso", "non_valutabile")}
    report.check(f"{name}: status counts", total["statuses"] == statuses, f"{total['statuses']} instead of {statuses}")
    by_cdr = {}
    for e in expect:
        by_cdr.setdefault(cdr_key(e["cdr"]), []).append(e)
    rows = {cdr_key(r["group"]): r for r in sheet["summary"]["tables"]["cdr"]}
    report.check(f"{name}: one row per CdR", set(rows) == set(by_cdr), f"{sorted(rows)}")
    for cdr, items in by_cdr.items():
        r = rows.get(cdr)
        if not r:
            continue
        counts = {s: sum(1 for e in items if e["status"] == s) for s in statuses}
        report.check(f"{name}: {cdr[:30]} mean", near(r["mean_attainment"], weighted(items)),
                     f"{r['mean_attainment']} instead of {weighted(items)}", quiet=True)
        report.check(f"{name}: {cdr[:30]} statuses", r["statuses"] == counts, f"{r['statuses']} instead of {counts}",
                     quiet=True)
    neutral = [{"row": i + 2, "reason": e["reason"]} for i, e in enumerate(expect) if e["status"] == "non_valutabile"]
    report.check(f"{name}: not-assessable list with its reason",
                 [{"row": n["row"], "reason": n["reason"]} for n in scoring["not_assessable"]] == neutral
                 and all(n["reason_code"] == "marked" for n in scoring["not_assessable"]),
                 json.dumps(scoring["not_assessable"], ensure_ascii=False))
    overrides = [(i + 2, e["override"]) for i, e in enumerate(expect) if e["override"]]
    got_over = scoring["overrides"]
    report.check(f"{name}: overrides with their notes",
                 len(got_over) == len(overrides) and all(
                     g["row"] == row and near(g["value"], o["value"]) and near(g["computed"], o["computed"])
                     and g["note"] == o["note"] for g, (row, o) in zip(got_over, overrides)),
                 json.dumps(got_over, ensure_ascii=False))
    unjustified = [i + 2 for i, e in enumerate(expect) if e.get("unjustified")]
    flagged = [f["row"] for f in sheet["findings"] if f["code"] == "override_unjustified"]
    report.check(f"{name}: an override without justification is a finding", flagged == unjustified,
                 f"{flagged} instead of {unjustified}")


def run(cli, *args):
    p = subprocess.run([cli, "--json", "--lang", "en", "--as-of", AS_OF.isoformat(), *args],
                       capture_output=True, text=True, timeout=600)
    return p.returncode, json.loads(p.stdout), p.stderr


def office_books(table, tmp):
    """The table as .xlsx and .ods, the profile in the document property pegkit.profile."""
    paths = []
    with lo.Office() as office:
        doc = office.create()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.setName("PEG 2020")
            width = len(table[0])
            rows = [r + [""] * (width - len(r)) for r in table]
            sheet.getCellRangeByPosition(0, 0, width - 1, len(rows) - 1).setDataArray(tuple(tuple(r) for r in rows))
            udp = doc.DocumentProperties.UserDefinedProperties
            udp.addProperty("pegkit.profile", 128, PROFILE)  # 128: REMOVEABLE
            udp.addProperty("pegkit.not_assessable", 128, f"PEG 2020\t{MARKED + 2}\t{MARK_REASON}\n")
            udp.addProperty("pegkit.as_of", 128, AS_OF.isoformat())  # the Scoring profile panel's date
            for ext, flt in (("xlsx", lo.XLSX), ("ods", lo.ODS)):
                path = os.path.join(tmp, f"monitoraggio.{ext}")
                lo.Office.store(doc, path, flt)
                paths.append(path)
        finally:
            lo.close(doc)
    return paths


STATUSES = ("raggiunto", "in_linea", "a_rischio", "non_raggiunto", "in_corso", "non_valutabile")


def section(data, title):
    """The rows under a heading of the summary sheet, its column headings skipped, to the next blank row."""
    for i, row in enumerate(data):
        if row[0] == title:
            out = []
            for r in data[i + 2:]:
                if r[0] == "":
                    break
                out.append(r)
            return out
    return None


def sheet_lists(report, sheet, expect, label=""):
    """The summary sheet's status columns per CdR and in total (they add up to the objectives), the
    objectives left out with their reason and the overrides with their note, as computed here."""
    from test_commands import used
    data = used(sheet).getDataArray()
    heading = f"Objectives by status at {AS_OF.strftime('%d/%m/%Y')}"
    report.check(f"sidebar Summary: {label}the status columns are headed with the as-of date",
                 any(r[7] == heading for r in data), heading)
    by_cdr = {}
    for e in expect:
        by_cdr.setdefault(cdr_key(e["cdr"]), []).append(e)
    first = next(i for i, r in enumerate(data) if r[0] == "CdR")
    got, total = {}, None
    for r in data[first + 1:]:
        if r[0] == "Total":
            total = [int(x) for x in r[7:13]]
            break
        got[cdr_key(r[0])] = [int(x) for x in r[7:13]]
    want = {k: [sum(1 for e in items if e["status"] == s) for s in STATUSES] for k, items in by_cdr.items()}
    report.check(f"sidebar Summary: {label}each CdR's objectives per status", got == want,
                 f"{sorted(got.items())[:3]} instead of {sorted(want.items())[:3]}")
    report.check(f"sidebar Summary: {label}the total's statuses add up to its objectives",
                 total == [sum(1 for e in expect if e["status"] == s) for s in STATUSES] and sum(total) == len(expect),
                 str(total))
    left = section(data, "Objectives not assessable")
    neutral = [(i + 2, e["reason"]) for i, e in enumerate(expect) if e["status"] == "non_valutabile"]
    report.check(f"sidebar Summary: {label}the objectives left out, each with its reason",
                 left is not None and [(int(r[1]), r[3]) for r in left] == neutral, f"{left} instead of {neutral}")
    over = section(data, "Validated values (overrides)")
    want_over = [(i + 2, e["override"]) for i, e in enumerate(expect) if e["override"]]
    report.check(f"sidebar Summary: {label}each override with its computed value and its note",
                 over is not None and len(over) == len(want_over) and all(
                     int(r[1]) == row and near(r[4], o["value"]) and near(r[5], o["computed"]) and r[6] == o["note"]
                     for r, (row, o) in zip(over, want_over)),
                 f"{over} instead of {want_over}")


def chart_checks(report, sheet, cdr_rows):
    """The summary's chart as a manager reads it: horizontal bars in the table's order, each coloured by
    the band of its CdR's mean (green from 90 %, amber from 60 %, red below), the axis in whole
    percent from 0 to 100 %."""
    charts = sheet.getCharts()
    if not report.check("sidebar Summary: one chart", charts.getCount() == 1, str(charts.getCount())):
        return
    chart = charts.getByIndex(0).getEmbeddedObject()
    diagram = chart.getDiagram()
    y, x = diagram.getYAxis(), diagram.getXAxis()
    fmt = chart.getNumberFormats().getByKey(y.NumberFormat).FormatString
    report.check("chart: horizontal bars, the first CdR on top", diagram.Vertical and x.ReverseDirection,
                 f"Vertical {diagram.Vertical}, reverse {x.ReverseDirection}")
    report.check("chart: axis in whole percent from 0 to 100 %", y.Min == 0 and y.Max == 1 and fmt == "0%",
                 f"{y.Min}..{y.Max} {fmt!r}")
    colours = {0: 0x43A047, 1: 0xFFB300, 2: 0xE53935}
    bad = []
    for i, (label, nums) in enumerate(cdr_rows):
        mean = nums[4]
        if mean == "":
            continue
        level = 0 if mean >= 0.9 - 1e-12 else 1 if mean >= 0.6 - 1e-12 else 2
        got = diagram.getDataPointProperties(i, 0).getPropertyValue("Color")
        if got != colours[level]:
            bad.append((label[:20], mean, hex(got)))
    report.check("chart: each bar coloured by its band", not bad, repr(bad[:3]))


def na_property(doc):
    props = doc.DocumentProperties.UserDefinedProperties
    name = "pegkit.not_assessable"
    return props.getPropertyValue(name) if props.getPropertySetInfo().hasPropertyByName(name) else None


def mark_from_panel(report, office, doc, expect):
    """vnd.pegkit:MarkNotAssessable, as the Scoring profile panel sends it: the selected objective row
    gets its reason in pegkit.not_assessable, in one undo step; Summary then leaves it out and lists
    it; a mark without a reason or outside the objectives is refused and changes nothing; Clear
    takes the mark back."""
    from test_commands import dispatch
    undo = doc.getUndoManager()
    sheet = doc.Sheets.getByName("PEG 2020")
    j = next(i for i, e in enumerate(expect) if e["score"] is not None and e["status"] != "non_valutabile")
    reason = "servizio sospeso (delibera 12/2020)"
    before = na_property(doc)
    doc.getCurrentController().select(sheet.getCellRangeByPosition(0, j + 1, 3, j + 1))
    ok, res = dispatch(office, doc, "MarkNotAssessable", Reason=reason)
    report.check("Mark not assessable: the selected row marked with its reason, one undo step",
                 ok and res.get("Changed") == 1 and tuple(res.get("Rows", ())) == (j + 1,)
                 and na_property(doc) == (before or "") + f"PEG 2020\t{j + 2}\t{reason}\n"
                 and undo.getAllUndoActionTitles()[0].startswith("PEG"), f"{res.get('Message')} {na_property(doc)!r}")
    marked = [dict(e) for e in expect]
    marked[j].update(score=None, status="non_valutabile", reason=reason, override=None)
    ok, res = dispatch(office, doc, "Summary")
    if report.check("Summary after the mark: succeeds", ok, res.get("Message")):
        sheet_lists(report, doc.Sheets.getByName(res["Sheet"]), marked, "after the mark: ")
        undo.undo()
        doc.getCurrentController().setActiveSheet(sheet)
    undo.undo()
    report.check("Undo takes the mark back", na_property(doc) == before, repr(na_property(doc)))
    steps = len(undo.getAllUndoActionTitles())
    for what, args, sel, pattern in (
            ("without a reason", {"Reason": "  "}, (j + 1, j + 1), "reason"),
            ("on the header row", {"Reason": reason}, (0, 0), r"rows 2–\d+")):
        doc.getCurrentController().select(sheet.getCellRangeByPosition(0, sel[0], 3, sel[1]))
        ok, res = dispatch(office, doc, "MarkNotAssessable", **args)
        report.check(f"Mark not assessable {what}: refused, nothing changed, no undo step",
                     not ok and re.search(pattern, res.get("Message", "")) is not None
                     and na_property(doc) == before and len(undo.getAllUndoActionTitles()) == steps, res.get("Message"))
    ok, res = dispatch(office, doc, "MarkNotAssessable", Reason=reason, Rows=(j + 1,))
    ok2, res2 = dispatch(office, doc, "MarkNotAssessable", Clear=True, Rows=(j + 1,))
    report.check("Mark not assessable by Rows, then Clear: the property as before",
                 ok and ok2 and res2.get("Changed") == 1 and na_property(doc) == before, res2.get("Message"))
    undo.undo()
    undo.undo()
    report.check("Undo of Clear, then of the mark: the property as before, no step left",
                 na_property(doc) == before and len(undo.getAllUndoActionTitles()) == steps, repr(na_property(doc)))


def sidebar_summary(report, oxt, ods, expect):
    """The sidebar's Summary on the same workbook: it reads the document's profile, marks and as-of
    date as pegkit-check does, so its total and per-CdR means are the figures computed here; with
    the profile made unreadable it refuses and writes nothing."""
    from test_commands import dispatch, read_summary
    with lo.Office(ui_locale="en-US") as office:
        office.install_extension(oxt)
        doc = office.load(ods)
        try:
            ok, res = dispatch(office, doc, "Summary")
            name = res.get("Sheet", "")
            if not report.check("sidebar Summary on the .ods: succeeds", ok and doc.Sheets.hasByName(name), res.get("Message")):
                return
            tables = read_summary(doc.Sheets.getByName(name))
            cdr_rows, total = tables[0]
            report.check("sidebar Summary: total mean as the profile scores it", near(total[4] if total[4] != "" else None,
                         weighted(expect)), f"{total[4]} instead of {weighted(expect)}")
            by_cdr = {}
            for e in expect:
                by_cdr.setdefault(cdr_key(e["cdr"]), []).append(e)
            got = {cdr_key(label): nums for label, nums in cdr_rows}
            bad = [k for k, items in by_cdr.items()
                   if k not in got or not near(got[k][4] if got[k][4] != "" else None, weighted(items))]
            report.check("sidebar Summary: each CdR's mean as the profile scores it", not bad and len(got) == len(by_cdr),
                         f"{bad[:3]}; {len(got)} rows for {len(by_cdr)} CdR")
            sheet_lists(report, doc.Sheets.getByName(name), expect)
            chart_checks(report, doc.Sheets.getByName(name), cdr_rows)
            doc.getUndoManager().undo()
            doc.getCurrentController().setActiveSheet(doc.Sheets.getByName("PEG 2020"))
            mark_from_panel(report, office, doc, expect)
            udp = doc.DocumentProperties.UserDefinedProperties
            udp.setPropertyValue("pegkit.profile", "bands=0-70:0 | 60-100:pro")
            sheets = doc.Sheets.getCount()
            for command in ("Summary", "Validate"):
                ok, res = dispatch(office, doc, command)
                report.check(f"sidebar {command} with an unreadable profile: refuses naming the fault, writes nothing",
                             not ok and "60" in res.get("Message", "") and "profile" in res.get("Message", "")
                             and doc.Sheets.getCount() == sheets and not doc.getUndoManager().isUndoPossible(),
                             res.get("Message"))
        finally:
            lo.close(doc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--no-office", action="store_true", help="only the .tsv (no LibreOffice needed)")
    ap.add_argument("--oxt", help="also the sidebar's Summary on the .ods, with this extension")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    report = lo.Report(args.verbose)
    picked = sample_rows(args.cli)
    table, expect = build(picked)
    report.check("enough sample rows", len(expect) >= 12, f"{len(expect)}")
    report.check("every status but one is exercised",
                 len({e["status"] for e in expect}) >= 5, str({e["status"] for e in expect}))
    with tempfile.TemporaryDirectory(prefix="pegkit-scoring-") as tmp:
        tsv = os.path.join(tmp, "monitoraggio.tsv")
        with open(tsv, "w", encoding="utf-8") as f:
            f.write("\n".join("\t".join(r) for r in table) + "\n")
        profile = os.path.join(tmp, "smvp.txt")
        with open(profile, "w", encoding="utf-8") as f:
            f.write(PROFILE)
        status, out, err = run(args.cli, "--profile", profile, tsv)
        report.check("tsv: checked", out["files"][0]["status"] == "checked", err[-300:])
        check_report(report, "tsv", out["files"][0]["sheets"][0], expect)
        p = subprocess.run([args.cli, "--csv", "--statuses", "--as-of", AS_OF.isoformat(), "--profile", profile, tsv],
                           capture_output=True, text=True, timeout=600)
        lines = list(csv.DictReader(io.StringIO(p.stdout)))
        report.check("csv --statuses: one line per objective with its status and score",
                     [(int(r["row"]), r["status"]) for r in lines] == [(i + 2, e["status"]) for i, e in enumerate(expect)]
                     and all((r["score"] == "") == (e["score"] is None)
                             and (e["score"] is None or abs(float(r["score"]) - e["score"]) < 1e-5)
                             for r, e in zip(lines, expect)),
                     p.stdout[:500])
        status, out, err = run(args.cli, tsv)
        total = out["files"][0]["sheets"][0]["summary"]["total"]
        report.check("tsv without the profile scores otherwise", not near(total["mean_attainment"], weighted(expect)),
                     str(total["mean_attainment"]))
        if not args.no_office:
            books = office_books(table, tmp)
            _, marked = build(picked, MARKED)
            status, out, err = run(args.cli, *books)
            for f in out["files"]:
                name = os.path.basename(f["path"])
                if report.check(f"{name}: checked", f["status"] == "checked", f.get("error") or err[-300:]):
                    check_report(report, name, f["sheets"][0], marked)
            if args.oxt:
                sidebar_summary(report, args.oxt, books[1], marked)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
