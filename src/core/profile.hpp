#pragma once
// The office's own evaluation system (its SMVP) as one value, and the text form the document keeps
// (issue 10, docs/scoring.md). One parser reads the per-formula `rule` text and the document's
// profile: a rule is a profile fragment, and later entries win, so texts can be joined with ';'.
// Nothing here throws on bad input: errors are diagnostics.
#include "attainment.hpp"
#include "diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

// One band of attainment, in percent: [from, to), the last band also includes `to`.
struct Band {
    enum class Score { fixed, proportional, linear };
    double from = 0, to = 0;
    Score kind = Score::fixed;
    double score = 0;     // percent: fixed score, or the linear score at `from`
    double score_to = 0;  // percent: the linear score at `to`
    friend bool operator==(const Band& a, const Band& b) noexcept {
        return a.from == b.from && a.to == b.to && a.kind == b.kind && a.score == b.score && a.score_to == b.score_to;
    }
};

// Minimum, target, maximum, excellence, in percent of attainment: below the minimum 0, linear
// 0 -> 100 up to the target, 100 up to the maximum, linear 100 -> cap up to the excellence.
struct FourThresholds {
    double minimum = 0, target = 100, maximum = 100, excellence = 100;
    friend bool operator==(const FourThresholds& a, const FourThresholds& b) noexcept {
        return a.minimum == b.minimum && a.target == b.target && a.maximum == b.maximum && a.excellence == b.excellence;
    }
};

// How the indicators of one objective make its score.
enum class Combine { weighted_mean, mean, min, all_or_nothing };

struct Scoring {
    std::vector<Band> bands;               // empty: the score is the attainment
    std::optional<double> threshold;       // percent: attainment below it scores 0
    std::optional<FourThresholds> four;    // exclusive with bands
    std::optional<int> rounding;           // decimals of the score in percent (0..6)
    Combine indicators = Combine::weighted_mean;
    double reached = 100;                  // percent: status raggiunto at or above
    double on_track = 80;                  // percent: in linea at or above while the period runs, else a rischio
    friend bool operator==(const Scoring& a, const Scoring& b) noexcept {
        return a.bands == b.bands && a.threshold == b.threshold && a.four == b.four && a.rounding == b.rounding &&
               a.indicators == b.indicators && a.reached == b.reached && a.on_track == b.on_track;
    }
};

bool same_rules(const Rules& a, const Rules& b) noexcept;

struct Profile {
    Rules rules;       // what attain() applies: cap, lower, late, compound, dir
    Scoring scoring;   // what turns an attainment into a score, and objectives' statuses
    friend bool operator==(const Profile& a, const Profile& b) noexcept {
        return same_rules(a.rules, b.rules) && a.scoring == b.scoring;
    }
    friend bool operator!=(const Profile& a, const Profile& b) noexcept { return !(a == b); }
};

struct ProfileParse {
    Profile profile;                       // the defaults when there is an error
    std::vector<Diagnostic> diagnostics;   // errors, each naming the entry or the interval at fault
    explicit operator bool() const noexcept { return diagnostics.empty(); }
};

// `key=value` entries separated by ';' or line breaks; keys in English or Italian
// (cap/tetto, lower/inferiore, late/tolleranza, compound/composto, dir/direzione, bands/fasce,
// threshold/soglia, four_thresholds/quattro_soglie, rounding/arrotondamento,
// indicators/indicatori, reached/raggiunto, on_track/in_linea); decimal comma or point.
ProfileParse parse_profile(std::string_view text);

// The canonical text (English keys, only what differs from the defaults, "; " between entries);
// parse_profile(format_profile(p)).profile == p.
std::string format_profile(const Profile& profile);

// An attainment (fraction) as the profile scores it (fraction): threshold, then bands or the four
// thresholds, then rounding. The defaults give the attainment back.
double score_attainment(const Profile& profile, double attainment);
double round_score(const Scoring& scoring, double score);

// One objective's score from its indicators' scores (nullopt: not assessed, skipped).
// weighted_mean uses `weights` as pegkit::score does; nullopt when nothing is assessed.
std::optional<double> combine_scores(Combine how, const std::vector<std::optional<double>>& scores,
                                     const std::vector<std::optional<double>>& weights = {});

std::string_view combine_name(Combine c) noexcept;  // "weighted", "mean", "min", "all"

// Where the front ends keep the document's profile: a custom document property (.ods and .xlsx keep it).
constexpr std::string_view profile_property = "pegkit.profile";
// The as-of date the Scoring profile panel sets for the document, "YYYY-MM-DD"; absent: today.
// An as-of date given by the caller (pegkit-check --as-of) wins.
constexpr std::string_view as_of_property = "pegkit.as_of";

}  // namespace pegkit
