#pragma once
// The batch: every input read, checked and written out in turn; one bad file never stops it.
#include "options.hpp"

namespace pegkit::cli {

// Returns the exit status: 0 no errors, 1 error findings, 2 an input could not be read.
int run_batch(const Options& options);

}  // namespace pegkit::cli
