#!/usr/bin/python3
"""The commands on other offices' tables (issues 8 and 9): safe on every layout of the corpus.

  /usr/bin/python3 tests/integration/test_layout_commands.py --oxt build/pegkit.oxt [--verbose] [--only ID]

Each layout of tests/data/layouts/ (copied from a published plan, cited in the file) is built by
make_layouts.py, saved as .xlsx and loaded again hidden, as an office's file is. Every command then
runs on its sheet: where the layout has a table, each command that changes something is exactly
one undo step ("PEG: ..."), with nothing of Calc's below it, and its Undo gives back the document
exactly; where it has none, each command refuses with a message naming what is missing and
changes nothing (Clear marks says there are none). The same file opened read-only: every command refuses and changes nothing.
"""
import argparse
import os
import re
import shutil
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402
import make_layouts  # noqa: E402
from test_commands import dispatch  # noqa: E402
from test_safety import INTERNAL, alive, diff, doc_state, undo_titles  # noqa: E402

# what a refusal names: the missing column, or that the sheet is a card and not a table
MISSING = r"nessuna colonna|no .* column|manca|è una scheda|is a card"

COMMANDS = (("Normalize", {"NewColumn": True}), ("Normalize", {}), ("Validate", {}), ("ClearMarks", {}),
            ("Summary", {}))


def has_table(layout):
    e = layout["expects"]
    return ("target" in e or "deadline" in e) and any(k in e for k in ("objective", "indicator", "dup_objective"))


def run_commands(office, report, name, doc, table):
    undo = doc.getUndoManager()
    sheet = doc.Sheets.getByIndex(0)
    for command, args in COMMANDS:
        what = f"{name}: {command}{' into new columns' if args else ''}"
        doc.getCurrentController().setActiveSheet(sheet)
        undo.clear()
        before = doc_state(doc)
        ok, res = dispatch(office, doc, command, **args)
        msg = res.get("Message", "")
        changed = doc_state(doc) != before
        titles = undo_titles(doc)
        report.check(f"{what}: office alive, a clear message", alive(office) and bool(msg) and not INTERNAL.search(msg), msg)
        if not table and command != "ClearMarks":  # no marks to clear needs no table
            report.check(f"{what}: refuses, nothing changed, no undo step",
                         not ok and not changed and not titles and re.search(MISSING, msg, re.I),
                         f"{msg}; {titles[:3]}; {diff(before, doc_state(doc)) if changed else ''}")
            continue
        if not changed:
            report.check(f"{what}: no change, no undo step", not titles, f"{msg}; {titles[:3]}")
            continue
        report.check(f"{what}: exactly one undo step, its own", ok and len(titles) == 1 and titles[0].startswith("PEG"),
                     f"{msg}; {titles[:4]}")
        undo.undo()
        report.check(f"{what}: Undo gives back the document exactly, nothing of Calc's left to undo",
                     doc_state(doc) == before and not undo.isUndoPossible(),
                     f"{diff(before, doc_state(doc))}; left {undo_titles(doc)[:3]}")


def run_read_only(office, report, name, doc):
    for command, args in COMMANDS:
        before = doc_state(doc)
        ok, res = dispatch(office, doc, command, **args)
        msg = res.get("Message", "")
        report.check(f"{name} read-only: {command} refuses and changes nothing",
                     not ok and doc_state(doc) == before and not undo_titles(doc)
                     and re.search(r"sola lettura|read-only", msg, re.I), msg)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", help="only the layouts whose id contains this")
    args = ap.parse_args()
    report = lo.Report(args.verbose)
    tmp = tempfile.mkdtemp(prefix="pegkit-layout-cmd-")
    layouts = [make_layouts.read_layout(p) for p in make_layouts.layout_paths()]
    layouts = [l for l in layouts if not args.only or args.only in l["id"]]
    report.check("the corpus has layouts with and without a table",
                 any(has_table(l) for l in layouts) and (args.only or not all(has_table(l) for l in layouts)))
    try:
        with lo.Office(ui_locale="it-IT") as office:
            office.install_extension(args.oxt)
            for layout in layouts:
                name = layout["id"]
                path = make_layouts.save(office, layout, os.path.join(tmp, name + ".xlsx"), lo.XLSX)
                for read_only in (False, True):
                    doc = office.desktop.loadComponentFromURL(lo.url(path), "_blank", 0,
                                                              lo.props(Hidden=True, ReadOnly=read_only))
                    try:
                        if read_only:
                            run_read_only(office, report, name, doc)
                        else:
                            run_commands(office, report, name, doc, has_table(layout))
                    except Exception:
                        report.check(f"{name}: ran", False, traceback.format_exc())
                    finally:
                        lo.close(doc)
                    if not alive(office):
                        report.check(f"{name}: office alive at the end", False, office.log_tail())
                        office.restart()
    except Exception:
        report.check("office session", False, traceback.format_exc())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
