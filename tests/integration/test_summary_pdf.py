#!/usr/bin/python3
"""The summary printed (issue 11, item 1) in a real headless Calc, read back from its PDF with
poppler: vnd.pegkit:ExportPDF writes "<name> (riepilogo).pdf" beside the workbook with the summary
sheet alone, on landscape pages; each group table on a page of its own (the CdR table of the
sample fits one), then the lists, then the Relazione's table (a row per objective line, each
attainment as computed here, the statuses adding up), then the chart alone on the last page; the
title on every page;
every group's label and every column heading whole in the text; the workbook not modified, no
undo step; allowed on a read-only document; refused, writing nothing, before any Summary and on
an unsaved document.

`pegkit-check --pdf DIR` on the same saved workbook writes the same pages (same text, same sizes).

  /usr/bin/python3 tests/integration/test_summary_pdf.py --oxt build/pegkit.oxt --check build/pegkit-check
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402
import make_workbooks as wb  # noqa: E402
from test_commands import active, dispatch, used  # noqa: E402

HEADINGS = ["Obiettivi", "Valutati", "Raggiunti", "% raggiunti", "Raggiungimento medio", "Non valutabili"]
# of the scorecards and the Relazione's table ("punteggio" left out: the plan's own texts say "punteggi")
OTHER_HEADINGS = ["Quota del", "Punteggio ponderato", "Indicatore", "Valore raggiunto", "Raggiungimento",
                  "Scostamento dal target"]


def pages(path):
    """[(width, height, text with runs of blanks as one space)] per page."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", path], capture_output=True, text=True, check=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    out = []
    for n, (w, h) in enumerate(sizes, 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", path, "-"], capture_output=True,
                              text=True, check=True).stdout
        out.append((w, h, text))
    return out


def lines(text):
    """The page's lines that hold text, their blanks trimmed."""
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def code(label):
    """A group label's leading code ("31" of "31- Massimo Gattolin ...")."""
    found = re.match(r"[\d.]+", label)
    return found.group() if found else None


def flat(text):
    return re.sub(r"\s+", " ", text)


def relazione_checks(report, data):
    """The Relazione's table on the summary sheet: a row per objective line of the sample, each
    attainment the illustrative one computed here (where the fixture gives an actual), the rows
    counted per status adding up to them."""
    start = next((i for i, r in enumerate(data) if r[0] == "Obiettivi e indicatori per la Relazione sulla performance"), None)
    if not report.check("the Relazione's table below the lists", start is not None):
        return
    rows = []
    for r in data[start + 2:]:
        if r[0] == "":
            break
        rows.append(r)
    lines = wb.objective_lines(wb.sample_rows())
    report.check(f"a row per objective line of the plan ({len(lines)})", [int(r[1]) for r in rows] == lines,
                 f"{len(rows)} rows")
    by_line = dict(wb.sample_rows())
    bad = []
    for r in rows:
        _, att = wb.illustrative(int(r[1]), wb.typed_target(by_line[int(r[1])][wb.PEG_TARGET]))
        if att is not None and (r[6] == "" or abs(r[6] - att) > 1e-9):
            bad.append((int(r[1]), r[6], att))
    report.check("each attainment as computed here", not bad, str(bad[:4]))
    count = next(i for i, r in enumerate(data) if r[0] == "Righe (indicatori)")
    statuses = [data[count + 1 + k][1] for k in range(6)]
    report.check("the rows counted, the six statuses adding up to them",
                 data[count][1] == len(rows) and sum(statuses) == len(rows), f"{data[count][1]} rows, statuses {statuses}")


def scorecard_checks(report, data):
    """A scorecard per CdR of the CdR table, in its order: the objectives listed add up to the CdR's
    count, and the shares of the weighted score to the CdR's mean attainment."""
    head = next(i for i, r in enumerate(data) if r[0] == "CdR")
    table = {}
    for r in data[head + 1:]:
        if r[0] == "Totale":
            break
        table[r[0]] = (int(r[1]), r[5])
    cards, bad = [], []
    for i, r in enumerate(data):
        if isinstance(r[0], str) and r[0].startswith("Scheda del responsabile: "):
            cdr = r[0][len("Scheda del responsabile: "):]
            rows = []
            for x in data[i + 2:]:
                if x[0] == "Punteggio ponderato":
                    break
                rows.append(x)
            shares = sum(x[4] for x in rows if x[4] != "")
            cards.append(cdr)
            want_n, want_mean = table.get(cdr, (None, None))
            if len(rows) != want_n or (want_mean != "" and abs(shares - want_mean) > 1e-9) or x[5] != want_mean:
                bad.append((cdr[:30], len(rows), want_n, shares, want_mean))
    report.check(f"a scorecard per CdR ({len(table)}), in the table's order", cards == list(table), f"{len(cards)} cards")
    report.check("each scorecard: its objectives, the shares adding up to the CdR's mean, its weighted score that mean",
                 not bad, str(bad[:3]))


def long_table_checks(report, check, tmp):
    """A CdR table longer than a page (70 CdRs, as a large Comune has; the names are the sample's,
    numbered apart), printed by pegkit-check --pdf: each of its pages starts with the column
    headings, and the chart has a labelled bar per CdR."""
    names = sorted({re.sub(r"^[\d\s\-–]+", "", row[4]).strip() for _, row in wb.sample_rows()
                    if re.match(r"\d", row[4])} - {""})
    tsv = os.path.join(tmp, "PEG grande.tsv")
    with open(tsv, "w", encoding="utf-8") as f:
        f.write("Cdr\tObiettivo\tIndicatore\tTarget\tValore raggiunto\n")
        for i in range(1, 71):
            f.write(f"{i} - {names[i % len(names)]}\tPratica {i}\tGiorni\t<= 30 giorni\t{20 + i % 20}\n")
    out_dir = os.path.join(tmp, "long")
    run = subprocess.run([check, "--lang", "it", "--pdf", out_dir, tsv], capture_output=True, text=True, timeout=600)
    got = pages(os.path.join(out_dir, "PEG grande.pdf")) if os.path.isdir(out_dir) else []
    table = [n for n, (_, _, t) in enumerate(got) if re.search(r"\b\d+ - ", t) and "Pratica" not in t
             and "Raggiungimento medio per CdR" not in t]
    unheaded = [n + 1 for n in table if not re.search(r"CdR\s+Obiettivi\s+Valutati", " ".join(lines(got[n][2])[:6]))]
    listed = sorted(int(m) for n in table for m in re.findall(r"^\s*(\d+) - ", got[n][2], re.M))
    report.check("a CdR table of 70 rows: over 3 pages, each starting with the column headings, every CdR listed once",
                 len(table) == 3 and not unheaded and listed == list(range(1, 71)),
                 f"rc {run.returncode}, table pages {[n + 1 for n in table]}, unheaded {unheaded}, {len(listed)} CdRs; "
                 f"{run.stderr[-200:]!r}")
    chart = flat(got[-1][2]) if got else ""
    report.check("its chart: alone on the last page, a labelled bar for each of the 70 CdRs",
                 "Raggiungimento medio per CdR" in chart and all(re.search(rf"(^| ){i} - ", chart) for i in range(1, 71)),
                 chart[:200])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--check", required=True, help="pegkit-check")
    args = ap.parse_args()
    report = lo.Report()
    try:
        with tempfile.TemporaryDirectory(prefix="pegkit-pdf-") as tmp, lo.Office(ui_locale="it-IT") as office:
            office.install_extension(args.oxt)
            doc = wb.build(office)
            path = os.path.join(tmp, "PEG 2020.ods")
            pdf = os.path.join(tmp, "PEG 2020 (riepilogo).pdf")
            lo.Office.store(doc, path)
            lo.close(doc)
            doc = office.load(path)
            ok, res = dispatch(office, doc, "ExportPDF")
            report.check("before any Summary: refused, naming the plan sheet, no file",
                         not ok and "PEG 2020" in res.get("Message", "") and "Riepilogo" in res.get("Message", "")
                         and not os.path.exists(pdf), res.get("Message", ""))
            unsaved = wb.build(office)
            dispatch(office, unsaved, "Summary")
            ok, res = dispatch(office, unsaved, "ExportPDF")
            report.check("unsaved: refused, pointing to saving first", not ok and "Salvare" in res.get("Message", ""),
                         res.get("Message", ""))
            lo.close(unsaved)
            ok, res = dispatch(office, doc, "Summary")
            summary = doc.Sheets.getByName(res["Sheet"])
            data = used(summary).getDataArray()
            tables = sum(1 for r in data if str(r[7]).startswith("Stato degli obiettivi"))
            heading = data.index(next(r for r in data if r[0] == "CdR"))
            cdr = [r[0] for r in data[heading + 1:]]
            cdr = cdr[:cdr.index("Totale")]  # each has its scorecard on a page
            # the chart's bars: the short labels beside the CdR table (column N)
            bars = [r[13] for r in data[heading + 1:heading + 1 + len(cdr)]]
            report.check("the chart's labels beside the CdR table: each short (36 characters at most), its CdR's code first, "
                         "no two alike", data[heading][13] == "Etichetta nel grafico"
                         and all(0 < len(b) <= 36 and code(b) == code(c) for b, c in zip(bars, cdr))
                         and len(set(bars)) == len(bars) and sum(b != c for b, c in zip(bars, cdr)) >= 10,
                         f"heading {data[heading][13]!r}; "
                         f"{[(b, c) for b, c in zip(bars, cdr) if not 0 < len(b) <= 36 or code(b) != code(c)][:3]}; "
                         f"{len(set(bars))} distinct of {len(bars)}")
            relazione_checks(report, data)
            scorecard_checks(report, data)
            doc.store()
            undo = doc.getUndoManager()
            steps = len(undo.getAllUndoActionTitles())
            active(doc, doc.Sheets.getByName("PEG 2020"))  # from the plan sheet: its summary
            ok, res = dispatch(office, doc, "ExportPDF")
            report.check("Export PDF: beside the workbook, named in the UI language, the message says where",
                         ok and os.path.isfile(pdf) and "PEG 2020 (riepilogo).pdf" in res.get("Message", "")
                         and res.get("Sheet") == "Riepilogo PEG", f"{res.get('Message')} {res.get('Detail')}")
            report.check("the workbook: not modified, no undo step", not doc.isModified()
                         and len(undo.getAllUndoActionTitles()) == steps)
            if os.path.isfile(pdf):
                got = pages(pdf)
                # a page per table, the lists, the Relazione's table (pages of its own), the chart
                report.check(f"pages: the {tables} tables one per page, the lists, then the Relazione, the chart last",
                             len(got) > tables + 3 and all("Stato degli obiettivi" in t for _, _, t in got[:tables])
                             and "Obiettivi non valutabili" in got[tables][2]
                             and all("Scheda del responsabile" in t for _, _, t in got[tables + 1:tables + 1 + len(cdr)])
                             and "Obiettivi e indicatori per la Relazione" in got[tables + 1 + len(cdr)][2]
                             and all("Stato degli obiettivi" not in t for _, _, t in got[tables:]),
                             f"{len(got)} pages")
                report.check("every page landscape", got and all(w > h for w, h, _ in got), str([(w, h) for w, h, _ in got]))
                # the page header and footer: the summary sheet's name on top, "n / N" below; the plan
                # named on the first page and in the chart's title
                unheaded = [n + 1 for n, (_, _, t) in enumerate(got)
                            if lines(t)[:1] != ["Riepilogo PEG"] or lines(t)[-1:] != [f"{n + 1} / {len(got)}"]]
                report.check("every page headed by the summary sheet's name and numbered n / N, the plan named on the "
                             "first page and on the chart's", got and not unheaded
                             and "Riepilogo PEG del foglio «PEG 2020», 2020" in got[0][2]
                             and "Raggiungimento medio per CdR – foglio «PEG 2020»" in flat(got[-1][2]), str(unheaded[:5]))
                # the Relazione runs over many pages: its column headings repeated at the top of each
                first_relazione = tables + 1 + len(cdr)
                relazione_pages = got[first_relazione:-1]
                unlabelled_pages = [first_relazione + n + 1 for n, (_, _, t) in enumerate(relazione_pages)
                                    if not re.search(r"Obiettivo\s+Riga\s+CdR\s+Indicatore\s+Target", " ".join(lines(t)[1:5])
                                                     .replace("Scostamento ", ""))]
                report.check(f"the Relazione's column headings at the top of each of its {len(relazione_pages)} pages",
                             len(relazione_pages) > 1 and not unlabelled_pages, str(unlabelled_pages[:5]))
                report.check("only the summary: no plan row in the PDF",
                             not any("Piano Esecutivo di Gestione 2020" in t for _, _, t in got))
                first = flat(got[0][2]) if got else ""
                missing = [c for c in cdr if flat(c) not in first]
                report.check(f"page 1: the CdR table whole, its {len(cdr)} labels uncut", not missing and "Totale" in first,
                             f"missing {missing[:3]}")
                words = set(first.split())
                cut = [w for h in HEADINGS for w in h.split() if w not in words]
                report.check("page 1: every word of the column headings whole (wrapped between words, never inside one)",
                             not cut, f"cut {cut}; {first[:300]!r}")
                tokens = {t for _, _, text in got for t in text.split()}
                long_words = {w for h in HEADINGS + OTHER_HEADINGS for w in h.split() if len(w) > 5}
                split = sorted(t for t in tokens for w in long_words if len(t) >= 5 and w.startswith(t) and t != w)
                report.check("no heading word split on any page (scorecards and the Relazione's table too)", not split,
                             str(split[:5]))
                last = got[-1][2] if got else ""
                report.check("the chart alone on the last page, with its title",
                             "Raggiungimento medio per CdR" in last and "Obiettivi" not in last and "Totale" not in last,
                             repr(flat(last)[:200]))
                unlabelled = [b for b in bars if flat(b) not in flat(last)]
                report.check(f"the chart's {len(bars)} bars labelled with their short labels, each whole in the PDF's text",
                             not unlabelled and not any(flat(c) in flat(last) for c, b in zip(cdr, bars) if c != b),
                             str(unlabelled[:3]))
                report.check("the Relazione's counts on the page before the chart",
                             len(got) > 1 and "Righe (indicatori)" in got[-2][2], repr(flat(got[-2][2])[:200]))
                # the batch tool, on the saved workbook: the same pages; its note says where
                out_dir = os.path.join(tmp, "pdf out")
                run = subprocess.run([args.check, "--lang", "it", "--json", "--pdf", out_dir, path], capture_output=True,
                                     text=True, timeout=600)
                batch = os.path.join(out_dir, "PEG 2020.pdf")
                notes = json.loads(run.stdout)["files"][0].get("notes", []) if run.stdout.strip().startswith("{") else []
                cli = pages(batch) if os.path.isfile(batch) else []
                report.check("pegkit-check --pdf: DIR/<file>.pdf with the same pages as Export PDF, its note says where",
                             cli and [(w, h, flat(t)) for w, h, t in cli] == [(w, h, flat(t)) for w, h, t in got]
                             and any(batch in n for n in notes),
                             f"rc {run.returncode}, {len(cli)} pages, notes {notes}, stderr {run.stderr[-300:]!r}")
                os.remove(pdf)
            lo.close(doc)

            ro = office.desktop.loadComponentFromURL(lo.url(path), "_blank", 0, lo.props(Hidden=True, ReadOnly=True))
            other = os.path.join(tmp, "copia.pdf")
            ok, res = dispatch(office, ro, "ExportPDF", URL=lo.url(other))
            report.check("read-only: the PDF is written where asked (URL), the document untouched",
                         ok and os.path.isfile(other) and not ro.isModified(), f"{res.get('Message')} {res.get('Detail')}")
            lo.close(ro)
            long_table_checks(report, args.check, tmp)
    except Exception:
        report.check("office session", False, traceback.format_exc())
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
