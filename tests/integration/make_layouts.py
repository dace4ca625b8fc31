"""Workbooks built from the objective-table layouts of published Italian plans.

Every tests/data/layouts/<id>.layout (format in tests/data/layouts/README.md) becomes
<out>/<id>.xlsx and <out>/<id>.ods: one sheet named after the id, the rows as the source shows
them, texts as text (a "100" or "= 45.000" in a plan is what the office typed, so it stays a
string), line breaks as real line breaks, the source's merged ranges merged and the header bold.

    /usr/bin/python3 make_layouts.py --out DIR [--check] [ID ...]
    /usr/bin/python3 make_layouts.py --lint          # the .layout files alone, no office

Tests import read_layout(path) -> {"id", "meta", "expects", "merges", "rows"}.
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LAYOUTS = os.path.normpath(os.path.join(HERE, "..", "data", "layouts"))

META_KEYS = ("source", "administration", "kind", "document", "year", "note")
KINDS = ("Comune", "Provincia", "Città metropolitana", "Regione", "Ministero", "Agenzia", "ASL",
         "Università", "Altro")
COUNTS = ("header_row", "objectives", "indicators", "sections")
COLUMN_ROLES = ("objective", "indicator", "target", "target_other", "cdr", "weight", "actual",
                "attainment", "baseline", "unit", "deadline", "description", "strategic",
                "mission", "programme", "dup_objective")
SHEET_NAME_MAX = 31
CELL_RE = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")


class LayoutError(ValueError):
    pass


def column_index(letters):
    """'A' -> 0, 'AA' -> 26."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - ord("A") + 1)
    return n - 1


def parse_range(text):
    """'A4:A6' -> (first_col, first_row, last_col, last_row), 0-based and inclusive."""
    parts = text.split(":")
    if len(parts) != 2:
        raise LayoutError(f"merge {text!r} is not a range like A4:A6")
    ends = []
    for p in parts:
        m = CELL_RE.match(p.strip())
        if not m:
            raise LayoutError(f"merge {text!r}: {p!r} is not a cell like A4")
        ends.append((column_index(m.group(1)), int(m.group(2)) - 1))
    (c0, r0), (c1, r1) = ends
    if c1 < c0 or r1 < r0 or (c0, r0) == (c1, r1):
        raise LayoutError(f"merge {text!r} does not span two or more cells top-left to bottom-right")
    return c0, r0, c1, r1


def _expect(role, value, where):
    if role in COUNTS:
        if not value.isdigit():
            raise LayoutError(f"{where}: expect {role} must be a number, not {value!r}")
        return int(value)
    if role not in COLUMN_ROLES:
        raise LayoutError(f"{where}: unknown role {role!r}")
    letters = [v.strip() for v in value.split(",")]
    if not all(re.fullmatch(r"[A-Z]{1,3}", v) for v in letters):
        raise LayoutError(f"{where}: expect {role} must be column letters, not {value!r}")
    if role == "target_other":
        return letters
    if len(letters) != 1:
        raise LayoutError(f"{where}: expect {role} takes one column, not {value!r}")
    return letters[0]


def read_layout(path):
    """The layout file as {"id", "meta", "expects", "merges", "rows"}.

    meta: source, administration, kind, document, year (str) and note (lines joined by a space);
    expects: header_row, objectives, indicators, sections as int, target_other as a list of
    letters, every other role as one column letter; merges: A1 ranges as written; rows: lists
    of cell texts, "\\n" in the file turned into a line break. Raises LayoutError on a malformed
    file."""
    ident = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    meta, expects, merges, notes = {}, {}, [], []
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        where = f"{os.path.basename(path)}:{n + 1}"
        body = lines[n][1:].strip()
        n += 1
        if not body:
            continue
        key, sep, value = body.partition(":")
        if not sep:
            raise LayoutError(f"{where}: expected 'key: value', got {body!r}")
        key, value = key.strip(), value.strip()
        if key.startswith("expect "):
            role = key[len("expect "):].strip()
            if role in expects:
                raise LayoutError(f"{where}: expect {role} given twice")
            expects[role] = _expect(role, value, where)
        elif key == "merge":
            merges.extend(v.strip() for v in value.split(",") if v.strip())
        elif key == "note":
            notes.append(value)
        elif key in META_KEYS:
            meta[key] = value
        else:
            raise LayoutError(f"{where}: unknown key {key!r}")
    if notes:
        meta["note"] = " ".join(notes)
    rows = [[c.replace("\\n", "\n") for c in line.split("\t")] for line in lines[n:]]
    return {"id": ident, "meta": meta, "expects": expects, "merges": merges, "rows": rows}


def problems(layout):
    """What is wrong with a layout read by read_layout: missing metadata, roles outside the grid,
    merges over text. [] when it is well formed."""
    out = []
    meta, exp, rows = layout["meta"], layout["expects"], layout["rows"]
    for key in ("source", "administration", "kind", "document", "year"):
        if not meta.get(key):
            out.append(f"no '# {key}:' line")
    if meta.get("kind") and meta["kind"] not in KINDS:
        out.append(f"kind {meta['kind']!r} is not one of {', '.join(KINDS)}")
    if not rows:
        out.append("no rows")
        return out
    width = max(len(r) for r in rows)
    for role in ("header_row", "objectives", "indicators", "sections"):
        if role not in exp:
            out.append(f"no '# expect {role}:' line")
    header = exp.get("header_row", 0)
    if header and not 1 <= header <= len(rows):
        out.append(f"header_row {header} is outside rows 1..{len(rows)}")
    for role in COLUMN_ROLES:
        for letter in ([exp[role]] if isinstance(exp.get(role), str) else exp.get(role) or []):
            c = column_index(letter)
            if c >= width:
                out.append(f"{role} column {letter} is outside the {width} columns")
            elif header and 1 <= header <= len(rows):
                cells = rows[header - 1] + [""] * width
                above = (rows[header - 2] + [""] * width) if header >= 2 else [""] * width
                if not cells[c].strip() and not above[c].strip() and not _covered(layout, c, header - 1):
                    out.append(f"{role} column {letter} has no header text")
    for text in layout["merges"]:
        try:
            c0, r0, c1, r1 = parse_range(text)
        except LayoutError as e:
            out.append(str(e))
            continue
        if r1 >= len(rows) or c1 >= width:
            out.append(f"merge {text} reaches outside the grid")
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0) and c < len(rows[r]) and rows[r][c].strip():
                    out.append(f"merge {text} covers text in row {r + 1}: {rows[r][c]!r}")
    return out


def _covered(layout, col, row):
    """True when a merged range covers (col, row) from elsewhere (a group heading above)."""
    for text in layout["merges"]:
        c0, r0, c1, r1 = parse_range(text)
        if c0 <= col <= c1 and r0 <= row <= r1:
            return True
    return False


def layout_paths(folder=LAYOUTS, ids=()):
    names = sorted(f for f in os.listdir(folder) if f.endswith(".layout"))
    if ids:
        wanted = set(ids)
        names = [f for f in names if os.path.splitext(f)[0] in wanted]
        missing = wanted - {os.path.splitext(f)[0] for f in names}
        if missing:
            raise LayoutError(f"no layout named {', '.join(sorted(missing))} in {folder}")
    return [os.path.join(folder, f) for f in names]


def grid(layout):
    """The rows padded to one width, as setDataArray wants them."""
    width = max(len(r) for r in layout["rows"])
    return [r + [""] * (width - len(r)) for r in layout["rows"]]


def bold_rows(layout):
    """0-based rows to make bold: the header row, the row above it when a merged group heading
    sits there (a two-row header), and every later row repeating the header's texts."""
    header = layout["expects"].get("header_row")
    if not header:
        return []
    out = [header - 1]
    for text in layout["merges"]:
        c0, r0, c1, r1 = parse_range(text)
        if r0 == header - 2 and (c1 > c0 or r1 >= header - 1):
            out.insert(0, header - 2)
            break
    rows = layout["rows"]
    out += [r for r in range(header, len(rows)) if rows[r] == rows[header - 1]]
    return out


def build(office, layout):
    """A new hidden Calc document holding the layout's sheet; returns it."""
    from com.sun.star.awt.FontWeight import BOLD
    doc = office.create()
    sheet = doc.Sheets.getByIndex(0)
    sheet.setName(layout["id"][:SHEET_NAME_MAX])
    data = grid(layout)
    width = len(data[0])
    sheet.getCellRangeByPosition(0, 0, width - 1, len(data) - 1).setDataArray(
        tuple(tuple(r) for r in data))
    for r in bold_rows(layout):
        sheet.getCellRangeByPosition(0, r, width - 1, r).CharWeight = BOLD
    for text in layout["merges"]:
        c0, r0, c1, r1 = parse_range(text)
        sheet.getCellRangeByPosition(c0, r0, c1, r1).merge(True)
    return doc


def save(office, layout, path, flt):
    """The layout built as its source shows it and stored at `path` with filter `flt`; returns `path`."""
    import lo  # the office's modules only where an office runs (--lint needs none)
    doc = build(office, layout)
    try:
        lo.Office.store(doc, path, flt)
    finally:
        lo.close(doc)
    return path


def differences(doc, layout):
    """How a reopened document differs from the layout: texts, merges, sheet name."""
    out = []
    sheet = doc.Sheets.getByIndex(0)
    if sheet.getName() != layout["id"][:SHEET_NAME_MAX]:
        out.append(f"sheet name {sheet.getName()!r}")
    data = grid(layout)
    width = len(data[0])
    got = sheet.getCellRangeByPosition(0, 0, width - 1, len(data) - 1).getDataArray()
    for r, (want_row, got_row) in enumerate(zip(data, got)):
        for c, (want, have) in enumerate(zip(want_row, got_row)):
            if have != want:
                out.append(f"cell row {r + 1} col {c + 1}: {have!r} instead of {want!r}")
    for text in layout["merges"]:
        c0, r0, c1, r1 = parse_range(text)
        if not sheet.getCellRangeByPosition(c0, r0, c1, r1).getIsMerged():
            out.append(f"{text} not merged")
    return out


def lint(paths):
    bad = 0
    for path in paths:
        try:
            found = problems(read_layout(path))
        except LayoutError as e:
            found = [str(e)]
        for p in found:
            print(f"{os.path.basename(path)}: {p}")
        bad += bool(found)
    print(f"{len(paths)} layouts, {bad} with problems")
    return 1 if bad or not paths else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="folder for <id>.xlsx and <id>.ods")
    ap.add_argument("--check", action="store_true", help="reopen every file and compare")
    ap.add_argument("--lint", action="store_true", help="check the .layout files only")
    ap.add_argument("--layouts", default=LAYOUTS, help="folder of .layout files")
    ap.add_argument("ids", nargs="*", help="only these layouts")
    args = ap.parse_args(argv)
    paths = layout_paths(args.layouts, args.ids)
    if args.lint:
        return lint(paths)
    if not args.out:
        ap.error("--out DIR is required (or --lint)")
    if lint(paths):
        return 1
    sys.path.insert(0, HERE)
    import lo
    os.makedirs(args.out, exist_ok=True)
    report = lo.Report()
    with lo.Office() as office:
        for path in paths:
            layout = read_layout(path)
            doc = build(office, layout)
            written = []
            try:
                for ext, flt in (("xlsx", lo.XLSX), ("ods", lo.ODS)):
                    target = os.path.join(args.out, f"{layout['id']}.{ext}")
                    lo.Office.store(doc, target, flt)
                    written.append(target)
            finally:
                lo.close(doc)
            print(f"wrote {' '.join(written)}")
            if args.check:
                for target in written:
                    reopened = office.load(target)
                    try:
                        diff = differences(reopened, layout)
                    finally:
                        lo.close(reopened)
                    report.check(f"{os.path.basename(target)} reopens with the layout's texts "
                                 f"and merges", not diff, "; ".join(diff[:5]))
    if not args.check:
        print(f"{len(paths)} layouts written to {args.out}")
        return 0
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
