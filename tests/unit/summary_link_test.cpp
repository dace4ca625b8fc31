// Which summary sheet Summary rewrites (summary_link.hpp): the cases a user meets when running
// Summary twice, from either sheet, after renaming or deleting one of them.
#include "summary_link.hpp"

#include <catch2/catch.hpp>

using namespace pegkit;

namespace {
const std::vector<std::string> workbook{"PEG 2020", "Riepilogo PEG", "Settore 2", "Note"};
const std::string linked = "PEG 2020\tRiepilogo PEG\t42\n";
}  // namespace

TEST_CASE("summary_target: the plan and the summary to rewrite", "[summary][link]") {
    struct Case {
        const char* why;
        std::string property, active;
        std::string plan;
        std::optional<std::string> summary;
    };
    const Case cases[] = {
        {"first run: a new sheet", "", "PEG 2020", "PEG 2020", std::nullopt},
        {"again from the plan: its summary", linked, "PEG 2020", "PEG 2020", "Riepilogo PEG"},
        {"again from the summary: its plan", linked, "Riepilogo PEG", "PEG 2020", "Riepilogo PEG"},
        {"another plan sheet gets its own", linked, "Settore 2", "Settore 2", std::nullopt},
        {"summary renamed by the user: a new one", "PEG 2020\tRiepilogo vecchio\t42\n", "PEG 2020", "PEG 2020", std::nullopt},
        {"plan renamed: its old link is stale", "PEG 2019\tRiepilogo PEG\t42\n", "Riepilogo PEG", "Riepilogo PEG", std::nullopt},
        {"a link to itself is never followed", "Note\tNote\t3\n", "Note", "Note", std::nullopt},
        {"lines that cannot be read are skipped", "garbage\nPEG 2020\tRiepilogo PEG\tmany\n" + linked, "PEG 2020", "PEG 2020",
         "Riepilogo PEG"},
    };
    for (const Case& c : cases) {
        INFO(c.why);
        const SummaryTarget t = summary_target(c.property, c.active, workbook);
        CHECK(t.plan == c.plan);
        CHECK(t.existing.has_value() == c.summary.has_value());
        if (t.existing && c.summary) {
            CHECK(t.existing->summary == *c.summary);
            CHECK(t.existing->rows == 42);
        }
    }
}

TEST_CASE("store_link: one link per plan and per summary, stale ones dropped", "[summary][link]") {
    CHECK(store_link("", {"PEG 2020", "Riepilogo PEG", 42}, workbook) == linked);
    CHECK(store_link(linked, {"PEG 2020", "Riepilogo PEG", 50}, workbook) == "PEG 2020\tRiepilogo PEG\t50\n");
    CHECK(store_link(linked + "Gone\tAlso gone\t3\n", {"Settore 2", "Note", 7}, workbook) ==
          linked + "Settore 2\tNote\t7\n");
    // the summary sheet taken over by another plan: the old link goes
    CHECK(store_link(linked, {"Settore 2", "Riepilogo PEG", 9}, workbook) == "Settore 2\tRiepilogo PEG\t9\n");
    CHECK(stored_links(store_link("", {"PEG 2020", "Riepilogo PEG", 42}, workbook)) ==
          std::vector<SummaryLink>{{"PEG 2020", "Riepilogo PEG", 42}});
    CHECK(is_summary_sheet(linked, "Riepilogo PEG", workbook));
    CHECK_FALSE(is_summary_sheet(linked, "PEG 2020", workbook));
    CHECK_FALSE(is_summary_sheet("PEG 2020\tGone\t1\n", "Gone", workbook));
}
