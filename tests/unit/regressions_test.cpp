// Inputs the fuzzer once broke (tests/fuzz/regressions), replayed on every ./dev test with the
// properties of TARGETS.md §4 that they broke: clean and normalize are idempotent.
#include "clean.hpp"
#include "target.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

TEST_CASE("inputs the fuzzer once broke keep the contract's properties", "[regressions]") {
    const fs::path dir = fs::path(PEGKIT_TEST_DATA) / ".." / "fuzz" / "regressions";
    REQUIRE(fs::is_directory(dir));
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    REQUIRE(files.size() >= 4);
    for (const fs::path& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        // the fuzzer reads a target from each line of its input, as fuzz_core.cpp does
        std::istringstream lines(buf.str());
        std::string line;
        while (std::getline(lines, line)) {
            INFO(f.filename().string() << ": " << line);
            const std::string once = pegkit::normalize(std::string_view(line));
            CHECK(pegkit::normalize(std::string_view(once)) == once);
            CHECK(pegkit::clean(pegkit::clean(line)) == pegkit::clean(line));
        }
        const std::string whole = pegkit::normalize(std::string_view(buf.str()));
        INFO(f.filename().string() << " (whole input)");
        CHECK(pegkit::normalize(std::string_view(whole)) == whole);
    }
}
