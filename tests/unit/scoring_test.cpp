// The office's evaluation system (issue 10): each table is the worked examples of docs/scoring.md.
#include "change.hpp"
#include "header.hpp"
#include "not_assessable.hpp"

#include <algorithm>
#include "plan.hpp"
#include "profile.hpp"
#include "sheet.hpp"
#include "status.hpp"
#include "text_table.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace pegkit;

namespace {

Profile profile_of(std::string_view text) {
    ProfileParse p = parse_profile(text);
    CAPTURE(text);
    REQUIRE(p);
    return p.profile;
}

Grid grid_of(const std::string& tsv) { return grid_from_rows(split_delimited(tsv, '\t')); }

SheetCheck check_with(const std::string& tsv, std::string_view profile, std::optional<Date> as_of = std::nullopt,
                      std::optional<int> plan_year = std::nullopt) {
    SheetOptions o;
    o.plan_year = plan_year;
    apply_profile(profile_of(profile), o);
    o.as_of = as_of;
    return check_sheet(grid_of(tsv), o);
}

const ObjectiveResult* result_at(const Summary& s, int row) {
    for (const ObjectiveResult& r : s.objectives)
        if (r.row == row) return &r;
    return nullptr;
}

bool has(const SheetCheck& check, int row, Diag code) {
    for (const Finding& f : check.findings)
        if (f.row == row && f.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("profile: keys in English and Italian, decimal comma or point", "[scoring][profile]") {
    auto [a, b] = GENERATE(table<std::string_view, std::string_view>({
        {"cap=1.2; lower=linear; late=30; compound=min; dir=lower",
         "tetto=1,2; inferiore=lineare; tolleranza=30; composto=min; direzione=inferiore"},
        {"cap=120%", "Tetto = 1,2"},
        {"bands=0-60:0 | 60-80:pro | 80-100:100", "fasce=0–60:0 | 60–80:proporzionale | 80–100:100"},
        {"threshold=60", "soglia minima=60%"},
        {"four_thresholds=60/100/110/120", "quattro soglie=60/100/110/120"},
        {"rounding=2", "arrotondamento=2"},
        {"indicators=min", "indicatori=minimo"},
        {"indicators=all", "indicatori=tutto o niente"},
        {"compound=all", "composto=tutti"},
        {"reached=95; on_track=70", "raggiunto=95\nin linea=70"},
        {"late=7.5", "tolleranza=7,5"},
    }));
    CAPTURE(a, b);
    CHECK(profile_of(a) == profile_of(b));
    CHECK(profile_of(a) != Profile{});
}

TEST_CASE("profile: format_profile round-trips", "[scoring][profile]") {
    auto text = GENERATE(as<std::string_view>{},
        "", "cap=1.2", "tetto=1,25; tolleranza=30; composto=tutti", "fasce=0-60:0 | 60-80:50-80 | 80-100:100 | 100-120:pro",
        "soglia=33,3; arrotondamento=0; indicatori=media", "quattro_soglie=50/100/100/130; tetto=1,3",
        "raggiunto=90; in_linea=60; direzione=superiore; inferiore=lineare");
    CAPTURE(text);
    const Profile p = profile_of(text);
    const std::string formatted = format_profile(p);
    CAPTURE(formatted);
    CHECK(profile_of(formatted) == p);
    CHECK(format_profile(profile_of(formatted)) == formatted);
}

TEST_CASE("profile: the defaults are today's rules", "[scoring][profile]") {
    const Profile p = profile_of("");
    CHECK(format_profile(p).empty());
    CHECK(p.rules.cap == 1);
    CHECK_FALSE(p.rules.late_days);
    CHECK(p.scoring.indicators == Combine::weighted_mean);
    for (double a : {0.0, 0.37, 0.8, 1.0}) CHECK(score_attainment(p, a) == a);
}

TEST_CASE("profile: bands at fault are refused with the interval", "[scoring][profile]") {
    auto [text, code, args] = GENERATE(table<std::string_view, Diag, std::vector<std::string>>({
        {"bands=0-60:0 | 60-80:50 | 75-90:80 | 90-100:100", Diag::bands_overlap, {"60–80", "75–90", "75–80"}},
        {"fasce=0-60:0 | 70-100:100", Diag::bands_gap, {"0–60", "70–100", "60–70"}},
        {"fasce=60-80:50 | 0-60:0", Diag::bands_order, {"0–60", "60–80"}},
        {"fasce=80-60:50", Diag::band_empty, {"80–60"}},
        {"fasce=0-100:pro; quattro_soglie=60/100/100/120", Diag::profile_conflict, {}},
        {"fasce=0-60", Diag::bad_rule, {"fasce=0-60"}},
        {"quattro_soglie=100/60/110/120", Diag::bad_rule, {"quattro_soglie=100/60/110/120"}},
        {"arrotondamento=1,5", Diag::bad_rule, {"arrotondamento=1,5"}},
        {"indicatori=massimo", Diag::bad_rule, {"indicatori=massimo"}},
    }));
    CAPTURE(text);
    const ProfileParse p = parse_profile(text);
    REQUIRE_FALSE(p);
    CHECK(p.diagnostics.front().code == code);
    CHECK(p.diagnostics.front().args == args);
    CHECK(p.profile == Profile{});
    CHECK(message(Diag::bands_overlap, Lang::en, {"60–80", "75–90", "75–80"}) == "bands 60–80 and 75–90 overlap on 75–80");
}

TEST_CASE("parse_rules reads the Italian keys too, and profile-only keys", "[scoring][profile]") {
    const RulesParse r = parse_rules("tetto=1,2; tolleranza=30; composto=min; direzione=inferiore; inferiore=lineare");
    REQUIRE(r);
    CHECK(r.rules.cap == Approx(1.2));
    CHECK(r.rules.late_days.value_or(0) == 30);
    CHECK(r.rules.compound_min);
    CHECK(r.rules.dir == Direction::lower);
    CHECK(r.rules.lower_linear);
    CHECK(parse_rules("fasce=0-60:0 | 60-100:pro"));
    CHECK_FALSE(parse_rules("fasce=0-60:0 | 70-100:pro"));
}

TEST_CASE("score_attainment: the worked examples of docs/scoring.md", "[scoring]") {
    auto [profile, attainment, expected] = GENERATE(table<std::string_view, double, double>({
        // bands: fixed, proportional, linear; below the first band 0; above the last its end
        {"fasce=0-60:0 | 60-80:pro | 80-100:100", 0.55, 0},
        {"fasce=0-60:0 | 60-80:pro | 80-100:100", 0.70, 0.70},
        {"fasce=0-60:0 | 60-80:pro | 80-100:100", 0.80, 1},
        {"fasce=0-60:0 | 60-80:pro | 80-100:100", 1.00, 1},
        {"fasce=50-80:40-80 | 80-100:100", 0.65, 0.60},
        {"fasce=50-80:40-80 | 80-100:100", 0.30, 0},
        {"fasce=60-100:pro; tetto=1,2", 1.15, 1.00},
        // threshold: below it 0, the attainment above
        {"soglia=60", 0.59, 0},
        {"soglia=60", 0.60, 0.60},
        // four thresholds 60/100/110/120 with cap 1.2
        {"quattro_soglie=60/100/110/120; tetto=1,2", 0.50, 0},
        {"quattro_soglie=60/100/110/120; tetto=1,2", 0.80, 0.50},
        {"quattro_soglie=60/100/110/120; tetto=1,2", 1.05, 1.00},
        {"quattro_soglie=60/100/110/120; tetto=1,2", 1.15, 1.10},
        {"quattro_soglie=60/100/110/120; tetto=1,2", 1.20, 1.20},
        // rounding: decimals of the percent
        {"arrotondamento=0", 0.8765, 0.88},
        {"arrotondamento=1", 0.8765, 0.877},
    }));
    CAPTURE(profile, attainment);
    CHECK(score_attainment(profile_of(profile), attainment) == Approx(expected).margin(1e-12));
}

TEST_CASE("combine_scores: an objective's indicators", "[scoring]") {
    using opt = std::optional<double>;
    const std::vector<opt> scores{0.5, 1.0, std::nullopt};
    const std::vector<opt> weights{3, 1, 5};
    auto [how, expected] = GENERATE(table<Combine, double>({
        {Combine::weighted_mean, 0.625},
        {Combine::mean, 0.75},
        {Combine::min, 0.5},
        {Combine::all_or_nothing, 0},
    }));
    CAPTURE(combine_name(how));
    CHECK(*combine_scores(how, scores, weights) == Approx(expected));
    CHECK(*combine_scores(Combine::all_or_nothing, {1.0, 1.0, std::nullopt}) == 1);
    CHECK_FALSE(combine_scores(how, {std::nullopt}));
}

TEST_CASE("compound=all: every part met or nothing", "[scoring]") {
    const Target t = read_target("Almeno 300 associazioni iscritte e 1.500 voucher emessi");
    Rules all;
    all.compound_all = true;
    CHECK(attain(t, {Cell::of_number(300), Cell::of_number(1500)}, all).value == 1);
    CHECK(attain(t, {Cell::of_number(300), Cell::of_number(1499)}, all).value == 0);
    CHECK(attain(t, {Cell::of_number(300), Cell::of_number(750)}).value == Approx(0.75));
}

TEST_CASE("status_of: where an objective stands", "[scoring][status]") {
    const Scoring s;  // raggiunto at 100 %, in linea at 80 %
    auto [score, pending, running, expected] = GENERATE(table<std::optional<double>, bool, bool, Status>({
        {std::nullopt, true, true, Status::in_corso},
        {1.0, false, true, Status::raggiunto},
        {0.85, false, true, Status::in_linea},
        {0.5, false, true, Status::a_rischio},
        {1.0, true, true, Status::in_linea},   // reached so far, an indicator still pending
        {1.0, false, false, Status::raggiunto},
        {0.95, false, false, Status::non_raggiunto},
    }));
    CAPTURE(score, pending, running);
    CHECK(status_of(s, score, pending, running) == expected);
}

TEST_CASE("not assessable notes", "[scoring][status]") {
    auto [note, says] = GENERATE(table<std::string_view, bool>({
        {"non valutabile", true},
        {"Obiettivo NON VALUTABILE per sospensione del servizio (COVID-19)", true},
        {"sterilizzato dal NdV", true},
        {"Obiettivo neutralizzato con delibera n. 12", true},
        {"Neutralizzata", true},
        {"valutato dal nucleo", false},
        {"in corso", false},
    }));
    CAPTURE(note);
    CHECK(says_not_assessable(note) == says);
}

TEST_CASE("parse_date: --as-of", "[scoring][status]") {
    CHECK(parse_date("2020-06-30") == Date{2020, 6, 30});
    CHECK(parse_date("30/06/2020") == Date{2020, 6, 30});
    CHECK_FALSE(parse_date("2020-02-30"));
    CHECK_FALSE(parse_date("30.06.2020x"));
}

// A small PEG with an actual column, a note, an override and its justification.
const std::string sheet =
    "Cdr\tObiettivo gestionale PEG\tIndicatore\tTarget\tValore raggiunto\tPeso\tValore validato\tGiustificazione\tNote\n"
    "10 - Ragioneria\tChiusura rendiconto\tData approvazione\t31/05/2020\t20/05/2020\t40\t\t\t\n"
    "10 - Ragioneria\tRiscossione\tPercentuale riscossa\t>= 80%\t60%\t30\t\t\t\n"
    "10 - Ragioneria\tNuovo portale\tData di avvio\t30/11/2020\t\t30\t\t\t\n"
    "20 - Cultura\tMostre\tNumero mostre\tAlmeno 4\t2\t50\t\t\tsterilizzato: musei chiusi (DPCM 8/3/2020)\n"
    "20 - Cultura\tVisitatori\tNumero visitatori\t>= 10.000\t7.000\t50\t90%\tchiusura forzata per lavori\t\n"
    "20 - Cultura\tBiblioteche\tPrestiti\t>= 1000\t900\t50\t100%\t\t\n";

TEST_CASE("a sheet scored with a profile at an as-of date", "[scoring][sheet]") {
    SECTION("30 June: a deadline not yet due is in corso, not 0") {
        const SheetCheck c = check_with(sheet, "", Date{2020, 6, 30});
        const Summary s = summarize(c);
        CHECK(result_at(s, 1)->status == Status::raggiunto);
        CHECK(result_at(s, 2)->status == Status::a_rischio);   // 60/80 = 75 % < 80 %
        CHECK(result_at(s, 3)->status == Status::in_corso);
        CHECK_FALSE(result_at(s, 3)->score);
        CHECK(result_at(s, 4)->status == Status::non_valutabile);
        CHECK(result_at(s, 4)->why == NotAssessable::marked);
        CHECK(result_at(s, 4)->reason == "sterilizzato: musei chiusi (DPCM 8/3/2020)");
        CHECK(result_at(s, 5)->status == Status::in_linea);
        CHECK(*result_at(s, 5)->score == Approx(0.9));       // the justified override
        REQUIRE(result_at(s, 5)->overrides.size() == 1);
        CHECK(result_at(s, 5)->overrides[0].note == "chiusura forzata per lavori");
        CHECK(*result_at(s, 5)->overrides[0].computed == Approx(0.7));
        CHECK(*result_at(s, 6)->score == Approx(0.9));       // no justification: computed stands
        CHECK(has(c, 6, Diag::override_unjustified));
        CHECK(has(c, 5, Diag::override_applied));
        CHECK(has(c, 4, Diag::neutralised));
        // Ragioneria: (40·1 + 30·0.75) / 70, the pending deadline left out
        CHECK(*s.tables[0].rows[0].mean_attainment == Approx((40 * 1 + 30 * 0.75) / 70));
        // Cultura: the neutralised objective left out, weights renormalised
        CHECK(*s.tables[0].rows[1].mean_attainment == Approx(0.9));
        CHECK(s.tables[0].rows[1].not_assessable == 1);
        CHECK(s.total.status(Status::in_corso) == 1);
        CHECK(s.total.status(Status::non_valutabile) == 1);
        CHECK(s.total.status(Status::in_linea) == 2);  // 90 % while the year runs
    }
    SECTION("after the year: the missed deadline is non raggiunto and scores 0") {
        const Summary s = summarize(check_with(sheet, "", Date{2021, 1, 31}));
        CHECK(result_at(s, 3)->status == Status::non_raggiunto);
        CHECK(*result_at(s, 3)->score == 0);
        CHECK(result_at(s, 2)->status == Status::non_raggiunto);
        CHECK(*s.tables[0].rows[0].mean_attainment == Approx((40 * 1 + 30 * 0.75 + 30 * 0) / 100.0));
    }
    SECTION("bands: 75 % is in the proportional band, 90 % scores 100") {
        const Summary s = summarize(check_with(sheet, "fasce=0-60:0 | 60-80:pro | 80-100:100", Date{2021, 1, 15}));
        CHECK(*result_at(s, 2)->score == Approx(0.75));
        CHECK(*result_at(s, 5)->score == Approx(1.0));
        CHECK(result_at(s, 5)->status == Status::raggiunto);
        CHECK(s.total.status(Status::raggiunto) == 3);
    }
    SECTION("no as-of date: as before, a missing value is not assessed") {
        const SheetCheck c = check_with(sheet, "");
        CHECK_FALSE(c.objectives[2].score);
        CHECK(c.objectives[2].status == Status::in_corso);
    }
    SECTION("a row marked in the panel") {
        SheetOptions o;
        o.as_of = Date{2021, 1, 31};
        o.not_assessable.push_back({2, "indicatore non più rilevato dall'ISTAT"});
        const Summary s = summarize(check_sheet(grid_of(sheet), o));
        CHECK(result_at(s, 2)->status == Status::non_valutabile);
        CHECK(result_at(s, 2)->reason == "indicatore non più rilevato dall'ISTAT");
        CHECK(*s.tables[0].rows[0].mean_attainment == Approx(40.0 / 70));
    }
}

// A summary cell as the test reads it: a phrase by its key, a number as written, a label as "#".
std::string shown(const SummaryCell& c) {
    switch (c.kind) {
    case SummaryCell::Kind::text: return c.text;
    case SummaryCell::Kind::phrase: return c.args.empty() ? c.text : c.text + "(" + c.args[0] + ")";
    case SummaryCell::Kind::number: {
        std::ostringstream out;
        out << c.number;
        return out.str();
    }
    case SummaryCell::Kind::label: return "#";
    default: return "";
    }
}

std::vector<std::string> row_of(const SummaryPlan& p, const std::string& first) {
    for (const auto& r : p.rows)
        if (shown(r[0]) == first) {
            std::vector<std::string> out;
            for (const SummaryCell& c : r) out.push_back(shown(c));
            while (!out.empty() && out.back().empty()) out.pop_back();
            return out;
        }
    return {};
}

TEST_CASE("the summary sheet: statuses per group, objectives left out, overrides", "[scoring][plan]") {
    using V = std::vector<std::string>;
    const SummaryPlan p = plan_summary(check_with(sheet, "", Date{2020, 6, 30}));
    for (const auto& r : p.rows) CHECK(r.size() == std::size_t(SummaryPlan::width));
    // CdR | objectives assessed met %met mean not-assessable | raggiunto in-linea a-rischio non-raggiunto in-corso non-valutabile
    CHECK(row_of(p, "10 - Ragioneria") == V{"10 - Ragioneria", "3", "2", "1", "0.5", "0.892857", "0", "1", "0", "1", "0", "1", "0", "10 - Ragioneria", "0.892857"});
    CHECK(row_of(p, "20 - Cultura") == V{"20 - Cultura", "3", "2", "0", "0", "0.9", "1", "0", "2", "0", "0", "0", "1", "20 - Cultura", "0.9"});
    bool status_heading = false;
    for (const auto& r : p.rows) status_heading = status_heading || shown(r[SummaryPlan::status_first_col]) == "cmd_status_at(30/06/2020)";
    CHECK(status_heading);
    // below the tables: the neutralised objective with its note, the justified override with its computed value
    CHECK(row_of(p, "cmd_left_out_heading") == V{"cmd_left_out_heading"});
    CHECK(row_of(p, "Mostre") == V{"Mostre", "5", "20 - Cultura", "sterilizzato: musei chiusi (DPCM 8/3/2020)"});
    CHECK(row_of(p, "Visitatori") == V{"Visitatori", "6", "20 - Cultura", "", "0.9", "0.7", "chiusura forzata per lavori"});
    // Biblioteche's unjustified 100 % is no override: not in the overrides' list
    auto list = std::find_if(p.rows.begin(), p.rows.end(), [](const auto& r) { return shown(r[0]) == "cmd_overrides_heading"; });
    REQUIRE(list != p.rows.end());
    for (++list; list != p.rows.end() && !shown((*list)[0]).empty(); ++list) CHECK(shown((*list)[0]) != "Biblioteche");
    // printed: each table after the first, the lists, each scorecard start a page, at their first row
    std::vector<std::string> starts;
    for (int r : p.page_breaks) {
        const auto& row = p.rows[std::size_t(r)];
        starts.push_back(shown(row[0]).empty() ? shown(row[SummaryPlan::status_first_col]) : shown(row[0]));
    }
    int tables = 0;
    for (const auto& r : p.rows) tables += shown(r[SummaryPlan::status_first_col]) == "cmd_status_at(30/06/2020)";
    CHECK(tables == 4);
    CHECK(starts == V{"cmd_status_at(30/06/2020)", "cmd_status_at(30/06/2020)", "cmd_status_at(30/06/2020)", "cmd_left_out_heading",
                      "cmd_scorecard_heading(10 - Ragioneria)", "cmd_scorecard_heading(20 - Cultura)"});
    CHECK(std::is_sorted(p.page_breaks.begin(), p.page_breaks.end()));
    // framed: the four tables from their headings to their totals, the two lists, the two scorecards
    REQUIRE(p.boxes.size() == 8);
    CHECK(p.rows[std::size_t(p.boxes[0].last_row)][0].label == SummaryLabel::total);
    CHECK(shown(p.rows[std::size_t(p.boxes[4].first_row)][0]) == "cmd_col_objective");
    CHECK(shown(p.rows[std::size_t(p.boxes[4].last_row)][0]) == "Mostre");
    CHECK(p.boxes[4].last_col == 3);
    CHECK(shown(p.rows[std::size_t(p.boxes[5].last_row)][0]) == "Visitatori");
    CHECK(p.boxes[5].last_col == 6);
}

TEST_CASE("colours: a profile's bands colour the attainments, the legend lists them", "[scoring][plan][colours]") {
    // 0.55 in the first band (red), 0.7 in the middle one (amber), 0.95 in the last (green)
    const SummaryPlan p = plan_summary(check_with(sheet, "fasce=0-60:0 | 60-80:pro | 80-100:100", Date{2020, 6, 30}));
    CHECK(shown(p.rows[1][0]) == "cmd_summary_legend_bands_weighted(0–60% | 60–80% | 80–100%)");
    int checked = 0;
    for (const SummaryPlan::Light& l : p.lights) {
        if (l.col != 5) continue;
        const double v = p.rows[std::size_t(l.row)][5].number;
        CHECK(l.level == (v >= 0.8 - 1e-12 ? 0 : v >= 0.6 - 1e-12 ? 1 : 2));
        ++checked;
    }
    CHECK(checked > 4);
    // without bands, today's 90 % / 60 %
    const SummaryPlan plain = plan_summary(check_with(sheet, "", Date{2020, 6, 30}));
    CHECK(plain.rows[1][0].kind == SummaryCell::Kind::label);
    for (const SummaryPlan::Light& l : plain.lights) {
        const double v = plain.rows[std::size_t(l.row)][std::size_t(l.col)].number;
        CHECK(l.level == (v >= 0.9 - 1e-12 ? 0 : v >= 0.6 - 1e-12 ? 1 : 2));
    }
}

TEST_CASE("a scorecard per CdR: weights, scores and shares adding up to the CdR's mean", "[scoring][plan][scorecard]") {
    using V = std::vector<std::string>;
    const SummaryPlan p = plan_summary(check_with(sheet, "", Date{2020, 6, 30}));
    const auto card = std::find_if(p.rows.begin(), p.rows.end(),
                                   [](const auto& r) { return shown(r[0]) == "cmd_scorecard_heading(10 - Ragioneria)"; });
    REQUIRE(card != p.rows.end());
    // objective | row | weight | status | share of the weighted score (40·1 + 30·0.75) / 70 | score
    V got[4];
    for (int i = 0; i < 4; ++i)
        for (std::size_t c = 0; c < 6; ++c) got[i].push_back(shown((*(card + 2 + i))[c]));
    CHECK(got[0] == V{"Chiusura rendiconto", "2", "40", "status_reached", "0.571429", "1"});
    CHECK(got[1] == V{"Riscossione", "3", "30", "status_at_risk", "0.321429", "0.75"});
    CHECK(got[2] == V{"Nuovo portale", "4", "30", "status_in_progress", "", ""});  // no score yet: no share, no weight counted
    CHECK(got[3] == V{"cmd_scorecard_total", "", "70", "", "", "0.892857"});
    CHECK(row_of(p, "10 - Ragioneria")[5] == "0.892857");  // the CdR table's mean
}

TEST_CASE("the Relazione table: a row per indicator row, counted per status", "[scoring][plan][relazione]") {
    using V = std::vector<std::string>;
    const Grid grid = grid_of(sheet);
    const SummaryPlan p = plan_summary(check_with(sheet, "", Date{2020, 6, 30}), nullptr, &grid);
    // objective | row | CdR | indicator | target (canonical) | actual as written | attainment | status | deviation | note
    const struct {
        const char* objective;
        V row;
    } cases[] = {
        {"Chiusura rendiconto", {"Chiusura rendiconto", "2", "10 - Ragioneria", "Data approvazione", "entro il 31/05/2020",
                                 "20/05/2020", "1", "status_reached", "-11", ""}},
        {"Riscossione", {"Riscossione", "3", "10 - Ragioneria", "Percentuale riscossa", "≥ 80%", "60%", "0.75",
                         "status_at_risk", "-0.2", ""}},
        {"Nuovo portale", {"Nuovo portale", "4", "10 - Ragioneria", "Data di avvio", "entro il 30/11/2020", "", "",
                           "status_in_progress", "", ""}},
        // left out of the scores, its deviation still shown: the office explains it in the note
        {"Mostre", {"Mostre", "5", "20 - Cultura", "Numero mostre", "≥ 4", "2", "", "status_not_assessable", "-2",
                    "sterilizzato: musei chiusi (DPCM 8/3/2020)"}},
        {"Visitatori", {"Visitatori", "6", "20 - Cultura", "Numero visitatori", "≥ 10.000", "7.000", "0.9", "status_on_track",
                        "-3000", "chiusura forzata per lavori"}},
    };
    const auto heading = std::find_if(p.rows.begin(), p.rows.end(), [](const auto& r) { return shown(r[0]) == "cmd_relazione_heading"; });
    REQUIRE(heading != p.rows.end());
    for (const auto& c : cases) {
        INFO(c.objective);
        const auto at = std::find_if(heading, p.rows.end(), [&](const auto& r) { return shown(r[0]) == c.objective; });
        REQUIRE(at != p.rows.end());
        V got;
        for (std::size_t i = 0; i < 10; ++i) got.push_back(shown((*at)[i]));
        CHECK(got == c.row);
    }
    // the attainment column as percentages, and the deviation of a percent target
    const int riscossione = int(std::find_if(heading, p.rows.end(), [](const auto& r) { return shown(r[0]) == "Riscossione"; }) - p.rows.begin());
    auto percent_at = [&](int row, int col) {
        return std::any_of(p.percent.begin(), p.percent.end(), [&](const SummaryPlan::Area& a) {
            return a.first_row <= row && row <= a.last_row && a.first_col <= col && col <= a.last_col;
        });
    };
    CHECK(percent_at(riscossione, 6));
    CHECK(percent_at(riscossione, 8));
    CHECK_FALSE(percent_at(riscossione, 5));
    // counted: 6 rows, and the statuses add up to them
    const auto rows = std::find_if(heading, p.rows.end(), [](const auto& r) { return shown(r[0]) == "cmd_relazione_rows"; });
    REQUIRE(rows != p.rows.end());
    CHECK(shown((*rows)[1]) == "6");
    int sum = 0;
    for (auto r = rows + 1; r != p.rows.end(); ++r) sum += std::stoi(shown((*r)[1]));
    CHECK(sum == 6);
    CHECK(std::count(p.page_breaks.begin(), p.page_breaks.end(), int(heading - p.rows.begin())) == 1);
}

TEST_CASE("a summary sheet pegkit wrote is no plan, though its Relazione table has a target column", "[scoring][relazione]") {
    const std::string relazione =
        "\tRiga\tCdR\tIndicatore\tTarget\tValore raggiunto\n"
        "Riscossione\t3\t10 - Ragioneria\tPercentuale riscossa\t≥ 80%\t60%\n";
    for (const char* title : {"Riepilogo PEG del foglio «PEG 2020», 2020", "PEG summary of sheet 'PEG 2020', 2020"}) {
        INFO(title);
        const SheetCheck c = check_sheet(grid_of(std::string(title) + "\n" + relazione));
        CHECK_FALSE(c.found);
        REQUIRE(c.findings.size() == 1);
        CHECK(c.findings[0].code == Diag::summary_sheet);
    }
    CHECK(check_sheet(grid_of("Riepilogo obiettivi 2020\n" + relazione)).found);  // an office's own title is not ours
}

TEST_CASE("the Relazione table of a huge sheet lists 2,000 rows and counts them all", "[scoring][plan][relazione]") {
    std::string tsv = "Cdr\tObiettivo\tIndicatore\tTarget\tValore raggiunto\n";
    for (int i = 0; i < 2100; ++i) tsv += "10 - Ragioneria\tPratica " + std::to_string(i) + "\tGiorni\t<= 30 giorni\t20\n";
    const Grid grid = grid_of(tsv);
    const SummaryPlan p = plan_summary(check_with(tsv, "", Date{2021, 3, 1}, 2020), nullptr, &grid);
    const auto row = [&](const std::string& first) {
        return std::find_if(p.rows.begin(), p.rows.end(), [&](const auto& r) { return shown(r[0]) == first; });
    };
    CHECK(row("Pratica 1999") != p.rows.end());
    CHECK(std::count_if(p.rows.begin(), p.rows.end(), [](const auto& r) { return shown(r[0]) == "Pratica 2000"; }) == 0);
    CHECK(row("cmd_scorecard_more(100)") != p.rows.end());
    CHECK(row("cmd_relazione_more(100)") != p.rows.end());
    REQUIRE(row("cmd_relazione_rows") != p.rows.end());
    CHECK(shown((*row("cmd_relazione_rows"))[1]) == "2100");
    CHECK(shown((*row("status_reached"))[1]) == "2100");
}

TEST_CASE("a table longer than a page repeats its headings on the next; the chart's data stays one block", "[scoring][plan][chart]") {
    // a large Comune: 70 CdRs, each with one objective
    std::string tsv = "Cdr\tObiettivo\tIndicatore\tTarget\tValore raggiunto\n";
    for (int i = 1; i <= 70; ++i)
        tsv += std::to_string(i) + " - Servizio " + std::to_string(i) + "\tPratica\tGiorni\t<= 30 giorni\t" + std::to_string(20 + i % 20) + "\n";
    const SummaryPlan p = plan_summary(check_with(tsv, "", Date{2021, 3, 1}, 2020));
    const auto first_col = [&](int r) { return shown(p.rows[std::size_t(r)][0]); };
    std::vector<int> headings;
    for (int r = 0; r < int(p.rows.size()); ++r)
        if (p.rows[std::size_t(r)][0].kind == SummaryCell::Kind::label && p.rows[std::size_t(r)][0].label == SummaryLabel::by_cdr)
            headings.push_back(r);
    // 70 rows: 32 + 32 + 6, each part under the same two heading rows, each after the first on a new page
    REQUIRE(headings.size() == 3);
    for (int h : headings) {
        CHECK(p.rows[std::size_t(h)][1].label == SummaryLabel::objectives);
        CHECK(shown(p.rows[std::size_t(h - 1)][SummaryPlan::status_first_col]) == "cmd_status_at(01/03/2021)");
    }
    CHECK(headings[1] - headings[0] == SummaryPlan::rows_per_page + 2);
    for (int k : {1, 2}) CHECK(std::count(p.page_breaks.begin(), p.page_breaks.end(), headings[std::size_t(k)] - 1) == 1);
    CHECK(first_col(headings[0] + 1) == "1 - Servizio 1");
    CHECK(first_col(headings[1] + 1) == "33 - Servizio 33");
    CHECK(first_col(headings[2] + 6) == "70 - Servizio 70");
    CHECK(p.rows[std::size_t(headings[2] + 7)][0].label == SummaryLabel::total);
    // framed in three parts, each from its headings
    int boxes = 0;
    for (const auto& b : p.boxes) boxes += std::count(headings.begin(), headings.end(), b.first_row) == 1;
    CHECK(boxes == 3);
    // the chart: 70 bars in one block from the first heading row, each with its CdR's mean
    CHECK(p.chart_first == headings[0]);
    CHECK(p.chart_last == headings[0] + 70);
    const auto col = std::size_t(SummaryPlan::chart_label_col);
    for (int i = 1; i <= 70; ++i) {
        const auto& bar = p.rows[std::size_t(headings[0] + i)];
        CHECK(shown(bar[col]) == std::to_string(i) + " - Servizio " + std::to_string(i));
        const double days = 20 + i % 20;  // against <= 30 days: 1 up to 30, then 30 / days
        CHECK(bar[col + 1].number == Approx(std::min(1.0, 30 / days)));
    }
}

TEST_CASE("a short CdR table leaves the chart beside it room above the next page", "[scoring][plan][chart]") {
    // INAIL's four structures (tests/data/layouts/inail-relazione-performance-2019.layout): the
    // chart needs its 9 cm, the table alone spans 4 cm
    std::string tsv = "Cdr\tObiettivo\tIndicatore\tTarget\tValore raggiunto\n";
    for (const char* cdr : {"CONTARP DCOD CSA DCRA", "DCRA DCOD CIT", "DCOD DCRA DCPBC", "DCRA CSA AVV. GEN."})
        tsv += std::string(cdr) + "\tPratica\tGiorni\t<= 30 giorni\t20\n";
    const SummaryPlan p = plan_summary(check_with(tsv, "", Date{2021, 3, 1}, 2020));
    REQUIRE(p.chart_last - p.chart_first == 4);
    REQUIRE(!p.page_breaks.empty());
    const int first_break = *std::min_element(p.page_breaks.begin(), p.page_breaks.end());
    CHECK(first_break >= SummaryPlan::chart_rows(4));
    CHECK(SummaryPlan::chart_rows(4) * 452 >= SummaryPlan::chart_top + SummaryPlan::chart_height(4));
    // and a page never holds more than 40 rows for it
    CHECK(SummaryPlan::chart_rows(200) == 40);
}

TEST_CASE("the summary sheet after the year: objectives without a value counted in one line", "[scoring][plan]") {
    const std::string tsv =
        "Cdr\tObiettivo\tIndicatore\tTarget\tValore raggiunto\n"
        "10 - Ragioneria\tRiscossione\tPercentuale riscossa\t>= 80%\t\n"
        "10 - Ragioneria\tPagamenti\tGiorni medi\t<= 30 giorni\t\n"
        "10 - Ragioneria\tArchivio\tPratiche\tda definire\t\n";
    const SummaryPlan p = plan_summary(check_with(tsv, "", Date{2021, 3, 1}, 2020));
    CHECK(row_of(p, "Archivio") == std::vector<std::string>{"Archivio", "4", "10 - Ragioneria", "cmd_reason_unreadable_target"});
    CHECK(row_of(p, "cmd_left_out_no_value(2)") == std::vector<std::string>{"cmd_left_out_no_value(2)"});
    CHECK(row_of(p, "cmd_overrides_heading").empty());
}

TEST_CASE("override and justification headings", "[scoring][header]") {
    const SheetCheck c = check_with(sheet, "");
    CHECK(c.col(Column::override_value) == 6);
    CHECK(c.col(Column::justification) == 7);
    CHECK(c.col(Column::note) == 8);
}

TEST_CASE("year_value: one year's value from a cell holding several", "[scoring][years]") {
    auto [text, year, expected] = GENERATE(table<std::string_view, int, std::optional<std::string>>({
        {"2020: 3; 2021: 5", 2021, "5"},
        {"2020: 3; 2021: 5", 2020, "3"},
        {"2020: >= 80%; 2021: >= 85%; 2022: >= 90%", 2022, ">= 90%"},
        {"anno 2020: entro il 30/06/2020 | anno 2021: entro il 31/03/2021", 2021, "entro il 31/03/2021"},
        {"2020 = 3\n2021 = 5", 2021, "5"},
        {"2020: 3; 2021: 5", 2022, std::nullopt},
        {"2020- prima elaborazione del questionario", 2020, std::nullopt},
        {">= 80%", 2020, std::nullopt},
    }));
    CAPTURE(text, year);
    CHECK(year_value(text, year) == expected);
}

TEST_CASE("yearly target columns: none for the plan year is a finding", "[scoring][years]") {
    const std::string tsv =
        "Obiettivo\tIndicatore\tTarget 2021\tTarget 2022\n"
        "Digitalizzazione\tPratiche online\t>= 50%\t>= 70%\n";
    SheetOptions o;
    o.plan_year = 2020;
    const SheetCheck c = check_sheet(grid_of(tsv), o);
    CHECK(has(c, 0, Diag::missing_year_target));
    o.plan_year = 2021;
    CHECK_FALSE(has(check_sheet(grid_of(tsv), o), 0, Diag::missing_year_target));
}

TEST_CASE("percentage weights of one responsible that do not add up to 100", "[scoring][weights]") {
    auto [tsv, warned] = GENERATE(table<std::string, std::vector<int>>({
        {"Cdr\tObiettivo\tTarget\tPeso %\nA\tx\t>= 1\t60\nA\ty\t>= 1\t40\nB\tz\t>= 1\t90\n", {3}},
        {"Cdr\tObiettivo\tTarget\tPeso\nA\tx\t>= 1\t60%\nA\ty\t>= 1\t30%\nB\tz\t>= 1\t100%\n", {1}},
        {"Cdr\tObiettivo\tTarget\tPeso\nA\tx\t>= 1\t6\nA\ty\t>= 1\t3\n", {}},  // points, not percentages
        {"Cdr\tObiettivo\tIndicatore\tTarget\tPeso %\nA\tx\ti1\t>= 1\t50\nA\t\ti2\t>= 1\t50\nA\ty\ti3\t>= 1\t50\n", {}},
    }));
    CAPTURE(tsv);
    const SheetCheck c = check_sheet(grid_of(tsv));
    std::vector<int> rows;
    for (const Finding& f : c.findings)
        if (f.code == Diag::weights_not_100) rows.push_back(f.row);
    CHECK(rows == warned);
}

TEST_CASE("read_change: targets that are a change against a baseline", "[scoring][change]") {
    using T = Change::Type;
    auto [text, type, amount, points, year] = GENERATE(table<std::string_view, T, double, bool, std::optional<int>>({
        {"+10% rispetto al 2018", T::increase, 10, false, 2018},
        {"+ 20% rispetto al 2018", T::increase, 20, false, 2018},  // Ca' Foscari 2019 (tests/data/scoring/README.md)
        {"+10% sul 2018", T::increase, 10, false, 2018},           // Ca' Foscari 2019
        {"-5% rispetto al 2019", T::reduction, 5, false, 2019},
        {"riduzione del 5%", T::reduction, 5, false, std::nullopt},
        {"Riduzione del 2,5% rispetto all'anno 2019", T::reduction, 2.5, false, 2019},
        {"incremento di 3 punti percentuali", T::increase, 3, true, std::nullopt},
        {"Aumento del 10%", T::increase, 10, false, std::nullopt},
        {"mantenimento del valore 2019", T::maintenance, 0, false, 2019},
        {"Mantenimento dei livelli raggiunti", T::maintenance, 0, false, std::nullopt},
        // the first letters decide whether the patterns are tried: spaces, markup, case before them
        {"  <b>Riduzione</b> del 5%", T::reduction, 5, false, std::nullopt},
        {"UN INCREMENTO DEL 10%", T::increase, 10, false, std::nullopt},
        {"\u00a0incremento del 10%", T::increase, 10, false, std::nullopt},
    }));
    CAPTURE(text);
    const auto c = read_change(text);
    REQUIRE(c);
    CHECK(c->type == type);
    CHECK(c->amount == Approx(amount));
    CHECK(c->points == points);
    CHECK(c->year == year);
}

TEST_CASE("read_change: what is not a change", "[scoring][change]") {
    auto text = GENERATE(as<std::string_view>{}, ">= 10%", "10%", "Mantenimento capacità di indebitamento nei limiti di legge",
                         "Mantenimento tempo medio per la convocazione del Comitato Tecnico", "riduzione della spesa",
                         "31/12/2020", "");
    CAPTURE(text);
    CHECK_FALSE(read_change(text));
}

TEST_CASE("change_target: the level against the baseline", "[scoring][change]") {
    auto [text, baseline, percent, op, level] = GENERATE(table<std::string_view, double, bool, Op, double>({
        {"+10% rispetto al 2018", 766, false, Op::ge, 842.6},
        {"riduzione del 5%", 200, false, Op::le, 190},
        {"incremento di 3 punti percentuali", 0.85, true, Op::ge, 0.88},
        {"incremento di 3 punti percentuali", 85, false, Op::ge, 88},
        {"mantenimento del valore 2019", 120, false, Op::ge, 120},
    }));
    CAPTURE(text, baseline);
    const Target t = change_target(*read_change(text), baseline, percent);
    REQUIRE(t.parts.size() == 1);
    CHECK(t.parts[0].op == op);
    CHECK(t.parts[0].value == Approx(level));
}

TEST_CASE("a change in a sheet is scored against the baseline column, or not at all", "[scoring][change]") {
    const std::string tsv =
        "Obiettivo\tIndicatore\tValore di partenza\tTarget\tValore raggiunto\n"
        "Occupabilità\tNumero offerte di lavoro\t766\t+10% sul 2018\t800\n"
        "Spesa\tCosto per pratica\t200\triduzione del 5%\t190\n"
        "Soddisfazione\tGradimento\t\tincremento di 3 punti percentuali\t90%\n";
    const SheetCheck c = check_sheet(grid_of(tsv));
    REQUIRE(c.objectives.size() == 3);
    CHECK(c.objectives[0].peg.kind == Kind::variazione);
    CHECK(*c.objectives[0].attainment == Approx(800 / 842.6));
    CHECK(*c.objectives[1].attainment == 1);
    CHECK_FALSE(c.objectives[2].attainment);  // no baseline: never scored as a level of 3
    CHECK(c.objectives[2].why == NotAssessable::no_baseline);
    CHECK(c.objectives[2].status == Status::non_valutabile);
    CHECK(has(c, 3, Diag::no_baseline));
    for (const Finding& f : c.findings) CHECK(f.code != Diag::would_normalize);  // Normalize must not make it "≥ 10%"
}

TEST_CASE("an interim target is scored from its date while the year runs", "[scoring][status]") {
    const std::string tsv =
        "Obiettivo\tIndicatore\tTarget\tTarget al 30/06\tValore raggiunto\n"
        "Pratiche evase\tNumero pratiche\t>= 1000\t>= 400\t450\n"
        "Controlli\tNumero controlli\t>= 100\t>= 50\t30\n"
        "Formazione\tOre di formazione\t>= 20\t>= 10\t25\n";
    // no deadline to infer the year from: the plan year is given, as the panel and --plan-year do
    auto at = [&](Date as_of) { return summarize(check_with(tsv, "", as_of, 2020)); };
    const SheetCheck c = check_with(tsv, "", Date{2020, 7, 15}, 2020);
    CHECK(c.col(Column::interim_target) == 3);
    CHECK(c.col(Column::peg_target) == 2);
    SECTION("15 July: against the interim targets") {
        const Summary s = at(Date{2020, 7, 15});
        CHECK(s.objectives[0].status == Status::in_linea);   // 450 of 400 by 30/06
        CHECK(*s.objectives[0].score == 1);
        CHECK(s.objectives[1].status == Status::a_rischio);  // 30 of 50
        CHECK(*s.objectives[1].score == Approx(0.6));
        CHECK(s.objectives[2].status == Status::raggiunto);  // the final target already met
    }
    SECTION("before 30 June: against the final targets") {
        const Summary s = at(Date{2020, 5, 31});
        CHECK(*s.objectives[0].score == Approx(0.45));
        CHECK(s.objectives[0].status == Status::a_rischio);
    }
    SECTION("after the year: the final targets only") {
        const Summary s = at(Date{2021, 1, 31});
        CHECK(s.objectives[0].status == Status::non_raggiunto);
        CHECK(*s.objectives[0].score == Approx(0.45));
    }
}

TEST_CASE("interim target headings", "[scoring][header]") {
    auto [heading, day, month] = GENERATE(table<std::string_view, int, int>({
        {"Target al 30/06", 30, 6},
        {"Target al 30/06/2020", 30, 6},
        {"Valore atteso al 30 settembre", 30, 9},
        {"Target intermedio", 30, 6},
        {"Target I semestre", 30, 6},
    }));
    CAPTURE(heading);
    const HeadingReading r = read_heading(heading);
    CHECK(r.role == Column::interim_target);
    REQUIRE(r.interim);
    CHECK(r.interim->first == day);
    CHECK(r.interim->second == month);
    CHECK(read_heading("Target al 31/12/2020").role == Column::peg_target);
    CHECK(read_heading("Target 2024").role == Column::peg_target);
}

TEST_CASE("marks of objectives not assessable, kept in the document", "[scoring][status]") {
    std::string p = store_mark("", "PEG 2020", 5, "indicatore non più rilevato dall'ISTAT");
    p = store_mark(p, "PEG 2020", 9, "sterilizzato\tdal NdV\n(verbale 3)");
    p = store_mark(p, "Settore 2", 5, "servizio esternalizzato");
    CHECK(p == "PEG 2020\t5\tindicatore non più rilevato dall'ISTAT\nPEG 2020\t9\tsterilizzato dal NdV (verbale 3)\n"
               "Settore 2\t5\tservizio esternalizzato\n");
    const auto marks = stored_marks(p, "PEG 2020", 2);  // a grid read from sheet row 3
    REQUIRE(marks.size() == 2);
    CHECK(marks[0].row == 2);
    CHECK(marks[1].reason == "sterilizzato dal NdV (verbale 3)");
    CHECK(stored_marks(store_mark(p, "PEG 2020", 5, ""), "PEG 2020").size() == 1);
    CHECK(stored_marks("junk\nPEG 2020\tx\ty\n\t\t\n", "PEG 2020").empty());
}

TEST_CASE("plan_marks: the panel marks objective rows, with a reason", "[scoring][status]") {
    const SheetCheck c = check_with(sheet, "", Date{2020, 6, 30});  // objectives on grid rows 1..6
    const std::string other = "Settore 2\t5\tservizio esternalizzato\n";
    struct Case {
        const char* what;
        std::vector<int> rows;
        const char* reason;
        bool clear;
        const char* before;
        std::string after;
        std::vector<int> changed, outside;
    };
    const Case cases[] = {
        {"two rows marked, the header and a row below the table refused", {0, 2, 3, 9}, "servizio sospeso", false, "",
         "PEG\t3\tservizio sospeso\nPEG\t4\tservizio sospeso\n", {2, 3}, {0, 9}},
        {"a new reason replaces the old one, other sheets' marks kept", {2}, "  nuovo\tmotivo ", false,
         "PEG\t3\tvecchio\nSettore 2\t5\tservizio esternalizzato\n", "PEG\t3\tnuovo motivo\n" + other, {2}, {}},
        {"the same reason again changes nothing", {2}, "vecchio", false, "PEG\t3\tvecchio\n", "PEG\t3\tvecchio\n", {}, {}},
        {"clearing removes only that sheet's mark of those rows", {2, 5}, "", true,
         "PEG\t3\tvecchio\nPEG\t5\taltro\nSettore 2\t5\tservizio esternalizzato\n", "PEG\t5\taltro\n" + other, {2}, {}},
    };
    for (const Case& k : cases) {
        CAPTURE(k.what);
        const MarkPlan p = plan_marks(c, k.before, "PEG", 0, k.rows, k.reason, k.clear);
        CHECK(p.property == k.after);
        CHECK(p.changed == k.changed);
        CHECK(p.outside == k.outside);
        CHECK_FALSE(p.no_reason);
    }
    const MarkPlan none = plan_marks(c, "PEG\t3\tvecchio\n", "PEG", 0, {2}, " \t", false);
    CHECK(none.no_reason);
    CHECK(none.property == "PEG\t3\tvecchio\n");
    // a grid read from sheet row 3 (0-based 2): grid row 2 is sheet row 5
    CHECK(plan_marks(c, "", "PEG", 2, {2}, "x", false).property == "PEG\t5\tx\n");
}
