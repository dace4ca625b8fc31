#include "config.hpp"

#include "attainment.hpp"
#include "diagnostic.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

namespace pegkit::cli {
namespace {

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::optional<int> whole_number(std::string_view s) {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

// One "key = value" line into the config; returns what is wrong with it, or "".
std::string apply(Config& c, std::string_view key, std::string_view value) {
    if (key == "plan-year") {
        if (value == "sheet") {
            c.plan_year.reset();
            return {};
        }
        const auto year = whole_number(value);
        if (!year || *year < 1900 || *year > 2200) return "plan-year must be 'sheet' or a year such as 2020";
        c.plan_year = *year;
        return {};
    }
    if (key == "rule") {
        const RulesParse rp = parse_rules(value);
        if (!rp) return "rule: " + message(*rp.error, Lang::en);
        c.rule = std::string(value);
        return {};
    }
    if (key == "max-notes") {
        const auto n = whole_number(value);
        if (!n || *n < 0) return "max-notes must be a whole number, 0 or more";
        c.max_notes = *n;
        return {};
    }
    return "unknown setting '" + std::string(key) + "' (plan-year, rule, max-notes)";
}

}  // namespace

ConfigParse parse_config(std::string_view text) {
    ConfigParse parsed;
    std::size_t line_no = 0;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        ++line_no;
        // '#' inside a rule text is no rule syntax, so a comment always starts at '#'.
        line = trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        const auto eq = line.find('=');
        std::string why = eq == std::string_view::npos
                              ? "expected 'key = value'"
                              : apply(parsed.config, trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
        if (!why.empty()) {
            parsed.error = "line " + std::to_string(line_no) + ": " + why;
            return parsed;
        }
    }
    return parsed;
}

ConfigParse read_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ConfigParse failed;
        failed.error = "cannot read " + path;
        return failed;
    }
    std::ostringstream text;
    text << in.rdbuf();
    ConfigParse parsed = parse_config(text.str());
    if (!parsed) parsed.error = path + ": " + parsed.error;
    return parsed;
}

}  // namespace pegkit::cli
