#include "columns.hpp"

#include "clean.hpp"
#include "header.hpp"

#include <algorithm>

namespace pegkit {
namespace {

struct Key { const char* en; const char* it; Column role; };

constexpr Key keys[] = {
    {"strategic", "strategico", Column::strategic},     {"mission", "missione", Column::mission},
    {"programme", "programma", Column::programme},      {"dup_objective", "obiettivo_dup", Column::dup_objective},
    {"cdr", "responsabile", Column::cdr},               {"dup_indicator", "indicatore_dup", Column::dup_indicator},
    {"dup_target", "target_dup", Column::dup_target},   {"objective", "obiettivo", Column::peg_objective},
    {"indicator", "indicatore", Column::peg_indicator}, {"target", "target", Column::peg_target},
    {"actual", "consuntivo", Column::actual},           {"weight", "peso", Column::weight},
    {"attainment", "raggiungimento", Column::attainment}, {"baseline", "partenza", Column::baseline},
    {"unit", "unita", Column::unit},                    {"deadline", "scadenza", Column::deadline},
    {"description", "descrizione", Column::description}, {"note", "note", Column::note},
    {"override", "forzatura", Column::override_value}, {"justification", "giustificazione", Column::justification},
    {"interim_target", "target_intermedio", Column::interim_target},
};

std::string trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::string_view role_key(Column c) noexcept {
    for (const Key& k : keys)
        if (k.role == c) return k.en;
    return "";
}

ColumnChoiceParse parse_columns(std::string_view text) {
    ColumnChoiceParse out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(",;", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string part = trim(text.substr(start, end - start));
        start = end + 1;
        if (part.empty()) continue;
        const std::size_t eq = part.find('=');
        if (eq == std::string::npos) return out.error = part, out;
        const std::string key = fold_key(trim(part.substr(0, eq))), value = trim(part.substr(eq + 1));
        if (key == "header" || key == "intestazione") {
            if (value.empty() || value.size() > 7 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                std::stol(value) < 1)
                return out.error = part, out;
            out.choice.header_row = static_cast<int>(std::stol(value)) - 1;
            continue;
        }
        const Key* k = std::find_if(std::begin(keys), std::end(keys), [&](const Key& x) { return key == x.en || key == x.it; });
        if (k == std::end(keys)) return out.error = part, out;
        int col = -1;
        if (value != "-") {
            const auto c = column_index(value);
            if (!c) return out.error = part, out;
            col = *c;
        }
        auto& cols = out.choice.columns;
        cols.erase(std::remove_if(cols.begin(), cols.end(), [&](const auto& p) { return p.first == k->role; }), cols.end());
        cols.emplace_back(k->role, col);
    }
    return out;
}

std::string format_columns(const ColumnChoice& choice) {
    std::string out;
    if (choice.header_row) out = "header=" + std::to_string(*choice.header_row + 1);
    for (const Key& k : keys)
        for (const auto& [role, col] : choice.columns)
            if (role == k.role) out += (out.empty() ? "" : ",") + std::string(k.en) + "=" + (col < 0 ? "-" : column_letters(col));
    return out;
}

void apply(const ColumnChoice& choice, SheetOptions& options, int first_row, int first_col) {
    for (const auto& [role, col] : choice.columns) options.columns.emplace_back(role, col < 0 ? -1 : col - first_col);
    if (choice.header_row) options.header_row = *choice.header_row - first_row;
}

namespace {

// Calls f(sheet, choice, line) for each "<sheet>\t<choice>" line of the property.
template <class F>
void each_line(std::string_view property, F f) {
    std::size_t start = 0;
    while (start < property.size()) {
        std::size_t end = property.find('\n', start);
        if (end == std::string_view::npos) end = property.size();
        const std::string_view line = property.substr(start, end - start);
        const std::size_t tab = line.find('\t');
        if (!line.empty())
            f(line.substr(0, tab), tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1), line);
        start = end + 1;
    }
}

}  // namespace

std::string stored_choice(std::string_view property, std::string_view sheet) {
    std::string out;
    each_line(property, [&](std::string_view name, std::string_view choice, std::string_view) {
        if (name == sheet) out = std::string(choice);
    });
    return out;
}

std::string store_choice(std::string_view property, std::string_view sheet, std::string_view choice) {
    std::string out;
    each_line(property, [&](std::string_view name, std::string_view, std::string_view line) {
        if (name != sheet) out += std::string(line) + "\n";
    });
    if (!choice.empty()) out += std::string(sheet) + "\t" + std::string(choice) + "\n";
    return out;
}

}  // namespace pegkit
