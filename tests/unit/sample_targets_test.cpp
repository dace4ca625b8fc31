// The independent reading of targets: tests/data/sample_targets.tsv (every distinct target of
// the Venezia 2020 PEG) and tests/data/contract_targets.tsv (every example of TARGETS.md §2-§3)
// say what each text means; tests/data/normalize_classes.tsv says which texts mean the same.
// The tables were written from TARGETS.md, not from the parser.
#include "cell.hpp"
#include "diagnostic.hpp"
#include "target.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace pegkit;

std::string data_path(const std::string& name) { return std::string(PEGKIT_TEST_DATA) + "/" + name; }

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(' ');
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// "1 | " -> {"1", ""}: the parts of a composto cell; a plain cell is one part.
std::vector<std::string> parts_of(const std::string& cell) {
    std::vector<std::string> out;
    for (const auto& p : split(cell, '|')) out.push_back(trim(p));
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? " | " : "") + items[i];
    return out;
}

// A TSV with `#` comment lines and a header line; cells are kept byte-exact (the target
// text is the last column and may end in spaces or be empty).
struct TsvRow {
    int file_line = 0;
    std::map<std::string, std::string> cell;
};

struct Tsv {
    bool opened = false;
    std::vector<std::string> header;
    std::vector<TsvRow> rows;
    std::vector<int> bad_lines;  // lines whose cell count differs from the header's
};

Tsv read_tsv(const std::string& path) {
    Tsv t;
    std::ifstream in(path, std::ios::binary);
    if (!in) return t;
    t.opened = true;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        auto cells = split(line, '\t');
        if (t.header.empty()) {
            t.header = cells;
            continue;
        }
        if (cells.size() != t.header.size()) {
            t.bad_lines.push_back(n);
            continue;
        }
        TsvRow row;
        row.file_line = n;
        for (std::size_t i = 0; i < cells.size(); ++i) row.cell[t.header[i]] = cells[i];
        t.rows.push_back(std::move(row));
    }
    return t;
}

Tsv open_table(const std::string& name, const std::vector<std::string>& columns) {
    const std::string path = data_path(name);
    INFO("table " << path);
    Tsv t = read_tsv(path);
    REQUIRE(t.opened);  // a missing table must fail, never pass with zero rows
    REQUIRE(t.header == columns);
    CHECK(t.bad_lines.empty());
    REQUIRE(!t.rows.empty());
    return t;
}

const std::vector<std::string> target_columns = {"line", "column", "kind", "op", "value", "unit",
                                                 "date", "noun", "qualifier", "diag", "text"};

// The diagnostic the table names: the first error, else (ambiguous_number) the first warning.
std::string diag_of(const Target& t) {
    if (const Diagnostic* e = t.first_error()) return std::string(code_name(e->code));
    for (const auto& d : t.diagnostics)
        if (d.severity == Severity::warning) return std::string(code_name(d.code));
    return "";
}

// The target in the table's own spelling, part by part.
struct Reading {
    std::string kind, op, unit, date, noun, qualifier, diag;
    std::vector<double> values;
};

Reading reading_of(const Target& t) {
    Reading r;
    r.kind = std::string(kind_name(t.kind));
    std::vector<std::string> ops, units, dates, nouns, qualifiers;
    for (const auto& p : t.parts) {
        ops.emplace_back(op_text(p.op));
        units.emplace_back(unit_name(p.unit));
        if (p.deadline) dates.push_back(format_date(*p.deadline));
        nouns.push_back(p.noun);
        qualifiers.push_back(p.qualifier);
        r.values.push_back(p.value);
    }
    r.op = join(ops);
    r.unit = join(units);
    r.date = join(dates);
    r.noun = join(nouns);
    r.qualifier = join(qualifiers);
    r.diag = diag_of(t);
    return r;
}

void check_row(const TsvRow& row, const std::string& table) {
    const auto& c = row.cell;
    const std::string& text = c.at("text");
    INFO(table << ":" << row.file_line << " (" << c.at("line") << " " << c.at("column") << ") text «" << text << "»");
    const Target t = read_target(std::string_view(text));
    const Reading got = reading_of(t);

    CHECK(got.kind == c.at("kind"));
    CHECK(got.op == c.at("op"));
    CHECK(got.unit == c.at("unit"));
    CHECK(got.date == c.at("date"));
    CHECK(got.noun == c.at("noun"));
    CHECK(got.qualifier == c.at("qualifier"));
    CHECK(got.diag == c.at("diag"));

    // Values only where the table gives one: a deadline's serial is checked through its date.
    const auto values = parts_of(c.at("value"));
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i].empty()) continue;
        const double expected = std::strtod(values[i].c_str(), nullptr);
        INFO("part " << i + 1 << " value " << values[i]);
        CHECK(i < got.values.size());
        if (i < got.values.size()) CHECK(got.values[i] == Approx(expected).epsilon(1e-9));
    }
}

bool same(const Target& a, const Target& b) {
    if (a.kind != b.kind || a.text != b.text || a.parts.size() != b.parts.size() ||
        a.diagnostics.size() != b.diagnostics.size())
        return false;
    for (std::size_t i = 0; i < a.parts.size(); ++i) {
        const Measure& x = a.parts[i];
        const Measure& y = b.parts[i];
        if (x.kind != y.kind || x.op != y.op || x.value != y.value || x.unit != y.unit || x.deadline != y.deadline ||
            x.noun != y.noun || x.qualifier != y.qualifier || x.bare != y.bare || x.before != y.before)
            return false;
    }
    for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
        const Diagnostic& x = a.diagnostics[i];
        const Diagnostic& y = b.diagnostics[i];
        if (x.code != y.code || x.severity != y.severity || x.args != y.args) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("every distinct target of the Venezia 2020 PEG reads as TARGETS.md says", "[targets][sample]") {
    const Tsv table = open_table("sample_targets.tsv", target_columns);
    for (const auto& row : table.rows) check_row(row, "sample_targets.tsv");
}

TEST_CASE("every example of TARGETS.md §2-§3 reads as the contract says", "[targets][contract]") {
    const Tsv table = open_table("contract_targets.tsv", target_columns);
    for (const auto& row : table.rows) check_row(row, "contract_targets.tsv");
}

TEST_CASE("targets that mean the same normalize to the same canonical text", "[targets][normalize]") {
    const Tsv table = open_table("normalize_classes.tsv", {"expected", "input"});
    for (const auto& row : table.rows) {
        const std::string& expected = row.cell.at("expected");
        const std::string& input = row.cell.at("input");
        INFO("normalize_classes.tsv:" << row.file_line << " input «" << input << "» expected «" << expected << "»");
        CHECK(normalize(std::string_view(input)) == expected);
        CHECK(normalize(std::string_view(expected)) == expected);
    }
}

TEST_CASE("reading a sample target is deterministic and normalization idempotent", "[targets][sample]") {
    const Tsv table = open_table("sample_targets.tsv", target_columns);
    for (const auto& row : table.rows) {
        const std::string& text = row.cell.at("text");
        INFO("sample_targets.tsv:" << row.file_line << " text «" << text << "»");
        CHECK(same(read_target(std::string_view(text)), read_target(std::string_view(text))));
        const std::string once = normalize(std::string_view(text));
        CHECK(normalize(std::string_view(once)) == once);
    }
}
