#pragma once
// Understanding an objective table's header (TARGETS.md §1, issue #8): what each column heading
// says, and which row of a sheet is the header. Headings are read by their words, not by one
// office's spelling: "Target 2024", "Struttura responsabile", "Peso %", "% di ragg.", "C.d.R.".
#include "sheet.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pegkit {

// What one heading says. `strength` ranks competing headings of one role: 3 the role's own name
// ("Target", "Indicatore"), 2 a usual synonym ("Settore", "Risultato atteso"), 1 a weak hint
// (a bare year, "Descrizione"), 0 nothing.
struct HeadingReading {
    std::optional<Column> role;
    int strength = 0;
    std::optional<int> year;          // "Target 2024", "Consuntivo 2022", "2025"
    std::optional<int> year_offset;   // "Target primo anno" = 0, "secondo anno" = 1, ...
    bool prose_target = false;        // "Risultato atteso": a target only when no target column exists
    std::optional<std::pair<int, int>> interim;  // interim target: {day, month} ("Target al 30/06" -> {30, 6})
    std::string word;                 // the word that decided ("target", "settore"), for explanations
};

HeadingReading read_heading(std::string_view heading);

struct HeaderReading {
    int row = -1;
    int score = 0;
    std::array<int, column_count> column;   // grid column per role, -1 when absent
    std::vector<YearColumn> other_years;
    std::vector<RoleChoice> choices;        // one per role taken, in column order
    std::optional<int> target_year;         // the year of the chosen target column, when it names one
    HeaderReading() { column.fill(-1); }
    int col(Column c) const noexcept { return column[static_cast<std::size_t>(c)]; }
    // a header needs a target (or deadline) column and an objective or indicator column
    bool usable() const noexcept;
};

// Reads row `row` of `raw` as a header. Headings are the raw cell texts (line breaks kept: a
// note under a heading is left out when the first line alone names a role); a heading that is
// a bare year or qualifier under a wider heading of the row above (a two-row header, "Target"
// merged over "2024 | 2025 | 2026") is read with it. `plan_year` picks among yearly targets.
HeaderReading read_header_row(const Grid& raw, int row, std::optional<int> plan_year);

// The best header among the first rows of the sheet, or row = -1 when no row is usable.
HeaderReading find_header(const Grid& raw, std::optional<int> plan_year, int max_rows = 60);

// A card (the performance portal's page of an objective): labels one under another in one column,
// each with its value to the right, a target among them ("Target primo anno | 85,00%").
struct CardReading {
    int col = -1;
    std::vector<std::string> labels;  // as written, in row order
    std::size_t target = 0;           // the first target label's index in `labels`
};
std::optional<CardReading> find_card(const Grid& raw, int max_rows = 60);
// "Missione, Programma, Titolo, …, Target primo anno": the labels a message names.
std::string card_labels(const CardReading& card);

// "Indicatore (C), Peso (F)": the roles a row names, for the message when no table is found.
std::string found_columns(const HeaderReading& h);

std::string column_letters(int col);  // 0 -> "A", 26 -> "AA"
std::optional<int> column_index(std::string_view letters);  // "AA" -> 26; nullopt when not letters

}  // namespace pegkit
