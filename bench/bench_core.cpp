// Throughput of the core on the real 2020 PEG of Città metropolitana di Venezia.
// Goals (issue 2): at least 2 million targets read per second on one core; a 100,000-row
// sheet checked well under a second. The figures are printed, never asserted.
#include "sheet.hpp"
#include "target.hpp"
#include "text_table.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <unistd.h>
#include <string>
#include <vector>

namespace {

constexpr int plan_year = 2020;
constexpr int big_sheet_rows = 100'000;

struct Sample {
    pegkit::TextRows rows;
    int header_row = 0;
    std::vector<int> target_cols;        // Target (DUP) and Target (PEG)
    std::vector<pegkit::Cell> targets;   // every non-empty target cell, in sheet order
    std::string error;
};

std::string sample_path() {
    const char* env = std::getenv("PEGKIT_SAMPLE");  // to bench another plan without rebuilding
    return env && *env ? env : PEGKIT_SAMPLE;
}

// The benchmarks share one reading of the sample, done before any timing.
const Sample& sample() {
    static const Sample loaded = [] {
        Sample s;
        std::ifstream in(sample_path(), std::ios::binary);
        if (!in) {
            s.error = "cannot read " + sample_path();
            return s;
        }
        std::ostringstream text;
        text << in.rdbuf();
        s.rows = pegkit::split_delimited(text.str(), '\t');
        const pegkit::Grid grid = pegkit::grid_from_rows(s.rows);
        const pegkit::SheetCheck check = pegkit::check_sheet(grid, {plan_year, {}});
        if (!check.found) {
            s.error = "check_sheet found no PEG header in " + sample_path();
            return s;
        }
        s.header_row = check.header_row;
        for (auto c : {pegkit::Column::dup_target, pegkit::Column::peg_target})
            if (check.col(c) >= 0) s.target_cols.push_back(check.col(c));
        for (int r = check.first_row; r <= check.last_row; ++r)
            for (int c : s.target_cols)
                if (!grid.at(r, c).empty()) s.targets.push_back(grid.at(r, c));
        if (s.targets.empty()) s.error = "no target cells found in " + sample_path();
        return s;
    }();
    return loaded;
}

// The sample's data rows repeated under its header up to big_sheet_rows data rows.
const pegkit::Grid& big_sheet() {
    static const pegkit::Grid grid = [] {
        const Sample& s = sample();
        pegkit::TextRows rows(s.rows.begin(), s.rows.begin() + s.header_row + 1);
        const auto first = s.rows.begin() + s.header_row + 1;
        const auto data = static_cast<std::size_t>(s.rows.end() - first);
        rows.reserve(rows.size() + big_sheet_rows);
        for (int i = 0; i < big_sheet_rows && data > 0; ++i) rows.push_back(*(first + static_cast<long>(i % data)));
        return pegkit::grid_from_rows(rows);
    }();
    return grid;
}

void BM_read_target_sample_mix(benchmark::State& state) {
    const Sample& s = sample();
    if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
    const pegkit::ReadOptions options{plan_year, pegkit::Direction::none};
    for (auto _ : state)
        for (const pegkit::Cell& cell : s.targets) benchmark::DoNotOptimize(pegkit::read_target(cell, options));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.targets.size()));
    state.SetLabel(std::to_string(s.targets.size()) + " target cells");
}
BENCHMARK(BM_read_target_sample_mix);

void BM_check_sheet_100k(benchmark::State& state) {
    if (!sample().error.empty()) return state.SkipWithError(sample().error.c_str());
    const pegkit::Grid& grid = big_sheet();
    const pegkit::SheetOptions options{plan_year, {}};
    for (auto _ : state) benchmark::DoNotOptimize(pegkit::check_sheet(grid, options));
    state.SetItemsProcessed(state.iterations() * big_sheet_rows);
}
BENCHMARK(BM_check_sheet_100k)->Unit(benchmark::kMillisecond);

void BM_summarize_100k(benchmark::State& state) {
    if (!sample().error.empty()) return state.SkipWithError(sample().error.c_str());
    const pegkit::SheetCheck check = pegkit::check_sheet(big_sheet(), {plan_year, {}});
    for (auto _ : state) benchmark::DoNotOptimize(pegkit::summarize(check));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(check.objectives.size()));
}
BENCHMARK(BM_summarize_100k)->Unit(benchmark::kMillisecond);

// The console table, then the two figures the issue asks for in plain words.
class SummaryReporter : public benchmark::ConsoleReporter {
public:
    SummaryReporter() : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_ColorTabular : OO_Tabular) {}

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
            const std::string name = run.benchmark_name();
            // CPU time, as items_per_second: the machine may be shared, the goal is per core.
            const double ms = run.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e3;
            if (name == "BM_read_target_sample_mix") {
                const auto rate = run.counters.find("items_per_second");
                if (rate != run.counters.end()) targets_per_second_ = rate->second.value;
            } else if (name == "BM_check_sheet_100k") {
                check_ms_ = ms;
            } else if (name == "BM_summarize_100k") {
                summarize_ms_ = ms;
            }
        }
    }

    void print_summary() const {
        auto fig = [](std::optional<double> v, const char* fmt) {
            char buf[64] = "n/a";
            if (v) std::snprintf(buf, sizeof buf, fmt, *v);
            return std::string(buf);
        };
        std::cout << "\n(CPU time, one core) targets/s: " << fig(targets_per_second_, "%.0f")
                  << ", 100k-row sheet check: " << fig(check_ms_, "%.1f") << " ms"
                  << ", summary: " << fig(summarize_ms_, "%.1f") << " ms\n";
    }

private:
    std::optional<double> targets_per_second_, check_ms_, summarize_ms_;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    SummaryReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.print_summary();
    benchmark::Shutdown();
    return 0;
}
