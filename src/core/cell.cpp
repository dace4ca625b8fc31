#include "cell.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdio>

namespace pegkit {
namespace {
namespace greg = boost::gregorian;

// Calc's default null date; Excel's 1900 system agrees from 01/03/1900 on.
const greg::date null_date(1899, 12, 30);
}  // namespace

int last_day_of_month(int year, int month) noexcept {
    if (year < 1400 || year > 9999 || month < 1 || month > 12) return 0;
    return greg::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                      static_cast<unsigned short>(month));
}

bool valid(Date d) noexcept {
    // Boost.Date_Time covers 1400..9999; its constructor throws on bad days, so check first.
    return d.day >= 1 && d.day <= last_day_of_month(d.year, d.month);
}

long to_serial(Date d) noexcept {
    if (!valid(d)) return 0;
    greg::date g(static_cast<unsigned short>(d.year), static_cast<unsigned short>(d.month),
                 static_cast<unsigned short>(d.day));
    return static_cast<long>((g - null_date).days());
}

Date from_serial(long serial) noexcept {
    if (serial < -182000 || serial > 2958465) return {};
    greg::date g = null_date + greg::date_duration(serial);
    return {static_cast<int>(g.year()), static_cast<int>(g.month()), static_cast<int>(g.day())};
}

std::string format_date(Date d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    return buf;
}

}  // namespace pegkit
