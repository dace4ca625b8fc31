// The commands' plans (src/core/plan.hpp) on the Venezia 2020 sample and on small real sheets.
#include "plan.hpp"
#include "short_label.hpp"
#include "text_table.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace pegkit;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Sample {
    Grid grid;
    SheetCheck check;
};

const Sample& sample() {
    static const Sample s = [] {
        Sample out;
        out.grid = grid_from_rows(split_delimited(read_file(PEGKIT_SAMPLE), '\t'));
        SheetOptions options;
        options.plan_year = 2020;
        out.check = check_sheet(out.grid, options);
        return out;
    }();
    return s;
}

const CellRewrite* rewrite_at(const NormalizePlan& p, int row, int col) {
    for (const CellRewrite& c : p.cells)
        if (c.row == row && c.col == col) return &c;
    return nullptr;
}

const Mark* mark_at(const ValidatePlan& p, int row, int col) {
    for (const Mark& m : p.marks)
        if (m.at.row == row && m.at.col == col) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("cell addresses", "[plan]") {
    auto [text, row, col] = GENERATE(table<std::string, int, int>({
        {"A1", 0, 0}, {"J68", 67, 9}, {"Z10", 9, 25}, {"AA1", 0, 26}, {"AMJ1048576", 1048575, 1023}}));
    CAPTURE(text);
    CHECK(cell_address({row, col}) == text);
    const auto back = parse_cell_address(text);
    REQUIRE(back);
    CHECK((back->row == row && back->col == col));
    SECTION("not addresses") {
        auto bad = GENERATE(as<std::string>{}, "", "J", "68", "j68", "J0", "J68:", "J 68", "$J$68");
        CAPTURE(bad);
        CHECK_FALSE(parse_cell_address(bad));
    }
}

TEST_CASE("plan_normalize on the sample: the cells Normalize rewrites, before and after", "[plan]") {
    const Sample& s = sample();
    REQUIRE(s.check.found);
    const int target = s.check.col(Column::peg_target);
    const NormalizePlan plan = plan_normalize(s.grid, s.check);
    // line, column, before, after
    auto [line, column, before, after] = GENERATE(table<int, Column, std::string, std::string>({
        {38, Column::peg_target, "< = 10 giorni", "≤ 10 giorni"},
        {4, Column::peg_target, "31/12/2020", "entro il 31/12/2020"},
    }));
    CAPTURE(line, before);
    const CellRewrite* c = rewrite_at(plan, line - 1, s.check.col(column));
    REQUIRE(c);
    CHECK(c->before == before);
    CHECK(c->after == after);
    CHECK(plan.hidden == 0);

    SECTION("a hidden (filtered) row is left as it is and counted") {
        std::vector<bool> hidden(static_cast<std::size_t>(s.grid.rows), false);
        hidden[static_cast<std::size_t>(line - 1)] = true;
        const NormalizePlan filtered = plan_normalize(s.grid, s.check, hidden);
        CHECK_FALSE(rewrite_at(filtered, line - 1, s.check.col(column)));
        CHECK(filtered.hidden >= 1);
        CHECK(filtered.cells.size() + filtered.hidden == plan.cells.size());
    }
    SECTION("every rewrite is a text cell of a known column inside the table, in column order") {
        for (std::size_t i = 0; i < plan.cells.size(); ++i) {
            const CellRewrite& r = plan.cells[i];
            CHECK(r.row >= s.check.first_row);
            CHECK(r.row <= s.check.last_row);
            CHECK(s.grid.at(r.row, r.col).text == r.before);
            CHECK(r.before != r.after);
            if (i) CHECK((plan.cells[i - 1].col < r.col || (plan.cells[i - 1].col == r.col && plan.cells[i - 1].row < r.row)));
        }
        CHECK(target >= 0);
    }
}

TEST_CASE("plan_normalize leaves formulas, numbers and the title alone", "[plan]") {
    Grid g(4, 2);
    g.at(0, 0) = Cell::of_text("PEG 2020 <b>titolo</b>");
    g.at(1, 0) = Cell::of_text("CdR");
    g.at(1, 1) = Cell::of_text("Target (PEG)");
    g.at(2, 0) = Cell::of_text("50 - Direttore  generale");
    g.at(2, 1) = Cell::of_text(">= 80%");
    g.at(3, 0) = Cell::of_text("50 - Direttore  generale");
    g.at(3, 0).formula = true;
    g.at(3, 1) = Cell::of_percent(0.8);
    const SheetCheck check = check_sheet(g);
    const NormalizePlan plan = plan_normalize(g, check);
    for (const CellRewrite& c : plan.cells) {
        CAPTURE(c.row, c.col, c.before);
        CHECK(c.row == 2);
    }
}

TEST_CASE("choose_rewrites keeps the ticked cells, and refuses all when the sheet changed since", "[plan]") {
    const Sample& s = sample();
    const NormalizePlan plan = plan_normalize(s.grid, s.check);
    const int target = s.check.col(Column::peg_target);
    const CellRewrite* line38 = rewrite_at(plan, 37, target);  // "< = 10 giorni"
    const CellRewrite* line4 = rewrite_at(plan, 3, target);    // "31/12/2020"
    REQUIRE(line38);
    REQUIRE(line4);

    const ChosenPlan two = choose_rewrites(plan, {{{37, target}, "≤ 10 giorni"}, {{3, target}, "entro il 31/12/2020"}});
    CHECK(two.stale.empty());
    REQUIRE(two.plan.cells.size() == 2);
    CHECK(two.plan.cells[0].row == 3);  // the plan's order, not the panel's
    CHECK(two.plan.cells[1].before == "< = 10 giorni");

    // what the preview showed / what the cell holds now
    auto [at, shown] = GENERATE(table<CellPos, std::string>({
        {{37, 0}, "≤ 10 giorni"},    // a cell the plan does not rewrite
        {{37, 9999}, "≤ 10 giorni"},  // outside the sheet
        {{37, 9}, "≤ 11 giorni"},     // the target was edited after the preview
    }));
    CAPTURE(at.row, at.col, shown);
    const CellPos where{at.row, at.col == 9 ? target : at.col};
    const ChosenPlan changed = choose_rewrites(plan, {{{3, target}, "entro il 31/12/2020"}, {where, shown}});
    REQUIRE(changed.stale.size() == 1);
    CHECK(changed.stale[0] == where);
    CHECK(changed.plan.cells.empty());
    CHECK(choose_rewrites(plan, {}).plan.cells.empty());
}

TEST_CASE("plan_new_columns: one new column right of each normalized column, the originals kept", "[plan]") {
    Grid g(4, 4);
    g.at(0, 0) = Cell::of_text("Obiettivo");
    g.at(0, 1) = Cell::of_text("Indicatore");
    g.at(0, 2) = Cell::of_text("Target");
    g.at(0, 3) = Cell::of_text("Note");
    SheetCheck check;
    check.header_row = 0;
    NormalizePlan plan;
    plan.cells = {{1, 0, "Ridurre  i tempi", "Ridurre i tempi"}, {1, 2, "< = 10 giorni", "≤ 10 giorni"},
                  {3, 2, ">=95%", "≥ 95%"}};
    const NewColumnsPlan p = plan_new_columns(plan, g, check, "normalizzato");
    // columns A and C get new ones at B and E (after B's insert, C is D); right to left
    REQUIRE(p.inserts.size() == 2);
    CHECK((p.inserts[0].source_col == 2 && p.inserts[0].insert_at == 3 && p.inserts[0].final_col == 4));
    CHECK((p.inserts[1].source_col == 0 && p.inserts[1].insert_at == 1 && p.inserts[1].final_col == 1));
    // row, col, text
    auto [row, col, text] = GENERATE(table<int, int, std::string>({
        {0, 1, "Obiettivo (normalizzato)"}, {1, 1, "Ridurre i tempi"},
        {0, 4, "Target (normalizzato)"}, {1, 4, "≤ 10 giorni"}, {3, 4, "≥ 95%"},
    }));
    CAPTURE(row, col);
    const auto it = std::find_if(p.cells.begin(), p.cells.end(), [&](const CellRewrite& c) { return c.row == row && c.col == col; });
    REQUIRE(it != p.cells.end());
    CHECK(it->after == text);
    CHECK(it->before.empty());
    CHECK(p.cells.size() == 5);
    CHECK(plan_new_columns({}, g, check, "normalizzato").inserts.empty());

    SECTION("merged cells across a source and its right neighbour: that column goes right of the table") {
        g.merges.push_back({0, 0, 0, 3});  // a title merged over the table's whole width... on row 0 here
        const NewColumnsPlan merged = plan_new_columns(plan, g, check, "normalizzato");
        CHECK(merged.inserts.empty());
        REQUIRE(merged.columns.size() == 2);
        CHECK((merged.columns[0].insert_at == -1 && merged.columns[0].final_col == 4));
        CHECK((merged.columns[1].insert_at == -1 && merged.columns[1].final_col == 5));
        g.merges = {{1, 2, 2, 2}};  // one column tall, two rows high: it cuts no column boundary
        const NewColumnsPlan tall = plan_new_columns(plan, g, check, "normalizzato");
        CHECK(tall.inserts.size() == 2);
    }
}

TEST_CASE("plan_validate on the sample: the cells marked and which get a note", "[plan]") {
    const Sample& s = sample();
    const ValidatePlan plan = plan_validate(s.check);
    int errors = 0, warnings = 0, infos = 0;
    for (const Finding& f : s.check.findings)
        (f.severity == Severity::error ? errors : f.severity == Severity::warning ? warnings : infos)++;
    CHECK(plan.errors == errors);
    CHECK(plan.warnings == warnings);
    CHECK(plan.infos == infos);
    // tests/data/sample_findings.tsv: line, column, severity
    auto [line, column] = GENERATE(table<int, Column>({
        {67, Column::dup_target},
        {68, Column::dup_target},
        {84, Column::peg_target},
    }));
    CAPTURE(line);
    const Mark* m = mark_at(plan, line - 1, s.check.col(column));
    REQUIRE(m);
    CHECK(m->severity == Severity::error);
    CHECK(m->fill() == fill_red);
    CHECK(m->note);

    SECTION("a cell with the user's own note gets no note of ours") {
        const ValidatePlan noted = plan_validate(s.check, {{line - 1, s.check.col(column)}});
        const Mark* n = mark_at(noted, line - 1, s.check.col(column));
        REQUIRE(n);
        CHECK_FALSE(n->note);
        CHECK(noted.notes == plan.notes - 1);
    }
    SECTION("notes stop at max_notes, marks do not") {
        const ValidatePlan few = plan_validate(s.check, {}, 2);
        CHECK(few.notes == 2);
        CHECK(few.marks.size() == plan.marks.size());
    }
}

TEST_CASE("marks in a document property: encoded and read back", "[plan]") {
    const std::vector<RecordedMark> marks = {
        {"PEG 2020", {67, 9}, Fill{}, fill_red, "[PEG] errore: obiettivo non misurabile"},
        {"PEG 2020", {68, 9}, Fill{}, fill_red, ""},
        {"PEG 2020", {69, 9}, Fill{}, fill_red, ""},
        {"PEG 2020", {66, 6}, Fill{false, 0xFFFF00}, fill_amber, "[PEG] avviso: «perché»"},
        {"Foglio 2", {0, 0}, Fill{false, -1}, fill_red, ""},
    };
    const std::string json = encode_marks(marks);
    CAPTURE(json);
    CHECK(json.find("J68:J70") != std::string::npos);  // consecutive cells as one range
    std::vector<RecordedMark> back = decode_marks(json);
    REQUIRE(back.size() == marks.size());
    for (const RecordedMark& m : marks) {
        const auto it = std::find_if(back.begin(), back.end(), [&](const RecordedMark& b) {
            return b.sheet == m.sheet && b.at == m.at;
        });
        REQUIRE(it != back.end());
        CHECK(it->before == m.before);
        CHECK(it->fill == m.fill);
        CHECK(it->note == m.note);
    }
    SECTION("text that is not ours reads as no marks") {
        auto bad = GENERATE(as<std::string>{}, "", "pegkit", "[]", "{\"groups\":3}", "{\"groups\":[{\"sheet\":1}]}",
                            "{\"groups\":[{\"sheet\":\"A\",\"before\":\"x\",\"fill\":1,\"cells\":[\"A1\"]}]}",
                            "{\"groups\":[{\"sheet\":\"A\",\"before\":\"default\",\"fill\":1,\"cells\":[\"A1:ZZZZ99999999\"]}]}");
        CAPTURE(bad);
        CHECK(decode_marks(bad).empty());
    }
}

TEST_CASE("plan_clear takes back exactly our marks", "[plan]") {
    const std::vector<RecordedMark> recorded = {
        {"PEG", {67, 9}, Fill{}, fill_red, "[PEG] errore: x"},
        {"PEG", {66, 6}, Fill{false, 0xFFFF00}, fill_amber, ""},
        {"PEG", {10, 9}, Fill{}, fill_red, "[PEG] errore: y"},
        {"Altro", {1, 1}, Fill{}, fill_red, ""},
    };
    CellLooks now;
    now.fills[{67, 9}] = Fill{false, fill_red};
    now.fills[{66, 6}] = Fill{false, fill_amber};
    now.fills[{10, 9}] = Fill{false, 0x00FF00};  // the user recoloured it since
    now.notes[{67, 9}] = "[PEG] errore: x";
    now.notes[{10, 9}] = "[PEG] errore: y, e la risposta dell'ufficio";  // the user edited our note
    now.notes[{83, 9}] = "nota dell'ufficio";
    const Restyle r = plan_clear(recorded, "PEG", now);
    CHECK(r.cleared == 3);
    CHECK(r.fills.size() == 2);
    CHECK(r.fills.at({67, 9}) == Fill{});
    CHECK(r.fills.at({66, 6}) == (Fill{false, 0xFFFF00}));
    CHECK_FALSE(r.fills.count({10, 9}));
    REQUIRE(r.notes.size() == 1);
    CHECK_FALSE(r.notes.at({67, 9}));
    REQUIRE(r.marks.size() == 1);
    CHECK(r.marks[0].sheet == "Altro");
    CHECK(notes_after(now, r) == std::vector<CellPos>{{10, 9}, {83, 9}});

    SECTION("nothing recorded: nothing to do") {
        const Restyle none = plan_clear({}, "PEG", now);
        CHECK(none.empty());
        CHECK(none.cleared == 0);
    }
}

TEST_CASE("plan_mark clears first, then records the fill each cell had", "[plan]") {
    const std::vector<RecordedMark> recorded = {{"PEG", {67, 9}, Fill{false, 0xFFFF00}, fill_red, "[PEG] old"}};
    CellLooks now;
    now.fills[{67, 9}] = Fill{false, fill_red};
    now.notes[{67, 9}] = "[PEG] old";
    ValidatePlan plan;
    Mark m;
    m.at = {67, 9};
    m.severity = Severity::warning;
    m.note = true;
    plan.marks.push_back(m);
    const Restyle r = plan_mark(recorded, "PEG", now, plan, [](const Mark&) { return std::string("[PEG] new"); });
    REQUIRE(r.marks.size() == 1);
    CHECK(r.marks[0].before == (Fill{false, 0xFFFF00}));  // the user's fill, not our old red
    CHECK(r.marks[0].fill == fill_amber);
    CHECK(r.fills.at({67, 9}) == (Fill{false, fill_amber}));
    CHECK(r.notes.at({67, 9}) == std::optional<std::string>("[PEG] new"));
    CHECK(r.cleared == 1);
    CHECK(r.marked == 1);
}

TEST_CASE("plan_summary on the sample: cells, styles and the chart's rows", "[plan]") {
    const Sample& s = sample();
    const SummaryPlan p = plan_summary(s.check);
    REQUIRE(p.rows.size() > 10);
    for (const auto& r : p.rows) CHECK(r.size() == std::size_t(SummaryPlan::width));
    CHECK(p.rows[0][0].kind == SummaryCell::Kind::label);
    CHECK(p.rows[0][0].label == SummaryLabel::title);
    CHECK(p.plan_year == std::optional<int>(2020));
    REQUIRE(p.chart_first > 0);
    CHECK(p.rows[std::size_t(p.chart_first)][0].label == SummaryLabel::by_cdr);
    CHECK(p.chart_last > p.chart_first);
    // the bars' short labels beside the CdR table, one per group, none beside any other row
    const auto label_col = std::size_t(SummaryPlan::chart_label_col);
    CHECK(p.rows[std::size_t(p.chart_first)][label_col].label == SummaryLabel::chart_label);
    for (int r = p.chart_first + 1; r <= p.chart_last; ++r) {
        const SummaryCell& bar = p.rows[std::size_t(r)][label_col];
        const SummaryCell& group = p.rows[std::size_t(r)][0];
        CHECK(bar.kind == group.kind);
        if (group.kind == SummaryCell::Kind::text) {
            CHECK(bar.text == short_label(group.text));
            CHECK(bar.text.substr(0, 2) == group.text.substr(0, 2));  // the code
        }
    }
    for (int r = 0; r < int(p.rows.size()); ++r)
        if (r < p.chart_first || r > p.chart_last) CHECK(p.rows[std::size_t(r)][label_col].kind == SummaryCell::Kind::empty);
    int totals = 0;
    for (int b : p.bold_rows)
        if (p.rows[std::size_t(b)][0].kind == SummaryCell::Kind::label && p.rows[std::size_t(b)][0].label == SummaryLabel::total)
            ++totals;
    CHECK(totals == 4);  // per CdR, Missione, Programma, Obiettivo strategico
    for (const auto& l : p.lights) {
        CHECK(l.level >= 0);
        CHECK(l.level <= 2);
        CHECK(p.rows[std::size_t(l.row)][std::size_t(l.col)].kind == SummaryCell::Kind::number);
    }
}
