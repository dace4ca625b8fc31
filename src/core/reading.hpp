#pragma once
// Internal to the core: the tokenizer that target.cpp and normalize.cpp share, and Italian
// number formatting. Tokens point into the folded text they were cut from.
#include "target.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pegkit::reading {

enum class Tok { word, number, date, op, symbol };

struct Token {
    Tok type = Tok::symbol;
    std::string_view text;       // folded text of the token
    std::size_t begin = 0, end = 0;
    // numbers
    double value = 0;
    bool integer = false;        // no decimals
    bool plain = false;          // digits only, no separator: "2020"
    int digits = 0;              // digits of a plain number
    bool ambiguous = false;      // "2,500": read as 2.5
    bool ordinal = false;        // "3°"
    bool too_big = false;        // 15 or more integer digits: no PEG quantity
    // dates (year 0: no year written)
    int year = 0, month = 0, day = 0;
    // operators
    Op op = Op::none;
};

// Cuts folded (lower-case, cleaned) text into tokens; `out` is cleared first.
void tokenize(std::string_view folded, std::vector<Token>& out);

// Italian digits: 9000000 -> "9.000.000", 37.41 -> "37,41"; rounded to `decimals` places.
std::string format_number(double v, int decimals);

}  // namespace pegkit::reading
