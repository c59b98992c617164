#include "docx/package.hpp"

#include <cstdint>
#include <string_view>

#include "core/diag.hpp"
#include "deflate/deflate.hpp"
#include "docx/xml.hpp"

namespace briefmake::docx {

std::string content_types_xml(const std::vector<Part>& parts) {
    pugi::xml_document doc;
    auto root = new_part(doc, "Types");
    attr(root, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    auto def = el(root, "Default");
    attr(def, "Extension", "rels");
    attr(def, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
    def = el(root, "Default");
    attr(def, "Extension", "xml");
    attr(def, "ContentType", "application/xml");
    for (const auto& p : parts) {
        if (p.content_type.empty()) continue;
        auto o = el(root, "Override");
        attr(o, "PartName", "/" + p.name);
        attr(o, "ContentType", p.content_type);
    }
    return to_string(doc);
}

namespace {

[[noreturn]] void fail(const std::string& what) {
    throw core::Error({}, "cannot build the DOCX package: " + what);
}

// Little-endian fields of the zip headers (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16).
void u16(std::string& out, uint32_t v) {
    out += char(v & 0xff);
    out += char((v >> 8) & 0xff);
}
void u32(std::string& out, uint32_t v) {
    u16(out, v & 0xffff);
    u16(out, v >> 16);
}

}  // namespace

// WordprocessingML compresses well and repetitively: libdeflate needs level 8 to write it no
// larger than zlib's level 6 did (the sample brief's DOCX: level 6 was 1.2 % larger, level 8 is
// smaller), and still costs a quarter fewer instructions.
constexpr int kLevel = 8;

// A zip archive of stored names and deflated entries (raw DEFLATE, kLevel, src/deflate), written
// here rather than through libzip: the DOCX container needs nothing else, and linking libzip
// loaded OpenSSL's libcrypto (for zip encryption) into every process, a third of all symbol
// bindings at start-up. The entries' headers are the ones libzip wrote (made by Unix 6.3, version
// 2.0 to extract, no extra fields, mode 0666).
std::string zip_package(const std::vector<Part>& parts) {
    std::vector<const Part*> all;
    Part types{"[Content_Types].xml", "", content_types_xml(parts)};
    all.push_back(&types);
    for (const auto& p : parts) all.push_back(&p);
    if (all.size() > 0xffff) fail("more than 65,535 parts");

    // Fixed DOS date 1980-01-01 00:00: byte-identical archives in every time zone.
    constexpr uint32_t dos_time = 0, dos_date = (1 << 5) | 1;
    size_t total = 0;
    for (const Part* p : all) total += p->data.size() / 3 + p->name.size() * 2 + 100;
    std::string out, central;
    out.reserve(total);
    for (const Part* p : all) {
        const std::string& name = p->name;
        const std::string& data = p->data;
        if (data.size() > 0xffffffffu || name.size() > 0xffff) fail(name + " is too large for a zip entry");
        const uint32_t crc = deflate::crc32(data);
        size_t offset = out.size();
        if (offset > 0xffffffffu) fail("the package is larger than 4 GiB");
        // Local file header, the compressed size patched in once known.
        u32(out, 0x04034b50);
        u16(out, 20);        // version needed to extract: 2.0 (deflate)
        u16(out, 0);         // flags
        u16(out, 8);         // method: deflate
        u16(out, dos_time);
        u16(out, dos_date);
        u32(out, crc);
        size_t size_at = out.size();
        u32(out, 0);         // compressed size, below
        u32(out, static_cast<uint32_t>(data.size()));
        u16(out, static_cast<uint32_t>(name.size()));
        u16(out, 0);         // extra field length
        out += name;
        size_t data_at = out.size();
        deflate::compress(deflate::Format::Raw, data, out, kLevel);
        size_t packed = out.size() - data_at;
        if (packed > 0xffffffffu) fail(name + " is too large for a zip entry");
        std::string patched;
        u32(patched, static_cast<uint32_t>(packed));
        out.replace(size_at, 4, patched);

        u32(central, 0x02014b50);
        u16(central, (3 << 8) | 63);  // made by: Unix, zip 6.3
        u16(central, 20);
        u16(central, 0);
        u16(central, 8);
        u16(central, dos_time);
        u16(central, dos_date);
        u32(central, crc);
        u32(central, static_cast<uint32_t>(packed));
        u32(central, static_cast<uint32_t>(data.size()));
        u16(central, static_cast<uint32_t>(name.size()));
        u16(central, 0);     // extra field length
        u16(central, 0);     // comment length
        u16(central, 0);     // disk number
        u16(central, 0);     // internal attributes
        u32(central, 0100666u << 16);  // external attributes: a regular file, rw-rw-rw-
        u32(central, static_cast<uint32_t>(offset));
        central += name;
    }
    size_t central_at = out.size();
    if (central_at > 0xffffffffu) fail("the package is larger than 4 GiB");
    out += central;
    u32(out, 0x06054b50);  // end of central directory
    u16(out, 0);
    u16(out, 0);
    u16(out, static_cast<uint32_t>(all.size()));
    u16(out, static_cast<uint32_t>(all.size()));
    u32(out, static_cast<uint32_t>(central.size()));
    u32(out, static_cast<uint32_t>(central_at));
    u16(out, 0);           // comment length
    return out;
}

}  // namespace briefmake::docx
