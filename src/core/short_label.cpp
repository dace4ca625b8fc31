#include "short_label.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace pegkit {
namespace {

std::size_t code_points(std::string_view s) {
    return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string word;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

// A code is the first word when it is digits and dots ("15", "01.2"), or such a word joined to
// its dash ("01-Organismi"): the bar must still say which group it is.
bool is_code(std::string_view w) {
    return !w.empty() && std::isdigit(static_cast<unsigned char>(w.front())) &&
           std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
}

bool is_dash(std::string_view w) { return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == ":"; }

// Punctuation a cut leaves hanging at the end: commas, dashes, an opening parenthesis.
void trim_hanging(std::string& s) {
    for (bool again = true; again && !s.empty();) {
        again = false;
        for (std::string_view tail : {",", ";", ":", "-", "(", " ", "\xE2\x80\x93", "\xE2\x80\x94"})
            if (s.size() >= tail.size() && std::string_view(s).substr(s.size() - tail.size()) == tail) {
                s.resize(s.size() - tail.size());
                again = true;
            }
    }
}

// A cut that ends on "e", "di", "della"... reads as broken off: those words go with the cut.
void trim_linking(std::vector<std::string>& words, std::size_t from) {
    static const char* const linking[] = {"a", "ad", "ai", "al", "alla", "alle", "agli", "con", "d'", "da", "dal", "dalla",
                                          "dei", "degli", "del", "della", "delle", "dello", "di", "e", "ed", "gli", "i", "il",
                                          "in", "l'", "la", "le", "lo", "nel", "nella", "o", "per", "su", "sul", "sulla", "tra"};
    while (words.size() > from + 1 &&
           std::any_of(std::begin(linking), std::end(linking), [&](const char* w) { return words.back() == w; }))
        words.pop_back();
}

std::string joined(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
    return out;
}

}  // namespace

std::string short_label(std::string_view label, std::size_t max_chars) {
    std::vector<std::string> words = words_of(label);
    const std::string whole = joined(words, 0, words.size());
    if (code_points(whole) <= max_chars || words.empty()) return whole;
    // the code and the dash after it ("15 –"), kept as written, the dash split from what it is
    // glued to ("01-Organismi", "04 -Dirigente")
    if (const auto dash = words[0].find('-'); dash != std::string::npos && dash > 0 && is_code(words[0].substr(0, dash))) {
        words.insert(words.begin() + 1, words[0].substr(dash));
        words[0].resize(dash);
    }
    std::size_t body = 0;
    if (is_code(words[0])) {
        body = 1;
        for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})
            if (words.size() > 1 && words[1].size() > dash.size() && words[1].compare(0, dash.size(), dash) == 0) {
                words.insert(words.begin() + 2, words[1].substr(dash.size()));
                words[1] = std::string(dash);
                break;
            }
        if (words.size() > 2 && is_dash(words[1])) body = 2;
    }
    const std::string prefix = joined(words, 0, body);
    std::size_t end = body;
    for (; end < words.size(); ++end) {
        std::string shown = joined(words, body, end + 1);
        trim_hanging(shown);
        const std::size_t length = code_points(prefix) + (prefix.empty() ? 0 : 1) + code_points(shown) + 2;  // "…)"
        if (length > max_chars) {
            if (end == body) ++end;  // one long word: kept whole rather than cut inside
            break;
        }
    }
    words.resize(end);
    trim_linking(words, body);
    std::string kept = joined(words, body, words.size());
    trim_hanging(kept);
    std::string out = prefix.empty() ? kept : kept.empty() ? prefix : prefix + " " + kept;
    out += "\xE2\x80\xA6";
    if (std::count(out.begin(), out.end(), '(') > std::count(out.begin(), out.end(), ')')) out += ')';
    return out;
}

std::vector<std::string> short_labels(const std::vector<std::string>& labels, std::size_t max_chars) {
    std::vector<std::string> out, whole;
    std::vector<std::size_t> budget(labels.size(), max_chars);
    for (const std::string& l : labels) {
        out.push_back(short_label(l, max_chars));
        whole.push_back(short_label(l, std::string::npos));  // as written, its spaces collapsed
    }
    for (bool clash = true; clash;) {
        clash = false;
        std::map<std::string, std::vector<std::size_t>> seen;
        for (std::size_t i = 0; i < out.size(); ++i) seen[out[i]].push_back(i);
        for (const auto& [shown, at] : seen) {
            if (at.size() < 2) continue;
            for (std::size_t i : at) {
                if (out[i] == whole[i]) continue;  // whole already
                budget[i] += 8;
                out[i] = short_label(labels[i], budget[i]);
                clash = true;
            }
        }
    }
    return out;
}

}  // namespace pegkit
