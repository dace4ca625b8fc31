#include "clean.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>

namespace pegkit {
namespace {

// Decodes one UTF-8 sequence at s[i]; invalid bytes come back as U+FFFD, one byte long.
char32_t decode(std::string_view s, std::size_t& i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) { ++i; return c; }
    int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (len == 0 || i + len > s.size()) { ++i; return 0xFFFD; }
    char32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFD; }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) { out += static_cast<char>(cp); return; }
    if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

bool is_space(char32_t cp) {
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || (cp < 0x20) || cp == 0x7F;
}

char32_t unify(char32_t cp) {
    switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return '"';
    default:
        return cp;
    }
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Tag: "<" [ "/" | "!" ] letter ... ">" with no "<" inside. "< =5" and "<=9" are operators, not tags.
std::size_t tag_end(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '/' || s[j] == '!')) ++j;
    if (j >= s.size() || !is_ascii_alpha(s[j])) return std::string_view::npos;
    for (; j < s.size(); ++j) {
        if (s[j] == '>') return j + 1;
        if (s[j] == '<') return std::string_view::npos;
    }
    return std::string_view::npos;
}

bool block_tag(std::string_view tag) {
    std::size_t k = 1;
    if (k < tag.size() && tag[k] == '/') ++k;
    std::string name;
    for (; k < tag.size() && is_ascii_alpha(tag[k]); ++k) name += static_cast<char>(tag[k] | 0x20);
    return name == "br" || name == "p" || name == "div" || name == "li" || name == "tr" || name == "td" ||
           name == "th" || name == "ul" || name == "ol" || name == "table";
}

struct Entity { std::string_view name; char32_t cp; };
constexpr Entity entities[] = {
    {"nbsp", 0xA0}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
    {"euro", 0x20AC}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"rsquo", 0x2019}, {"lsquo", 0x2018},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"deg", 0xB0},
    {"agrave", 0xE0}, {"egrave", 0xE8}, {"eacute", 0xE9}, {"igrave", 0xEC}, {"ograve", 0xF2},
    {"ugrave", 0xF9}, {"Agrave", 0xC0}, {"Egrave", 0xC8}, {"Eacute", 0xC9}, {"Igrave", 0xCC},
    {"Ograve", 0xD2}, {"Ugrave", 0xD9}, {"ge", 0x2265}, {"le", 0x2264}, {"hellip", 0x2026},
};

// Decodes "&name;" or "&#N;"/"&#xH;" at s[i]; returns the code point and advances i, or 0.
char32_t entity(std::string_view s, std::size_t& i) {
    const std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) return 0;
    const std::string_view body = s.substr(i + 1, semi - i - 1);
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        char32_t cp = 0;
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        for (char c : digits) {
            int d = c >= '0' && c <= '9' ? c - '0' : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (d < 0) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
            if (cp > 0x10FFFF) return 0;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        i = semi + 1;
        return cp;
    }
    for (const Entity& e : entities) {
        if (e.name == body) { i = semi + 1; return e.cp; }
    }
    return 0;
}

// One pass: tags out, entities decoded, spaces, dashes and quotes unified.
// A decoded entity ("&lt;b&gt;") or a removed piece ("<<b>b>", "&am<i>p;") can make a new tag or
// entity, so clean() repeats passes while something was removed; such a pass makes the text
// shorter, so this ends.
std::string pass(std::string_view s, bool& removed) {
    removed = false;
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if (b > 0x20 && b < 0x7F && b != '<' && b != '&') {  // plain ASCII: the common case
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        char32_t cp;
        if (s[i] == '<') {
            const std::size_t end = tag_end(s, i);
            if (end != std::string_view::npos) {
                if (block_tag(s.substr(i, end - i))) pending_space = true;
                i = end;
                removed = true;
                continue;
            }
        }
        if (s[i] == '&') {
            std::size_t j = i;
            if (char32_t e = entity(s, j)) { cp = e; i = j; removed = true; }
            else cp = decode(s, i);
        } else {
            cp = decode(s, i);
        }
        if (cp == 0x200B || cp == 0xFEFF || cp == 0x00AD || cp == 0x200C || cp == 0x200D) { removed = true; continue; }
        if (is_space(cp)) { pending_space = true; continue; }
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        append_utf8(out, unify(cp));
    }
    return out;
}

const utf8proc_uint8_t* bytes(std::string_view s) { return reinterpret_cast<const utf8proc_uint8_t*>(s.data()); }

// utf8proc_map on valid UTF-8; its buffer is malloc'ed.
std::string mapped(std::string_view s, int options) {
    utf8proc_uint8_t* raw = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(bytes(s), static_cast<utf8proc_ssize_t>(s.size()), &raw, static_cast<utf8proc_option_t>(options));
    const std::unique_ptr<utf8proc_uint8_t, void (*)(void*)> owned(raw, &std::free);
    if (n == UTF8PROC_ERROR_NOMEM) throw std::bad_alloc();
    if (n < 0) return std::string(s);
    return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n));
}

// Below U+0300 every character is its own NFC and none combines with what follows, so ASCII and
// Latin-1 text (lead bytes up to CB) needs no normalization: most cells.
bool maybe_not_nfc(std::string_view s) {
    for (char ch : s)
        if (static_cast<unsigned char>(ch) >= 0xCC && static_cast<unsigned char>(ch) < 0xF8) return true;
    return false;
}

// NFC in place: "piu" + U+0300 becomes "più", as a keyboard types it; true when it changed.
// `s` is valid UTF-8 (a pass's output).
bool compose(std::string& s) {
    if (!maybe_not_nfc(s)) return false;
    std::string nfc = mapped(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (nfc == s) return false;
    s = std::move(nfc);
    return true;
}

// Invalid bytes as U+FFFD, the rest unchanged.
std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) append_utf8(out, decode(s, i));
    return out;
}

}  // namespace

// Most cells need no work: ASCII or Latin-1 letters, single inner spaces, no markup.
bool already_clean(std::string_view s) {
    if (s.empty()) return true;
    if (s.front() == ' ' || s.back() == ' ') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == '<' || c == '&' || c == 0x7F) return false;
        if (c == ' ' && s[i + 1] == ' ') return false;
        if (c >= 0x80) {
            // "è", "à": U+00C0..U+00FF as C3 80..BF; anything else takes the full pass
            if (c != 0xC3 || i + 1 >= s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80) return false;
            ++i;
        }
    }
    return true;
}

std::string clean(std::string_view text) {
    if (already_clean(text)) return std::string(text);
    // A pass can join a letter to its accent ("e<b>\u0301", "e&#769;"), and NFC can give a
    // character that a pass unifies (U+1FFD is U+00B4, an apostrophe): repeat both until
    // nothing changes. Each round that removes something makes the text shorter; the bound is
    // only a guard.
    std::string out(text);
    for (int round = 0; round < 16; ++round) {
        bool removed = false;
        out = pass(out, removed);
        if (!compose(out) && !removed) break;
    }
    return out;
}

std::string_view CleanOnce::operator()(std::string_view text) {
    if (already_clean(text)) return text;
    auto [it, added] = m_cleaned.try_emplace(text);
    if (added) it->second = clean(text);
    return it->second;
}

std::string fold_case(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size();) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c | 0x20);
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t len = utf8proc_iterate(bytes(out) + i, static_cast<utf8proc_ssize_t>(out.size() - i), &cp);
        if (len <= 0) { ++i; continue; }  // an invalid byte stays as it is
        utf8proc_int32_t folded[4];
        int boundclass = 0;
        // One code point for one of the same byte length, so that offsets stay valid: "İ" (i and
        // a dot above) and "ẞ" (ss) keep their case.
        if (utf8proc_decompose_char(cp, folded, 4, UTF8PROC_CASEFOLD, &boundclass) == 1 && folded[0] != cp) {
            utf8proc_uint8_t buf[4];
            if (utf8proc_encode_char(folded[0], buf) == len) out.replace(i, static_cast<std::size_t>(len), reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
        }
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string fold_key(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return fold_case(text);
    return mapped(valid_utf8(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
}

CodeLabel split_code(std::string_view text) {
    const std::string t = clean(text);
    CodeLabel r;
    std::size_t i = 0;
    long code = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i < 9) code = code * 10 + (t[i++] - '0');
    // "2020/2021" or "4.0" are not codes followed by a label
    if (i == 0 || (i < t.size() && (t[i] == '/' || t[i] == ',' || ((t[i] == '.') && i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9')))) {
        r.label = t;
        return r;
    }
    if (i < t.size() && t[i] >= '0' && t[i] <= '9') { r.label = t; return r; }  // too long for a code
    r.code = code;
    while (i < t.size() && (t[i] == ' ' || t[i] == '-' || t[i] == '.' || t[i] == ')' || t[i] == ':' || t[i] == '_'))
        ++i;
    r.label = t.substr(i);
    return r;
}

std::string shortened(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes) return std::string(text);
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    return std::string(text.substr(0, bytes)) + "\u2026";
}

}  // namespace pegkit
