#pragma once
// pegkit-check --config FILE: the settings a user sets once, as the options page in Calc keeps
// them (src/uno/settings.hpp), in a text file of "key = value" lines; '#' starts a comment.
//   plan-year = sheet        # or a year such as 2020
//   rule      = cap=1.2; late=30
//   max-notes = 200          # notes Validate writes in Calc; pegkit-check writes none
#include <optional>
#include <string>
#include <string_view>

namespace pegkit::cli {

struct Config {
    std::optional<int> plan_year;          // empty: from each sheet
    std::optional<std::string> rule;       // set when the file names one (it may be empty)
    std::optional<int> max_notes;
};

struct ConfigParse {
    Config config;
    std::string error;                     // "line 3: …" in English; empty when the text is valid
    explicit operator bool() const noexcept { return error.empty(); }
};

// Parses the file's text; checks keys and values (a rule text must read as TARGETS.md §5 says).
ConfigParse parse_config(std::string_view text);
// Reads and parses a file; a file that cannot be read is an error too.
ConfigParse read_config(const std::string& path);

}  // namespace pegkit::cli
