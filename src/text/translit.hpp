// Transliteration to ASCII, for file names that must survive any mail client or file system.
#pragma once
#include <string>
#include <string_view>

namespace briefmake::text {

// UTF-8 -> printable ASCII. Turkish letters map to their base letters (ş→s, ğ→g, ı→i, İ→I,
// ç→c, ö→o, ü→u), other scripts go through ICU's "Any-Latin; Latin-ASCII" with combining
// marks removed in between (Москва → Moskva, Қазақстан → Kazakstan); what is still not ASCII
// afterwards (and control characters) becomes '_'. Thread-safe.
std::string to_ascii(std::string_view utf8);

}  // namespace briefmake::text
