#include "text/translit.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "core/diag.hpp"
#include "text/text.hpp"

namespace briefmake::text {

namespace {

// Explicit so Turkish never depends on the ICU data version (Latin-ASCII agrees today).
char turkish_base(char32_t c) {
    switch (c) {
        case U'ş': return 's';
        case U'Ş': return 'S';
        case U'ğ': return 'g';
        case U'Ğ': return 'G';
        case U'ı': return 'i';
        case U'İ': return 'I';
        case U'ç': return 'c';
        case U'Ç': return 'C';
        case U'ö': return 'o';
        case U'Ö': return 'O';
        case U'ü': return 'u';
        case U'Ü': return 'U';
        default: return 0;
    }
}

// Kazakh's own letters as their base letters in Kazakh's Latin alphabet (ә→a, қ→q, ң→n, ұ→u,
// ...); Russian and the Cyrillic Kazakh shares with it by BGN/PCGN (Ж→Zh, Щ→Shch, Х→Kh, ъ and ь
// leave a modifier letter, dropped below; BGN's "·" between letters that would read as one
// sound, as in Брат·ск, goes too); any other script by Any-Latin; then Latin-ASCII, and the
// modifier letters and combining marks Any-Latin writes are removed (Any-Latin alone gives Ž for
// Ж and drops Kazakh letters to K + U+02CC or leaves them Cyrillic).
constexpr const char* kRules = R"(
ә > a; Ә > A; ғ > g; Ғ > G; қ > q; Қ > Q; ң > n; Ң > N; ө > o; Ө > O;
ұ > u; Ұ > U; ү > u; Ү > U; һ > h; Һ > H; і > i; І > I;
:: Russian-Latin/BGN;
[:L:] { '·' } [:L:] > ;
:: Any-Latin;
:: [:Lm:] Remove;
:: Latin-ASCII;
:: NFD;
:: [:Mn:] Remove;
:: NFC;
)";

// A Transliterator is costly to build and not documented as safe for concurrent use: one
// instance, used under a mutex (file names are short and few).
class Ascii {
public:
    std::string transliterate(const std::string& utf8) {
        std::lock_guard lock(mutex_);
        if (!translit_) {
            UErrorCode status = U_ZERO_ERROR;
            UParseError where;
            translit_.reset(icu::Transliterator::createFromRules("briefmake-ASCII", icu::UnicodeString::fromUTF8(kRules),
                                                                 UTRANS_FORWARD, where, status));
            if (U_FAILURE(status) || !translit_)
                throw core::Error({}, std::string("ICU: cannot create the ASCII transliterator: ") +
                                         u_errorName(status) + " (rules line " + std::to_string(where.line) + ")");
        }
        icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
        translit_->transliterate(s);
        std::string out;
        s.toUTF8String(out);
        return out;
    }

private:
    std::mutex mutex_;
    std::unique_ptr<icu::Transliterator> translit_;
};

Ascii& ascii() {
    static Ascii instance;
    return instance;
}

}  // namespace

std::string to_ascii(std::string_view utf8) {
    std::string pre;
    bool rest_ascii = true;
    for (char32_t c : to_u32(utf8)) {
        if (char b = turkish_base(c)) pre += b;
        else {
            if (c >= 0x80) rest_ascii = false;
            append_utf8(pre, c);
        }
    }
    std::string done = rest_ascii ? pre : ascii().transliterate(pre);
    std::string out;
    for (char32_t c : to_u32(done)) out += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '_';
    return out;
}

}  // namespace briefmake::text
