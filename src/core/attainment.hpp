#pragma once
// Degree of attainment (TARGETS.md §5) and the weighted score.
#include "cell.hpp"
#include "diagnostic.hpp"
#include "target.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace pegkit {

struct Rules {
    double cap = 1.0;                    // cap=1.2 allows over-achievement up to 120 %
    bool lower_linear = false;           // lower=linear: (2·target − actual)/target, floored at 0
    std::optional<double> late_days;     // late=30: a deadline missed by d days scores 1 − d/30
    bool compound_min = false;           // compound=min instead of the mean
    bool compound_all = false;           // compound=all: 1 when every part is met, else 0
    Direction dir = Direction::none;     // dir=lower / dir=higher for a bare amount
};

struct RulesParse {
    Rules rules;
    std::optional<Diagnostic> error;     // bad_rule with the offending text
    explicit operator bool() const noexcept { return !error; }
};
// "cap=1.2; late=30" (also "tetto=1,2; tolleranza=30"): a fragment of the scoring profile read by
// parse_profile (profile.hpp); keys that only the profile uses are accepted and left out here.
RulesParse parse_rules(std::string_view text);

struct Attainment {
    enum class Status { scored, not_assessed, error };
    Status status = Status::not_assessed;
    double value = 0;                    // set when scored
    std::optional<Diagnostic> diagnostic;  // set when error
};

// `actuals` holds one cell for a simple target, one per part for composto (in text order).
// An empty actual gives not_assessed, never 0. Rules.dir re-reads bare amounts.
Attainment attain(const Target& target, const std::vector<Cell>& actuals, const Rules& rules = {});
Attainment attain(const Target& target, const Cell& actual, const Rules& rules = {});

// An actual cell's value as attain reads it ("60%" -> 0.6, "20/05/2020" -> its day serial);
// nullopt for an empty, yes/no or unreadable one.
struct ActualValue {
    double value = 0;
    bool date = false;
};
std::optional<ActualValue> actual_value(const Cell& cell);

// Attainment 1 under the default rules.
bool met(const Target& target, const std::vector<Cell>& actuals);
bool met(const Target& target, const std::vector<Cell>& actuals, const Rules& rules);  // under the office's rules

// Weighted mean skipping empty attainments (nullopt); weights default to 1 when empty.
// nullopt when nothing is assessed or the weights of assessed items add up to 0.
std::optional<double> score(const std::vector<std::optional<double>>& attainments,
                            const std::vector<std::optional<double>>& weights = {});

}  // namespace pegkit
