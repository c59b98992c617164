// Hyphenation: where a word may be split at a line end.
// Turkish by the TDK syllable rules (our own code); English and Russian with libhyphen and
// Debian's hyphen-en-us / hyphen-ru patterns. Kazakh: none yet (no hyphenation, never wrong).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace briefmake::text {

// Byte offsets inside `word` (UTF-8, one word, no spaces) where a hyphen may be inserted:
// a break at offset k gives word[0,k) + "-" on one line and word[k,..) on the next.
// Honours left/right minimum 2 letters, never breaks after an apostrophe (Ankara'da) or
// inside a word that contains digits, '@' or "://" (addresses). Letters between other
// marks (Türkiye-Kazakistan) are hyphenated part by part. Returns empty for unknown languages.
std::vector<size_t> hyphenation_points(std::string_view word, std::string_view lang);

// False when the language has no hyphenation here (kk, unknown tags) or its pattern file
// (/usr/share/hyphen/hyph_en_US.dic, hyph_ru_RU.dic) could not be loaded: callers may warn.
bool hyphenation_available(std::string_view lang);

// "hy-phen-at-ed" form, for tests and the layout dump.
std::string hyphenated(std::string_view word, std::string_view lang, std::string_view mark = "-");

}  // namespace briefmake::text
