// The copy for Excel users: which formulas are ours, and the runs written in one call each.
#include "excel_copy.hpp"

#include <catch2/catch.hpp>

using namespace pegkit;

TEST_CASE("calls_pegkit: formulas as Calc gives them back, in any case", "[excel]") {
    auto [formula, ours] = GENERATE(table<std::string_view, bool>({
        {"=IT.PEGKIT.CALC.FUNCTIONS.GETATTAIN(J5;K5)", true},
        {"=SUM(1;2)+IT.PEGKIT.CALC.FUNCTIONS.GETATTAIN(\">= 10\";8)", true},
        {"=it.pegkit.calc.functions.getnorm(J5)", true},
        {"=SUM(A1:A4)", false},
        {"IT.PEGKIT.CALC.FUNCTIONS.GETCHECK", false},  // a text cell, not a formula
        {"", false},
    }));
    CAPTURE(formula);
    CHECK(calls_pegkit(formula) == ours);
}

TEST_CASE("pegkit_runs: our cells, column by column, in contiguous runs", "[excel]") {
    const std::string peg = "=IT.PEGKIT.CALC.FUNCTIONS.GETSCORE(A1)";
    const std::vector<std::vector<std::string>> formulas = {
        {peg, "=SUM(A1)", peg},
        {peg, "", peg},
        {"=A1*2", peg},
        {peg},
    };
    const std::vector<CellRun> runs = pegkit_runs(formulas);
    REQUIRE(runs.size() == 4);
    CHECK((runs[0].col == 0 && runs[0].first_row == 0 && runs[0].last_row == 1));
    CHECK((runs[1].col == 0 && runs[1].first_row == 3 && runs[1].last_row == 3));
    CHECK((runs[2].col == 1 && runs[2].first_row == 2 && runs[2].last_row == 2));
    CHECK((runs[3].col == 2 && runs[3].first_row == 0 && runs[3].last_row == 1));
}
