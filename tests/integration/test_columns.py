#!/usr/bin/python3
"""The user's column choice stored in the document, used by the commands (issue 8 item 4).

  /usr/bin/python3 tests/integration/test_columns.py --oxt build/pegkit.oxt [--verbose]

The INPS 2020 table of tests/data/layouts ("Materia | OBIETTIVO 2020", copied from the published
plan) names no objective column: Validate refuses it and says what it found and what is missing.
With the choice the Columns panel stores (document property pegkit.columns: the sheet's name, a
tab, "objective=A,target=B"), Validate, Normalize and Summary read the table; the choice survives
saving as .xlsx and .ods; Reset (no property) brings the refusal back. The plan sheet's cells are
never changed by a refusal.
"""
import argparse
import os
import shutil
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import lo  # noqa: E402
import make_layouts  # noqa: E402
from test_commands import dispatch, read_summary  # noqa: E402

LAYOUTS = os.path.join(HERE, "..", "data", "layouts")
LAYOUT = os.path.join(LAYOUTS, "inps-piano-performance-2020-ricorsi.layout")
PROPERTY = "pegkit.columns"


def cells(doc):
    sheet = doc.Sheets.getByIndex(0)
    return sheet.getCellRangeByPosition(0, 0, 3, 8).getDataArray()


def set_choice(doc, text):
    udp = doc.DocumentProperties.UserDefinedProperties
    if udp.getPropertySetInfo().hasPropertyByName(PROPERTY):
        udp.removeProperty(PROPERTY)
    if text is not None:
        udp.addProperty(PROPERTY, 128, text)  # 128: REMOVEABLE


def total_objectives(doc, res):
    """The objectives of the first table's total on the summary sheet the command wrote."""
    if "Sheet" not in res:
        return None
    tables = read_summary(doc.Sheets.getByName(res["Sheet"]))
    return tables[0][1][0] if tables else None


def check_workbook(office, report, tmp):
    """Summary of the workbook: a sheet per office (Ca' Foscari 2019 and Giustizia 2023 layouts)."""
    first = make_layouts.read_layout(os.path.join(LAYOUTS, "universita-ca-foscari-obiettivi-ateneo-2019.layout"))
    second = make_layouts.read_layout(os.path.join(LAYOUTS, "ministero-giustizia-piano-indicatori-2023.layout"))
    doc = make_layouts.build(office, first)
    data = make_layouts.grid(second)
    doc.Sheets.insertNewByName("Giustizia", 1)
    doc.Sheets.getByName("Giustizia").getCellRangeByPosition(0, 0, len(data[0]) - 1, len(data) - 1).setDataArray(
        tuple(tuple(r) for r in data))
    path = os.path.join(tmp, "workbook.ods")
    lo.Office.store(doc, path, lo.ODS)
    lo.close(doc)
    doc = office.load(path)
    try:
        plan = doc.Sheets.getByIndex(0)
        ok, res = dispatch(office, doc, "Summary")
        report.check("Summary of the active sheet: its 4 objectives", ok and total_objectives(doc, res) == 4,
                     f"{res.get('Message', '')}: {total_objectives(doc, res)}")
        doc.getCurrentController().setActiveSheet(plan)  # Summary shows its sheet; back to the plan
        ok, res = dispatch(office, doc, "Summary", Workbook=True)
        report.check("Summary of the workbook: 4 + 1 objectives (the summary sheet itself left out)",
                     ok and total_objectives(doc, res) == 5, f"{res.get('Message', '')}: {total_objectives(doc, res)}")
    finally:
        lo.close(doc)


def validate_refused(office, doc):
    """(ok, message, unchanged) of Validate on the document's first sheet."""
    before = cells(doc)
    ok, res = dispatch(office, doc, "Validate")
    return ok, res.get("Message", ""), cells(doc) == before


def check_card(office, report, tmp):
    """The performance portal's card of MIT objective 93: Validate says it is a card, not a table."""
    card = make_layouts.read_layout(os.path.join(LAYOUTS, "ministero-infrastrutture-trasporti-obiettivo-93-2015.layout"))
    doc = office.load(make_layouts.save(office, card, os.path.join(tmp, "card.xlsx"), lo.XLSX))
    try:
        ok, message, unchanged = validate_refused(office, doc)
        report.check("card: Validate refuses and says it is a card, naming its target label",
                     not ok and message.startswith("This sheet is a card, not a table") and "column A lists labels" in message
                     and "Target primo anno" in message, message)
        report.check("card: nothing changed", unchanged)
    finally:
        lo.close(doc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    report = lo.Report(args.verbose)
    tmp = tempfile.mkdtemp(prefix="pegkit-columns-")
    try:
        layout = make_layouts.read_layout(LAYOUT)
        name = layout["id"][:31]
        with lo.Office(ui_locale="en-US") as office:
            office.install_extension(args.oxt)
            doc = office.load(make_layouts.save(office, layout, os.path.join(tmp, "inps.ods"), lo.ODS))
            try:
                ok, message, unchanged = validate_refused(office, doc)
                report.check("no choice: Validate refuses", not ok, message)
                report.check("no choice: the message names what is missing and what was found",
                             message.startswith("No objective or indicator column (found ") and "OBIETTIVO 2020 (B)" in message,
                             message)
                report.check("no choice: nothing changed", unchanged)

                set_choice(doc, f"{name}\tobjective=A,target=B\n")
                ok, res = dispatch(office, doc, "Validate")
                report.check("stored choice: Validate reads the table", ok, res.get("Message", ""))
                for ext, flt in (("xlsx", lo.XLSX), ("ods", lo.ODS)):
                    lo.Office.store(doc, os.path.join(tmp, f"chosen.{ext}"), flt)
            finally:
                lo.close(doc)

            for ext in ("xlsx", "ods"):
                doc = office.load(os.path.join(tmp, f"chosen.{ext}"))
                try:
                    ok, res = dispatch(office, doc, "Validate")
                    report.check(f"{ext}: the choice survives the file", ok, res.get("Message", ""))
                    ok, res = dispatch(office, doc, "Summary")
                    report.check(f"{ext}: Summary reads the table", ok and doc.Sheets.getCount() == 2,
                                 res.get("Message", ""))
                    set_choice(doc, None)
                    before = cells(doc)
                    ok, res = dispatch(office, doc, "Normalize")
                    report.check(f"{ext}: reset: Normalize refuses again", not ok and cells(doc) == before,
                                 res.get("Message", ""))
                finally:
                    lo.close(doc)
            check_workbook(office, report, tmp)
            check_card(office, report, tmp)
    except Exception:
        report.check("office session", False, traceback.format_exc())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
