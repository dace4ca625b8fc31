// The objective tables of other administrations (tests/data/layouts/*.layout, each citing its
// published source): header row, column roles, objectives, indicators and sections as expected.
// With PEGKIT_LAYOUT_TABLE=FILE the test also writes the measured table (markdown) to FILE.
#include "header.hpp"
#include "sheet.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <dirent.h>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

using namespace pegkit;

namespace {

struct Layout {
    std::string id, administration;
    Grid grid;
    std::map<std::string, std::string> expect;
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

std::string unescape(const std::string& cell) {
    std::string out;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == 'n') out += '\n', ++i;
        else out += cell[i];
    }
    return out;
}

std::optional<std::pair<int, int>> a1(const std::string& ref) {
    std::size_t i = 0;
    while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) ++i;
    const auto col = column_index(ref.substr(0, i));
    if (!col || i == ref.size()) return std::nullopt;
    return std::make_pair(std::stoi(ref.substr(i)) - 1, *col);
}

Layout read_layout(const std::string& path) {
    Layout l;
    l.id = path.substr(path.rfind('/') + 1);
    l.id = l.id.substr(0, l.id.rfind('.'));
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::vector<Merge> merges;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("# ", 0) == 0) {
            const std::string body = line.substr(2);
            const auto colon = body.find(": ");
            if (colon == std::string::npos) continue;
            const std::string key = body.substr(0, colon), value = body.substr(colon + 2);
            if (key == "administration") l.administration = value;
            if (key.rfind("expect ", 0) == 0) l.expect[key.substr(7)] = value.substr(0, value.find(' '));
            if (key == "merge") {
                const auto parts = split(value.substr(0, value.find(' ')), ':');
                const auto from = parts.size() == 2 ? a1(parts[0]) : std::nullopt;
                const auto to = parts.size() == 2 ? a1(parts[1]) : std::nullopt;
                if (from && to) merges.push_back({from->first, from->second, to->first, to->second});
            }
            continue;
        }
        std::vector<std::string> cells;
        for (const std::string& c : split(line, '\t')) cells.push_back(unescape(c));
        rows.push_back(std::move(cells));
    }
    std::size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    l.grid = Grid(static_cast<int>(rows.size()), static_cast<int>(cols));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) l.grid.at(int(r), int(c)) = Cell::of_text(rows[r][c]);
    l.grid.merges = merges;
    return l;
}

std::vector<std::string> layout_files() {
    std::vector<std::string> out;
    const std::string dir = std::string(PEGKIT_TEST_DATA) + "/layouts";
    if (DIR* d = opendir(dir.c_str())) {
        while (const dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 7 && name.substr(name.size() - 7) == ".layout") out.push_back(dir + "/" + name);
        }
        closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const std::pair<const char*, Column> roles[] = {
    {"objective", Column::peg_objective}, {"indicator", Column::peg_indicator}, {"target", Column::peg_target},
    {"cdr", Column::cdr},                 {"weight", Column::weight},          {"actual", Column::actual},
    {"attainment", Column::attainment},   {"baseline", Column::baseline},      {"unit", Column::unit},
    {"deadline", Column::deadline},       {"description", Column::description}, {"strategic", Column::strategic},
    {"mission", Column::mission},         {"programme", Column::programme},    {"dup_objective", Column::dup_objective},
};

std::string letters_of(const SheetCheck& c, Column role) {
    return c.col(role) >= 0 ? column_letters(c.col(role)) : "";
}

std::string other_years(const SheetCheck& c) {
    std::vector<int> cols;
    for (const YearColumn& y : c.other_years) cols.push_back(y.col);
    std::sort(cols.begin(), cols.end());
    std::string s;
    for (int col : cols) s += (s.empty() ? "" : ",") + column_letters(col);
    return s;
}

struct Measured {
    std::string id, administration, header, roles_ok, objectives, indicators, sections;
};

}  // namespace

TEST_CASE("layouts: every office's objective table read as its source shows it", "[layouts]") {
    const auto files = layout_files();
    REQUIRE(files.size() >= 12);
    std::vector<Measured> table;
    for (const std::string& path : files) {
        const Layout l = read_layout(path);
        CAPTURE(l.id);
        const SheetCheck c = check_sheet(l.grid);
        Measured m{l.id, l.administration};
        // a table needs a target (or deadline) and an objective or indicator column (issue #8)
        const bool has_target = l.expect.count("target") || l.expect.count("deadline");
        const bool has_what = l.expect.count("objective") || l.expect.count("indicator") || l.expect.count("dup_objective");
        if (!has_target || !has_what) {
            // the message names what was found and what is missing; header_row 0 is a card
            CHECK_FALSE(c.found);
            const Diag missing = l.expect.at("header_row") == "0" ? Diag::card_not_table
                                 : has_target                     ? Diag::no_objective_column
                                                                  : Diag::no_target_column;
            const bool said = std::any_of(c.findings.begin(), c.findings.end(),
                                          [&](const Finding& f) { return f.code == missing; });
            CHECK(said);
            m.header = said ? std::string(code_name(missing)) + " (said)" : "wrong message";
            table.push_back(m);
            continue;
        }
        REQUIRE(c.found);
        const int header = std::stoi(l.expect.at("header_row"));
        CHECK(c.header_row + 1 == header);
        m.header = std::to_string(c.header_row + 1) + " / " + std::to_string(header);
        int right = 0, expected = 0;
        for (const auto& [key, role] : roles) {
            const std::string want = l.expect.count(key) ? l.expect.at(key) : "";
            std::string got = letters_of(c, role);
            // a deadline column alone is the target (sheet.cpp): expected as deadline
            if (role == Column::deadline && want.size() && got.empty() && !l.expect.count("target"))
                got = letters_of(c, Column::peg_target);
            if (role == Column::peg_target && !l.expect.count("target")) continue;
            CAPTURE(key);
            if (!(want.empty() && role == Column::description)) CHECK(got == want);
            // "Attività" or "Note" read as a description is no error where the source names no role
            if (want.empty() && role == Column::description) continue;
            if (!want.empty()) ++expected, right += got == want;
            else if (!got.empty()) ++expected;  // a role the source does not have
        }
        const std::string want_years = l.expect.count("target_other") ? l.expect.at("target_other") : "";
        CHECK(other_years(c) == want_years);
        m.roles_ok = std::to_string(right) + " / " + std::to_string(expected);
        const int objectives = std::stoi(l.expect.at("objectives"));
        const int indicators = std::stoi(l.expect.count("indicators") ? l.expect.at("indicators") : "0");
        // 0: the source measures activities and names no objective; each row then counts as its own
        if (objectives > 0) CHECK(c.objective_count == objectives);
        m.objectives = std::to_string(c.objective_count) + " / " + (objectives ? std::to_string(objectives) : "none named");
        if (l.expect.count("indicator")) {
            CHECK(static_cast<int>(c.objectives.size()) == indicators);
            m.indicators = std::to_string(c.objectives.size()) + " / " + std::to_string(indicators);
        }
        const int sections = std::stoi(l.expect.count("sections") ? l.expect.at("sections") : "0");
        CHECK(c.section_count == sections);
        m.sections = std::to_string(c.section_count) + " / " + std::to_string(sections);
        table.push_back(m);
    }
    if (const char* out = std::getenv("PEGKIT_LAYOUT_TABLE")) {
        std::ofstream f(out);
        f << "| layout | administration | header row (found / expected) | roles right / expected | objectives | "
             "indicators | sections |\n|---|---|---|---|---|---|---|\n";
        for (const Measured& m : table)
            f << "| " << m.id << " | " << m.administration << " | " << m.header << " | " << m.roles_ok << " | "
              << m.objectives << " | " << m.indicators << " | " << m.sections << " |\n";
    }
}
