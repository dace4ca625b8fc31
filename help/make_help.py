#!/usr/bin/python3
"""Writes pegkit's extension help (.xhp pages and help.tree, Italian and English) from the tables
below and the verified examples in help/examples.tsv. The pages are committed; run this after
changing a table and commit the result (tests/package/test_help.py fails when they differ).

  python3 help/make_help.py          # writes help/it/… and help/en-US/…

Help ids: LibreOffice 7.4 gives a third-party add-in function no help id of its own
(sc/source/core/tool/addinhelpid.cxx knows only the Analysis and DateFunctions add-ins), so the
Function Wizard's Help button asks for the function list's id, formula/ui/functionpage/function:
the functions page claims it and links every function. Each function page also answers
it.pegkit.calc.Functions.<method>, the name Calc stores for the function.
"""
import csv
import os
import re
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
EXT = "it.pegkit.calc"
LANGS = {"en-US": "en", "it": "it"}   # help folder → key in the tables

# method, English name, Italian name, arguments (key into ARGS), optional arguments
FUNCTIONS = [
    ("getCheck", "PEG.CHECK", "PEG.VERIFICA", ["target", "plan_year"]),
    ("getValid", "PEG.VALID", "PEG.VALIDO", ["target", "plan_year"]),
    ("getKind", "PEG.KIND", "PEG.TIPO", ["target"]),
    ("getOp", "PEG.OP", "PEG.OPERATORE", ["target", "part"]),
    ("getValue", "PEG.VALUE", "PEG.VALORE", ["target", "part"]),
    ("getUnit", "PEG.UNIT", "PEG.UNITA", ["target", "part"]),
    ("getNorm", "PEG.NORM", "PEG.NORMALIZZA", ["target"]),
    ("getClean", "PEG.CLEAN", "PEG.PULISCI", ["text"]),
    ("getCode", "PEG.CODE", "PEG.CODICE", ["text"]),
    ("getLabel", "PEG.LABEL", "PEG.ETICHETTA", ["text"]),
    ("getAttain", "PEG.ATTAIN", "PEG.RAGGIUNGIMENTO", ["target", "actual", "rule"]),
    ("getMet", "PEG.MET", "PEG.RAGGIUNTO", ["target", "actual"]),
    ("getScore", "PEG.SCORE", "PEG.PUNTEGGIO", ["attainments", "weights"]),
]
OPTIONAL = {"plan_year", "part", "rule", "weights"}

# argument: (English name, Italian name, English text, Italian text)
ARGS = {
    "target": ("target", "target",
               "A PEG target: a cell, a text in quotes or a range (then the result is an array of the same shape).",
               "Un target del PEG: una cella, un testo tra virgolette o un intervallo (il risultato è allora una "
               "matrice della stessa forma)."),
    "plan_year": ("plan_year", "anno_piano",
                  "Optional. The plan's year: a deadline in another year makes the target invalid, and a date "
                  "without a year takes this one.",
                  "Facoltativo. L'anno del piano: una scadenza di un altro anno rende il target non valido e una "
                  "data senza anno prende questo."),
    "part": ("part", "parte",
             "Optional. For a composite target, which part to describe: 1, 2, … (default 1).",
             "Facoltativo. Per un target composto, la parte da descrivere: 1, 2, … (predefinito 1)."),
    "text": ("text", "testo", "A text, a cell or a range.", "Un testo, una cella o un intervallo."),
    "actual": ("actual", "valore_raggiunto",
               "A reference to the cell holding the value reached: a number, a date, TRUE/FALSE, sì/no, "
               "rispettato/non rispettato. An empty cell means not assessed. It must be a cell: a value typed in "
               "the formula, such as 0.72, is refused (Err:504), because Calc would pass an empty cell and the "
               "number 0 alike. For a composite target, a range with one cell per part, in the order of the text.",
               "Un riferimento alla cella con il valore raggiunto: un numero, una data, VERO/FALSO, sì/no, "
               "rispettato/non rispettato. Una cella vuota significa non valutato. Deve essere una cella: un valore "
               "scritto nella formula, come 0,72, è rifiutato (Err:504), perché Calc passerebbe allo stesso modo una "
               "cella vuota e il numero 0. Per un target composto, un intervallo con una cella per parte, "
               "nell'ordine del testo."),
    "rule": ("rule", "regola",
             "Optional. Scoring rules that change the defaults, joined by ;: cap=1.2, lower=linear, late=30, "
             "compound=min, dir=lower, dir=higher (see the scoring rules).",
             "Facoltativo. Regole di valutazione che cambiano quelle predefinite, separate da ;: tetto=1,2, "
             "inferiore=lineare, tolleranza=30, composto=min, direzione=inferiore, direzione=superiore (le "
             "chiavi inglesi cap, lower, late, compound, dir valgono lo stesso; vedere le regole di "
             "valutazione)."),
    "attainments": ("attainments", "raggiungimenti",
                    "A range of cells with attainments (fractions), such as a column of PEG.ATTAIN results. Empty "
                    "cells, cells with an error (#VALUE!, #DIV/0!, #N/A) and empty text are skipped. It must be a "
                    "reference: a number or an array typed in the formula is refused (Err:504).",
                    "Un intervallo di celle con i raggiungimenti (frazioni), come una colonna di risultati di "
                    "PEG.RAGGIUNGIMENTO. Le celle vuote, quelle con un errore (#VALORE!, #DIV/0!, #N/D) e il testo "
                    "vuoto sono esclusi. Deve essere un riferimento: un numero o una matrice scritti nella formula "
                    "sono rifiutati (Err:504)."),
    "weights": ("weights", "pesi",
                "Optional. Weights of the same size, a range or an array (default 1 each; an empty weight counts "
                "1). Calc refuses a weights range that holds an error cell before the function sees it (Err:504).",
                "Facoltativo. Pesi della stessa dimensione, un intervallo o una matrice (predefinito 1 ciascuno; un "
                "peso vuoto vale 1). Calc rifiuta un intervallo di pesi che contiene una cella con un errore prima "
                "che la funzione lo veda (Err:504)."),
}

# method: (what it does, what it returns, what it returns on bad input), English then Italian
TEXTS = {
    "getCheck": (
        ("Tells why a target cannot be used as written.",
         "Empty text when the target is valid; otherwise the reason, in the language of the user interface.",
         "An unreadable or empty target is not an error value: the reason is the result. Err:502 for a plan "
         "year that is not a whole number from 1900 to 9999."),
        ("Dice perché un target non può essere usato così come è scritto.",
         "Testo vuoto se il target è valido; altrimenti il motivo, nella lingua dell'interfaccia.",
         "Un target illeggibile o vuoto non dà un valore di errore: il risultato è il motivo. Err:502 per un anno "
         "del piano che non è un numero intero da 1900 a 9999.")),
    "getValid": (
        ("Tells whether a target can be read and measured.",
         "1 when the target is valid (TRUE), 0 when it is not (FALSE). Calc shows an add-in's logical result as "
         "the number 1 or 0: format the cell as a Boolean value (Format ▸ Cells ▸ Numbers ▸ Boolean Value) or "
         "write =PEG.VALID(A1)=1 to see TRUE or FALSE; IF(PEG.VALID(A1);…) works as it is. Use PEG.CHECK to see "
         "why a target is not valid.",
         "0 for every target that PEG.CHECK explains, an empty cell included; Err:502 for a plan year that is not "
         "a whole number from 1900 to 9999."),
        ("Dice se un target è leggibile e misurabile.",
         "1 se il target è valido (VERO), 0 se non lo è (FALSO). Calc mostra il risultato logico di un add-in come "
         "il numero 1 o 0: per vedere VERO o FALSO formattare la cella come valore booleano (Formato ▸ Celle ▸ "
         "Numeri ▸ Valore booleano) o scrivere =PEG.VALIDO(A1)=1; SE(PEG.VALIDO(A1);…) funziona così com'è. "
         "PEG.VERIFICA dice perché un target non è valido.",
         "0 per ogni target che PEG.VERIFICA spiega, compresa una cella vuota; Err:502 per un anno del piano che "
         "non è un numero intero da 1900 a 9999.")),
    "getKind": (
        ("Classifies a target.",
         "One code, the same in every language: scadenza (a deadline), soglia (a threshold: operator, number, "
         "unit), termine_relativo (days from an event the sheet does not date), conformita (met or not met), "
         "composto (several parts, all required), variazione (a change against a baseline), vuoto (empty or a "
         "placeholder such as n.d.), non_valido (cannot be read safely).",
         "non_valido; PEG.CHECK gives the reason."),
        ("Classifica un target.",
         "Un codice, uguale in ogni lingua: scadenza, soglia (operatore, numero, unità), termine_relativo (giorni "
         "da un evento che il foglio non data), conformita (rispettato o no), composto (più parti, tutte "
         "richieste), variazione (rispetto a un valore di partenza), vuoto (vuoto o segnaposto come n.d.), "
         "non_valido (non leggibile con sicurezza).",
         "non_valido; PEG.VERIFICA dà il motivo.")),
    "getOp": (
        ("The comparison a target asks for.",
         ">=, >, <=, < or =; empty text for conformita. A deadline's operator is <=.",
         "#VALUE! for a non_valido or empty target, or a part the target does not have; Err:502 for a part "
         "that is not a whole number from 1."),
        ("Il confronto richiesto dal target.",
         ">=, >, <=, < o =; testo vuoto per conformita. L'operatore di una scadenza è <=.",
         "#VALORE! per un target non_valido o vuoto, o una parte che il target non ha; Err:502 per una parte "
         "che non è un numero intero da 1 in su.")),
    "getValue": (
        ("The number a target names.",
         "A fraction for percentages (80% is 0.8), the date serial of a deadline in the document's date system "
         "(format the cell as a date), the days of a relative term, the number otherwise; empty text for "
         "conformita.",
         "#VALUE! for a non_valido or empty target, such as an impossible date, or a part the target does not "
         "have; Err:502 for a part that is not a whole number from 1."),
        ("Il numero indicato dal target.",
         "Una frazione per le percentuali (80% è 0,8), il numero di serie della data di una scadenza nel sistema "
         "di date del documento (formattare la cella come data), i giorni di un termine relativo, altrimenti il "
         "numero; testo vuoto per conformita.",
         "#VALORE! per un target non_valido o vuoto, come una data impossibile, o una parte che il target non "
         "ha; Err:502 per una parte che non è un numero intero da 1 in su.")),
    "getUnit": (
        ("The unit of a target.",
         "%, giorni, EUR, ore, anni, data (for a deadline), or empty text for a plain count and for conformita; "
         "the counted noun "
         "(incontri, voucher) stays in PEG.NORM's text.",
         "#VALUE! for a non_valido or empty target, or a part the target does not have; Err:502 for a part that "
         "is not a whole number from 1."),
        ("L'unità del target.",
         "%, giorni, EUR, ore, anni, data (per una scadenza), o testo vuoto per un conteggio e per conformita; "
         "il nome contato "
         "(incontri, voucher) resta nel testo di PEG.NORMALIZZA.",
         "#VALORE! per un target non_valido o vuoto, o una parte che il target non ha; Err:502 per una parte "
         "che non è un numero intero da 1 in su.")),
    "getNorm": (
        ("Writes a target in one canonical Italian form, so that targets meaning the same read the same.",
         "The canonical text: ≥ 80%, ≤ 5 giorni, entro il 31/12/2020, ≥ 300 associazioni e ≥ 1.500 voucher. "
         "PEG.NORM(PEG.NORM(x)) is PEG.NORM(x); conformita keeps its cleaned wording.",
         "A target that cannot be read comes back cleaned but otherwise unchanged."),
        ("Scrive il target in una forma italiana canonica, così che target con lo stesso significato si leggano "
         "uguali.",
         "Il testo canonico: ≥ 80%, ≤ 5 giorni, entro il 31/12/2020, ≥ 300 associazioni e ≥ 1.500 voucher. "
         "PEG.NORMALIZZA(PEG.NORMALIZZA(x)) è PEG.NORMALIZZA(x); conformita mantiene il testo pulito.",
         "Un target illeggibile torna pulito ma per il resto invariato.")),
    "getClean": (
        ("Cleans a text copied from a web page or a word processor.",
         "The text without HTML tags and entities, with every kind of space and line break as one space, "
         "dashes and quotes unified, trimmed.",
         "Any text is accepted; an empty cell gives empty text and a number comes back unchanged."),
        ("Pulisce un testo copiato da una pagina web o da un elaboratore di testi.",
         "Il testo senza tag ed entità HTML, con ogni tipo di spazio e a capo ridotto a uno spazio, trattini e "
         "virgolette uniformati, senza spazi ai bordi.",
         "Ogni testo è accettato; una cella vuota dà testo vuoto e un numero torna invariato.")),
    "getCode": (
        ("The leading code of a label, such as a CdR, Missione or Programma.",
         "The code as a number; a number cell comes back unchanged.",
         "Empty text when the label starts with no code, or the cell is empty."),
        ("Il codice iniziale di un'etichetta, come un CdR, una Missione o un Programma.",
         "Il codice come numero; una cella con un numero torna invariata.",
         "Testo vuoto se l'etichetta non inizia con un codice o la cella è vuota.")),
    "getLabel": (
        ("The label after its leading code.",
         "The rest of the text, cleaned as PEG.CLEAN does.",
         "A text with no code comes back cleaned; a number or an empty cell gives empty text."),
        ("L'etichetta dopo il codice iniziale.",
         "Il resto del testo, pulito come fa PEG.PULISCI.",
         "Un testo senza codice torna pulito; un numero o una cella vuota danno testo vuoto.")),
    "getAttain": (
        ("The degree of attainment of a target, under the scoring rules.",
         "A fraction (1 = fully attained; above 1 only with cap); empty text when the actual cell is empty, "
         "which means not assessed, never 0.",
         "#VALUE! for a non_valido or empty target, or an actual value that does not fit the target (abc for a "
         "threshold, a value too many for a composite target). An error in the actual cell is passed on "
         "(#DIV/0! stays #DIV/0!). Err:502 for a rule that cannot be read, or ranges of shapes that do not "
         "match; Err:504 for an actual typed in the formula instead of a cell."),
        ("Il grado di raggiungimento del target, secondo le regole di valutazione.",
         "Una frazione (1 = pienamente raggiunto; oltre 1 solo con cap); testo vuoto se la cella del valore "
         "raggiunto è vuota, cioè non valutato, mai 0.",
         "#VALORE! per un target non_valido o vuoto, o un valore raggiunto che non si adatta al target (abc per "
         "una soglia, un valore di troppo per un target composto). Un errore nella cella del valore raggiunto "
         "passa al risultato (#DIV/0! resta #DIV/0!). Err:502 per una regola illeggibile o intervalli di forme "
         "diverse; Err:504 per un valore raggiunto scritto nella formula invece che in una cella.")),
    "getMet": (
        ("Tells whether a target is fully attained under the default rules.",
         "1 (TRUE) when PEG.ATTAIN gives 1, else 0 (FALSE), also when the actual cell is empty. Calc shows 1 or "
         "0: format the cell as a Boolean value, or write =PEG.MET(A1;B1)=1, to see TRUE or FALSE.",
         "As PEG.ATTAIN: #VALUE!, the error of the actual cell, Err:502 or Err:504."),
        ("Dice se il target è pienamente raggiunto con le regole predefinite.",
         "1 (VERO) se PEG.RAGGIUNGIMENTO dà 1, altrimenti 0 (FALSO), anche se la cella del valore raggiunto è "
         "vuota. Calc mostra 1 o 0: per vedere VERO o FALSO formattare la cella come valore booleano o scrivere "
         "=PEG.RAGGIUNTO(A1;B1)=1.",
         "Come PEG.RAGGIUNGIMENTO: #VALORE!, l'errore della cella del valore raggiunto, Err:502 o Err:504.")),
    "getScore": (
        ("The weighted mean of attainments, such as the score of an objective or of a CdR.",
         "The mean of the attainments weighted by the weights, skipping empty cells, empty text (not assessed) "
         "and cells with an error, with their weights; empty text when nothing is assessed.",
         "#VALUE! for a text among the attainments or the weights (a number typed as text is not silently left "
         "out); Err:502 when there are not as many weights as attainments; empty text when the weights of the "
         "assessed attainments add up to 0 or a weight is negative; Err:504 for attainments typed in the formula "
         "instead of a range, or a weights range that holds an error."),
        ("La media ponderata dei raggiungimenti, come il punteggio di un obiettivo o di un CdR.",
         "La media dei raggiungimenti pesata con i pesi, escluse con i loro pesi le celle vuote, il testo vuoto "
         "(non valutato) e le celle con un errore; testo vuoto se nulla è valutato.",
         "#VALORE! per un testo tra i raggiungimenti o i pesi (un numero scritto come testo non viene escluso in "
         "silenzio); Err:502 se i pesi non sono tanti quanti i raggiungimenti; testo vuoto se i pesi dei "
         "raggiungimenti valutati sommano a 0 o un peso è negativo; Err:504 per raggiungimenti scritti nella "
         "formula invece che in un intervallo, o un intervallo di pesi che contiene un errore.")),
}

WORDS = {
    "en": dict(syntax="Syntax", args="Arguments", returns="Returns", examples="Examples",
               bad="On bad input", cell="Cell", formula="Formula", result="Result", empty="(empty)",
               functions="pegkit sheet functions", name="Italian name", also="See also",
               intro="pegkit adds these functions to Calc (category Add-in). Each accepts a single cell "
                     "or a range, then returns an array of the same shape; none stops or crashes Calc on bad "
                     "input. Italian names are shown in an Italian user interface; the names below work in "
                     "any.",
               scoring="Scoring rules", deck="The PEG sidebar deck", options="pegkit options"),
    "it": dict(syntax="Sintassi", args="Argomenti", returns="Risultato", examples="Esempi",
               bad="Con dati non validi", cell="Cella", formula="Formula", result="Risultato", empty="(vuoto)",
               functions="Funzioni di foglio di pegkit", name="Nome inglese", also="Vedere anche",
               intro="pegkit aggiunge a Calc queste funzioni (nella Creazione guidata funzione, categoria "
                     "Componente aggiuntivo). Ognuna accetta una cella o "
                     "un intervallo, e allora restituisce una matrice della stessa forma; nessuna blocca Calc "
                     "con dati non validi. I nomi italiani valgono con l'interfaccia in italiano; con "
                     "l'interfaccia in inglese si usano i nomi inglesi.",
               scoring="Regole di valutazione", deck="Il pannello laterale PEG", options="Opzioni di pegkit"),
}


def read_examples():
    path = os.path.join(HERE, "examples.tsv")
    with open(path, encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def italian_formula(formula):
    """The formula as an Italian user types it: Italian names, decimal comma."""
    names = {en: it for _, en, it, _ in FUNCTIONS}
    out = re.sub(r"PEG\.[A-Z]+", lambda m: names.get(m.group(0), m.group(0)), formula)
    out = out.replace("DATE(", "DATA(")
    # decimal points outside quoted text
    parts = out.split('"')
    parts[::2] = [re.sub(r"(\d)\.(\d)", r"\1,\2", p) for p in parts[::2]]
    return '"'.join(parts)


def italian_value(v):
    return re.sub(r"^(\d+)\.(\d+)$", r"\1,\2", v)


class Page:
    """One .xhp document; ids are per page and only need to be unique inside it."""

    def __init__(self, lang, name, title):
        self.lang, self.name, self.title = lang, name, title
        self.body = []
        self.n = 0

    def _id(self, prefix):
        self.n += 1
        return f"{prefix}_{self.name}_{self.n}"

    def hid(self, help_id):
        self.body.append(f'<bookmark xml-lang="{self.lang}" branch="hid/{escape(help_id)}" '
                         f'id="{self._id("bm")}" localize="false"/>')

    def index(self, *entries):
        values = "".join(f"<bookmark_value>{escape(e)}</bookmark_value>" for e in entries)
        self.body.append(f'<bookmark xml-lang="{self.lang}" branch="index" id="{self._id("bm")}">{values}</bookmark>')

    def heading(self, text, level=1):
        self.body.append(f'<paragraph role="heading" id="{self._id("hd")}" xml-lang="{self.lang}" '
                         f'level="{level}">{escape(text)}</paragraph>')

    def para(self, text, role="paragraph", raw=False):
        self.body.append(f'<paragraph role="{role}" id="{self._id("par")}" xml-lang="{self.lang}">'
                         f'{text if raw else escape(text)}</paragraph>')

    def link(self, target, text):
        return f'<link href="/{EXT}/{target}.xhp">{escape(text)}</link>'

    def table(self, head, rows):
        out = [f'<table id="{self._id("tbl")}">', "<tablerow>"]
        out += [f'<tablecell><paragraph role="tablehead" id="{self._id("par")}" xml-lang="{self.lang}">'
                f"{escape(h)}</paragraph></tablecell>" for h in head]
        out.append("</tablerow>")
        for row in rows:
            out.append("<tablerow>")
            for cell, raw in row:
                out.append(f'<tablecell><paragraph role="tablecontent" id="{self._id("par")}" '
                           f'xml-lang="{self.lang}">{cell if raw else escape(cell)}</paragraph></tablecell>')
            out.append("</tablerow>")
        out.append("</table>")
        self.body.append("\n".join(out))

    def xml(self):
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                "<!-- Generated by help/make_help.py from its tables and help/examples.tsv: edit those. -->\n"
                '<helpdocument version="1.0">\n<meta>\n'
                f'<topic id="{EXT.replace(".", "")}{self.name}" indexer="include" status="PUBLISH">\n'
                f'<title id="tit" xml-lang="{self.lang}">{escape(self.title)}</title>\n'
                f"<filename>/{EXT}/{self.name}.xhp</filename>\n</topic>\n</meta>\n<body>\n"
                + "\n".join(self.body) + "\n</body>\n</helpdocument>\n")


def function_page(lang, key, fn, examples):
    method, en_name, it_name, args = fn
    w = WORDS[key]
    name, other = (it_name, en_name) if key == "it" else (en_name, it_name)
    does, returns, bad = TEXTS[method][0 if key == "en" else 1]
    p = Page(lang, "fn_" + en_name.split(".")[1].lower(), name)
    p.hid(f"{EXT}.Functions.{method}")
    p.index(name, other, f"{name} ({w['functions']})")
    p.heading(name)
    p.para(does)
    p.heading(w["syntax"], 2)
    shown = [ARGS[a][1 if key == "it" else 0] for a in args]
    shown = [f"[{s}]" if a in OPTIONAL else s for a, s in zip(args, shown)]
    p.para(f"{name}({'; '.join(shown)})", role="code")
    p.heading(w["args"], 2)
    p.table([w["args"], ""], [[(ARGS[a][1 if key == "it" else 0], False), (ARGS[a][3 if key == "it" else 2], False)]
                              for a in args])
    p.heading(w["returns"], 2)
    p.para(returns)
    p.heading(w["examples"], 2)
    rows = []
    for ex in examples:
        cells = "; ".join(f"{c} = {italian_value(ex[c]) if key == 'it' else ex[c]}" for c in ("A1", "B1") if ex[c])
        formula = italian_formula(ex["formula"]) if key == "it" else ex["formula"]
        result = ex["result_it" if key == "it" else "result"] or w["empty"]
        rows.append([(cells, False), (formula, False), (result, False)])
    p.table([w["cell"], w["formula"], w["result"]], rows)
    p.heading(w["bad"], 2)
    p.para(bad)
    p.heading(w["also"], 2)
    p.para(" · ".join([p.link("functions", w["functions"]), p.link("scoring", w["scoring"])]), raw=True)
    p.para(f"{w['name']}: {other}")
    return p


def functions_page(lang, key):
    w = WORDS[key]
    p = Page(lang, "functions", w["functions"])
    p.hid("formula/ui/functionpage/function")
    p.hid(f"{EXT}.Functions")
    p.index(w["functions"], "PEG", "pegkit")
    p.heading(w["functions"])
    p.para(w["intro"])
    rows = []
    for method, en_name, it_name, _ in FUNCTIONS:
        name, other = (it_name, en_name) if key == "it" else (en_name, it_name)
        page = "fn_" + en_name.split(".")[1].lower()
        rows.append([(p.link(page, name), True), (other, False), (TEXTS[method][0 if key == "en" else 1][0], False)])
    p.table(["", w["name"], ""], rows)
    p.heading(w["also"], 2)
    p.para(" · ".join([p.link("scoring", w["scoring"]), p.link("deck", w["deck"]),
                       p.link("options", w["options"])]), raw=True)
    return p


def prose_page(lang, key, name, spec):
    """A page from PROSE: title, help ids, then (heading level or 0 for a paragraph, text) items."""
    title, ids, items = spec[key]
    p = Page(lang, name, title)
    for i in ids:
        p.hid(i)
    p.index(title)
    p.heading(title)
    for level, text in items:
        if level:
            p.heading(text, level)
        else:
            p.para(text)
    w = WORDS[key]
    p.heading(w["also"], 2)
    p.para(" · ".join(p.link(t, w[k]) for t, k in (("functions", "functions"), ("scoring", "scoring"),
                                                   ("deck", "deck"), ("options", "options")) if t != name),
           raw=True)
    return p


DECK_IDS = [f"{EXT}.Deck", f"{EXT}.Deck.Columns", f"{EXT}.Deck.Validate", f"{EXT}.Deck.Normalize",
            f"{EXT}.Deck.Summary", f"{EXT}.Deck.Profile",
            "vnd.pegkit:Validate", "vnd.pegkit:Normalize", "vnd.pegkit:Summary", "vnd.pegkit:ClearMarks",
            "vnd.pegkit:MarkNotAssessable", "vnd.pegkit:ExcelCopy"]
PROSE = {
    "deck": {
        "en": ("The PEG sidebar deck", DECK_IDS, [
            (0, "Open it with View ▸ Sidebar and the PEG targets tab, with PEG ▸ PEG targets deck, or with "
                "Ctrl+Alt+Shift+G. It works on the "
                "active sheet: it finds the header row and the columns (Target, Indicatore, CdR, Valore "
                "raggiunto, Peso, …) by their meaning, whatever their order or spelling."),
            (2, "Columns"),
            (0, "Shows the header row and the column found for each role in drop-down lists. Save in the "
                "document keeps a change there, so Validate, Normalize and Summary read the same choice; "
                "Reset forgets it."),
            (2, "Validate"),
            (0, "Checks every target of the sheet as TARGETS.md describes and marks the cells with a "
                "finding: errors (a target that cannot be measured, an impossible date, an empty PEG "
                "target, a missing column), warnings (an ambiguous number such as 2,500) and information. "
                "The panel lists the findings; choosing one selects its cell. Notes are written on the "
                "first marked cells, up to the number set in the options (200 unless changed). PEG ▸ "
                "Clear marks removes the marks and notes that Validate left."),
            (2, "Normalize"),
            (0, "Lists, before anything is written, each cell that would change: its address, the text as "
                "it is and its canonical form (as PEG.NORM writes it), ten lines a page, each with a tick. "
                "Untick the cells whose adopted wording must stay; All and None tick or untick every line the "
                "column list shows. Apply writes only the ticked cells, in one step that Edit ▸ Undo takes "
                "back. With Write into a new column, the original cells stay as adopted and the canonical "
                "forms go into a new column beside each one. PEG ▸ Normalize… opens this preview."),
            (2, "Summary"),
            (0, "Adds a sheet with the attainment of every objective and its mean per CdR, Missione, "
                "Programma and Obiettivo strategico, and a chart, under the scoring rules. Rows without an "
                "actual value are counted as not assessed, not as 0. Each table also counts its objectives "
                "per status at the as-of date (reached, on track, at risk, not reached, in progress, not "
                "assessable); below the tables come the objectives left out, with their reason, and the "
                "validated values (overrides), with the computed value and the justification."),
            (0, "Run again, from the plan sheet or from its summary sheet, Summary updates that same sheet "
                "in place, in one step that Edit ▸ Undo takes back; your notes on it, the cells right of the "
                "tables and the chart where you moved it stay. Another plan sheet gets its own summary."),
            (0, "The summary sheet also holds a scorecard per CdR (its objectives, weights, attainment and share "
                "of the weighted score, which add up to the CdR's mean) and, at the end, the table for the "
                "Relazione sulla performance: a row per indicator row with target, actual value, attainment, "
                "status, deviation from target and notes, its column headings repeated on each of its printed "
                "pages. It prints on numbered landscape pages fitted to the width, "
                "each table on a page and the chart on its own, a bar per CdR labelled with its code and a "
                "short name (column N, which you may edit); Export PDF (also PEG ▸ Summary as PDF) saves "
                "that PDF beside the workbook, and pegkit-check --pdf DIR does the same for many files."),
            (0, "Copy for Excel (also PEG ▸ Copy for Excel) saves beside the workbook a copy named "
                "“name (values).xlsx” in which every cell with a PEG function holds its value, so that "
                "colleagues who open it in Excel see numbers and texts, not #NAME?; notes, fills and "
                "the other formulas stay. The workbook itself is not changed, also when it is open "
                "read-only; an unsaved document must be saved first."),
            (2, "Scoring profile"),
            (0, "The office's own evaluation rules (its Sistema di misurazione e valutazione), kept in the "
                "document so that Validate, Summary, pegkit-check and PEG.ATTAIN, PEG.MET and PEG.SCORE in "
                "that document score alike: bands (from-to in % of attainment : score, pro for pro rata, "
                "for example 0-60:0 | 60-90:pro | 90-100:100), a threshold below which the score is 0, four "
                "thresholds (minimum/target/maximum/excellence), the cap, the formula for lower-is-better "
                "targets, days of tolerance for deadlines, how compound targets and the indicators of one "
                "objective combine, decimals, and the scores from which an objective is reached or on track. "
                "The as-of date says where things stand (empty: today). Save in the document refuses bands "
                "that overlap, leave a gap or are out of order, naming the interval at fault; Defaults "
                "stores the default rules."),
            (0, "Objectives not assessable: select their rows on the sheet, write the reason (for example "
                "service suspended, resolution 12/2020) and press Mark not assessable. The rows are left out "
                "of the scores, the other weights renormalised, and the summary lists them with the reason; "
                "Remove the mark takes them back. Marking is one step that Edit ▸ Undo takes back; without a "
                "reason, or on rows outside the objectives, nothing is marked. The panel lists the sheet's "
                "marked rows."),
            (0, "A read-only document is never changed: the commands say so and write nothing."),
        ]),
        "it": ("Il pannello laterale PEG", DECK_IDS, [
            (0, "Si apre con Visualizza ▸ Barra laterale e la scheda Obiettivi PEG, con PEG ▸ Pannello Obiettivi "
                "PEG, oppure con Ctrl+Alt+Maiusc+G. "
                "Lavora sul foglio attivo: trova la riga di intestazione e le colonne (Target, Indicatore, "
                "CdR, Valore raggiunto, Peso, …) dal loro significato, in qualsiasi ordine e grafia."),
            (2, "Colonne"),
            (0, "Mostra in elenchi a discesa la riga di intestazione e la colonna trovata per ogni ruolo. "
                "Salva nel documento vi conserva una modifica, così Verifica, Normalizza e Riepilogo "
                "leggono la stessa scelta; Ripristina la dimentica."),
            (2, "Verifica"),
            (0, "Controlla ogni target del foglio come descritto in TARGETS.md e segna le celle con un "
                "rilievo: errori (un target non misurabile, una data impossibile, un target PEG vuoto, una "
                "colonna mancante), avvisi (un numero ambiguo come 2,500) e informazioni. Il pannello elenca "
                "i rilievi; sceglierne uno seleziona la sua cella. Le note sono scritte sulle prime celle "
                "segnate, fino al numero indicato nelle opzioni (200 se non cambiato). PEG ▸ Cancella segni "
                "toglie i segni e le note lasciati dalla Verifica."),
            (2, "Normalizza"),
            (0, "Elenca, prima di scrivere, ogni cella che cambierebbe: l'indirizzo, il testo com'è e la sua "
                "forma canonica (come la scrive PEG.NORMALIZZA), dieci righe per pagina, ognuna con una "
                "spunta. Togliere la spunta alle celle la cui formulazione adottata deve restare; Tutte e "
                "Nessuna spuntano o tolgono la spunta a ogni riga della colonna scelta nell'elenco. Applica "
                "scrive solo le celle spuntate, in un solo passo, che Modifica ▸ Annulla riporta indietro. "
                "Con Scrivi in una nuova colonna le celle originali restano come adottate e le forme "
                "canoniche vanno in una nuova colonna accanto a ciascuna. PEG ▸ Normalizza… apre questa "
                "anteprima."),
            (2, "Riepilogo"),
            (0, "Aggiunge un foglio con il raggiungimento di ogni obiettivo e la media per CdR, Missione, "
                "Programma e Obiettivo strategico, con un grafico, secondo le regole di valutazione. Le righe "
                "senza valore raggiunto contano come non valutate, non come 0. Ogni tabella conta anche i suoi "
                "obiettivi per stato alla data di riferimento (raggiunto, in linea, a rischio, non raggiunto, "
                "in corso, non valutabile); sotto le tabelle vengono gli obiettivi non valutabili, con il "
                "motivo, e i valori validati (forzature), con il valore calcolato e la giustificazione."),
            (0, "Rilanciato, dal foglio del piano o dal suo foglio di riepilogo, Riepilogo aggiorna quello "
                "stesso foglio, in un solo passo che Modifica ▸ Annulla riporta indietro; le tue note, le "
                "celle a destra delle tabelle e il grafico dove l'hai spostato restano. Un altro foglio del "
                "piano ha il proprio riepilogo."),
            (0, "Il foglio di riepilogo contiene anche una scheda per ogni CdR (obiettivi, pesi, "
                "raggiungimento e quota del punteggio ponderato, che sommano alla media del CdR) e, in fondo, "
                "la tabella per la Relazione sulla performance: una riga per riga d'indicatore con target, "
                "valore raggiunto, raggiungimento, stato, scostamento dal target e note, con le intestazioni "
                "di colonna ripetute su ogni sua pagina stampata. Si stampa su pagine numerate, "
                "orizzontali e adattate alla larghezza, una tabella per pagina e il grafico su una pagina sua, "
                "una barra per CdR con il codice e un nome breve (colonna N, che puoi correggere); "
                "Esporta PDF (anche PEG ▸ Riepilogo in PDF) salva quel PDF accanto al documento, e "
                "pegkit-check --pdf CARTELLA fa lo stesso per molti file."),
            (0, "Copia per Excel (anche PEG ▸ Copia per Excel) salva accanto al documento una copia "
                "chiamata «nome (valori).xlsx» in cui ogni cella con una funzione PEG contiene il suo "
                "valore, così chi la apre con Excel vede numeri e testi, non #NOME?; note, colori e le "
                "altre formule restano. Il documento non cambia, anche se aperto in sola lettura; un "
                "documento mai salvato va salvato prima."),
            (2, "Profilo di valutazione"),
            (0, "Le regole di valutazione dell'ente (il suo Sistema di misurazione e valutazione), conservate "
                "nel documento perché Verifica, Riepilogo, pegkit-check e PEG.RAGGIUNGIMENTO, PEG.RAGGIUNTO e "
                "PEG.PUNTEGGIO in quel documento valutino allo stesso modo: fasce (da-a in % di "
                "raggiungimento : punteggio, pro per il proporzionale, per esempio 0-60:0 | 60-90:pro | "
                "90-100:100), una soglia sotto cui il punteggio è 0, quattro soglie "
                "(minimo/target/massimo/eccellenza), il tetto, la formula per i target in cui minore è meglio, "
                "i giorni di tolleranza per le scadenze, come si combinano i target composti e gli indicatori "
                "di un obiettivo, i decimali, e i punteggi da cui un obiettivo è raggiunto o in linea. La data "
                "di riferimento dice a che punto si è (vuota: oggi). Salva nel documento rifiuta fasce che si "
                "sovrappongono, lasciano un vuoto o sono fuori ordine, indicando l'intervallo in errore; "
                "Predefiniti conserva le regole predefinite."),
            (0, "Obiettivi non valutabili: selezionare le loro righe nel foglio, scrivere il motivo (per "
                "esempio servizio sospeso, delibera 12/2020) e premere Segna non valutabili. Le righe escono "
                "dai punteggi, gli altri pesi si rinormalizzano e il riepilogo le elenca con il motivo; Togli "
                "il segno le riporta dentro. Il segno è un solo passo, che Modifica ▸ Annulla riporta "
                "indietro; senza motivo, o su righe fuori dagli obiettivi, non si segna nulla. Il pannello "
                "elenca le righe segnate del foglio."),
            (0, "Un documento di sola lettura non viene mai modificato: i comandi lo dicono e non scrivono "
                "nulla."),
        ]),
    },
    "scoring": {
        "en": ("Scoring rules", [f"{EXT}.Scoring"], [
            (0, "PEG.ATTAIN, PEG.MET and the Summary score a target against the actual value as follows; "
                "an empty actual value is not assessed (an empty result), never 0."),
            (2, "Defaults"),
            (0, "soglia with >= or >: actual ÷ target, at most 1 (a target of 0: 1 if the operator is met, "
                "else 0). soglia with <= or <: 1 if met, else target ÷ actual. soglia with =: 1 if equal, "
                "else 0."),
            (0, "scadenza: 1 if the completion date is on or before the deadline, else 0; TRUE/FALSE also "
                "works. termine_relativo: the days taken (within N days) or the days of advance (N days "
                "before) are scored as a threshold. conformita: TRUE/FALSE, 1/0, sì/no, rispettato/non "
                "rispettato. composto: the mean of its parts, one actual value per part in the order of the "
                "text. variazione: scored against the row's baseline; without one it is not assessable."),
            (2, "Changing the defaults"),
            (0, "The rule argument (and the office's scoring profile in the Summary) joins rules with ;. "
                "cap=1.2 allows over-achievement up to 120 %. lower=linear scores a missed ceiling as "
                "(2·target − actual) ÷ target, at least 0, instead of target ÷ actual. late=30 scores a "
                "deadline missed by d days as 1 − d ÷ 30, at least 0. compound=min takes the lowest part of "
                "a composite target instead of the mean. dir=lower or dir=higher sets the direction of a "
                "bare number (a ceiling or a level)."),
            (0, "An objective with several indicator rows scores the weighted mean of its indicators "
                "(the Peso column when the sheet has one); PEG.SCORE computes the same mean."),
        ]),
        "it": ("Regole di valutazione", [f"{EXT}.Scoring"], [
            (0, "PEG.RAGGIUNGIMENTO, PEG.RAGGIUNTO e il Riepilogo valutano un target rispetto al valore "
                "raggiunto come segue; un valore raggiunto vuoto non è valutato (risultato vuoto), mai 0."),
            (2, "Regole predefinite"),
            (0, "soglia con >= o >: raggiunto ÷ target, al massimo 1 (con target 0: 1 se l'operatore è "
                "rispettato, altrimenti 0). soglia con <= o <: 1 se rispettata, altrimenti target ÷ "
                "raggiunto. soglia con =: 1 se uguale, altrimenti 0."),
            (0, "scadenza: 1 se la data di completamento è entro la scadenza, altrimenti 0; vale anche "
                "VERO/FALSO. termine_relativo: i giorni impiegati (entro N giorni) o di anticipo (N giorni "
                "prima) sono valutati come una soglia. conformita: VERO/FALSO, 1/0, sì/no, rispettato/non "
                "rispettato. composto: la media delle parti, un valore raggiunto per parte nell'ordine del "
                "testo. variazione: valutata rispetto al valore di partenza della riga; senza, non è "
                "valutabile."),
            (2, "Cambiare le regole predefinite"),
            (0, "L'argomento regola (e il profilo di valutazione dell'ente nel Riepilogo) unisce le regole "
                "con ;. tetto=1,2 ammette la sovraperformance fino al 120 %. inferiore=lineare valuta un "
                "tetto superato come (2·target − raggiunto) ÷ target, almeno 0, invece di target ÷ "
                "raggiunto. tolleranza=30 valuta una scadenza mancata di d giorni come 1 − d ÷ 30, almeno 0. "
                "composto=min prende la parte più bassa di un target composto invece della media. "
                "direzione=inferiore o direzione=superiore fissa il verso di un numero senza operatore (un "
                "tetto o un livello). Valgono anche le chiavi inglesi (cap=1.2, lower=linear, late=30, "
                "compound=min, dir=lower) e la virgola o il punto decimale."),
            (0, "Un obiettivo con più righe di indicatori vale la media ponderata degli indicatori (la "
                "colonna Peso se il foglio la ha); PEG.PUNTEGGIO calcola la stessa media."),
        ]),
    },
    "options": {
        "en": ("pegkit options", [f"{EXT}.Options"], [
            (0, "Tools ▸ Options ▸ LibreOffice Calc ▸ PEG, or the Options button of pegkit in Tools ▸ "
                "Extension Manager, holds what a user sets once."),
            (2, "Plan year"),
            (0, "From the sheet: the most frequent deadline year of each sheet (the default). A fixed year: "
                "the year given, for plans whose deadlines span several years."),
            (2, "Scoring rules for new documents"),
            (0, "A rule text such as cap=1.2; late=30, used when a document has no scoring profile of its "
                "own (see the scoring rules). An invalid text is refused with the reason."),
            (2, "Notes written by Validate"),
            (0, "How many marked cells also get a note (200 by default; 0: none). Marks are always written."),
            (0, "pegkit-check reads the same settings from a file given with --config."),
        ]),
        "it": ("Opzioni di pegkit", [f"{EXT}.Options"], [
            (0, "Strumenti ▸ Opzioni ▸ LibreOffice Calc ▸ PEG, o il pulsante Opzioni di pegkit in Strumenti "
                "▸ Gestione estensioni, raccoglie ciò che un utente imposta una volta."),
            (2, "Anno del piano"),
            (0, "Dal foglio: l'anno di scadenza più frequente di ogni foglio (predefinito). Un anno fisso: "
                "l'anno indicato, per piani con scadenze su più anni."),
            (2, "Regole di valutazione per i nuovi documenti"),
            (0, "Un testo di regole come cap=1.2; late=30, usato quando un documento non ha un proprio "
                "profilo di valutazione (vedere le regole di valutazione). Un testo non valido è rifiutato "
                "con il motivo."),
            (2, "Note scritte dalla Verifica"),
            (0, "Quante celle segnate ricevono anche una nota (200 se non cambiato; 0: nessuna). I segni "
                "sono sempre scritti."),
            (0, "pegkit-check legge le stesse impostazioni da un file indicato con --config."),
        ]),
    },
}


def help_tree(lang, key, pages):
    w = WORDS[key]
    topics = "\n".join(f'    <topic id="{EXT}/{p.name}.xhp">{escape(p.title)}</topic>' for p in pages)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            "<!-- Generated by help/make_help.py. -->\n"
            "<tree_view version=\"24-3-2008\">\n"
            f'<help_section application="scalc" id="pegkit" title="pegkit">\n'
            f'  <node id="pegkit_help" title="{escape(w["functions"])}">\n{topics}\n  </node>\n'
            "</help_section>\n</tree_view>\n")


def pages_for(lang, key):
    examples = read_examples()
    pages = [functions_page(lang, key)]
    for fn in FUNCTIONS:
        pages.append(function_page(lang, key, fn, [e for e in examples if e["function"] == fn[1]]))
    for name in ("scoring", "deck", "options"):
        pages.append(prose_page(lang, key, name, PROSE[name]))
    return pages


def generate():
    """{path relative to help/: text} for every generated file."""
    out = {}
    for lang, key in LANGS.items():
        pages = pages_for(lang, key)
        for p in pages:
            out[f"{lang}/{EXT}/{p.name}.xhp"] = p.xml()
        out[f"{lang}/help.tree"] = help_tree(lang, key, pages)
    return out


if __name__ == "__main__":
    for rel, text in generate().items():
        path = os.path.join(HERE, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(path)
