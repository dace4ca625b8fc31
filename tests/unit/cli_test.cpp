// pegkit-check's reports and text reader, without an office (src/cli, library pegkit_cli).
#include "report.hpp"
#include "text_reader.hpp"
#include "writers.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace pegkit;
using namespace pegkit::cli;

TEST_CASE("csv_field: RFC 4180 quoting and formula escaping", "[cli]") {
    auto [cell, expected] = GENERATE(table<std::string, std::string>({
        {"plain", "plain"},
        {"", ""},
        {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"=1+1", "'=1+1"},
        {"+39 041", "'+39 041"},
        {"-5 giorni", "'-5 giorni"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\tx", "'\tx"},
        {"\rx", "\"'\rx\""},
        {"a,b", "\"a,b\""},
        {"due\nrighe", "\"due\nrighe\""},
        {"non < =5 giorni", "non < =5 giorni"},  // '=' inside a cell is harmless
    }));
    CAPTURE(cell);
    CHECK(csv_field(cell) == expected);
}

TEST_CASE("column_letter", "[cli]") {
    auto [col, letters] = GENERATE(table<int, std::string>({{0, "A"}, {9, "J"}, {25, "Z"}, {26, "AA"}, {701, "ZZ"}, {702, "AAA"}, {-1, ""}}));
    CAPTURE(col);
    CHECK(column_letter(col) == letters);
}

namespace {

FileReport sample_report() {
    Grid grid(3, 3);
    const char* rows[3][3] = {{"CdR", "Indicatore PEG", "Target PEG"},
                              {"50 - Direttore generale", "Tempo", "<= 140, 55 giorni"},
                              {"", "Report", "=31/12/2020"}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) grid.at(r, c) = Cell::of_text(rows[r][c]);
    SheetOptions sheet;
    sheet.plan_year = 2020;
    FileReport f;
    f.path = "=cmd|' /C calc'!A0.tsv";
    f.format = "tsv";
    f.sheets.push_back(check_grid("", grid, sheet, ReportOptions{Lang::en, Severity::warning}));
    return f;
}

}  // namespace

TEST_CASE("check_grid: 1-based rows, column letters, the sheet's header and the core's name", "[cli]") {
    const FileReport f = sample_report();
    const SheetReport& s = f.sheets.at(0);
    CHECK(s.found);
    CHECK(s.header_row == 1);
    CHECK(s.objectives == 2);
    REQUIRE_FALSE(s.findings.empty());
    const FindingRow& two = s.findings.front();
    CHECK(two.row == 2);
    CHECK(two.column == "C");
    CHECK(two.header == "Target PEG");
    CHECK(two.field == "Target (PEG)");
    CHECK(two.code == "two_numbers");
    CHECK(s.counts.at(Severity::error) >= 1);
}

TEST_CASE("writers: JSON parses back, CSV escapes the file name, text names the place", "[cli]") {
    const FileReport f = sample_report();
    Totals totals;
    totals.add(f);
    Options options;
    options.report.lang = Lang::en;

    std::ostringstream json_out;
    auto json = json_writer(json_out, options);
    json->file(f);
    json->end(totals);
    const boost::json::value doc = boost::json::parse(json_out.str());
    const auto& finding = doc.at("files").at(0).at("sheets").at(0).at("findings").at(0);
    CHECK(finding.at("row").as_int64() == 2);
    CHECK(finding.at("field").as_string() == "Target (PEG)");
    CHECK(doc.at("totals").at("exit_status").as_int64() == 1);

    std::ostringstream csv_out;
    auto csv = csv_writer(csv_out, options);
    csv->file(f);
    csv->end(totals);
    CHECK(csv_out.str().find("\r\n'=cmd|' /C calc'!A0.tsv,,2,C,Target PEG,Target (PEG),error,two_numbers,") != std::string::npos);

    std::ostringstream text_out;
    auto text = text_writer(text_out, options);
    text->file(f);
    text->end(totals);
    CHECK(text_out.str().find(":2:C: error: [Target (PEG)] ") != std::string::npos);
}

TEST_CASE("read_text_table: encodings, separators, limits", "[cli]") {
    const std::string path = "pegkit_cli_test.csv";
    auto write = [&](const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; };

    SECTION("Windows-1252, as Excel saves CSV") {
        write("CdR;Indicatore PEG;Target PEG\r\nCitt\xE0 metropolitana;Tempo;\x93\x3E= 3\x94\r\n");
        const TextRead r = read_text_table(path, true, 0);
        REQUIRE(r);
        CHECK(r.grid.at(1, 0).text == "Città metropolitana");
        CHECK(r.grid.at(1, 2).text == "“>= 3”");
        CHECK(r.notes.size() == 1);
    }
    SECTION("a row limit refuses long files") {
        std::string text = "CdR;Target PEG\n";
        for (int i = 0; i < 50; ++i) text += "50;>= 3\n";
        write(text);
        CHECK(read_text_table(path, true, 0));
        const TextRead r = read_text_table(path, true, 10);
        CHECK_FALSE(r);
        CHECK(r.error.find("more than 10 rows") != std::string::npos);
    }
    SECTION("binary content") {
        write(std::string("PK\x03\x04\0\0junk", 10));
        const TextRead r = read_text_table(path, false, 0);
        CHECK_FALSE(r);
        CHECK(r.error.find("binary") != std::string::npos);
    }
    std::remove(path.c_str());
    CHECK_FALSE(read_text_table("no/such/file.tsv", false, 0));
}
