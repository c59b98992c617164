// What PDF/A-2a needs beyond what libharu 2.3.0 writes (its own PDF/A support is PDF/A-1 only
// and broken) and beyond the tags (tags.cpp): XMP metadata matching the info dictionary, an
// sRGB output intent, and a document /ID derived from the content (never from the clock).
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "layout/frame.hpp"

namespace briefmake::pdf {

// FNV-1a, twice with different bases: 16 bytes that change with any input byte. Not
// cryptographic; /ID only has to identify the file.
class IdHasher {
public:
    void add(std::string_view bytes);
    void add_number(double v);
    std::array<uint8_t, 16> digest() const;

private:
    uint64_t a_ = 0xcbf29ce484222325ull, b_ = 0x84222325cbf29ce4ull;
};

// Feeds the pages, bookmarks and info of a layout into `h` (locale-independent formatting).
void hash_layout(IdHasher& h, const layout::Layout& l);

// "2023-11-14T22:13:20Z"
std::string iso_date(int64_t epoch);

// The XMP packet: pdfuaid part 1 (every PDF is tagged, PDF/UA-1), with `pdfa` also pdfaid part 2
// conformance A (tagged, so the accessible level) and the extension schema PDF/A requires for
// pdfuaid; and the same title, author, subject, keywords, creator tool, producer and dates as
// the info dictionary.
std::string xmp_packet(const layout::Info& info, const std::string& producer, bool pdfa = true);

// The sRGB ICC profile shipped by Debian's icc-profiles-free; throws core::Error if missing.
std::string srgb_profile();

}  // namespace briefmake::pdf
