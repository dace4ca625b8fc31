// pegkit-check: checks PEG sheets saved as TSV or CSV and prints the findings.
// Exit status: 0 no errors, 1 error findings, 2 a file could not be read (or bad usage).
#include "sheet.hpp"
#include "text_table.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace po = boost::program_options;
using namespace pegkit;

namespace {

std::string column_label(const SheetCheck& check, int col) {
    for (std::size_t c = 0; c < column_count; ++c)
        if (col >= 0 && check.column[c] == col) return std::string(column_name(static_cast<Column>(c)));
    return col < 0 ? "-" : "col " + std::to_string(col + 1);
}

// A CSV saved by an Italian office uses ';' because ',' is the decimal separator.
char csv_separator(const std::string& text) {
    const std::string head = text.substr(0, 4096);
    return std::count(head.begin(), head.end(), ';') > std::count(head.begin(), head.end(), ',') ? ';' : ',';
}

struct Counts { std::map<std::string, int> peg, dup, severity; };

// Returns false when the file cannot be read.
bool check_file(const std::string& path, const SheetOptions& options, Lang lang, Counts& counts) {
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : path.substr(dot);
    if (ext != ".tsv" && ext != ".csv") {
        std::cerr << path << ": only .tsv and .csv files are read\n";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
        std::cerr << path << ": cannot read the file\n";
        return false;
    }
    const std::string text = buffer.str();
    const SheetCheck check = check_sheet(grid_from_rows(split_delimited(text, ext == ".tsv" ? '\t' : csv_separator(text))), options);
    for (const Finding& f : check.findings) {
        std::cout << path << ':' << f.row + 1 << ": " << severity_name(f.severity) << ": " << column_label(check, f.col)
                  << ": " << message(f.code, lang, f.args) << '\n';
        ++counts.severity[std::string(severity_name(f.severity))];
    }
    for (const Objective& o : check.objectives) {
        ++counts.peg[std::string(kind_name(o.peg.kind))];
        if (check.col(Column::dup_target) >= 0) ++counts.dup[std::string(kind_name(o.dup.kind))];
    }
    return true;
}

void print(const char* title, const std::map<std::string, int>& counts) {
    std::cout << title << ':';
    for (const auto& [name, n] : counts) std::cout << ' ' << name << '=' << n;
    std::cout << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    po::options_description visible("pegkit-check [--plan-year N] [--lang it|en] FILE...");
    visible.add_options()
        ("help,h", "this help")
        ("plan-year", po::value<int>(), "the PEG's year (default: the most frequent deadline year)")
        ("lang", po::value<std::string>()->default_value("it"), "message language: it or en");
    po::options_description all;
    all.add(visible).add_options()("file", po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    } catch (const po::error& e) {
        std::cerr << "pegkit-check: " << e.what() << '\n' << visible;
        return 2;
    }
    const std::string lang = vm["lang"].as<std::string>();
    if (vm.count("help")) {
        std::cout << visible;
        return 0;
    }
    if (!vm.count("file") || (lang != "it" && lang != "en")) {
        std::cerr << visible;
        return 2;
    }
    SheetOptions options;
    if (vm.count("plan-year")) options.plan_year = vm["plan-year"].as<int>();

    Counts counts;
    bool unreadable = false;
    for (const auto& path : vm["file"].as<std::vector<std::string>>())
        unreadable |= !check_file(path, options, lang == "en" ? Lang::en : Lang::it, counts);
    print("PEG targets", counts.peg);
    print("DUP targets", counts.dup);
    print("findings", counts.severity);
    if (unreadable) return 2;
    return counts.severity.count("error") ? 1 : 0;
}
