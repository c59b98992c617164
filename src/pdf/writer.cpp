#include "pdf/writer.hpp"

// libharu's internal headers: needed to replace the malformed ToUnicode CMap, to write marked
// content, and to set the catalog's /Lang (none of which has a public API in 2.3.0).
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>
#include <set>
#include <vector>

#include "core/diag.hpp"
#include "pdf/cmap.hpp"
#include "pdf/document.hpp"
#include "pdf/font_program.hpp"
#include "pdf/images.hpp"
#include "pdf/pdfa.hpp"
#include "pdf/to_unicode.hpp"

namespace briefmake::pdf {

namespace {

constexpr char32_t kSoftHyphen = 0x00AD;

// Decodes UTF-8; throws on malformed input (layout hands us text it validated, so this is a bug).
std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        auto b0 = uint8_t(s[i]);
        int len = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > s.size()) throw core::Error({}, "PDF writer: invalid UTF-8 in a text run");
        char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
        for (int k = 1; k < len; ++k) {
            auto b = uint8_t(s[i + k]);
            if ((b & 0xC0) != 0x80) throw core::Error({}, "PDF writer: invalid UTF-8 in a text run");
            cp = (cp << 6) | (b & 0x3F);
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

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

HPDF_Date to_pdf_date(int64_t epoch) {
    using namespace std::chrono;
    const sys_seconds t{seconds{epoch}};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{t - day};
    HPDF_Date d{};
    d.year = int(ymd.year());
    d.month = int(unsigned(ymd.month()));
    d.day = int(unsigned(ymd.day()));
    d.hour = int(hms.hours().count());
    d.minutes = int(hms.minutes().count());
    d.seconds = int(hms.seconds().count());
    d.ind = 'Z';
    return d;
}

struct FontUse {
    std::shared_ptr<const fonts::Font> font;
    std::set<char32_t> codes;  // what the content streams draw with this face
    HPDF_Font handle = nullptr;
    std::map<char32_t, int64_t> widths;  // per code point: its advance in /W (1/1000 em)
    // Content stream codes: one byte, the glyph id, when the subset has few enough glyphs (CIDs
    // are glyph ids, CIDToGIDMap /Identity); else two bytes, the code point (libharu's scheme).
    bool one_byte = false;
    std::map<char32_t, unsigned> code;
    std::map<char32_t, unsigned> gid;  // per code point: its glyph in the subset
};

// What a text run actually draws (U+00AD from the input is invisible and dropped; code points
// libharu cannot encode are dropped with a warning).
struct PreparedRun {
    std::string text;
    bool hyphen_glyph = false;  // the face draws U+00AD as a visible hyphen
};

class Writer {
public:
    Writer(const layout::Layout& l, const Options& opt, const core::Context& ctx) : l_(l), opt_(opt), ctx_(ctx) {}

    std::string run() {
        HPDF_Doc pdf = doc_.get();
        doc_.check("setting compression", HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL));
        doc_.check("enabling UTF-8", HPDF_UseUTFEncodings(pdf));
        hash_layout(id_, l_);
        prepare_text();
        load_fonts();
        create_pages();
        for (size_t i = 0; i < l_.pages.size(); ++i) draw_page(i);
        drop_proc_sets();
        add_bookmarks();
        set_info();
        set_id();
        if (opt_.pdfa) add_pdfa();
        // libharu writes 1.3 whatever is used: soft masks and /Lang need 1.4, /ActualText 1.5.
        pdf->pdf_version = used_actual_text_ ? HPDF_VER_15 : HPDF_VER_14;
        return doc_.save();
    }

private:
    void prepare_text() {
        for (const auto& page : l_.pages)
            for (const auto& item : page.items)
                if (auto* t = std::get_if<layout::TextRun>(&item)) prepare(*t);
    }

    void prepare(const layout::TextRun& t) {
        if (!t.font) throw core::Error({}, "PDF writer: a text run has no font");
        const std::string key = t.font->postscript_name();
        auto [it, fresh] = font_index_.emplace(key, uses_.size());
        if (fresh) uses_.push_back({t.font, {}, nullptr, {}, false, {}, {}});
        FontUse& use = uses_[it->second];
        const fonts::Font& f = *t.font;

        PreparedRun pr;
        for (char32_t cp : decode_utf8(t.text)) {
            if (cp == kSoftHyphen) continue;
            if (cp > 0xFFFF) {
                warn_once(f, cp, "cannot be drawn in PDF (outside the Basic Multilingual Plane); left out");
                continue;
            }
            if (!f.has(cp)) {
                if (opt_.pdfa)  // PDF/A forbids drawing .notdef
                    throw core::Error({f.file().string(), 0, 0},
                                      "character " + hex_cp(cp) + " is missing from the font (not allowed in PDF/A)",
                                      "use a font that covers it");
                warn_once(f, cp, "is missing from the font; it draws as an empty box");
            }
            use.codes.insert(cp);
            append_utf8(pr.text, cp);
        }
        if (t.hyphen) {
            // Liberation, DejaVu and Noto draw U+00AD as a hyphen: it then extracts as a soft
            // hyphen by itself. Otherwise '-' is drawn inside an /ActualText span.
            pr.hyphen_glyph = f.has(kSoftHyphen) && f.advance(kSoftHyphen) > 0;
            use.codes.insert(pr.hyphen_glyph ? kSoftHyphen : U'-');
        }
        prepared_.push_back(std::move(pr));
    }

    void warn_once(const fonts::Font& f, char32_t cp, const char* what) {
        if (warned_.emplace(f.file().string(), cp).second)
            ctx_.warn({f.file().string(), 0, 0}, "character " + hex_cp(cp) + " " + what);
    }

    void load_fonts() {
        HPDF_Doc pdf = doc_.get();
        std::set<char32_t> all;
        for (const FontUse& use : uses_) all.insert(use.codes.begin(), use.codes.end());
        register_sparse_encoder(all);
        for (FontUse& use : uses_) {
            const std::string subset = use.font->subset(use.codes);
            id_.add(subset);
            // Fewer cmap segments: libharu looks up each code point by a walk over them.
            MemFile file(with_compact_cmap(subset));
            const char* name = HPDF_LoadTTFontFromFile(pdf, file.path().c_str(), HPDF_TRUE);
            doc_.check_handle("loading a subset font", name);
            use.handle = doc_.check_handle("selecting a font", HPDF_GetFont(pdf, name, kSparseEncoding));
            auto attr = static_cast<HPDF_FontAttr>(use.handle->attr);
            std::set<unsigned> gids;
            for (char32_t cp : use.codes) {
                // libharu's own advance (what its text measuring gives), rounded as it rounds.
                use.widths[cp] = int64_t(HPDF_TTFontDef_GetCharWidth(attr->fontdef, HPDF_UNICODE(cp)));
                doc_.check("measuring a glyph");
                const unsigned gid = HPDF_TTFontDef_GetGlyphid(attr->fontdef, HPDF_UINT16(cp));
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

    // libharu's "UTF-8" encoding makes HPDF_GetFont walk all 65,536 code points three times per
    // face (glyph ids, a /W entry for each, a 128 KB CIDToGIDMap), all of which this writer
    // replaces: most of a two-page PDF's cost. This CMap encoding defines only the code points
    // the document draws (CID = code point, the scheme libharu's UTF-8 encoding uses), so the
    // walks cover those. Ordering "Identity-H" keeps the font's /Encoding /Identity-H.
    static HPDF_STATUS init_sparse_encoder(HPDF_Encoder e) {
        if (HPDF_STATUS st = HPDF_CMapEncoder_InitAttr(e); st != HPDF_OK) return st;
        auto a = static_cast<HPDF_CMapEncoderAttr>(e->attr);
        std::snprintf(a->registry, sizeof a->registry, "%s", "Adobe");
        std::snprintf(a->ordering, sizeof a->ordering, "%s", "Identity-H");
        a->suppliment = 0;
        a->writing_mode = HPDF_WMODE_HORIZONTAL;
        e->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
        return HPDF_OK;
    }

    void register_sparse_encoder(const std::set<char32_t>& codes) {
        HPDF_Doc pdf = doc_.get();
        const char* what = "making the font encoding";
        HPDF_Encoder e = HPDF_CMapEncoder_New(pdf->mmgr, const_cast<char*>(kSparseEncoding), init_sparse_encoder);
        doc_.check_handle(what, e);
        if (init_sparse_encoder(e) != HPDF_OK) {
            HPDF_Encoder_Free(e);
            doc_.check(what);
            throw core::Error({}, "PDF writer: libharu could not set up a font encoding");
        }
        auto a = static_cast<HPDF_CMapEncoderAttr>(e->attr);
        for (char32_t cp : codes) {
            if (cp == 0 || cp > 0xFFFF) continue;  // CID 0 is .notdef; the rest is left out earlier
            a->cid_map[cp >> 8][cp & 0xFF] = HPDF_UINT16(cp);
            a->unicode_map[cp >> 8][cp & 0xFF] = HPDF_UNICODE(cp);
        }
        if (HPDF_Doc_RegisterEncoder(pdf, e) != HPDF_OK) {
            HPDF_Encoder_Free(e);
            doc_.check(what);
        }
    }
    static constexpr const char* kSparseEncoding = "Briefmake-Sparse-H";

    // libharu's CID font dictionaries, made smaller: /W from our widths, no vertical metrics,
    // an embedded font program with only the tables a renderer uses; for one-byte fonts the
    // shared one-byte CMap and CIDToGIDMap /Identity instead of a 128 KB map stream.
    void rewrite_font_dicts(const FontUse& use, const std::string& subset) {
        HPDF_Doc pdf = doc_.get();
        auto attr = static_cast<HPDF_FontAttr>(use.handle->attr);
        HPDF_Dict cid = attr->descendant_font;
        if (!cid || !attr->map_stream) throw core::Error({}, "PDF writer: libharu made no CID font for a face");
        HPDF_MMgr mm = pdf->mmgr;
        const char* what = "rewriting a font dictionary";

        // /W [c [w1 w2 ...] ...]: one run per stretch of consecutive codes.
        std::map<unsigned, int64_t> widths;
        for (auto [cp, code] : use.code) widths[code] = use.widths.at(cp);
        HPDF_Array w = doc_.check_handle(what, HPDF_Array_New(mm));
        HPDF_Array run = nullptr;
        unsigned last = 0;
        for (auto [code, width] : widths) {
            if (!run || code != last + 1) {
                doc_.check(what, HPDF_Array_AddNumber(w, HPDF_INT32(code)));
                run = doc_.check_handle(what, HPDF_Array_New(mm));
                doc_.check(what, HPDF_Array_Add(w, run));
            }
            doc_.check(what, HPDF_Array_AddNumber(run, HPDF_INT32(width)));
            last = code;
        }
        doc_.check(what, HPDF_Dict_Add(cid, "W", w));
        doc_.check(what, HPDF_Dict_RemoveElement(cid, "DW2"));
        doc_.check(what, HPDF_Dict_Add(cid, "CIDSystemInfo", cid_system_info()));

        if (use.one_byte) {
            // The map stream is no longer needed: the first one becomes the shared one-byte
            // CMap, the others are written empty (libharu writes every object it made).
            HPDF_Dict spare = attr->map_stream;
            attr->map_stream = nullptr;
            HPDF_MemStream_FreeData(spare->stream);
            spare->filter = HPDF_STREAM_FILTER_NONE;
            doc_.check(what, HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity"));
            doc_.check(what, HPDF_Dict_Add(use.handle, "Encoding", one_byte_cmap(spare)));
        }  // else the code point map, written by write_cid_to_gid_map

        // The descriptor libharu would make when saving, with our font program; libharu
        // then leaves it as it is.
        HPDF_FontDef def = attr->fontdef;
        auto def_attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
        const std::string program = embeddable_font(subset);
        HPDF_Dict file = doc_.check_handle(what, HPDF_DictStream_New(mm, pdf->xref));
        file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        doc_.check(what, HPDF_Stream_Write(file->stream, reinterpret_cast<const HPDF_BYTE*>(program.data()),
                                           HPDF_UINT(program.size())));
        doc_.check(what, HPDF_Dict_AddNumber(file, "Length1", HPDF_INT32(program.size())));
        HPDF_Dict desc = doc_.check_handle(what, HPDF_Dict_New(mm));
        doc_.check(what, HPDF_Xref_Add(pdf->xref, desc));
        doc_.check(what, HPDF_Dict_AddName(desc, "Type", "FontDescriptor"));
        doc_.check(what, HPDF_Dict_AddNumber(desc, "Ascent", def->ascent));
        doc_.check(what, HPDF_Dict_AddNumber(desc, "Descent", def->descent));
        doc_.check(what, HPDF_Dict_AddNumber(desc, "Flags", HPDF_INT32(def->flags)));
        doc_.check(what, HPDF_Dict_Add(desc, "FontBBox", HPDF_Box_Array_New(mm, def->font_bbox)));
        doc_.check(what, HPDF_Dict_AddName(desc, "FontName", def_attr->base_font));
        doc_.check(what, HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle));
        doc_.check(what, HPDF_Dict_AddNumber(desc, "StemV", def->stemv));
        doc_.check(what, HPDF_Dict_AddNumber(desc, "XHeight", def->x_height));
        doc_.check(what, HPDF_Dict_Add(desc, "FontFile2", file));
        def->descriptor = desc;
    }

    HPDF_Dict cid_system_info() {
        HPDF_MMgr mm = doc_.get()->mmgr;
        HPDF_Dict d = doc_.check_handle("writing CIDSystemInfo", HPDF_Dict_New(mm));
        doc_.check("writing CIDSystemInfo", HPDF_Dict_Add(d, "Registry", HPDF_String_New(mm, "Adobe", nullptr)));
        doc_.check("writing CIDSystemInfo", HPDF_Dict_Add(d, "Ordering", HPDF_String_New(mm, "Identity", nullptr)));
        doc_.check("writing CIDSystemInfo", HPDF_Dict_AddNumber(d, "Supplement", 0));
        return d;
    }

    // One encoding CMap for every one-byte font: code c is CID c. It takes the place of the
    // first such font's map stream, which would otherwise be written empty.
    HPDF_Dict one_byte_cmap(HPDF_Dict spare_stream) {
        if (one_byte_cmap_) return one_byte_cmap_;
        const char* what = "writing the one-byte CMap";
        HPDF_Dict c = spare_stream;
        c->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        doc_.check(what, HPDF_Dict_AddName(c, "Type", "CMap"));
        doc_.check(what, HPDF_Dict_AddName(c, "CMapName", kOneByteCMap));
        doc_.check(what, HPDF_Dict_Add(c, "CIDSystemInfo", cid_system_info()));
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
        doc_.check(what, HPDF_Stream_Write(c->stream, reinterpret_cast<const HPDF_BYTE*>(program.data()),
                                           HPDF_UINT(program.size())));
        one_byte_cmap_ = c;
        return c;
    }
    static constexpr const char* kOneByteCMap = "Briefmake-OneByte-H";

    // libharu's ToUnicode stream holds one malformed 'begincidrange'; its stream is already
    // written when the font is created, so its contents can be replaced before saving.
    void replace_to_unicode(const FontUse& use) {
        auto dict = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(use.handle, "ToUnicode", HPDF_OCLASS_DICT));
        doc_.check_handle("finding the ToUnicode CMap", dict);
        if (!dict->stream) throw core::Error({}, "PDF writer: the ToUnicode CMap has no stream");
        // libharu gave the stream the keys of an encoding CMap (/Type /CMap, /CMapName /UTF-8,
        // /CIDSystemInfo, /WMode); a ToUnicode stream needs none and they contradict the program.
        for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
            doc_.check("cleaning the ToUnicode CMap", HPDF_Dict_RemoveElement(dict, key));
        HPDF_MemStream_FreeData(dict->stream);
        std::map<unsigned, char32_t> code_to_cp;
        for (auto [cp, code] : use.code) code_to_cp.emplace(code, cp);
        const std::string cmap = to_unicode_cmap(code_to_cp, use.one_byte ? 1 : 2);
        doc_.check("writing the ToUnicode CMap", HPDF_Stream_Write(dict->stream,
                                                                   reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                                                                   HPDF_UINT(cmap.size())));
    }

    // libharu writes a CIDToGIDMap entry for every one of the 65,536 CIDs (128 KB, deflated at
    // save). The content streams use only the code points in use.codes, so the map can stop
    // after the largest of them: same glyphs for every CID drawn, far less to copy and deflate.
    // Two-byte fonts: CID = code point, so the map holds, for CIDs 0 to the highest code point
    // drawn, each one's glyph id (0 elsewhere).
    void write_cid_to_gid_map(const FontUse& use) {
        auto attr = static_cast<HPDF_FontAttr>(use.handle->attr);
        if (use.one_byte || !attr || !attr->map_stream || !attr->map_stream->stream || use.codes.empty()) return;
        std::vector<HPDF_BYTE> map(2 * (size_t(*use.codes.rbegin()) + 1), 0);
        for (auto [cp, gid] : use.gid) {
            map[2 * cp] = HPDF_BYTE(gid >> 8);
            map[2 * cp + 1] = HPDF_BYTE(gid & 0xFF);
        }
        HPDF_Stream stream = attr->map_stream->stream;
        HPDF_MemStream_FreeData(stream);
        doc_.check("writing the CIDToGIDMap", HPDF_Stream_Write(stream, map.data(), HPDF_UINT(map.size())));
    }

    // libharu gives every page a /ProcSet, which PDF 1.4 and later ignore.
    void drop_proc_sets() {
        for (HPDF_Page page : pages_) {
            auto res = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
            doc_.check_handle("finding a page's resources", res);
            if (HPDF_Dict_GetItem(res, "ProcSet", HPDF_OCLASS_ARRAY))
                doc_.check("dropping a page's ProcSet", HPDF_Dict_RemoveElement(res, "ProcSet"));
            doc_.check("dropping a page's ProcSet");
        }
    }

    void create_pages() {
        for (const auto& p : l_.pages) {
            HPDF_Page page = doc_.check_handle("adding a page", HPDF_AddPage(doc_.get()));
            doc_.check("setting the page width", HPDF_Page_SetWidth(page, HPDF_REAL(p.width)));
            doc_.check("setting the page height", HPDF_Page_SetHeight(page, HPDF_REAL(p.height)));
            pages_.push_back(page);
        }
    }

    // Per-page drawing state, so repeated state operators are not written.
    //
    // Text is written as few operators as possible: one BT/ET for a stretch of text, Tf and rg
    // only when they change, each line started with a relative Td (in hundredths of a point,
    // tracked exactly so rounding never accumulates), and the runs of a line shown by one TJ
    // whose numbers move the pen to where the layout put the next run. The pen is followed with
    // the same integer widths the font's /W array gives a viewer, so each run starts within
    // size/2000 pt of its place.
    struct PageState {
        HPDF_Page page = nullptr;
        double height = 0;
        bool in_text = false;
        HPDF_Font font = nullptr;
        const FontUse* use = nullptr;
        double size = 0;
        std::optional<layout::Color> fill, stroke;
        double line_width = -1;
        bool tj_open = false;       // inside "[ ... ]TJ"
        bool pen_valid = false;     // pen_x is where the next glyph goes, on line line_y
        double pen_x = 0;
        int64_t line_x = 0, line_y = 0;  // the text line matrix origin, in 1/100 pt
    };

    void draw_page(size_t index) {
        PageState s;
        s.page = pages_[index];
        s.height = l_.pages[index].height;
        for (const auto& item : l_.pages[index].items) {
            if (auto* t = std::get_if<layout::TextRun>(&item)) {
                draw(s, *t);
                continue;
            }
            end_text(s);
            std::visit([&](const auto& v) { draw(s, v); }, item);
        }
        end_text(s);
    }

    void close_tj(PageState& s) {
        if (!s.tj_open) return;
        raw(s, "]TJ\n");
        s.tj_open = false;
    }

    void end_text(PageState& s) {
        if (!s.in_text) return;
        close_tj(s);
        doc_.check("ending text", HPDF_Page_EndText(s.page));
        s.in_text = false;
        s.pen_valid = false;
    }

    void set_fill(PageState& s, const layout::Color& c) {
        if (s.fill == c) return;
        close_tj(s);
        doc_.check("setting a fill colour", HPDF_Page_SetRGBFill(s.page, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f));
        s.fill = c;
    }

    void set_stroke(PageState& s, const layout::Color& c, double width) {
        if (s.stroke != c) {
            doc_.check("setting a stroke colour",
                       HPDF_Page_SetRGBStroke(s.page, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f));
            s.stroke = c;
        }
        if (s.line_width != width) {
            doc_.check("setting a line width", HPDF_Page_SetLineWidth(s.page, HPDF_REAL(width)));
            s.line_width = width;
        }
    }

    HPDF_REAL y(const PageState& s, double top_down) const { return HPDF_REAL(s.height - top_down); }

    void raw(PageState& s, std::string_view ops) {
        auto attr = static_cast<HPDF_PageAttr>(s.page->attr);
        doc_.check("writing page content", HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                                                             HPDF_UINT(ops.size())));
    }

    // Shows `text` (drawn code points, UTF-8) inside the open TJ, in the face's codes (see
    // FontUse), as a literal string: half the size of hex, and it compresses better. Only '(',
    // ')', '\\' and CR need escaping (a bare CR would read as LF).
    void show(PageState& s, std::string_view text) {
        std::string lit = "(";
        int64_t units = 0;
        for (char32_t cp : decode_utf8(text)) {
            const unsigned code = s.use->code.at(cp);
            const std::string bytes = s.use->one_byte ? std::string(1, char(code))
                                                      : std::string{char(code >> 8), char(code & 0xFF)};
            for (char b : bytes) {
                if (b == '(' || b == ')' || b == '\\') lit += '\\';
                if (b == '\r') {
                    lit += "\\r";
                    continue;
                }
                lit += b;
            }
            units += s.use->widths.at(cp);
        }
        lit += ')';
        raw(s, lit);
        s.pen_x += double(units) * s.size / 1000.0;
    }

    // Moves the pen to (x, y) (PDF coordinates) and opens a TJ array.
    void move_to(PageState& s, double x, double y_pdf) {
        const int64_t yh = std::llround(y_pdf * 100);
        if (s.pen_valid && yh == s.line_y) {
            const long adj = std::lround((s.pen_x - x) * 1000.0 / s.size);
            if (!s.tj_open) raw(s, "[");
            s.tj_open = true;
            if (adj != 0) raw(s, std::to_string(adj));
            s.pen_x -= double(adj) * s.size / 1000.0;
            return;
        }
        close_tj(s);
        const int64_t xh = std::llround(x * 100);
        raw(s, hundredths(xh - s.line_x) + " " + hundredths(yh - s.line_y) + " Td[");
        s.tj_open = true;
        s.line_x = xh;
        s.line_y = yh;
        s.pen_x = double(xh) / 100.0;
        s.pen_valid = true;
    }

    static std::string hundredths(int64_t v) {
        std::string out = v < 0 ? "-" : "";
        const uint64_t a = uint64_t(v < 0 ? -v : v);
        out += std::to_string(a / 100);
        if (a % 100 != 0) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%02u", unsigned(a % 100));
            std::string frac = buf;
            if (frac.back() == '0') frac.pop_back();
            out += "." + frac;
        }
        return out;
    }

    void draw(PageState& s, const layout::TextRun& t) {
        const PreparedRun& pr = prepared_[next_run_++];
        if (pr.text.empty() && !t.hyphen) return;
        if (!s.in_text) {
            doc_.check("beginning text", HPDF_Page_BeginText(s.page));
            s.in_text = true;
            s.pen_valid = false;
            s.line_x = s.line_y = 0;
        }
        const FontUse& use = uses_[font_index_.at(t.font->postscript_name())];
        if (s.font != use.handle || s.size != t.size) {
            close_tj(s);
            doc_.check("setting the font", HPDF_Page_SetFontAndSize(s.page, use.handle, HPDF_REAL(t.size)));
            s.font = use.handle;
            s.use = &use;
            s.size = t.size;
        }
        set_fill(s, t.color);
        move_to(s, t.x, y(s, t.y));
        if (!pr.text.empty()) show(s, pr.text);
        if (t.hyphen && pr.hyphen_glyph) {
            show(s, "\xC2\xAD");
        } else if (t.hyphen) {
            // The drawn '-' extracts as U+00AD, so the hyphenated word stays searchable.
            close_tj(s);
            raw(s, "/Span<</ActualText<FEFF00AD>>>BDC[");
            s.tj_open = true;
            show(s, "-");
            close_tj(s);
            raw(s, "EMC\n");
            used_actual_text_ = true;
        }
    }

    void draw(PageState& s, const layout::Rule& r) {
        set_stroke(s, r.color, r.width);
        doc_.check("drawing a rule", HPDF_Page_MoveTo(s.page, HPDF_REAL(r.x1), y(s, r.y1)));
        doc_.check("drawing a rule", HPDF_Page_LineTo(s.page, HPDF_REAL(r.x2), y(s, r.y2)));
        doc_.check("drawing a rule", HPDF_Page_Stroke(s.page));
    }

    // Colours must be set before a path is begun (libharu rejects them inside a path object).
    void colours(PageState& s, const std::optional<layout::Color>& fill, const std::optional<layout::Color>& stroke,
                 double width) {
        if (fill) set_fill(s, *fill);
        if (stroke) set_stroke(s, *stroke, width);
    }

    void paint(PageState& s, const std::optional<layout::Color>& fill, const std::optional<layout::Color>& stroke,
               const char* what) {
        HPDF_STATUS st = fill && stroke ? HPDF_Page_FillStroke(s.page) : fill ? HPDF_Page_Fill(s.page)
                                                                              : HPDF_Page_Stroke(s.page);
        doc_.check(what, st);
    }

    void draw(PageState& s, const layout::Rect& r) {
        if (!r.fill && !r.stroke) return;
        colours(s, r.fill, r.stroke, r.stroke_width);
        doc_.check("drawing a rectangle",
                   HPDF_Page_Rectangle(s.page, HPDF_REAL(r.x), y(s, r.y + r.h), HPDF_REAL(r.w), HPDF_REAL(r.h)));
        paint(s, r.fill, r.stroke, "drawing a rectangle");
    }

    void draw(PageState& s, const layout::Path& p) {
        if (p.points.size() < 2 || (!p.fill && !p.stroke)) return;
        colours(s, p.fill, p.stroke, p.stroke_width);
        doc_.check("drawing a path", HPDF_Page_MoveTo(s.page, HPDF_REAL(p.points[0].first), y(s, p.points[0].second)));
        for (size_t i = 1; i < p.points.size(); ++i)
            doc_.check("drawing a path",
                       HPDF_Page_LineTo(s.page, HPDF_REAL(p.points[i].first), y(s, p.points[i].second)));
        if (p.closed) doc_.check("drawing a path", HPDF_Page_ClosePath(s.page));
        paint(s, p.fill, p.stroke, "drawing a path");
    }

    // Angles are clockwise from 12 o'clock in the frame; the arc is cut into Bézier pieces of
    // at most 90 degrees (error below 0.03% of the radius).
    void draw(PageState& s, const layout::Sector& sec) {
        const double sweep = std::min(sec.end - sec.start, 360.0);
        if (sec.r <= 0 || sweep <= 0) return;
        colours(s, sec.fill, sec.stroke, 1.0);
        const double cx = sec.cx, cy = s.height - sec.cy, r = sec.r;
        auto pt = [&](double deg) {
            const double a = deg * std::numbers::pi / 180.0;
            return std::pair<double, double>{cx + r * std::sin(a), cy + r * std::cos(a)};
        };
        if (sweep >= 360.0) {
            doc_.check("drawing a sector", HPDF_Page_Circle(s.page, HPDF_REAL(cx), HPDF_REAL(cy), HPDF_REAL(r)));
        } else {
            auto [sx, sy] = pt(sec.start);
            doc_.check("drawing a sector", HPDF_Page_MoveTo(s.page, HPDF_REAL(cx), HPDF_REAL(cy)));
            doc_.check("drawing a sector", HPDF_Page_LineTo(s.page, HPDF_REAL(sx), HPDF_REAL(sy)));
            const int pieces = int(std::ceil(sweep / 90.0 - 1e-9));
            const double step = sweep / pieces;
            const double k = 4.0 / 3.0 * std::tan(step * std::numbers::pi / 180.0 / 4.0) * r;
            for (int i = 0; i < pieces; ++i) {
                const double a0 = (sec.start + i * step) * std::numbers::pi / 180.0;
                const double a1 = (sec.start + (i + 1) * step) * std::numbers::pi / 180.0;
                // Tangent of a clockwise arc at angle a (y up): (cos a, -sin a).
                const double x0 = cx + r * std::sin(a0), y0 = cy + r * std::cos(a0);
                const double x3 = cx + r * std::sin(a1), y3 = cy + r * std::cos(a1);
                const double x1 = x0 + k * std::cos(a0), y1 = y0 - k * std::sin(a0);
                const double x2 = x3 - k * std::cos(a1), y2 = y3 + k * std::sin(a1);
                doc_.check("drawing a sector",
                           HPDF_Page_CurveTo(s.page, HPDF_REAL(x1), HPDF_REAL(y1), HPDF_REAL(x2), HPDF_REAL(y2),
                                             HPDF_REAL(x3), HPDF_REAL(y3)));
            }
            doc_.check("drawing a sector", HPDF_Page_ClosePath(s.page));
        }
        paint(s, sec.fill, sec.stroke, "drawing a sector");
    }

    HPDF_Destination destination(int page, double top_down_y, const char* what) {
        if (page < 0 || size_t(page) >= pages_.size())
            throw core::Error({}, std::string("PDF writer: ") + what + " points to page " + std::to_string(page + 1) +
                                      " of " + std::to_string(pages_.size()));
        HPDF_Destination d = doc_.check_handle(what, HPDF_Page_CreateDestination(pages_[page]));
        // Zoom 0 ("keep") is rejected by libharu and its sticky error would cancel the save.
        doc_.check(what, HPDF_Destination_SetXYZ(d, 0, HPDF_REAL(l_.pages[page].height - top_down_y), 1));
        return d;
    }

    // [page /XYZ null top null]: the top of the target at the window's top, zoom unchanged; a
    // direct array (libharu makes each destination an object of its own).
    HPDF_Array direct_destination(int page, double top_down_y) {
        if (page < 0 || size_t(page) >= pages_.size())
            throw core::Error({}, "PDF writer: a bookmark points to page " + std::to_string(page + 1) + " of " +
                                      std::to_string(pages_.size()));
        HPDF_MMgr mm = doc_.get()->mmgr;
        const char* what = "setting a bookmark target";
        HPDF_Array d = doc_.check_handle(what, HPDF_Array_New(mm));
        doc_.check(what, HPDF_Array_Add(d, pages_[size_t(page)]));
        doc_.check(what, HPDF_Array_AddName(d, "XYZ"));
        doc_.check(what, HPDF_Array_Add(d, HPDF_Null_New(mm)));
        const double top = std::round((l_.pages[size_t(page)].height - top_down_y) * 100) / 100;
        doc_.check(what, HPDF_Array_AddReal(d, HPDF_REAL(top)));
        doc_.check(what, HPDF_Array_Add(d, HPDF_Null_New(mm)));
        return d;
    }

    void draw(PageState& s, const layout::Link& k) {
        HPDF_Rect rect{HPDF_REAL(k.x), y(s, k.y + k.h), HPDF_REAL(k.x + k.w), y(s, k.y)};
        HPDF_Annotation a = nullptr;
        if (!k.uri.empty()) {
            a = doc_.check_handle("adding a link", HPDF_Page_CreateURILinkAnnot(s.page, rect, k.uri.c_str()));
        } else if (k.dest_page >= 0) {
            HPDF_Destination d = destination(k.dest_page, k.dest_y, "an internal link");
            a = doc_.check_handle("adding a link", HPDF_Page_CreateLinkAnnot(s.page, rect, d));
        } else {
            throw core::Error({}, "PDF writer: a link has neither a URI nor a target page");
        }
        doc_.check("setting a link border", HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0));
        // The print flag: PDF/A requires it, and a link is invisible on paper anyway.
        doc_.check("setting link flags", HPDF_Dict_AddNumber(a, "F", 4));
    }

    void draw(PageState& s, const layout::Image& im) {
        HPDF_Image img = image(im.file);
        doc_.check("drawing an image", HPDF_Page_DrawImage(s.page, img, HPDF_REAL(im.x), y(s, im.y + im.h),
                                                           HPDF_REAL(im.w), HPDF_REAL(im.h)));
    }

    HPDF_Image image(const std::filesystem::path& file) {
        auto it = images_.find(file.string());
        if (it != images_.end()) return it->second;
        HPDF_Doc pdf = doc_.get();
        const std::string bytes = core::read_file(file);
        id_.add(bytes);
        HPDF_Image img = nullptr;
        switch (sniff_image(bytes)) {
            case ImageKind::Png: {
                DecodedPng png = decode_png(bytes, file);
                img = doc_.check_handle(
                    "loading a PNG image",
                    HPDF_LoadRawImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(png.color.data()), png.width,
                                             png.height, png.gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8));
                if (!png.alpha.empty()) {
                    HPDF_Image mask = doc_.check_handle(
                        "loading a PNG alpha channel",
                        HPDF_LoadRawImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(png.alpha.data()), png.width,
                                                 png.height, HPDF_CS_DEVICE_GRAY, 8));
                    doc_.check("adding a PNG alpha channel", HPDF_Image_AddSMask(img, mask));
                }
                break;
            }
            case ImageKind::Jpeg:
                validate_jpeg(bytes, file);
                img = doc_.check_handle("loading a JPEG image",
                                        HPDF_LoadJpegImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                                                  HPDF_UINT(bytes.size())));
                break;
            case ImageKind::Unknown:
                throw core::Error({file.string(), 0, 0}, "unsupported image format", "use PNG or JPEG");
        }
        images_.emplace(file.string(), img);
        return img;
    }

    void add_bookmarks() {
        if (l_.bookmarks.empty()) return;
        HPDF_Doc pdf = doc_.get();
        HPDF_Encoder utf8 = doc_.check_handle("finding the UTF-8 encoder", HPDF_GetEncoder(pdf, "UTF-8"));
        std::vector<std::pair<int, HPDF_Outline>> open;  // the chain of ancestors, by level
        for (const auto& b : l_.bookmarks) {
            while (!open.empty() && open.back().first >= b.level) open.pop_back();
            HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
            HPDF_Outline o =
                doc_.check_handle("adding a bookmark", HPDF_CreateOutline(pdf, parent, b.title.c_str(), utf8));
            doc_.check("opening a bookmark", HPDF_Outline_SetOpened(o, HPDF_TRUE));
            // libharu marks items /Type /Outlines, which only the root may carry.
            doc_.check("adding a bookmark", HPDF_Dict_RemoveElement(o, "Type"));
            doc_.check("setting a bookmark target", HPDF_Dict_Add(o, "Dest", direct_destination(b.page, b.y)));
            open.emplace_back(b.level, o);
        }
        doc_.check("showing bookmarks", HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE));
    }

    void set_info() {
        HPDF_Doc pdf = doc_.get();
        doc_.check("selecting UTF-8 for the info dictionary", HPDF_SetCurrentEncoder(pdf, "UTF-8"));
        const std::pair<HPDF_InfoType, const std::string*> attrs[] = {
            {HPDF_INFO_TITLE, &l_.info.title},       {HPDF_INFO_AUTHOR, &l_.info.author},
            {HPDF_INFO_SUBJECT, &l_.info.subject},   {HPDF_INFO_KEYWORDS, &l_.info.keywords},
            {HPDF_INFO_CREATOR, &l_.info.creator},
        };
        for (auto [type, value] : attrs)
            if (!value->empty()) doc_.check("setting document information", HPDF_SetInfoAttr(pdf, type, value->c_str()));
        const HPDF_Date date = to_pdf_date(l_.info.date_epoch);
        doc_.check("setting the creation date", HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date));
        doc_.check("setting the modification date", HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date));
        if (!l_.info.language.empty()) {
            HPDF_String lang = HPDF_String_New(pdf->mmgr, l_.info.language.c_str(), nullptr);
            doc_.check_handle("setting the document language", lang);
            doc_.check("setting the document language", HPDF_Dict_Add(pdf->catalog, "Lang", lang));
        }
    }

    // A trailer /ID from the content (layout, font subsets, image bytes): same input, same bytes.
    void set_id() {
        HPDF_Doc pdf = doc_.get();
        auto digest = id_.digest();
        HPDF_Array id = doc_.check_handle("creating the document ID", HPDF_Array_New(pdf->mmgr));
        doc_.check("setting the document ID", HPDF_Dict_Add(pdf->trailer, "ID", id));
        for (int i = 0; i < 2; ++i)
            doc_.check("setting the document ID",
                       HPDF_Array_Add(id, doc_.check_handle("creating the document ID",
                                                            HPDF_Binary_New(pdf->mmgr, digest.data(), 16))));
    }

    // PDF/A-2b: XMP metadata (uncompressed) matching the info dictionary and an sRGB output
    // intent for the DeviceRGB/DeviceGray content.
    void add_pdfa() {
        HPDF_Doc pdf = doc_.get();
        const char* producer = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
        doc_.check("reading the producer");
        const std::string xmp = xmp_packet(l_.info, producer ? producer : "");
        HPDF_Dict meta = doc_.check_handle("creating XMP metadata", HPDF_DictStream_New(pdf->mmgr, pdf->xref));
        meta->filter = HPDF_STREAM_FILTER_NONE;
        doc_.check("creating XMP metadata", HPDF_Dict_AddName(meta, "Type", "Metadata"));
        doc_.check("creating XMP metadata", HPDF_Dict_AddName(meta, "Subtype", "XML"));
        doc_.check("writing XMP metadata", HPDF_Stream_Write(meta->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                                                             HPDF_UINT(xmp.size())));
        doc_.check("adding XMP metadata", HPDF_Dict_Add(pdf->catalog, "Metadata", meta));

        const std::string icc = srgb_profile();
        HPDF_Dict profile = doc_.check_handle("creating the output intent", HPDF_DictStream_New(pdf->mmgr, pdf->xref));
        profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        doc_.check("creating the output intent", HPDF_Dict_AddNumber(profile, "N", 3));
        doc_.check("writing the ICC profile", HPDF_Stream_Write(profile->stream,
                                                                reinterpret_cast<const HPDF_BYTE*>(icc.data()),
                                                                HPDF_UINT(icc.size())));
        HPDF_Dict intent = doc_.check_handle("creating the output intent", HPDF_Dict_New(pdf->mmgr));
        doc_.check("creating the output intent", HPDF_Dict_AddName(intent, "Type", "OutputIntent"));
        doc_.check("creating the output intent", HPDF_Dict_AddName(intent, "S", "GTS_PDFA1"));
        for (const char* key : {"OutputConditionIdentifier", "Info"})
            doc_.check("creating the output intent",
                       HPDF_Dict_Add(intent, key, HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr)));
        doc_.check("creating the output intent",
                   HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(pdf->mmgr, "http://www.color.org", nullptr)));
        doc_.check("creating the output intent", HPDF_Dict_Add(intent, "DestOutputProfile", profile));
        HPDF_Array intents = doc_.check_handle("creating the output intent", HPDF_Array_New(pdf->mmgr));
        doc_.check("creating the output intent", HPDF_Array_Add(intents, intent));
        doc_.check("adding the output intent", HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents));
    }

    const layout::Layout& l_;
    const Options& opt_;
    const core::Context& ctx_;
    IdHasher id_;
    Document doc_;
    std::vector<FontUse> uses_;
    std::map<std::string, size_t> font_index_;  // PostScript name -> uses_
    std::vector<PreparedRun> prepared_;         // one per TextRun, in drawing order
    size_t next_run_ = 0;
    bool used_actual_text_ = false;
    std::set<std::pair<std::string, char32_t>> warned_;
    std::vector<HPDF_Page> pages_;
    std::map<std::string, HPDF_Image> images_;
    HPDF_Dict one_byte_cmap_ = nullptr;
};

}  // namespace

std::string write_pdf(const layout::Layout& l, const Options& opt, const core::Context& ctx) {
    if (l.pages.empty()) throw core::Error({}, "PDF writer: the document has no pages");
    Writer w(l, opt, ctx);
    return w.run();
}

}  // namespace briefmake::pdf
