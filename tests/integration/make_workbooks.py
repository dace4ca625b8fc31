"""Realistic PEG workbooks built from the Venezia 2020 sample through UNO, at test time.

The sheet looks like the office's own: a title row above the header, the strategic objective
in merged cells, PEG deadlines typed as dates, percent targets typed as percentages, and two
columns the office adds at year end, "Valore raggiunto" and "Peso", filled with illustrative
values (row 2 says so). Sheet row N holds line N of the sample, so sample_findings.tsv lines are
sheet rows. Rows are re-aligned as src/core/text_table.cpp grid_from_rows does.

    rows = sample_rows()                 # [(line, [10 cells])] after re-alignment
    doc = build(office, rows)            # an untitled Calc document (hidden)
    lo.Office.store(doc, path, lo.XLSX)  # or lo.ODS
"""
import datetime
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.environ.get("PEGKIT_SAMPLE",
                        os.path.join(HERE, "..", "..", "..", "shared", "data", "peg-2020-cm-venezia.tsv"))
FINDINGS = os.path.join(HERE, "..", "data", "sample_findings.tsv")

WIDTH = 10          # the sample's header: strategic ... Target (PEG)
ACTUAL, WEIGHT = 10, 11
PEG_TARGET = 9
HEADER_LINE = 3
NULL_DATE = datetime.date(1899, 12, 30)
DATE_RE = re.compile(r"^\s*(\d{2})/(\d{2})/(20\d{2})\s*$")
PERCENT_RE = re.compile(r"^\s*(\d+(?:,\d+)?)\s*%\s*$")
FACTORS = (1.0, 0.9, 0.5)   # illustrative actual / target for percent targets, by line % 3


def _is_separator(row):
    cells = [c for c in row if c]
    return bool(cells) and all(re.fullmatch(r"[- :]*-[- :]*", c) for c in cells)


def _realign(row, width):
    """grid_from_rows's repair of an extracted row (text_table.cpp, realign)."""
    if all(not c for c in row):
        return row
    row = list(row)
    while len(row) > width + 1:
        start = len(row) - 3 if len(row) >= 3 else 0
        stray = next((i for i in range(len(row) - 1, start - 1, -1) if not row[i]), None)
        if stray is None:
            break
        del row[stray]
    if len(row) == width + 1:
        if row[0].isdigit() or (not row[0] and not row[1]) or row[-1]:
            joined = row[1] if not row[0] else row[0] if not row[1] else row[0] + " " + row[1]
            row = [joined] + row[2:]
        else:
            row.pop()
    elif len(row) + 1 == width:
        row.insert(0, "")
    return row


def sample_rows():
    """[(line, cells)] for every line of the sample, separators emptied, rows re-aligned."""
    with open(SAMPLE, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    for n, text in enumerate(lines, start=1):
        row = text.split("\t") if text else []
        if _is_separator(row):
            row = []
        elif n > HEADER_LINE:
            row = _realign(row, WIDTH)
        out.append((n, (row + [""] * WIDTH)[:WIDTH]))
    return out


def blank(text):
    return not re.sub(r"<[^>]*>|&nbsp;|\s|\u00a0", "", text or "")


def typed_target(text):
    """('date', serial) | ('percent', fraction) | None for a PEG target cell."""
    m = DATE_RE.match(text)
    if m:
        d = datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return "date", float((d - NULL_DATE).days)
    m = PERCENT_RE.match(text)
    if m:
        return "percent", float(m.group(1).replace(",", ".")) / 100
    return None


def illustrative(line, typed):
    """(actual, attainment) for a typed PEG target; (None, None) otherwise (not assessed)."""
    if typed is None:
        return None, None
    kind, value = typed
    if kind == "date":
        late = line % 5 == 0
        return value + (15 if late else -3), 0.0 if late else 1.0
    if value <= 0:
        return None, None
    factor = FACTORS[line % 3]
    return value * factor, min(factor, 1.0)


def weight(line):
    return float(1 + line % 3)


def objective_lines(rows):
    """Lines that are objectives: after the header, not blank (separators are already blank)."""
    return [n for n, cells in rows if n > HEADER_LINE and not all(blank(c) for c in cells)]


def _format_key(doc, code):
    from com.sun.star.lang import Locale
    formats = doc.getNumberFormats()
    loc = Locale("it", "IT", "")
    key = formats.queryKey(code, loc, False)
    return key if key != -1 else formats.addNew(code, loc)


def build(office, rows=None):
    """A new hidden Calc document holding the workbook; returns it."""
    import lo
    rows = rows or sample_rows()
    doc = office.create()
    sheet = lo.sheet(doc)
    sheet.setName("PEG 2020")
    n_rows = rows[-1][0]
    data = [[""] * (WIDTH + 2) for _ in range(n_rows)]
    data[0][0] = "Piano Esecutivo di Gestione 2020 - Città metropolitana di Venezia"
    data[1][0] = "Colonne Valore raggiunto e Peso: valori illustrativi, non tratti dal PEG"
    typed = {}
    objectives = set(objective_lines(rows))
    for n, cells in rows:
        r = n - 1
        for c, v in enumerate(cells):
            data[r][c] = v
        if n == HEADER_LINE:
            data[r][ACTUAL], data[r][WEIGHT] = "Valore raggiunto", "Peso"
        if n in objectives:
            t = typed_target(cells[PEG_TARGET])
            if t:
                typed[n] = t
                data[r][PEG_TARGET] = t[1]
            actual, _ = illustrative(n, t)
            data[r][ACTUAL] = "" if actual is None else actual
            data[r][WEIGHT] = weight(n)
    sheet.getCellRangeByPosition(0, 0, WIDTH + 1, n_rows - 1).setDataArray(tuple(tuple(r) for r in data))

    date_key = _format_key(doc, "DD/MM/YYYY")
    pct_key = _format_key(doc, "0%")
    for n, (kind, _) in typed.items():
        key = date_key if kind == "date" else pct_key
        for col in (PEG_TARGET, ACTUAL):
            sheet.getCellByPosition(col, n - 1).NumberFormat = key

    # the title across the table; the strategic objective merged over its block
    sheet.getCellRangeByPosition(0, 0, WIDTH + 1, 0).merge(True)
    by_line = dict(rows)
    n = HEADER_LINE + 1
    while n <= n_rows:
        if n in objectives and not blank(by_line[n][0]):
            end = n
            while end + 1 in objectives and blank(by_line[end + 1][0]):
                end += 1
            if end > n:
                sheet.getCellRangeByPosition(0, n - 1, 0, end - 1).merge(True)
            n = end + 1
        else:
            n += 1
    return doc


def expected_errors():
    """{(line, column name, code)} of the error findings in tests/data/sample_findings.tsv."""
    out = set()
    with open(FINDINGS, encoding="utf-8") as f:
        for text in f:
            if text.startswith("#") or text.startswith("line\t"):
                continue
            parts = text.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[2] == "error":
                out.add((int(parts[0]), parts[1], parts[3]))
    return out


if __name__ == "__main__":
    import sys
    sys.path.insert(0, HERE)
    import lo
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/peg-fixture"
    with lo.Office() as office:
        d = build(office)
        lo.Office.store(d, out + ".ods", lo.ODS)
        lo.Office.store(d, out + ".xlsx", lo.XLSX)
        lo.close(d)
    print("wrote", out + ".ods", out + ".xlsx")
