// libFuzzer target for the core: any bytes, valid UTF-8 or not, are a cell's text or a TSV/CSV file.
// Besides "no crash, no hang, no sanitizer report, no exception", it checks the properties the
// contract states (TARGETS.md §4, target.hpp, attainment.hpp, sheet.hpp) and aborts when one fails.
#include "attainment.hpp"
#include "cell.hpp"
#include "clean.hpp"
#include "diagnostic.hpp"
#include "sheet.hpp"
#include "target.hpp"
#include "text_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace pegkit;

[[noreturn]] void violated(const char* property, std::string_view input, const std::string& got = {},
                           const std::string& want = {}) {
    std::fprintf(stderr, "property violated: %s\n", property);
    if (!got.empty() || !want.empty())
        std::fprintf(stderr, "  got:   \"%s\"\n  want:  \"%s\"\n", got.c_str(), want.c_str());
    // The whole input is in the crash file libFuzzer writes next.
    std::fprintf(stderr, "  input (%zu bytes): \"%.*s\"%s\n", input.size(), static_cast<int>(std::min<std::size_t>(input.size(), 300)),
                 input.data(), input.size() > 300 ? "..." : "");
    std::abort();
}

void use_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics) {
        (void)code_name(d.code);
        (void)message(d, Lang::it);
        (void)message(d, Lang::en);
    }
}

// target.hpp: one part for soglia/scadenza/termine_relativo, two or more for composto, none for
// conformita and vuoto; non_valido carries an error diagnostic saying why. A non_valido target may
// keep the part it read ("21/05/2018" outside plan year 2020), so its parts are not checked.
void check_shape(const Target& t, std::string_view input) {
    const std::size_t n = t.parts.size();
    switch (t.kind) {
        case Kind::soglia:
        case Kind::scadenza:
        case Kind::termine_relativo:
            if (n != 1) violated("a simple target has exactly one part", input, std::string(kind_name(t.kind)));
            break;
        case Kind::composto:
            if (n < 2) violated("composto has two or more parts", input);
            break;
        case Kind::non_valido:
            break;
        case Kind::conformita:
        case Kind::vuoto:
            if (n != 0) violated("a target with nothing to measure has no parts", input, std::string(kind_name(t.kind)));
            break;
    }
    if (t.kind == Kind::non_valido && !t.first_error()) violated("non_valido carries an error diagnostic", input);
    for (const Measure& m : t.parts) {
        (void)op_text(m.op);
        (void)unit_name(m.unit);
    }
    use_diagnostics(t.diagnostics);
}

void check_attainment(const Attainment& a, std::string_view input) {
    if (a.status == Attainment::Status::scored && !std::isfinite(a.value))
        violated("a scored attainment is a finite number", input, std::to_string(a.value));
    if (a.diagnostic) use_diagnostics({*a.diagnostic});
}

// Actuals an office could type beside the target: the target's own value, other numbers, a date,
// booleans, the input text itself, and nothing.
std::vector<Cell> actuals_for(const Target& t, std::string_view input) {
    std::vector<Cell> cells;
    if (const Measure* m = t.part(1)) {
        cells.push_back(Cell::of_number(m->value));
        if (m->deadline && valid(*m->deadline)) cells.push_back(Cell::of_date(static_cast<double>(to_serial(*m->deadline))));
    }
    cells.push_back(Cell::of_number(static_cast<double>(input.size())));
    cells.push_back(Cell::of_number(0));
    cells.push_back(Cell::of_number(-2.5));
    cells.push_back(Cell::of_percent(0.8));
    cells.push_back(Cell::of_date(44196));  // 31/12/2020
    cells.push_back(Cell::of_bool(true));
    cells.push_back(Cell::of_bool(false));
    cells.push_back(Cell::of_text(std::string(input)));
    return cells;
}

void fuzz_target_text(std::string_view input) {
    // TARGETS.md §4: PEG.CLEAN and PEG.NORM are idempotent.
    const std::string cleaned = clean(input);
    if (const std::string again = clean(cleaned); again != cleaned)
        violated("clean(clean(x)) == clean(x)", input, again, cleaned);
    const std::string normalized = normalize(input);
    if (const std::string again = normalize(normalized); again != normalized)
        violated("normalize(normalize(x)) == normalize(x)", input, again, normalized);

    const Target plain = read_target(input);
    const Target planned = read_target(input, ReadOptions{2020, Direction::none});
    const Target lower = read_target(Cell::of_text(std::string(input)), ReadOptions{2020, Direction::lower});
    for (const Target* t : {&plain, &planned, &lower}) {
        check_shape(*t, input);
        (void)normalize(*t);
    }
    if (normalize(plain) != normalized) violated("normalize(text) == normalize(read_target(text))", input);

    const RulesParse parsed = parse_rules(input);
    if (parsed.error) use_diagnostics({*parsed.error});
    const Rules rules = parsed ? parsed.rules : Rules{};

    for (const Target* t : {&plain, &planned}) {
        const std::vector<Cell> actuals = actuals_for(*t, input);
        for (const Cell& actual : actuals) {
            check_attainment(attain(*t, actual), input);
            check_attainment(attain(*t, actual, rules), input);
        }
        // attainment.hpp: an empty actual gives not_assessed, never 0.
        if (attain(*t, Cell{}).status == Attainment::Status::scored) violated("an empty actual is not scored", input);
        // composto takes one actual per part; also give it one too few and one too many.
        const std::size_t parts = std::max<std::size_t>(t->parts.size(), 1);
        for (std::size_t n : {parts - 1, parts, parts + 1}) {
            std::vector<Cell> range(actuals.begin(), actuals.begin() + static_cast<long>(std::min(n, actuals.size())));
            check_attainment(attain(*t, range, rules), input);
        }
        (void)met(*t, actuals);
    }

    const std::vector<std::optional<double>> attainments{0.5, std::nullopt, 1.0};
    (void)score(attainments, {static_cast<double>(input.size()), 1.0, std::nullopt});

    const CodeLabel code = split_code(input);
    if (code.label != clean(code.label)) violated("split_code's label is cleaned", input, code.label);
    (void)fold_case(input);
    (void)infer_direction(input);
}

// Typed cells: eight input bytes as the number a front end would hand over.
void fuzz_typed_cells(std::string_view input) {
    if (input.size() < sizeof(double)) return;
    double v = 0;
    std::memcpy(&v, input.data(), sizeof v);
    if (!std::isfinite(v)) return;  // Calc cells never hold NaN or infinities
    for (const Cell& cell : {Cell::of_number(v), Cell::of_percent(v), Cell::of_date(v), Cell::of_bool(v != 0)}) {
        const Target t = read_target(cell, ReadOptions{2020, Direction::none});
        check_shape(t, input);
        (void)normalize(t);
    }
}

void fuzz_sheet(std::string_view input) {
    for (char sep : {'\t', ';', ','}) {
        const TextRows rows = split_delimited(input, sep);
        // Half tabs and half line breaks would make a 2048 x 2048 grid: real PEGs are a dozen
        // columns wide, and such grids only slow the fuzzer down.
        std::size_t widest = 0;
        for (const auto& row : rows) widest = std::max(widest, row.size());
        if (rows.size() * widest > 20'000) continue;

        const Grid grid = grid_from_rows(rows);
        if (grid.rows < 0 || grid.cols < 0 ||
            grid.cells.size() != static_cast<std::size_t>(grid.rows) * static_cast<std::size_t>(grid.cols))
            violated("a grid holds rows x cols cells", input);

        for (const SheetOptions& options : {SheetOptions{}, SheetOptions{2020, {}}}) {
            const SheetCheck check = check_sheet(grid, options);
            // sheet.hpp: findings sorted by row, then column.
            const bool sorted = std::is_sorted(check.findings.begin(), check.findings.end(), [](const Finding& a, const Finding& b) {
                return a.row != b.row ? a.row < b.row : a.col < b.col;
            });
            if (!sorted) violated("findings are sorted by row, then column", input);
            for (const Finding& f : check.findings) {
                (void)message(f.code, Lang::it, f.args);
                (void)message(f.code, Lang::en, f.args);
            }
            (void)summarize(check);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz_target_text(input);
    fuzz_typed_cells(input);
    fuzz_sheet(input);
    return 0;
}
