#pragma once
// A spreadsheet cell as the core sees it, and calendar dates.
// Front ends fill Cells from UNO or from text files; the core decides what they mean.
#include <optional>
#include <string>
#include <string_view>

namespace pegkit {

enum class CellType { empty, text, number, percent, date, boolean, error };

// `number` holds the value of number, percent (0.8 for 80 %), date (serial day
// counted from 1899-12-30, Calc's default null date: front ends convert from the
// document's null date) and boolean (1/0) cells. `text` is the cell's text as the user
// sees it (for typed cells it may be empty). `formula` is true when the cell holds a formula.
struct Cell {
    CellType type = CellType::empty;
    std::string text;
    double number = 0;
    bool formula = false;

    static Cell of_text(std::string t) { Cell c; c.type = t.empty() ? CellType::empty : CellType::text; c.text = std::move(t); return c; }
    static Cell of_number(double v) { Cell c; c.type = CellType::number; c.number = v; return c; }
    static Cell of_percent(double v) { Cell c; c.type = CellType::percent; c.number = v; return c; }
    static Cell of_date(double serial) { Cell c; c.type = CellType::date; c.number = serial; return c; }
    static Cell of_bool(bool b) { Cell c; c.type = CellType::boolean; c.number = b ? 1 : 0; return c; }
    bool empty() const noexcept { return type == CellType::empty; }
};

// A calendar date that may be impossible (31/02/2020): check with valid().
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(Date a, Date b) noexcept { return a.year == b.year && a.month == b.month && a.day == b.day; }
    friend bool operator!=(Date a, Date b) noexcept { return !(a == b); }
    friend bool operator<(Date a, Date b) noexcept {
        return a.year != b.year ? a.year < b.year : a.month != b.month ? a.month < b.month : a.day < b.day;
    }
};

bool valid(Date d) noexcept;                 // a real Gregorian date, years 1..9999
int last_day_of_month(int year, int month) noexcept;
long to_serial(Date d) noexcept;             // days since 1899-12-30; d must be valid
Date from_serial(long serial) noexcept;      // inverse of to_serial (serials 1..2958465)
std::string format_date(Date d);             // "31/12/2020"

}  // namespace pegkit
