// The Normalize panel's preview (src/sidebar/rewrite_list.hpp): ticks, pages, the column filter and
// what Apply sends, on rewrites of the Venezia 2020 sample's target column (J) and objective column.
#include "../../src/sidebar/rewrite_list.hpp"  // not on the include path: src/sidebar has its own messages.hpp

#include <catch2/catch.hpp>

using namespace pegkit;
using namespace pegkit::sidebar;

namespace {

// 12 target rewrites in J (rows 5..16) and 3 in the objective column E: two pages of J.
std::vector<PreviewLine> lines() {
    std::vector<PreviewLine> out;
    for (int r = 4; r < 16; ++r) out.push_back({{r, 9}, "J · Target", "< = 10 giorni", "≤ 10 giorni"});
    for (int r = 4; r < 7; ++r) out.push_back({{r, 4}, "E · Obiettivo", "Ridurre  i tempi", "Ridurre i tempi"});
    return out;
}

}  // namespace

TEST_CASE("the preview ticks every line first, pages of ten", "[preview]") {
    RewritePreview p;
    p.set(lines());
    CHECK(p.total() == 15);
    CHECK(p.ticked() == 15);
    CHECK(p.pages() == 2);
    CHECK(p.page_lines().size() == 10);
    p.turn(+1);
    CHECK(p.page() == 1);
    CHECK(p.page_lines().size() == 5);
    p.turn(+1);
    CHECK(p.page() == 1);  // stays on the last page
    p.turn(-1);
    p.turn(-1);
    CHECK(p.page() == 0);
    CHECK(p.columns() == std::vector<std::string>{"J · Target", "E · Obiettivo"});
}

TEST_CASE("unticked lines are left out of what Apply sends", "[preview]") {
    RewritePreview p;
    p.set(lines());
    p.tick_on_page(0, false);
    p.tick_on_page(3, false);
    p.tick_on_page(99, false);  // no such line: nothing happens
    const auto chosen = p.chosen();
    REQUIRE(chosen.size() == 13);
    CHECK(chosen[0].at == CellPos{5, 9});
    CHECK(chosen[0].after == "≤ 10 giorni");

    SECTION("a fresh plan keeps the user's ticks where the line is unchanged") {
        auto again = lines();
        again[3].after = "≤ 11 giorni";  // the user edited row 8 meanwhile: a new line, ticked
        p.set(again);
        CHECK(p.ticked() == 14);
        CHECK_FALSE(p.page_lines()[0]->ticked);
        CHECK(p.page_lines()[3]->ticked);
    }
}

TEST_CASE("by column: the filter shows one column, all and none act on what it shows", "[preview]") {
    RewritePreview p;
    p.set(lines());
    p.filter(1);  // E · Obiettivo
    CHECK(p.shown_count() == 3);
    CHECK(p.pages() == 1);
    p.tick_shown(false);
    CHECK(p.ticked() == 12);
    p.filter(-1);
    CHECK(p.shown_count() == 15);
    p.tick_shown(false);
    CHECK(p.chosen().empty());
    p.tick_shown(true);
    CHECK(p.ticked() == 15);

    SECTION("the filter survives a fresh plan while its column still has rewrites") {
        p.filter(1);
        p.set(lines());
        CHECK(p.filtered_column() == 1);
        auto only_j = lines();
        only_j.resize(12);
        p.set(only_j);
        CHECK(p.filtered_column() == -1);
        CHECK(p.shown_count() == 12);
    }
}

TEST_CASE("a line's text: cell, before → after, on one line, cut for the panel", "[preview]") {
    const PreviewLine l{{37, 9}, "J · Target", "< = 10\ngiorni", "≤ 10 giorni"};
    CHECK(preview_text(l, 0) == "J38 · < = 10 giorni → ≤ 10 giorni");
    const std::string cut = preview_text(l, 16);
    CHECK(cut.size() <= 16 + 3);
    CHECK(cut.rfind("J38 · ", 0) == 0);
}
