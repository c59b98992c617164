// The fonts of a PDF: what the layout's text draws with each face, the subset of each face
// embedded as a CIDFontType2 font, and the dictionaries around it (/W, the CIDToGIDMap, the
// encoding CMap, the ToUnicode CMap and the font descriptor), all made smaller or correct where
// libharu's own are large or malformed.
#pragma once
#include <hpdf.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "fonts/font.hpp"
#include "layout/frame.hpp"
#include "pdf/document.hpp"
#include "pdf/pdfa.hpp"
#include "pdf/writer.hpp"

namespace briefmake::pdf {

constexpr char32_t kSoftHyphen = 0x00AD;

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
    // The BMP code points prepare() has collected: each is checked and inserted once, not once
    // per character drawn.
    std::vector<bool> seen = std::vector<bool>(0x10000);
};

// What a text run actually draws (U+00AD from the input is invisible and dropped; code points
// libharu cannot encode are dropped, with a warning from prepare()).
struct PreparedRun {
    std::u32string text;
    bool hyphen_glyph = false;  // the face draws U+00AD as a visible hyphen
};

class EmbeddedFonts {
public:
    EmbeddedFonts(Document& doc, const Options& opt, const core::Context& ctx) : doc_(doc), opt_(opt), ctx_(ctx) {}

    // First, every text run in drawing order: collects the code points each face draws.
    // Throws core::Error for a character PDF/A cannot draw; warns about others left out.
    void prepare(const layout::TextRun& t);
    // Then: subsets and embeds each face (feeding the subsets to `id` for the document /ID).
    void embed(IdHasher& id);

    // What `t` draws, as prepare() saw it. Worked out again for each run rather than kept from
    // prepare(): the 1,001-page brief's runs as UTF-32 held 21 MB until the PDF was saved.
    static PreparedRun drawn(const layout::TextRun& t);
    const FontUse& use(const fonts::Font& font) const { return uses_[index_.at(font.postscript_name())]; }

private:
    void warn_once(const fonts::Font& f, char32_t cp, const char* what);
    static bool drawn_hyphen(const fonts::Font& f);
    void rewrite_font_dicts(const FontUse& use, const std::string& subset);
    HPDF_Dict cid_system_info();
    HPDF_Dict one_byte_cmap(HPDF_Dict spare_stream);
    void replace_to_unicode(const FontUse& use);
    void write_cid_to_gid_map(const FontUse& use);

    Document& doc_;
    const Options& opt_;
    const core::Context& ctx_;
    std::vector<FontUse> uses_;
    std::map<std::string, size_t> index_;  // PostScript name -> uses_
    std::set<std::pair<std::string, char32_t>> warned_;
    HPDF_Dict one_byte_cmap_ = nullptr;
};

}  // namespace briefmake::pdf
