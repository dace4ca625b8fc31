#include "inputs.hpp"

#include "messages.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace pegkit::cli {
namespace {

std::string format_of(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* f : {"tsv", "csv", "ods", "xlsx"})
        if (ext == std::string(".") + f) return f;
    return {};
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& args, Lang lang) {
    std::vector<Input> out;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (!fs::is_directory(arg, ec)) {
            Input in{arg, format_of(arg), {}};
            if (!fs::exists(arg, ec)) in.error = reason(Reason::no_such_file, lang);
            out.push_back(std::move(in));
            continue;
        }
        std::vector<Input> found;
        fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            const fs::path& p = it->path();
            const std::string name = p.filename().string();
            if (!it->is_regular_file(ec) || name.rfind(".~lock.", 0) == 0 || name.rfind("~$", 0) == 0) continue;
            const std::string format = format_of(p);
            if (!format.empty()) found.push_back({p.string(), format, {}});
        }
        if (ec) out.push_back({arg, {}, reason(Reason::folder_unlistable, lang, {ec.message()})});
        else if (found.empty()) out.push_back({arg, {}, reason(Reason::folder_empty, lang)});
        std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
        out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    return out;
}

}  // namespace pegkit::cli
