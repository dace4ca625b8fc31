// pegkit-check: checks PEG sheets (.tsv, .csv, .ods, .xlsx) and reports the findings as text,
// JSON or CSV. Exit status: 0 no errors, 1 error findings, 2 an input could not be read (or bad usage).
#include "batch.hpp"
#include "options.hpp"

#include <csignal>
#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    // A dead office or a closed stdout must come back as an error, not as a signal that would
    // leave the office running.
    std::signal(SIGPIPE, SIG_IGN);
    const pegkit::cli::ParsedOptions parsed = pegkit::cli::parse_options(argc, argv);
    if (parsed.exit) return *parsed.exit;
    try {
        return pegkit::cli::run_batch(parsed.options);
    } catch (const std::exception& e) {
        std::cerr << "pegkit-check: " << e.what() << '\n';
        return 2;
    }
}
