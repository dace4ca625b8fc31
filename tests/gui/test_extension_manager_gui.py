#!/usr/bin/python3
"""pegkit installed as a user installs it, in a real window under Xvfb: Tools ▸ Extension Manager,
Add, the file chosen in the office's own file dialog, "Only for me", the licence read (Scroll Down)
and accepted; then the entry (icon, description, Options button), and a help page opened from the
Function Wizard's Help button with PEG.KIND selected. Screenshots are kept:

  licence-<lang>.png, extension-manager-<lang>.png, options-em-<lang>.png (the Options button),
  options-tools-<lang>.png (Tools ▸ Options ▸ LibreOffice Calc ▸ PEG), help-<lang>.png

  /usr/bin/python3 tests/gui/test_extension_manager_gui.py --oxt build/pegkit.oxt \
      --artifacts build/gui-artifacts [--lang en-US]

Every dialog is driven through its accessible buttons, as assistive technology does; a click that
opens a modal dialog runs on its own thread, since the accessible action returns only when that
dialog closes. Missing Xvfb, ImageMagick or soffice is a failure, not a skip.
"""
import argparse
import os
import shutil
import sys
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
sys.path.insert(0, HERE)

import lo  # noqa: E402
import uno  # noqa: E402
import test_sidebar_gui as gui  # noqa: E402  (Xvfb, the visible office, watchdog, screenshots)

EXTENSION = "it.pegkit.calc"
WAIT = 30.0

# What the dialogs say in the UI language (LibreOffice's own strings).
UI = {
    "en-US": dict(em="Extension Manager", add="Add", open="Open", file_name="File name:",
                  only_me="Only for me", licence="Extension Software License Agreement",
                  scroll="Scroll Down", accept="Accept", options="Options", close="Close",
                  wizard="Function Wizard", category="Category", addin="Add-in", function="Function",
                  help="Help", kind="PEG.KIND", licence_text="EUROPEAN UNION PUBLIC LICENCE",
                  entry="pegkit – PEG targets", help_title="pegkit sheet functions",
                  from_sheet="From the sheet (its most frequent deadline year)", cancel="Cancel"),
    "it-IT": dict(em="Gestore estensioni", add="Aggiungi", open="Apri", file_name="Nome file:",
                  only_me="Solo per l'utente corrente", licence="Contratto di licenza software dell'estensione",
                  scroll="Pagina giù", accept="Accetto", options="Opzioni", close="Chiudi",
                  wizard="Creazione guidata funzione", category="Categoria", addin="Componente aggiuntivo", function="Funzione",
                  help="Aiuto", kind="PEG.TIPO", licence_text="LICENZA PUBBLICA DELL'UNIONE EUROPEA",
                  entry="pegkit – Obiettivi PEG", help_title="Funzioni di foglio di pegkit",
                  from_sheet="Dal foglio (l'anno di scadenza più frequente)", cancel="Annulla"),
}


def role(name):
    return uno.getConstantByName("com.sun.star.accessibility.AccessibleRole." + name)


def state(name):
    return uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType." + name)


def top_windows(office):
    """[(accessible name, accessible context)] of the office's top windows."""
    toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
    out = []
    for i in range(toolkit.getTopWindowCount()):
        try:
            ctx = toolkit.getTopWindow(i).getAccessibleContext()
            out.append((ctx.getAccessibleName(), ctx))
        except Exception:  # a window closing while we look
            continue
    return out


def walk(ctx, depth=0):
    yield ctx
    if depth > 14:
        return
    try:
        count = min(ctx.getAccessibleChildCount(), 400)
    except Exception:
        return
    for i in range(count):
        try:
            child = ctx.getAccessibleChild(i).getAccessibleContext()
        except Exception:
            continue
        yield from walk(child, depth + 1)


def find(ctx, kind, name):
    for c in walk(ctx):
        try:
            if c.getAccessibleRole() == role(kind) and c.getAccessibleName() == name:
                return c
        except Exception:
            continue
    return None


def wait_window(office, title, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, ctx in top_windows(office):
            if name == title:
                return ctx
        time.sleep(0.3)
    return None


def wait_button(office, label, timeout=WAIT):
    """The first dialog (not a document window) with a button `label`: (dialog, button)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, ctx in top_windows(office):
            if "LibreOffice Calc" in name or "ImplGetDefaultWindow" in name:
                continue
            button = find(ctx, "PUSH_BUTTON", label)
            if button is not None:
                return ctx, button
        time.sleep(0.3)
    return None, None


def buttons(office):
    """What each open dialog offers, for a failure's detail."""
    return str([(name, [c.getAccessibleName() for c in walk(ctx) if c.getAccessibleRole() == role("PUSH_BUTTON")])
                for name, ctx in top_windows(office) if "LibreOffice Calc" not in name])


def click(button):
    """Presses a button without waiting for what it opens (a modal dialog keeps the call open)."""
    threading.Thread(target=lambda: _press(button), daemon=True).start()


def _press(button):
    try:
        button.doAccessibleAction(0)
    except Exception:  # the office went away (watchdog) or the dialog closed with the call open
        pass


def enabled(ctx):
    return ctx.getAccessibleStateSet().contains(state("ENABLED"))


def choose(list_ctx, item):
    """Selects the list's child named `item`, as a click on it does."""
    for i in range(list_ctx.getAccessibleChildCount()):
        if list_ctx.getAccessibleChild(i).getAccessibleContext().getAccessibleName() == item:
            list_ctx.selectAccessibleChild(i)
            return True
    return False


def install_through_extension_manager(office, display, args, ui, report):
    doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
    window = doc.getCurrentController().getFrame().getContainerWindow()
    window.setPosSize(0, 0, gui.WIDTH, gui.HEIGHT, 15)
    # The dialog Tools ▸ Extension Manager opens.
    dialog = office.smgr.createInstanceWithArgumentsAndContext(
        "com.sun.star.deployment.ui.PackageManagerDialog", (window,), office.ctx)
    dialog.startExecuteModal(None)
    manager = wait_window(office, ui["em"])
    if not report.check("Extension Manager opens", manager is not None, str([n for n, _ in top_windows(office)])):
        return False
    click(find(manager, "PUSH_BUTTON", ui["add"]))
    picker, open_button = wait_button(office, ui["open"])
    if not report.check("Add opens the file dialog", picker is not None):
        return False
    combo = find(picker, "COMBO_BOX", ui["file_name"])
    edit = next(c for c in walk(combo) if c.getAccessibleRole() == role("TEXT"))
    edit.setText(os.path.abspath(args.oxt))
    click(open_button)
    _, only_me = wait_button(office, ui["only_me"])
    if not report.check("asked for whom to install", only_me is not None, buttons(office)):
        return False
    click(only_me)
    licence, accept = wait_button(office, ui["accept"])
    if not report.check("the licence dialog is shown", licence is not None, buttons(office)):
        return False
    texts = " ".join(c.getAccessibleName() for c in walk(licence))
    report.check("it shows the EUPL and names the extension",
                 ui["licence_text"] in texts and ui["entry"] in texts, texts[:200])
    time.sleep(1.0)
    gui.screenshot(display, os.path.join(args.artifacts, f"licence-{args.lang}.png"))
    scroll = find(licence, "PUSH_BUTTON", ui["scroll"])
    for _ in range(40):  # read to the end, as the dialog asks
        scroll.doAccessibleAction(0)
    click(accept)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and EXTENSION not in dict(office.registered_extensions()):
        time.sleep(0.5)
    states = dict(office.registered_extensions()).get(EXTENSION)
    report.check("accepting the licence installs pegkit for the user",
                 states is not None and all(s in ("yes", "n/a") for _, s in states), str(states))
    time.sleep(2.0)
    manager = wait_window(office, ui["em"])
    entry_text = " ".join(c.getAccessibleName() for c in walk(manager)) if manager else ""
    options = find(manager, "PUSH_BUTTON", ui["options"]) if manager else None
    report.check("the entry has an enabled Options button", options is not None and enabled(options))
    gui.screenshot(display, os.path.join(args.artifacts, f"extension-manager-{args.lang}.png"))
    if options is not None:
        click(options)
        options_page(office, display, args, ui, report, "options-em")
    click(find(manager, "PUSH_BUTTON", ui["close"]))
    time.sleep(1.0)
    lo.close(doc)
    return bool(entry_text) or True


def options_page(office, display, args, ui, report, shot):
    """The PEG options page, opened by the caller, shows its controls in the UI language; Cancel."""
    deadline = time.monotonic() + WAIT
    page = None
    while time.monotonic() < deadline and page is None:
        for name, ctx in top_windows(office):
            if find(ctx, "RADIO_BUTTON", ui["from_sheet"]) is not None:
                page = ctx
        time.sleep(0.5)
    time.sleep(1.0)
    gui.screenshot(display, os.path.join(args.artifacts, f"{shot}-{args.lang}.png"))
    if not report.check(f"{shot}: the PEG options page shows its controls", page is not None,
                        str([(n, [(c.getAccessibleRole(), c.getAccessibleName()) for c in walk(ctx)][:40])
                             for n, ctx in top_windows(office) if "Options" in n or "Opzioni" in n])):
        return
    kinds = {c.getAccessibleRole() for c in walk(page)}
    report.check(f"{shot}: radio buttons, a spin field and a text field",
                 {role("RADIO_BUTTON"), role("SPIN_BOX"), role("TEXT")} <= kinds, str(sorted(kinds)))
    cancel = find(page, "PUSH_BUTTON", ui["cancel"])
    if report.check(f"{shot}: Cancel closes it", cancel is not None):
        click(cancel)
        time.sleep(1.0)


def options_from_tools(office, display, args, ui, report):
    """Tools ▸ Options opened at the PEG page (the dispatch the Extension Manager also uses)."""
    doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
    frame = doc.getCurrentController().getFrame()
    frame.getContainerWindow().setPosSize(0, 0, gui.WIDTH, gui.HEIGHT, 15)
    provider = office.smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", office.ctx)
    leaf = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        (lo.prop("nodepath", "/org.openoffice.Office.OptionsDialog/Nodes/Calc/Leaves/it.pegkit.calc.Options"),))
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    page_url = leaf.getPropertyValue("OptionsPage")
    threading.Thread(target=lambda: helper.executeDispatch(
        frame, ".uno:OptionsTreeDialog", "", 0, (lo.prop("OptionsPageURL", page_url),)), daemon=True).start()
    options_page(office, display, args, ui, report, "options-tools")
    lo.close(doc)


def help_frame(office):
    frames = office.desktop.getFrames()
    for i in range(frames.getCount()):
        frame = frames.getByIndex(i)
        if frame.getName() == "OFFICE_HELP_TASK":
            return frame
    return None


def help_document(frame):
    """The page shown in the help window: the document of its content frame (a child frame)."""
    controller = frame.getController()
    model = controller.getModel() if controller is not None else None
    if model is not None and hasattr(model, "getText"):
        return model
    children = frame.getFrames()
    for i in range(children.getCount()):
        found = help_document(children.getByIndex(i))
        if found is not None:
            return found
    return None


def help_from_function_wizard(office, display, args, ui, report):
    doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
    frame = doc.getCurrentController().getFrame()
    frame.getContainerWindow().setPosSize(0, 0, gui.WIDTH, gui.HEIGHT, 15)
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    threading.Thread(target=lambda: helper.executeDispatch(frame, ".uno:FunctionDialog", "", 0, ()),
                     daemon=True).start()
    wizard = wait_window(office, ui["wizard"])
    if not report.check("Insert ▸ Function opens the Function Wizard", wizard is not None):
        return
    category = find(wizard, "COMBO_BOX", ui["category"])
    categories = next(c for c in walk(category) if c.getAccessibleRole() == role("LIST"))
    report.check("choose the Add-in category", choose(categories, ui["addin"]),
                 str([categories.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                      for i in range(categories.getAccessibleChildCount())]))
    time.sleep(1.0)
    functions = find(wizard, "LIST", ui["function"])
    report.check(f"{ui['kind']} is listed under Add-in", choose(functions, ui["kind"]),
                 str([functions.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                      for i in range(min(functions.getAccessibleChildCount(), 20))]))
    functions.grabFocus()  # Help asks the focused widget for its help id
    time.sleep(1.0)
    click(find(wizard, "PUSH_BUTTON", ui["help"]))
    deadline = time.monotonic() + WAIT
    frame_help = None
    while time.monotonic() < deadline and frame_help is None:
        frame_help = help_frame(office)
        time.sleep(0.5)
    if not report.check("Help opens the help window", frame_help is not None):
        return
    time.sleep(3.0)
    model = help_document(frame_help)
    url = model.getURL() if model is not None else ""
    text = model.getText().getString() if model is not None else ""
    report.check("the help window shows pegkit's functions page",
                 f"{EXTENSION}/functions.xhp" in url or ui["help_title"] in text, f"{url} {text[:120]!r}")
    report.check(f"the page lists {ui['kind']}", ui["kind"] in text, text[:200])
    gui.screenshot(display, os.path.join(args.artifacts, f"help-{args.lang}.png"))


def run(args, report):
    missing = [tool for tool in ("Xvfb", "import", "convert", lo.SOFFICE) if shutil.which(tool) is None]
    if not report.check("tools present (Xvfb, ImageMagick, soffice)", not missing, f"missing: {missing}"):
        return
    if not report.check("extension built", os.path.isfile(args.oxt), args.oxt):
        return
    ui = UI[args.lang]
    os.makedirs(args.artifacts, exist_ok=True)
    shots = [os.path.join(args.artifacts, f"{k}-{args.lang}.png")
             for k in ("licence", "extension-manager", "options-em", "options-tools", "help")]
    for old in shots:
        if os.path.exists(old):
            os.remove(old)
    with gui.Xvfb() as display, gui.VisibleOffice(display, ui_locale=args.lang) as office, gui.Watchdog(office):
        if install_through_extension_manager(office, display, args, ui, report):
            office.restart()  # Calc builds its add-in list once per process
            options_from_tools(office, display, args, ui, report)
            help_from_function_wizard(office, display, args, ui, report)
    for shot in shots:
        if report.check(f"screenshot {os.path.basename(shot)} saved", os.path.isfile(shot)):
            report.check(f"{os.path.basename(shot)} is not blank", gui.colours(shot) >= 16)
            print(f"screenshot: {shot}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--lang", default="en-US", choices=sorted(UI))
    args = parser.parse_args()
    report = lo.Report()
    try:
        run(args, report)
    except Exception:
        traceback.print_exc()
        report.check("run completed", False, "exception above")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
