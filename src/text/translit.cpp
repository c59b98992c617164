#include "text/translit.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <stdexcept>

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

// A Transliterator is costly to build and not documented as safe for concurrent use: one
// instance, used under a mutex (file names are short and few).
class Ascii {
public:
    std::string transliterate(const std::string& utf8) {
        std::lock_guard lock(mutex_);
        if (!translit_) {
            UErrorCode status = U_ZERO_ERROR;
            // Any-Latin writes some letters with marks Latin-ASCII keeps (Kazakh Қ -> K + U+02CC
            // MODIFIER LETTER LOW VERTICAL LINE): drop modifier letters and combining marks after it.
            translit_.reset(icu::Transliterator::createInstance(
                "Any-Latin; Latin-ASCII; [:Lm:] Remove; NFD; [:Mn:] Remove; NFC", UTRANS_FORWARD, status));
            if (U_FAILURE(status) || !translit_)
                throw std::runtime_error(std::string("ICU: cannot create the Any-Latin transliterator: ") +
                                         u_errorName(status));
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
