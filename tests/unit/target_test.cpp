// Reading targets where the table files cannot say it all: typed cells, the plan year, the
// dir rule, the indicator's direction, warnings, and the canonical text (TARGETS.md §3-§4).
// Text targets of the sample and of TARGETS.md are in tests/data, read by sample_targets_test.cpp.
#include "cell.hpp"
#include "target.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace pegkit;

namespace {
// Serial of a date in Calc's default null date (1899-12-30)
double serial(int y, int m, int d) { return static_cast<double>(to_serial(Date{y, m, d})); }
}  // namespace

TEST_CASE("typed cells: a date is a deadline, a percent a >= %, a number a >= count", "[targets][typed]") {
    SECTION("date-formatted cell") {
        const Target t = read_target(Cell::of_date(serial(2020, 12, 31)));
        REQUIRE(t.kind == Kind::scadenza);
        CHECK(t.part(1)->op == Op::le);
        CHECK(t.part(1)->unit == Unit::data);
        CHECK(*t.part(1)->deadline == Date{2020, 12, 31});
        CHECK(t.part(1)->value == 44196);
        CHECK(normalize(t) == "entro il 31/12/2020");
    }
    SECTION("percent-formatted cell") {
        const Target t = read_target(Cell::of_percent(0.8));
        REQUIRE(t.kind == Kind::soglia);
        CHECK(t.part(1)->op == Op::ge);
        CHECK(t.part(1)->unit == Unit::percent);
        CHECK(t.part(1)->value == Approx(0.8));
        CHECK(normalize(t) == "≥ 80%");
    }
    SECTION("plain number") {
        const Target t = read_target(Cell::of_number(15));
        REQUIRE(t.kind == Kind::soglia);
        CHECK(t.part(1)->op == Op::ge);
        CHECK(t.part(1)->unit == Unit::none);
        CHECK(t.part(1)->bare);
        CHECK(normalize(t) == "≥ 15");
    }
    SECTION("a number 0 is = 0, as the text 0 (docs/decisions.md)") {
        ReadOptions lower;
        lower.dir = Direction::lower;
        for (const Target& t : {read_target(Cell::of_number(0)), read_target(std::string_view("0")),
                                read_target(Cell::of_number(0), lower), read_target(std::string_view("0"), lower)}) {
            REQUIRE(t.kind == Kind::soglia);
            CHECK(t.part(1)->op == Op::eq);
            CHECK(t.part(1)->value == 0);
            CHECK(normalize(t) == "= 0");
        }
        for (const Target& t : {read_target(Cell::of_percent(0)), read_target(std::string_view("0%"))}) {
            REQUIRE(t.kind == Kind::soglia);
            CHECK(t.part(1)->op == Op::eq);
            CHECK(normalize(t) == "= 0%");
        }
    }
    SECTION("empty cell") { CHECK(read_target(Cell{}).kind == Kind::vuoto); }
    SECTION("boolean cell") { CHECK(read_target(Cell::of_bool(true)).kind == Kind::non_valido); }
}

TEST_CASE("typed dates before 01/03/1900 are Excel artifacts naming the probable number", "[targets][typed]") {
    auto [number, probable] = GENERATE(table<double, std::string>({
        {2, "2"},     // "N. scadenze rispettate": 02/01/1900 in the sample was 2
        {45, "45"},
        {0.9, ""},    // 00/01/1900 in the sample: a fraction such as 90 %
        {0, ""},
    }));
    CAPTURE(number);
    const Target t = read_target(Cell::of_date(number));
    REQUIRE(t.kind == Kind::non_valido);
    REQUIRE(t.first_error());
    CHECK(t.first_error()->code == Diag::excel_date_artifact);
    REQUIRE(t.first_error()->args.size() == 2);
    CHECK(t.first_error()->args[1] == probable);
}

TEST_CASE("the plan year gives year-less dates a year and rejects deadlines of other years", "[targets][plan]") {
    ReadOptions plan;
    plan.plan_year = 2020;
    SECTION("a year-less date is non_valido without a plan year, a deadline with one") {
        CHECK(read_target("entro il 30/06").first_error()->code == Diag::no_year);
        const Target t = read_target("entro il 30/06", plan);
        REQUIRE(t.kind == Kind::scadenza);
        CHECK(*t.part(1)->deadline == Date{2020, 6, 30});
        CHECK(read_target("entro il 30 giugno", plan).kind == Kind::scadenza);
    }
    SECTION("a deadline outside the plan year is still a scadenza without a plan year") {
        CHECK(read_target("31/12/2021").kind == Kind::scadenza);
        const Target t = read_target("31/12/2021", plan);
        REQUIRE(t.kind == Kind::non_valido);
        CHECK(t.first_error()->code == Diag::outside_plan_year);
        CHECK(read_target(Cell::of_date(serial(2021, 1, 15)), plan).first_error()->code == Diag::outside_plan_year);
    }
    SECTION("deadlines of the plan year stay valid") {
        CHECK(read_target("Entro febbraio 2020", plan).kind == Kind::scadenza);
        CHECK(read_target(Cell::of_date(serial(2020, 2, 29)), plan).kind == Kind::scadenza);
    }
}

TEST_CASE("dir=lower makes a bare amount a ceiling, written operators are kept", "[targets][dir]") {
    ReadOptions lower;
    lower.dir = Direction::lower;
    auto [text, plain_op, lower_op] = GENERATE(table<std::string, Op, Op>({
        {"€ 51.294,82 annui", Op::ge, Op::le},  // under "Limite di spesa…"
        {"12", Op::ge, Op::le},
        {">= 80%", Op::ge, Op::ge},
        {"Almeno 3", Op::ge, Op::ge},
        {"8 giorni", Op::le, Op::le},            // a bare duration is already a ceiling
    }));
    CAPTURE(text);
    CHECK(read_target(text).part(1)->op == plain_op);
    CHECK(read_target(text, lower).part(1)->op == lower_op);
    CHECK(read_target(Cell::of_number(39100), lower).part(1)->op == Op::le);
}

TEST_CASE("the indicator names the direction of a bare amount", "[targets][dir]") {
    auto [indicator, dir, word] = GENERATE(table<std::string, Direction, std::string>({
        {"Limite di spesa per l'esercizio delle autovetture", Direction::lower, "limite"},
        {"Tempo medio di contabilizzazione", Direction::lower, "tempo"},
        {"Numero impugnazioni sulle aggiudicazioni", Direction::lower, "impugnazioni"},
        {"Contenimento spesa rispetto agli stanziamenti", Direction::lower, "contenimento"},
        {"N. giorni medi per invio report agli uffici", Direction::lower, "giorni"},
        {"Importi riscossi a titolo di Tributo", Direction::none, ""},
        {"N. riunioni", Direction::none, ""},
        {"Contemporaneità delle verifiche", Direction::none, ""},  // a word that only starts like "tempo"
    }));
    CAPTURE(indicator);
    const DirectionHint h = infer_direction(indicator);
    CHECK(h.dir == dir);
    CHECK(h.word == word);
}

TEST_CASE("warnings keep a target readable", "[targets]") {
    const Target t = read_target("almeno 2,500 ore");
    REQUIRE(t.kind == Kind::soglia);
    CHECK(t.part(1)->value == Approx(2.5));
    CHECK(t.first_error() == nullptr);
    REQUIRE(t.diagnostics.size() == 1);
    CHECK(t.diagnostics[0].code == Diag::ambiguous_number);
    CHECK(t.diagnostics[0].severity == Severity::warning);
}

TEST_CASE("canonical text of each kind", "[targets][normalize]") {
    auto [text, canonical] = GENERATE(table<std::string, std::string>({
        {"< =7 giorni lavorativi", "≤ 7 giorni lavorativi"},
        {"Entro il 31/12/2020", "entro il 31/12/2020"},
        {">€9,000,000", "> 9.000.000 €"},
        {"< =37,41 giorni", "≤ 37,41 giorni"},
        {"<= 2,5", "≤ 2,5"},
        {"entro 48 ore dalla segnalazione", "≤ 48 ore dalla segnalazione"},
        {"un giorno prima della scadenza fissata dalla Corte dei Conti", "≥ 1 giorno prima della scadenza fissata dalla Corte dei Conti"},
        {"Almeno una revisione entro il 31/12/2020", "≥ 1 revisione entro il 31/12/2020"},
        {"<b>Rispetto scadenza prevista</b>", "Rispetto scadenza prevista"},  // conformita keeps its wording
        {"02/01/1900", "02/01/1900"},                                          // non_valido: the cleaned text
        {"  -  ", "-"},
    }));
    CAPTURE(text);
    CHECK(normalize(text) == canonical);
    CHECK(normalize(normalize(text)) == normalize(text));
}

TEST_CASE("names of kinds, operators and units are the contract's codes", "[targets]") {
    CHECK(kind_name(Kind::termine_relativo) == "termine_relativo");
    CHECK(kind_name(Kind::non_valido) == "non_valido");
    CHECK(op_text(Op::ge) == ">=");
    CHECK(op_text(Op::none).empty());
    CHECK(unit_name(Unit::eur) == "EUR");
    CHECK(unit_name(Unit::percent) == "%");
}

TEST_CASE("dates convert to Calc serials and back", "[targets][dates]") {
    CHECK(to_serial(Date{1899, 12, 30}) == 0);
    CHECK(to_serial(Date{1900, 3, 1}) == 61);
    CHECK(to_serial(Date{2020, 12, 31}) == 44196);
    CHECK(from_serial(44196) == Date{2020, 12, 31});
    CHECK_FALSE(valid(Date{2020, 2, 30}));
    CHECK(valid(Date{2020, 2, 29}));
    CHECK_FALSE(valid(Date{2021, 2, 29}));
    CHECK(last_day_of_month(2020, 2) == 29);
}

TEST_CASE("a number of unknown format that is a day of 2000-2099 is a deadline", "[targets][typed]") {
    // What a sheet function receives for a date cell: a plain number (TARGETS.md §3 typed cells).
    ReadOptions unknown;
    unknown.format_unknown = true;
    auto [number, kind] = GENERATE(table<double, Kind>({
        {44196, Kind::scadenza},  // 31/12/2020
        {36526, Kind::scadenza},  // 01/01/2000
        {73050, Kind::scadenza},  // 31/12/2099
        {36525, Kind::soglia},
        {550000, Kind::soglia},   // "Valore degli interventi registrati": a count
        {44196.5, Kind::soglia},  // not a whole day
        {15, Kind::soglia},
    }));
    CAPTURE(number);
    CHECK(read_target(Cell::of_number(number), unknown).kind == kind);
    CHECK(read_target(Cell::of_number(number)).kind == Kind::soglia);  // a known plain number is a count
}

TEST_CASE("a date that names a law sets no deadline", "[targets]") {
    auto [text, kind] = GENERATE(table<std::string, Kind>({
        {"Rispetto del D.Lgs. n. 50 del 18/04/2016", Kind::conformita},
        {"entro il 31/12/2020 ai sensi della L. 241 del 07/08/1990", Kind::scadenza},
        {"Relazione del 30/06/2020", Kind::scadenza},  // no law named: a deadline
    }));
    CAPTURE(text);
    ReadOptions plan;
    plan.plan_year = 2020;
    const Target t = read_target(text, plan);
    CHECK(t.kind == kind);
    if (kind == Kind::scadenza) CHECK(t.parts.size() == 1);
}

// Text pasted from PDFs: the accent as a combining mark after its letter (U+0300, U+0301).
TEST_CASE("decomposed accents read like composed ones", "[targets][unicode]") {
    auto [decomposed, composed] = GENERATE(table<std::string, std::string>({
        {"non piu\xCC\x80 di 10", "non pi\xC3\xB9 di 10"},
        {"NON PIU\xCC\x80 DI 10", "non pi\xC3\xB9 di 10"},
        {"piu\xCC\x80 di 10", "pi\xC3\xB9 di 10"},
        {"entro 15 giorni dalla richiesta da parte dell'organo della Citta\xCC\x80 Metropolitana",
         "entro 15 giorni dalla richiesta da parte dell'organo della Citt\xC3\xA0 Metropolitana"},
        {"Almeno una direttiva/atto di indirizzo trasmesso alla societa\xCC\x80",
         "Almeno una direttiva/atto di indirizzo trasmesso alla societ\xC3\xA0"},
    }));
    CAPTURE(decomposed);
    const Target d = read_target(decomposed), c = read_target(composed);
    REQUIRE(d.kind == c.kind);
    REQUIRE(d.parts.size() == c.parts.size());
    for (std::size_t i = 0; i < d.parts.size(); ++i) {
        CHECK(d.parts[i].op == c.parts[i].op);
        CHECK(d.parts[i].value == c.parts[i].value);
    }
    CHECK(normalize(d) == normalize(c));
}

TEST_CASE("non più di 10 is a ceiling, decomposed or not", "[targets][unicode]") {
    const std::string text = GENERATE(as<std::string>{}, "non pi\xC3\xB9 di 10", "non piu\xCC\x80 di 10");
    CAPTURE(text);
    const Target t = read_target(text);
    REQUIRE(t.kind == Kind::soglia);
    CHECK(t.part(1)->op == Op::le);
    CHECK(t.part(1)->value == 10);
    CHECK(normalize(t) == "\xE2\x89\xA4 10");
}
