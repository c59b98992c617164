// Hyphenation: Turkish syllable rules against the TeX oracle, English and Russian patterns.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "text/hyphenate.hpp"

using namespace briefmake::text;

namespace {

// Oracle lines (TeX hyph-tr, left/right min 2) that break the TDK rules; we follow TDK.
// Each entry: word -> our (TDK) form. Any other line must match the oracle exactly.
const std::map<std::string, std::string> kOracleExceptions = {
    // One consonant between vowels starts the next syllable: a-tı-la-bi-le-cek, so "le-cek"
    // is a break. The oracle itself has it in de-ğer-len-di-ri-le-cek-tir.
    {"atılabilecek", "atı-la-bi-le-cek"},
    {"değerlendirilecek", "de-ğer-len-di-ri-le-cek"},
    {"yürütülebilecek", "yü-rü-tü-le-bi-le-cek"},
    // Syllables fa-a-li-yet: one consonant (l) between vowels goes with the next vowel, so
    // "faa-liyet" is a break as much as "fa-aliyet" (the oracle keeps only the latter).
    {"faaliyet", "fa-a-li-yet"},
    // Every syllable has exactly one vowel: "St-" has none. A loan word keeps its initial
    // cluster with the first vowel (TDK: stra-te-ji), as the oracle does in Plan-la-ma, Gru-bu.
    {"Stratejik", "Stra-te-jik"},
};

std::string hy(std::string_view word, std::string_view lang = "tr") { return hyphenated(word, lang); }

}  // namespace

TEST_CASE("Turkish: every oracle line, with the listed TDK exceptions") {
    std::ifstream in(BRIEFMAKE_TEST_DATA "/data/text/tr-hyphenation-oracle.tsv");
    REQUIRE(in);
    std::string line;
    int lines = 0;
    std::set<std::string> exceptions_seen;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const std::string word = line.substr(0, tab), oracle = line.substr(tab + 1);
        ++lines;
        CAPTURE(word);
        if (auto it = kOracleExceptions.find(word); it != kOracleExceptions.end()) {
            exceptions_seen.insert(word);
            CHECK(oracle != it->second);  // a stale exception would hide a regression
            CHECK(hy(word) == it->second);
        } else {
            CHECK(hy(word) == oracle);
        }
    }
    CHECK(lines == 233);
    CHECK(exceptions_seen.size() == kOracleExceptions.size());
}

TEST_CASE("Turkish: TDK syllable rules") {
    CHECK(hy("kapı") == "ka-pı");              // one consonant goes with the next vowel
    CHECK(hy("antlaşma") == "ant-laş-ma");     // of a cluster, only the last consonant moves
    CHECK(hy("Türkçe") == "Türk-çe");
    CHECK(hy("korkmak") == "kork-mak");
    CHECK(hy("kontrol") == "kont-rol");
    CHECK(hy("inşaat") == "in-şa-at");         // adjacent vowels part
    CHECK(hy("adalet") == "ada-let");          // no single letter left at the start
    CHECK(hy("sanayii") == "sa-na-yii");       // ... or at the end
    CHECK(hy("ada") == "ada");
    CHECK(hy("ev") == "ev");
    CHECK(hy("") == "");
    CHECK(hy("trafik") == "tra-fik");          // initial loan cluster stays together
    CHECK(hy("plan") == "plan");
    CHECK(hy("Mustafa") == "Mus-ta-fa");
}

TEST_CASE("Turkish: upper case, dotted capitals and circumflex vowels") {
    CHECK(hy("ANKARA") == "AN-KA-RA");
    CHECK(hy("İSTİŞARE") == "İS-Tİ-ŞA-RE");
    CHECK(hy("IŞIKLI") == "IŞIK-LI");
    CHECK(hy("İşbirliği") == "İş-bir-li-ği");
    CHECK(hy("kâğıt") == "kâ-ğıt");
    CHECK(hy("hâlâ") == "hâ-lâ");
    CHECK(hy("iktisadî") == "ik-ti-sa-dî");
    CHECK(hy("ÛMİT") == "ÛMİT");
    CHECK(hy("José") == "Jo-sé");              // foreign vowels count as vowels
    CHECK(hy("Noëlle") == "No-ël-le");
    // Decomposed circumflex (a + U+0302) is one letter and still a vowel.
    CHECK(hy("ka\xCC\x82g\xCC\x86it") == "ka\xCC\x82-g\xCC\x86it");
}

TEST_CASE("Turkish: apostrophes, digits, hyphens") {
    CHECK(hy("Ankara'da") == "An-ka-ra'da");
    CHECK(hy("Ankara’da") == "An-ka-ra’da");
    CHECK(hy("ANKARA'DA") == "AN-KA-RA'DA");
    CHECK(hy("Türk’e") == "Türk’e");
    CHECK(hy("Kazakistan'ın") == "Ka-za-kis-tan'ın");
    CHECK(hy("2026'da") == "2026'da");
    CHECK(hy("OSPG-8") == "OSPG-8");
    CHECK(hy("G20ülkeleri") == "G20ülkeleri");
    // Parts of a hyphenated compound are hyphenated on their own (min 2 in each part).
    CHECK(hy("Türkiye-Kazakistan") == "Tür-ki-ye-Ka-za-kis-tan");
    CHECK(hy("e-posta") == "e-pos-ta");
    CHECK(hy("bilgi@disisleri.gov.tr") == "bilgi@disisleri.gov.tr");  // addresses never
    CHECK(hy("https://mfa.gov.tr/kazakistan") == "https://mfa.gov.tr/kazakistan");
}

TEST_CASE("offsets are bytes into the UTF-8 word") {
    CHECK(hyphenation_points("kâğıt", "tr") == std::vector<size_t>{3});           // k â | ğ ı t
    CHECK(hyphenation_points("İşbirliği", "tr") == std::vector<size_t>{4, 7, 9});  // İş(4) bir(3) li(2) ği
    CHECK(hyphenation_points("ka", "tr").empty());
}

TEST_CASE("English: libhyphen with the en-US patterns, min 2 letters each side") {
    REQUIRE(hyphenation_available("en"));
    CHECK(hy("hyphenation", "en") == "hy-phen-ation");
    CHECK(hy("hyphenation", "en-US") == "hy-phen-ation");
    CHECK(hy("hyphenation", "en-GB") == "hy-phen-ation");
    CHECK(hy("cooperation", "en") == "co-op-er-a-tion");
    CHECK(hy("agreement", "en") == "agree-ment");
    CHECK(hy("briefing", "en") == "brief-ing");
    CHECK(hy("Ministries", "en") == "Min-istries");
    CHECK(hy("MINISTRY", "en") == "MIN-ISTRY");      // upper case is lowered for the patterns
    CHECK(hy("minister's", "en") == "min-is-ter's");
    CHECK(hy("well-being", "en") == "well-be-ing");
    CHECK(hy("G20", "en") == "G20");
    CHECK(hy("walked", "en") == "walked");
}

TEST_CASE("Russian: libhyphen with the KOI8-R patterns") {
    REQUIRE(hyphenation_available("ru"));
    CHECK(hy("сотрудничество", "ru") == "сотруд-ни-че-ство");
    CHECK(hy("СОТРУДНИЧЕСТВО", "ru") == "СОТРУД-НИ-ЧЕ-СТВО");
    CHECK(hy("Казахстан", "ru") == "Казах-стан");
    CHECK(hy("встреча", "ru") == "встре-ча");
    CHECK(hy("ёлка", "ru") == "ёл-ка");              // ё is outside KOI8-R's main block
    CHECK(hy("Турции-Казахстан", "ru") == "Турции-Казах-стан");
    CHECK(hyphenation_points("встреча", "ru") == std::vector<size_t>{10});  // 5 letters x 2 bytes
    CHECK(hy("Stratejik", "ru") == "Stratejik");    // not Cyrillic: the patterns cannot judge
}

TEST_CASE("Kazakh and unknown languages: no points") {
    CHECK_FALSE(hyphenation_available("kk"));
    CHECK(hyphenation_points("ынтымақтастық", "kk").empty());
    CHECK(hyphenation_points("Kindergarten", "de").empty());
    CHECK(hyphenation_available("tr"));
}

TEST_CASE("dictionaries load once and are shared by threads") {
    std::vector<std::thread> threads;
    std::vector<int> failures(8, 0);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([t, &failures] {
            for (int i = 0; i < 100; ++i) {
                if (hyphenated("cooperation", "en") != "co-op-er-a-tion") ++failures[t];
                if (hyphenated("сотрудничество", "ru") != "сотруд-ни-че-ство") ++failures[t];
                if (hyphenated("anlaşması", "tr") != "an-laş-ma-sı") ++failures[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int f : failures) CHECK(f == 0);
}
