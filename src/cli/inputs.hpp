#pragma once
// FILE and DIR arguments into the list of files to check.
#include "diagnostic.hpp"

#include <string>
#include <vector>

namespace pegkit::cli {

struct Input {
    std::string path;
    std::string format;  // "tsv", "csv", "ods", "xlsx"; empty when the name says none of them
    std::string error;   // a named path that does not exist or cannot be listed, in the report's language
};

// Files as given (whatever their extension, so that a wrong one is reported), folders
// recursively (only .tsv .csv .ods .xlsx, sorted, office lock files "~lock…#" left out). A folder
// with none of them is an input that cannot be read: a script that names the wrong folder hears it.
std::vector<Input> collect_inputs(const std::vector<std::string>& args, Lang lang);

}  // namespace pegkit::cli
