#include "pdf/fonts.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>

#include "core/diag.hpp"
#include "core/i18n.hpp"
#include "core/utf8.hpp"
#include "pdf/cmap.hpp"
#include "pdf/font_program.hpp"
#include "pdf/hpdf_internal.hpp"
#include "pdf/to_unicode.hpp"

namespace briefmake::pdf {

namespace {

std::string hex_cp(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", unsigned(cp));
    return buf;
}

// A memfd holding a font file, so libharu can load it by path without a temporary file.
class MemFile {
public:
    explicit MemFile(const std::string& bytes) {
        fd_ = memfd_create("briefmake-font", MFD_CLOEXEC);
        if (fd_ < 0) throw core::Error({}, "PDF writer: cannot create an in-memory file for a font");
        size_t done = 0;
        while (done < bytes.size()) {
            ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
            if (n <= 0) throw core::Error({}, "PDF writer: cannot write a font to an in-memory file");
            done += size_t(n);
        }
        path_ = "/proc/self/fd/" + std::to_string(fd_);
    }
    ~MemFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const { return path_; }

private:
    int fd_ = -1;
    std::string path_;
};

// The fonts are made by hpdf::new_type0_font over libharu's "UTF-8" encoding, whose two-byte
// codes are the code points (CID = code point), as the two-byte fonts here draw them.
// (HPDF_GetFont would walk all 65,536 codes of it per face.)
constexpr const char* kEncoding = "UTF-8";
constexpr const char* kOneByteCMap = "Briefmake-OneByte-H";

}  // namespace

void EmbeddedFonts::prepare(const layout::TextRun& t) {
    if (!t.font) throw core::Error({}, "PDF writer: a text run has no font");
    const std::string key = t.font->postscript_name();
    auto [it, fresh] = index_.emplace(key, uses_.size());
    if (fresh) uses_.push_back({t.font, {}, nullptr, {}, false, {}, {}});
    FontUse& use = uses_[it->second];
    const fonts::Font& f = *t.font;
    // Tagged PDF marks word breaks with a space character, also where the layout placed the
    // words apart (justified lines): every face can draw one.
    if (f.has(U' ')) use.codes.insert(U' ');

    for (size_t i = 0; i < t.text.size();) {
        const core::Utf8Char c = core::decode_utf8(t.text, i);
        // Layout hands over text it validated: malformed UTF-8 here is a bug.
        if (!c.ok()) throw core::Error({}, "PDF writer: invalid UTF-8 in a text run");
        i += c.length;
        const char32_t cp = c.cp;
        if (cp == kSoftHyphen) continue;
        if (cp <= 0xFFFF && use.seen[cp]) continue;  // collected (and checked) before
        if (cp > 0xFFFF) {
            warn_once(f, cp, N_("character {} cannot be drawn in PDF (outside the Basic Multilingual Plane); left out"));
            continue;
        }
        if (!f.has(cp)) {
            if (opt_.pdfa)  // PDF/A forbids drawing .notdef
                throw core::Error({f.file().string(), 0, 0},
                                  core::trf("character {} is missing from the font (not allowed in PDF/A)", {hex_cp(cp)}),
                                  _("use a font that covers it"));
            warn_once(f, cp, N_("character {} is missing from the font; it draws as an empty box"));
        }
        use.codes.insert(cp);
        use.seen[cp] = true;
    }
    if (t.hyphen) use.codes.insert(drawn_hyphen(f) ? kSoftHyphen : U'-');
}

// Liberation, DejaVu and Noto draw U+00AD as a hyphen: it then extracts as a soft hyphen by
// itself. Otherwise '-' is drawn inside an /ActualText span.
bool EmbeddedFonts::drawn_hyphen(const fonts::Font& f) { return f.has(kSoftHyphen) && f.advance(kSoftHyphen) > 0; }

PreparedRun EmbeddedFonts::drawn(const layout::TextRun& t) {
    if (!t.font) throw core::Error({}, "PDF writer: a text run has no font");
    PreparedRun pr;
    pr.text.reserve(t.text.size());
    for (size_t i = 0; i < t.text.size();) {
        core::Utf8Char c = core::decode_utf8(t.text, i);
        if (!c.ok()) throw core::Error({}, "PDF writer: invalid UTF-8 in a text run");
        i += c.length;
        if (c.cp != kSoftHyphen && c.cp <= 0xFFFF) pr.text.push_back(c.cp);
    }
    pr.hyphen_glyph = t.hyphen && drawn_hyphen(*t.font);
    return pr;
}

void EmbeddedFonts::warn_once(const fonts::Font& f, char32_t cp, const char* what) {
    if (warned_.emplace(f.file().string(), cp).second)
        ctx_.warn({f.file().string(), 0, 0}, core::trf(what, {hex_cp(cp)}));
}

void EmbeddedFonts::embed(IdHasher& id) {
    HPDF_Doc pdf = doc_.get();
    for (FontUse& use : uses_) {
        std::vector<std::pair<char32_t, unsigned>> stand_ins;  // tabular figures' glyphs
        const std::string subset = use.font->subset(use.codes, &stand_ins);
        id.add(subset);
        // Fewer cmap segments: libharu looks up each code point by a walk over them.
        MemFile file(with_compact_cmap(subset, stand_ins));
        const char* name = HPDF_LoadTTFontFromFile(pdf, file.path().c_str(), HPDF_TRUE);
        doc_.check_handle("loading a subset font", name);
        use.handle = hpdf::new_type0_font(doc_, name, kEncoding, "selecting a font");
        std::set<unsigned> gids;
        for (char32_t cp : use.codes) {
            // libharu's own advance (what its text measuring gives), rounded as it rounds.
            use.widths[cp] = int64_t(hpdf::glyph_width(use.handle, cp));
            doc_.check("measuring a glyph");
            const unsigned gid = hpdf::glyph_id(use.handle, cp);
            use.gid[cp] = gid;
            use.code[cp] = gid;
            gids.insert(gid);
        }
        // Distinct glyphs (no two characters drawn as .notdef) below 256: one byte per glyph.
        use.one_byte = gids.size() == use.codes.size() && (gids.empty() || *gids.rbegin() < 256);
        if (!use.one_byte)
            for (char32_t cp : use.codes) use.code[cp] = unsigned(cp);
        rewrite_font_dicts(use, subset);
        replace_to_unicode(use);
        write_cid_to_gid_map(use);
    }
}

// libharu's CID font dictionaries, made smaller: /W from our widths, no vertical metrics,
// an embedded font program with only the tables a renderer uses; for one-byte fonts the
// shared one-byte CMap and CIDToGIDMap /Identity instead of a 128 KB map stream.
void EmbeddedFonts::rewrite_font_dicts(const FontUse& use, const std::string& subset) {
    HPDF_Dict cid = hpdf::cid_font(use.handle);
    if (!cid || !hpdf::cid_to_gid_map(use.handle))
        throw core::Error({}, "PDF writer: libharu made no CID font for a face");
    const char* what = "rewriting a font dictionary";

    // /W [c [w1 w2 ...] ...]: one run per stretch of consecutive codes.
    std::map<unsigned, int64_t> widths;
    for (auto [cp, code] : use.code) widths[code] = use.widths.at(cp);
    HPDF_Array w = hpdf::new_array(doc_, what);
    HPDF_Array run = nullptr;
    unsigned last = 0;
    for (auto [code, width] : widths) {
        if (!run || code != last + 1) {
            hpdf::push_number(doc_, w, int32_t(code), what);
            run = hpdf::new_array(doc_, what);
            hpdf::push(doc_, w, run, what);
        }
        hpdf::push_number(doc_, run, int32_t(width), what);
        last = code;
    }
    hpdf::put(doc_, cid, "W", w, what);
    hpdf::put(doc_, cid, "CIDSystemInfo", cid_system_info(), what);

    if (use.one_byte) {
        // The map stream is no longer needed: the first one becomes the shared one-byte
        // CMap, the others are written empty (libharu writes every object it made).
        HPDF_Dict spare = hpdf::take_cid_to_gid_map(use.handle);
        hpdf::clear(spare);
        hpdf::set_filter(spare, hpdf::Filter::None);
        hpdf::put_name(doc_, cid, "CIDToGIDMap", "Identity", what);
        hpdf::put(doc_, use.handle, "Encoding", one_byte_cmap(spare), what);
    }  // else the code point map, written by write_cid_to_gid_map

    // The descriptor libharu would make when saving, with our font program; libharu
    // then leaves it as it is.
    const hpdf::FontMetrics m = hpdf::font_metrics(use.handle);
    const std::string program = embeddable_font(subset);
    HPDF_Dict file = hpdf::new_stream(doc_, hpdf::Filter::Flate, what);
    hpdf::write(doc_, file, program, what);
    hpdf::put_number(doc_, file, "Length1", int32_t(program.size()), what);
    HPDF_Dict desc = hpdf::new_object(doc_, what);
    hpdf::put_name(doc_, desc, "Type", "FontDescriptor", what);
    hpdf::put_number(doc_, desc, "Ascent", m.ascent, what);
    hpdf::put_number(doc_, desc, "Descent", m.descent, what);
    hpdf::put_number(doc_, desc, "Flags", m.flags, what);
    hpdf::put_box(doc_, desc, "FontBBox", m.bbox, what);
    hpdf::put_name(doc_, desc, "FontName", m.base_font, what);
    hpdf::put_number(doc_, desc, "ItalicAngle", m.italic_angle, what);
    hpdf::put_number(doc_, desc, "StemV", m.stemv, what);
    hpdf::put_number(doc_, desc, "XHeight", m.x_height, what);
    hpdf::put(doc_, desc, "FontFile2", file, what);
    hpdf::set_descriptor(doc_, use.handle, desc);
}

HPDF_Dict EmbeddedFonts::cid_system_info() {
    const char* what = "writing CIDSystemInfo";
    HPDF_Dict d = hpdf::new_dict(doc_, what);
    hpdf::put(doc_, d, "Registry", hpdf::new_string(doc_, "Adobe", what), what);
    hpdf::put(doc_, d, "Ordering", hpdf::new_string(doc_, "Identity", what), what);
    hpdf::put_number(doc_, d, "Supplement", 0, what);
    return d;
}

// One encoding CMap for every one-byte font: code c is CID c. It takes the place of the
// first such font's map stream, which would otherwise be written empty.
HPDF_Dict EmbeddedFonts::one_byte_cmap(HPDF_Dict spare_stream) {
    if (one_byte_cmap_) return one_byte_cmap_;
    const char* what = "writing the one-byte CMap";
    HPDF_Dict c = spare_stream;
    hpdf::set_filter(c, hpdf::Filter::Flate);
    hpdf::put_name(doc_, c, "Type", "CMap", what);
    hpdf::put_name(doc_, c, "CMapName", kOneByteCMap, what);
    hpdf::put(doc_, c, "CIDSystemInfo", cid_system_info(), what);
    const std::string program = std::string(
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
        "/CMapName /") + kOneByteCMap + " def\n"
        "/CMapType 1 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    hpdf::write(doc_, c, program, what);
    one_byte_cmap_ = c;
    return c;
}

// The ToUnicode CMap: code -> character (libharu's own held one malformed 'begincidrange').
void EmbeddedFonts::replace_to_unicode(const FontUse& use) {
    HPDF_Dict dict = hpdf::get_dict(doc_, use.handle, "ToUnicode", "finding the ToUnicode CMap");
    if (!hpdf::has_stream(dict)) throw core::Error({}, "PDF writer: the ToUnicode CMap has no stream");
    std::map<unsigned, char32_t> code_to_cp;
    // A tabular figure's stand-in extracts as its digit.
    for (auto [cp, code] : use.code) code_to_cp.emplace(code, use.font->source(cp));
    hpdf::rewrite(doc_, dict, to_unicode_cmap(code_to_cp, use.one_byte ? 1 : 2), "writing the ToUnicode CMap");
}

// libharu writes a CIDToGIDMap entry for every one of the 65,536 CIDs (128 KB, deflated at
// save). The content streams use only the code points in use.codes, so the map can stop
// after the largest of them: same glyphs for every CID drawn, far less to copy and deflate.
// Two-byte fonts: CID = code point, so the map holds, for CIDs 0 to the highest code point
// drawn, each one's glyph id (0 elsewhere).
void EmbeddedFonts::write_cid_to_gid_map(const FontUse& use) {
    HPDF_Dict stream = hpdf::cid_to_gid_map(use.handle);
    if (use.one_byte || !hpdf::has_stream(stream) || use.codes.empty()) return;
    std::string map(2 * (size_t(*use.codes.rbegin()) + 1), '\0');
    for (auto [cp, gid] : use.gid) {
        map[2 * cp] = char(gid >> 8);
        map[2 * cp + 1] = char(gid & 0xFF);
    }
    hpdf::rewrite(doc_, stream, map, "writing the CIDToGIDMap");
}

}  // namespace briefmake::pdf
