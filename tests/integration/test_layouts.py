#!/usr/bin/python3
"""Other offices' objective tables as workbooks, through pegkit-check (issue 8).

  /usr/bin/python3 tests/integration/test_layouts.py --cli build/pegkit-check [--verbose]

Every layout of tests/data/layouts/ (each copied from a published plan, cited in the file) is
built as an .xlsx and an .ods by make_layouts.py in a headless office, laid out as its source
(title rows, merges, line breaks, repeated headers); pegkit-check --json reads the folder with one
office and each sheet must be read as the layout expects: header row, each role's column, the
other years' targets, objectives, indicators, sections; a layout with no target or no
objective/indicator column must say which is missing. Then the user's choice of columns: stored
in the document (pegkit.columns, kept by .xlsx and .ods) and given as --columns.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402
import make_layouts  # noqa: E402

ROLES = ["objective", "indicator", "target", "cdr", "weight", "actual", "attainment", "baseline", "unit",
         "deadline", "strategic", "mission", "programme", "dup_objective"]


def columns_of(sheet):
    """role -> letter as pegkit-check says; target_other as a sorted list."""
    out, other = {}, []
    for c in sheet["columns"]:
        if c["role"] == "target_other":
            other.append(c["column"])
        else:
            out.setdefault(c["role"], c["column"])
    out["target_other"] = sorted(other, key=lambda s: (len(s), s))
    return out


def check_layout(report, name, layout, sheet):
    e = layout["expects"]
    has_target = "target" in e or "deadline" in e
    has_what = any(k in e for k in ("objective", "indicator", "dup_objective"))
    codes = {f["code"] for f in sheet["findings"]}
    if not (has_target and has_what):
        # header_row 0: a card of labels and values (the performance portal's page)
        missing = ("card_not_table" if e["header_row"] == 0 else
                   "no_objective_column" if has_target else "no_target_column")
        report.check(f"{name}: no table, says {missing}", not sheet["header_found"] and missing in codes,
                     f"header_found={sheet['header_found']}, codes={sorted(codes)}")
        return
    if not report.check(f"{name}: table found", sheet["header_found"], f"codes={sorted(codes)}"):
        return
    report.check(f"{name}: header row", sheet["header_row"] == e["header_row"],
                 f"{sheet['header_row']} instead of {e['header_row']}", quiet=True)
    got = columns_of(sheet)
    for role in ROLES:
        want = e.get(role, "")
        have = got.get(role, "")
        if role == "deadline" and want and not have and "target" not in e:
            have = got.get("target", "")  # a deadline column alone carries the target
        if role == "target" and "target" not in e:
            continue
        report.check(f"{name}: {role} column", have == want, f"{have!r} instead of {want!r}", quiet=True)
    report.check(f"{name}: other years", got["target_other"] == e.get("target_other", []),
                 f"{got['target_other']} instead of {e.get('target_other', [])}", quiet=True)
    if e.get("objectives", 0) > 0:
        report.check(f"{name}: objectives", sheet["objectives"] == e["objectives"],
                     f"{sheet['objectives']} instead of {e['objectives']}", quiet=True)
    if "indicator" in e:
        report.check(f"{name}: indicators", sheet["indicators"] == e.get("indicators", 0),
                     f"{sheet['indicators']} instead of {e.get('indicators', 0)}", quiet=True)
    report.check(f"{name}: sections", sheet["sections"] == e.get("sections", 0),
                 f"{sheet['sections']} instead of {e.get('sections', 0)}", quiet=True)


def run_cli(cli, *args):
    p = subprocess.run([cli, "--json", "--lang", "en", *args], capture_output=True, text=True, timeout=600)
    return p.returncode, json.loads(p.stdout), p.stderr


def set_columns(office, path, out, flt, sheet_name, choice):
    """A copy of a workbook with the user's choice stored as Calc would store it."""
    doc = office.load(path)
    try:
        udp = doc.DocumentProperties.UserDefinedProperties
        udp.addProperty("pegkit.columns", 128, f"{sheet_name}\t{choice}\n")  # 128: REMOVEABLE
        lo.Office.store(doc, out, flt)
    finally:
        lo.close(doc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    report = lo.Report(verbose=args.verbose)
    tmp = tempfile.mkdtemp(prefix="pegkit-layouts-")
    try:
        paths = make_layouts.layout_paths()
        layouts = {}
        books = os.path.join(tmp, "books")
        os.makedirs(books)
        with lo.Office() as office:
            for path in paths:
                layout = make_layouts.read_layout(path)
                layouts[layout["id"]] = layout
                doc = make_layouts.build(office, layout)
                try:
                    for ext, flt in (("xlsx", lo.XLSX), ("ods", lo.ODS)):
                        lo.Office.store(doc, os.path.join(books, f"{layout['id']}.{ext}"), flt)
                finally:
                    lo.close(doc)
            # INPS 2020: "Materia | OBIETTIVO 2020" has no objective column until the user says which
            inps = "inps-piano-performance-2020-ricorsi"
            chosen = os.path.join(tmp, "chosen")
            os.makedirs(chosen)
            if inps in layouts:
                for ext, flt in (("xlsx", lo.XLSX), ("ods", lo.ODS)):
                    set_columns(office, os.path.join(books, f"{inps}.{ext}"), os.path.join(chosen, f"{inps}.{ext}"),
                                flt, inps[:31], "objective=A,target=B")
        report.check("at least 12 layouts", len(layouts) >= 12, f"{len(layouts)}")

        status, out, err = run_cli(args.cli, books)
        report.check("one office for the folder", out["totals"]["office_starts"] == 1, err[-500:])
        seen = set()
        for f in out["files"]:
            ident, ext = os.path.splitext(os.path.basename(f["path"]))
            name = f"{ident}{ext}"
            if not report.check(f"{name}: read", f["status"] == "checked", f.get("error") or ""):
                continue
            sheet = f["sheets"][0]
            check_layout(report, name, layouts[ident], sheet)
            seen.add(name)
        report.check("every workbook reported", len(seen) == 2 * len(layouts), f"{len(seen)} of {2 * len(layouts)}")

        if inps in layouts:
            status, out, err = run_cli(args.cli, chosen)
            for f in out["files"]:
                s = f["sheets"][0]
                cols = columns_of(s)
                report.check(f"{os.path.basename(f['path'])}: choice stored in the document is used",
                             s["header_found"] and cols.get("objective") == "A" and cols.get("target") == "B"
                             and s["objectives"] == 3 and any(c["reason"] == "user" for c in s["columns"]),
                             json.dumps(s["columns"])[:300])
            status, out, err = run_cli(args.cli, "--columns", "obiettivo=A,target=B",
                                       os.path.join(books, f"{inps}.ods"))
            s = out["files"][0]["sheets"][0]
            report.check("--columns with Italian keys", s["header_found"] and s["objectives"] == 3,
                         json.dumps(s["columns"])[:300])
            p = subprocess.run([args.cli, "--columns", "target=J9", os.path.join(books, f"{inps}.ods")],
                               capture_output=True, text=True)
            report.check("--columns refuses a bad column", p.returncode == 2 and "target=J9" in p.stderr, p.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
