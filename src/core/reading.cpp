#include "reading.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace pegkit::reading {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters for word tokens: ASCII, Latin-1 letters (lead byte C3) and any other script;
// C2 and E2 lead bytes start symbols (°, «, €, ≥, ≤, …).
bool letter_at(std::string_view s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return ascii_letter(s[i]);
    if (c >= 0x80 && c < 0xC0) return true;  // continuation of a letter
    return c != 0xC2 && c != 0xE2 && c != 0xEF;
}

std::size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

int run(std::string_view s, std::size_t i) {
    int n = 0;
    while (i + n < s.size() && digit(s[i + n])) ++n;
    return n;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool unit_suffix(std::string_view w) {
    static constexpr std::string_view words[] = {"gg", "gg.", "giorni", "giorno", "h", "ore", "mln", "mln.", "mila", "mld",
                                                 "milioni", "euro", "anni", "mesi", "min", "minuti", "km", "mq", "mw", "kw"};
    for (auto x : words)
        if (w == x) return true;
    return false;
}

// Reads a date at i: dd/mm/yyyy, d.m.yy, dd-mm-yyyy, yyyy-mm-dd, or dd/mm (no year).
bool read_date(std::string_view s, std::size_t i, Token& t) {
    const int a = run(s, i);
    std::size_t p = i + a;
    if (p + 1 >= s.size()) return false;
    const char sep = s[p];
    if (sep != '/' && sep != '.' && sep != '-') return false;
    const int b = run(s, p + 1);
    if (b == 0 || b > 2) return false;
    std::size_t q = p + 1 + b;
    const bool third = q + 1 < s.size() && s[q] == sep && digit(s[q + 1]);
    if (third) {
        const int c = run(s, q + 1);
        const std::size_t e = q + 1 + c;
        if (e < s.size() && (digit(s[e]) || ((s[e] == '/' || s[e] == '.' || s[e] == ',') && e + 1 < s.size() && digit(s[e + 1])))) return false;
        if (a == 4 && sep == '-' && (c == 1 || c == 2)) {  // ISO
            const int m = to_int(s.substr(p + 1, b)), d = to_int(s.substr(q + 1, c));
            if (m < 1 || m > 12 || d < 1 || d > 31) return false;
            t.year = to_int(s.substr(i, 4)); t.month = m; t.day = d;
        } else if ((a == 1 || a == 2) && (c == 4 || c == 2)) {
            t.day = to_int(s.substr(i, a));
            t.month = to_int(s.substr(p + 1, b));
            t.year = to_int(s.substr(q + 1, c)) + (c == 2 ? 2000 : 0);
            if (sep == '-' && (t.month > 12 || t.day > 31)) return false;  // "10-15-20" is no date
        } else {
            return false;
        }
        t.type = Tok::date;
        t.end = e;
        return true;
    }
    // "30/06": a day and a month, no year; only with '/'
    if (sep != '/' || a > 2) return false;
    if (q < s.size() && (digit(s[q]) || s[q] == '/')) return false;
    const int d = to_int(s.substr(i, a)), m = to_int(s.substr(p + 1, b));
    if (d < 1 || d > 31 || m < 1 || m > 12) return false;
    t.type = Tok::date;
    t.day = d; t.month = m; t.year = 0;
    t.end = q;
    return true;
}

// Italian first: "9.000.000,00", "1.500", "37,41"; "31,000" and "9,000,000" are thousands;
// "2,500" is read as 2.5 and flagged ambiguous; "600 000 000" is one number.
void read_number(std::string_view s, std::size_t i, Token& t) {
    struct Group { char sep; std::size_t at; int len; };
    Group groups[16];
    int n = 0;
    int first = run(s, i);
    std::size_t p = i + first;
    while (n < 16 && p + 1 < s.size() && (s[p] == '.' || s[p] == ',') && digit(s[p + 1])) {
        const int len = run(s, p + 1);
        groups[n++] = {s[p], p + 1, len};
        p += 1 + len;
    }
    if (n == 0 && first <= 3) {  // thousands grouped by spaces
        // "600 000 000": groups of three digits that end the word ("200 720i" is two things)
        while (n < 16 && p + 3 < s.size() && s[p] == ' ' && run(s, p + 1) == 3 && !(p + 4 < s.size() && letter_at(s, p + 4)) &&
               !(p + 4 < s.size() && (s[p + 4] == '/' || ((s[p + 4] == '.' || s[p + 4] == ',') && p + 5 < s.size() && digit(s[p + 5]))))) {
            groups[n++] = {' ', p + 1, 3};
            p += 4;
        }
    }
    std::string intpart(s.substr(i, first));
    std::string frac;
    int dots = 0, commas = 0, spaces = 0;
    for (int k = 0; k < n; ++k) (groups[k].sep == '.' ? dots : groups[k].sep == ',' ? commas : spaces)++;
    auto all3 = [&](int from, int to) { for (int k = from; k < to; ++k) if (groups[k].len != 3) return false; return true; };
    auto join = [&](int from, int to) { for (int k = from; k < to; ++k) intpart += s.substr(groups[k].at, groups[k].len); };
    bool ok = true;
    if (n == 0) {
        t.plain = true;
        t.digits = first;
    } else if (spaces == n) {
        join(0, n);
    } else if (commas == 0) {  // dots only
        if (first <= 3 && all3(0, n) && (n >= 2 || first >= 1)) join(0, n);  // "1.500", "9.000.000"
        else if (n == 1) frac = std::string(s.substr(groups[0].at, groups[0].len));  // "2.5"
        else ok = false;
    } else if (dots == 0) {  // commas only
        if (n >= 2 && first <= 3 && all3(0, n)) join(0, n);  // "9,000,000"
        else if (n == 1) {
            const std::string_view g = s.substr(groups[0].at, groups[0].len);
            if (g == "000" && first <= 3) join(0, 1);            // "31,000"
            else { frac = std::string(g); t.ambiguous = g.size() == 3; }  // "37,41"; "2,500"
        } else ok = false;
    } else if (groups[n - 1].sep == ',' && dots == n - 1 && first <= 3 && all3(0, n - 1)) {  // "9.000.000,00"
        join(0, n - 1);
        frac = std::string(s.substr(groups[n - 1].at, groups[n - 1].len));
    } else if (groups[n - 1].sep == '.' && commas == n - 1 && first <= 3 && all3(0, n - 1)) {  // "9,000,000.50"
        join(0, n - 1);
        frac = std::string(s.substr(groups[n - 1].at, groups[n - 1].len));
    } else {
        ok = false;
    }
    t.end = p;
    if (!ok) {  // "1.2.3": no number
        t.type = Tok::symbol;
        return;
    }
    t.type = Tok::number;
    std::size_t lead = intpart.find_first_not_of('0');
    if ((lead == std::string::npos ? 0 : intpart.size() - lead) >= 15) t.too_big = true;
    std::string text = intpart;
    if (!frac.empty()) text += '.' + frac;
    double v = 0;
    fast_float::from_chars(text.data(), text.data() + text.size(), v);
    t.value = v;
    t.integer = frac.empty() || frac.find_first_not_of('0') == std::string::npos;
}

}  // namespace

void tokenize(std::string_view s, std::vector<Token>& out) {
    out.clear();
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == ' ') { ++i; continue; }
        Token t;
        t.begin = i;
        if (digit(c)) {
            if (!read_date(s, i, t)) read_number(s, i, t);
            // "33/2013", "2021/2027": a citation or a span of years, not a quantity
            if (t.type == Tok::number && t.end < s.size() && s[t.end] == '/' && t.end + 1 < s.size() && digit(s[t.end + 1])) {
                std::size_t e = t.end;
                while (e < s.size() && (digit(s[e]) || s[e] == '/')) ++e;
                t = Token{};
                t.type = Tok::symbol;
                t.begin = i;
                t.end = e;
            }
            if (t.type == Tok::number && t.end < s.size()) {
                if (s.compare(t.end, 2, "\xC2\xB0") == 0 || s.compare(t.end, 2, "\xC2\xBA") == 0) { t.ordinal = true; t.end += 2; }
                else if (s[t.end] == 'o' && t.end + 1 < s.size() && s[t.end + 1] == '.') { t.ordinal = true; }
                else if (letter_at(s, t.end)) {
                    // "10gg", "9mln" split; "6sport", "3d" are words
                    std::size_t e = t.end;
                    while (e < s.size() && (letter_at(s, e) || digit(s[e]))) ++e;
                    if (!unit_suffix(s.substr(t.end, e - t.end))) {
                        t = Token{};
                        t.type = Tok::word;
                        t.begin = i;
                        t.end = e;
                    }
                }
            }
        } else if (c == '>' || c == '<' || c == '=') {
            std::size_t e = i + 1;
            std::size_t k = e;
            if (c != '=' && k < s.size() && s[k] == ' ' && k + 1 < s.size() && s[k + 1] == '=') k = k + 1;  // "< =5"
            if (k < s.size() && s[k] == '=' && c != '=') { t.op = c == '>' ? Op::ge : Op::le; e = k + 1; }
            else if (c == '=' && e < s.size() && s[e] == '>') { t.op = Op::ge; ++e; }
            else if (c == '=' && e < s.size() && s[e] == '<') { t.op = Op::le; ++e; }
            else t.op = c == '>' ? Op::gt : c == '<' ? Op::lt : Op::eq;
            t.type = Tok::op;
            t.end = e;
        } else if (s.compare(i, 3, "\xE2\x89\xA5") == 0 || s.compare(i, 3, "\xE2\x89\xA4") == 0) {  // ≥ ≤
            t.type = Tok::op;
            t.op = s[i + 2] == '\xA5' ? Op::ge : Op::le;
            t.end = i + 3;
        } else if (u >= 0x80 ? letter_at(s, i) : ascii_letter(c)) {
            std::size_t e = i;
            while (e < s.size() && (letter_at(s, e) || digit(s[e]))) ++e;
            // abbreviations keep their dots: "d.lgs.", "art.", "n.", "max."
            while (e + 1 <= s.size() && e < s.size() && s[e] == '.') {
                if (e + 1 < s.size() && ascii_letter(s[e + 1]) && e - i <= 4) {
                    ++e;
                    while (e < s.size() && (letter_at(s, e) || digit(s[e]))) ++e;
                } else if (e - i <= 4) {
                    ++e;
                    break;
                } else {
                    break;
                }
            }
            if (e < s.size() && s[e] == '\'') ++e;  // "l'", "dall'", "un'"
            t.type = Tok::word;
            t.end = e;
        } else {
            t.type = Tok::symbol;
            t.end = i + utf8_len(u);
            if (t.end > s.size()) t.end = s.size();
        }
        if (t.end <= i) t.end = i + 1;
        t.text = s.substr(t.begin, t.end - t.begin);
        out.push_back(t);
        i = t.end;
    }
}

std::string format_number(double v, int decimals) {
    if (!std::isfinite(v)) return "0";
    const bool neg = v < 0;
    v = std::fabs(v);
    if (v < 1e15) {
        // at most 14 significant digits: what a double carries safely through "× 100" and back,
        // so a canonical text reads back to itself ("999.999.999%", not "…,0000004%")
        const int integer_digits = v >= 1 ? static_cast<int>(std::floor(std::log10(v))) + 1 : 1;
        decimals = std::max(0, std::min(decimals, 14 - integer_digits));
        const double scale = std::pow(10.0, decimals);
        v = std::round(v * scale) / scale;
    }
    char buf[400];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    std::string_view txt(buf, static_cast<std::size_t>(res.ptr - buf));
    const std::size_t dot = txt.find('.');
    const std::string_view ip = txt.substr(0, dot);
    std::string out;
    if (neg && v != 0) out += '-';
    for (std::size_t k = 0; k < ip.size(); ++k) {
        if (k > 0 && (ip.size() - k) % 3 == 0) out += '.';
        out += ip[k];
    }
    if (dot != std::string_view::npos) {
        out += ',';
        out += txt.substr(dot + 1);
    }
    return out;
}

}  // namespace pegkit::reading
