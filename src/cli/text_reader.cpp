#include "text_reader.hpp"

#include "catalogue.hpp"
#include "messages.hpp"
#include "text_table.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace pegkit::cli {
namespace {

// A CSV saved by an Italian office uses ';' because ',' is the decimal separator.
char csv_separator(std::string_view text) {
    const std::string_view head = text.substr(0, 4096);
    return std::count(head.begin(), head.end(), ';') > std::count(head.begin(), head.end(), ',') ? ';' : ',';
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (int k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

// Excel saves "CSV" in the Windows code page: "Città" arrives as "Citt\xE0".
std::string from_windows_1252(std::string_view s) {
    static const char16_t high[32] = {0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160,
                                      0x2039, 0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                      0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178};
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const char32_t u = c < 0x80 ? c : c < 0xA0 ? high[c - 0x80] : c;
        if (u < 0x80) {
            out += static_cast<char>(u);
        } else if (u < 0x800) {
            out += static_cast<char>(0xC0 | (u >> 6));
            out += static_cast<char>(0x80 | (u & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (u >> 12));
            out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    return out;
}

}  // namespace

TextExtent text_extent(std::string_view text, char sep) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const bool quoting = sep != '\t';
    TextExtent e;
    std::size_t fields = 1;
    bool field = false, record = false;  // the current field, the current record hold something
    auto end_record = [&] {
        ++e.rows;
        e.cols = std::max(e.cols, fields);
        fields = 1;
        field = record = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoting && c == '"' && !field) {
            for (++i; i < text.size(); ++i) {
                if (text[i] == '"' && (i + 1 == text.size() || text[i + 1] != '"')) break;
                if (text[i] == '"') ++i;
                if (text[i] == '\n') ++e.rows;  // split_delimited pads a row for each
                field = true;
            }
            continue;
        }
        if (c == sep) {
            ++fields;
            field = false;
            record = true;
        } else if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] == '\n'))) {
            if (c == '\r') ++i;
            end_record();
        } else {
            field = true;
        }
    }
    if (field || record) end_record();
    return e;
}

TextRead read_text_table(const std::string& path, bool csv, const TextLimits& limits, Lang lang) {
    TextRead result;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        result.error = reason(Reason::system_error, lang, {std::strerror(errno)});
        return result;
    }
    // Read in blocks and count lines as they come, so that a file far longer than any PEG is
    // refused after reading max_rows lines, not after parsing all of it.
    std::string text;
    std::size_t lines = 0;
    char block[1 << 16];
    for (std::size_t n; (n = std::fread(block, 1, sizeof block, file.get())) > 0;) {
        lines += static_cast<std::size_t>(std::count(block, block + n, '\n'));
        if (limits.max_rows && lines > limits.max_rows) {
            result.error = reason(Reason::too_many_rows, lang, {grouped(limits.max_rows, lang)});
            return result;
        }
        text.append(block, n);
    }
    if (std::ferror(file.get())) {
        result.error = reason(Reason::system_error, lang, {std::strerror(errno)});
        return result;
    }
    if (std::memchr(text.data(), '\0', std::min<std::size_t>(text.size(), 1 << 16))) {
        result.error = reason(Reason::binary_content, lang);
        return result;
    }
    if (!valid_utf8(text)) {
        text = from_windows_1252(text);
        result.notes.push_back(say("cli_windows_1252", lang));
    }
    const char sep = csv ? csv_separator(text) : '\t';
    // One line of 200,000 separators would make a Grid of rows × 200,000 cells: counted first.
    const TextExtent extent = text_extent(text, sep);
    if (limits.max_cells && extent.cols && extent.rows > limits.max_cells / extent.cols) {
        result.error = reason(Reason::too_many_cells, lang,
                              {grouped(extent.rows, lang), grouped(extent.cols, lang), grouped(limits.max_cells, lang)});
        return result;
    }
    TextRows rows = split_delimited(text, sep);
    std::string().swap(text);  // a large file: the text, the rows and the grid need not coexist
    result.grid = grid_from_rows(rows);
    return result;
}

}  // namespace pegkit::cli
