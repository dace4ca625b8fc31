#include "excel_copy.hpp"

#include <algorithm>
#include <cctype>

namespace pegkit {

bool calls_pegkit(std::string_view formula) noexcept {
    static constexpr std::string_view name = "it.pegkit.";
    if (formula.empty() || formula.front() != '=') return false;
    for (std::size_t i = 0; i + name.size() <= formula.size(); ++i) {
        std::size_t k = 0;
        while (k < name.size() && std::tolower(static_cast<unsigned char>(formula[i + k])) == name[k]) ++k;
        if (k == name.size()) return true;
    }
    return false;
}

std::vector<CellRun> pegkit_runs(const std::vector<std::vector<std::string>>& formulas) {
    std::vector<CellRun> runs;
    std::size_t cols = 0;
    for (const auto& row : formulas) cols = std::max(cols, row.size());
    for (std::size_t c = 0; c < cols; ++c) {
        int start = -1;
        for (std::size_t r = 0; r <= formulas.size(); ++r) {
            const bool ours = r < formulas.size() && c < formulas[r].size() && calls_pegkit(formulas[r][c]);
            if (ours && start < 0) start = int(r);
            if (!ours && start >= 0) {
                runs.push_back({int(c), start, int(r) - 1});
                start = -1;
            }
        }
    }
    return runs;
}

}  // namespace pegkit
