// Reads a reference .docx/.dotx. It comes from outside, like a brief: the archive's declared
// sizes are checked before anything is inflated, macros are refused, and only the parts we take
// (document.xml for the first section, styles, theme, the default header and footer with their
// images) are read; settings, attached templates, custom XML and comments are never opened.
#include "docx/reference.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <functional>
#include <memory>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "core/dynlib.hpp"
#include "core/i18n.hpp"

namespace briefmake::docx {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The local name of an element or attribute ("w:sz" -> "sz"): documents may use any prefix.
std::string_view local(const char* name) {
    std::string_view s(name);
    auto colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (auto c : n.children())
        if (local(c.name()) == name) return c;
    return {};
}

pugi::xml_attribute attr(pugi::xml_node n, std::string_view name) {
    for (auto a : n.attributes())
        if (local(a.name()) == name) return a;
    return {};
}

std::string val(pugi::xml_node n) { return n ? attr(n, "val").value() : std::string(); }

// A w:b / w:i / w:caps toggle: present means on unless its val says otherwise.
std::optional<bool> toggle(pugi::xml_node props, std::string_view name) {
    auto n = child(props, name);
    if (!n) return std::nullopt;
    std::string v = lower(val(n));
    return !(v == "0" || v == "false" || v == "off");
}

std::optional<double> number(pugi::xml_node n, std::string_view name) {
    auto a = attr(n, name);
    if (!a) return std::nullopt;
    std::string s = a.value();
    if (s.empty() || s.size() > 12) return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !std::isfinite(v)) return std::nullopt;
    // Some writers spell units ("12pt", "1in"); OOXML's transitional schema allows them.
    std::string unit(end);
    if (unit == "pt") v *= 20;
    else if (unit == "in") v *= 1440;
    else if (unit == "mm") v *= 1440 / 25.4;
    else if (unit == "cm") v *= 1440 / 2.54;
    else if (!unit.empty()) return std::nullopt;
    return v;
}

std::optional<RefColor> parse_hex(const std::string& s) {
    if (s.size() != 6) return std::nullopt;
    auto h = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (char c : s)
        if (h(c) < 0) return std::nullopt;
    return RefColor{uint8_t(h(s[0]) * 16 + h(s[1])), uint8_t(h(s[2]) * 16 + h(s[3])), uint8_t(h(s[4]) * 16 + h(s[5]))};
}

// libzip is loaded when the first reference document is read, not linked: linked, it brought
// OpenSSL's libcrypto (for zip encryption, which we refuse anyway) into every process, a third of
// all symbol bindings before main. The DOCX we write is zipped by docx/package.cpp over zlib.
struct Libzip {
    decltype(&zip_source_buffer_create) source_buffer_create = nullptr;
    decltype(&zip_source_free) source_free = nullptr;
    decltype(&zip_open_from_source) open_from_source = nullptr;
    decltype(&zip_error_strerror) error_strerror = nullptr;
    decltype(&zip_error_fini) error_fini = nullptr;
    decltype(&zip_discard) discard = nullptr;
    decltype(&zip_get_num_entries) get_num_entries = nullptr;
    decltype(&zip_stat_index) stat_index = nullptr;
    decltype(&zip_fopen) fopen = nullptr;
    decltype(&zip_fread) fread = nullptr;
    decltype(&zip_fclose) fclose = nullptr;
    std::string error;  // why libzip could not be loaded; empty when it was
};

const Libzip& libzip() {
    static const Libzip api = [] {
        Libzip a;
        core::DynLib lib("libzip.so.4");
        lib.bind(a.source_buffer_create, "zip_source_buffer_create");
        lib.bind(a.source_free, "zip_source_free");
        lib.bind(a.open_from_source, "zip_open_from_source");
        lib.bind(a.error_strerror, "zip_error_strerror");
        lib.bind(a.error_fini, "zip_error_fini");
        lib.bind(a.discard, "zip_discard");
        lib.bind(a.get_num_entries, "zip_get_num_entries");
        lib.bind(a.stat_index, "zip_stat_index");
        lib.bind(a.fopen, "zip_fopen");
        lib.bind(a.fread, "zip_fread");
        lib.bind(a.fclose, "zip_fclose");
        a.error = lib.error();
        return a;
    }();
    return api;
}

struct ZipFree {
    void operator()(zip_t* z) const { libzip().discard(z); }
};
struct ZipFileFree {
    void operator()(zip_file_t* f) const { libzip().fclose(f); }
};

// What the theme gives: colours by scheme name ("dk1", "accent1") and the major/minor fonts.
struct Theme {
    std::map<std::string, RefColor> colors;
    std::string major, minor;
};

// Properties a style sets itself (unset ones come from its base).
struct Props {
    std::optional<std::string> font;
    std::optional<double> size;
    std::optional<bool> bold, italic, caps;
    std::optional<double> letter_spacing;
    std::optional<std::optional<RefColor>> color;
    std::optional<double> before, after, line, left, first;
    std::optional<RefStyle::LineRule> rule;
    std::optional<std::string> align;
    std::optional<bool> keep;
    std::vector<RefTab> tabs;
    // Table styles only.
    std::optional<RefColor> border_color, header_fill, header_color, band_fill;
    std::optional<bool> header_bold;
    // Set by this style: a vertical rule, or none ("nil", "none").
    std::optional<std::optional<RefBorder>> rule_left, rule_right, rule_inside_v;
    std::optional<std::optional<RefBorder>> border_bottom;  // paragraph styles
};

class Reader {
public:
    Reader(std::string name, core::SourceLoc loc, const ReferenceLimits& limits)
        : name_(std::move(name)), loc_(std::move(loc)), limits_(limits) {
        if (loc_.file.empty()) loc_.file = name_;
    }

    Reference read(const std::string& bytes) {
        if (bytes.size() > limits_.max_file)
            fail(core::trf("reference document \"{}\" is larger than {} MB", {name_, std::to_string(limits_.max_file >> 20)}));
        if (bytes.size() < 4 || bytes.compare(0, 4, "PK\x03\x04") != 0)
            fail(core::trf("reference document \"{}\" is not a zip archive; expected a .docx or .dotx file", {name_}));
        const Libzip& z = libzip();
        if (!z.error.empty()) fail(core::trf("reference document \"{}\" cannot be read: {}", {name_, z.error}));
        zip_error_t err{};  // zip_error_init's whole work
        zip_source_t* src = z.source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (!src) fail(core::trf("reference document \"{}\" cannot be opened as a zip archive", {name_}));
        zip_.reset(z.open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err));
        if (!zip_) {
            z.source_free(src);
            std::string why = z.error_strerror(&err);
            z.error_fini(&err);
            fail(core::trf("reference document \"{}\" is not a valid zip archive ({})", {name_, why}));
        }
        z.error_fini(&err);
        check_entries();
        check_content_types();

        Reference r;
        r.file = name_;
        std::string main = main_part();
        auto doc_rels = rels_of(main);
        const std::set<std::string> doc_external = external_ids_;
        std::string dir = main.substr(0, main.rfind('/') + 1);
        auto target_of = [&](const std::string& type_tail, const RefRel** found = nullptr) -> std::string {
            for (const auto& rel : doc_rels)
                if (ends_with(rel.type, type_tail)) {
                    if (found) *found = &rel;
                    return resolve(dir, rel.target);
                }
            return {};
        };
        if (std::string theme = target_of("/theme"); !theme.empty() && has(theme)) {
            r.theme_xml = part(theme);
            read_theme(r.theme_xml, theme);
            r.major_font = theme_.major;
            r.minor_font = theme_.minor;
        }
        if (std::string styles = target_of("/styles"); !styles.empty() && has(styles)) {
            r.styles_xml = part(styles);
            check_no_external(styles);
            read_styles(r, r.styles_xml, styles);
        } else {
            fail(core::trf("reference document \"{}\" has no styles part (word/styles.xml)", {name_}));
        }
        pugi::xml_document d;
        parse(d, part(main), main);
        pugi::xml_node body = child(child(d, "document"), "body");
        pugi::xml_node sect;
        for (auto p : body.children()) {  // the first section ends at the first paragraph carrying a sectPr
            if (local(p.name()) == "p")
                if (auto s = child(child(p, "pPr"), "sectPr")) {
                    sect = s;
                    break;
                }
        }
        if (!sect) sect = child(body, "sectPr");
        if (sect) {
            read_page(sect, r.page);
            for (auto ref : sect.children()) {
                std::string_view n = local(ref.name());
                if ((n != "headerReference" && n != "footerReference") || std::string(attr(ref, "type").value()) != "default")
                    continue;
                std::string id = attr(ref, "id").value();
                const RefRel* rel = nullptr;
                for (const auto& x : doc_rels)
                    if (x.id == id) rel = &x;
                if (!rel) fail(core::trf("reference document \"{}\": part {} names a header or footer \"{}\" it has no relationship for", {name_, main, id}));
                if (doc_external.count(id))
                    fail(core::trf("reference document \"{}\": part {} has an external header or footer ({}); nothing external is carried over", {name_, main, rel->target}));
                std::string p = resolve(dir, rel->target);
                (n == "headerReference" ? r.header : r.footer) = furniture(p, r);
            }
        }
        return r;
    }

private:
    [[noreturn]] void fail(const std::string& msg, const std::string& hint = {}) const { throw core::Error(loc_, msg, hint); }

    static bool ends_with(const std::string& s, const std::string& tail) {
        return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
    }

    // Every entry's declared size, before any inflating: one part too large, all of them too
    // large, or a ratio no document has (a zip bomb), and macros.
    void check_entries() {
        const Libzip& z = libzip();
        zip_int64_t n = z.get_num_entries(zip_.get(), 0);
        if (n < 0 || n > 10000) fail(core::trf("reference document \"{}\" has too many entries", {name_}));
        uint64_t total = 0;
        for (zip_int64_t i = 0; i < n; ++i) {
            zip_stat_t st{};  // zip_stat_init's whole work: nothing valid
            if (z.stat_index(zip_.get(), zip_uint64_t(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
                fail(core::trf("reference document \"{}\" has an unreadable zip entry", {name_}));
            std::string entry = st.name;
            uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
            uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
            if (lower(entry).find("vbaproject.bin") != std::string::npos)
                fail(core::trf("reference document \"{}\" contains macros (part {}); a macro-enabled file is refused", {name_, entry}),
                     _("save it as a .docx or .dotx without macros"));
            total += size;
            bool bomb = size > limits_.max_part || total > limits_.max_total ||
                        (size > (1u << 20) && size / std::max<uint64_t>(comp, 1) > limits_.max_ratio);
            if (bomb)
                fail(core::trf("reference document \"{}\": part {} would inflate to {} bytes from {}; refused as a zip bomb",
                               {name_, entry, std::to_string(size), std::to_string(comp)}));
            sizes_[entry] = size;
        }
    }

    void check_content_types() {
        pugi::xml_document d;
        parse(d, part("[Content_Types].xml"), "[Content_Types].xml");
        for (auto n : child(d, "Types").children()) {
            std::string ct = lower(attr(n, "ContentType").value());
            if (ct.find("macroenabled") != std::string::npos || ct.find("vbaproject") != std::string::npos)
                fail(core::trf("reference document \"{}\" is macro-enabled (content type {}); a macro-enabled file is refused",
                               {name_, attr(n, "ContentType").value()}),
                     _("save it as a .docx or .dotx without macros"));
        }
    }

    bool has(const std::string& entry) const { return sizes_.count(entry) != 0; }

    // The inflated bytes of an entry, never more than it declared (a lying header is an error).
    std::string part(const std::string& entry) const {
        auto it = sizes_.find(entry);
        if (it == sizes_.end()) fail(core::trf("reference document \"{}\" lacks the part {}", {name_, entry}));
        const Libzip& z = libzip();
        std::unique_ptr<zip_file_t, ZipFileFree> f(z.fopen(zip_.get(), entry.c_str(), 0));
        if (!f) fail(core::trf("reference document \"{}\": part {} cannot be read", {name_, entry}));
        std::string out(it->second, '\0');
        zip_int64_t got = out.empty() ? 0 : z.fread(f.get(), out.data(), out.size());
        char extra;
        if (got != zip_int64_t(out.size()) || z.fread(f.get(), &extra, 1) != 0)
            fail(core::trf("reference document \"{}\": part {} is damaged (its size or checksum is wrong)", {name_, entry}));
        return out;
    }

    void parse(pugi::xml_document& d, const std::string& text, const std::string& entry) const {
        auto res = d.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
        if (!res)
            fail(core::trf("reference document \"{}\": part {} is not well-formed XML ({} at byte {})",
                           {name_, entry, res.description(), std::to_string(res.offset)}));
    }

    // "word/" + "../media/x.png" -> "media/x.png"; absolute "/word/x" -> "word/x".
    static std::string resolve(const std::string& dir, const std::string& target) {
        std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : dir + target;
        std::vector<std::string> out;
        std::stringstream ss(path);
        for (std::string seg; std::getline(ss, seg, '/');) {
            if (seg.empty() || seg == ".") continue;
            if (seg == "..") {
                if (!out.empty()) out.pop_back();
            } else {
                out.push_back(seg);
            }
        }
        std::string r;
        for (const auto& s : out) r += (r.empty() ? "" : "/") + s;
        return r;
    }

    static std::string rels_name(const std::string& part) {
        auto slash = part.rfind('/');
        std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
        return dir + "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
    }

    // A part's relationships; external ones are remembered (external_ids_) for the caller to judge.
    std::vector<RefRel> rels_of(const std::string& part_name) {
        std::vector<RefRel> v;
        std::string rn = rels_name(part_name);
        if (!has(rn)) return v;
        pugi::xml_document d;
        parse(d, part(rn), rn);
        for (auto r : child(d, "Relationships").children()) {
            if (local(r.name()) != "Relationship") continue;
            RefRel rel{attr(r, "Id").value(), attr(r, "Type").value(), attr(r, "Target").value()};
            if (lower(attr(r, "TargetMode").value()) == "external") external_ids_.insert(rel.id);
            v.push_back(rel);
        }
        return v;
    }

    // A part we take may have no external relationship at all.
    std::vector<RefRel> check_no_external(const std::string& part_name) {
        external_ids_.clear();
        auto v = rels_of(part_name);
        for (const auto& rel : v)
            if (external_ids_.count(rel.id))
                fail(core::trf("reference document \"{}\": part {} has an external relationship to {}; nothing external is carried over",
                               {name_, part_name, rel.target}),
                     _("embed the image or remove the link in Word, then save the reference again"));
        return v;
    }

    std::string main_part() {
        pugi::xml_document d;
        parse(d, part("_rels/.rels"), "_rels/.rels");
        for (auto r : child(d, "Relationships").children())
            if (ends_with(attr(r, "Type").value(), "/officeDocument")) {
                if (lower(attr(r, "TargetMode").value()) == "external")
                    fail(core::trf("reference document \"{}\": its main part is external", {name_}));
                std::string p = resolve("", attr(r, "Target").value());
                if (has(p)) return p;
            }
        fail(core::trf("reference document \"{}\" has no main document part; expected a Word document", {name_}));
    }

    void read_theme(const std::string& xml, const std::string& entry) {
        pugi::xml_document d;
        parse(d, xml, entry);
        auto elements = child(child(d, "theme"), "themeElements");
        for (auto c : child(elements, "clrScheme").children()) {
            std::string key(local(c.name()));
            for (auto v : c.children()) {
                std::string k(local(v.name()));
                std::string hex = k == "srgbClr" ? attr(v, "val").value() : k == "sysClr" ? attr(v, "lastClr").value() : "";
                if (auto col = parse_hex(hex)) theme_.colors[key] = *col;
            }
        }
        auto fonts = child(elements, "fontScheme");
        theme_.major = attr(child(child(fonts, "majorFont"), "latin"), "typeface").value();
        theme_.minor = attr(child(child(fonts, "minorFont"), "latin"), "typeface").value();
    }

    // themeColor ("accent1", "text1") -> the scheme's colour, with Word's tint and shade.
    std::optional<RefColor> theme_color(pugi::xml_node c) const {
        static const std::map<std::string, std::string> names = {
            {"dark1", "dk1"}, {"light1", "lt1"}, {"dark2", "dk2"}, {"light2", "lt2"}, {"text1", "dk1"},
            {"background1", "lt1"}, {"text2", "dk2"}, {"background2", "lt2"}, {"hyperlink", "hlink"},
            {"followedHyperlink", "folHlink"}};
        std::string t = attr(c, "themeColor").value();
        if (auto it = names.find(t); it != names.end()) t = it->second;
        auto it = theme_.colors.find(t);
        if (it == theme_.colors.end()) return std::nullopt;
        RefColor col = it->second;
        auto byte = [&](const char* a) -> std::optional<int> {
            auto x = parse_hex(std::string("0000") + attr(c, a).value());
            return x ? std::optional<int>(x->b) : std::nullopt;
        };
        // Word shades and tints in HSL: the luminance scaled (shade) or moved towards white (tint).
        auto shade = byte("themeShade"), tint = byte("themeTint");
        if (!shade && !tint) return col;
        double r = col.r / 255.0, g = col.g / 255.0, b = col.b / 255.0;
        double mx = std::max({r, g, b}), mn = std::min({r, g, b});
        double l = (mx + mn) / 2, h = 0, sat = 0;
        if (mx != mn) {
            double d = mx - mn;
            sat = l > 0.5 ? d / (2 - mx - mn) : d / (mx + mn);
            h = mx == r ? (g - b) / d + (g < b ? 6 : 0) : mx == g ? (b - r) / d + 2 : (r - g) / d + 4;
            h /= 6;
        }
        if (shade) l = l * *shade / 255.0;
        if (tint) l = l * *tint / 255.0 + (1 - *tint / 255.0);
        auto hue = [](double p, double q, double t) {
            if (t < 0) t += 1;
            if (t > 1) t -= 1;
            if (t < 1.0 / 6) return p + (q - p) * 6 * t;
            if (t < 0.5) return q;
            if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
            return p;
        };
        double q = l < 0.5 ? l * (1 + sat) : l + sat - l * sat, pp = 2 * l - q;
        auto to8 = [](double v) { return uint8_t(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
        if (sat == 0) return RefColor{to8(l), to8(l), to8(l)};
        return RefColor{to8(hue(pp, q, h + 1.0 / 3)), to8(hue(pp, q, h)), to8(hue(pp, q, h - 1.0 / 3))};
    }

    void read_rpr(pugi::xml_node rpr, Props& p) const {
        if (!rpr) return;
        if (auto f = child(rpr, "rFonts")) {
            // A theme font beside an explicit one wins, as in Word.
            std::string theme = attr(f, "asciiTheme").value();
            if (theme.empty()) theme = attr(f, "hAnsiTheme").value();
            std::string font = attr(f, "ascii").value();
            if (font.empty()) font = attr(f, "hAnsi").value();
            if (!theme.empty()) {
                std::string t = theme.rfind("major", 0) == 0 ? theme_.major : theme_.minor;
                if (!t.empty()) font = t;
            }
            if (!font.empty()) p.font = font;
        }
        if (auto v = number(child(rpr, "sz"), "val"); v && *v >= 2 && *v <= 3276) p.size = *v / 2;
        if (auto b = toggle(rpr, "b")) p.bold = b;
        if (auto i = toggle(rpr, "i")) p.italic = i;
        if (auto c = toggle(rpr, "caps")) p.caps = c;
        if (auto v = number(child(rpr, "spacing"), "val"); v && std::abs(*v) < 31680) p.letter_spacing = *v / 20;
        if (auto c = child(rpr, "color")) {
            std::optional<RefColor> col;
            if (attr(c, "themeColor")) col = theme_color(c);
            if (!col) col = parse_hex(val(c));  // "auto" and nonsense: automatic
            p.color = col;
        }
    }

    void read_ppr(pugi::xml_node ppr, Props& p) const {
        if (!ppr) return;
        if (auto k = toggle(ppr, "keepNext")) p.keep = k;
        if (auto sp = child(ppr, "spacing")) {
            if (auto v = number(sp, "before")) p.before = *v / 20;
            if (auto v = number(sp, "after")) p.after = *v / 20;
            if (auto v = number(sp, "line"); v && *v > 0) {
                std::string rule = attr(sp, "lineRule").value();
                if (rule == "exact") p.rule = RefStyle::LineRule::Exact, p.line = *v / 20;
                else if (rule == "atLeast") p.rule = RefStyle::LineRule::AtLeast, p.line = *v / 20;
                else p.rule = RefStyle::LineRule::Auto, p.line = *v / 240;
            }
        }
        if (auto ind = child(ppr, "ind")) {
            if (auto v = number(ind, "left")) p.left = *v / 20;
            else if (auto s = number(ind, "start")) p.left = *s / 20;
            if (auto v = number(ind, "hanging")) p.first = -*v / 20;
            else if (auto f = number(ind, "firstLine")) p.first = *f / 20;
        }
        border(child(child(ppr, "pBdr"), "bottom"), p.border_bottom);
        if (auto jc = child(ppr, "jc")) {
            std::string a = val(jc);
            p.align = a == "center" ? "center" : (a == "right" || a == "end") ? "right"
                      : (a == "both" || a == "distribute") ? "both" : "left";
        }
        if (auto tabs = child(ppr, "tabs"))
            for (auto t : tabs.children()) {
                std::string kind = val(t);
                auto pos = number(t, "pos");
                if (!pos || kind == "clear") continue;
                p.tabs.push_back({kind == "end" ? "right" : kind == "start" ? "left" : kind, *pos / 20});
            }
    }

    // A colour attribute: hex, or the theme's; "auto" and "nil" are none.
    std::optional<RefColor> color_of(pugi::xml_node n, const char* hex_attr) const {
        if (!n) return std::nullopt;
        std::optional<RefColor> c;
        if (attr(n, "themeColor")) c = theme_color(n);
        if (!c) c = parse_hex(attr(n, hex_attr).value());
        return c;
    }

    // A border element (w:top, w:insideV ...) into `out`, if there is one: a line, or none
    // ("nil", "none").
    void border(pugi::xml_node e, std::optional<std::optional<RefBorder>>& out) const {
        if (!e) return;
        std::string kind = val(e);
        if (kind == "nil" || kind == "none" || kind.empty()) {
            out = std::optional<RefBorder>();
            return;
        }
        RefBorder b;
        // w:sz in eighths of a point (Word draws 1/4 pt to 6 pt), w:space in points.
        if (auto sz = number(e, "sz")) b.width = std::clamp(*sz / 8.0, 0.25, 6.0);
        if (auto sp = number(e, "space")) b.space = std::clamp(*sp, 0.0, 31.0);
        b.color = color_of(e, "color");
        out = b;
    }

    // A table style's rules, header row and stripes.
    void read_table(pugi::xml_node s, Props& p) const {
        if (auto b = child(child(s, "tblPr"), "tblBorders"))
            for (const char* side : {"insideH", "top", "bottom"}) {
                auto e = child(b, side);
                std::string kind = val(e);
                if (!e || kind == "nil" || kind == "none") continue;
                if (auto c = color_of(e, "color")) {
                    p.border_color = c;
                    break;
                }
            }
        if (auto b = child(child(s, "tblPr"), "tblBorders")) {
            border(child(b, "left"), p.rule_left);
            border(child(b, "start"), p.rule_left);  // the Strict / Word 2010 name
            border(child(b, "right"), p.rule_right);
            border(child(b, "end"), p.rule_right);
            border(child(b, "insideV"), p.rule_inside_v);
        }
        for (auto c : s.children()) {
            if (local(c.name()) != "tblStylePr") continue;
            std::string type = attr(c, "type").value();
            auto fill = color_of(child(child(c, "tcPr"), "shd"), "fill");
            if (type == "firstRow") {
                if (fill) p.header_fill = fill;
                auto rpr = child(c, "rPr");
                if (auto col = child(rpr, "color")) p.header_color = color_of(col, "val");
                if (auto b = toggle(rpr, "b")) p.header_bold = b;
            } else if ((type == "band1Horz" || type == "band2Horz") && fill) {
                p.band_fill = fill;
            }
        }
    }

    static void apply(const Props& p, RefStyle& s) {
        if (p.font) s.font = *p.font;
        if (p.size) s.size = *p.size;
        if (p.bold) s.bold = *p.bold;
        if (p.italic) s.italic = *p.italic;
        if (p.caps) s.caps = *p.caps;
        if (p.letter_spacing) s.letter_spacing = *p.letter_spacing;
        if (p.color) s.color = *p.color;
        if (p.before) s.space_before = *p.before;
        if (p.after) s.space_after = *p.after;
        if (p.rule) s.line_rule = *p.rule;
        if (p.line) s.line = *p.line;
        if (p.left) s.indent_left = *p.left;
        if (p.first) s.indent_first = *p.first;
        if (p.align) s.align = *p.align;
        if (p.keep) s.keep_with_next = *p.keep;
        if (p.border_bottom) s.border_bottom = *p.border_bottom;
    }

    void read_styles(Reference& r, const std::string& xml, const std::string& entry) {
        pugi::xml_document d;
        parse(d, xml, entry);
        auto root = child(d, "styles");
        Props defaults;
        auto dd = child(root, "docDefaults");
        read_rpr(child(child(dd, "rPrDefault"), "rPr"), defaults);
        read_ppr(child(child(dd, "pPrDefault"), "pPr"), defaults);
        RefStyle base;
        base.font = "Times New Roman";  // Word's default when nothing names a font
        apply(defaults, base);

        struct Raw {
            RefStyle head;
            Props props;
        };
        std::map<std::string, Raw> raw;
        std::vector<std::string> order;
        for (auto s : root.children()) {
            if (local(s.name()) != "style") continue;
            Raw x;
            x.head.id = attr(s, "styleId").value();
            x.head.type = attr(s, "type").value();
            x.head.name = val(child(s, "name"));
            x.head.based_on = val(child(s, "basedOn"));
            if (x.head.id.empty() || raw.count(x.head.id)) continue;
            if (x.head.name.empty()) x.head.name = x.head.id;
            read_ppr(child(s, "pPr"), x.props);
            read_rpr(child(s, "rPr"), x.props);
            if (x.head.type == "table") read_table(s, x.props);
            x.head.is_default = std::string(attr(s, "default").value()) == "1";
            if (std::string(attr(s, "default").value()) == "1" && x.head.type == "paragraph" && normal_id_.empty())
                normal_id_ = x.head.id;
            order.push_back(x.head.id);
            raw.emplace(x.head.id, std::move(x));
        }
        for (const auto& id : order) {
            // The chain, root first; a loop or a missing base ends it.
            std::vector<const Raw*> chain;
            std::set<std::string> seen;
            for (std::string cur = id; !cur.empty() && !seen.count(cur) && raw.count(cur) && chain.size() < 64;) {
                seen.insert(cur);
                chain.push_back(&raw.at(cur));
                cur = raw.at(cur).head.based_on;
            }
            RefStyle s = base;
            const Raw& me = raw.at(id);
            s.id = me.head.id;
            s.name = me.head.name;
            s.type = me.head.type;
            s.based_on = me.head.based_on;
            s.is_default = me.head.is_default;
            std::vector<RefTab> tabs;
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                apply((*it)->props, s);
                const Props& p = (*it)->props;
                s.sets_font = s.sets_font || p.font.has_value();
                s.sets_size = s.sets_size || p.size.has_value();
                s.sets_color = s.sets_color || p.color.has_value();
                if (p.border_color) s.border_color = p.border_color;
                if (p.header_fill) s.header_fill = p.header_fill;
                if (p.header_color) s.header_color = p.header_color;
                if (p.band_fill) s.band_fill = p.band_fill;
                if (p.header_bold) s.header_bold = p.header_bold;
                if (p.rule_left) s.rule_left = *p.rule_left;
                if (p.rule_right) s.rule_right = *p.rule_right;
                if (p.rule_inside_v) s.rule_inside_v = *p.rule_inside_v;
                tabs.insert(tabs.end(), (*it)->props.tabs.begin(), (*it)->props.tabs.end());
            }
            std::sort(tabs.begin(), tabs.end(), [](const RefTab& a, const RefTab& b) { return a.pos < b.pos; });
            s.tabs = tabs;
            r.styles.push_back(s);
            tabs_[id] = tabs;
        }
        // Normal: the default paragraph style; a document without one gets docDefaults alone.
        if (normal_id_.empty()) {
            for (const auto& s : r.styles)
                if (s.type == "paragraph" && lower(s.name) == "normal") normal_id_ = s.id;
        }
        if (normal_id_.empty()) {
            RefStyle n = base;
            n.id = n.name = "Normal";
            n.type = "paragraph";
            r.styles.push_back(n);
            normal_id_ = "Normal";
        }
    }

    void read_page(pugi::xml_node sect, RefPage& pg) const {
        if (auto sz = child(sect, "pgSz")) {
            auto w = number(sz, "w"), h = number(sz, "h");
            if (w && h && *w >= 2880 && *h >= 2880 && *w <= 31680 * 2 && *h <= 31680 * 2) pg.width = *w / 20, pg.height = *h / 20;
            bool landscape = std::string(attr(sz, "orient").value()) == "landscape";
            if (landscape != (pg.width > pg.height)) std::swap(pg.width, pg.height);
        }
        if (auto m = child(sect, "pgMar")) {
            auto get = [&](const char* a, double& out) {
                if (auto v = number(m, a); v && std::abs(*v) < 31680) out = std::abs(*v) / 20;
            };
            get("top", pg.top);
            get("bottom", pg.bottom);
            get("left", pg.left);
            get("right", pg.right);
            get("header", pg.header);
            get("footer", pg.footer);
        }
    }

    RefFurniture furniture(const std::string& part_name, const Reference& r) {
        RefFurniture f;
        f.part = part_name;
        f.xml = part(part_name);
        f.rels = check_no_external(part_name);
        std::string dir = part_name.substr(0, part_name.rfind('/') + 1);
        std::map<std::string, int> image_of;  // rel id -> index
        for (const auto& rel : f.rels) {
            if (!ends_with(rel.type, "/image")) continue;
            std::string p = resolve(dir, rel.target);
            image_of[rel.id] = int(f.images.size());
            f.images.push_back({p, part(p), rel.id});
        }
        pugi::xml_document d;
        parse(d, f.xml, part_name);
        // Paragraphs in document order, also inside tables and text boxes.
        std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
            for (auto c : n.children()) {
                if (local(c.name()) == "p") f.paragraphs.push_back(paragraph(c, image_of, r));
                else walk(c);
            }
        };
        walk(d.first_child());
        return f;
    }

    RefParagraph paragraph(pugi::xml_node p, const std::map<std::string, int>& image_of, const Reference& r) {
        RefParagraph out;
        auto ppr = child(p, "pPr");
        out.style_id = val(child(ppr, "pStyle"));
        Props own;
        read_ppr(ppr, own);
        if (own.align) out.align = *own.align;
        std::string style = out.style_id.empty() ? normal_id_ : out.style_id;
        if (auto it = tabs_.find(style); it != tabs_.end()) out.tabs = it->second;
        out.tabs.insert(out.tabs.end(), own.tabs.begin(), own.tabs.end());
        std::sort(out.tabs.begin(), out.tabs.end(), [](const RefTab& a, const RefTab& b) { return a.pos < b.pos; });
        (void)r;
        // Complex fields: begin, instrText, separate, (shown result), end. The result is skipped.
        enum { None, Instr, Result } field = None;
        std::string instr;
        auto field_kind = [](std::string s) -> std::optional<RefRun::Kind> {
            std::stringstream ss(s);
            std::string word;
            ss >> word;
            word = lower(word);
            if (word == "page") return RefRun::Kind::Page;
            if (word == "numpages" || word == "sectionpages") return RefRun::Kind::Pages;
            return std::nullopt;
        };
        std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
            for (auto c : n.children()) {
                std::string_view name = local(c.name());
                if (name == "pPr" || name == "rPr") continue;
                if (name == "fldSimple") {
                    if (auto k = field_kind(attr(c, "instr").value())) out.runs.push_back({*k});
                    else walk(c);
                    continue;
                }
                if (name == "fldChar") {
                    std::string t = attr(c, "fldCharType").value();
                    if (t == "begin") field = Instr, instr.clear();
                    else if (t == "separate") {
                        if (auto k = field_kind(instr)) out.runs.push_back({*k});
                        field = Result;
                    } else if (t == "end") {
                        if (field == Instr)
                            if (auto k = field_kind(instr)) out.runs.push_back({*k});
                        field = None;
                    }
                    continue;
                }
                if (name == "instrText") {
                    if (field == Instr) instr += c.text().get();
                    continue;
                }
                if (field == Result) {
                    walk(c);
                    continue;
                }
                if (name == "t") {
                    std::string t = c.text().get();
                    if (!out.runs.empty() && out.runs.back().kind == RefRun::Kind::Text) out.runs.back().text += t;
                    else out.runs.push_back({RefRun::Kind::Text, t});
                } else if (name == "tab" && local(n.name()) == "r") {
                    out.runs.push_back({RefRun::Kind::Tab});
                } else if (name == "blip") {
                    auto it = image_of.find(attr(c, "embed").value());
                    if (it != image_of.end()) {
                        RefRun run{RefRun::Kind::Image};
                        run.image = it->second;
                        run.width = extent_w_, run.height = extent_h_;
                        out.runs.push_back(run);
                    }
                } else {
                    if (name == "extent") {
                        extent_w_ = number(c, "cx").value_or(0) / 12700;
                        extent_h_ = number(c, "cy").value_or(0) / 12700;
                    }
                    walk(c);
                }
            }
        };
        walk(p);
        return out;
    }

    std::string name_;
    core::SourceLoc loc_;
    ReferenceLimits limits_;
    std::unique_ptr<zip_t, ZipFree> zip_;
    std::map<std::string, uint64_t> sizes_;
    std::set<std::string> external_ids_;
    Theme theme_;
    std::string normal_id_;
    std::map<std::string, std::vector<RefTab>> tabs_;  // style id -> its tabs through basedOn
    double extent_w_ = 0, extent_h_ = 0;
};

}  // namespace

const RefStyle* Reference::by_name(const std::string& name) const {
    std::string l = lower(name);
    for (const auto& s : styles)
        if (lower(s.name) == l) return &s;
    return nullptr;
}

const RefStyle* Reference::by_id(const std::string& id) const {
    for (const auto& s : styles)
        if (s.id == id) return &s;
    return nullptr;
}

const RefStyle* Reference::normal() const {
    for (const auto& s : styles)
        if (s.type == "paragraph" && lower(s.name) == "normal") return &s;
    for (const auto& s : styles)
        if (s.type == "paragraph") return &s;
    return nullptr;
}

const RefStyle* Reference::table_style() const {
    auto says = [](const RefStyle* s) {
        return s && s->type == "table" &&
               (s->sets_font || s->sets_size || s->sets_color || s->border_color || s->header_fill || s->header_color ||
                s->band_fill || s->header_bold);
    };
    for (const auto& s : styles)
        if (s.is_default && says(&s)) return &s;
    for (const char* name : {"Table Grid", "Table"})
        if (const RefStyle* s = by_name(name); says(s)) return s;
    return nullptr;
}

Reference parse_reference(const std::string& bytes, const std::string& name, const core::SourceLoc& loc,
                          const ReferenceLimits& limits) {
    Reference r = Reader(name, loc, limits).read(bytes);
    return r;
}

Reference read_reference(const std::filesystem::path& file, const core::SourceLoc& loc, const ReferenceLimits& limits) {
    core::SourceLoc at = loc.file.empty() ? core::SourceLoc{file.string(), 0, 0} : loc;
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (ec) throw core::Error(at, core::trf("reference document \"{}\" cannot be read: {}", {file.string(), ec.message()}));
    if (size > limits.max_file)
        throw core::Error(at, core::trf("reference document \"{}\" is larger than {} MB",
                                        {file.string(), std::to_string(limits.max_file >> 20)}));
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw core::Error(at, core::trf("reference document \"{}\" cannot be read", {file.string()}));
    return parse_reference(bytes, file.string(), at, limits);
}

}  // namespace briefmake::docx
