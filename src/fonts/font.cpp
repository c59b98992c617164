#include "fonts/font.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/context.hpp"
#include "core/diag.hpp"
#include "core/i18n.hpp"
#include "core/utf8.hpp"

namespace briefmake::fonts {

namespace {

// Absent code points are marked with a negative advance in the BMP table.
constexpr float kAbsent = -1.0f;

struct BlobDeleter {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceDeleter {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct FontDeleter {
    void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
struct SetDeleter {
    void operator()(hb_set_t* s) const { hb_set_destroy(s); }
};
struct SubsetInputDeleter {
    void operator()(hb_subset_input_t* s) const { hb_subset_input_destroy(s); }
};

using BlobPtr = std::unique_ptr<hb_blob_t, BlobDeleter>;
using FacePtr = std::unique_ptr<hb_face_t, FaceDeleter>;
using FontPtr = std::unique_ptr<hb_font_t, FontDeleter>;
using SetPtr = std::unique_ptr<hb_set_t, SetDeleter>;
using SubsetInputPtr = std::unique_ptr<hb_subset_input_t, SubsetInputDeleter>;

uint32_t be32(const std::string& b, size_t at) {
    return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) |
           (uint32_t(uint8_t(b[at + 2])) << 8) | uint32_t(uint8_t(b[at + 3]));
}

}  // namespace

// Everything is computed at load and immutable afterwards, so a Font can be shared across threads.
struct Font::Impl {
    BlobPtr blob;
    FacePtr face;
    FontPtr font;
    double upem = 1000;
    // Advance in em per BMP code point, kAbsent if none, in blocks of 256 code points: only the
    // blocks the font maps are stored (a few dozen, not 256 KB per face).
    std::array<int32_t, 256> bmp_block;           // block index in bmp, or -1
    std::vector<float> bmp;
    std::unordered_map<char32_t, float> astral;   // code points above U+FFFF present in the cmap
    double ascender = 0, descender = 0;
    std::string postscript_name;
};

Font::~Font() = default;

std::shared_ptr<const Font> Font::load(const std::filesystem::path& file) {
    core::SourceLoc loc{file.string(), 0, 0};
    std::string bytes;
    try {
        bytes = core::read_file(file);
    } catch (const core::Error& e) {
        throw core::Error(loc, core::trf("cannot load font: {}", {e.what()}));
    }
    if (bytes.size() < 12) throw core::Error(loc, _("cannot load font: file too short to be a TrueType font"));
    uint32_t tag = be32(bytes, 0);
    if (tag == 0x4F54544F)  // 'OTTO'
        throw core::Error(loc, _("cannot load font: CFF-flavoured OpenType is not supported"),
                          _("use a TrueType (glyf) font"));
    if (tag != 0x00010000 && tag != 0x74727565)  // 1.0 or 'true'
        throw core::Error(loc, _("cannot load font: not a TrueType font (bad sfnt header)"));

    std::shared_ptr<Font> f(new Font());
    f->file_ = file;
    f->bytes_ = std::move(bytes);
    auto impl = std::make_unique<Impl>();
    // The blob points into bytes_, which the Font owns and never modifies.
    impl->blob.reset(hb_blob_create(f->bytes_.data(), unsigned(f->bytes_.size()), HB_MEMORY_MODE_READONLY,
                                    nullptr, nullptr));
    impl->face.reset(hb_face_create(impl->blob.get(), 0));
    if (hb_face_get_glyph_count(impl->face.get()) == 0)
        throw core::Error(loc, _("cannot load font: HarfBuzz finds no glyphs in it"));
    impl->upem = hb_face_get_upem(impl->face.get());
    impl->font.reset(hb_font_create(impl->face.get()));
    hb_font_t* hf = impl->font.get();

    SetPtr unicodes(hb_set_create());
    hb_face_collect_unicodes(impl->face.get(), unicodes.get());
    if (hb_set_get_population(unicodes.get()) == 0)
        throw core::Error(loc, _("cannot load font: it maps no characters (no usable cmap)"));

    impl->bmp_block.fill(-1);
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb_set_next(unicodes.get(), &cp)) {
        hb_codepoint_t glyph = 0;
        if (!hb_font_get_nominal_glyph(hf, cp, &glyph)) continue;
        float adv = float(double(hb_font_get_glyph_h_advance(hf, glyph)) / impl->upem);
        if (cp < 0x10000) {
            int32_t& block = impl->bmp_block[cp >> 8];
            if (block < 0) {
                block = int32_t(impl->bmp.size() / 256);
                impl->bmp.resize(impl->bmp.size() + 256, kAbsent);
            }
            impl->bmp[size_t(block) * 256 + (cp & 0xFF)] = adv;
        } else
            impl->astral.emplace(char32_t(cp), adv);
    }

    hb_font_extents_t ext{};
    hb_font_get_h_extents(hf, &ext);
    impl->ascender = ext.ascender / impl->upem;
    impl->descender = ext.descender / impl->upem;

    unsigned len = 128;
    std::string name(len, '\0');
    unsigned got = hb_ot_name_get_utf8(impl->face.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len,
                                       name.data());
    if (got > 127) {  // longer than the first buffer: ask again with the full size
        len = got + 1;
        name.assign(len, '\0');
        hb_ot_name_get_utf8(impl->face.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name.data());
    }
    name.resize(len);
    impl->postscript_name = name;

    f->impl_ = std::move(impl);
    return f;
}

double Font::advance(char32_t cp) const {
    if (cp < 0x10000) {
        const int32_t block = impl_->bmp_block[cp >> 8];
        float a = block < 0 ? kAbsent : impl_->bmp[size_t(block) * 256 + (cp & 0xFF)];
        return a < 0 ? 0.0 : a;
    }
    auto it = impl_->astral.find(cp);
    return it == impl_->astral.end() ? 0.0 : it->second;
}

bool Font::has(char32_t cp) const {
    if (cp < 0x10000) {
        const int32_t block = impl_->bmp_block[cp >> 8];
        return block >= 0 && impl_->bmp[size_t(block) * 256 + (cp & 0xFF)] >= 0;
    }
    return impl_->astral.count(cp) != 0;
}

double Font::width(std::string_view utf8, double size) const {
    double em = 0;
    for (size_t i = 0; i < utf8.size();) em += advance(core::next_code_point(utf8, i));
    return em * size;
}

double Font::ascender() const { return impl_->ascender; }
double Font::descender() const { return impl_->descender; }
std::string Font::postscript_name() const { return impl_->postscript_name; }

std::string Font::subset(const std::set<char32_t>& codepoints) const {
    core::SourceLoc loc{file_.string(), 0, 0};
    SubsetInputPtr input(hb_subset_input_create_or_fail());
    if (!input) throw core::Error(loc, _("cannot subset font: out of memory"));

    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    // libharu needs a space (else widths fall back to .notdef), 'x' (XHeight) and 'H' (CapHeight).
    for (char32_t c : {U' ', U'x', U'H'}) hb_set_add(unicodes, c);
    for (char32_t c : codepoints) hb_set_add(unicodes, c);

    // Tables nothing downstream reads: libharu draws no kerning, shaping or hinting.
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* t : {"post", "GSUB", "GPOS", "GDEF", "gasp", "kern", "DSIG", "hdmx", "VDMX", "LTSH"})
        hb_set_add(drop, hb_tag_from_string(t, 4));

    // libharu reads the style (2) and PostScript (6) names; the family (1) is kept for viewers.
    hb_set_t* names = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID);
    hb_set_clear(names);
    for (unsigned id : {1u, 2u, 6u}) hb_set_add(names, id);

    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

    FacePtr out(hb_subset_or_fail(impl_->face.get(), input.get()));
    if (!out) throw core::Error(loc, _("cannot subset font: HarfBuzz failed"));
    BlobPtr blob(hb_face_reference_blob(out.get()));
    unsigned len = 0;
    const char* data = hb_blob_get_data(blob.get(), &len);
    if (!data || len == 0) throw core::Error(loc, _("cannot subset font: HarfBuzz produced an empty font"));
    return std::string(data, len);
}

std::shared_ptr<const Font> FontSet::get(const std::filesystem::path& file) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = faces_.find(file);
    if (it != faces_.end()) return it->second;
    auto f = Font::load(file);
    faces_.emplace(file, f);
    return f;
}

}  // namespace briefmake::fonts
