#include "status.hpp"

#include "catalogue.hpp"
#include "clean.hpp"

namespace pegkit {

std::string_view status_code(Status s) noexcept {
    switch (s) {
        case Status::raggiunto: return "raggiunto";
        case Status::in_linea: return "in_linea";
        case Status::a_rischio: return "a_rischio";
        case Status::non_raggiunto: return "non_raggiunto";
        case Status::in_corso: return "in_corso";
        case Status::non_valutabile: return "non_valutabile";
    }
    return "in_corso";
}

std::string_view status_key(Status s) noexcept {
    switch (s) {
        case Status::raggiunto: return "status_reached";
        case Status::in_linea: return "status_on_track";
        case Status::a_rischio: return "status_at_risk";
        case Status::non_raggiunto: return "status_not_reached";
        case Status::in_corso: return "status_in_progress";
        case Status::non_valutabile: return "status_not_assessable";
    }
    return "status_in_progress";
}

std::string_view status_label(Status s, Lang lang) noexcept { return phrase(status_key(s), lang); }

std::string_view not_assessable_code(NotAssessable n) noexcept {
    switch (n) {
        case NotAssessable::none: return "";
        case NotAssessable::marked: return "marked";
        case NotAssessable::unreadable_target: return "unreadable_target";
        case NotAssessable::no_actual: return "no_actual";
        case NotAssessable::no_baseline: return "no_baseline";
    }
    return "";
}

Status status_of(const Scoring& scoring, std::optional<double> score, bool pending, bool running) noexcept {
    constexpr double eps = 1e-9;
    if (!score) return Status::in_corso;
    const double p = *score * 100;
    const bool reached = p >= scoring.reached - eps;
    if (pending || running) {
        if (reached && !pending) return Status::raggiunto;
        return p >= scoring.on_track - eps ? Status::in_linea : Status::a_rischio;
    }
    return reached ? Status::raggiunto : Status::non_raggiunto;
}

bool says_not_assessable(std::string_view note) {
    static constexpr std::string_view words[] = {"non valutabil", "sterilizzat", "neutralizzat", "not assessable",
                                                 "neutralised", "neutralized"};
    const std::string folded = fold_key(clean(note));
    for (std::string_view w : words)
        if (folded.find(w) != std::string::npos) return true;
    return false;
}

std::optional<Date> parse_date(std::string_view text) {
    auto digits = [&](std::size_t at, std::size_t n, int& out) {
        if (at + n > text.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    Date d;
    bool ok = false;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-')
        ok = digits(0, 4, d.year) && digits(5, 2, d.month) && digits(8, 2, d.day);
    else if (text.size() == 10 && text[2] == '/' && text[5] == '/')
        ok = digits(0, 2, d.day) && digits(3, 2, d.month) && digits(6, 4, d.year);
    if (!ok || !valid(d)) return std::nullopt;
    return d;
}

}  // namespace pegkit
