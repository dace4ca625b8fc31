// Headings and header rows as offices write them (issue #8): the headings below were seen on
// published plans (the list, tests/data/layouts/) and the 2020 Venezia PEG.
#include "header.hpp"
#include "sheet.hpp"

#include <catch2/catch.hpp>

using namespace pegkit;

namespace {

Grid make_grid(const std::vector<std::vector<std::string>>& rows) {
    std::size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    Grid g(static_cast<int>(rows.size()), static_cast<int>(cols));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) g.at(int(r), int(c)) = Cell::of_text(rows[r][c]);
    return g;
}

bool problems_free(const SheetCheck& c) {
    for (const Finding& f : c.findings)
        if (f.severity != Severity::info) return false;
    return true;
}

bool found(const SheetCheck& c, Diag code) {
    for (const Finding& f : c.findings)
        if (f.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("read_heading: a heading's role by its words", "[header]") {
    auto [heading, role, year] = GENERATE(table<std::string_view, Column, int>({
        {"Target", Column::peg_target, 0},
        {"Target 2019", Column::peg_target, 2019},
        {"2019 target", Column::peg_target, 2019},
        {"2024", Column::peg_target, 2024},
        {"Target (valore obiettivo)", Column::peg_target, 0},
        {"Target %", Column::peg_target, 0},
        {"Target\n%", Column::peg_target, 0},
        {"Valore atteso", Column::peg_target, 0},
        {"Valore obiettivo anno 2021", Column::peg_target, 2021},  // ASL 2021: the value aimed at
        {"Valore atteso\nannuale", Column::peg_target, 0},
        {"Target PEG", Column::peg_target, 0},
        {"Target 2023", Column::peg_target, 2023},
        {"Target DUP", Column::dup_target, 0},
        {"Indicatore", Column::peg_indicator, 0},
        {"Indicatori", Column::peg_indicator, 0},
        {"Indicatore di risultato", Column::peg_indicator, 0},
        {"Descrizione indicatore", Column::peg_indicator, 0},
        {"Obiettivo gestionale PEG", Column::peg_objective, 0},
        {"Obiettivo 2019", Column::peg_objective, 2019},
        {"Descrizione obiettivo", Column::peg_objective, 0},
        {"Titolo obiettivo", Column::peg_objective, 0},
        {"Obiettivo operativo DUP", Column::dup_objective, 0},
        {"Descrizione Obiettivo operativo", Column::dup_objective, 0},  // the objective when no DUP pair
        {"Obiettivo strategico", Column::strategic, 0},
        {"Area strategica", Column::strategic, 0},
        {"Obiettivi pluriennali 2019 - 2021", Column::strategic, 0},
        {"MISSIONE", Column::mission, 0},
        {"Programma", Column::programme, 0},
        {"Cdr", Column::cdr, 0},
        {"C.d.R.", Column::cdr, 0},
        {"Centro di responsabilità", Column::cdr, 0},
        {"Settore", Column::cdr, 0},
        {"Servizio", Column::cdr, 0},
        {"Area", Column::cdr, 0},
        {"Direzione", Column::cdr, 0},
        {"Dipartimento", Column::cdr, 0},
        {"Struttura responsabile", Column::cdr, 0},
        {"Strutture che contribuiscono al conseguimento dell'obiettivo 2019", Column::cdr, 2019},
        {"Ufficio", Column::cdr, 0},
        {"Dirigente", Column::cdr, 0},
        {"Responsabile", Column::cdr, 0},
        {"Valore raggiunto", Column::actual, 0},
        {"Risultato", Column::actual, 0},
        {"Risultato\n%", Column::actual, 0},
        {"Risultato %", Column::actual, 0},
        {"Consuntivo", Column::actual, 0},
        {"Valore rilevato", Column::actual, 0},
        {"Valore Consuntivo\nIndicatori", Column::actual, 0},
        {"Valore a consuntivo", Column::actual, 0},
        {"% di raggiungimento", Column::attainment, 0},
        {"% di ragg.", Column::attainment, 0},
        {"Grado di raggiungimento", Column::attainment, 0},
        {"Grado di\nRaggiungimento\nObiettivo al semestre\n(valore compreso tra 0\ne 100%)", Column::attainment, 0},
        {"Peso", Column::weight, 0},
        {"Pesatura", Column::weight, 0},
        {"Peso %", Column::weight, 0},
        {"Peso indicatore", Column::weight, 0},
        {"Peso attività\nsull'obiettivo", Column::weight, 0},
        {"Valore di partenza", Column::baseline, 0},
        {"Baseline", Column::baseline, 0},
        {"Anno precedente", Column::baseline, 0},
        {"Valore attuale", Column::baseline, 0},  // Provincia autonoma di Trento, Programma di gestione 2015
        {"Unità di misura", Column::unit, 0},
        {"unità di misura", Column::unit, 0},
        {"Unita\xCC\x80 di misura", Column::unit, 0},  // decomposed accent, as text pasted from a PDF
        {"U.M.", Column::unit, 0},
        {"Scadenza", Column::deadline, 0},
        {"Tempi", Column::deadline, 0},
        {"Tempo", Column::deadline, 0},
        {"Note e\ncriticità", Column::note, 0},
    }));
    CAPTURE(heading);
    const HeadingReading r = read_heading(heading);
    REQUIRE(r.role);
    CHECK(column_name(*r.role) == column_name(role));
    CHECK(r.year.value_or(0) == year);
}

TEST_CASE("read_heading: prose, years by position, and headings of no role", "[header]") {
    CHECK(read_heading("Risultato atteso").prose_target);
    CHECK_FALSE(read_heading("Valore atteso").prose_target);
    CHECK(read_heading("Target primo anno").year_offset == 0);
    CHECK(read_heading("Target secondo anno").year_offset == 1);
    CHECK_FALSE(read_heading("Target 2024-2026").year);  // three years: none of them
    for (std::string_view none : {"Risorse finanziarie", "Tipologia indicatore", "Fonte del dato", "N."}) {
        CAPTURE(none);
        CHECK_FALSE(read_heading(none).role);
    }
}

TEST_CASE("find_header: which row, which column", "[header]") {
    SECTION("a plain Obiettivo | Indicatore | Target table under a title") {
        const Grid g = make_grid({{"PIANO DELLA PERFORMANCE 2024"}, {}, {"Obiettivo", "Indicatore", "Target"},
                                  {"Digitalizzazione", "Pratiche online", ">= 80%"}});
        const SheetCheck c = check_sheet(g);
        REQUIRE(c.found);
        CHECK(c.header_row == 2);
        CHECK((c.col(Column::peg_objective) == 0 && c.col(Column::peg_indicator) == 1 && c.col(Column::peg_target) == 2));
    }
    SECTION("yearly targets: the plan year's is the target, the others are read too") {
        const Grid g = make_grid({{"Obiettivo", "Indicatore", "Target 2024", "Target 2025", "Target 2026"},
                                  {"Digitalizzazione", "Pratiche online", ">= 60%", ">= 70%", ">= abc"}});
        SheetOptions o;
        o.plan_year = 2025;
        const SheetCheck c = check_sheet(g, o);
        CHECK(c.col(Column::peg_target) == 3);
        REQUIRE(c.other_years.size() == 2);
        CHECK((c.other_years[0].col == 2 && c.other_years[0].year == 2024));
        bool checked = false;  // 2026's target is unreadable: said on its cell
        for (const Finding& f : c.findings) checked = checked || (f.col == 4 && f.severity == Severity::error);
        CHECK(checked);
        CHECK(check_sheet(g).col(Column::peg_target) == 2);  // no plan year given: the first year
        CHECK(*check_sheet(g).plan_year == 2024);
    }
    SECTION("a two-row header typed without merges, as a PDF's table is pasted (ASL 2021, tests/data/layouts)") {
        const Grid g = make_grid({{"Interventi previsti", "Descrizione dell'intervento", "Risultati attesi", "", "Risultato raggiunto", "Note"},
                                  {"", "", "Indicatore di risultato", "Valore obiettivo anno 2021", "", ""},
                                  {"1.1", "Controlli", "Aziende controllate/controllabili", "100%", "1273/1273", ""}});
        const SheetCheck c = check_sheet(g);
        REQUIRE(c.found);
        CHECK(c.header_row == 1);
        CHECK((c.col(Column::peg_objective) == 1 && c.col(Column::peg_indicator) == 2 && c.col(Column::peg_target) == 3 &&
               c.col(Column::actual) == 4 && c.col(Column::note) == 5));
        // the description stands in for the objective, and says so
        bool describes = false;
        for (const RoleChoice& r : c.roles) describes = describes || (r.col == 1 && r.reason == RoleReason::describes);
        CHECK(describes);
        // a data row under a full header is no lower header row
        const Grid data = make_grid({{"Obiettivo", "Indicatore", "Target"}, {"", "Pratiche online", ">= 80%"}});
        CHECK(check_sheet(data).header_row == 0);
    }
    SECTION("a two-row header: years under a merged Target") {
        Grid g = make_grid({{"Obiettivo", "Indicatore", "Target", "", "", "Peso"},
                            {"", "", "2024", "2025", "2026", ""},
                            {"Digitalizzazione", "Pratiche online", ">= 60%", ">= 70%", ">= 80%", "20"}});
        g.merges = {{0, 0, 1, 0}, {0, 1, 1, 1}, {0, 2, 0, 4}, {0, 5, 1, 5}};
        const SheetCheck c = check_sheet(g);
        REQUIRE(c.found);
        CHECK(c.header_row == 1);
        CHECK((c.col(Column::peg_target) == 2 && c.other_years.size() == 2 && c.col(Column::weight) == 5));
        CHECK(c.objectives.size() == 1);
    }
    SECTION("prose beside a target, a past year's actual as baseline") {
        const Grid g = make_grid({{"Obiettivo", "Risultato atteso", "Indicatore", "Consuntivo 2023", "Target 2024"},
                                  {"Digitalizzazione", "Più servizi online", "Pratiche online", "55%", ">= 60%"}});
        const SheetCheck c = check_sheet(g);
        CHECK(c.col(Column::peg_target) == 4);
        CHECK(c.col(Column::description) == 1);
        CHECK(c.col(Column::baseline) == 3);
        CHECK(c.col(Column::actual) == -1);
        CHECK(found(c, Diag::role_prose));
        bool explained = false;
        for (const RoleChoice& r : c.roles) explained = explained || (r.col == 3 && r.reason == RoleReason::past_actual);
        CHECK(explained);
    }
    SECTION("no target column: the message says what was found") {
        const Grid g = make_grid({{"Settore", "Obiettivo", "Indicatore", "Peso"}, {"Tributi", "Recupero evasione", "n. avvisi", "30"}});
        const SheetCheck c = check_sheet(g);
        CHECK_FALSE(c.found);
        REQUIRE(c.findings.size() == 1);
        CHECK(c.findings[0].code == Diag::no_target_column);
        CHECK(message(c.findings[0].code, Lang::en, c.findings[0].args) ==
              "no target column (found Settore (A), Obiettivo (B), Indicatore (C), Peso (D)): choose it in the panel or with --columns");
    }
    SECTION("no target column, and data rows whose texts name roles: no header read from the data") {
        // the 2020 Venezia PEG with both Target columns taken out: its rows hold "Obiettivo
        // routinario", "Rispetto scadenza", "01 - Servizi istituzionali ..."
        const Grid g = make_grid({{"Obiettivo strategico", "MISSIONE", "Programma", "Obiettivo operativo DUP", "Cdr",
                                   "Indicatore", "Obiettivo gestionale PEG", "Indicatore"},
                                  {"", "01 - Servizi istituzionali, generali e di gestione", "01-Organismi istituzionali",
                                   "Obiettivo routinario", "Segreteria Generale", "Rispetto scadenza",
                                   "Controllo strategico - Relazione finale performance 2019", "Rispetto scadenza"}});
        const SheetCheck c = check_sheet(g);
        CHECK_FALSE(c.found);
        REQUIRE(c.findings.size() == 1);
        CHECK(c.findings[0].code == Diag::no_target_column);
        CHECK(c.findings[0].args.at(0).rfind("Obiettivo strategico (A), MISSIONE (B)", 0) == 0);
    }
    SECTION("only the DUP's target: the message says whose target it found") {
        const Grid g = make_grid({{"Obiettivo operativo DUP", "Indicatore", "Target", "Obiettivo gestionale PEG", "Indicatore"},
                                  {"Trasparenza", "Pubblicazioni", "100%", "Aggiornare il sito", "n. pagine"}});
        const SheetCheck c = check_sheet(g);
        CHECK_FALSE(c.found);
        REQUIRE(c.findings.size() == 1);
        CHECK(c.findings[0].args.at(0) ==
              "Obiettivo operativo DUP (A), Indicatore (B, DUP), Target (C, DUP), Obiettivo gestionale PEG (D), Indicatore (E)");
    }
    SECTION("a card of labels and values is said to be one, not read as columns") {
        // the performance portal's page of MIT objective 93 (tests/data/layouts/ministero-infrastrutture-*):
        // before, its row "Descrizione | L'obiettivo si propone ..." was reported as two columns
        const std::vector<std::vector<std::string>> card = {
            {"Codice", "93"},
            {"Titolo", "Ottimizzare le procedure per la pianificazione, l'erogazione di contributi ed altri interventi "
                       "finanziari per l'autotrasporto, per l'intermodalità e per la realizzazione degli interporti"},
            {"Descrizione", "L'obiettivo si propone di erogare le risorse finanziarie previste a favore delle imprese di "
                            "autotrasporto, per l'intermodalità e per gli interporti"},
            {"Missione", "013 – Diritto alla mobilita' e sviluppo dei sistemi di trasporto"},
            {"Programma", "002 – Autotrasporto ed intermodalita'"},
            {"Unità di misura", "quantitativa (euro)"},
            {"Target primo anno", "85,00%"},
            {"Target secondo anno", "85,00%"}};
        const SheetCheck c = check_sheet(make_grid(card));
        CHECK_FALSE(c.found);
        REQUIRE(c.findings.size() == 1);
        CHECK(c.findings[0].code == Diag::card_not_table);
        CHECK(message(c.findings[0].code, Lang::en, c.findings[0].args) ==
              "this sheet is a card, not a table with a header row: column A lists labels one under another, each "
              "with its value to the right (Descrizione, Missione, Programma, …, Target primo anno); pegkit reads "
              "tables only");
        // the same page without its targets is no card to say: what it names is said, and no target
        const SheetCheck head = check_sheet(make_grid({card.begin(), card.begin() + 6}));
        REQUIRE(head.findings.size() == 1);
        CHECK(head.findings[0].code == Diag::no_target_column);
    }
    SECTION("the user's choice of columns and header row") {
        const Grid g = make_grid({{"Settore", "Obiettivo", "Indicatore", "Valore programmato", "Valore a fine anno"},
                                  {"Tributi", "Recupero evasione", "n. avvisi", ">= 300", "280"}});
        SheetOptions o;
        o.columns = {{Column::peg_target, 3}, {Column::actual, 4}};
        const SheetCheck c = check_sheet(g, o);
        REQUIRE(c.found);
        CHECK((c.col(Column::peg_target) == 3 && c.col(Column::actual) == 4));
        REQUIRE(c.objectives.size() == 1);
        CHECK(*c.objectives[0].attainment == Approx(280.0 / 300));
        o.header_row = 1;  // a wrong header row: nothing read as a table
        CHECK_FALSE(check_sheet(g, o).found);
    }
}

TEST_CASE("check_sheet: objectives over several indicator rows, section rows, repeated headers", "[header]") {
    SECTION("an objective written once over its indicators is one objective") {
        Grid g = make_grid({{"Obiettivo", "Indicatore", "Target", "Valore raggiunto", "Peso"},
                            {"Digitalizzazione", "Pratiche online", ">= 80%", "40%", "2"},
                            {"", "Tempo medio", "<= 10 giorni", "10", "1"},
                            {"Trasparenza", "Pubblicazioni", ">= 10", "10", "1"}});
        const SheetCheck c = check_sheet(g);
        CHECK(c.objective_count == 2);
        CHECK(c.objectives.size() == 3);
        const Summary s = summarize(c);
        CHECK((s.total.objectives == 2 && s.total.indicators == 3));
        // objective 1: indicators weighted 2 and 1 -> (2*0.5 + 1)/3; its weight 3; objective 2: 1, weight 1
        CHECK(*s.total.mean_attainment == Approx((3 * (2 * 0.5 + 1.0) / 3 + 1 * 1.0) / 4));
        CHECK(s.total.met == 1);
    }
    SECTION("merged over its indicators, with one weight for the objective") {
        Grid g = make_grid({{"Obiettivo", "Peso", "Indicatore", "Target", "Valore raggiunto"},
                            {"Digitalizzazione", "30", "Pratiche online", ">= 80%", "40%"},
                            {"", "", "Tempo medio", "<= 10 giorni", "10"},
                            {"Trasparenza", "10", "Pubblicazioni", ">= 10", "10"}});
        g.merges = {{1, 0, 2, 0}, {1, 1, 2, 1}};
        const Summary s = summarize(check_sheet(g));
        CHECK((s.total.objectives == 2 && s.total.indicators == 3));
        CHECK(*s.total.mean_attainment == Approx((30 * 0.75 + 10 * 1.0) / 40));
    }
    SECTION("section rows set the group; a repeated header and a total are skipped") {
        const Grid g = make_grid({{"Obiettivo", "Indicatore", "Target"},
                                  {"SETTORE 2 – Servizi finanziari"},
                                  {"Recupero evasione", "n. avvisi", ">= 300"},
                                  {"Obiettivo", "Indicatore", "Target"},
                                  {"PROGRAMMA: 01 Organi istituzionali"},
                                  {"Trasparenza", "Pubblicazioni", ">= 10"},
                                  {"TOTALE"}});
        const SheetCheck c = check_sheet(g);
        CHECK(c.section_count == 2);
        REQUIRE(c.objectives.size() == 2);
        CHECK(c.objectives[0].group[3] == "SETTORE 2 - Servizi finanziari");
        CHECK(c.objectives[1].group[2] == "PROGRAMMA: 01 Organi istituzionali");
        CHECK(c.objectives[1].group[3] == "SETTORE 2 - Servizi finanziari");
        CHECK(problems_free(c));
    }
    SECTION("a title naming the plan sets no group; the page heading's unit named again is one section") {
        // Provincia autonoma di Trento, Programma di gestione anno 2015 (tests/data/layouts/
        // provincia-autonoma-trento-programma-gestione-2015.layout): some title rows left out, the second
        // objective's description and expected value cut after their first item
        const Grid g = make_grid({{"PROGRAMMA DI GESTIONE ANNO 2015"},
                                  {"DIP. SVILUPPO ECONOMICO E LAVORO"},
                                  {"1.OBIETTIVI STRATEGICI"},
                                  {"DESCRIZIONE OBIETTIVO", "Valore attuale", "Valore atteso"},
                                  {"DIP. SVILUPPO ECONOMICO E LAVORO"},
                                  {"Obiettivo: 01\nCodice Intervento 1_1_1. Interventi per la validazione e certificazione delle competenze",
                                   "Avviata dall'Agenzia del Lavoro la sperimentazione della validazione delle competenze nell'ambito "
                                   "dell'apprendistato professionalizzante, con la nomina delle Commissioni di valutazione di "
                                   "settore, per le figure professionali di acconciatore, falegname ed elettricista.",
                                   "Conclusione dei lavori delle commissioni di valutazione e prime indicazioni sulla validità del "
                                   "modello - entro ottobre 2015"},
                                  {"Obiettivo: 02\nCodice Intervento 1_2_1. Orientamento dell'investimento in ricerca verso gli ambiti di eccellenza",
                                   "Con la legge finanziaria provinciale 2015 è stata modificata la disciplina degli aiuti per la "
                                   "promozione della ricerca e sviluppo e degli aiuti alle piccole imprese innovative in fase di "
                                   "avviamento (articoli 5 e 24 septies della legge provinciale sugli incentivi alle imprese - "
                                   "L.p. 6/1999), per garantire conformità al Regolamento UE n. 651/2014.",
                                   "- Definizione della proposta di nuovi criteri per il sostegno alla ricerca industriale, con "
                                   "l’utilizzo di risorse FESR 2014-2020 - entro dicembre 2015"}});
        const SheetCheck c = check_sheet(g);
        REQUIRE(c.found);
        CHECK(c.header_row == 3);
        CHECK((c.col(Column::peg_objective) == 0 && c.col(Column::baseline) == 1 && c.col(Column::peg_target) == 2));
        CHECK(c.section_count == 1);
        REQUIRE(c.objectives.size() == 2);
        CHECK(c.objective_count == 2);
        CHECK(c.objectives[0].group[3] == "DIP. SVILUPPO ECONOMICO E LAVORO");
        CHECK(c.objectives[0].group[2].empty());
    }
}

TEST_CASE("summarize: a workbook with a sheet per Settore", "[header]") {
    const Grid tributi = make_grid({{"Obiettivo", "Indicatore", "Target", "Valore raggiunto"},
                                    {"Recupero evasione", "n. avvisi", ">= 300", "150"},
                                    {"", "Incasso", ">= 1.000.000 €", "1000000"}});
    const Grid personale = make_grid({{"CdR", "Obiettivo", "Indicatore", "Target", "Valore raggiunto"},
                                      {"Ufficio personale", "Formazione", "Ore", ">= 10", "10"}});
    const SheetCheck a = check_sheet(tributi), b = check_sheet(personale);
    const Summary s = summarize(std::vector<NamedCheck>{{"Settore Tributi", &a}, {"Settore Personale", &b}});
    CHECK((s.total.objectives == 2 && s.total.indicators == 3 && s.total.met == 1));
    REQUIRE(s.tables[0].rows.size() == 2);
    CHECK(s.tables[0].rows[0].group == "Settore Tributi");  // no CdR column: the sheet's name
    CHECK(*s.tables[0].rows[0].mean_attainment == Approx((0.5 + 1.0) / 2));
    CHECK(s.tables[0].rows[1].group == "Ufficio personale");
}
