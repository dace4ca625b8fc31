#!/usr/bin/python3
"""The PEG options page in a headless office with the .oxt installed: the leaf under Tools ▸
Options ▸ LibreOffice Calc names our page and handler, the extension's configuration has its
defaults, and the page's handler (src/options/handler.cpp) driven on the real dialog
(extension/dialogs/Options.xdl) loads, saves, refuses a bad rule text and speaks the UI language.

  /usr/bin/python3 tests/package/test_options.py --oxt build/pegkit.oxt [--verbose]
"""
import argparse
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
import lo  # noqa: E402
import uno  # noqa: E402
from test_commands import dispatch  # noqa: E402

LEAF = "/org.openoffice.Office.OptionsDialog/Nodes/Calc/Leaves/it.pegkit.calc.Options"
SETTINGS = "/it.pegkit.calc.Settings/Defaults"
DEFAULTS = {"PlanYearRule": "sheet", "PlanYear": 2020, "ScoringRule": "", "MaxNotes": 200}

# (what the user does on the page, then OK) → what the configuration holds afterwards
SAVES = [
    ("fixed year 2021, rules, 50 notes",
     {"Fixed": 1, "FromSheet": 0, "Year": 2021.0, "Rule": "cap=1.2; late=30", "MaxNotes": 50.0},
     {"PlanYearRule": "fixed", "PlanYear": 2021, "ScoringRule": "cap=1.2; late=30", "MaxNotes": 50}),
    ("a rule text the core cannot read keeps the previous one; the rest is saved",
     {"Fixed": 0, "FromSheet": 1, "Year": 2021.0, "Rule": "cap=abc", "MaxNotes": 10.0},
     {"PlanYearRule": "sheet", "PlanYear": 2021, "ScoringRule": "cap=1.2; late=30", "MaxNotes": 10}),
    ("no notes, rules cleared",
     {"Fixed": 0, "FromSheet": 1, "Year": 2021.0, "Rule": "  ", "MaxNotes": 0.0},
     {"PlanYearRule": "sheet", "PlanYear": 2021, "ScoringRule": "", "MaxNotes": 0}),
]
LABELS = {"en": ("YearLine", "Plan year"), "it": ("YearLine", "Anno del piano")}


def config(office, path):
    provider = office.smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", office.ctx)
    return provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                (lo.prop("nodepath", path),))


def settings(office):
    node = config(office, SETTINGS)
    return {k: node.getPropertyValue(k) for k in DEFAULTS}


def expand(office, url):
    if url.startswith("vnd.sun.star.expand:"):
        expander = office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        url = expander.expandMacros(urllib.parse.unquote(url[len("vnd.sun.star.expand:"):]))
    return url


def control_value(page, name, prop):
    return page.getControl(name).getModel().getPropertyValue(prop)


def set_controls(page, values):
    props = {"Fixed": "State", "FromSheet": "State", "Year": "Value", "Rule": "Text", "MaxNotes": "Value"}
    for name, value in values.items():
        v = uno.Any("short", value) if props[name] == "State" else value
        if props[name] == "State":
            uno.invoke(page.getControl(name).getModel(), "setPropertyValue", (props[name], v))
        else:
            page.getControl(name).getModel().setPropertyValue(props[name], v)


def check_office(r, office, key):
    leaf = config(office, LEAF)
    r.check(f"[{key}] options leaf under LibreOffice Calc carries the extension id",
            leaf.getPropertyValue("Id") == "it.pegkit.calc")
    r.check(f"[{key}] options leaf names our handler",
            leaf.getPropertyValue("EventHandlerService") == "it.pegkit.calc.OptionsHandler")
    page_url = expand(office, leaf.getPropertyValue("OptionsPage"))
    sfa = office.smgr.createInstanceWithContext("com.sun.star.ucb.SimpleFileAccess", office.ctx)
    r.check(f"[{key}] options page {page_url} is installed", sfa.exists(page_url), page_url)
    r.check(f"[{key}] settings start at their defaults", settings(office) == DEFAULTS, str(settings(office)))

    handler = office.smgr.createInstanceWithContext("it.pegkit.calc.OptionsHandler", office.ctx)
    if not r.check(f"[{key}] handler service is registered", handler is not None):
        return
    dialog = office.smgr.createInstanceWithContext("com.sun.star.awt.DialogProvider2", office.ctx) \
        .createDialog(page_url)
    try:
        handler.callHandlerMethod(dialog, "initialize", "external_event")
        want_control, want_label = LABELS[key]
        got = control_value(dialog, want_control, "Label")
        r.check(f"[{key}] page labels in the UI language", got == want_label, got)
        shown = (control_value(dialog, "FromSheet", "State"), control_value(dialog, "Year", "Value"),
                 control_value(dialog, "Rule", "Text"), control_value(dialog, "MaxNotes", "Value"))
        r.check(f"[{key}] page shows the defaults", shown == (1, 2020.0, "", 200.0), str(shown))
        for what, change, expected in SAVES:
            set_controls(dialog, change)
            handler.callHandlerMethod(dialog, "ok", "external_event")
            r.check(f"[{key}] OK after {what}", settings(office) == expected, str(settings(office)))
        set_controls(dialog, {"MaxNotes": 999.0})
        handler.callHandlerMethod(dialog, "back", "external_event")
        r.check(f"[{key}] Back shows the saved settings again",
                control_value(dialog, "MaxNotes", "Value") == 0.0, str(control_value(dialog, "MaxNotes", "Value")))
    finally:
        dialog.dispose()


# A plan with five targets that are errors in any year and three deadlines in 2020 (the sheet's own
# year, so valid when the year comes from the sheet), from the sample's wordings.
TABLE = [["Obiettivo", "Indicatore", "Target"]] + \
    [[f"Obiettivo {i}", "Numero di pratiche", t] for i, t in enumerate(
        ["Da settembre 2020", "02/01/1900", "31/02/2020", "Da ottobre 2020", "00/01/1900",
         "Entro il 31/12/2020", "Entro febbraio 2020", "entro il 30/06/2020"], 1)]

# (settings the user saved on the page) → what Validate does on TABLE: (errors, cells with a note)
COMMAND_CASES = [
    ("defaults: the year from the sheet, 200 notes", {}, (5, 5)),
    ("notes limited to 2", {"MaxNotes": 2}, (5, 2)),
    ("no notes", {"MaxNotes": 0}, (5, 0)),
    ("a fixed year 2021: the three 2020 deadlines are errors too", {"PlanYearRule": "fixed", "PlanYear": 2021}, (8, 8)),
]


def write_settings(office, values):
    provider = office.smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", office.ctx)
    node = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                (lo.prop("nodepath", SETTINGS),))
    for k, v in {**DEFAULTS, **values}.items():
        uno.invoke(node, "setPropertyValue", (k, uno.Any("long", v) if isinstance(v, int) else v))
    node.commitChanges()


def check_commands_read_settings(r, office, key):
    """What the page saves is what Validate does: its plan year and its notes limit."""
    for what, values, (errors, notes) in COMMAND_CASES:
        write_settings(office, values)
        doc = office.create()
        try:
            sheet = lo.sheet(doc)
            lo.write(sheet, f"A1:C{len(TABLE)}", TABLE)
            ok, result = dispatch(office, doc, "Validate")
            got = (result.get("Errors"), sheet.getAnnotations().getCount())
            r.check(f"[{key}] Validate with {what}", ok and got == (errors, notes), f"{got} {result.get('Message')}")
        finally:
            lo.close(doc)
    write_settings(office, {})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    r = lo.Report(verbose=args.verbose)
    for locale, key in (("en-US", "en"), ("it-IT", "it")):
        try:
            with lo.Office(ui_locale=locale) as office:
                office.install_extension(os.path.abspath(args.oxt))
                check_office(r, office, key)
                check_commands_read_settings(r, office, key)
        except lo.OfficeError as e:
            r.check(f"[{key}] office with the extension", False, str(e))
    return r.finish()


if __name__ == "__main__":
    sys.exit(main())
