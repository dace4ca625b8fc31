#include "tab_lines.hpp"

#include <algorithm>
#include <charconv>

namespace pegkit {

std::vector<TabLine> tab_lines(std::string_view text) {
    std::vector<TabLine> out;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string_view::npos) continue;
        out.push_back({line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1)});
    }
    return out;
}

std::optional<int> field_int(std::string_view field) {
    int v = 0;
    auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
    if (field.empty() || ec != std::errc() || p != field.data() + field.size()) return std::nullopt;
    return v;
}

}  // namespace pegkit
