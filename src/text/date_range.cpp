#include "text/date_range.hpp"

#include <unicode/dtintrv.h>
#include <unicode/dtitvfmt.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <chrono>
#include <memory>

#include "core/diag.hpp"
#include "text/text.hpp"

namespace briefmake::text {

namespace {

// Days since 1970-01-01, proleptic Gregorian.
long long days_from_civil(int y, int m, int d) {
    using namespace std::chrono;
    return sys_days{year{y} / month{unsigned(m)} / day{unsigned(d)}}.time_since_epoch().count();
}

}  // namespace

std::string format_date_range(int y1, int m1, int d1, int y2, int m2, int d2, std::string_view lang) {
    // format_date checks the days are calendar days (and throws the same error if not).
    const std::string first = format_date(y1, m1, d1, lang);
    format_date(y2, m2, d2, lang);
    if (y1 == y2 && m1 == m2 && d1 == d2) return first;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale_tag(lang), status);
    if (U_FAILURE(status)) loc = icu::Locale::getRoot(), status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateIntervalFormat> f(icu::DateIntervalFormat::createInstance("yMMMMd", loc, status));
    if (U_FAILURE(status) || !f) throw core::Error({}, std::string("ICU: date interval format: ") + u_errorName(status));
    // Calendar days, not instants: UTC, so the process time zone never matters.
    f->setTimeZone(*icu::TimeZone::getGMT());
    const UDate a = static_cast<UDate>(days_from_civil(y1, m1, d1)) * U_MILLIS_PER_DAY;
    const UDate b = static_cast<UDate>(days_from_civil(y2, m2, d2)) * U_MILLIS_PER_DAY;
    icu::DateInterval interval(a, b);
    icu::UnicodeString out;
    icu::FieldPosition pos(icu::FieldPosition::DONT_CARE);
    f->format(&interval, out, pos, status);
    if (U_FAILURE(status)) throw core::Error({}, std::string("ICU: date interval format: ") + u_errorName(status));
    std::string s;
    out.toUTF8String(s);
    // U+202F (CLDR's narrow no-break space) and U+2009 (thin space around some dashes) become
    // U+00A0 and a space, as in format_date: fonts cover those.
    for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"\xE2\x80\xAF", "\xC2\xA0"},
                            std::pair<std::string_view, std::string_view>{"\xE2\x80\x89", " "}})
        for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

}  // namespace briefmake::text
