#pragma once
// Where an objective stands at an as-of date (issue 10, docs/scoring.md): raggiunto, in linea,
// a rischio, non raggiunto, in corso, non valutabile. Codes are Italian in every UI language,
// as PEG.KIND's are; labels come in Italian and English.
#include "cell.hpp"
#include "diagnostic.hpp"
#include "profile.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace pegkit {

enum class Status { raggiunto, in_linea, a_rischio, non_raggiunto, in_corso, non_valutabile };
constexpr std::size_t status_count = 6;

std::string_view status_code(Status s) noexcept;             // "raggiunto", "in_linea", ...
std::string_view status_label(Status s, Lang lang) noexcept;  // "in linea" / "on track"
std::string_view status_key(Status s) noexcept;               // the label's catalogue key, "status_on_track"

// Why an objective is non valutabile.
enum class NotAssessable { none, marked, unreadable_target, no_actual, no_baseline };
std::string_view not_assessable_code(NotAssessable n) noexcept;  // "marked", "unreadable_target", ...

// A score (fraction, nullopt: none yet), whether some indicator still waits for its value, and
// whether the period runs at the as-of date. No score: in corso. While the period runs (or a value
// is pending): raggiunto at `reached` with nothing pending, in linea at `on_track`, else a rischio.
// Once it is over: raggiunto or non raggiunto.
Status status_of(const Scoring& scoring, std::optional<double> score, bool pending, bool running) noexcept;

// A note saying the objective cannot be assessed this year: "non valutabile", "sterilizzato",
// "neutralizzato" (any case, accents, inside a longer note; also "not assessable", "neutralised").
bool says_not_assessable(std::string_view note);

// "2026-06-30" (ISO, as --as-of takes it) or "30/06/2026"; nullopt when not a real date.
std::optional<Date> parse_date(std::string_view text);

}  // namespace pegkit
