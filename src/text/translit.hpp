// Transliteration to ASCII, for file names that must survive any mail client or file system.
#pragma once
#include <string>
#include <string_view>

namespace briefmake::text {

// UTF-8 -> printable ASCII. Turkish letters map to their base letters (ş→s, ğ→g, ı→i, İ→I,
// ç→c, ö→o, ü→u), Kazakh's own letters too (ә→a, ғ→g, қ→q, ң→n, ө→o, ұ→u, ү→u, һ→h, і→i),
// Russian Cyrillic by BGN/PCGN (Жук → Zhuk, Щука → Shchuka, объект → obyekt), other scripts
// through ICU's Any-Latin; then Latin-ASCII with marks removed (Москва → Moskva, Қазақстан →
// Qazaqstan); what is still not ASCII afterwards (and control characters) becomes '_'.
// Thread-safe.
std::string to_ascii(std::string_view utf8);

}  // namespace briefmake::text
