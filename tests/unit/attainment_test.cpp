#include "attainment.hpp"
#include "diagnostic.hpp"
#include "target.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

using namespace pegkit;

namespace Catch {
template <>
struct StringMaker<Cell> {
    static std::string convert(const Cell& c) {
        switch (c.type) {
            case CellType::empty: return "empty";
            case CellType::text: return "text \"" + c.text + "\"";
            case CellType::number: return "number " + std::to_string(c.number);
            case CellType::percent: return "percent " + std::to_string(c.number);
            case CellType::date: return "date " + format_date(from_serial(static_cast<long>(c.number)));
            case CellType::boolean: return c.number != 0 ? "TRUE" : "FALSE";
            case CellType::error: return "error " + c.text;
        }
        return "?";
    }
};
}  // namespace Catch

namespace {

Cell none() { return {}; }
Cell num(double v) { return Cell::of_number(v); }
Cell pct(double v) { return Cell::of_percent(v); }
Cell txt(std::string t) { return Cell::of_text(std::move(t)); }
Cell yes(bool b) { return Cell::of_bool(b); }
Cell date(int d, int m, int y) { return Cell::of_date(static_cast<double>(to_serial({y, m, d}))); }
Cell serial(int d, int m, int y) { return num(static_cast<double>(to_serial({y, m, d}))); }  // a date as the add-in sees it
Cell err(std::string t) { Cell c; c.type = CellType::error; c.text = std::move(t); return c; }

Rules rules_of(std::string_view text) {
    RulesParse p = parse_rules(text);
    INFO("rule " << text);
    REQUIRE(p);
    return p.rules;
}

// A target built by hand: exercises the scoring without the reader.
Target soglia(Op op, double value, Unit unit = Unit::none, bool bare = false) {
    Target t;
    t.kind = Kind::soglia;
    Measure m;
    m.op = op;
    m.value = value;
    m.unit = unit;
    m.bare = bare;
    t.parts.push_back(m);
    return t;
}

const char* status_name(Attainment::Status s) {
    switch (s) {
        case Attainment::Status::scored: return "scored";
        case Attainment::Status::not_assessed: return "not_assessed";
        case Attainment::Status::error: return "error";
    }
    return "?";
}

}  // namespace

TEST_CASE("attainment of real targets", "[attainment]") {
    const double deadline_late_10 = 1 - 10.0 / 30;
    auto [target, actuals, rule, expected] = GENERATE_COPY(table<std::string_view, std::vector<Cell>, std::string_view, double>({
        // soglia >=: actual / target, capped
        {">= 80%", {pct(0.72)}, "", 0.9},
        {">= 80%", {num(0.72)}, "", 0.9},
        {">= 80%", {num(72)}, "", 0.9},               // 72 typed for 72 %
        {">= 80%", {txt("72%")}, "", 0.9},
        {">= 80%", {txt("0,72")}, "", 0.9},
        {">= 80%", {pct(0.85)}, "", 1},
        {">= 80%", {pct(0.96)}, "cap=1.2", 1.2},
        {">= 80%", {pct(1.2)}, "cap=1.2", 1.2},
        {"100,00%", {num(1.05)}, "", 1},              // a 105 % cell seen by the add-in as 1.05
        {"100,00%", {num(1.05)}, "cap=1.2", 1.05},
        {"100,00%", {num(95)}, "", 0.95},
        {"Almeno 60%", {pct(0.3)}, "", 0.5},
        {"> 80%", {pct(0.9)}, "", 1},
        {"Almeno 3", {num(2)}, "", 2.0 / 3},
        {"Almeno 3", {num(4)}, "cap=1.2", 1.2},
        {"Almeno 3", {txt("2")}, "", 2.0 / 3},
        {"n. 6", {num(3)}, "", 0.5},
        {"2 incontri nell'anno", {num(1)}, "", 0.5},
        {"2 incontri nell'anno", {txt("1 incontro")}, "", 0.5},
        {"<b>Rispetto n.8 scadenze</b>", {num(8)}, "", 1},
        {"≥ 31.000", {txt("27.900")}, "", 0.9},
        {">=31,000", {num(15500)}, "", 0.5},
        {"almeno 9.000.000,00", {txt("9.000.000,00")}, "", 1},
        {">€9,000,000", {num(9500000)}, "cap=1.2", 9.5 / 9},
        {">€9,000,000", {num(8100000)}, "", 0.9},
        {">= 9 mln di euro", {num(9900000)}, "cap=1.2", 1.1},
        {"Entrate correnti - spese correnti e rimborso prestiti > 9 mln di euro", {num(10e6)}, "", 1},
        {"Almeno 60.000,00 euro", {txt("€ 45.000,00")}, "", 0.75},
        // a bare amount is a floor unless dir=lower makes it a ceiling
        {"€ 51.294,82 annui", {num(46165.338)}, "", 0.9},
        {"€ 51.294,82 annui", {num(40000)}, "dir=lower", 1},
        {"€ 51.294,82 annui", {num(60000)}, "dir=lower", 51294.82 / 60000},
        {"€ 51.294,82 annui", {num(60000)}, "dir=higher", 1},
        {"12", {num(6)}, "", 0.5},
        {"12", {num(6)}, "dir=lower", 1},
        {"8 giorni", {num(10)}, "", 0.8},             // a bare duration is already a ceiling
        {"8 giorni", {num(4)}, "dir=higher", 0.5},
        // soglia <=: 1 if met, else target / actual (or linear)
        {"< =5 giorni", {num(8)}, "", 0.625},
        {"< =5 giorni", {num(5)}, "", 1},
        {"< =5 giorni", {num(0)}, "", 1},
        {"< =5 giorni", {num(8)}, "lower=linear", 0.4},
        {"< =5 giorni", {num(12)}, "lower=linear", 0},
        {"< =5 giorni", {num(4)}, "cap=1.2", 1},      // under a ceiling is not over-achievement
        {"< =37,41 giorni", {txt("37,41")}, "", 1},
        {"< =37,41 giorni", {txt("40 giorni")}, "", 37.41 / 40},
        {"<=9", {num(9)}, "", 1},
        {"<= 2,5", {num(5)}, "", 0.5},
        {"Entro 20 giorni", {num(25)}, "", 0.8},
        {"< 3 giorni", {num(2)}, "", 1},
        {"< 3 giorni", {num(6)}, "", 0.5},
        {"<= €39.100", {num(39100)}, "", 1},
        {"<= 5%", {pct(0.1)}, "", 0.5},
        {"<= 5%", {num(4)}, "", 1},                   // 4 typed for 4 %
        {"<= 5%", {num(10)}, "", 0.5},
        {"<= 5%", {txt("10%")}, "lower=linear", 0},
        // soglia =
        {"Zero anomalie", {num(0)}, "", 1},
        {"Zero anomalie", {txt("0")}, "", 1},
        {"Zero anomalie", {txt("nessuna anomalia")}, "", 1},
        {"Zero anomalie", {num(2)}, "", 0},
        {"Zero anomalie", {num(2)}, "lower=linear", 0},
        // scadenza: on or before the deadline
        {"31/12/2020", {date(15, 12, 2020)}, "", 1},
        {"31/12/2020", {date(31, 12, 2020)}, "", 1},
        {"31/12/2020", {date(10, 1, 2021)}, "", 0},
        {"31/12/2020", {date(10, 1, 2021)}, "late=30", deadline_late_10},
        {"31/12/2020", {date(1, 3, 2021)}, "late=30", 0},
        {"31/12/2020", {serial(10, 1, 2021)}, "late=30", deadline_late_10},
        {"31/12/2020", {txt("15/12/2020")}, "", 1},
        {"31/12/2020", {txt("10/01/2021")}, "late=30", deadline_late_10},
        {"31/12/2020", {yes(true)}, "", 1},
        {"31/12/2020", {yes(false)}, "late=30", 0},
        {"31/12/2020", {num(1)}, "", 1},
        {"31/12/2020", {txt("sì")}, "", 1},
        {"31/12/2020", {txt("no")}, "", 0},
        {"<b>31/07/2020</b>", {date(31, 7, 2020)}, "", 1},
        {"Entro il 30/11/2020", {txt("15/12/2020")}, "", 0},
        {"Entro il 30/11/2020", {txt("30/11/2020")}, "", 1},
        {"Entro febbraio 2020", {date(29, 2, 2020)}, "", 1},
        {"Entro febbraio 2020", {date(1, 3, 2020)}, "late=30", 1 - 1.0 / 30},
        {"Report conclusivo entro il 16.12.2020", {txt("16.12.2020")}, "", 1},
        // termine_relativo: days taken (<=) or days of advance (>=)
        {"un giorno prima della scadenza fissata dalla Corte dei Conti", {num(3)}, "", 1},
        {"un giorno prima della scadenza fissata dalla Corte dei Conti", {num(0)}, "", 0},
        {"7 giorni di calendario prima della scadenza fissata dalla normativa vigente", {num(5)}, "", 5.0 / 7},
        {"7 giorni di calendario prima della scadenza fissata dalla normativa vigente", {num(10)}, "cap=1.2", 1.2},
        {"entro 15 giorni dalla richiesta da parte dell'organo della Città Metropolitana", {num(20)}, "", 0.75},
        {"entro 15 giorni dalla richiesta da parte dell'organo della Città Metropolitana", {num(20)}, "lower=linear", 2 - 20.0 / 15},
        {"entro 15 giorni dalla richiesta da parte dell'organo della Città Metropolitana", {txt("rispettato")}, "", 1},
        {"Entro 10 gg dal rilascio del software da parte della società realizzatrice", {num(10)}, "", 1},
        // conformita
        {"Rispetto scadenza prevista", {txt("sì")}, "", 1},
        {"Rispetto scadenza prevista", {txt("si")}, "", 1},
        {"Rispetto scadenza prevista", {txt(" SÌ ")}, "", 1},
        {"Rispetto scadenza prevista", {txt("si\xCC\x80")}, "", 1},            // sì pasted from a PDF: i + U+0300
        {"Rispetto scadenza prevista", {txt("SI\xCC\x80")}, "", 1},
        {"Rispetto scadenza prevista", {txt("s\xC3\xAD.")}, "", 1},             // sí, with a full stop
        {"Rispetto scadenza prevista", {txt("<b>s\xC3\xAC</b>")}, "", 1},
        {"Rispetto scadenza prevista", {txt("non\xC2\xA0rispettato")}, "", 0},
        {"Rispetto scadenza prevista", {txt("no")}, "", 0},
        {"Rispetto scadenza prevista", {txt("Rispettato")}, "", 1},
        {"Rispetto scadenza prevista", {txt("non rispettato")}, "", 0},
        {"Rispetto scadenza prevista", {txt("NON RISPETTATA")}, "", 0},
        {"Rispetto scadenza prevista", {yes(true)}, "", 1},
        {"Rispetto scadenza prevista", {yes(false)}, "", 0},
        {"Rispetto scadenza prevista", {num(1)}, "", 1},
        {"Rispetto scadenza prevista", {num(0)}, "", 0},
        {"Rispetto scadenza prevista", {txt("1")}, "", 1},
        {"Scadenza di legge", {txt("VERO")}, "", 1},
        {"rispetto cronoprogramma", {txt("FALSO")}, "", 0},
        // composto: mean of the parts (or their minimum)
        {"Almeno 300 associazioni iscritte e 1.500 voucher emessi, totale previsti 1.800", {num(240), num(1500)}, "", 0.9},
        {"Almeno 300 associazioni iscritte e 1.500 voucher emessi, totale previsti 1.800", {num(240), num(1500)}, "compound=min", 0.8},
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {num(360), num(1500)}, "cap=1.2", 1.1},
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {num(360), num(1500), none()}, "", 1},
        {"Almeno una revisione entro il 31/12/2020", {num(1), date(15, 12, 2020)}, "", 1},
        {"Almeno una revisione entro il 31/12/2020", {num(0), date(15, 12, 2020)}, "", 0.5},
        {"Almeno una revisione entro il 31/12/2020", {num(1), date(10, 1, 2021)}, "late=30", (1 + deadline_late_10) / 2},
    }));
    CAPTURE(target, actuals, rule);
    Target t = read_target(target);
    CAPTURE(kind_name(t.kind));
    Attainment a = attain(t, actuals, rules_of(rule));
    CAPTURE(status_name(a.status), a.diagnostic ? message(*a.diagnostic, Lang::en) : "");
    REQUIRE(a.status == Attainment::Status::scored);
    CHECK(a.value == Approx(expected).epsilon(1e-12).margin(1e-12));
}

TEST_CASE("met: attainment 1 under the default rules", "[attainment]") {
    auto [target, actuals, expected] = GENERATE(table<std::string_view, std::vector<Cell>, bool>({
        {">= 80%", {pct(0.8)}, true},
        {">= 80%", {num(80)}, true},
        {">= 80%", {pct(0.79)}, false},
        {">= 80%", {pct(1)}, true},
        {">€9,000,000", {num(9000001)}, true},
        {">€9,000,000", {num(9000000)}, false},    // strict: equal is not more
        {"< 3 giorni", {num(3)}, false},
        {"< 3 giorni", {num(2)}, true},
        {"Zero anomalie", {num(0)}, true},
        {"Zero anomalie", {num(2)}, false},
        {"31/12/2020", {date(31, 12, 2020)}, true},
        {"31/12/2020", {date(1, 1, 2021)}, false},
        {"Rispetto scadenza prevista", {txt("sì")}, true},
        {"Rispetto scadenza prevista", {txt("si\xCC\x80")}, true},
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {num(300), num(1500)}, true},
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {num(299), num(1500)}, false},
        {">= 80%", {none()}, false},
        {"02/01/1900", {num(2)}, false},
    }));
    CAPTURE(target, actuals);
    CHECK(met(read_target(target), actuals) == expected);
}

TEST_CASE("a strict operator reached only at equality scores just below 1", "[attainment]") {
    auto [target, actual] = GENERATE(table<std::string_view, double>({
        {">€9,000,000", 9000000},
        {"> 80%", 0.8},
        {"< 3 giorni", 3},
    }));
    CAPTURE(target, actual);
    Attainment a = attain(read_target(target), num(actual));
    REQUIRE(a.status == Attainment::Status::scored);
    CHECK(a.value < 1);
    CHECK(a.value > 0.9999);
}

TEST_CASE("an empty actual is not assessed, never 0", "[attainment]") {
    auto [target, actuals] = GENERATE(table<std::string_view, std::vector<Cell>>({
        {">= 80%", {none()}},
        {">= 80%", {txt("   ")}},
        {">= 80%", {txt("\xC2\xA0")}},
        {">= 80%", {txt("-")}},
        {">= 80%", {}},
        {"< =5 giorni", {txt("n.d.")}},
        {"31/12/2020", {none()}},
        {"Rispetto scadenza prevista", {none()}},
        {"un giorno prima della scadenza fissata dalla Corte dei Conti", {none()}},
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {none(), none()}},
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {none()}},
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {num(240), none()}},  // half reported
    }));
    CAPTURE(target, actuals);
    Attainment a = attain(read_target(target), actuals, rules_of("cap=1.2; late=30"));
    CAPTURE(a.value, a.diagnostic ? message(*a.diagnostic, Lang::en) : "");
    CHECK(a.status == Attainment::Status::not_assessed);
    CHECK_FALSE(a.diagnostic);
}

TEST_CASE("attainment errors carry a diagnostic", "[attainment]") {
    auto [target, actuals, code, arg] = GENERATE(table<std::string_view, std::vector<Cell>, Diag, std::string_view>({
        // the target is the problem
        {"02/01/1900", {num(2)}, Diag::excel_date_artifact, "02/01/1900"},
        {"<= 140, 55 giorni", {num(100)}, Diag::two_numbers, ""},
        {"", {num(1)}, Diag::empty_target, ""},
        {"-", {num(1)}, Diag::empty_target, ""},
        {"02/01/1900", {none()}, Diag::excel_date_artifact, "02/01/1900"},  // even before an actual comes
        // the actual is the problem
        {">= 80%", {txt("abc")}, Diag::bad_actual, "abc"},
        {">= 80%", {txt(">= 85%")}, Diag::bad_actual, ">= 85%"},
        {">= 80%", {txt("sì")}, Diag::bad_actual, "sì"},
        {">= 80%", {date(15, 12, 2020)}, Diag::bad_actual, ""},
        {">= 80%", {err("#DIV/0!")}, Diag::bad_actual, "#DIV/0!"},
        {">= 80%", {num(std::nan(""))}, Diag::bad_actual, ""},
        {"Zero anomalie", {txt("da verificare")}, Diag::bad_actual, "da verificare"},
        {"31/12/2020", {txt("domani")}, Diag::bad_actual, "domani"},
        {"31/12/2020", {pct(0.5)}, Diag::bad_actual, ""},
        {"31/12/2020", {num(-5)}, Diag::bad_actual, ""},
        {"Rispetto scadenza prevista", {txt("forse")}, Diag::bad_actual, "forse"},
        {"Rispetto scadenza prevista", {num(0.5)}, Diag::bad_actual, ""},
        {"Rispetto scadenza prevista", {date(15, 12, 2020)}, Diag::bad_actual, ""},
        // one actual per part
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {num(240)}, Diag::part_count, "2"},
        {"Almeno 300 associazioni iscritte e 1500 voucher emessi", {num(240), num(1500), num(3)}, Diag::part_count, "2"},
        {">= 80%", {pct(0.8), pct(0.9)}, Diag::part_count, "1"},
    }));
    CAPTURE(target, actuals);
    Attainment a = attain(read_target(target), actuals);
    CAPTURE(status_name(a.status), a.value);
    REQUIRE(a.status == Attainment::Status::error);
    REQUIRE(a.diagnostic);
    CHECK(code_name(a.diagnostic->code) == code_name(code));
    CHECK(a.diagnostic->severity == Severity::error);
    if (!arg.empty()) {
        REQUIRE_FALSE(a.diagnostic->args.empty());
        CHECK(a.diagnostic->args[0] == arg);
    }
    CHECK_FALSE(message(*a.diagnostic, Lang::it).empty());
}

TEST_CASE("part_count names parts expected and actuals given", "[attainment]") {
    Attainment a = attain(read_target("Almeno 300 associazioni iscritte e 1500 voucher emessi"), num(240));
    REQUIRE(a.diagnostic);
    CHECK(a.diagnostic->args == std::vector<std::string>{"2", "1"});
    CHECK(message(*a.diagnostic, Lang::it) == "valori raggiunti attesi: 2 (uno per parte del target), indicati: 1");
}

TEST_CASE("hand-built thresholds: zero, negative and extreme values stay finite", "[attainment]") {
    auto [op, target, actual, rule, expected] = GENERATE(table<Op, double, double, std::string_view, double>({
        {Op::ge, 0, 0, "", 1},           // "almeno 0": met by anything not negative
        {Op::ge, 0, -1, "", 0},
        {Op::gt, 0, 0, "", 0},
        {Op::gt, 0, 1e-3, "cap=1.2", 1},  // no ratio to a zero floor, so no over-achievement
        {Op::le, 0, 0, "", 1},
        {Op::le, 0, 3, "", 0},
        {Op::le, 0, 3, "lower=linear", 0},
        {Op::lt, 0, 0, "", 0},
        {Op::lt, 0, -1, "", 1},
        {Op::le, 5, -2, "", 1},
        {Op::ge, 10, -5, "", 0},          // a negative actual scores 0, not below
        {Op::ge, 1e-300, 1e300, "cap=1.2", 1.2},
        {Op::le, 1e-300, 1e300, "", 0},
        {Op::le, 1e300, 1.5e300, "lower=linear", 0.5},
        {Op::eq, 3, 3 * (1 + 1e-12), "", 1},  // relative tolerance 1e-9
        {Op::eq, 3, 3.001, "", 0},
        {Op::ge, 0.8, 0.8 * (1 - 1e-12), "", 1},
    }));
    CAPTURE(op_text(op), target, actual, rule);
    Attainment a = attain(soglia(op, target), num(actual), rules_of(rule));
    REQUIRE(a.status == Attainment::Status::scored);
    CHECK(std::isfinite(a.value));
    CHECK(a.value == Approx(expected).epsilon(1e-12).margin(1e-12));
}

TEST_CASE("hand-built: dir only re-reads a bare amount", "[attainment]") {
    auto [bare, rule, expected] = GENERATE(table<bool, std::string_view, double>({
        {true, "", 0.5},
        {true, "dir=lower", 1},
        {false, "dir=lower", 0.5},  // ">= 10" was written: the rule does not turn it
    }));
    CAPTURE(bare, rule);
    Attainment a = attain(soglia(Op::ge, 10, Unit::none, bare), num(5), rules_of(rule));
    REQUIRE(a.status == Attainment::Status::scored);
    CHECK(a.value == Approx(expected));
}

TEST_CASE("attainment is always finite and within [0, cap]", "[attainment]") {
    const std::vector<std::string_view> targets = {
        ">= 80%", "< =5 giorni", "< 3 giorni", "Zero anomalie", ">€9,000,000", "<= 5%", "€ 51.294,82 annui",
        "31/12/2020", "un giorno prima della scadenza fissata dalla Corte dei Conti", "Rispetto scadenza prevista"};
    const std::vector<double> values = {0, -0.0, 1, -1, 0.5, 1e-300, -1e-300, 1e300, -1e300, 44180, 2958466, 1e9};
    const std::vector<std::string_view> rules = {"", "cap=1.5; lower=linear; late=1", "dir=lower", "dir=higher; late=1000"};
    for (std::string_view target : targets) {
        Target t = read_target(target);
        for (std::string_view rule : rules) {
            Rules r = rules_of(rule);
            for (double v : values) {
                for (Cell c : {num(v), pct(v), Cell::of_date(v)}) {
                    Attainment a = attain(t, c, r);
                    if (a.status != Attainment::Status::scored) continue;
                    CAPTURE(target, rule, c);
                    CHECK(std::isfinite(a.value));
                    CHECK(a.value >= 0);
                    CHECK(a.value <= r.cap);
                }
            }
        }
    }
}

TEST_CASE("parse_rules reads every option", "[attainment]") {
    SECTION("well formed") {
        auto [text, cap, linear, late, compound_min, dir] =
            GENERATE(table<std::string_view, double, bool, double, bool, Direction>({
                {"", 1, false, 0, false, Direction::none},
                {"   ", 1, false, 0, false, Direction::none},
                {"cap=1.2", 1.2, false, 0, false, Direction::none},
                {"CAP = 1,2", 1.2, false, 0, false, Direction::none},
                {"cap=120%", 1.2, false, 0, false, Direction::none},
                {"cap=1", 1, false, 0, false, Direction::none},
                {"lower=linear", 1, true, 0, false, Direction::none},
                {"lower=ratio", 1, false, 0, false, Direction::none},
                {"late=30", 1, false, 30, false, Direction::none},
                {"Late=7,5", 1, false, 7.5, false, Direction::none},
                {"compound=min", 1, false, 0, true, Direction::none},
                {"compound=MEAN", 1, false, 0, false, Direction::none},
                {"dir=lower", 1, false, 0, false, Direction::lower},
                {"dir=higher;", 1, false, 0, false, Direction::higher},
                {"cap=1.2; lower=linear; late=30; compound=min; dir=lower", 1.2, true, 30, true, Direction::lower},
                {" cap = 1.5 ;;late = 10 ", 1.5, false, 10, false, Direction::none},
            }));
        CAPTURE(text);
        RulesParse p = parse_rules(text);
        REQUIRE(p);
        CHECK(p.rules.cap == Approx(cap));
        CHECK(p.rules.lower_linear == linear);
        CHECK(p.rules.late_days.value_or(0) == Approx(late));
        CHECK(p.rules.compound_min == compound_min);
        CHECK(p.rules.dir == dir);
    }
    SECTION("bad rules name the offending piece") {
        auto [text, piece] = GENERATE(table<std::string_view, std::string_view>({
            {"cap=0.5", "cap=0.5"},
            {"cap=abc", "cap=abc"},
            {"cap=1,2,3", "cap=1,2,3"},
            {"cap=", "cap="},
            {"cap", "cap"},
            {"cap=inf", "cap=inf"},
            {"late=0", "late=0"},
            {"late=-3", "late=-3"},
            {"lower=quadratic", "lower=quadratic"},
            {"compound=max", "compound=max"},
            {"dir=up", "dir=up"},
            {"foo=1", "foo=1"},
            {"cap=1.2; bogus ", "bogus"},
            {"cap=1.2, late=30", "cap=1.2, late=30"},
        }));
        CAPTURE(text);
        RulesParse p = parse_rules(text);
        REQUIRE_FALSE(p);
        REQUIRE(p.error);
        CHECK(p.error->code == Diag::bad_rule);
        CHECK(p.error->severity == Severity::error);
        REQUIRE(p.error->args.size() == 1);
        CHECK(p.error->args[0] == piece);
    }
}

TEST_CASE("score: weighted mean skipping empty attainments", "[attainment]") {
    using opt = std::optional<double>;
    const opt none_ = std::nullopt;
    auto [attainments, weights, expected] =
        GENERATE_COPY(table<std::vector<opt>, std::vector<opt>, opt>({
            {{1.0, 0.5}, {}, 0.75},
            {{1.0, none_, 0.5}, {}, 0.75},
            {{1.0, 0.5}, {3.0, 1.0}, 0.875},
            {{1.0, none_, 0.5}, {1.0, 100.0, 3.0}, 0.625},  // the unassessed item's weight is skipped too
            {{1.0, 0.5}, {none_, 3.0}, 0.625},              // a blank weight counts as 1
            {{1.0, 0.5}, {2.0}, 2.5 / 3},                   // so does a weight past the list
            {{1.2, 0.6}, {}, 0.9},                          // capped over-achievement is kept
            {{0.0, 1.0}, {0.0, 2.0}, 1.0},
            {{}, {}, none_},
            {{none_, none_}, {}, none_},
            {{1.0, 0.5}, {0.0, 0.0}, none_},
            {{1.0, none_}, {0.0, 5.0}, none_},               // the assessed item weighs nothing
            {{1.0, 0.5}, {1.0, -1.0}, none_},
            {{1.0, none_}, {1.0, -1.0}, none_},              // a negative weight anywhere is bad data
            {{1.0, 0.5}, {1.0, std::nan("")}, none_},
        }));
    CAPTURE(attainments, weights);
    opt s = score(attainments, weights);
    REQUIRE(s.has_value() == expected.has_value());
    if (expected) CHECK(*s == Approx(*expected));
}

TEST_CASE("diagnostics: names, severities and messages for every code", "[attainment][diagnostic]") {
    auto [code, name, severity] = GENERATE(table<Diag, std::string_view, Severity>({
        {Diag::empty_target, "empty_target", Severity::error},
        {Diag::not_measurable, "not_measurable", Severity::error},
        {Diag::excel_date_artifact, "excel_date_artifact", Severity::error},
        {Diag::impossible_date, "impossible_date", Severity::error},
        {Diag::two_numbers, "two_numbers", Severity::error},
        {Diag::number_range, "number_range", Severity::error},
        {Diag::start_not_target, "start_not_target", Severity::error},
        {Diag::no_year, "no_year", Severity::error},
        {Diag::outside_plan_year, "outside_plan_year", Severity::error},
        {Diag::missing_number, "missing_number", Severity::error},
        {Diag::ambiguous_number, "ambiguous_number", Severity::warning},
        {Diag::direction_inferred, "direction_inferred", Severity::info},
        {Diag::would_normalize, "would_normalize", Severity::info},
        {Diag::missing_peg_target, "missing_peg_target", Severity::error},
        {Diag::missing_dup_target, "missing_dup_target", Severity::warning},
        {Diag::peg_after_dup, "peg_after_dup", Severity::warning},
        {Diag::no_header, "no_header", Severity::error},
        {Diag::empty_sheet, "empty_sheet", Severity::error},
        {Diag::bad_actual, "bad_actual", Severity::error},
        {Diag::bad_rule, "bad_rule", Severity::error},
        {Diag::part_count, "part_count", Severity::error},
        {Diag::empty_or_zero, "empty_or_zero", Severity::error},
    }));
    CAPTURE(name);
    CHECK(code_name(code) == name);
    CHECK(default_severity(code) == severity);
    for (Lang lang : {Lang::it, Lang::en}) {
        for (const std::vector<std::string>& args : {std::vector<std::string>{}, std::vector<std::string>{"a", "b", "c"}}) {
            std::string m = message(code, lang, args);
            CAPTURE(m);
            CHECK_FALSE(m.empty());
            CHECK(m.find('{') == std::string::npos);
            CHECK(m.size() < 120);  // fits a cell comment or a narrow column
        }
    }
    CHECK(message(code, Lang::it, {"x"}) != message(code, Lang::en, {"x"}));
}

TEST_CASE("diagnostic messages use their arguments", "[attainment][diagnostic]") {
    auto [code, lang, args, expected] = GENERATE_COPY(table<Diag, Lang, std::vector<std::string>, std::string_view>({
        {Diag::excel_date_artifact, Lang::it, {"02/01/1900", "2"}, "«02/01/1900» è probabilmente il numero 2 formattato come data"},
        {Diag::excel_date_artifact, Lang::en, {"02/01/1900", "2"}, "'02/01/1900' is probably the number 2 formatted as a date"},
        {Diag::excel_date_artifact, Lang::it, {"00/01/1900", ""}, "«00/01/1900» è probabilmente una frazione (ad es. una percentuale) formattata come data"},
        {Diag::excel_date_artifact, Lang::en, {"00/01/1900"}, "'00/01/1900' is probably a fraction (e.g. a percentage) formatted as a date"},
        {Diag::not_measurable, Lang::it, {}, "target non misurabile: nessun numero, data o formula di conformità riconosciuta"},
        {Diag::not_measurable, Lang::en, {}, "target not measurable: no number, date or recognised compliance phrase"},
        {Diag::outside_plan_year, Lang::it, {"31/12/2021", "2020"}, "scadenza 31/12/2021 fuori dall'anno del piano (2020)"},
        {Diag::ambiguous_number, Lang::it, {"2,500", "2,5"}, "«2,500» letto come 2,5: la virgola è decimale o separa le migliaia?"},
        {Diag::direction_inferred, Lang::it, {"spesa"}, "letto come valore massimo (≤): l'indicatore contiene «spesa»"},
        {Diag::direction_inferred, Lang::en, {"spesa", "higher"}, "read as a minimum (≥): the indicator contains 'spesa'"},
        {Diag::bad_rule, Lang::it, {"cap=0,5"}, "regola non valida: «cap=0,5»"},
        {Diag::bad_actual, Lang::en, {"forse"}, "invalid actual value: 'forse'"},
        {Diag::bad_actual, Lang::it, {}, "valore raggiunto non valido: «»"},  // missing args read as empty
    }));
    CAPTURE(code_name(code), args);
    CHECK(message(code, lang, args) == expected);
    CHECK(message(Diagnostic{code, default_severity(code), args}, lang) == expected);
}

TEST_CASE("severity names are stable", "[attainment][diagnostic]") {
    CHECK(severity_name(Severity::info) == "info");
    CHECK(severity_name(Severity::warning) == "warning");
    CHECK(severity_name(Severity::error) == "error");
}
