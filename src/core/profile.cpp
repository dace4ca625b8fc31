#include "profile.hpp"

#include "clean.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

namespace pegkit {
namespace {

Diagnostic diag(Diag code, std::vector<std::string> args = {}) {
    return {code, default_severity(code), std::move(args)};
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// "In linea", "soglia minima", "quattro-soglie" -> "in_linea", "soglia_minima", "quattro_soglie"
std::string key_of(std::string_view raw) {
    std::string k = fold_key(clean(raw));
    for (char& c : k)
        if (c == ' ' || c == '-') c = '_';
    return k;
}

// "1.2", "1,2", "120%" (a fraction: 1.2), the whole text a number.
std::optional<double> number(std::string_view s, bool* percent = nullptr) {
    s = trim(s);
    const bool pct = !s.empty() && s.back() == '%';
    if (pct) s = trim(s.substr(0, s.size() - 1));
    std::string t(s);
    if (std::count(t.begin(), t.end(), ',') + std::count(t.begin(), t.end(), '.') > 1) return std::nullopt;
    std::replace(t.begin(), t.end(), ',', '.');
    double v = 0;
    auto r = fast_float::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
    if (percent) *percent = pct;
    return v;
}

std::optional<double> fraction(std::string_view s) {
    bool pct = false;
    auto v = number(s, &pct);
    if (v && pct) *v /= 100;
    return v;
}

// Percent values are written as percents, with or without the sign: "60", "60%", "60,5".
std::optional<double> percent(std::string_view s) {
    auto v = number(s);
    if (!v || *v < 0) return std::nullopt;
    return v;
}

// The shortest text that reads back as the same double.
std::string shortest(double v) {
    char buf[40];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (auto back = number(buf); back && *back == v) break;
    }
    return buf;
}

// "60-80" or "60–80" (clean() unifies dashes): two percents.
std::optional<std::pair<double, double>> range(std::string_view s) {
    s = trim(s);
    const auto dash = s.find('-', 1);
    if (dash == std::string_view::npos) return std::nullopt;
    auto a = percent(s.substr(0, dash)), b = percent(s.substr(dash + 1));
    if (!a || !b) return std::nullopt;
    return std::make_pair(*a, *b);
}

std::string band_text(const Band& b) { return shortest(b.from) + "–" + shortest(b.to); }

std::string interval_text(double a, double b) { return shortest(a) + "–" + shortest(b); }

// "0-60:0 | 60-80:pro | 80-100:50-100"
bool read_bands(std::string_view value, std::vector<Band>& out) {
    out.clear();
    for (std::size_t start = 0; start <= value.size();) {
        const std::size_t end = std::min(value.find('|', start), value.size());
        const std::string_view piece = trim(value.substr(start, end - start));
        start = end + 1;
        if (piece.empty()) continue;
        const auto colon = piece.find(':');
        if (colon == std::string_view::npos) return false;
        const auto r = range(piece.substr(0, colon));
        if (!r) return false;
        Band b;
        b.from = r->first;
        b.to = r->second;
        const std::string_view score = trim(piece.substr(colon + 1));
        const std::string word = key_of(score);
        if (word == "pro" || word == "proporzionale" || word == "proportional") {
            b.kind = Band::Score::proportional;
        } else if (auto fixed = percent(score)) {
            b.score = *fixed;
        } else if (auto lin = range(score)) {
            b.kind = Band::Score::linear;
            b.score = lin->first;
            b.score_to = lin->second;
        } else {
            return false;
        }
        out.push_back(b);
    }
    return !out.empty();
}

// Bands in order, touching, none empty; each fault names the interval.
void check_bands(const std::vector<Band>& bands, std::vector<Diagnostic>& out) {
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const Band& b = bands[i];
        if (!(b.from < b.to)) {
            out.push_back(diag(Diag::band_empty, {band_text(b)}));
            return;
        }
        if (i == 0) continue;
        const Band& p = bands[i - 1];
        if (b.from < p.from) out.push_back(diag(Diag::bands_order, {band_text(b), band_text(p)}));
        else if (b.from < p.to) out.push_back(diag(Diag::bands_overlap, {band_text(p), band_text(b), interval_text(b.from, std::min(p.to, b.to))}));
        else if (b.from > p.to) out.push_back(diag(Diag::bands_gap, {band_text(p), band_text(b), interval_text(p.to, b.from)}));
        if (!out.empty()) return;
    }
}

// "60/100/110/120": minimum, target, maximum, excellence, non-decreasing, minimum below target.
std::optional<FourThresholds> read_four(std::string_view value) {
    double v[4];
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t end = std::min(value.find('/', start), value.size());
        if (start > value.size()) return std::nullopt;
        auto p = percent(value.substr(start, end - start));
        if (!p) return std::nullopt;
        v[i] = *p;
        start = end + 1;
    }
    if (start <= value.size()) return std::nullopt;
    if (!(v[0] < v[1] && v[1] <= v[2] && v[2] <= v[3])) return std::nullopt;
    return FourThresholds{v[0], v[1], v[2], v[3]};
}

template <class T>
bool one_of(const std::string& value, std::initializer_list<std::pair<const char*, T>> words, T& out) {
    for (const auto& [w, t] : words)
        if (value == w) return out = t, true;
    return false;
}

// Keys: English, then Italian. Returns false when the entry cannot be read.
bool apply_entry(std::string_view piece, Profile& p, bool& bands_given, bool& four_given) {
    const auto eq = piece.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string key = key_of(piece.substr(0, eq));
    const std::string_view raw = trim(piece.substr(eq + 1));
    const std::string value = key_of(raw);
    Rules& r = p.rules;
    Scoring& s = p.scoring;
    auto is = [&](std::initializer_list<const char*> keys) {
        return std::any_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; });
    };
    if (is({"cap", "tetto"})) {
        auto v = fraction(raw);
        if (!v || *v < 1) return false;
        r.cap = *v;
    } else if (is({"late", "tolleranza", "tolleranza_giorni"})) {
        auto v = number(raw);
        if (!v || *v <= 0) return false;
        r.late_days = *v;
    } else if (is({"lower", "inferiore"})) {
        return one_of<bool>(value, {{"linear", true}, {"lineare", true}, {"ratio", false}, {"rapporto", false}}, r.lower_linear);
    } else if (is({"compound", "composto"})) {
        int how = 0;
        if (!one_of<int>(value, {{"mean", 0}, {"media", 0}, {"min", 1}, {"minimo", 1}, {"all", 2}, {"tutti", 2}}, how)) return false;
        r.compound_min = how == 1;
        r.compound_all = how == 2;
    } else if (is({"dir", "direzione"})) {
        return one_of<Direction>(value, {{"lower", Direction::lower}, {"inferiore", Direction::lower},
                                         {"higher", Direction::higher}, {"superiore", Direction::higher}}, r.dir);
    } else if (is({"bands", "fasce"})) {
        if (!read_bands(clean(raw), s.bands)) return false;
        bands_given = true;
    } else if (is({"threshold", "soglia", "soglia_minima"})) {
        auto v = percent(raw);
        if (!v) return false;
        s.threshold = *v;
    } else if (is({"four_thresholds", "quattro_soglie"})) {
        auto f = read_four(raw);
        if (!f) return false;
        s.four = *f;
        four_given = true;
    } else if (is({"rounding", "arrotondamento"})) {
        auto v = number(raw);
        if (!v || *v < 0 || *v > 6 || *v != std::floor(*v)) return false;
        s.rounding = static_cast<int>(*v);
    } else if (is({"indicators", "indicatori"})) {
        return one_of<Combine>(value, {{"weighted", Combine::weighted_mean}, {"media_ponderata", Combine::weighted_mean},
                                       {"ponderata", Combine::weighted_mean}, {"mean", Combine::mean}, {"media", Combine::mean},
                                       {"min", Combine::min}, {"minimo", Combine::min}, {"all", Combine::all_or_nothing},
                                       {"tutti", Combine::all_or_nothing}, {"tutto_o_niente", Combine::all_or_nothing}},
                               s.indicators);
    } else if (is({"reached", "raggiunto"})) {
        auto v = percent(raw);
        if (!v || *v <= 0) return false;
        s.reached = *v;
    } else if (is({"on_track", "in_linea"})) {
        auto v = percent(raw);
        if (!v) return false;
        s.on_track = *v;
    } else {
        return false;
    }
    return true;
}

std::string bands_text(const std::vector<Band>& bands) {
    std::string out;
    for (const Band& b : bands) {
        if (!out.empty()) out += " | ";
        out += shortest(b.from) + "-" + shortest(b.to) + ":";
        if (b.kind == Band::Score::proportional) out += "pro";
        else if (b.kind == Band::Score::fixed) out += shortest(b.score);
        else out += shortest(b.score) + "-" + shortest(b.score_to);
    }
    return out;
}

double band_score(const std::vector<Band>& bands, double p) {
    if (p < bands.front().from) return 0;
    const Band* band = &bands.back();
    for (const Band& b : bands)
        if (p < b.to) { band = &b; break; }
    const double x = std::min(p, band->to);  // above the last band: its end
    switch (band->kind) {
        case Band::Score::fixed: return band->score;
        case Band::Score::proportional: return x;
        case Band::Score::linear: return band->score + (band->score_to - band->score) * (x - band->from) / (band->to - band->from);
    }
    return 0;
}

double four_score(const FourThresholds& f, double p, double cap) {
    if (p < f.minimum) return 0;
    if (p < f.target) return 100 * (p - f.minimum) / (f.target - f.minimum);
    if (p <= f.maximum) return 100;
    if (p >= f.excellence) return 100 * cap;
    return 100 + (100 * cap - 100) * (p - f.maximum) / (f.excellence - f.maximum);
}

}  // namespace

bool same_rules(const Rules& a, const Rules& b) noexcept {
    return a.cap == b.cap && a.lower_linear == b.lower_linear && a.late_days == b.late_days &&
           a.compound_min == b.compound_min && a.compound_all == b.compound_all && a.dir == b.dir;
}

ProfileParse parse_profile(std::string_view text) {
    ProfileParse out;
    bool bands = false, four = false;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find_first_of(";\n", start), text.size());
        const std::string_view piece = trim(text.substr(start, end - start));
        start = end + 1;
        if (!piece.empty() && !apply_entry(piece, out.profile, bands, four))
            out.diagnostics.push_back(diag(Diag::bad_rule, {std::string(piece)}));
    }
    check_bands(out.profile.scoring.bands, out.diagnostics);
    if (!out.profile.scoring.bands.empty() && out.profile.scoring.four) out.diagnostics.push_back(diag(Diag::profile_conflict));
    if (!out.diagnostics.empty()) out.profile = Profile{};
    return out;
}

RulesParse parse_rules(std::string_view text) {
    RulesParse out;
    const ProfileParse p = parse_profile(text);
    if (!p) out.error = p.diagnostics.front();
    else out.rules = p.profile.rules;
    return out;
}

std::string format_profile(const Profile& p) {
    const Profile d;
    const Rules& r = p.rules;
    const Scoring& s = p.scoring;
    std::vector<std::string> e;
    if (r.cap != d.rules.cap) e.push_back("cap=" + shortest(r.cap));
    if (r.lower_linear) e.push_back("lower=linear");
    if (r.late_days) e.push_back("late=" + shortest(*r.late_days));
    if (r.compound_all) e.push_back("compound=all");
    else if (r.compound_min) e.push_back("compound=min");
    if (r.dir != Direction::none) e.push_back(r.dir == Direction::lower ? "dir=lower" : "dir=higher");
    if (!s.bands.empty()) e.push_back("bands=" + bands_text(s.bands));
    if (s.threshold) e.push_back("threshold=" + shortest(*s.threshold));
    if (s.four)
        e.push_back("four_thresholds=" + shortest(s.four->minimum) + "/" + shortest(s.four->target) + "/" +
                    shortest(s.four->maximum) + "/" + shortest(s.four->excellence));
    if (s.rounding) e.push_back("rounding=" + std::to_string(*s.rounding));
    if (s.indicators != d.scoring.indicators) e.push_back("indicators=" + std::string(combine_name(s.indicators)));
    if (s.reached != d.scoring.reached) e.push_back("reached=" + shortest(s.reached));
    if (s.on_track != d.scoring.on_track) e.push_back("on_track=" + shortest(s.on_track));
    std::string out;
    for (const std::string& x : e) out += (out.empty() ? "" : "; ") + x;
    return out;
}

double round_score(const Scoring& s, double score) {
    if (!s.rounding || !std::isfinite(score)) return score;
    const double scale = std::pow(10.0, *s.rounding);
    // 87,65 % to one decimal is 87,7 % as the office reckons it, though 0.8765 · 1000 is 876.4999…
    const double x = score * 100 * scale;
    return std::round(x + (x < 0 ? -1e-7 : 1e-7)) / scale / 100;
}

double score_attainment(const Profile& profile, double attainment) {
    const Scoring& s = profile.scoring;
    const double p = attainment * 100;
    double out = p;
    constexpr double eps = 1e-9;
    if (s.threshold && p < *s.threshold - eps) out = 0;
    else if (!s.bands.empty()) out = band_score(s.bands, p);
    else if (s.four) out = four_score(*s.four, p, profile.rules.cap);
    return round_score(s, out / 100);
}

std::optional<double> combine_scores(Combine how, const std::vector<std::optional<double>>& scores,
                                     const std::vector<std::optional<double>>& weights) {
    switch (how) {
        case Combine::weighted_mean: return score(scores, weights);
        case Combine::mean: return score(scores);
        case Combine::min:
        case Combine::all_or_nothing: {
            std::optional<double> lowest;
            for (const auto& x : scores)
                if (x) lowest = lowest ? std::min(*lowest, *x) : *x;
            if (!lowest || how == Combine::min) return lowest;
            return *lowest >= 1 - 1e-9 ? 1.0 : 0.0;
        }
    }
    return std::nullopt;
}

std::string_view combine_name(Combine c) noexcept {
    switch (c) {
        case Combine::weighted_mean: return "weighted";
        case Combine::mean: return "mean";
        case Combine::min: return "min";
        case Combine::all_or_nothing: return "all";
    }
    return "weighted";
}

}  // namespace pegkit
