#!/usr/bin/python3
"""Headless integration test of the pegkit Calc add-in.

  /usr/bin/python3 tests/integration/test_addin.py --oxt build/pegkit.oxt [--verbose]

(a) installs the .oxt into a fresh profile and checks the 13 functions are registered with
    descriptions and named arguments; (b) evaluates the self-checking functions.fods and lists
    every failing case; (b2) PEG.SCORE over ranges holding error cells, empty cells, empty text
    and text, each result computed here from the cells; (c) stores it as .ods and .xlsx, reloads
    both and compares formulas and results; (d) with an Italian UI, under both settings of "Use
    English function names", checks the Italian names and a formula typed with them. Exit status 0
    when every check passes.
"""
import argparse
import math
import os
import re
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)

import lo  # noqa: E402  (needs Debian's python3-uno)

SERVICE = "it.pegkit.calc.Functions"
# English name, Italian name, programmatic method, visible arguments
FUNCTIONS = [
    ("PEG.CHECK", "PEG.VERIFICA", "getCheck", 2),
    ("PEG.VALID", "PEG.VALIDO", "getValid", 2),
    ("PEG.KIND", "PEG.TIPO", "getKind", 1),
    ("PEG.OP", "PEG.OPERATORE", "getOp", 2),
    ("PEG.VALUE", "PEG.VALORE", "getValue", 2),
    ("PEG.UNIT", "PEG.UNITA", "getUnit", 2),
    ("PEG.NORM", "PEG.NORMALIZZA", "getNorm", 1),
    ("PEG.CLEAN", "PEG.PULISCI", "getClean", 1),
    ("PEG.CODE", "PEG.CODICE", "getCode", 1),
    ("PEG.LABEL", "PEG.ETICHETTA", "getLabel", 1),
    ("PEG.ATTAIN", "PEG.RAGGIUNGIMENTO", "getAttain", 3),
    ("PEG.MET", "PEG.RAGGIUNTO", "getMet", 2),
    ("PEG.SCORE", "PEG.PUNTEGGIO", "getScore", 2),
]
FIRST_ROW = 4



def show(v):
    if isinstance(v, tuple) and v and v[0] == "error":
        return f"error {v[1]}"
    if isinstance(v, float):
        return repr(v)
    return repr(v)


def same(a, b):
    """Results equal across a round trip: numbers to 1e-9 relative, errors by being errors."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        return isinstance(a, tuple) and isinstance(b, tuple)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


# ------------------------------------------------------------------------------------------ (a)

def check_descriptions(office, report, names_col, label, require=True):
    """names_col: 0 English, 1 Italian. Returns how many of the 13 names were found."""
    by_name = {d["Name"]: d for d in office.function_descriptions()}
    found = 0
    for fn in FUNCTIONS:
        name, args = fn[names_col], fn[3]
        d = by_name.get(name)
        if d is None:
            if require:
                report.check(f"{label}: {name} listed in FunctionDescriptions", False,
                             "not found; PEG.* seen: " + ", ".join(sorted(n for n in by_name if n.startswith("PEG"))))
            continue
        found += 1
        if not require:
            continue
        problems = []
        if not (d.get("Description") or "").strip():
            problems.append("empty description")
        arg_list = d["Arguments"]
        if len(arg_list) != args:
            problems.append(f"{len(arg_list)} arguments, expected {args}: {[a[0] for a in arg_list]}")
        unnamed = [i for i, a in enumerate(arg_list) if not (a[0] or "").strip() or not (a[1] or "").strip()]
        if unnamed:
            problems.append(f"arguments without name or description: {unnamed}")
        report.check(f"{label}: {name} registered ({len(arg_list)} named arguments)", not problems,
                     "; ".join(problems))
    return found


# ------------------------------------------------------------------------------------------ (b)

def read_cases(sheet):
    """[(row, case, formula_text, result, expected, check)] for every case row of the sheet."""
    used = sheet.createCursor()
    used.gotoEndOfUsedArea(False)
    last = used.RangeAddress.EndRow + 1
    data = lo.read(sheet, f"A{FIRST_ROW}:E{last}")
    cases = []
    for i, (name, formula, _res, _exp, _chk) in enumerate(data):
        row = FIRST_ROW + i
        if not name:
            continue  # an extra input row of the case above
        cases.append((row, name, formula,
                      lo.cell_value(lo.cell(sheet, f"C{row}")),
                      lo.cell_value(lo.cell(sheet, f"D{row}")),
                      lo.cell_value(lo.cell(sheet, f"E{row}"))))
    return cases


def evaluate_sheet(office, report, fods, label):
    doc = office.load(fods)
    try:
        sheet = lo.sheet(doc)
        t = time.monotonic()
        lo.recalc(doc)
        elapsed = time.monotonic() - t
        summary = lo.cell_value(lo.cell(sheet, "B1"))
        failing_count = lo.cell_value(lo.cell(sheet, "D1"))
        cases = read_cases(sheet)
        failing = [c for c in cases if c[5] != 1.0]
        for row, name, formula, result, expected, check in cases:
            report.check(f"{label} row {row} {name}", check == 1.0,
                         f"{formula.strip()} gave {show(result)}, expected {show(expected)}", quiet=True)
        report.check(f"{label}: {len(cases) - len(failing)}/{len(cases)} cases pass "
                     f"(recalc {elapsed:.2f} s)", not failing, f"{len(failing)} failing")
        report.check(f"{label}: summary B1 is TRUE", summary == 1.0 and failing_count == 0,
                     f"B1={show(summary)}, D1 (failing)={show(failing_count)}")
        return cases
    finally:
        lo.close(doc)


def null_date_1904(office, report):
    """A deadline's value and a completion date follow the document's date system."""
    from com.sun.star.util import Date as UnoDate
    doc = office.create()
    try:
        doc.NullDate = UnoDate(1, 1, 1904)
        sheet = lo.sheet(doc)
        # completion dates typed in B1 and B2 (the actual is a reference)
        lo.cell(sheet, "B1").setFormula("=DATE(2021;1;10)")
        lo.cell(sheet, "B2").setFormula("=DATE(2020;12;31)")
        cases = [("=DATE(2020;12;31)", 44196.0 - 1462),  # the switch took effect
                 ('=PEG.VALUE("31/12/2020")-DATE(2020;12;31)', 0.0),
                 ('=PEG.ATTAIN("31/12/2020"; B1; "late=30")', 1 - 10 / 30),
                 ('=PEG.ATTAIN("31/12/2020"; B2)', 1.0)]
        for i, (f, _) in enumerate(cases):
            lo.cell(sheet, f"A{i + 1}").setFormula(f)
        lo.recalc(doc)
        for i, (f, want) in enumerate(cases):
            got = lo.cell_value(lo.cell(sheet, f"A{i + 1}"))
            report.check(f"1904 date system: {f} = {want:g}",
                         isinstance(got, float) and abs(got - want) < 1e-9, f"got {show(got)}")
    finally:
        lo.close(doc)


def document_profile(office, report, tmp):
    """PEG.ATTAIN, PEG.MET and PEG.SCORE read the calling document's scoring profile (pegkit.profile,
    the Scoring profile panel's): the same formulas give other values under it, a formula's own
    rule wins over it, one that cannot be read gives Err:502, and it survives .xlsx."""
    doc = office.create()
    try:
        sheet = lo.sheet(doc)
        for name, value in (("B1", 12.0), ("B2", "=DATE(2021;1;10)"), ("C1", 0.5), ("C2", 0.8)):
            lo.cell(sheet, name).setFormula(value) if isinstance(value, str) else lo.cell(sheet, name).setValue(value)
        formulas = ['=PEG.ATTAIN("<= 10"; B1)', '=PEG.MET("31/12/2020"; B2)', '=PEG.ATTAIN("31/12/2020"; B2)',
                    '=PEG.SCORE(C1:C2)', '=PEG.ATTAIN("<= 10"; B1; "lower=ratio")']
        for i, f in enumerate(formulas):
            lo.cell(sheet, f"A{i + 1}").setFormula(f)
        cases = [
            ("no profile", None, [10 / 12, 0.0, 0.0, 0.65, 10 / 12]),
            ("lower=linear; late=15; bands=0-60:0 | 60-100:pro", "lower=linear; late=15; bands=0-60:0 | 60-100:pro",
             [0.8, 0.0, 1 - 10 / 15, 0.4, 10 / 12]),
            ("late=10 (ten days late scores 0)", "late=10", [10 / 12, 0.0, 0.0, 0.65, 10 / 12]),
            ("tolleranza=30; soglia=60 (Italian keys)", "tolleranza=30; soglia=60", [10 / 12, 0.0, 1 - 10 / 30, 0.4, 10 / 12]),
        ]
        udp = doc.DocumentProperties.UserDefinedProperties
        for label, profile, want in cases:
            if udp.getPropertySetInfo().hasPropertyByName("pegkit.profile"):
                udp.removeProperty("pegkit.profile")
            if profile is not None:
                udp.addProperty("pegkit.profile", 128, profile)
            lo.recalc(doc)
            got = [lo.cell_value(lo.cell(sheet, f"A{i + 1}")) for i in range(len(formulas))]
            bad = [(f, g, w) for f, g, w in zip(formulas, got, want) if not (isinstance(g, float) and abs(g - w) < 1e-9)]
            report.check(f"document profile {label}: the functions score under it", not bad, str(bad))
        udp.setPropertyValue("pegkit.profile", "bands=0-70:0 | 60-100:pro")
        lo.recalc(doc)
        errors = [lo.cell(sheet, f"A{i + 1}").getError() for i in (1, 2, 3, 4)]
        report.check("a document profile that cannot be read: Err:502, never a score under other rules",
                     all(e == ILLEGAL_ARGUMENT for e in errors), str(errors))
        udp.setPropertyValue("pegkit.profile", "soglia=60")
        path = os.path.join(tmp, "profile.xlsx")
        lo.Office.store(doc, path, lo.XLSX)
    finally:
        lo.close(doc)
    doc = office.load(path)
    try:
        lo.recalc(doc)
        got = lo.cell_value(lo.cell(lo.sheet(doc), "A4"))
        report.check("the document profile survives .xlsx: PEG.SCORE under soglia=60 after reopening",
                     isinstance(got, float) and abs(got - 0.4) < 1e-9, show(got))
    finally:
        lo.close(doc)


def diagnostic(office):
    """PEG.CHECK's text for an Excel date artifact, to compare across UI languages."""
    doc = office.create()
    try:
        c = lo.cell(lo.sheet(doc), "A1")
        c.setFormula('=PEG.CHECK("02/01/1900")')
        lo.recalc(doc)
        return lo.cell_value(c)
    finally:
        lo.close(doc)


# ------------------------------------------------------------------------------------------ (b2)

# Calc's error codes as add-ins and getError() see them.
DIV0, NA, VALUE, ILLEGAL_ARGUMENT, ILLEGAL_PARAMETER = 532, 32767, 519, 502, 504
# What a cell of the sheet holds: a number, or one of these.
ERR_DIV0, ERR_NA, NOT_ASSESSED, EMPTY_CELL = "=1/0", "=NA()", '=""', None
ERRORS = (ERR_DIV0, ERR_NA)


def expected_score(attainments, weights=None):
    """PEG.SCORE as TARGETS.md §5 and the help state it: the weighted mean of the numbers, leaving
    out empty cells, empty text and error cells among the attainments together with their weights;
    an empty weight counts 1; text gives #VALUE!; Calc itself refuses a weights range holding an
    error (Err:504) before the function is called. Returns a float, '' or ('error', code)."""
    if weights is not None and any(w in ERRORS for w in weights):
        return ("error", ILLEGAL_PARAMETER)
    if weights is not None and len(weights) != len(attainments):
        return ("error", ILLEGAL_ARGUMENT)
    weights = weights or [EMPTY_CELL] * len(attainments)
    if any(isinstance(v, str) and v not in ERRORS + (NOT_ASSESSED,) for v in attainments + weights):
        return ("error", VALUE)
    pairs = [(a, 1.0 if w in (EMPTY_CELL, NOT_ASSESSED) else w) for a, w in zip(attainments, weights)
             if isinstance(a, (int, float))]
    total = sum(w for _, w in pairs)
    return sum(a * w for a, w in pairs) / total if pairs and total > 0 else ""


SCORE_CASES = [
    # (what it shows, attainments, weights or None)
    ("an error, #N/A, an empty cell and not assessed among the attainments",
     [0.9, ERR_DIV0, 0.6, ERR_NA, EMPTY_CELL, NOT_ASSESSED, 1.0], None),
    ("the same, weighted: the left-out attainments' weights do not count",
     [0.9, ERR_DIV0, 0.6, ERR_NA, EMPTY_CELL, NOT_ASSESSED, 1.0], [2, 5, 1, 3, 4, 1, 1]),
    ("an empty weight counts 1", [0.9, 0.5, 0.2], [3, EMPTY_CELL, 0]),
    ("only errors: nothing assessed", [ERR_DIV0, ERR_NA, EMPTY_CELL], None),
    ("text among the attainments", [0.9, "0,8", 0.5], None),
    ("text among the weights", [0.9, 0.8, 0.5], [1, "due", 1]),
    ("#DIV/0! among the weights: refused by Calc before the call", [0.9, 0.8, 0.5], [1, ERR_DIV0, 1]),
    ("#N/A among the weights: refused by Calc before the call", [0.9, 0.8, 0.5], [ERR_NA, 1, 1]),
    ("weights of another size", [0.9, 0.8, 0.5], [1, 1]),
]


def put_cell(c, v):
    if v is EMPTY_CELL:
        return
    if isinstance(v, str) and v.startswith("="):
        c.setFormula(v)
    elif isinstance(v, str):
        c.setString(v)
    else:
        c.setValue(v)


def score_with_errors(office, report):
    """PEG.SCORE(S5:S148; L5:L148) as an office's sheet has it: one column of attainments (some
    of them errors of PEG.ATTAIN or of other formulas), one of weights."""
    doc = office.create()
    shown = []
    try:
        sheet = lo.sheet(doc)
        for col, (_, attainments, weights) in enumerate(SCORE_CASES):
            for row, v in enumerate(attainments):
                put_cell(sheet.getCellByPosition(2 * col, row + 1), v)
            for row, v in enumerate(weights or []):
                put_cell(sheet.getCellByPosition(2 * col + 1, row + 1), v)
            a = sheet.getCellRangeByPosition(2 * col, 1, 2 * col, len(attainments)).AbsoluteName.split(".")[-1]
            formula = f"=PEG.SCORE({a.replace('$', '')}"
            if weights is not None:
                w = sheet.getCellRangeByPosition(2 * col + 1, 1, 2 * col + 1, len(weights)).AbsoluteName
                formula += ";" + w.split(".")[-1].replace("$", "")
            sheet.getCellByPosition(2 * col, 0).setFormula(formula + ")")
            shown.append(formula.replace("=PEG.SCORE", "PEG.SCORE") + ")")
        lo.recalc(doc)
        for col, (what, attainments, weights) in enumerate(SCORE_CASES):
            c = sheet.getCellByPosition(2 * col, 0)
            got, want = lo.cell_value(c), expected_score(attainments, weights)
            ok = (math.isclose(got, want, rel_tol=1e-12) if isinstance(want, float) and isinstance(got, float)
                  else got == want)
            report.check(f"{shown[col]}: {what} gives {show(want)}", ok, f"got {show(got)}")
    finally:
        lo.close(doc)


# ------------------------------------------------------------------------------------------ (c)

def round_trip(office, report, fods, tmp):
    doc = office.load(fods)
    lo.recalc(doc)
    before = {c[0]: c for c in read_cases(lo.sheet(doc))}
    paths = {"ods": os.path.join(tmp, "functions.ods"), "xlsx": os.path.join(tmp, "functions.xlsx")}
    try:
        lo.Office.store(doc, paths["ods"], lo.ODS)
        lo.Office.store(doc, paths["xlsx"], lo.XLSX)
    finally:
        lo.close(doc)
    programmatic = [m.lower() for _, _, m, _ in FUNCTIONS]
    for fmt, path in paths.items():
        doc = office.load(path)
        try:
            sheet = lo.sheet(doc)
            lo.recalc(doc)
            after = {c[0]: c for c in read_cases(sheet)}
            lost, changed = [], []
            for row, c in before.items():
                f = lo.cell(sheet, f"C{row}").getFormula()
                if re.fullmatch(r"=[LMN]\d+", f):  # an element of an array result
                    f = lo.cell(sheet, f.lstrip("=")).getFormula()
                fl = f.lower()
                if "peg." not in fl and "it.pegkit" not in fl and not any(m in fl for m in programmatic):
                    lost.append(f"row {row} {c[1]}: formula now {f!r}")
                a = after.get(row)
                if a is None or not same(c[3], a[3]):
                    changed.append(f"row {row} {c[1]}: {show(c[3])} became {show(a[3] if a else None)}")
            for msg in lost[:10]:
                report.check(f"{fmt} round trip keeps the formula", False, msg)
            for msg in changed[:10]:
                report.check(f"{fmt} round trip keeps the result", False, msg)
            report.check(f"{fmt} round trip: {len(before)} formulas kept", not lost, f"{len(lost)} lost")
            report.check(f"{fmt} round trip: {len(before)} results equal", not changed,
                         f"{len(changed)} changed")
        finally:
            lo.close(doc)


# ------------------------------------------------------------------------------------------ (d)

def italian(oxt, report, fods, english_names, english_diagnostic):
    label = f"it-IT, EnglishFunctionName={str(english_names).lower()}"
    with lo.Office(ui_locale="it-IT", english_function_names=english_names) as office:
        office.install_extension(oxt)
        it_found = check_descriptions(office, report, 1, label, require=False)
        en_found = check_descriptions(office, report, 0, label, require=False)
        # The Function Wizard lists names in the UI language; whether the English switch changes
        # that is LibreOffice's business, so accept either complete set when the switch is on.
        if english_names:
            report.check(f"{label}: FunctionDescriptions lists all 13 (Italian {it_found}, "
                         f"English {en_found})", it_found == 13 or en_found == 13)
        else:
            check_descriptions(office, report, 1, label)

        doc = office.create()
        try:
            sheet = lo.sheet(doc)
            a1, b1, c1, d1 = (lo.cell(sheet, n) for n in ("A1", "B1", "C1", "D1"))
            # API formulas (setFormula) are English whatever the UI.
            a1.setFormula('=PEG.KIND("31/12/2020")')
            # What a user types: FormulaLocal follows the UI locale and the English switch.
            local_kind = "PEG.KIND" if english_names else "PEG.TIPO"
            local_attain = "PEG.ATTAIN" if english_names else "PEG.RAGGIUNGIMENTO"
            b1.FormulaLocal = f'={local_kind}("31/12/2020")'
            lo.cell(sheet, "E1").FormulaLocal = "0,72"  # the actual, typed the Italian way
            c1.FormulaLocal = f'={local_attain}(">= 80%"; E1)'
            d1.FormulaLocal = '=PEG.VERIFICA("02/01/1900")' if not english_names else '=PEG.CHECK("02/01/1900")'
            lo.recalc(doc)
            got = [lo.cell_value(c) for c in (a1, b1, c1, d1)]
            report.check(f"{label}: setFormula =PEG.KIND(\"31/12/2020\") -> scadenza", got[0] == "scadenza",
                         f"got {show(got[0])}")
            report.check(f"{label}: typed ={local_kind}(\"31/12/2020\") -> scadenza", got[1] == "scadenza",
                         f"got {show(got[1])}, FormulaLocal reads back {b1.FormulaLocal!r}")
            report.check(f"{label}: typed ={local_attain}(\">= 80%\"; E1) with E1 = 0,72 -> 0,9",
                         isinstance(got[2], float) and abs(got[2] - 0.9) < 1e-9,
                         f"got {show(got[2])}, FormulaLocal reads back {c1.FormulaLocal!r}")
            report.check(f"{label}: diagnostic is non-empty text in Italian ({got[3]!r})",
                         isinstance(got[3], str) and got[3] != "" and got[3] != english_diagnostic,
                         f"got {show(got[3])}, the same as under the English UI")
            # The other language's name must not silently resolve to something else.
            report.check(f"{label}: stored name is the programmatic one",
                         "getkind" in a1.getFormula().lower() or "PEG.KIND" in a1.getFormula(),
                         f"getFormula gives {a1.getFormula()!r}")
        finally:
            lo.close(doc)
        if not english_names:
            evaluate_sheet(office, report, fods, f"functions.fods under {label}")


# ------------------------------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oxt", required=True, help="the packed extension (build/pegkit.oxt)")
    ap.add_argument("--fods", default=os.path.join(HERE, "functions.fods"))
    ap.add_argument("--skip-italian", action="store_true", help="skip part (d)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    report = lo.Report(args.verbose)
    oxt = os.path.abspath(args.oxt)
    try:
        if not report.check(f"extension exists: {oxt}", os.path.isfile(oxt), "build it with "
                            "`cmake --build build --target pegkit_oxt`"):
            raise SystemExit
        with tempfile.TemporaryDirectory(prefix="pegkit-it-") as tmp:
            with lo.Office() as office:
                t = time.monotonic()
                ident = office.install_extension(oxt)
                report.check(f"installed {ident} and restarted ({time.monotonic() - t:.1f} s): "
                             f"{office.last_registration}", True)
                check_descriptions(office, report, 0, "en-US")
                evaluate_sheet(office, report, args.fods, "functions.fods")
                score_with_errors(office, report)
                null_date_1904(office, report)
                document_profile(office, report, tmp)
                english_diagnostic = diagnostic(office)
                round_trip(office, report, args.fods, tmp)
            if not args.skip_italian:
                italian(oxt, report, args.fods, False, english_diagnostic)
                italian(oxt, report, args.fods, True, english_diagnostic)
    except SystemExit:
        pass
    except lo.OfficeError as e:
        report.check("LibreOffice", False, str(e))
    except Exception:
        report.check("test harness", False, traceback.format_exc())
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
