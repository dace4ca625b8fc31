#pragma once
// Targets that are a change against a baseline (TARGETS.md §2 `variazione`, §5): "+10% rispetto al
// 2018", "riduzione del 5%", "incremento di 3 punti percentuali", "mantenimento del valore 2019".
// The level they ask for depends on the row's baseline cell, which only the sheet has: the sheet
// checks read them (PEG.KIND keeps reading the text alone, see docs/scoring.md).
#include "target.hpp"

#include <optional>
#include <string_view>

namespace pegkit {

struct Change {
    enum class Type { increase, reduction, maintenance };
    Type type = Type::increase;
    double amount = 0;        // as written: 10 for "+10%", 3 for "3 punti percentuali"
    bool points = false;      // percentage points, not percent of the baseline
    std::optional<int> year;  // the year of comparison named in the text
};

// nullopt when the text is not one of these wordings (the whole cell must be the change).
std::optional<Change> read_change(std::string_view target);

// The level to reach against baseline b (a fraction when `percent`): an increase of v% is the
// level b·(1+v), of v points b+v, a reduction the ceiling b·(1−v) or b−v, maintenance the level b.
// Returned as a one-part soglia, scored by attain().
Target change_target(const Change& change, double baseline, bool percent);

}  // namespace pegkit
