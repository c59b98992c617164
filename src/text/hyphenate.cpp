// Hyphenation. Turkish: TDK syllable rules, no patterns needed (Turkish syllables are regular).
// English and Russian: libhyphen with Debian's TeX-derived patterns, each loaded once per process.
#include "text/hyphenate.hpp"

#include <hyphen.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/utf8.hpp"
#include "text/text.hpp"

namespace briefmake::text {

namespace {

constexpr size_t kLeftMin = 2;   // letters before a break
constexpr size_t kRightMin = 2;  // letters after a break

// One letter of a word: a base code point and any combining marks after it.
struct Letter {
    size_t begin;  // byte offsets in the word
    size_t end;
    char32_t base;
};

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC'; }

// Splits `word` into runs of letters. Anything else (hyphen, slash, dot) separates runs, and
// nothing after an apostrophe is returned: Ankara'da breaks only inside "Ankara".
// Returns nullopt when the word holds a digit (numbers, codes like "OSPG-8" never break).
std::optional<std::vector<std::vector<Letter>>> letter_runs(std::string_view word) {
    std::vector<std::vector<Letter>> runs(1);
    bool after_apostrophe = false;
    for (size_t i = 0; i < word.size();) {
        const size_t start = i;
        const auto c = static_cast<UChar32>(core::next_code_point(word, i));
        if (u_isdigit(c)) return std::nullopt;
        if (after_apostrophe) continue;
        const bool mark = (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
        if (mark && !runs.back().empty()) {
            runs.back().back().end = i;
        } else if (u_isalpha(c)) {
            runs.back().push_back({start, i, static_cast<char32_t>(c)});
        } else {
            if (is_apostrophe(c)) after_apostrophe = true;
            if (!runs.back().empty()) runs.emplace_back();
        }
    }
    if (runs.back().empty()) runs.pop_back();
    return runs;
}

// ---- Turkish -------------------------------------------------------------------------------

bool is_turkish_vowel_letter(char32_t c) {
    switch (c) {
        case U'a': case U'e': case U'ı': case U'i': case U'o': case U'ö': case U'u': case U'ü':
        case U'â': case U'î': case U'û':
        case U'A': case U'E': case U'I': case U'İ': case U'O': case U'Ö': case U'U': case U'Ü':
        case U'Â': case U'Î': case U'Û':
            return true;
        default:
            return false;
    }
}

// Foreign names in Turkish text (José, Noël) have vowels outside the Turkish alphabet: a
// letter counts as a vowel when its base letter (first of its canonical decomposition) does.
bool is_turkish_vowel(char32_t c) {
    if (is_turkish_vowel_letter(c)) return true;
    if (c < 0xC0) return false;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposition;
    if (U_FAILURE(status) || !nfd->getDecomposition(static_cast<UChar32>(c), decomposition)) return false;
    return is_turkish_vowel_letter(static_cast<char32_t>(decomposition.char32At(0)));
}

// Indexes k (break before run[k]) where a Turkish syllable starts. Every syllable has one
// vowel. Between two vowels, a single consonant starts the next syllable (ka-pı), and of a
// cluster only the last consonant moves (ant-laş-ma, Türk-çe, kork-mak); two adjacent vowels
// part (in-şa-at). Consonants before the first vowel stay with it, so loan words keep their
// initial cluster (Plan-la-ma, Gru-bu, Stra-te-jik).
std::vector<size_t> turkish_syllable_starts(const std::vector<Letter>& run) {
    std::vector<size_t> starts;
    std::optional<size_t> previous_vowel;
    for (size_t k = 0; k < run.size(); ++k) {
        if (!is_turkish_vowel(run[k].base)) continue;
        if (previous_vowel) {
            const size_t consonants = k - *previous_vowel - 1;
            starts.push_back(consonants == 0 ? k : k - 1);
        }
        previous_vowel = k;
    }
    return starts;
}

// ---- libhyphen (English, Russian) ----------------------------------------------------------

enum class Encoding { Utf8, Koi8r };

struct DictDeleter {
    void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};

struct Dictionary {
    std::unique_ptr<HyphenDict, DictDeleter> dict;
    Encoding encoding = Encoding::Utf8;
};

constexpr const char* kHyphenDir = "/usr/share/hyphen/";

// The letters a pattern line matches ("уш1ла" -> "ушла"), or "" for a line that is not a
// pattern (the encoding line, a comment, a keyword such as LEFTHYPHENMIN or NEXTLEVEL).
std::string pattern_letters(std::string_view line) {
    const size_t end = line.find_first_of(" \t\r/");
    line = line.substr(0, end);
    if (line.empty() || line[0] == '%' || (line[0] >= 'A' && line[0] <= 'Z')) return {};
    std::string letters;
    for (char c : line)
        if (c < '0' || c > '9') letters.push_back(c);
    return letters;
}

// The dictionary file without the pattern lines a later line for the same letters overrides.
// libhyphen keeps the last of two such lines and loses the first one's string (hyph_ru_RU.dic
// has both "уш1ла" and "ушла"), a leak LeakSanitizer reports; without the overridden lines it
// builds the same automaton. Each NEXTLEVEL section is a dictionary of its own.
std::string without_overridden_patterns(const std::string& text) {
    std::vector<std::string_view> lines;
    for (size_t at = 0; at < text.size();) {
        const size_t nl = text.find('\n', at);
        const size_t next = nl == std::string::npos ? text.size() : nl + 1;
        lines.emplace_back(text.data() + at, next - at);
        at = next;
    }
    std::vector<bool> keep(lines.size(), true);
    std::unordered_set<std::string> later;  // letters of the lines after this one, in its section
    for (size_t i = lines.size(); i-- > 1;) {  // line 0 names the encoding
        if (lines[i].starts_with("NEXTLEVEL")) {
            later.clear();
            continue;
        }
        std::string letters = pattern_letters(lines[i]);
        if (!letters.empty() && !later.insert(std::move(letters)).second) keep[i] = false;
    }
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < lines.size(); ++i)
        if (keep[i]) out.append(lines[i]);
    return out;
}

// libhyphen reads the encoding from the file's first line (UTF-8 for hyph_en_US, KOI8-R for
// hyph_ru_RU); we mirror it to encode words the same way.
Dictionary load_dictionary(const char* file) {
    Dictionary d;
    std::ifstream in(std::string(kHyphenDir) + file, std::ios::binary);
    if (!in) return d;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return d;
    text = without_overridden_patterns(text);
    std::unique_ptr<FILE, int (*)(FILE*)> stream(fmemopen(text.data(), text.size(), "r"), &std::fclose);
    if (!stream) return d;
    d.dict.reset(hnj_hyphen_load_file(stream.get()));
    if (d.dict) d.encoding = d.dict->utf8 ? Encoding::Utf8 : Encoding::Koi8r;
    return d;
}

// Loaded on first use, once per process (static initialisation is thread-safe); hyphenating
// only reads the dictionary, so threads share it.
const Dictionary* dictionary_for(std::string_view lang) {
    const std::string tag = locale_tag(lang);
    if (tag == "en-GB" || tag == "en-US") {
        static const Dictionary en = load_dictionary("hyph_en_US.dic");
        return en.dict ? &en : nullptr;
    }
    if (tag == "ru-RU") {
        static const Dictionary ru = load_dictionary("hyph_ru_RU.dic");
        return ru.dict ? &ru : nullptr;
    }
    return nullptr;
}

// KOI8-R byte for a lower-case Cyrillic letter (the patterns are lower case), or 0.
unsigned char koi8r_lower(char32_t c) {
    // KOI8-R 0xC0..0xDF hold the lower-case letters in this (non-alphabetical) order.
    static constexpr char32_t kTable[] = U"юабцдефгхийклмнопярстужвьызшэщчъ";
    if (c == U'ё') return 0xA3;
    for (unsigned i = 0; i < 32; ++i)
        if (kTable[i] == c) return static_cast<unsigned char>(0xC0 + i);
    return 0;
}

// Indexes k (break before run[k]) that the patterns allow.
std::vector<size_t> pattern_breaks(const Dictionary& d, const std::vector<Letter>& run, std::string_view word) {
    // One encoded unit per code point; remember which letter each code point belongs to and
    // whether a break may follow it (not inside a letter with combining marks).
    std::string encoded;
    std::vector<size_t> letter_of;  // code point index -> letter index
    std::vector<bool> letter_ends;  // code point index -> last code point of its letter
    for (size_t k = 0; k < run.size(); ++k) {
        std::u32string cps = to_u32(word.substr(run[k].begin, run[k].end - run[k].begin));
        for (size_t j = 0; j < cps.size(); ++j) {
            const char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cps[j])));
            if (d.encoding == Encoding::Utf8) {
                append_utf8(encoded, lower);
            } else {
                const unsigned char b = koi8r_lower(lower);
                if (b == 0) return {};  // not Russian letters: the patterns cannot judge it
                encoded.push_back(static_cast<char>(b));
            }
            letter_of.push_back(k);
            letter_ends.push_back(j + 1 == cps.size());
        }
    }
    const int n = static_cast<int>(encoded.size());
    std::vector<char> hyphens(encoded.size() + 5, '\0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed =
        hnj_hyphen_hyphenate2(d.dict.get(), encoded.c_str(), n, hyphens.data(), nullptr, &rep, &pos, &cut);
    // For UTF-8 dictionaries libhyphen indexes `hyphens` by code point, for 8-bit ones by byte;
    // both are our code point index. hyphens[i] odd: a break after code point i.
    std::vector<size_t> breaks;
    if (!failed) {
        for (size_t i = 0; i + 1 < letter_of.size(); ++i) {
            const bool nonstandard = rep && rep[i];  // e.g. "ck" -> "k-k": not for these patterns
            if ((hyphens[i] & 1) && letter_ends[i] && !nonstandard) breaks.push_back(letter_of[i] + 1);
        }
    }
    if (rep) {
        for (int i = 0; i < n; ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return breaks;
}

}  // namespace

bool hyphenation_available(std::string_view lang) {
    const std::string tag = locale_tag(lang);
    if (tag == "tr-TR") return true;
    return dictionary_for(lang) != nullptr;
}

std::vector<size_t> hyphenation_points(std::string_view word, std::string_view lang) {
    std::vector<size_t> points;
    const bool turkish = locale_tag(lang) == "tr-TR";
    const Dictionary* dict = turkish ? nullptr : dictionary_for(lang);
    if (!turkish && !dict) return points;  // Kazakh and unknown languages: never wrong
    // A hyphen inserted into an address would change it.
    if (word.find('@') != std::string_view::npos || word.find("://") != std::string_view::npos) return points;
    const auto runs = letter_runs(word);
    if (!runs) return points;
    for (const std::vector<Letter>& run : *runs) {
        if (run.size() < kLeftMin + kRightMin) continue;
        const std::vector<size_t> starts = turkish ? turkish_syllable_starts(run) : pattern_breaks(*dict, run, word);
        for (size_t k : starts)
            if (k >= kLeftMin && run.size() - k >= kRightMin) points.push_back(run[k].begin);
    }
    return points;
}

std::string hyphenated(std::string_view word, std::string_view lang, std::string_view mark) {
    std::string out;
    size_t from = 0;
    for (size_t at : hyphenation_points(word, lang)) {
        out.append(word.substr(from, at - from));
        out.append(mark);
        from = at;
    }
    out.append(word.substr(from));
    return out;
}

}  // namespace briefmake::text
