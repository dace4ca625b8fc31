// The user's column choice as text (pegkit-check --columns, the document's pegkit.columns).
#include "columns.hpp"

#include <catch2/catch.hpp>

using namespace pegkit;

TEST_CASE("parse_columns: English and Italian keys, letters, none, header row", "[columns]") {
    auto [text, canonical] = GENERATE(table<std::string_view, std::string_view>({
        {"target=J,actual=K,weight=L,cdr=E", "cdr=E,target=J,actual=K,weight=L"},
        {"obiettivo=A; target=B", "objective=A,target=B"},
        {"Consuntivo = k , Peso=-", "actual=K,weight=-"},
        {"header=4,indicatore=C", "header=4,indicator=C"},
        {"target=J,target=M", "target=M"},
        {"partenza=AA,scadenza=F,raggiungimento=G,unita=H", "attainment=G,baseline=AA,unit=H,deadline=F"},
    }));
    CAPTURE(text);
    const ColumnChoiceParse p = parse_columns(text);
    REQUIRE(p);
    CHECK(format_columns(p.choice) == canonical);
    CHECK(format_columns(parse_columns(canonical).choice) == canonical);
}

TEST_CASE("parse_columns: what cannot be read is named", "[columns]") {
    auto [text, part] = GENERATE(table<std::string_view, std::string_view>({
        {"targte=J", "targte=J"}, {"target=J9", "target=J9"}, {"target", "target"}, {"header=0", "header=0"},
        {"actual=K,peso=%", "peso=%"},
    }));
    CAPTURE(text);
    const ColumnChoiceParse p = parse_columns(text);
    CHECK_FALSE(p);
    CHECK(p.error == part);
}

TEST_CASE("the document's property: a line per sheet", "[columns]") {
    std::string property = store_choice("", "PEG 2020", "target=J");
    property = store_choice(property, "Settore 2", "objective=A,target=B");
    CHECK(stored_choice(property, "PEG 2020") == "target=J");
    CHECK(stored_choice(property, "Settore 2") == "objective=A,target=B");
    CHECK(stored_choice(property, "Altro").empty());
    property = store_choice(property, "PEG 2020", "");
    CHECK(property == "Settore 2\tobjective=A,target=B\n");
    SheetOptions o;
    apply(parse_columns("target=J,header=4").choice, o, 2, 1);  // the grid starts at B3
    REQUIRE(o.columns.size() == 1);
    CHECK((o.columns[0].second == 8 && *o.header_row == 1));
}
