// Tests for the mail pieces of the .eml: base64, quoted-printable, RFC 2047 headers, RFC 2231
// file names, addresses and dates.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "batch/mime.hpp"
#include "core/diag.hpp"

using namespace briefmake::batch;

namespace {

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    size_t pos = 0;
    for (;;) {
        size_t e = s.find("\r\n", pos);
        out.push_back(s.substr(pos, e == std::string::npos ? std::string::npos : e - pos));
        if (e == std::string::npos) return out;
        pos = e + 2;
    }
}

std::string unbase64(const std::string& s) {
    static const std::string a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned v = 0;
    int bits = 0;
    for (char c : s) {
        size_t k = a.find(c);
        if (k == std::string::npos) continue;  // '=', CR, LF
        v = (v << 6) | unsigned(k);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((v >> bits) & 0xFF);
        }
    }
    return out;
}

// A header on one line (RFC 5322 §2.2.3: CRLF before white space goes).
std::string unfold(const std::string& header) {
    std::string out;
    for (const auto& l : lines(header)) out += l;
    return out;
}

// The encoded words of a header, decoded, in order.
std::vector<std::string> encoded_texts(const std::string& header) {
    std::vector<std::string> out;
    std::string h = unfold(header);
    for (size_t p = 0; (p = h.find("=?UTF-8?B?", p)) != std::string::npos;) {
        size_t e = h.find("?=", p + 10);
        out.push_back(unbase64(h.substr(p + 10, e - p - 10)));
        p = e + 2;
    }
    return out;
}

// Decodes a header value made of B encoded words (and plain words), as a mail reader would:
// white space between two encoded words is dropped.
std::string decode_words(const std::string& header_value) {
    std::string unfolded;
    for (const auto& l : lines(header_value)) unfolded += l;
    std::string out;
    size_t i = 0;
    bool last_encoded = false;
    while (i < unfolded.size()) {
        size_t sp = unfolded.find_first_not_of(' ', i);
        if (sp == std::string::npos) break;
        std::string gap = unfolded.substr(i, sp - i);
        size_t end = unfolded.find(' ', sp);
        std::string word = unfolded.substr(sp, end == std::string::npos ? std::string::npos : end - sp);
        bool encoded = word.rfind("=?UTF-8?B?", 0) == 0 && word.size() >= 12 && word.substr(word.size() - 2) == "?=";
        if (!(encoded && last_encoded)) out += gap;
        out += encoded ? unbase64(word.substr(10, word.size() - 12)) : word;
        last_encoded = encoded;
        i = end == std::string::npos ? unfolded.size() : end;
    }
    return out;
}

void check_folded(const std::string& header) {
    for (const auto& l : lines(header)) {
        CHECK(l.size() <= 78);
        size_t p = 0;
        while ((p = l.find("=?", p)) != std::string::npos) {
            size_t e = l.find("?=", p + 10);
            REQUIRE(e != std::string::npos);
            CHECK(e + 2 - p <= 75);  // RFC 2047 §2
            p = e + 2;
        }
    }
}

}  // namespace

TEST_CASE("base64: RFC 4648 test vectors and 76-character lines") {
    CHECK(mime::base64("") == "");
    CHECK(mime::base64("f") == "Zg==");
    CHECK(mime::base64("fo") == "Zm8=");
    CHECK(mime::base64("foo") == "Zm9v");
    CHECK(mime::base64("foob") == "Zm9vYg==");
    CHECK(mime::base64("fooba") == "Zm9vYmE=");
    CHECK(mime::base64("foobar") == "Zm9vYmFy");
    CHECK(mime::base64(std::string("\xFF\xFE\x00", 3)) == "//4A");
    std::string bytes;
    for (int i = 0; i < 1000; ++i) bytes += char(i * 7);
    std::string b = mime::base64(bytes, 76);
    auto ls = lines(b);
    for (size_t i = 0; i + 1 < ls.size(); ++i) CHECK(ls[i].size() == 76);
    CHECK(ls.back().size() <= 76);
    CHECK(unbase64(b) == bytes);
}

TEST_CASE("quoted-printable: escapes, soft breaks, trailing white space, leading dot") {
    CHECK(mime::quoted_printable("a=b\n") == "a=3Db\r\n");
    CHECK(mime::quoted_printable("ş\n") == "=C5=9F\r\n");
    CHECK(mime::quoted_printable("end \nx\t\n") == "end=20\r\nx=09\r\n");
    CHECK(mime::quoted_printable(".\n") == "=2E\r\n");
    CHECK(mime::quoted_printable("From here\n") == "=46rom here\r\n");
    CHECK(mime::quoted_printable("no final newline") == "no final newline\r\n");
    std::string long_line(200, 'x');
    long_line += "ğ";
    std::string qp = mime::quoted_printable(long_line + "\n");
    std::string decoded;
    for (const auto& l : lines(qp)) {
        CHECK(l.size() <= 76);
        decoded += (!l.empty() && l.back() == '=') ? l.substr(0, l.size() - 1) : l;
    }
    CHECK(decoded == std::string(200, 'x') + "=C4=9F");
}

TEST_CASE("RFC 2047: a Turkish subject as folded UTF-8 encoded words") {
    std::string subject = "Türkiye-Kazakistan OSPG 8. Toplantısı (2 Şubat 2026, Ankara) hk. Bilgi Notu — İş birliği, ğüşıöç";
    std::string h = mime::unstructured_header("Subject", subject);
    CHECK(h.rfind("Subject: =?UTF-8?B?", 0) == 0);
    check_folded(h);
    CHECK(lines(h).size() > 1);
    CHECK(decode_words(h.substr(8)) == " " + subject);
    // No encoded word splits a character: each decodes to valid UTF-8 on its own.
    for (const auto& l : lines(h)) {
        size_t p = l.find("=?UTF-8?B?");
        std::string part = unbase64(l.substr(p + 10, l.find("?=", p + 10) - p - 10));
        unsigned char last = static_cast<unsigned char>(part.back());
        CHECK((last < 0x80 || (last & 0xC0) == 0x80));
        CHECK((static_cast<unsigned char>(part.front()) & 0xC0) != 0x80);
    }
}

TEST_CASE("RFC 2047: encoded words are cut after a space, not inside a word") {
    std::string subject =
        "Türkiye-Kazakistan Ortak Stratejik Planlama Grubu 8. Toplantısı Hazırlıkları Çerçevesinde "
        "Düzenlenecek Değerlendirme Toplantısına İlişkin Bilgi Notu (Şubat 2026)";
    std::string h = mime::unstructured_header("Subject", subject);
    check_folded(h);
    CHECK(decode_words(h.substr(8)) == " " + subject);
    auto texts = encoded_texts(h);
    REQUIRE(texts.size() > 2);
    // The space stays inside the encoded word before the cut: readers drop the white space
    // between two encoded words.
    for (size_t i = 0; i + 1 < texts.size(); ++i) CHECK_MESSAGE(texts[i].back() == ' ', texts[i]);
    // A word longer than a line is still cut, between characters.
    std::string word;
    for (int i = 0; i < 40; ++i) word += "ş";
    h = mime::unstructured_header("Subject", word);
    check_folded(h);
    CHECK(decode_words(h.substr(8)) == " " + word);
}

TEST_CASE("RFC 2047: a display name is one encoded word, or its ASCII words keep encoded ones apart") {
    // One encoded word when it fits (Python's email parser keeps the white space between two
    // encoded words of a display name: "Embassy of Türkiy e in Astana").
    std::string h = mime::address_header("Cc", {mime::parse_address("Office of the Deputy Minister"),
                                                 mime::parse_address("Embassy of Türkiye in Astana")});
    check_folded(h);
    CHECK(unfold(h).find("Office of the Deputy Minister :;,") != std::string::npos);
    CHECK(encoded_texts(h) == std::vector<std::string>{"Embassy of Türkiye in Astana"});
    // Longer: ASCII words as atoms (or a quoted string for "T.C."), each run of other words one
    // encoded word, so no two encoded words meet.
    h = mime::address_header("To", {mime::parse_address(
                                       "T.C. Dışişleri Bakanlığı İkili Siyasi İşler Genel Müdürlüğü Asya Dairesi <x@example.org>")});
    check_folded(h);
    CHECK(unfold(h).rfind("To: \"T.C.\" =?UTF-8?B?", 0) == 0);
    CHECK(encoded_texts(h) == std::vector<std::string>{"Dışişleri Bakanlığı İkili", "İşler", "Müdürlüğü"});
    CHECK(unfold(h).find("?= Siyasi =?") != std::string::npos);
    CHECK(unfold(h).find("?= Asya Dairesi <x@example.org>") != std::string::npos);
    // A run of non-ASCII words too long for one encoded word is cut after a space.
    std::string name = "Министерство иностранных дел Республики Казахстан";
    h = mime::address_header("To", {mime::parse_address(name + " <mfa@example.org>")});
    check_folded(h);
    auto texts = encoded_texts(h);
    REQUIRE(texts.size() > 1);
    for (size_t i = 0; i + 1 < texts.size(); ++i) CHECK_MESSAGE(texts[i].back() == ' ', texts[i]);
    CHECK(decode_words(h.substr(3)) == " " + name + " <mfa@example.org>");
}

TEST_CASE("RFC 2047: plain ASCII stays readable and folds at spaces") {
    CHECK(mime::unstructured_header("Subject", "Brief for the meeting") == "Subject: Brief for the meeting");
    std::string longer;
    for (int i = 0; i < 30; ++i) longer += (i ? " " : "") + std::string("word") + std::to_string(i);
    std::string h = mime::unstructured_header("Subject", longer);
    check_folded(h);
    CHECK(h.find("=?") == std::string::npos);
    std::string unfolded;
    for (const auto& l : lines(h)) unfolded += l;
    CHECK(unfolded == "Subject: " + longer);
    // Text that looks like an encoded word is itself encoded, so it cannot be misread.
    CHECK(mime::unstructured_header("Subject", "=?x?") .find("=?UTF-8?B?") != std::string::npos);
}

TEST_CASE("addresses: parsing and the To/Cc header") {
    auto a = mime::parse_address("Bakan Özel Kalem <ozelkalem@example.org>");
    CHECK(a.display_name == "Bakan Özel Kalem");
    CHECK(a.addr_spec == "ozelkalem@example.org");
    CHECK(mime::parse_address("  a.b@c.org ").addr_spec == "a.b@c.org");
    CHECK(mime::parse_address("\"Doe, John\" <j@x.org>").display_name == "Doe, John");
    auto bare = mime::parse_address("Bakan Yardımcılığı Makamı");
    CHECK(bare.addr_spec.empty());
    CHECK(bare.display_name == "Bakan Yardımcılığı Makamı");
    CHECK_THROWS_AS(mime::parse_address("Name <not an address>"), briefmake::core::Error);
    CHECK_THROWS_AS(mime::parse_address("x@@y"), briefmake::core::Error);
    CHECK_THROWS_AS(mime::parse_address("a@b..org"), briefmake::core::Error);
    CHECK_THROWS_AS(mime::parse_address("ş@example.org"), briefmake::core::Error);

    std::string h = mime::address_header("To", {a, mime::parse_address("plain@example.org"), bare,
                                                mime::parse_address("\"Doe, John\" <j@x.org>")});
    check_folded(h);
    CHECK(h.find("<ozelkalem@example.org>,") != std::string::npos);
    CHECK(h.find("<plain@example.org>,") != std::string::npos);
    CHECK(h.find(":;,") != std::string::npos);  // the bare name is an empty group
    CHECK(unfold(h).find("\"Doe, John\" <j@x.org>") != std::string::npos);
    CHECK(mime::address_header("From", {mime::parse_address("Brief Robot <brief@example.org>")}) ==
          "From: Brief Robot <brief@example.org>");
}

TEST_CASE("RFC 2231: percent-encoded file names with an ASCII fallback") {
    CHECK(mime::percent_encode("Bilgi Notu ş.pdf") == "Bilgi%20Notu%20%C5%9F.pdf");
    CHECK(mime::percent_encode("a*b'c%d") == "a%2Ab%27c%25d");
    std::string cd = mime::content_disposition("OSPG-8-2026-şğ.pdf", "OSPG-8-2026-sg.pdf");
    CHECK(cd == "Content-Disposition: attachment;\r\n filename*=UTF-8''OSPG-8-2026-%C5%9F%C4%9F.pdf;\r\n"
                " filename=\"OSPG-8-2026-sg.pdf\"");
    // A long name is split into numbered continuations, never inside a %XX triple or a
    // UTF-8 sequence.
    std::string name;
    for (int i = 0; i < 12; ++i) name += "Türkiye-Kazakistan ";
    name += ".pdf";
    std::string long_cd = mime::content_disposition(name, "x.pdf");
    std::string joined;
    int parts = 0;
    for (const auto& l : lines(long_cd)) {
        CHECK(l.size() <= 78);
        size_t p = l.find("filename*");
        if (p == std::string::npos) continue;
        CHECK(l.find("filename*" + std::to_string(parts) + "*=") == p);
        std::string v = l.substr(l.find('=', p) + 1);
        if (parts == 0) {
            REQUIRE(v.rfind("UTF-8''", 0) == 0);
            v = v.substr(7);
        }
        if (!v.empty() && v.back() == ';') v.pop_back();
        CHECK((v.find('%') == std::string::npos || v.rfind('%') + 3 <= v.size()));
        CHECK(v.rfind("%BC", 0) != 0);  // "ü" is %C3%BC: no piece starts with its second byte
        joined += v;
        ++parts;
    }
    CHECK(parts > 1);
    CHECK(joined == mime::percent_encode(name));
}

TEST_CASE("dates") {
    CHECK(mime::rfc5322_date(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
    CHECK(mime::days_to_unix(2026, 2, 1) + 12 * 3600 == 1769947200);
    CHECK(mime::rfc5322_date(1769947200) == "Sun, 01 Feb 2026 12:00:00 +0000");
    CHECK(mime::rfc5322_date(mime::days_to_unix(2000, 2, 29)) == "Tue, 29 Feb 2000 00:00:00 +0000");
}

TEST_CASE("a whole message: headers, parts, boundary") {
    mime::Message m;
    m.from = mime::parse_address("Brief Robot <brief@example.org>");
    m.to = {mime::parse_address("a@example.org")};
    m.subject = "Konu: İş";
    m.date = 1769947200;
    m.message_id = "abc@example.org";
    m.boundary = "=_briefmake_0123";
    m.body = "Başlık\n";
    m.attachments.push_back({"ş.pdf", "s.pdf", "application/pdf", "%PDF-1.4\n"});
    std::string msg = mime::build(m);
    CHECK(msg.find("\r\nMIME-Version: 1.0\r\n") != std::string::npos);
    CHECK(msg.find("Content-Type: multipart/mixed;\r\n boundary=\"=_briefmake_0123\"\r\n") != std::string::npos);
    CHECK(msg.find("Date: Sun, 01 Feb 2026 12:00:00 +0000\r\n") != std::string::npos);
    CHECK(msg.find("Message-ID: <abc@example.org>\r\n") != std::string::npos);
    CHECK(msg.find("\r\n--=_briefmake_0123\r\nContent-Type: application/pdf\r\n") != std::string::npos);
    CHECK(msg.find(mime::base64("%PDF-1.4\n")) != std::string::npos);
    CHECK(msg.substr(msg.size() - 22) == "--=_briefmake_0123--\r\n");
    // Every line ends in CRLF; no bare LF.
    for (size_t i = 0; i < msg.size(); ++i)
        if (msg[i] == '\n') CHECK((i > 0 && msg[i - 1] == '\r'));
}
