#pragma once
// Before the first write: may the command write at all? Read-only documents (loaded read-only, or
// a file the user may not write) take some writes and silently ignore others, so nothing starts.
#include "command.hpp"

#include <optional>
#include <string>

namespace pegkit::sidebar {

enum class Writes { sheet, new_sheet, document };  // document: only its properties

// Why the command may not write, in the user's words; nullopt when it may.
std::optional<std::string> why_not_writable(const ActiveSheet& s, Writes writes, Lang lang);

}  // namespace pegkit::sidebar
