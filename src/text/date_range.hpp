// Date ranges as CLDR writes them, through ICU's DateIntervalFormat: 12–13 Mart 2026,
// 30 Mart – 2 Nisan 2026, 12–13 March 2026, 12–13 марта 2026 г.
#pragma once
#include <string>
#include <string_view>

namespace briefmake::text {

// The long-date interval (skeleton yMMMMd, the form of format_date) from the first day to the
// last, in the language; a single date when they are the same day.
std::string format_date_range(int y1, int m1, int d1, int y2, int m2, int d2, std::string_view lang);

}  // namespace briefmake::text
