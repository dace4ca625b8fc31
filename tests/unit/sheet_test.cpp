#include "clean.hpp"
#include "sheet.hpp"
#include "text_table.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace pegkit;

namespace {

Grid make_grid(const std::vector<std::vector<Cell>>& rows) {
    std::size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    Grid g(static_cast<int>(rows.size()), static_cast<int>(cols));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) g.at(int(r), int(c)) = rows[r][c];
    return g;
}

Cell t(const char* s) { return Cell::of_text(s); }

std::string row_text(const Grid& g, int r) {
    std::string s;
    for (int c = 0; c < g.cols; ++c) s += (c ? "\t" : "") + g.at(r, c).text;
    return s;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const Objective* objective_at(const SheetCheck& check, int row) {
    for (const auto& o : check.objectives)
        if (o.row == row) return &o;
    return nullptr;
}

std::string column_of(const SheetCheck& check, int col) {
    for (std::size_t c = 0; c < column_count; ++c)
        if (col >= 0 && check.column[c] == col) return std::string(column_name(static_cast<Column>(c)));
    return "-";
}

std::vector<Finding> problems(const SheetCheck& check) {
    std::vector<Finding> out;
    for (const auto& f : check.findings)
        if (f.severity != Severity::info) out.push_back(f);
    return out;
}

bool has(const SheetCheck& check, int row, Column col, Diag code) {
    for (const auto& f : check.findings)
        if (f.row == row && f.col == check.col(col) && f.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("split_delimited: CSV quotes, BOM, line ends, TSV as is", "[sheet]") {
    auto [text, sep, expected] = GENERATE(table<std::string_view, char, TextRows>({
        {"a,b\r\nc,d\n", ',', {{"a", "b"}, {"c", "d"}}},
        {"\xEF\xBB\xBF" "a;\"x;y\";c", ';', {{"a", "x;y", "c"}}},
        {"\"he said \"\"sì\"\"\",2", ',', {{"he said \"sì\"", "2"}}},
        // a record over two lines is followed by an empty row: row i stays line i+1
        {"\"Target\nPEG\",x\ny,z", ',', {{"Target\nPEG", "x"}, {}, {"y", "z"}}},
        {"a\t\"b\"\tc", '\t', {{"a", "\"b\"", "c"}}},
        {"a\t\tc\n\nd", '\t', {{"a", "", "c"}, {""}, {"d"}}},
        {"x,\n", ',', {{"x", ""}}},
        {"", ',', {}},
    }));
    CAPTURE(text);
    CHECK(split_delimited(text, sep) == expected);
}

TEST_CASE("grid_from_rows re-aligns the extracted rows of a PEG", "[sheet]") {
    const std::string header = "Obiettivo strategico\tMISSIONE\tProgramma\tObiettivo operativo DUP\tCdr\t"
                               "Indicatore\tTarget\tObiettivo gestionale PEG\tIndicatore\tTarget";
    auto [line, expected] = GENERATE(table<std::string, std::string>({
        {"s\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt", "s\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt"},
        // one short: the strategic column is missing
        {"m\tp\td\tc\tdi\tdt\tpo\tpi\tpt", "\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt"},
        // one long: strategic split in code and label, or two empty halves
        {"2\tOltre i confini metropolitani\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt",
         "2 Oltre i confini metropolitani\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt"},
        {"\t\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt", "\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt"},
        // two long: an empty last cell (line 124), or an empty cell before the PEG target (lines 128-130)
        {"7\tSalvaguardia\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt\t", "7 Salvaguardia\tm\tp\td\tc\tdi\tdt\tpo\tpi\tpt"},
        {"\t\tm\tp\td\tc\t\t\tpo\tpi\t\t30/09/2020", "\tm\tp\td\tc\t\t\tpo\tpi\t30/09/2020"},
        // separator rows become empty
        {"--\t---\t-\t\t-----", "\t\t\t\t\t\t\t\t\t"},
    }));
    CAPTURE(line);
    const Grid g = grid_from_rows(split_delimited("PEG 2020\n\n" + header + "\n" + line, '\t'));
    REQUIRE(g.rows == 4);
    REQUIRE(g.cols == 10);
    CHECK(row_text(g, 0) == "PEG 2020\t\t\t\t\t\t\t\t\t");
    CHECK(row_text(g, 3) == expected);
}

TEST_CASE("grid_from_rows without a PEG header keeps rows as they are", "[sheet]") {
    const Grid g = grid_from_rows({{"a"}, {"b", "c", "d"}});
    CHECK(g.rows == 2);
    CHECK(g.cols == 3);
    CHECK(row_text(g, 0) == "a\t\t");
}

TEST_CASE("check_sheet: header, variant names, merges, typed cells", "[sheet]") {
    const Cell none;
    Grid g = make_grid({
        {t("Città metropolitana di Venezia")},
        {t("PEG 2020 - obiettivi gestionali")},
        {t("OBIETTIVO STRATEGICO"), t("Missione"), t("Centro di responsabilità"), t("Obiettivo operativo (DUP)"),
         t("Indicatore (DUP)"), t("Target (DUP)"), t("PEG - obiettivo gestionale"), t("Indicatore<br>(PEG)"),
         t("Target\n(PEG)"), t("Consuntivo"), t("Peso")},
        {t("1 - Ente efficiente"), t("01"), t("50 - Direttore generale"), t("Riordino"), t("Rispetto scadenza"),
         Cell::of_date(44196), t("Revisione regolamento"), t("Rispetto scadenza"), Cell::of_date(44165),
         Cell::of_bool(true), Cell::of_number(2)},
        {none, t("01"), none, t("<b>Obiettivo routinario</b>"), none, none, t("Pratiche"), t("% evase"),
         Cell::of_percent(0.8), Cell::of_percent(0.6), t("1")},
        {none, t("01"), t("12 Agrondi"), t("Manutenzione"), t("Interventi"), none, t("Verde"), t("N. scadenze"),
         none, none, none},
    });
    g.merges.push_back({3, 0, 5, 0});  // the strategic objective merged over three rows

    const SheetCheck check = check_sheet(g);
    REQUIRE(check.found);
    CHECK(check.header_row == 2);
    CHECK(check.col(Column::strategic) == 0);
    CHECK(check.col(Column::cdr) == 2);
    CHECK(check.col(Column::dup_objective) == 3);
    CHECK(check.col(Column::dup_target) == 5);
    CHECK(check.col(Column::peg_objective) == 6);
    CHECK(check.col(Column::peg_target) == 8);
    CHECK(check.col(Column::actual) == 9);
    CHECK(check.col(Column::weight) == 10);
    CHECK(check.col(Column::programme) == -1);
    CHECK(check.plan_year == 2020);
    CHECK(check.first_row == 3);
    CHECK(check.last_row == 5);
    REQUIRE(check.objectives.size() == 3);

    const Objective& first = check.objectives[0];
    CHECK(first.peg.kind == Kind::scadenza);
    CHECK(first.dup.kind == Kind::scadenza);
    CHECK(first.attainment == Approx(1.0));
    CHECK(first.met);
    CHECK(first.weight == Approx(2.0));

    const Objective& second = check.objectives[1];
    CHECK(second.group[0] == "1 - Ente efficiente");     // merged
    CHECK(second.group[3] == "50 - Direttore generale");  // carried down
    CHECK(second.peg.kind == Kind::soglia);
    REQUIRE(second.peg.part(1));
    CHECK(second.peg.part(1)->unit == Unit::percent);
    CHECK(second.attainment == Approx(0.75));
    CHECK_FALSE(second.met);
    CHECK(second.weight == Approx(1.0));

    const Objective& third = check.objectives[2];
    CHECK(third.group[0] == "1 - Ente efficiente");
    CHECK(third.group[3] == "12 Agrondi");
    CHECK_FALSE(third.assessable);
    CHECK_FALSE(third.attainment);

    CHECK(has(check, 4, Column::dup_target, Diag::missing_dup_target) == false);  // routinary
    CHECK(has(check, 5, Column::peg_target, Diag::missing_peg_target));
    CHECK(has(check, 5, Column::dup_target, Diag::missing_dup_target));
    CHECK(problems(check).size() == 2);
}

TEST_CASE("check_sheet: PEG deadline after the DUP's, empty and headless sheets", "[sheet]") {
    SECTION("peg_after_dup") {
        const Grid g = make_grid({
            {t("Obiettivo operativo DUP"), t("Target DUP"), t("Obiettivo gestionale PEG"), t("Target PEG")},
            {t("Riordino"), t("30/06/2020"), t("Regolamento"), t("Entro il 31/07/2020")},
        });
        const auto found = problems(check_sheet(g));
        REQUIRE(found.size() == 1);
        const Finding& f = found[0];
        CHECK((f.row == 1 && f.col == 3 && f.code == Diag::peg_after_dup && f.severity == Severity::warning));
        CHECK(f.args == std::vector<std::string>{"31/07/2020", "30/06/2020"});
    }
    SECTION("no header") {
        const SheetCheck check = check_sheet(make_grid({{t("Elenco")}, {t("a"), t("b")}}));
        CHECK_FALSE(check.found);
        REQUIRE(check.findings.size() == 1);
        CHECK((check.findings[0].code == Diag::no_header && check.findings[0].row == 0 && check.findings[0].col == -1));
    }
    SECTION("empty") {
        const SheetCheck check = check_sheet(Grid(3, 2));
        REQUIRE(check.findings.size() == 1);
        CHECK(check.findings[0].code == Diag::empty_sheet);
    }
}

// The whole 2020 PEG of Città metropolitana di Venezia against tests/data/sample_findings.tsv.
TEST_CASE("check_sheet: the Venezia 2020 sample", "[sheet]") {
    const std::string text = read_file(PEGKIT_SAMPLE);
    REQUIRE_FALSE(text.empty());
    const Grid grid = grid_from_rows(split_delimited(text, '\t'));
    SheetOptions options;
    options.plan_year = 2020;
    const SheetCheck check = check_sheet(grid, options);
    REQUIRE(check.found);
    CHECK(check.header_row == 2);  // line 3
    CHECK(check.objectives.size() == 145);

    std::set<std::string> expected, actual;
    std::map<std::string, std::string> notes;
    std::istringstream table(read_file(PEGKIT_TEST_DATA "/sample_findings.tsv"));
    bool header = true;
    for (std::string line; std::getline(table, line);) {
        if (line.empty() || line[0] == '#') continue;
        if (header) { header = false; continue; }
        std::vector<std::string> f;
        std::istringstream fields(line);
        for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
        REQUIRE(f.size() >= 4);
        const std::string key = f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3];
        expected.insert(key);
        notes[key] = f.size() > 4 ? f[4] : "";
    }
    REQUIRE(expected.size() == 5);
    for (const Finding& f : check.findings) {
        if (f.severity == Severity::info) continue;
        std::string key = std::to_string(f.row + 1) + "\t" + column_of(check, f.col) + "\t" +
                          std::string(severity_name(f.severity)) + "\t" + std::string(code_name(f.code));
        actual.insert(key);
    }
    for (const auto& e : expected)
        if (!actual.count(e)) FAIL_CHECK("expected, not found: " << e << "  (" << notes[e] << ")");
    for (const auto& a : actual)
        if (!expected.count(a)) FAIL_CHECK("found, not expected: " << a);

    SECTION("info findings") {
        // line 45: DUP "€ 51.294,82 annui" under "Limite di spesa per l'esercizio…" is a ceiling
        CHECK(has(check, 44, Column::dup_target, Diag::direction_inferred));
        REQUIRE(objective_at(check, 44));
        CHECK(objective_at(check, 44)->dup.part(1)->op == Op::le);
        // only bare amounts take a direction from the indicator: not "Rispetto n.8 scadenze" beside
        // "Assenza di ritardo…" (line 115), "2 incontri nell'anno" (132), "2%" under "Percentuale di riduzione…" (27)
        CHECK_FALSE(has(check, 114, Column::peg_target, Diag::direction_inferred));
        CHECK_FALSE(has(check, 131, Column::dup_target, Diag::direction_inferred));
        CHECK_FALSE(has(check, 26, Column::dup_target, Diag::direction_inferred));
        // line 38: "< = 10 giorni" normalizes to "≤ 10 giorni"
        CHECK(has(check, 37, Column::peg_target, Diag::would_normalize));
        // line 4: "31/12/2020" reads as the canonical "entro il 31/12/2020" (TARGETS.md §4)
        CHECK(has(check, 3, Column::peg_target, Diag::would_normalize));
    }
    SECTION("rows repaired and groups carried down") {
        const Objective* o = objective_at(check, 127);  // line 128: target after a stray empty cell
        REQUIRE(o);
        CHECK(o->peg.kind == Kind::scadenza);
        CHECK(objective_at(check, 57)->group[0] == "2 Oltre i confini metropolitani");  // line 58, carried
        CHECK(objective_at(check, 63)->group[0] == "3 Comunicazione e partecipazione");  // line 64, over an empty line
        CHECK(objective_at(check, 86)->group[0].empty());  // line 87: a separator ended the block
        CHECK(objective_at(check, 13)->group[1] == "01 - Servizi istituzionali, generali e di gestione");
    }
    SECTION("plan year inferred") {
        CHECK(check_sheet(grid).plan_year == 2020);
    }
}

TEST_CASE("summarize: counts and weighted means by hand", "[sheet]") {
    const Cell none;
    const Grid g = make_grid({
        // a header needs an objective or indicator column beside the target (issue #8)
        {t("CdR"), t("Missione"), t("Indicatore"), t("Target"), t("Valore raggiunto"), t("Peso")},
        {t("10 - A"), t("01"), t("a"), t(">= 80%"), Cell::of_percent(0.6), Cell::of_number(2)},    // 0.75
        {none, t("01"), t("b"), t("<= 10 giorni"), Cell::of_number(5), Cell::of_number(1)},        // 1, met
        {t("20 - B"), t("01"), t("c"), t("31/12/2020"), Cell::of_date(44206), Cell::of_number(3)},  // 10/01/2021: 0
        {t("20 - B"), t("04"), t("d"), t("Rispetto scadenza prevista"), none, Cell::of_number(1)},  // not assessed
        {t("20 - B"), t("04"), t("e"), t("02/01/1900"), t("2"), none},                              // not assessable
    });
    const Summary s = summarize(check_sheet(g));
    REQUIRE(s.tables.size() == 4);
    CHECK(s.tables[0].by == Column::cdr);
    CHECK(s.tables[1].by == Column::mission);
    CHECK(s.tables[2].by == Column::programme);
    CHECK(s.tables[3].by == Column::strategic);

    const auto& cdr = s.tables[0].rows;
    REQUIRE(cdr.size() == 2);
    CHECK(cdr[0].group == "10 - A");
    CHECK((cdr[0].objectives == 2 && cdr[0].assessed == 2 && cdr[0].met == 1 && cdr[0].not_assessable == 0));
    CHECK(cdr[0].mean_attainment == Approx((2 * 0.75 + 1 * 1.0) / 3));
    CHECK(cdr[0].pct_met() == Approx(0.5));
    CHECK(cdr[1].group == "20 - B");
    CHECK((cdr[1].objectives == 3 && cdr[1].assessed == 1 && cdr[1].met == 0 && cdr[1].not_assessable == 1));
    CHECK(cdr[1].mean_attainment == Approx(0.0));

    const auto& mission = s.tables[1].rows;
    REQUIRE(mission.size() == 2);
    CHECK(mission[0].group == "01");
    CHECK(mission[0].mean_attainment == Approx((2 * 0.75 + 1 * 1.0 + 3 * 0.0) / 6));
    CHECK(mission[1].group == "04");
    CHECK((mission[1].objectives == 2 && mission[1].assessed == 0 && mission[1].not_assessable == 1));
    CHECK_FALSE(mission[1].mean_attainment);

    REQUIRE(s.tables[2].rows.size() == 1);  // no Programma column: one group with an empty label
    CHECK(s.tables[2].rows[0].group.empty());
    CHECK(s.tables[2].rows[0].objectives == 5);

    CHECK((s.total.objectives == 5 && s.total.assessed == 3 && s.total.met == 1 && s.total.not_assessable == 1));
    CHECK(s.total.mean_attainment == Approx(2.5 / 6));
}

TEST_CASE("check_sheet: one actual cell for a composite target", "[sheet]") {
    // "300; 750": one actual per part, in the order of the target's text
    const Grid g = make_grid({
        {t("Obiettivo gestionale PEG"), t("Target (PEG)"), t("Valore raggiunto")},
        {t("6sport"), t("Almeno 300 associazioni e 1.500 voucher"), t("300; 750")},
    });
    const SheetCheck check = check_sheet(g);
    REQUIRE(check.objectives.size() == 1);
    CHECK(check.objectives[0].attainment == Approx((1.0 + 0.5) / 2));
}

TEST_CASE("summarize: one group per CdR however its label is spaced, programmes within their mission", "[sheet]") {
    // Spellings of the sample: "15 -Sallustio (…)" and "15 – Sallustio (…)" are the same CdR;
    // "01-Organismi istituzionali" (Missione 01) and "01 - sistema di protezione civile" (Missione 11) are not.
    const Grid g = make_grid({
        {t("Missione"), t("Programma"), t("CdR"), t("Indicatore"), t("Target (PEG)")},
        {t("01 - Servizi istituzionali"), t("01-Organismi istituzionali"), t("15 -Sallustio (Area istruzione)"), t("a"), t(">= 80%")},
        {t("01 - Servizi istituzionali"), t("01-Organismi istituzionali"), t("15 \xE2\x80\x93 Sallustio (Area istruzione)"), t("b"), t(">= 80%")},
        {t("11- Soccorso civile"), t("01 - sistema di protezione civile"), t("31- Gattolin (Area Ambiente)"), t("c"), t(">= 80%")},
    });
    const Summary s = summarize(check_sheet(g));
    REQUIRE(s.tables[0].rows.size() == 2);
    CHECK(s.tables[0].rows[0].group == "15 -Sallustio (Area istruzione)");  // the first spelling names the group
    CHECK(s.tables[0].rows[0].objectives == 2);
    REQUIRE(s.tables[2].rows.size() == 2);
    CHECK(s.tables[2].rows[0].objectives == 2);
    CHECK(s.tables[2].rows[1].group == "01 - sistema di protezione civile");
}

TEST_CASE("check_sheet: the actual and weight columns the user chose override the header", "[sheet]") {
    // The Summary panel's column choice: a column named otherwise, or none at all.
    const Grid g = make_grid({
        {t("CdR"), t("Target (PEG)"), t("Valore raggiunto"), t("Consuntivo ufficio"), t("Peso"), t("Indicatore")},
        {t("10 - A"), t(">= 80%"), Cell::of_percent(0.4), Cell::of_percent(0.8), Cell::of_number(2), t("a")},
    });
    SECTION("by the header") {
        const SheetCheck c = check_sheet(g);
        REQUIRE(c.objectives.size() == 1);
        CHECK(*c.objectives[0].attainment == Approx(0.5));
        CHECK(*c.objectives[0].weight == 2);
    }
    SECTION("chosen") {
        SheetOptions o;
        o.actual_column = 3;
        o.weight_column = -1;
        const SheetCheck c = check_sheet(g, o);
        CHECK(c.col(Column::actual) == 3);
        CHECK(c.col(Column::weight) == -1);
        CHECK(*c.objectives[0].attainment == Approx(1.0));
        CHECK_FALSE(c.objectives[0].weight);
    }
    SECTION("none") {
        SheetOptions o;
        o.actual_column = -1;
        const SheetCheck c = check_sheet(g, o);
        CHECK_FALSE(c.objectives[0].attainment);
    }
}
