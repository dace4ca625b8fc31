#pragma once
// Reading a PEG target (TARGETS.md §2-§4) into a value. Never throws on any input
// (only std::bad_alloc can escape); unreadable text is a Target of kind non_valido
// with an error Diagnostic saying why.
#include "cell.hpp"
#include "diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

// variazione: a change against a baseline, given by the sheet checks only (change.hpp)
enum class Kind { scadenza, soglia, termine_relativo, conformita, composto, vuoto, non_valido, variazione };
enum class Op { none, ge, gt, le, lt, eq };
enum class Unit { none, percent, giorni, ore, eur, anni, data };
enum class Direction { none, lower, higher };  // how a bare amount is read (rule dir=...)

std::string_view kind_name(Kind k) noexcept;   // "scadenza", "soglia", ...
std::string_view op_text(Op op) noexcept;      // ">=", ">", "<=", "<", "=", "" for none
std::string_view unit_name(Unit u) noexcept;   // "%", "giorni", "ore", "EUR", "anni", "data", ""

// One measurable part of a target.
struct Measure {
    Kind kind = Kind::soglia;      // soglia, scadenza or termine_relativo
    Op op = Op::none;
    double value = 0;              // fraction for %, serial (1899-12-30) for a deadline, days or hours for a relative term
    Unit unit = Unit::none;
    std::optional<Date> deadline;  // set for scadenza
    std::string noun;              // counted noun or other unit: "anomalie", "incontri", "MW"
    std::string qualifier;         // "lavorativi", "di calendario"
    bool bare = false;             // no operator was written: a direction rule may make it <=
    bool before = false;           // termine_relativo counted before an event ("7 giorni ... prima della scadenza")
    std::string event;             // termine_relativo: the event as written ("dalla richiesta da parte…", "prima della scadenza…")
};

struct Target {
    Kind kind = Kind::vuoto;
    std::vector<Measure> parts;    // one for soglia/scadenza/termine_relativo, two or more for composto, none for
                                   // conformita/vuoto; a non_valido target keeps what it read (a deadline outside the plan year)
    std::string text;              // the cleaned text (the wording kept for conformita)
    std::vector<Diagnostic> diagnostics;  // an error makes kind non_valido; warnings leave it readable

    bool readable() const noexcept { return kind != Kind::vuoto && kind != Kind::non_valido; }
    // 1-based, as the sheet functions' `part` argument; nullptr when there is no such part.
    const Measure* part(std::size_t n) const noexcept { return n >= 1 && n <= parts.size() ? &parts[n - 1] : nullptr; }
    const Diagnostic* first_error() const noexcept;
};

struct ReadOptions {
    std::optional<int> plan_year;     // gives year-less dates a year; deadlines outside it become non_valido
    Direction dir = Direction::none;  // lower: a bare amount is a ceiling (<=); higher: >=
    // The cell's number format is unknown (a sheet function receives a date cell as a plain number):
    // a whole number that is a day of 2000-2099 is read as that deadline, since PEG sheets type
    // deadlines as dates far more often than counts of 36,526 to 73,050.
    bool format_unknown = false;
};

Target read_target(std::string_view text, const ReadOptions& options = {});
// A typed cell: date -> scadenza, percent -> soglia >= %, number -> soglia >= count,
// text -> as read_target(text). Dates before 01/03/1900 are Excel artifacts.
Target read_target(const Cell& cell, const ReadOptions& options = {});

// One canonical Italian text per meaning (TARGETS.md §4): "≥ 80%", "≤ 5 giorni",
// "entro il 31/12/2020", "≥ 9.000.000 €", "= 0 anomalie". For non-readable targets, the cleaned text.
std::string normalize(const Target& target);
std::string normalize(std::string_view text);  // normalize(read_target(text))

// One year's value from a cell that holds several: "2020: 3; 2021: 5" with 2021 -> "5" (also
// "2020 = 3", "anno 2020: 3", pieces split by ';', '|' or line breaks). nullopt when no piece names the year.
std::optional<std::string> year_value(std::string_view text, int year);

// Direction a bare amount takes from its indicator ("Limite di spesa..." -> lower), and the word that decided it.
struct DirectionHint { Direction dir = Direction::none; std::string word; };
DirectionHint infer_direction(std::string_view indicator);

}  // namespace pegkit
