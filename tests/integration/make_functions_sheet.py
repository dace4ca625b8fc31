#!/usr/bin/python3
"""Writes functions.fods: a self-checking spreadsheet for the pegkit sheet functions, in the style of
LibreOffice's own sc/qa/unit/data/functions/*/fods (a formula beside its expected value and a check).

Layout of the sheet "Functions":
  row 1   A1 "Result"  B1 =AND(all checks)   C1 "Failing"  D1 =COUNTIF(checks; FALSE())
  row 3   headers: Case | Formula | Result | Expected | Check | F..J inputs | L.. array results
  row 4.. one case per row: the formula as text (B), the live formula (C), the expected value (D),
          the check (E), the typed input cells the formula reads (F..J). An array formula sits in
          L.. and each of its elements is a case row whose Result is a reference to that element.

Expected values are TARGETS.md §2-§6 and the independent oracle tables in tests/data; they are typed
here by hand, never computed by pegkit. Run: /usr/bin/python3 make_functions_sheet.py [out.fods]
"""
import datetime as dt
import os
import re
import sys
from xml.sax.saxutils import escape

SERVICE = "it.pegkit.calc.Functions"
METHODS = {
    "CHECK": "getCheck", "VALID": "getValid", "KIND": "getKind", "OP": "getOp", "VALUE": "getValue",
    "UNIT": "getUnit", "NORM": "getNorm", "CLEAN": "getClean", "CODE": "getCode", "LABEL": "getLabel",
    "ATTAIN": "getAttain", "MET": "getMet", "SCORE": "getScore",
}
FIRST_ROW = 4
INPUT_COLS = "FGHIJ"
ARRAY_COL = 12  # L


class Pct(float):
    """A percent-formatted number cell."""


class Formula(str):
    """An input cell holding a formula (an error, an empty text result), in ODFF: "of:=1/0"."""


class _Marker:
    def __init__(self, label):
        self.label = label


EMPTY = _Marker("(empty)")          # empty text result (ATTAIN of an empty actual, OP of conformita)
ERROR = _Marker("(error value)")    # Err:502, #VALUE! or any error
NONEMPTY = _Marker("(non-empty text)")  # a diagnostic


def lit(text):
    """A formula string literal."""
    return '"' + text.replace('"', '""') + '"'


class Case:
    def __init__(self, name, formula, expected, inputs=(), array=None):
        self.name = name
        self.formula = formula          # English names, ';' separators, '.' decimals, <F> placeholders
        self.expected = expected        # one value, or a row-major list for an array
        rows = list(inputs)
        if rows and not isinstance(rows[0], (list, tuple)):
            rows = [rows]               # one row of inputs
        self.inputs = rows
        self.array = array              # (rows, cols) of the array result, or None

    def height(self):
        n = len(self.expected) if self.array else 1
        return max(n, len(self.inputs), 1)


CASES = []


def case(name, formula, expected, inputs=(), array=None):
    CASES.append(Case(name, formula, expected, inputs, array))


D = dt.date

# ---------------------------------------------------------------- PEG.KIND: every kind, real texts
for text, kind in [
    ("31/12/2020", "scadenza"),
    ("Entro il 30/11/2020", "scadenza"),
    ("entro il 01/12/2020", "scadenza"),
    ("Entro febbraio 2020", "scadenza"),
    ("Report conclusivo entro il 16.12.2020", "scadenza"),
    ("entro il 31/07/2020  (salvo eventuale proroga autorizzata dalla PCM)", "scadenza"),
    ("<b>31/07/2020</b>", "scadenza"),
    ("Entro giugno 2020", "scadenza"),
    ("31 dicembre 2020", "scadenza"),
    ("2020-12-31", "scadenza"),
    (">= 80%", "soglia"),
    ("< =5 giorni", "soglia"),
    ("Almeno 3", "soglia"),
    ("100,00%", "soglia"),
    (">€9,000,000", "soglia"),
    ("almeno 9.000.000,00", "soglia"),
    ("≥ 31.000", "soglia"),
    ("n. 6", "soglia"),
    ("Zero anomalie", "soglia"),
    ("2 incontri nell'anno", "soglia"),
    (">= 9 mln di euro", "soglia"),
    ("€ 51.294,82 annui", "soglia"),
    ("Entro 20 giorni", "soglia"),
    ("<b>Rispetto n.8 scadenze</b>", "soglia"),
    ("Entrate correnti - spese correnti e rimborso prestiti > 9 mln di euro", "soglia"),
    ("Almeno una direttiva/atto di indirizzo trasmesso alla società", "soglia"),
    ("entro 15 giorni dalla richiesta da parte dell'organo della Città Metropolitana", "termine_relativo"),
    ("Entro 10 gg dal rilascio del software da parte della società realizzatrice", "termine_relativo"),
    ("7 giorni di calendario prima della scadenza fissata dalla normativa vigente", "termine_relativo"),
    ("un giorno prima della scadenza fissata dalla Corte dei Conti", "termine_relativo"),
    ("Almeno un giorno prima della scadenza prevista dal MEF", "termine_relativo"),
    ("Rispetto scadenza prevista", "conformita"),
    ("Rispetto di tutte le scadenze previste", "conformita"),
    ("Scadenza di legge", "conformita"),
    ("termine di legge", "conformita"),
    ("rispetto cronoprogramma", "conformita"),
    ("Entro i termini di legge", "conformita"),
    ("Rispetto termine di legge (art. 6 D.Lgs. 33/2013)", "conformita"),
    ("Almeno 300 associazioni iscritte e 1.500 voucher emessi", "composto"),
    ("Almeno una revisione entro il 31/12/2020", "composto"),
    ("-", "vuoto"),
    ("n.d.", "vuoto"),
    ("N/A", "vuoto"),
    ("02/01/1900", "non_valido"),
    ("00/01/1900", "non_valido"),
    ("<= 140, 55 giorni", "non_valido"),
    ("31/02/2020", "non_valido"),
    (">= abc", "non_valido"),
    ("Da settembre 2020", "non_valido"),
    ("Miglioramento del servizio", "non_valido"),
    ("2020- prima elaborazione del questionario…; 2021…", "non_valido"),
]:
    case(f"KIND {kind}", f"=PEG.KIND({lit(text)})", kind)
# the same texts typed in cells rather than in the formula
case("KIND text cell", "=PEG.KIND(<F>)", "soglia", [">= 80%"])
case("KIND text cell with line break", "=PEG.KIND(<F>)", "scadenza", ["Entro il\n31/12/2020"])
case("KIND empty cell", "=PEG.KIND(<F>)", "vuoto", [None])
# A date cell reaches a function as a plain number: a day of 2000-2099 is read as a deadline.
case("KIND date-formatted cell", "=PEG.KIND(<F>)", "scadenza", [D(2020, 12, 31)])
case("VALUE date-formatted cell", "=PEG.VALUE(<F>)-DATE(2020;12;31)", 0.0, [D(2020, 12, 31)])
case("NORM date-formatted cell", "=PEG.NORM(<F>)", "entro il 31/12/2020", [D(2020, 12, 31)])
case("ATTAIN date-formatted target, on time", "=PEG.ATTAIN(<F>; <G>)", 1.0, [D(2020, 12, 31), D(2020, 12, 15)])
case("ATTAIN date-formatted target, late", "=PEG.ATTAIN(<F>; <G>)", 0.0, [D(2020, 12, 31), D(2021, 1, 10)])
case("KIND number 550000 stays a count", "=PEG.KIND(<F>)", "soglia", [550000])
case("VALID empty cell", "=PEG.VALID(<F>)", False, [None])
case("CHECK empty cell names the missing target", "=LEN(PEG.CHECK(<F>))>0", True, [None])
case("KIND number cell", "=PEG.KIND(<F>)", "soglia", [3])
case("KIND percent cell", "=PEG.KIND(<F>)", "soglia", [Pct(0.8)])
case("KIND number literal", "=PEG.KIND(12)", "soglia")
# Zero as a target (docs/decisions.md): in a range a 0 cell is "= 0" and an empty cell empty, as in
# the sheet checks; a lone 0 is what Calc also passes for an empty cell, so it stays empty and
# PEG.CHECK says how to write a zero target (its message names "= 0" in both languages).
case("KIND range: 0 is soglia, empty is vuoto", "=PEG.KIND(<F:F+1>)", ["soglia", "vuoto"], [[0], [None]], array=(2, 1))
case("OP range: 0 is =", "=PEG.OP(<F:F+1>)", ["=", ">="], [[0], [3]], array=(2, 1))
case("NORM range: 0 is = 0", "=PEG.NORM(<F:F+1>)", ["= 0", EMPTY], [[0], [None]], array=(2, 1))
case("VALID range: 0 valid, empty not", "=PEG.VALID(<F:F+1>)", [True, False], [[0], [None]], array=(2, 1))
case("ATTAIN range: target 0 met and missed", "=PEG.ATTAIN(<F:F+1>; <G:G+1>)", [1.0, 0.0], [[0, 0], [0, 2]],
     array=(2, 1))
case("KIND text 0", '=PEG.KIND("0")', "soglia")
case("OP text 0", '=PEG.OP("0")', "=")
case("KIND lone 0 cell stays vuoto", "=PEG.KIND(<F>)", "vuoto", [0])
case("VALID lone 0 cell is not a target", "=PEG.VALID(<F>)", False, [0])
case("CHECK lone 0 cell says how to write zero", '=ISNUMBER(SEARCH("= 0";PEG.CHECK(<F>)))', True, [0])
case("CHECK empty cell: the same explanation", '=PEG.CHECK(<F>)=PEG.CHECK(<G>)', True, [0, None])

# ---------------------------------------------------------------- PEG.OP
for text, op in [
    (">= 80%", ">="), ("< =5 giorni", "<="), (">€9,000,000", ">"), ("< 3 giorni", "<"),
    ("Zero anomalie", "="), ("nessuna anomalia", "="), ("31/12/2020", "<="), ("Almeno 3", ">="),
    ("8 giorni", "<="), ("non oltre 5 giorni", "<="), ("più di 10", ">"),
    ("7 giorni di calendario prima della scadenza fissata dalla normativa vigente", ">="),
    ("entro 15 giorni dalla richiesta da parte dell'organo della Città Metropolitana", "<="),
]:
    case(f"OP {op}", f"=PEG.OP({lit(text)})", op)
case("OP conformita is empty", '=PEG.OP("Rispetto scadenza prevista")', EMPTY)
case("OP composto, part omitted", '=PEG.OP("Almeno una revisione entro il 31/12/2020")', ">=")
case("OP composto, part 2", '=PEG.OP("Almeno una revisione entro il 31/12/2020"; 2)', "<=")
case("OP number cell", "=PEG.OP(<F>)", ">=", [3])

# ---------------------------------------------------------------- PEG.VALUE
for text, value in [
    (">= 80%", 0.8),
    ("100,00%", 1.0),
    ("Entro febbraio 2020", D(2020, 2, 29)),
    ("31/12/2020", D(2020, 12, 31)),
    ("Report conclusivo entro il 16.12.2020", D(2020, 12, 16)),
    ("entro dicembre 2020", D(2020, 12, 31)),
    ("gennaio 2020 - dicembre 2022", D(2022, 12, 31)),
    (">€9,000,000", 9000000.0),
    ("almeno 9.000.000,00", 9000000.0),
    ("≥ 31.000", 31000.0),
    ("< =37,41 giorni", 37.41),
    ("€ 51.294,82 annui", 51294.82),
    (">= 9 mln di euro", 9000000.0),
    ("almeno 1,5 mln €", 1500000.0),
    ("50 mila euro", 50000.0),
    ("600 000 000", 600000000.0),
    ("dieci sopralluoghi", 10.0),
    ("Zero anomalie", 0.0),
    ("7 giorni di calendario prima della scadenza fissata dalla normativa vigente", 7.0),
    ("entro 15 giorni dalla richiesta da parte dell'organo della Città Metropolitana", 15.0),
]:
    case("VALUE " + text[:30], f"=PEG.VALUE({lit(text)})", value)
case("VALUE conformita is empty", '=PEG.VALUE("Rispetto scadenza prevista")', EMPTY)
case("VALUE composto, part omitted", '=PEG.VALUE("Almeno 300 associazioni iscritte e 1.500 voucher emessi")', 300.0)
case("VALUE composto, part 2", '=PEG.VALUE("Almeno 300 associazioni iscritte e 1.500 voucher emessi"; 2)', 1500.0)
case("VALUE composto deadline part", '=PEG.VALUE("Almeno una revisione entro il 31/12/2020"; 2)', D(2020, 12, 31))
case("VALUE date cell", "=PEG.VALUE(<F>)", D(2020, 12, 31), [D(2020, 12, 31)])
case("VALUE percent cell", "=PEG.VALUE(<F>)", 0.8, [Pct(0.8)])
case("VALUE number cell", "=PEG.VALUE(<F>)", 3.0, [3])
case("VALUE equals DATE()", '=PEG.VALUE("Entro febbraio 2020")=DATE(2020;2;29)', True)
case("VALUE invalid is an error", '=PEG.VALUE("31/02/2020")', ERROR)

# ---------------------------------------------------------------- PEG.UNIT
for text, unit in [
    (">= 80%", "%"), ("< =5 giorni", "giorni"), ("<= 7 giorni lavorativi", "giorni"),
    ("Entro 10 gg dal rilascio del software da parte della società realizzatrice", "giorni"),
    (">€9,000,000", "EUR"), ("almeno 10.000 euro", "EUR"), ("31/12/2020", "data"),
    ("entro 48 ore dalla segnalazione", "ore"), ("<= 2 anni", "anni"),
    ("Almeno 3", EMPTY), ("2 incontri nell'anno", EMPTY), (">= 5 MW", EMPTY),
]:
    case(f"UNIT {unit if isinstance(unit, str) else 'none'}", f"=PEG.UNIT({lit(text)})", unit)
case("UNIT composto part 1", '=PEG.UNIT("Almeno una revisione entro il 31/12/2020"; 1)', EMPTY)
case("UNIT composto part 2", '=PEG.UNIT("Almeno una revisione entro il 31/12/2020"; 2)', "data")

# ---------------------------------------------------------------- PEG.NORM
for text, norm in [
    (">= 80%", "≥ 80%"),
    ("Almeno l'80%", "≥ 80%"),
    ("< =5 giorni", "≤ 5 giorni"),
    ("entro 5 gg", "≤ 5 giorni"),
    ("<= 7 gg lavorativi", "≤ 7 giorni lavorativi"),
    ("< =37,41 giorni", "≤ 37,41 giorni"),
    ("31/12/2020", "entro il 31/12/2020"),
    ("Entro dicembre 2020", "entro il 31/12/2020"),
    ("Entro febbraio 2020", "entro il 29/02/2020"),
    ("almeno 9.000.000,00 €", "≥ 9.000.000 €"),
    (">€9,000,000", "> 9.000.000 €"),
    ("Zero anomalie", "= 0 anomalie"),
    ("2 incontri nell'anno", "≥ 2 incontri"),
    ("n. 6", "≥ 6"),
    ("Almeno 300 associazioni iscritte e 1.500 voucher emessi", "≥ 300 associazioni e ≥ 1.500 voucher"),
    ("<b>Rispetto scadenza prevista</b>", "Rispetto scadenza prevista"),
]:
    case("NORM " + text[:30], f"=PEG.NORM({lit(text)})", norm)
case("NORM is idempotent", '=PEG.NORM(PEG.NORM(">= 9 mln di euro"))', "≥ 9.000.000 €")

# ---------------------------------------------------------------- PEG.CLEAN
for text, clean in [
    ("<b>Obiettivo routinario</b>", "Obiettivo routinario"),
    ("4 – Istruzione e diritto allo studio", "4 - Istruzione e diritto allo studio"),
    ("05 — Braga", "05 - Braga"),
    ("  Rispetto  scadenza prevista  ", "Rispetto scadenza prevista"),
    ("&nbsp;30/06/2020&nbsp;", "30/06/2020"),
    ("Salute &amp; sicurezza", "Salute & sicurezza"),
    ("Citt&agrave; metropolitana", "Città metropolitana"),
    ("“Piattaforma”", '"Piattaforma"'),
    ("Almeno\u00a03", "Almeno 3"),
    ("< =5 giorni", "< =5 giorni"),
]:
    case("CLEAN " + text[:30], f"=PEG.CLEAN({lit(text)})", clean)
case("CLEAN line break in a cell", "=PEG.CLEAN(<F>)", "prima riga seconda riga", ["prima riga\nseconda riga"])
case("CLEAN CHAR(10)", '=PEG.CLEAN("riga"&CHAR(10)&"nuova")', "riga nuova")
case("CLEAN is idempotent", '=PEG.CLEAN(PEG.CLEAN("<b> a  –  b </b>"))', "a - b")

# ---------------------------------------------------------------- PEG.CODE / PEG.LABEL
for text, code, label in [
    ("50 - Direttore generale (Direzione Generale)", 50, "Direttore generale (Direzione Generale)"),
    ("01-Organismi istituzionali", 1, "Organismi istituzionali"),
    ("4 – Istruzione e diritto allo studio", 4, "Istruzione e diritto allo studio"),
    ("12 Agrondi (Area Lavori pubblici - Servizio edilizia)", 12, "Agrondi (Area Lavori pubblici - Servizio edilizia)"),
    ("04 -Dirigente (Affari generali)", 4, "Dirigente (Affari generali)"),
    ("99 - Segretario generale (segreteria generale)", 99, "Segretario generale (segreteria generale)"),
    ("<b>11- Soccorso civile</b>", 11, "Soccorso civile"),
]:
    case(f"CODE {code}", f"=PEG.CODE({lit(text)})", float(code))
    case(f"LABEL {code}", f"=PEG.LABEL({lit(text)})", label)
case("CODE from a cell", "=PEG.CODE(<F>)", 1.0, ["01 - Servizi istituzionali, generali e di gestione"])
case("LABEL without code", '=PEG.LABEL("Oltre i confini metropolitani")', "Oltre i confini metropolitani")

# ---------------------------------------------------------------- PEG.ATTAIN
REL7 = "7 giorni di calendario prima della scadenza fissata dalla normativa vigente"
REL15 = "entro 15 giorni dalla richiesta da parte dell'organo della Città Metropolitana"
REL1 = "un giorno prima della scadenza fissata dalla Corte dei Conti"
CONF = "Rispetto scadenza prevista"
COMP = "Almeno 300 associazioni iscritte e 1.500 voucher emessi, totale previsti 1.800"
COMP2 = "Almeno 300 associazioni iscritte e 1500 voucher emessi"
REV = "Almeno una revisione entro il 31/12/2020"
late10 = 1 - 10 / 30
# soglia >=
case("ATTAIN >= 80% number cell", '=PEG.ATTAIN(">= 80%"; <F>)', 0.9, [0.72])
# The actual is a reference: only through one does the add-in see an empty cell as empty.
case("ATTAIN literal actual is refused", '=ISERROR(PEG.ATTAIN(">= 80%"; 0.72))', True)
case("ATTAIN >= 80% percent cell", '=PEG.ATTAIN(">= 80%"; <F>)', 0.9, [Pct(0.72)])
case("ATTAIN >= 80% 72 typed", '=PEG.ATTAIN(">= 80%"; <F>)', 0.9, [72])
case("ATTAIN >= 80% text 72%", '=PEG.ATTAIN(">= 80%"; <F>)', 0.9, ["72%"])
case("ATTAIN >= 80% over, capped at 1", '=PEG.ATTAIN(">= 80%"; <F>)', 1.0, [Pct(0.85)])
case("ATTAIN target and actual in cells", "=PEG.ATTAIN(<F>; <G>)", 0.9, [">= 80%", Pct(0.72)])
case("ATTAIN rule cap=1.2", '=PEG.ATTAIN(">= 80%"; <F>; "cap=1.2")', 1.2, [Pct(0.96)])
case("ATTAIN rule in a cell", "=PEG.ATTAIN(<F>; <G>; <H>)", 1.2, ["Almeno 3", 4, "cap=1.2"])
case("ATTAIN Almeno 3", '=PEG.ATTAIN("Almeno 3"; <F>)', 2 / 3, [2])
case("ATTAIN n. 6", '=PEG.ATTAIN("n. 6"; <F>)', 0.5, [3])
case("ATTAIN > 9,000,000 EUR", '=PEG.ATTAIN(">€9,000,000"; <F>)', 0.9, [8100000])
case("ATTAIN ≥ 31.000 text actual", '=PEG.ATTAIN("≥ 31.000"; <F>)', 0.9, ["27.900"])
case("ATTAIN bare amount", '=PEG.ATTAIN("€ 51.294,82 annui"; <F>)', 0.9, [46165.338])
case("ATTAIN rule dir=lower, over", '=PEG.ATTAIN("€ 51.294,82 annui"; <F>; "dir=lower")', 51294.82 / 60000, [60000])
case("ATTAIN rule dir=lower, under", '=PEG.ATTAIN("€ 51.294,82 annui"; <F>; "dir=lower")', 1.0, [40000])
case("ATTAIN rule dir=higher", '=PEG.ATTAIN("€ 51.294,82 annui"; <F>; "dir=higher")', 1.0, [60000])
# soglia <=
case("ATTAIN < =5 giorni missed", '=PEG.ATTAIN("< =5 giorni"; <F>)', 0.625, [8])
case("ATTAIN < =5 giorni met", '=PEG.ATTAIN("< =5 giorni"; <F>)', 1.0, [5])
case("ATTAIN rule lower=linear", '=PEG.ATTAIN("< =5 giorni"; <F>; "lower=linear")', 0.4, [8])
case("ATTAIN rule lower=linear floor", '=PEG.ATTAIN("< =5 giorni"; <F>; "lower=linear")', 0.0, [12])
case("ATTAIN rules joined", '=PEG.ATTAIN("< =5 giorni"; <F>; "cap=1.2; lower=linear")', 0.4, [8])
case("ATTAIN < 3 giorni", '=PEG.ATTAIN("< 3 giorni"; <F>)', 0.5, [6])
case("ATTAIN <= 5% percent cell", '=PEG.ATTAIN("<= 5%"; <F>)', 0.5, [Pct(0.1)])
# soglia =
case("ATTAIN Zero anomalie met", '=PEG.ATTAIN("Zero anomalie"; <F>)', 1.0, [0])
case("ATTAIN Zero anomalie missed", '=PEG.ATTAIN("Zero anomalie"; <F>)', 0.0, [2])
# scadenza
case("ATTAIN deadline date cell on time", '=PEG.ATTAIN("31/12/2020"; <F>)', 1.0, [D(2020, 12, 15)])
case("ATTAIN deadline same day", '=PEG.ATTAIN("31/12/2020"; <F>)', 1.0, [D(2020, 12, 31)])
case("ATTAIN deadline late", '=PEG.ATTAIN("31/12/2020"; <F>)', 0.0, [D(2021, 1, 10)])
case("ATTAIN rule late=30", '=PEG.ATTAIN("31/12/2020"; <F>; "late=30")', late10, [D(2021, 1, 10)])
case("ATTAIN rule late=30 DATE()", '=PEG.ATTAIN("31/12/2020"; <F>; "late=30")', late10, [D(2021, 1, 10)])
case("ATTAIN rules cap and late", '=PEG.ATTAIN("31/12/2020"; <F>; "cap=1.2; late=30")', late10, [D(2021, 1, 10)])
case("ATTAIN late=30 floor", '=PEG.ATTAIN("31/12/2020"; <F>; "late=30")', 0.0, [D(2021, 3, 1)])
case("ATTAIN febbraio late=30", '=PEG.ATTAIN("Entro febbraio 2020"; <F>; "late=30")', 1 - 1 / 30, [D(2020, 3, 1)])
case("ATTAIN deadline TRUE()", '=PEG.ATTAIN("31/12/2020"; <F>)', 1.0, [True])
case("ATTAIN deadline boolean cell", '=PEG.ATTAIN("31/12/2020"; <F>)', 0.0, [False])
case("ATTAIN deadline text date", '=PEG.ATTAIN("Entro il 30/11/2020"; <F>)', 0.0, ["15/12/2020"])
# termine_relativo
case("ATTAIN relative >= days before", f"=PEG.ATTAIN({lit(REL7)}; <F>)", 5 / 7, [5])
case("ATTAIN relative >= cap", f'=PEG.ATTAIN({lit(REL7)}; <F>; "cap=1.2")', 1.2, [10])
case("ATTAIN relative 1 day before", f"=PEG.ATTAIN({lit(REL1)}; <F>)", 1.0, [3])
case("ATTAIN relative <= days taken", f"=PEG.ATTAIN({lit(REL15)}; <F>)", 0.75, [20])
case("ATTAIN relative <= linear", f'=PEG.ATTAIN({lit(REL15)}; <F>; "lower=linear")', 2 - 20 / 15, [20])
# conformita
case("ATTAIN conformita sì", f'=PEG.ATTAIN({lit(CONF)}; <F>)', 1.0, ["sì"])
case("ATTAIN conformita no", f'=PEG.ATTAIN({lit(CONF)}; <F>)', 0.0, ["no"])
case("ATTAIN conformita non rispettato", f'=PEG.ATTAIN({lit(CONF)}; <F>)', 0.0, ["non rispettato"])
case("ATTAIN conformita TRUE cell", f"=PEG.ATTAIN({lit(CONF)}; <F>)", 1.0, [True])
case("ATTAIN conformita FALSE()", f"=PEG.ATTAIN({lit(CONF)}; <F>)", 0.0, [False])
case("ATTAIN conformita 1", f"=PEG.ATTAIN({lit(CONF)}; <F>)", 1.0, [1])
# composto: one actual per part, as a range
case("ATTAIN composto row range", f"=PEG.ATTAIN({lit(COMP)}; <F:G>)", 0.9, [240, 1500])
case("ATTAIN composto compound=min", f'=PEG.ATTAIN({lit(COMP)}; <F:G>; "compound=min")', 0.8, [240, 1500])
case("ATTAIN composto cap", f'=PEG.ATTAIN({lit(COMP2)}; <F:G>; "cap=1.2")', 1.1, [360, 1500])
case("ATTAIN composto column range", f"=PEG.ATTAIN({lit(COMP2)}; <F:F+1>)", 0.9, [[240], [1500]])
case("ATTAIN composto count and date", f"=PEG.ATTAIN({lit(REV)}; <F:G>)", 0.5, [0, D(2020, 12, 15)])
case("ATTAIN composto late=30", f'=PEG.ATTAIN({lit(REV)}; <F:G>; "late=30")', (1 + late10) / 2,
     [1, D(2021, 1, 10)])
# empty actual: not assessed, empty result, never 0
case("ATTAIN empty actual", '=PEG.ATTAIN(">= 80%"; <F>)', EMPTY, [None])
case("ATTAIN empty actual as a 1-cell range", '=PEG.ATTAIN(">= 80%"; <F:F>)', EMPTY, [None])
case("ATTAIN empty actual deadline", '=PEG.ATTAIN("31/12/2020"; <F>; "late=30")', EMPTY, [None])
case("ATTAIN empty actual composto", f"=PEG.ATTAIN({lit(COMP2)}; <F:G>)", EMPTY, [None, None])
case("ATTAIN empty actual is not 0", '=ISNUMBER(PEG.ATTAIN(">= 80%"; <F>))', False, [None])
# errors
case("ATTAIN invalid target", '=ISERROR(PEG.ATTAIN("02/01/1900"; <F>))', True, [2])
case("ATTAIN invalid target (value)", '=PEG.ATTAIN("<= 140, 55 giorni"; <F>)', ERROR, [100])
case("ATTAIN bad actual", '=PEG.ATTAIN(">= 80%"; <F>)', ERROR, ["abc"])
case("ATTAIN bad conformita actual", f'=PEG.ATTAIN({lit(CONF)}; <F>)', ERROR, ["forse"])
case("ATTAIN composto wrong part count", f"=PEG.ATTAIN({lit(COMP2)}; <F>)", ERROR, [240])
case("ATTAIN bad rule", '=PEG.ATTAIN(">= 80%"; <F>; "cap=abc")', ERROR, [0.72])
# an error in the actual cell is passed on, as Calc's own functions do (ERROR.TYPE: 2 is #DIV/0!, 7 #N/A)
case("ATTAIN #DIV/0! actual stays #DIV/0!", '=ERROR.TYPE(PEG.ATTAIN(">= 80%"; <F>))', 2.0, [Formula("of:=1/0")])
case("ATTAIN #N/A actual stays #N/A", '=ERROR.TYPE(PEG.ATTAIN(">= 80%"; <F>))', 7.0, [Formula("of:=NA()")])
case("ATTAIN error in one part of composto", f"=ERROR.TYPE(PEG.ATTAIN({lit(COMP2)}; <F:G>))", 2.0,
     [240, Formula("of:=1/0")])
case("ATTAIN empty text actual is not assessed", '=PEG.ATTAIN(">= 80%"; <F>)', EMPTY, [Formula('of:=""')])
case("MET #DIV/0! actual stays #DIV/0!", '=ERROR.TYPE(PEG.MET(">= 80%"; <F>))', 2.0, [Formula("of:=1/0")])

# ---------------------------------------------------------------- PEG.MET
case("MET percent reached", '=PEG.MET(">= 80%"; <F>)', True, [Pct(0.8)])
case("MET percent missed", '=PEG.MET(">= 80%"; <F>)', False, [Pct(0.79)])
case("MET strict > at equality", '=PEG.MET(">€9,000,000"; <F>)', False, [9000000])
case("MET < 3 giorni", '=PEG.MET("< 3 giorni"; <F>)', True, [2])
case("MET deadline on the day", '=PEG.MET("31/12/2020"; <F>)', True, [D(2020, 12, 31)])
case("MET deadline a day late", '=PEG.MET("31/12/2020"; <F>)', False, [D(2021, 1, 1)])
case("MET conformita", f'=PEG.MET({lit(CONF)}; <F>)', True, ["sì"])
case("MET composto", f"=PEG.MET({lit(COMP2)}; <F:G>)", True, [300, 1500])
case("MET composto one part short", f"=PEG.MET({lit(COMP2)}; <F:G>)", False, [299, 1500])
case("MET empty actual", '=PEG.MET(">= 80%"; <F>)', False, [None])

# ---------------------------------------------------------------- PEG.SCORE
case("SCORE no weights", "=PEG.SCORE(<F:H>)", 0.8, [0.8, 0.6, 1])
case("SCORE skips empty cells", "=PEG.SCORE(<F:H>)", 0.7, [0.8, None, 0.6])
case("SCORE percent cells", "=PEG.SCORE(<F:G>)", 0.8, [Pct(0.9), Pct(0.7)])
case("SCORE with weights", "=PEG.SCORE(<F:F+2>; <G:G+2>)", 0.625, [[1, 2], [0.5, 1], [0, 1]])
case("SCORE weights, empty skipped", "=PEG.SCORE(<F:F+2>; <G:G+2>)", 0.75, [[1, 1], [None, 5], [0.5, 1]])
# The attainments are read as a range (an error cell reaches the function): a constant is refused.
case("SCORE constant is refused", "=ISERROR(PEG.SCORE(0.9))", True)
case("SCORE single cell", "=PEG.SCORE(<F>)", 0.9, [0.9])
case("SCORE skips #DIV/0!", "=PEG.SCORE(<F:H>)", 0.7, [0.8, Formula("of:=1/0"), 0.6])
case("SCORE skips #N/A and not assessed", "=PEG.SCORE(<F:H>)", 0.8, [0.8, Formula("of:=NA()"), Formula('of:=""')])
case("SCORE skips an error with its weight", "=PEG.SCORE(<F:F+2>; <G:G+2>)", 0.7,
     [[1, 1], [Formula("of:=1/0"), 5], [0.4, 1]])
case("SCORE text is #VALUE!", "=PEG.SCORE(<F:G>)", ERROR, [0.8, "0,9"])
case("SCORE only errors: nothing assessed", "=PEG.SCORE(<F:G>)", EMPTY, [Formula("of:=1/0"), Formula("of:=NA()")])
case("SCORE weights as an array", "=PEG.SCORE(<F:G>; {3;1})", 0.8, [0.9, 0.5])

# ---------------------------------------------------------------- PEG.CHECK / PEG.VALID
case("CHECK valid is empty", '=PEG.CHECK(">= 80%")', EMPTY)
case("CHECK deadline in plan year", '=PEG.CHECK("31/12/2020"; 2020)', EMPTY)
case("CHECK deadline outside plan year", '=PEG.CHECK("31/12/2019"; 2020)', NONEMPTY)
case("CHECK date without year, plan year", '=PEG.CHECK("entro il 30/06"; 2020)', EMPTY)
case("CHECK excel artifact", '=PEG.CHECK("02/01/1900")', NONEMPTY)
case("CHECK two numbers", '=PEG.CHECK("<= 140, 55 giorni")', NONEMPTY)
case("CHECK not measurable", '=PEG.CHECK("Miglioramento del servizio")', NONEMPTY)
case("CHECK placeholder", '=PEG.CHECK("-")', NONEMPTY)
case("CHECK plan year in a cell", "=PEG.CHECK(<F>; <G>)", NONEMPTY, ["31/12/2019", 2020])
case("VALID soglia", '=PEG.VALID(">= 80%")', True)
case("VALID conformita", f"=PEG.VALID({lit(CONF)})", True)
case("VALID composto", f"=PEG.VALID({lit(COMP2)})", True)
case("VALID impossible date", '=PEG.VALID("31/02/2020")', False)
case("VALID other year, no plan year", '=PEG.VALID("31/12/2019")', True)
case("VALID other year, plan year", '=PEG.VALID("31/12/2019"; 2020)', False)
case("VALID no year", '=PEG.VALID("entro il 30/06")', False)
case("VALID no year, plan year", '=PEG.VALID("entro il 30/06"; 2020)', True)
case("VALID date cell", "=PEG.VALID(<F>)", True, [D(2020, 12, 31)])
case("VALID number cell", "=PEG.VALID(<F>)", True, [3])

# ---------------------------------------------------------------- ranges: array results, element by element
case("array KIND column", "=PEG.KIND(<F:F+3>)", ["scadenza", "soglia", "conformita", "non_valido"],
     [["31/12/2020"], [">= 80%"], [CONF], ["02/01/1900"]], array=(4, 1))
case("array VALUE column", "=PEG.VALUE(<F:F+2>)", [0.8, D(2020, 2, 29), 5.0],
     [[">= 80%"], ["Entro febbraio 2020"], ["< =5 giorni"]], array=(3, 1))
case("array NORM row", "=PEG.NORM(<F:H>)", ["≥ 80%", "= 0 anomalie", "entro il 31/12/2020"],
     [">= 80%", "Zero anomalie", "31/12/2020"], array=(1, 3))
case("array CODE 2x2", "=PEG.CODE(<F:G+1>)", [50.0, 1.0, 4.0, 99.0],
     [["50 - Direttore generale (Direzione Generale)", "01-Organismi istituzionali"],
      ["4 – Istruzione e diritto allo studio", "99 - Segretario generale (segreteria generale)"]], array=(2, 2))
case("array VALID column", "=PEG.VALID(<F:F+1>)", [True, False], [[">= 80%"], ["31/02/2020"]], array=(2, 1))
case("array CHECK column", "=PEG.CHECK(<F:F+1>)", [EMPTY, NONEMPTY], [["Almeno 3"], ["02/01/1900"]], array=(2, 1))


# ---------------------------------------------------------------- writing the flat ODF
def col_letter(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def col_index(letter):
    return ord(letter) - 64


REF = re.compile(r"<([F-J])(?::([F-J])(?:\+(\d))?)?>")


def expand(formula, row, odf):
    """<F> -> F12 (or [.F12]), <F:H> -> F12:H12, <F:G+2> -> F12:G14."""
    def sub(m):
        a, b, extra = m.group(1), m.group(2), int(m.group(3) or 0)
        if b is None:
            return f"[.{a}{row}]" if odf else f"{a}{row}"
        if odf:
            return f"[.{a}{row}:.{b}{row + extra}]"
        return f"{a}{row}:{b}{row + extra}"
    return REF.sub(sub, formula)


PEG_CALL = re.compile(r"PEG\.([A-Z]+)\(")


def to_odff(formula, row):
    """English display formula -> ODFF: stored add-in names are SERVICE.METHOD in upper case."""
    f = expand(formula, row, odf=True)
    f = PEG_CALL.sub(lambda m: f"{SERVICE}.{METHODS[m.group(1)]}(".upper(), f)
    assert f.startswith("=")
    return "of:" + f


def serial(d):
    return (d - D(1899, 12, 30)).days


def text_cell(text, style=None):
    paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in text.split("\n"))
    st = f' table:style-name="{style}"' if style else ""
    return f'<table:table-cell office:value-type="string"{st}>{paras}</table:table-cell>'


def value_cell(v):
    """A typed constant cell (input or expected value)."""
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, _Marker):
        return text_cell(v.label, "Marker")
    if isinstance(v, Formula):
        return formula_cell(str(v))
    if isinstance(v, bool):
        b = "true" if v else "false"
        return (f'<table:table-cell table:style-name="Bool" office:value-type="boolean" '
                f'office:boolean-value="{b}"><text:p>{b.upper()}</text:p></table:table-cell>')
    if isinstance(v, Pct):
        return (f'<table:table-cell table:style-name="Pct" office:value-type="percentage" '
                f'office:value="{float(v)!r}"><text:p>{float(v) * 100:g}%</text:p></table:table-cell>')
    if isinstance(v, dt.date):
        return (f'<table:table-cell table:style-name="Date" office:value-type="date" '
                f'office:date-value="{v.isoformat()}"><text:p>{v:%d/%m/%Y}</text:p></table:table-cell>')
    if isinstance(v, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{float(v)!r}">'
                f"<text:p>{float(v):g}</text:p></table:table-cell>")
    return text_cell(v)


def formula_cell(odff, style=None, matrix=None):
    st = f' table:style-name="{style}"' if style else ""
    span = ""
    if matrix:
        span = (f' table:number-matrix-rows-spanned="{matrix[0]}"'
                f' table:number-matrix-columns-spanned="{matrix[1]}"')
    return f'<table:table-cell{st} table:formula="{escape(odff, {chr(34): "&quot;"})}"{span}/>'


def check_formula(expected, row):
    c, d = f"[.C{row}]", f"[.D{row}]"
    if expected is ERROR:
        return f"of:=ISERROR({c})"
    if expected is EMPTY:
        return f'of:=IFERROR(AND(NOT(ISNUMBER({c}));LEN({c})=0);FALSE())'
    if expected is NONEMPTY:
        return f"of:=IFERROR(AND(ISTEXT({c});LEN({c})>0);FALSE())"
    if isinstance(expected, bool):  # TRUE/FALSE or 1/0
        return f"of:=IFERROR(AND(NOT(ISTEXT({c}));{c}={d});FALSE())"
    if isinstance(expected, (int, float, dt.date)):
        return f"of:=IFERROR(AND(ISNUMBER({c});ABS({c}-{d})<=1E-9*MAX(1;ABS({d})));FALSE())"
    # Case-sensitive equality without EXACT: in LibreOffice 7.4 EXACT is FALSE for a string that
    # comes out of an add-in's array result, even when it is the same text (pooled-string compare).
    return f"of:=IFERROR(AND(ISTEXT({c});LEN({c})=LEN({d});FIND({d};{c})=1);FALSE())"


def build_rows():
    grid = {}  # (row, col) -> cell xml
    row = FIRST_ROW
    for cs in CASES:
        h = cs.height()
        for i, inp in enumerate(cs.inputs):
            for j, v in enumerate(inp):
                if v is not None:
                    grid[(row + i, col_index(INPUT_COLS[j]))] = value_cell(v)
        shown = expand(cs.formula, row, odf=False)
        if cs.array:
            nr, nc = cs.array
            grid[(row, ARRAY_COL)] = formula_cell(to_odff(cs.formula, row), matrix=cs.array)
            for k, exp in enumerate(cs.expected):
                r = row + k
                i, j = divmod(k, nc)
                ref = f"{col_letter(ARRAY_COL + j)}{row + i}"
                grid[(r, 1)] = text_cell(f"{cs.name} [{i + 1},{j + 1}]")
                grid[(r, 2)] = text_cell(f"{{{shown}}}" if k == 0 else f"  element {ref}")
                grid[(r, 3)] = formula_cell(f"of:=[.{ref}]", style="Result")
                grid[(r, 4)] = value_cell(exp)
                grid[(r, 5)] = formula_cell(check_formula(exp, r))
        else:
            grid[(row, 1)] = text_cell(cs.name)
            grid[(row, 2)] = text_cell(shown)
            grid[(row, 3)] = formula_cell(to_odff(cs.formula, row), style="Result")
            grid[(row, 4)] = value_cell(cs.expected)
            grid[(row, 5)] = formula_cell(check_formula(cs.expected, row))
        row += h
    return grid, row - 1


def render():
    grid, last = build_rows()
    n_cases = sum(len(c.expected) if c.array else 1 for c in CASES)
    checks = f"[.E{FIRST_ROW}:.E{last}]"
    grid[(1, 1)] = text_cell("Result", "Header")
    grid[(1, 2)] = formula_cell(f"of:=AND({checks})", style="Bool")
    grid[(1, 3)] = text_cell("Failing", "Header")
    grid[(1, 4)] = formula_cell(f"of:=COUNTIF({checks};FALSE())")
    grid[(1, 5)] = text_cell(f"{n_cases} cases")
    for c, h in enumerate(["Case", "Formula", "Result", "Expected", "Check", "Input 1", "Input 2",
                           "Input 3", "Input 4", "Input 5", "", "Array result"], start=1):
        if h:
            grid[(3, c)] = text_cell(h, "Header")
    width = max(c for _, c in grid)
    out = []
    for r in range(1, last + 1):
        cells = [grid.get((r, c), "<table:table-cell/>") for c in range(1, width + 1)]
        out.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    return HEAD + "\n".join(out) + TAIL, n_cases


HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tests/integration/make_functions_sheet.py: edit the cases there, not here. -->
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
 <number:date-style style:name="NDate"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:percentage-style style:name="NPct"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <number:boolean-style style:name="NBool"><number:boolean/></number:boolean-style>
 <style:style style:name="Default" style:family="table-cell"/>
 <style:style style:name="Date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NDate"/>
 <style:style style:name="Pct" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NPct"/>
 <style:style style:name="Bool" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NBool"/>
 <style:style style:name="Result" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#eeeeee"/></style:style>
 <style:style style:name="Marker" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Header" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="coWide" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
 <style:style style:name="coMid" style:family="table-column"><style:table-column-properties style:column-width="3.5cm"/></style:style>
</office:automatic-styles>
<office:body>
<office:spreadsheet>
<table:table table:name="Functions">
<table:table-column table:style-name="coWide" table:number-columns-repeated="2"/>
<table:table-column table:style-name="coMid" table:number-columns-repeated="14"/>
"""

TAIL = """
</table:table>
</office:spreadsheet>
</office:body>
</office:document>
"""


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                             "functions.fods")
    text, n = render()
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    funcs = {m for c in CASES for m in PEG_CALL.findall(c.formula)}
    missing = set(METHODS) - funcs
    if missing:
        sys.exit(f"no case for {sorted(missing)}")
    print(f"{out}: {n} cases over {len(funcs)} functions")


if __name__ == "__main__":
    main()
