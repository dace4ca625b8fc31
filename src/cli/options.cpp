#include "options.hpp"

#include "attainment.hpp"
#include "config.hpp"
#include "profile.hpp"
#include "status.hpp"

#include <boost/program_options.hpp>

#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

namespace po = boost::program_options;

namespace pegkit::cli {

ParsedOptions parse_options(int argc, const char* const* argv) {
    ParsedOptions parsed;
    Options& o = parsed.options;
    std::string format = "text", lang = "it", severity = "warning";
    std::vector<std::string> rules;
    std::string config_rule;  // below the document's profile; --rule entries win over its keys
    po::options_description visible(
        "usage: pegkit-check [options] FILE|DIR...\n"
        "Checks PEG sheets (.tsv, .csv, .ods, .xlsx; folders recursively) and reports the findings.\n"
        "Exit status: 0 no errors, 1 error findings, 2 a file could not be read or bad usage.\n\noptions");
    visible.add_options()
        ("help,h", "this help")
        ("config", po::value<std::string>(), "settings file (plan-year, rule, max-notes: as Calc's PEG options); "
                                             "options given here win")
        ("columns", po::value<std::string>(),
         "which column is which, as sheet letters: target=J,actual=K,weight=L,cdr=E (also objective, indicator, "
         "baseline, unit, deadline, attainment, mission, programme, strategic; '-' for none; header=ROW); "
         "overrides the headings and the choice stored in the document")
        ("plan-year", po::value<int>(), "the PEG's year (default: the most frequent deadline year of each sheet)")
        ("rule", po::value<std::vector<std::string>>(&rules),
         "attainment rule of TARGETS.md §5, e.g. \"cap=1.2; late=30\" (repeatable)")
        ("profile", po::value<std::string>(),
         "the office's scoring profile, a text file of key=value lines (docs/scoring.md); wins over the "
         "document's pegkit.profile property, --rule wins over it")
        ("as-of", po::value<std::string>(), "the date results are read at, YYYY-MM-DD (default: today)")
        ("lang", po::value<std::string>(&lang)->default_value(lang), "message language: it or en")
        ("format", po::value<std::string>(&format)->default_value(format), "text, json or csv")
        ("json", "same as --format json")
        ("csv", "same as --format csv")
        ("min-severity", po::value<std::string>(&severity)->default_value(severity),
         "findings listed: info, warning or error (all are counted)")
        ("summary", "text: also the summary tables (per CdR, Missione, Programma, Obiettivo strategico)")
        ("pdf", po::value<std::string>(&o.pdf_dir),
         "write each file's summary, as the sidebar's Export PDF prints it, to DIR/<file>.pdf "
         "(<file> - <sheet>.pdf for a workbook with several plan sheets); needs the office")
        ("statuses", "csv: one line per objective (score, status, why not assessable, overrides) instead of one per finding")
        ("office", po::value<std::string>(&o.office),
         "use a running office, e.g. socket,host=127.0.0.1,port=2002 (default: start a headless one)")
        ("timeout", po::value<int>(&o.timeout)->default_value(o.timeout), "seconds the office may spend on one document")
        ("max-rows", po::value<std::size_t>(&o.max_rows)->default_value(o.max_rows), "larger sheets are not checked; 0: no limit")
        ("max-cells", po::value<std::size_t>(&o.max_cells)->default_value(o.max_cells),
         "sheets of more cells (rows x widest row) are not checked, before they are read; 0: no limit")
        ("progress", "progress on stderr (default: when stderr is a terminal and there are many files)")
        ("dump-grid", "print each sheet as read, as TSV (text formats after their rows are re-aligned), instead of checking it")
        ("verbose,v", "more detail on stderr (office starts, skipped sheets)");
    po::options_description all;
    all.add(visible).add_options()("input", po::value<std::vector<std::string>>(&o.inputs));
    po::positional_options_description positional;
    positional.add("input", -1);
    po::variables_map vm;
    auto usage_error = [&](const std::string& what) {
        std::cerr << "pegkit-check: " << what << "\n(pegkit-check --help for the options)\n";
        parsed.exit = 2;
        return parsed;
    };
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        return usage_error(e.what());
    }
    if (vm.count("help")) {
        std::cout << visible;
        parsed.exit = 0;
        return parsed;
    }
    if (vm.count("json")) format = "json";
    if (vm.count("csv")) format = "csv";
    if (format == "json") o.format = Format::json;
    else if (format == "csv") o.format = Format::csv;
    else if (format != "text") return usage_error("--format must be text, json or csv");
    if (lang != "it" && lang != "en") return usage_error("--lang must be it or en");
    o.report.lang = lang == "en" ? Lang::en : Lang::it;
    if (severity == "info") o.report.min_severity = Severity::info;
    else if (severity == "error") o.report.min_severity = Severity::error;
    else if (severity != "warning") return usage_error("--min-severity must be info, warning or error");
    if (vm.count("config")) {
        const ConfigParse cp = read_config(vm["config"].as<std::string>());
        if (!cp) return usage_error("--config: " + cp.error);
        o.sheet.plan_year = cp.config.plan_year;
        if (cp.config.rule) config_rule = *cp.config.rule;
    }
    if (vm.count("columns")) {
        const ColumnChoiceParse cp = parse_columns(vm["columns"].as<std::string>());
        if (!cp) return usage_error("--columns: cannot read '" + cp.error + "' (write role=LETTER, e.g. target=J)");
        o.columns = cp.choice;
    }
    if (vm.count("plan-year")) o.sheet.plan_year = vm["plan-year"].as<int>();
    if (o.sheet.plan_year && (*o.sheet.plan_year < 1900 || *o.sheet.plan_year > 2200))
        return usage_error("--plan-year must be a year such as 2020");
    std::string joined;
    for (const auto& r : rules) joined += (joined.empty() ? "" : ";") + r;
    const RulesParse rp = parse_rules(joined);
    if (!rp) return usage_error("--rule: " + message(*rp.error, o.report.lang));
    if (const RulesParse cr = parse_rules(config_rule); !cr) return usage_error("--config: " + message(*cr.error, o.report.lang));
    std::string file_profile;
    if (vm.count("profile")) {
        const std::string path = vm["profile"].as<std::string>();
        std::ifstream in(path, std::ios::binary);
        if (!in) return usage_error("--profile: cannot read " + path);
        std::ostringstream text;
        text << in.rdbuf();
        file_profile = text.str();
        const ProfileParse pp = parse_profile(file_profile);
        if (!pp) return usage_error("--profile " + path + ": " + message(pp.diagnostics.front(), o.report.lang));
    }
    o.profile_before_document = config_rule;
    o.profile_after_document = file_profile + "\n" + joined;
    const ProfileParse given = parse_profile(config_rule + "\n" + o.profile_after_document);
    if (!given) return usage_error("--profile: " + message(given.diagnostics.front(), o.report.lang));
    apply_profile(given.profile, o.sheet);
    if (vm.count("as-of")) {
        o.sheet.as_of = parse_date(vm["as-of"].as<std::string>());
        if (!o.sheet.as_of) return usage_error("--as-of must be a date such as 2020-06-30");
        o.as_of_given = true;
    } else {
        const std::time_t now = std::time(nullptr);
        std::tm local{};
        localtime_r(&now, &local);
        o.sheet.as_of = Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    }
    if (o.timeout <= 0) return usage_error("--timeout must be a positive number of seconds");
    if (o.inputs.empty()) return usage_error("no FILE or DIR given");
    o.progress = vm.count("progress") > 0;
    o.verbose = vm.count("verbose") > 0;
    o.summary = vm.count("summary") > 0;
    o.report.summary_plan = !o.pdf_dir.empty();
    o.statuses = vm.count("statuses") > 0;
    o.dump_grid = vm.count("dump-grid") > 0;
    return parsed;
}

}  // namespace pegkit::cli
