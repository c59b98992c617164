// src/deflate against zlib, an independent implementation: whatever libdeflate writes, zlib's
// inflate must read back byte for byte, in both framings the writers use.
#include <doctest/doctest.h>
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <thread>

#include "core/diag.hpp"
#include "deflate/deflate.hpp"

using namespace briefmake;

namespace {

std::string inflate_with_zlib(const std::string& z, size_t size, bool raw) {
    z_stream s{};
    REQUIRE(inflateInit2(&s, raw ? -MAX_WBITS : MAX_WBITS) == Z_OK);
    std::string out(size + 1, '\0');  // one spare byte: more output than expected shows
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.data()));
    s.avail_in = uInt(z.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = uInt(out.size());
    const int rc = inflate(&s, Z_FINISH);
    const size_t used = z.size() - s.avail_in;
    out.resize(s.total_out);
    inflateEnd(&s);
    CHECK(rc == Z_STREAM_END);
    CHECK(used == z.size());  // nothing left over after the stream's end
    return out;
}

// Text like the writers' (XML, content streams), and bytes that do not compress.
std::string sample_text(size_t n) {
    const std::string line = "<w:p><w:r><w:t xml:space=\"preserve\">Türkiye–Kazakistan Ortak Stratejik Planlama "
                             "Grubu’nun 8. toplantısı, 12–13 Mart 2026, Ankara’da</w:t></w:r></w:p>\n";
    std::string s;
    for (size_t i = 0; s.size() < n; ++i) s += line + std::to_string(i * 7919 % 1000);
    s.resize(n);
    return s;
}

std::string sample_noise(size_t n) {
    std::string s(n, '\0');
    uint32_t x = 2463534242u;
    for (auto& c : s) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        c = char(x & 0xFF);
    }
    return s;
}

}  // namespace

TEST_CASE("zlib inflates what deflate::compress writes, in both formats and at every level used") {
    for (const std::string& data : {std::string(), std::string("q"), sample_text(300), sample_text(70000),
                                    sample_noise(50000), sample_text(3 << 20)}) {
        for (int level : {1, 6, 8, 12}) {
            if (level == 12 && data.size() > 100000) continue;  // the slowest level on the largest input
            CAPTURE(data.size());
            CAPTURE(level);
            const std::string z = deflate::compress(deflate::Format::Zlib, data, level);
            CHECK(inflate_with_zlib(z, data.size(), false) == data);
            std::string raw = "prefix";  // appended after what `out` already holds
            deflate::compress(deflate::Format::Raw, data, raw, level);
            REQUIRE(raw.substr(0, 6) == "prefix");
            CHECK(inflate_with_zlib(raw.substr(6), data.size(), true) == data);
            if (data.size() > 1000 && data[0] == '<') CHECK(z.size() < data.size() / 4);
        }
    }
}

TEST_CASE("the same input and level give the same bytes, on any thread") {
    const std::string data = sample_text(200000);
    const std::string here = deflate::compress(deflate::Format::Zlib, data);
    CHECK(deflate::compress(deflate::Format::Zlib, data) == here);
    std::string there;
    std::thread([&] { there = deflate::compress(deflate::Format::Zlib, data); }).join();
    CHECK(there == here);
}

TEST_CASE("crc32 is the zip format's CRC-32") {
    CHECK(deflate::crc32("") == 0u);
    CHECK(deflate::crc32("123456789") == 0xCBF43926u);  // the standard check value
    for (const std::string& data : {sample_text(5000), sample_noise(4097)})
        CHECK(deflate::crc32(data) ==
              uint32_t(crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef*>(data.data()), data.size())));
}

TEST_CASE("a level libdeflate does not have is an error, not a crash") {
    CHECK_THROWS_AS(deflate::compress(deflate::Format::Zlib, "x", 0), core::Error);
    CHECK_THROWS_AS(deflate::compress(deflate::Format::Zlib, "x", 13), core::Error);
}

TEST_CASE("remembered repeats give the bytes a fresh compression gives") {
    const std::string a = sample_text(30000), b = sample_text(31000), small = sample_text(500);
    const std::string fresh_a = deflate::compress(deflate::Format::Raw, a, 8);
    const std::string fresh_a6 = deflate::compress(deflate::Format::Raw, a, 6);
    const std::string fresh_b = deflate::compress(deflate::Format::Zlib, b);
    deflate::remember_repeats(size_t(1) << 20);
    for (int round = 0; round < 3; ++round) {
        CAPTURE(round);
        CHECK(deflate::compress(deflate::Format::Raw, a, 8) == fresh_a);
        CHECK(deflate::compress(deflate::Format::Raw, a, 6) == fresh_a6);  // another level: its own entry
        CHECK(deflate::compress(deflate::Format::Zlib, b) == fresh_b);
        std::string appended = "head";
        deflate::compress(deflate::Format::Raw, a, appended, 8);
        CHECK(appended == "head" + fresh_a);
        CHECK(inflate_with_zlib(deflate::compress(deflate::Format::Zlib, small), small.size(), false) == small);
    }
    // A capacity smaller than one entry keeps nothing, and still compresses correctly.
    deflate::remember_repeats(1000);
    CHECK(deflate::compress(deflate::Format::Raw, a, 8) == fresh_a);
    CHECK(deflate::compress(deflate::Format::Raw, a, 8) == fresh_a);
    deflate::remember_repeats(0);
    CHECK(deflate::compress(deflate::Format::Zlib, b) == fresh_b);
}
