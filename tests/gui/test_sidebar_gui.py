#!/usr/bin/python3
"""A real Calc window under Xvfb with the PEG deck shown on the Venezia sample; a screenshot is kept.

  /usr/bin/python3 tests/gui/test_sidebar_gui.py --oxt build/pegkit.oxt --artifacts build/gui-artifacts
      [--lang it-IT|en-US] [--sample /work/shared/data/peg-2020-cm-venezia.tsv]

Starts Xvfb on a free display and a visible soffice on it (VCL's X11 plugin) with a throwaway
profile, installs the .oxt through the running office and restarts it, opens the sample TSV as a
workbook, shows the deck through the sidebar API, and saves sidebar-<lang>.png. Checks: the deck
and its three panels exist and the deck is active; the screenshot is not blank (many colours) and
the sidebar's strip is not uniform. Missing Xvfb, ImageMagick or soffice is a failure, not a skip.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(HERE, "..", "integration"))

import lo  # noqa: E402  (Debian's python3-uno)

DECK = "PegkitDeck"
PANELS = {"PegkitValidatePanel", "PegkitNormalizePanel", "PegkitSummaryPanel", "PegkitTablePanel", "PegkitProfilePanel"}
SAMPLE = "/work/shared/data/peg-2020-cm-venezia.tsv"
WIDTH, HEIGHT = 1400, 900
RENDER_WAIT = 6.0
XVFB_TIMEOUT = 15.0
WATCHDOG = 200.0  # below ctest's TIMEOUT 300



class Xvfb:
    """`with Xvfb() as display:` an X server on the first free display from :90; always stopped."""

    def __enter__(self):
        for n in range(90, 140):
            if not os.path.exists(f"/tmp/.X{n}-lock") and not os.path.exists(f"/tmp/.X11-unix/X{n}"):
                break
        else:
            raise RuntimeError("no free X display between :90 and :139")
        self.display = f":{n}"
        self.socket = f"/tmp/.X11-unix/X{n}"
        self.proc = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)
        deadline = time.monotonic() + XVFB_TIMEOUT
        while not os.path.exists(self.socket):
            if self.proc.poll() is not None:
                raise RuntimeError(f"Xvfb {self.display} exited: {self.proc.stderr.read().decode(errors='replace')}")
            if time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError(f"Xvfb {self.display} not ready after {XVFB_TIMEOUT:.0f} s")
            time.sleep(0.1)
        return self.display

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        return False


class VisibleOffice(lo.Office):
    """lo.Office with a window: the same profile, connection and shutdown, but soffice is started
    without --headless on `display`, with VCL's plain X11 plugin."""

    def __init__(self, display, **kw):
        super().__init__(**kw)
        self.display = display

    def display_mode(self):
        return [], dict(os.environ, DISPLAY=self.display, SAL_USE_VCLPLUGIN="gen")


class Watchdog:
    """Kills the office after WATCHDOG seconds, so that a call blocked by a dialog returns with an
    error and the test ends with its cleanup, before ctest's TIMEOUT would leave soffice behind."""

    def __init__(self, office):
        self.office = office
        self.fired = False
        self.timer = threading.Timer(WATCHDOG, self._fire)

    def _fire(self):
        self.fired = True
        print(f"watchdog: no progress after {WATCHDOG:.0f} s, killing soffice", flush=True)
        self.office._kill()

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()
        return False


def open_sample(office, path):
    """The sample as an office keeps it (tests/integration/make_workbooks.py: title row, merged
    objectives, typed dates and percentages), stored in the profile's folder and opened visibly.
    A copy, because a visible office locks what it opens and asks about a stale lock in a dialog."""
    import make_workbooks
    built = make_workbooks.build(office, make_workbooks.sample_rows())
    copy = os.path.join(office.tmp, "peg-2020-cm-venezia.ods")
    lo.Office.store(built, copy, lo.ODS)
    lo.close(built)
    doc = office.desktop.loadComponentFromURL(lo.url(copy), "_blank", 0, ())
    if doc is None:
        raise lo.OfficeError(f"could not open {path}\n{office.log_tail()}")
    return doc


def show_deck(office, doc):
    """Maximizes the window, shows the sidebar and activates the PEG deck; returns the XDeck."""
    controller = doc.getCurrentController()
    frame = controller.getFrame()
    frame.getContainerWindow().setPosSize(0, 0, WIDTH, HEIGHT, 15)
    sidebar = controller.getSidebar()
    sidebar.setVisible(True)
    decks = sidebar.getDecks()
    if not decks.hasByName(DECK):
        # The decks list follows the context; a dispatch asks for the deck by name anyway.
        helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
        helper.executeDispatch(frame, f".uno:SidebarDeck.{DECK}", "", 0, ())
        time.sleep(1.0)
        decks = sidebar.getDecks()
    deck = decks.getByName(DECK) if decks.hasByName(DECK) else None
    if deck is not None:
        deck.activate(True)
    return sidebar, deck


def panel_controls(deck, panel, kinds=("Button", "FixedText", "ListBox")):
    """The panel's controls of each kind (buttons, fixed texts, list boxes by default), each in
    the order the panel made them."""
    found = {kind: [] for kind in kinds}
    for control in deck.getPanels().getByName(panel).getDialog().getControls():
        for kind, bucket in found.items():
            if control.getModel().supportsService(f"com.sun.star.awt.UnoControl{kind}Model"):
                bucket.append(control)
    return tuple(found[kind] for kind in kinds)


def wait_for(condition, timeout=15.0):
    """Polls until condition() holds (the panels refresh after the office's events, not at once)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return condition()


def press(button, status, timeout=30.0):
    """A click as a user makes it, through the button's accessible action (VCL runs it later, on
    its own thread); returns the panel's status text once the command has set it."""
    status.setText("")
    button.getAccessibleContext().doAccessibleAction(0)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = status.getText()
        if text:
            return text
        time.sleep(0.2)
    return ""


class _ButtonsWhileRunning(lo.WhileRunning):
    """The panel's buttons' enabled states, looked at while the command runs."""
    def __init__(self, buttons):
        super().__init__()
        self.buttons = buttons

    def during(self):
        return [b.isEnabled() for b in self.buttons]


def use_panels(doc, deck, report):
    """Validate, then choose a finding: what a user does first with the deck."""
    buttons, texts, lists = panel_controls(deck, "PegkitValidatePanel")
    findings = lists[0]
    report.check("Validate panel lists the sheet's findings", findings.getItemCount() > 0,
                 f"counts: {texts[0].getText()!r}")
    before = [b.isEnabled() for b in buttons]
    watch = _ButtonsWhileRunning(buttons)
    undo = doc.getUndoManager()
    undo.addUndoManagerListener(watch)
    try:
        status = press(buttons[0], texts[-1])
    finally:
        undo.removeUndoManagerListener(watch)
    report.check("Validate button runs the command and shows its outcome",
                 status != "" and findings.getItemCount() > 0, f"status {status!r}")
    # the status line shows two or three lines of it; its tooltip holds the whole text
    tip = texts[-1].getModel().HelpText
    report.check("the status line's tooltip holds its whole text", tip == status, f"tooltip {tip!r}")
    report.check("while the command runs the panel's buttons are disabled, and enabled again after it",
                 all(before) and watch.seen == [[False] * len(buttons)] and all(b.isEnabled() for b in buttons),
                 f"{len(buttons)} buttons: before {before}, while running {watch.seen}, "
                 f"after {[b.isEnabled() for b in buttons]}")
    items = list(findings.getItems())
    order = ["✖⚠ℹ…".index(item[0]) if item and item[0] in "✖⚠ℹ…" else -1 for item in items]
    report.check("findings listed errors first, then warnings, each with its marker",
                 items and items[0].startswith("✖") and -1 not in order and order == sorted(order),
                 f"{items[:3]} … {items[-2:]}")
    report.check("information is left out until asked for", not any(i.startswith("ℹ") for i in items),
                 f"{len(items)} items")
    show_info = next(c for c in deck.getPanels().getByName("PegkitValidatePanel").getDialog().getControls()
                     if c.getModel().supportsService("com.sun.star.awt.UnoControlCheckBoxModel"))
    show_info.getAccessibleContext().doAccessibleAction(0)  # a click on "Show information too"
    time.sleep(1.0)
    with_info = list(findings.getItems())
    report.check("the check box adds the information after the warnings",
                 len(with_info) > len(items) and with_info[:len(items)] == items
                 and any(i.startswith("ℹ") for i in with_info), f"{len(items)} → {len(with_info)} items")
    show_info.getAccessibleContext().doAccessibleAction(0)
    time.sleep(1.0)
    pick = min(5, findings.getItemCount() - 1)
    cell = findings.getItem(pick).split(" ")[1]  # "✖ B12 · …"
    findings.selectItemPos(pick, True)
    time.sleep(0.5)
    selection = doc.getCurrentController().getSelection()
    name = selection.getPropertyValue("AbsoluteName") if selection is not None else ""
    want = "$" + cell.rstrip("0123456789") + "$" + cell[len(cell.rstrip("0123456789")):]
    report.check("choosing a finding selects its cell", name.endswith("." + want), f"{cell}: selection {name!r}")



def counted(label):
    """(to change, ticked) from "Celle da cambiare: 406, spuntate: 404" / "Cells to change: …"."""
    numbers = [int(n) for n in label.replace(",", " ").replace(":", " ").split() if n.isdigit()]
    return tuple(numbers[:2]) if len(numbers) >= 2 else (None, None)


def use_normalize_preview(office, doc, deck, report, display, artifacts, lang):
    """The per-cell preview: two lines unticked, Apply, Undo; the panel follows each step."""
    deck.getPanels().getByName("PegkitNormalizePanel").expand(True)
    time.sleep(RENDER_WAIT / 2)
    buttons, texts, lists, boxes = panel_controls(deck, "PegkitNormalizePanel",
                                                  ("Button", "FixedText", "ListBox", "CheckBox"))
    changes, status = texts[0], texts[-1]
    ticks, new_column = boxes[:-1], boxes[-1]
    apply = buttons[-1]
    total, ticked = counted(changes.getText())
    report.check("Normalize preview counts the cells to change, all ticked", total and total == ticked,
                 repr(changes.getText()))
    lines = [b.getModel().HelpText for b in ticks if b.isVisible()]
    report.check("the preview lists ten cells a page, cell · before → after",
                 len(lines) == 10 and all(" · " in l and " → " in l for l in lines), repr(lines[:2]))
    report.check("the column filter lists the columns with changes",
                 lists[0].getItemCount() >= 2, repr(lists[0].getItems()[:4]))
    sheet = doc.getCurrentController().getActiveSheet()
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    area = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
    before = area.getDataArray()

    # two lines unticked, as a user clicks them
    unticked = []
    for box in ticks[:2]:
        box.getAccessibleContext().doAccessibleAction(0)
        unticked.append(box.getModel().HelpText.split(" · ")[0])
    wait_for(lambda: counted(changes.getText())[1] == total - 2, 5)
    report.check("unticking two lines counts them out", counted(changes.getText()) == (total, total - 2),
                 repr(changes.getText()))
    screenshot(display, os.path.join(artifacts, f"normalize-preview-{lang}.png"))

    status.setText("")
    apply.getAccessibleContext().doAccessibleAction(0)
    wait_for(lambda: status.getText() != "", 30)
    after = area.getDataArray()
    changed = [(r, c) for r, row in enumerate(before) for c, v in enumerate(row) if after[r][c] != v]
    kept = [lo_cell(sheet, name).getString() == value for name, value in
            ((n, before[lo_row(n)][lo_col(n)]) for n in unticked)]
    report.check("Apply writes every ticked cell and only those", len(changed) == total - 2 and all(kept),
                 f"{len(changed)} changed of {total}, unticked {unticked} kept {kept}; status {status.getText()!r}")
    report.check("after Apply the preview shows what is left: the two unticked cells",
                 wait_for(lambda: counted(changes.getText())[0] == 2), repr(changes.getText()))
    screenshot(display, os.path.join(artifacts, f"normalize-applied-{lang}.png"))

    dispatch_uno(office, doc, ".uno:Undo")
    restored = area.getDataArray() == before
    report.check("one Undo restores the sheet", restored)
    report.check("after Undo the panel shows every cell to change again, by itself",
                 wait_for(lambda: counted(changes.getText())[0] == total), repr(changes.getText()))

    # a macro's Normalize (no Cells: the whole plan): the panel shows what is left, by itself
    dispatch_uno(office, doc, "vnd.pegkit:Normalize")
    none_left = "Nessuna cella da cambiare." if lang.startswith("it") else "No cells to change."
    report.check("after a macro's Normalize the panel shows no cell left to change",
                 wait_for(lambda: changes.getText() == none_left), repr(changes.getText()))
    dispatch_uno(office, doc, ".uno:Undo")
    report.check("and after its Undo every cell again",
                 wait_for(lambda: counted(changes.getText())[0] == total) and area.getDataArray() == before,
                 repr(changes.getText()))

    # PEG ▸ Normalizza… opens this preview and writes nothing: from another deck, and from the
    # PEG deck with another panel open
    decks = doc.getCurrentController().getSidebar().getDecks()
    other = next(name for name in decks.getElementNames() if name != DECK)
    decks.getByName(other).activate(True)
    time.sleep(1.0)
    dispatch_uno(office, doc, "vnd.pegkit:NormalizePreview")
    report.check(f"PEG ▸ Normalize… from another deck ({other}) shows the PEG deck",
                 wait_for(lambda: deck.isActive() and deck.getPanels().getByName("PegkitNormalizePanel").isExpanded(), 10))
    deck.getPanels().getByName("PegkitValidatePanel").expand(True)
    time.sleep(1.0)
    dispatch_uno(office, doc, "vnd.pegkit:NormalizePreview")
    opened = wait_for(lambda: deck.isActive() and deck.getPanels().getByName("PegkitNormalizePanel").isExpanded(), 10)
    time.sleep(1.0)
    opened = opened and deck.isActive()  # and it stays open
    report.check("PEG ▸ Normalize… opens the preview and writes nothing",
                 opened and area.getDataArray() == before)


def switch_sheets(doc, deck, report, display, artifacts, lang):
    """A sheet switch refreshes the panels; an empty sheet reads "no PEG table", not "Errors: 1"."""
    deck.getPanels().getByName("PegkitValidatePanel").expand(True)
    time.sleep(RENDER_WAIT / 2)
    _, texts, _ = panel_controls(deck, "PegkitValidatePanel")
    counts = texts[0]
    with_table = counts.getText()
    sheets = doc.getSheets()
    sheets.insertNewByName("Vuoto", sheets.getCount())
    controller = doc.getCurrentController()
    plan = controller.getActiveSheet()
    controller.setActiveSheet(sheets.getByName("Vuoto"))
    neutral = "Nessuna tabella PEG in questo foglio." if lang.startswith("it") else "No PEG table on this sheet."
    report.check("switching to an empty sheet: the Validate panel says there is no PEG table",
                 wait_for(lambda: counts.getText() == neutral), f"{with_table!r} → {counts.getText()!r}")
    time.sleep(RENDER_WAIT / 2)
    report.check("the PEG deck stays open over the sheet switch", deck.isActive())
    screenshot(display, os.path.join(artifacts, f"sheet-switch-{lang}.png"))
    controller.setActiveSheet(plan)
    report.check("switching back: the findings are counted again",
                 wait_for(lambda: counts.getText() == with_table), repr(counts.getText()))


def dispatch_uno(office, doc, command):
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())


def lo_col(name):
    letters = name.rstrip("0123456789")
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def lo_row(name):
    return int(name[len(name.rstrip("0123456789")):]) - 1


def lo_cell(sheet, name):
    return sheet.getCellByPosition(lo_col(name), lo_row(name))


def use_columns_panel(doc, deck, report, display, path):
    """The Columns panel: each role's column as found, a change saved in the document, then Reset."""
    panel = deck.getPanels().getByName("PegkitTablePanel")
    panel.expand(True)  # the others collapse, as a user opening this panel sees it
    time.sleep(RENDER_WAIT / 2)
    buttons, texts, lists = panel_controls(deck, "PegkitTablePanel")
    header, target, actual = lists[0], lists[1], lists[5]
    report.check("Columns panel: the header row is shown", header.getSelectedItem().startswith("3 ·"),
                 repr(header.getSelectedItem()))
    report.check("Columns panel: the target column is J", target.getSelectedItem().startswith("J ·"),
                 repr(target.getSelectedItem()))
    weight = lists[6]
    weight.selectItemPos(0, True)  # "(none)": the summary then counts every objective alike
    status = press(buttons[0], texts[-1])
    props = doc.DocumentProperties.UserDefinedProperties
    stored = props.getPropertyValue("pegkit.columns") if props.getPropertySetInfo().hasPropertyByName("pegkit.columns") else ""
    report.check("Columns panel: Save stores the change in the document",
                 "weight=-" in stored and "weight=-" in status and target.getSelectedItem().startswith("J ·"),
                 f"status {status!r}, property {stored!r}")
    screenshot(display, path)
    status = press(buttons[1], texts[-1])
    gone = not props.getPropertySetInfo().hasPropertyByName("pegkit.columns")
    report.check("Columns panel: Reset forgets the choice", gone and status != "", f"status {status!r}")


def user_property(doc, name):
    props = doc.DocumentProperties.UserDefinedProperties
    return props.getPropertyValue(name) if props.getPropertySetInfo().hasPropertyByName(name) else None


def use_profile_panel(doc, deck, report, display, path, lang):
    """The Scoring profile panel: the defaults shown, bands with a gap refused naming the gap, a
    profile and an as-of date saved in the document, then Defaults; a row selected on the sheet
    marked not assessable with a reason (refused without one), listed in the panel, then unmarked."""
    it = lang.startswith("it")
    panel = deck.getPanels().getByName("PegkitProfilePanel")
    panel.expand(True)
    time.sleep(RENDER_WAIT / 2)
    buttons, texts, lists, edits = panel_controls(deck, "PegkitProfilePanel", ("Button", "FixedText", "ListBox", "Edit"))
    report.check("Profile panel: a field per profile entry, the as-of date and the reason", len(edits) == 10
                 and len(lists) == 3 and len(buttons) == 4, f"{len(edits)} edits, {len(lists)} lists, {len(buttons)} buttons")
    if len(edits) != 10 or len(lists) != 3 or len(buttons) != 4:
        return
    bands, as_of, reason, indicators = edits[0], edits[8], edits[9], lists[2]
    labels = [t.getText() for t in texts]
    report.check("Profile panel: labels in the UI language", ("Fasce" if it else "Bands") in labels
                 and ("Data di riferimento" if it else "As-of date") in labels
                 and ("Motivo" if it else "Reason") in labels, repr(labels[:4]))
    report.check("Profile panel: the defaults are shown", bands.getText() == "" and
                 indicators.getSelectedItem() == ("media ponderata" if it else "weighted mean"),
                 f"{bands.getText()!r}, {indicators.getSelectedItem()!r}")
    bands.setText("0-50:0 | 60-100:100")
    status = press(buttons[0], texts[-1])
    report.check("Profile panel: bands with a gap are refused, naming it, and nothing is stored",
                 "50" in status and "60" in status and user_property(doc, "pegkit.profile") is None, repr(status))
    bands.setText("0-60:0 | 60-100:pro")
    indicators.selectItemPos(2, True)  # minimo / minimum
    as_of.setText("30/06/2020")
    status = press(buttons[0], texts[-1])
    stored, date = user_property(doc, "pegkit.profile"), user_property(doc, "pegkit.as_of")
    report.check("Profile panel: Save stores the profile and the as-of date in the document",
                 stored == "bands=0-60:0 | 60-100:pro; indicators=min" and date == "2020-06-30"
                 and ("salvato" if it else "saved") in status and "30/06/2020" in status, f"status {status!r}, stored {stored!r}, {date!r}")
    controller = doc.getCurrentController()
    sheet = controller.getActiveSheet()
    controller.select(sheet.getCellRangeByPosition(0, 10, 3, 10))  # sheet row 11, an objective of the sample
    status = press(buttons[2], texts[-1])
    report.check("Profile panel: Mark without a reason is refused, nothing stored",
                 ("motivo" if it else "reason") in status.lower() and user_property(doc, "pegkit.not_assessable") is None,
                 repr(status))
    reason.setText("servizio sospeso (delibera 12/2020)")
    status = press(buttons[2], texts[-1])
    marks = texts[-2].getText()
    report.check("Profile panel: the selected row marked with its reason, listed in the panel",
                 user_property(doc, "pegkit.not_assessable") == f"{sheet.getName()}\t11\tservizio sospeso (delibera 12/2020)\n"
                 and "11" in status and "11 (servizio sospeso" in marks and reason.getText() == "",
                 f"status {status!r}, marks {marks!r}, stored {user_property(doc, 'pegkit.not_assessable')!r}")
    time.sleep(RENDER_WAIT / 2)
    screenshot(display, path)
    status = press(buttons[3], texts[-1])
    report.check("Profile panel: Remove the mark takes it out of the document and the list",
                 user_property(doc, "pegkit.not_assessable") is None
                 and texts[-2].getText() == ("Nessuna riga segnata non valutabile in questo foglio." if it
                                             else "No row marked not assessable on this sheet."), repr(status))
    status = press(buttons[1], texts[-1])
    report.check("Profile panel: Defaults removes them", user_property(doc, "pegkit.profile") is None
                 and user_property(doc, "pegkit.as_of") is None and bands.getText() == "", repr(status))


def summary_button(deck, *labels):
    """(the Summary panel's button labelled one of `labels` or None, the panel's status text), the
    panel expanded."""
    deck.getPanels().getByName("PegkitSummaryPanel").expand(True)
    time.sleep(RENDER_WAIT / 2)
    buttons, texts, _ = panel_controls(deck, "PegkitSummaryPanel")
    return next((b for b in buttons if b.getModel().Label in labels), None), texts[-1]


def use_excel_copy(office, doc, deck, report, lang):
    """The Summary panel's Copy for Excel, pressed: an .xlsx beside the workbook, named in the UI
    language, and the status says where; the workbook is not modified."""
    name = "peg-2020-cm-venezia (valori).xlsx" if lang.startswith("it") else "peg-2020-cm-venezia (values).xlsx"
    out = os.path.join(office.tmp, name)
    modified = doc.isModified()
    button, status_text = summary_button(deck, "Copia per Excel", "Copy for Excel")
    status = press(button, status_text)
    report.check("Summary panel: Copy for Excel writes the .xlsx beside the workbook and says where",
                 os.path.isfile(out) and name in status and doc.isModified() == modified, repr(status))


def use_export_pdf(office, doc, deck, report, lang, artifacts, display):
    """The Summary panel's Export PDF, pressed after a Summary: the summary sheet's PDF beside the
    workbook, named in the UI language, on landscape pages; the workbook is not modified. Its first
    and last (the chart's) pages are rendered into the artifacts, and the chart beside its short
    labels on screen is saved, to be looked at."""
    name = "peg-2020-cm-venezia (riepilogo).pdf" if lang.startswith("it") else "peg-2020-cm-venezia (summary).pdf"
    out = os.path.join(office.tmp, name)
    press(*summary_button(deck, "Crea riepilogo", "Create summary"))  # the summary sheet first
    view = doc.getCurrentController()
    summary = view.getActiveSheet()
    heading = next(r for r, row in enumerate(summary.getCellRangeByName("A1:O60").getDataArray()) if row[0] == "CdR")
    labels = [row[0] for row in summary.getCellRangeByPosition(13, heading, 13, heading + 40).getDataArray()]
    report.check("Summary: the chart's short labels beside the CdR table, under their heading",
                 labels[0] == ("Etichetta nel grafico" if lang.startswith("it") else "Label in the chart")
                 and all(0 < len(t) <= 36 for t in labels[1:labels.index("")]), repr(labels[:4]))
    view.setFirstVisibleColumn(12)
    view.setFirstVisibleRow(0)
    time.sleep(RENDER_WAIT / 2)
    screenshot(display, os.path.join(artifacts, f"summary-chart-{lang}.png"))
    modified = doc.isModified()
    button, status_text = summary_button(deck, "Esporta PDF", "Export PDF")
    if not report.check("Summary panel: an Export PDF button", button is not None):
        return
    status = press(button, status_text)
    info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout if os.path.isfile(out) else ""
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    report.check("Summary panel: Export PDF writes the summary's PDF beside the workbook, landscape, and says where",
                 size is not None and float(size.group(1)) > float(size.group(2)) and name in status
                 and doc.isModified() == modified, f"{status!r} {info[:200]!r}")
    if os.path.isfile(out):
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", "-r80", "-dFirstPage=1", "-dLastPage=1",
                        f"-sOutputFile={os.path.join(artifacts, f'summary-{lang}-page1.png')}", out], timeout=120)
        last = re.search(r"Pages:\s+(\d+)", info).group(1)
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", "-r80", f"-dFirstPage={last}",
                        f"-dLastPage={last}", f"-sOutputFile={os.path.join(artifacts, f'summary-{lang}-chart.png')}", out],
                       timeout=120)


def screenshot(display, path):
    subprocess.run(["import", "-display", display, "-window", "root", path], check=True, timeout=60,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def colours(path, crop=None):
    """Distinct colours of the image (or of a crop `WxH+X+Y`), by ImageMagick."""
    cmd = ["convert", path] + (["-crop", crop, "+repage"] if crop else []) + ["-format", "%k", "info:"]
    return int(subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=60).stdout.strip())


def open_deck_by_shortcut(doc, display, report):
    """Ctrl+Alt+Shift+G (registry/Accelerators.xcu), pressed in the sheet while another deck is
    shown, brings back the PEG deck."""
    decks = doc.getCurrentController().getSidebar().getDecks()
    other = next(name for name in decks.getElementNames() if name != DECK)
    decks.getByName(other).activate(True)
    time.sleep(1.0)
    if not report.check(f"another deck ({other}) shown first", not decks.getByName(DECK).isActive()):
        return
    doc.getCurrentController().getFrame().getComponentWindow().setFocus()
    time.sleep(1.0)
    pressed = subprocess.run(["xdotool", "key", "ctrl+alt+shift+g"], env=dict(os.environ, DISPLAY=display),
                             capture_output=True, text=True)
    deadline, active = time.monotonic() + 10, False
    while not active and time.monotonic() < deadline:
        time.sleep(0.5)
        decks = doc.getCurrentController().getSidebar().getDecks()
        active = decks.hasByName(DECK) and decks.getByName(DECK).isActive()
    report.check("Ctrl+Alt+Shift+G shows the PEG deck", pressed.returncode == 0 and active, pressed.stderr)


def press_f1_on_panel(office, deck, display, report):
    """F1 with a Normalize panel button focused opens the deck's help page at that panel."""
    import test_extension_manager_gui as em  # the help window's frame and page
    deck.getPanels().getByName("PegkitNormalizePanel").expand(True)
    time.sleep(RENDER_WAIT / 2)
    buttons, _, _ = panel_controls(deck, "PegkitNormalizePanel")
    buttons[0].setFocus()
    time.sleep(0.5)
    pressed = subprocess.run(["xdotool", "key", "F1"], env=dict(os.environ, DISPLAY=display),
                             capture_output=True, text=True)
    frame, deadline = None, time.monotonic() + 30
    while frame is None and time.monotonic() < deadline:
        frame = em.help_frame(office)
        time.sleep(0.5)
    time.sleep(3.0)
    page = em.help_document(frame) if frame is not None else None
    url = page.getURL() if page is not None else ""
    report.check("F1 on a panel control opens the deck's help at that panel",
                 pressed.returncode == 0 and "it.pegkit.calc.Deck.Normalize" in url, f"{pressed.stderr} {url}")
    if frame is not None:
        frame.close(True)


def run(args, report):
    missing = [tool for tool in ("Xvfb", "import", "convert", "xdotool", lo.SOFFICE) if shutil.which(tool) is None]
    if not report.check("tools present (Xvfb, ImageMagick, xdotool, soffice)", not missing, f"missing: {missing}"):
        return
    if not report.check("extension built", os.path.isfile(args.oxt), args.oxt):
        return
    os.makedirs(args.artifacts, exist_ok=True)
    shot = os.path.join(args.artifacts, f"sidebar-{args.lang}.png")
    used = os.path.join(args.artifacts, f"sidebar-{args.lang}-used.png")
    for old in (shot, used):
        if os.path.exists(old):
            os.remove(old)

    with Xvfb() as display, VisibleOffice(display, ui_locale=args.lang) as office, Watchdog(office):
        office.install_extension(args.oxt)  # restarts the visible office
        doc = open_sample(office, args.sample)
        sidebar, deck = show_deck(office, doc)
        if not report.check("PEG deck registered and shown", deck is not None,
                            f"decks: {list(sidebar.getDecks().getElementNames())}"):
            return
        time.sleep(RENDER_WAIT)
        report.check("PEG deck active", deck.isActive())
        panels = set(deck.getPanels().getElementNames())
        report.check("three panels in the deck", PANELS <= panels, f"panels: {sorted(panels)}")
        title = deck.getTitle()
        want = "Obiettivi PEG" if args.lang.startswith("it") else "PEG targets"
        report.check(f"deck title in the UI language ({args.lang})", title == want, repr(title))
        screenshot(display, shot)
        use_panels(doc, deck, report)
        time.sleep(RENDER_WAIT / 2)
        screenshot(display, used)
        use_normalize_preview(office, doc, deck, report, display, args.artifacts, args.lang)
        switch_sheets(doc, deck, report, display, args.artifacts, args.lang)
        use_columns_panel(doc, deck, report, display, os.path.join(args.artifacts, f"sidebar-{args.lang}-columns.png"))
        use_profile_panel(doc, deck, report, display, os.path.join(args.artifacts, f"sidebar-{args.lang}-profile.png"), args.lang)
        use_excel_copy(office, doc, deck, report, args.lang)
        use_export_pdf(office, doc, deck, report, args.lang, args.artifacts, display)
        press_f1_on_panel(office, deck, display, report)
        open_deck_by_shortcut(doc, display, report)
        lo.close(doc)

    if not report.check("screenshot saved", os.path.isfile(shot), shot):
        return
    print(f"screenshot: {shot}")
    whole = colours(shot)
    report.check("screenshot is not blank", whole >= 16, f"{whole} colours")
    # The sidebar docks on the right: its strip holds the deck's buttons, lists and texts.
    strip = colours(shot, f"{WIDTH // 4}x{HEIGHT - 200}+{WIDTH - WIDTH // 4}+100")
    report.check("sidebar strip is not uniform", strip >= 8, f"{strip} colours")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--lang", default="it-IT")
    parser.add_argument("--sample", default=SAMPLE)
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
