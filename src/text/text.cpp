// ICU wrappers: case mapping, CLDR dates and times, numbers, UAX #14 line breaks.
// ICU objects are built once per language and reused: number formatters are immutable and
// shared; date formats and break iterators keep state while working, so they are guarded by a
// mutex (dates) or kept per thread (break iterators, which are used far more often).
#include "text/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "core/diag.hpp"

namespace briefmake::text {

namespace {

struct Lang {
    std::string_view tag;     // as briefmake spells it
    std::string_view locale;  // full BCP 47 locale
};

// en means British usage (diplomatic correspondence); en-US is asked for explicitly.
constexpr Lang kLanguages[] = {
    {"tr", "tr-TR"}, {"tr-TR", "tr-TR"}, {"en", "en-GB"}, {"en-GB", "en-GB"},
    {"en-US", "en-US"}, {"ru", "ru-RU"}, {"ru-RU", "ru-RU"}, {"kk", "kk-KZ"},
    {"kk-KZ", "kk-KZ"},
};

// ASCII only: std::tolower follows the process locale (in tr_TR.ISO-8859-9, 'I' -> 'ı').
char tag_char(char c) {
    if (c == '_') return '-';
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (tag_char(a[i]) != tag_char(b[i])) return false;
    return true;
}

const Lang* find_language(std::string_view lang) {
    for (const Lang& l : kLanguages)
        if (iequal(l.tag, lang)) return &l;
    return nullptr;
}

// Unknown tags are passed to ICU as they are (with '_' as '-'); ICU falls back through its
// locale chain to root, which gives neutral but sensible output.
icu::Locale icu_locale(std::string_view lang) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale_tag(lang), status);
    return U_SUCCESS(status) ? loc : icu::Locale::getRoot();
}

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status))
        throw core::Error({}, std::string("ICU: ") + what + ": " + u_errorName(status));
}

std::string to_std(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// U+202F NARROW NO-BREAK SPACE (CLDR uses it for grouping in some locales and before AM/PM)
// becomes U+00A0: the brief contract promises U+00A0, and fonts cover it far more often.
std::string normalise_spaces(std::string s) {
    static constexpr std::string_view kNarrow = "\xE2\x80\xAF";
    static constexpr std::string_view kNbsp = "\xC2\xA0";
    for (size_t pos = s.find(kNarrow); pos != std::string::npos; pos = s.find(kNarrow, pos)) {
        s.replace(pos, kNarrow.size(), kNbsp);
        pos += kNbsp.size();
    }
    return s;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153LL * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool days_in_range(int year, int month, int day) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

// Date and time formats, one per (locale, kind). DateFormat::format mutates the format's
// calendar, so every use holds the mutex; dates are rare, contention is not a concern.
class DateFormats {
public:
    std::string format(std::string_view lang, bool time, UDate when) {
        std::lock_guard lock(mutex_);
        auto key = std::make_pair(locale_tag(lang), time);
        auto it = formats_.find(key);
        if (it == formats_.end()) it = formats_.emplace(key, create(lang, time)).first;
        icu::UnicodeString out;
        it->second->format(when, out);
        return normalise_spaces(to_std(out));
    }

private:
    static std::unique_ptr<icu::DateFormat> create(std::string_view lang, bool time) {
        icu::Locale loc = icu_locale(lang);
        std::unique_ptr<icu::DateFormat> f(
            time ? icu::DateFormat::createTimeInstance(icu::DateFormat::kShort, loc)
                 : icu::DateFormat::createDateInstance(icu::DateFormat::kLong, loc));
        if (!f) throw core::Error({}, "ICU: cannot create a date format for " + std::string(lang));
        // Dates are calendar days, not instants: format in UTC so the process time zone never matters.
        f->setTimeZone(*icu::TimeZone::getGMT());
        return f;
    }

    std::mutex mutex_;
    std::map<std::pair<std::string, bool>, std::unique_ptr<icu::DateFormat>> formats_;
};

DateFormats& date_formats() {
    static DateFormats formats;
    return formats;
}

// Number formatters are immutable and thread-safe once built; the map only grows.
class NumberFormats {
public:
    const icu::number::LocalizedNumberFormatter& get(std::string_view lang, int decimals) {
        std::lock_guard lock(mutex_);
        auto key = std::make_pair(locale_tag(lang), decimals);
        auto it = formats_.find(key);
        if (it == formats_.end()) {
            using namespace icu::number;
            auto precision = decimals < 0 ? Precision::minMaxFraction(0, 6) : Precision::fixedFraction(decimals);
            auto f = std::make_unique<LocalizedNumberFormatter>(
                NumberFormatter::withLocale(icu_locale(lang))
                    .precision(precision)
                    .roundingMode(UNUM_ROUND_HALFUP)
                    .sign(UNUM_SIGN_NEGATIVE)  // no "-0,00" for a small negative value
                    .grouping(UNUM_GROUPING_AUTO));
            it = formats_.emplace(key, std::move(f)).first;
        }
        return *it->second;
    }

private:
    std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::unique_ptr<icu::number::LocalizedNumberFormatter>> formats_;
};

NumberFormats& number_formats() {
    static NumberFormats formats;
    return formats;
}

// A line break iterator keeps its text and position: one per language per thread.
icu::BreakIterator& line_iterator(std::string_view lang) {
    thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> iterators;
    std::string key = locale_tag(lang);
    auto it = iterators.find(key);
    if (it == iterators.end()) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createLineInstance(icu_locale(lang), status));
        check(status, "line break iterator");
        it = iterators.emplace(std::move(key), std::move(bi)).first;
    }
    return *it->second;
}

std::string map_case(std::string_view utf8, std::string_view lang, bool upper) {
    std::string out;
    out.reserve(utf8.size() + utf8.size() / 8);
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    // Language-specific casing depends only on the language subtag (tr/az, lt, el, nl).
    std::string locale = locale_tag(lang);
    icu::StringPiece input(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (upper)
        icu::CaseMap::utf8ToUpper(locale.c_str(), 0, input, sink, nullptr, status);
    else
        icu::CaseMap::utf8ToLower(locale.c_str(), 0, input, sink, nullptr, status);
    check(status, "case mapping");
    return out;
}

}  // namespace

bool is_supported_language(std::string_view lang) { return find_language(lang) != nullptr; }

std::string locale_tag(std::string_view lang) {
    if (const Lang* l = find_language(lang)) return std::string(l->locale);
    std::string tag(lang);
    std::replace(tag.begin(), tag.end(), '_', '-');
    return tag;
}

std::string to_upper(std::string_view utf8, std::string_view lang) { return map_case(utf8, lang, true); }
std::string to_lower(std::string_view utf8, std::string_view lang) { return map_case(utf8, lang, false); }

// CLDR 42 (ICU 72) long date patterns give the contract's strings directly:
// tr "d MMMM y", en-GB "d MMMM y", en-US "MMMM d, y", ru "d MMMM y 'г'." (genitive month),
// kk "y 'ж'. d MMMM". In ru and kk CLDR joins the year to "г."/"ж." with U+00A0, which we
// keep: it prints like the contract's space but stops the abbreviation wrapping alone.
// The unit tests pin each string, so a CLDR change shows up there.
std::string format_date(int year, int month, int day, std::string_view lang) {
    if (!days_in_range(year, month, day))
        throw core::Error({}, "not a calendar date: " + std::to_string(year) + "-" +
                                    std::to_string(month) + "-" + std::to_string(day));
    const UDate when = static_cast<UDate>(days_from_civil(year, month, day)) * U_MILLIS_PER_DAY;
    return date_formats().format(lang, false, when);
}

// CLDR short time: "14:30" (tr, en-GB, ru, kk); "2:30 PM" in en-US (its U+202F made U+00A0).
std::string format_time(int hour, int minute, std::string_view lang) {
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        throw core::Error({}, "not a time of day: " + std::to_string(hour) + ":" + std::to_string(minute));
    const UDate when = (hour * 60.0 + minute) * U_MILLIS_PER_MINUTE;
    return date_formats().format(lang, true, when);
}

std::string format_number(double value, int decimals, std::string_view lang) {
    if (decimals > 15) decimals = 15;  // beyond a double's precision
    UErrorCode status = U_ZERO_ERROR;
    auto formatted = number_formats().get(lang, decimals).formatDouble(value, status);
    check(status, "number format");
    std::string out = to_std(formatted.toString(status));
    check(status, "number format");
    return normalise_spaces(std::move(out));
}

std::string format_percent(double percent, int decimals, std::string_view lang) {
    std::string num = format_number(percent, decimals, lang);
    if (lang.substr(0, 2) == "tr") return "%" + num;
    if (lang.substr(0, 2) == "en") return num + "%";
    return num + "\u00A0%";
}

int fraction_digits(double value, int max_digits) {
    if (!std::isfinite(value)) return 0;
    int k = 0;
    for (double scale = 1; k < max_digits; ++k, scale *= 10) {
        double scaled = value * scale;
        if (std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::fabs(scaled))) break;
    }
    return k;
}

std::vector<BreakOpportunity> line_breaks(std::string_view utf8, std::string_view lang) {
    std::vector<BreakOpportunity> out;
    if (utf8.empty()) return out;
    UErrorCode status = U_ZERO_ERROR;
    // A UTF-8 UText makes the iterator report native (byte) offsets.
    UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    check(status, "utext_openUTF8");
    std::unique_ptr<UText, decltype(&utext_close)> guard(ut, &utext_close);
    icu::BreakIterator& bi = line_iterator(lang);
    bi.setText(ut, status);
    check(status, "line break iterator");
    for (int32_t pos = bi.following(0); pos != icu::BreakIterator::DONE; pos = bi.next()) {
        const int32_t status_tag = bi.getRuleStatus();
        out.push_back({static_cast<size_t>(pos), status_tag >= UBRK_LINE_HARD && status_tag < UBRK_LINE_HARD_LIMIT});
    }
    // Leave the thread's iterator on a text that outlives it, not on the caller's bytes.
    static const icu::UnicodeString kEmpty;
    bi.setText(kEmpty);
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t cp : s) append_utf8(out, cp);
    return out;
}

}  // namespace briefmake::text
