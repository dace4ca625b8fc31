// pegkit-check's reports and text reader, without an office (src/cli, library pegkit_cli).
#include "header.hpp"
#include "report.hpp"
#include "text_reader.hpp"
#include "text_table.hpp"
#include "writers.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>

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

TEST_CASE("column_letters", "[cli]") {
    auto [col, letters] = GENERATE(table<int, std::string>({{0, "A"}, {9, "J"}, {25, "Z"}, {26, "AA"}, {701, "ZZ"}, {702, "AAA"}, {-1, ""}}));
    CAPTURE(col);
    CHECK(column_letters(col) == letters);
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
        const TextRead r = read_text_table(path, true, {}, Lang::en);
        REQUIRE(r);
        CHECK(r.grid.at(1, 0).text == "Città metropolitana");
        CHECK(r.grid.at(1, 2).text == "“>= 3”");
        CHECK(r.notes.size() == 1);
    }
    SECTION("a row limit refuses long files") {
        std::string text = "CdR;Target PEG\n";
        for (int i = 0; i < 50; ++i) text += "50;>= 3\n";
        write(text);
        CHECK(read_text_table(path, true, {}, Lang::en));
        const TextRead r = read_text_table(path, true, {10, 0}, Lang::en);
        CHECK_FALSE(r);
        CHECK(r.error.find("more than 10 rows") != std::string::npos);
    }
    SECTION("binary content") {
        write(std::string("PK\x03\x04\0\0junk", 10));
        const TextRead r = read_text_table(path, false, {}, Lang::en);
        CHECK_FALSE(r);
        CHECK(r.error.find("binary") != std::string::npos);
    }
    std::remove(path.c_str());
    CHECK_FALSE(read_text_table("no/such/file.tsv", false, {}, Lang::en));
}

TEST_CASE("text_extent counts the records and fields split_delimited makes", "[cli][limits]") {
    auto [text, sep, rows, cols] = GENERATE(table<std::string, char, std::size_t, std::size_t>({
        {"CdR;Target PEG\n50;>= 3\n", ';', 2, 2},
        {"CdR;Target PEG\r\n50;>= 3", ';', 2, 2},                          // CRLF, no final line end
        {"\xEF\xBB\xBF" "a,b,c\n", ',', 1, 3},                             // BOM
        {"\"a;b;c\";d\n", ';', 1, 2},                                      // separators inside quotes
        {"\"Entro il\n31/12/2020\";x\ny;z\n", ';', 3, 2},                  // a line break inside quotes pads a row
        {"\"say \"\"a;b\"\"\";c\n", ';', 1, 2},                            // doubled quotes
        {"\"a\tb\"\tc\n", '\t', 1, 3},                                     // TSV: quotes are text
        {"a;;;;\n\n;\n", ';', 3, 5},
        {"a\rb;c\n", ';', 1, 2},                                           // a lone CR is inside the field
        {"", ';', 0, 0},
        {"\"open;quote\n", ';', 2, 1},
    }));
    CAPTURE(text);
    const TextExtent e = text_extent(text, sep);
    CHECK(e.rows == rows);
    CHECK(e.cols == cols);
    const TextRows split = split_delimited(text, sep);
    std::size_t widest = 0;
    for (const auto& r : split) widest = std::max(widest, r.size());
    CHECK(split.size() <= e.rows);
    CHECK(widest == e.cols);
}

TEST_CASE("read_text_table refuses a table beyond the cell limit before building it", "[cli][limits]") {
    const std::string path = "pegkit_cli_wide.csv";
    {
        std::ofstream f(path, std::ios::binary);
        f << "CdR;Indicatore PEG;Target PEG\n";
        for (int i = 0; i < 30; ++i) f << "50;Tempo;>= 3\n";
        f << "x" << std::string(199999, ';') << "\n";  // one row of 200,000 columns
    }
    SECTION("English") {
        const TextRead r = read_text_table(path, true, {100000, 5000000}, Lang::en);
        REQUIRE_FALSE(r);
        CHECK(r.error == "a table of 32 rows by 200,000 columns, beyond the limit of 5,000,000 cells: "
                         "not checked (--max-cells 0 lifts the limit)");
        CHECK(r.grid.rows == 0);
    }
    SECTION("Italian") {
        const TextRead r = read_text_table(path, true, {100000, 5000000}, Lang::it);
        REQUIRE_FALSE(r);
        CHECK(r.error.find("32 righe per 200.000 colonne, oltre il limite di 5.000.000 celle") != std::string::npos);
    }
    SECTION("within a higher limit it is read") {
        const TextRead r = read_text_table(path, true, {0, 6400000}, Lang::en);
        REQUIRE(r);
        CHECK(r.grid.rows == 32);
    }
    std::remove(path.c_str());
}

TEST_CASE("read_text_table: reasons in the report's language", "[cli][limits]") {
    auto [lang, rows_message, folder_message] = GENERATE(table<Lang, std::string, std::string>({
        {Lang::en, "more than 10 rows", "cannot read it: Is a directory"},
        {Lang::it, "più di 10 righe", "lettura non riuscita: Is a directory"},
    }));
    const std::string path = "pegkit_cli_rows.tsv";
    {
        std::ofstream f(path, std::ios::binary);
        for (int i = 0; i < 20; ++i) f << "50\t>= 3\n";
    }
    CHECK(read_text_table(path, false, {10, 0}, lang).error.find(rows_message) == 0);
    CHECK(read_text_table(".", false, {}, lang).error == folder_message);  // a folder named as a file
    std::remove(path.c_str());
}

TEST_CASE("guarded_check: what one file throws is that file's unreadable report", "[cli][limits]") {
    auto [lang, thrown, expected] = GENERATE(table<Lang, int, std::string>({
        {Lang::en, 0, "not enough memory to read and check this file"},
        {Lang::it, 0, "memoria insufficiente per leggere e controllare questo file"},
        {Lang::en, 1, "internal error of pegkit-check on this file: vector::_M_default_append"},
        {Lang::it, 2, "errore interno di pegkit-check su questo file: ?"},
    }));
    const FileReport f = guarded_check("wide.csv", "csv", lang, [t = thrown]() -> FileReport {
        if (t == 0) throw std::bad_alloc();
        if (t == 1) throw std::length_error("vector::_M_default_append");
        throw 42;
    });
    CHECK(f.status == FileStatus::unreadable);
    CHECK(f.path == "wide.csv");
    CHECK(f.format == "csv");
    CHECK(f.error == expected);
    const FileReport ok = guarded_check("a.tsv", "tsv", lang, [] { FileReport r; r.path = "a.tsv"; return r; });
    CHECK(ok.status == FileStatus::checked);
}

TEST_CASE("JSON of a batch that stopped still parses and says why", "[cli][limits]") {
    Options options;
    std::ostringstream out;
    auto json = json_writer(out, options);
    FileReport bad = guarded_check("x.csv", "csv", Lang::en, []() -> FileReport { throw std::bad_alloc(); });
    Totals totals;
    totals.add(bad);
    json->file(bad);
    totals.stopped = "interrupted";
    json->end(totals);
    const boost::json::value doc = boost::json::parse(out.str());
    CHECK(doc.at("files").at(0).at("status").as_string() == "unreadable");
    CHECK(doc.at("totals").at("stopped").as_string() == "interrupted");
    CHECK(doc.at("totals").at("unreadable").as_int64() == 1);
}
