#include "fonts/font.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <mutex>
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
struct BufferDeleter {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
struct PlanDeleter {
    void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
using BufferPtr = std::unique_ptr<hb_buffer_t, BufferDeleter>;
using PlanPtr = std::unique_ptr<hb_subset_plan_t, PlanDeleter>;

uint32_t be32(const char* b, size_t at) {
    return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) |
           (uint32_t(uint8_t(b[at + 2])) << 8) | uint32_t(uint8_t(b[at + 3]));
}

// A font file's bytes, read into a buffer of its size that is not cleared first (a std::string
// of that size would be zero-filled: 1.2 M instructions for the sample brief's three faces).
// Anything but a regular file, or one whose size changes while it is read, is read the general
// way. Throws core::Error (cannot read file: ...) as core::read_file does.
std::unique_ptr<char[]> read_font_file(const std::filesystem::path& file, size_t& size) {
    struct Fd {
        int fd;
        ~Fd() {
            if (fd >= 0) ::close(fd);
        }
    } in{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat st {};
    if (in.fd >= 0 && ::fstat(in.fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        size = size_t(st.st_size);
        std::unique_ptr<char[]> out(new char[size]);
        size_t done = 0;
        while (done < size) {
            const ssize_t n = ::read(in.fd, out.get() + done, size - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            done += size_t(n);
        }
        char extra = 0;
        if (done == size && ::read(in.fd, &extra, 1) == 0) return out;
    }
    const std::string text = core::read_file(file);  // throws with the reason
    size = text.size();
    std::unique_ptr<char[]> out(new char[std::max<size_t>(size, 1)]);
    std::copy(text.begin(), text.end(), out.get());
    return out;
}

}  // namespace

// Immutable after load but for the BMP advance tables and the tabular figures, each filled once
// on first use under its own once_flag, so a Font can be shared across threads.
struct Font::Impl {
    BlobPtr blob;
    FacePtr face;
    FontPtr font;
    double upem = 1000;
    // The BMP code points the cmap maps, as ranges [first, last] in order (from the hb_set at
    // load: an hb_set caches its last lookup, so it is not read from several threads).
    std::vector<std::pair<char32_t, char32_t>> mapped;
    // Advance in em per BMP code point, kAbsent if none, in blocks of 256 code points, each
    // worked out when a code point of it is first asked for: a brief uses a handful of the
    // dozens of blocks a face maps (Liberation Sans: 2,300 code points), and asking HarfBuzz for
    // all of them at load cost 0.9 M instructions per face.
    mutable std::array<std::atomic<const float*>, 256> bmp_ready{};
    mutable std::array<std::once_flag, 256> bmp_once;
    mutable std::array<std::unique_ptr<float[]>, 256> bmp;
    const float* bmp_block(char32_t cp) const;
    std::unordered_map<char32_t, float> astral;   // code points above U+FFFF present in the cmap
    double ascender = 0, descender = 0;
    std::string postscript_name;
    // Tabular figures (Font::tabular), worked out on first use: digit -> stand-in, and each
    // stand-in's glyph and advance.
    struct Figure {
        char32_t digit = 0;
        hb_codepoint_t glyph = 0;
        double advance = 0;
    };
    mutable std::once_flag figures_once;
    mutable std::array<char32_t, 10> stand_in{};  // 0: the digit stays itself
    mutable std::map<char32_t, Figure> figures;   // by stand-in
    void find_figures() const;
};

// The `tnum` glyph of each digit, by shaping it alone with the feature on (HarfBuzz applies the
// font's GSUB lookups). Digits whose tabular glyph is their own need no stand-in; the others
// get code points of the BMP's private-use area that the font leaves unmapped, from U+F8FF
// down (libharu draws BMP code points only).
void Font::Impl::find_figures() const {
    hb_font_t* hf = font.get();
    unsigned index = 0;
    if (!hb_ot_layout_language_find_feature(face.get(), HB_OT_TAG_GSUB, 0, HB_OT_LAYOUT_DEFAULT_LANGUAGE_INDEX,
                                            HB_TAG('t', 'n', 'u', 'm'), &index)) {
        // Not in the default script's default language: look through every script.
        const unsigned scripts = hb_ot_layout_table_get_script_tags(face.get(), HB_OT_TAG_GSUB, 0, nullptr, nullptr);
        bool found = false;
        for (unsigned sc = 0; sc < scripts && !found; ++sc)
            found = hb_ot_layout_language_find_feature(face.get(), HB_OT_TAG_GSUB, sc, HB_OT_LAYOUT_DEFAULT_LANGUAGE_INDEX,
                                                       HB_TAG('t', 'n', 'u', 'm'), &index);
        if (!found) return;
    }
    const hb_feature_t tnum{HB_TAG('t', 'n', 'u', 'm'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
    char32_t next = 0xF8FF;  // stand-ins, downwards through U+E000..U+F8FF
    for (char32_t d = U'0'; d <= U'9'; ++d) {
        hb_codepoint_t nominal = 0;
        if (!hb_font_get_nominal_glyph(hf, d, &nominal)) continue;
        BufferPtr buf(hb_buffer_create());
        const uint32_t text = uint32_t(d);
        hb_buffer_add_utf32(buf.get(), &text, 1, 0, 1);
        hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
        hb_buffer_set_script(buf.get(), HB_SCRIPT_LATIN);
        hb_buffer_set_language(buf.get(), hb_language_from_string("en", -1));
        hb_shape(hf, buf.get(), &tnum, 1);
        unsigned n = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
        if (n != 1 || info[0].codepoint == nominal || info[0].codepoint == 0) continue;
        hb_codepoint_t unused = 0;
        while (next >= 0xE000 && hb_font_get_nominal_glyph(hf, next, &unused)) --next;
        if (next < 0xE000) return;
        const hb_codepoint_t glyph = info[0].codepoint;
        figures[next] = Figure{d, glyph, double(hb_font_get_glyph_h_advance(hf, glyph)) / upem};
        stand_in[d - U'0'] = next--;
    }
}

namespace {
// The table of a block the font maps nothing in.
const std::array<float, 256> kNothing = [] {
    std::array<float, 256> a{};
    a.fill(kAbsent);
    return a;
}();
}  // namespace

const float* Font::Impl::bmp_block(char32_t cp) const {
    const size_t b = cp >> 8;
    if (const float* t = bmp_ready[b].load(std::memory_order_acquire)) return t;
    std::call_once(bmp_once[b], [&] {
        const char32_t first = char32_t(b << 8), last = first + 255;
        auto it = std::lower_bound(mapped.begin(), mapped.end(), first,
                                   [](const std::pair<char32_t, char32_t>& r, char32_t c) { return r.second < c; });
        const float* table = kNothing.data();
        if (it != mapped.end() && it->first <= last) {
            bmp[b].reset(new float[256]);
            std::fill_n(bmp[b].get(), 256, kAbsent);
            hb_font_t* hf = font.get();
            for (; it != mapped.end() && it->first <= last; ++it)
                for (char32_t c = std::max(it->first, first); c <= std::min(it->second, last); ++c) {
                    hb_codepoint_t glyph = 0;
                    if (hb_font_get_nominal_glyph(hf, c, &glyph))
                        bmp[b][c - first] = float(double(hb_font_get_glyph_h_advance(hf, glyph)) / upem);
                }
            table = bmp[b].get();
        }
        bmp_ready[b].store(table, std::memory_order_release);
    });
    return bmp_ready[b].load(std::memory_order_acquire);
}

Font::~Font() = default;

std::shared_ptr<const Font> Font::load(const std::filesystem::path& file) {
    core::SourceLoc loc{file.string(), 0, 0};
    std::unique_ptr<char[]> bytes;
    size_t size = 0;
    try {
        bytes = read_font_file(file, size);
    } catch (const core::Error& e) {
        throw core::Error(loc, core::trf("cannot load font: {}", {e.what()}));
    }
    if (size < 12) throw core::Error(loc, _("cannot load font: file too short to be a TrueType font"));
    uint32_t tag = be32(bytes.get(), 0);
    if (tag == 0x4F54544F)  // 'OTTO'
        throw core::Error(loc, _("cannot load font: CFF-flavoured OpenType is not supported"),
                          _("use a TrueType (glyf) font"));
    if (tag != 0x00010000 && tag != 0x74727565)  // 1.0 or 'true'
        throw core::Error(loc, _("cannot load font: not a TrueType font (bad sfnt header)"));

    std::shared_ptr<Font> f(new Font());
    f->file_ = file;
    f->bytes_ = std::move(bytes);
    f->size_ = size;
    auto impl = std::make_unique<Impl>();
    // The blob points into bytes_, which the Font owns and never modifies.
    impl->blob.reset(hb_blob_create(f->bytes_.get(), unsigned(f->size_), HB_MEMORY_MODE_READONLY,
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

    hb_codepoint_t first = HB_SET_VALUE_INVALID, last = HB_SET_VALUE_INVALID;
    while (hb_set_next_range(unicodes.get(), &first, &last)) {
        if (first < 0x10000) impl->mapped.emplace_back(char32_t(first), char32_t(std::min<hb_codepoint_t>(last, 0xFFFF)));
        // Astral code points (few in any face) at once.
        for (hb_codepoint_t cp = std::max<hb_codepoint_t>(first, 0x10000); cp <= last && cp >= 0x10000; ++cp) {
            hb_codepoint_t glyph = 0;
            if (hb_font_get_nominal_glyph(hf, cp, &glyph))
                impl->astral.emplace(char32_t(cp), float(double(hb_font_get_glyph_h_advance(hf, glyph)) / impl->upem));
            if (cp == last) break;
        }
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

char32_t Font::tabular(char32_t cp) const {
    if (cp < U'0' || cp > U'9') return cp;
    std::call_once(impl_->figures_once, [this] { impl_->find_figures(); });
    const char32_t s = impl_->stand_in[cp - U'0'];
    return s ? s : cp;
}

char32_t Font::source(char32_t cp) const {
    if (cp < 0xE000 || cp > 0xF8FF) return cp;
    std::call_once(impl_->figures_once, [this] { impl_->find_figures(); });
    auto it = impl_->figures.find(cp);
    return it == impl_->figures.end() ? cp : it->second.digit;
}

double Font::advance(char32_t cp) const {
    if (cp < 0x10000) {
        const float a = impl_->bmp_block(cp)[cp & 0xFF];
        // A tabular stand-in (Font::tabular) is looked for only where the font maps nothing.
        if (a < 0 && cp >= 0xE000 && cp <= 0xF8FF && source(cp) != cp) return impl_->figures.at(cp).advance;
        return a < 0 ? 0.0 : a;
    }
    auto it = impl_->astral.find(cp);
    return it == impl_->astral.end() ? 0.0 : it->second;
}

bool Font::has(char32_t cp) const {
    if (cp < 0x10000) {
        if (impl_->bmp_block(cp)[cp & 0xFF] >= 0) return true;
        return cp >= 0xE000 && cp <= 0xF8FF && source(cp) != cp;
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

std::string Font::subset(const std::set<char32_t>& codepoints, std::vector<std::pair<char32_t, unsigned>>* extra) const {
    core::SourceLoc loc{file_.string(), 0, 0};
    SubsetInputPtr input(hb_subset_input_create_or_fail());
    if (!input) throw core::Error(loc, _("cannot subset font: out of memory"));

    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    // libharu needs a space (else widths fall back to .notdef), 'x' (XHeight) and 'H' (CapHeight).
    for (char32_t c : {U' ', U'x', U'H'}) hb_set_add(unicodes, c);
    std::vector<std::pair<char32_t, hb_codepoint_t>> stand_ins;  // tabular figures, by their glyph
    for (char32_t c : codepoints) {
        if (source(c) != c) {
            const hb_codepoint_t glyph = impl_->figures.at(c).glyph;
            hb_set_add(hb_subset_input_glyph_set(input.get()), glyph);
            stand_ins.emplace_back(c, glyph);
        } else {
            hb_set_add(unicodes, c);
        }
    }

    // Tables nothing downstream reads: libharu draws no kerning, shaping or hinting.
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* t : {"post", "GSUB", "GPOS", "GDEF", "gasp", "kern", "DSIG", "hdmx", "VDMX", "LTSH"})
        hb_set_add(drop, hb_tag_from_string(t, 4));

    // libharu reads the style (2) and PostScript (6) names; the family (1) is kept for viewers.
    hb_set_t* names = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID);
    hb_set_clear(names);
    for (unsigned id : {1u, 2u, 6u}) hb_set_add(names, id);

    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

    PlanPtr plan(hb_subset_plan_create_or_fail(impl_->face.get(), input.get()));
    FacePtr out(plan ? hb_subset_plan_execute_or_fail(plan.get()) : nullptr);
    if (!out) throw core::Error(loc, _("cannot subset font: HarfBuzz failed"));
    if (extra) {
        const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
        for (auto [c, glyph] : stand_ins)
            if (hb_map_has(old_to_new, glyph)) extra->emplace_back(c, hb_map_get(old_to_new, glyph));
    }
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
