#!/usr/bin/python3
"""pegkit's extension help, in a real office with the .oxt installed (English, then Italian UI):

- every sheet function Calc lists resolves, through the help id the Function Wizard's Help button
  asks for, to our functions page, which links that function's own page;
- each function's own page, the deck (and each panel's HelpURL in Sidebar.xcu), the scoring rules
  and the options answer their help ids, in the UI's language;
- every example shown in the pages gives, in Calc, the result the page shows;
- the committed pages are the ones help/make_help.py generates, for the functions of names.hpp.

  /usr/bin/python3 tests/package/test_help.py --oxt build/pegkit.oxt [--verbose]
"""
import argparse
import os
import re
import sys
import urllib.parse

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, os.path.join(ROOT, "help"))
import lo  # noqa: E402
import make_help  # noqa: E402

# sc/source/core/tool/addinhelpid.cxx gives help ids to the Analysis and DateFunctions add-ins
# only; for any other add-in function the wizard's list keeps its own id
# (formula/source/ui/dlg/funcpage.cxx sets a function's id only when it is not empty).
FUNCTION_LIST_HID = "formula/ui/functionpage/function"
LIBREOFFICE_ADDINS_WITH_HELP = {"com.sun.star.sheet.addin.Analysis", "com.sun.star.sheet.addin.DateFunctions"}
SERVICE = "it.pegkit.calc.Functions"


def wizard_help_id(service, method):
    if service in LIBREOFFICE_ADDINS_WITH_HELP:
        raise ValueError("only LibreOffice's own add-ins have per-function help ids")
    return FUNCTION_LIST_HID


def help_url(hid, lang):
    # SfxHelp::CreateHelpURL_Impl percent-encodes the id as one path segment.
    return f"vnd.sun.star.help://scalc/{urllib.parse.quote(hid, safe='')}?Language={lang}&System=UNIX"


def read_help(office, url):
    """The HTML the help viewer would show for url, or '' when the office has no such page."""
    sfa = office.smgr.createInstanceWithContext("com.sun.star.ucb.SimpleFileAccess", office.ctx)
    try:
        stream = sfa.openFileRead(url)
    except Exception:
        return ""
    data = b""
    while True:
        n, chunk = stream.readBytes(None, 65536)
        if n == 0:
            break
        data += bytes(chunk.value)
    stream.closeInput()
    return data.decode("utf-8", "replace")


def title(html):
    m = re.search(r"<title>(.*?)</title>", html, re.S)
    return m.group(1).strip() if m else None


def sidebar_help_ids():
    with open(os.path.join(ROOT, "registry", "Sidebar.xcu"), encoding="utf-8") as f:
        text = f.read()
    return re.findall(r'oor:name="HelpURL"[^>]*><value>([^<]+)</value>', text)


def check_static(r):
    generated = make_help.generate()
    for rel, text in generated.items():
        path = os.path.join(ROOT, "help", rel)
        same = os.path.isfile(path) and open(path, encoding="utf-8").read() == text
        r.check(f"help/{rel} is what help/make_help.py generates", same, "run python3 help/make_help.py", quiet=True)
    with open(os.path.join(ROOT, "src", "addin", "names.hpp"), encoding="utf-8") as f:
        declared = re.findall(r'\{"(get\w+)", "(PEG\.[A-Z]+)", "(PEG\.[A-Z]+)"', f.read())
    table = [(m, en, it) for m, en, it, _ in make_help.FUNCTIONS]
    r.check("the help's function table is names.hpp's (method, English and Italian names)",
            sorted(table) == sorted(declared), f"help: {sorted(table)}\nnames.hpp: {sorted(declared)}")
    with open(os.path.join(ROOT, "registry", "Sidebar.xcu"), encoding="utf-8") as f:
        nodes = len(re.findall(r'<node oor:name="Pegkit\w+" oor:op="replace">', f.read()))
    r.check("every deck and panel in Sidebar.xcu names a help id", len(sidebar_help_ids()) == nodes > 0,
            f"{nodes} decks and panels, help ids {sidebar_help_ids()}")


def function_names(office):
    descs = office.smgr.createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", office.ctx)
    names = set()
    for i in range(descs.getCount()):
        props = {p.Name: p.Value for p in descs.getByIndex(i)}
        names.add(props.get("Name"))
    return names


def check_pages(r, office, lang, key):
    listed = function_names(office)
    for method, en, it, _ in make_help.FUNCTIONS:
        name = it if key == "it" else en
        page = "fn_" + en.split(".")[1].lower() + ".xhp"
        r.check(f"[{lang}] Calc lists {name}", name in listed)
        html = read_help(office, help_url(wizard_help_id(SERVICE, method), lang))
        r.check(f"[{lang}] Function Wizard help for {name} opens our functions page linking {page}",
                title(html) == make_help.WORDS[key]["functions"] and page in html, title(html) or "no page")
        own = read_help(office, help_url(f"{SERVICE}.{method}", lang))
        r.check(f"[{lang}] {name}'s page answers {SERVICE}.{method}", title(own) == name, title(own) or "no page")
    pages = {"deck": make_help.PROSE["deck"], "scoring": make_help.PROSE["scoring"],
             "options": make_help.PROSE["options"]}
    for page, spec in pages.items():
        page_title, ids, _ = spec[key]
        for hid in ids:
            html = read_help(office, help_url(hid, lang))
            r.check(f"[{lang}] help id {hid} opens the {page} page", title(html) == page_title,
                    title(html) or "no page", quiet=True)
    for hid in sidebar_help_ids():
        html = read_help(office, help_url(hid, lang))
        r.check(f"[{lang}] Sidebar.xcu HelpURL {hid} has a page", bool(title(html)))


def put(cell, value):
    if value.startswith("="):
        cell.setFormula(value)
    elif value:
        try:
            cell.setValue(float(value))
        except ValueError:
            cell.setString(value)


def check_examples(r, office, lang, key):
    examples = make_help.read_examples()
    doc = office.create()
    try:
        sheet = doc.Sheets.getByIndex(0)
        for i, ex in enumerate(examples):
            put(sheet.getCellByPosition(0, i), ex["A1"])
            put(sheet.getCellByPosition(1, i), ex["B1"])
            # the example's A1/B1 are this row's cells
            formula = re.sub(r"\b([AB])1\b", lambda m: f"{m.group(1)}{i + 1}", ex["formula"])
            sheet.getCellByPosition(2, i).setFormula(formula)
        doc.calculateAll()
        want_key = "result_it" if key == "it" else "result"
        for i, ex in enumerate(examples):
            got = sheet.getCellByPosition(2, i).getString()
            r.check(f"[{lang}] example {ex['formula']} shows {ex[want_key]!r}", got == ex[want_key],
                    f"Calc shows {got!r}", quiet=True)
    finally:
        doc.close(True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    r = lo.Report(verbose=args.verbose)
    check_static(r)
    for lang, key in (("en-US", "en"), ("it", "it")):
        try:
            with lo.Office(ui_locale="it-IT" if key == "it" else "en-US") as office:
                office.install_extension(os.path.abspath(args.oxt))
                check_pages(r, office, lang, key)
                check_examples(r, office, lang, key)
        except lo.OfficeError as e:
            r.check(f"[{lang}] office with the extension", False, str(e))
    return r.finish()


if __name__ == "__main__":
    sys.exit(main())
