#include "docx/reference_template.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "core/i18n.hpp"
#include "docx/reference.hpp"

namespace briefmake::docx {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Word's single line height as a multiple of the size: the hhea ascender, descender and line
// gap over the em (Times New Roman and Liberation Serif 1.15, Calibri and Carlito 1.22). 0: unknown.
double line_factor(const fs::path& font) {
    std::string b;
    try {
        b = core::read_file(font);
    } catch (const core::Error&) {
        return 0;
    }
    auto u16 = [&](size_t at) -> int { return at + 2 <= b.size() ? (uint8_t(b[at]) << 8) | uint8_t(b[at + 1]) : 0; };
    auto s16 = [&](size_t at) -> int { int v = u16(at); return v >= 0x8000 ? v - 0x10000 : v; };
    auto u32 = [&](size_t at) -> size_t { return (size_t(u16(at)) << 16) | size_t(u16(at + 2)); };
    size_t tables = size_t(u16(4));
    size_t head = 0, hhea = 0;
    for (size_t i = 0; i < tables && 12 + 16 * i + 16 <= b.size(); ++i) {
        std::string tag = b.substr(12 + 16 * i, 4);
        if (tag == "head") head = u32(12 + 16 * i + 8);
        if (tag == "hhea") hhea = u32(12 + 16 * i + 8);
    }
    if (!head || !hhea || head + 20 > b.size() || hhea + 10 > b.size()) return 0;
    int upem = u16(head + 18);
    if (upem <= 0) return 0;
    double f = double(s16(hhea + 4) - s16(hhea + 6) + s16(hhea + 8)) / upem;
    return f > 0.5 && f < 3 ? f : 0;
}

tmpl::Align align(const std::string& a) {
    if (a == "center") return tmpl::Align::Center;
    if (a == "right") return tmpl::Align::Right;
    if (a == "both") return tmpl::Align::Justify;
    return tmpl::Align::Left;
}

// Our style keys and the Word style names they take from the reference, first match wins.
const std::vector<std::pair<std::string, std::vector<std::string>>>& style_names() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> v = {
        {"body", {"Normal"}},
        {"title", {"Title"}},
        {"subtitle", {"Subtitle"}},
        {"heading1", {"heading 1"}},
        {"heading2", {"heading 2"}},
        {"heading3", {"heading 3"}},
        {"list", {"List Paragraph", "List Bullet", "List Number"}},
        {"caption", {"caption"}},
        {"header", {"header"}},
        {"footer", {"footer"}},
        {"toc-title", {"TOC Heading"}},
        {"toc", {"toc 1"}},
    };
    return v;
}

class Applier {
public:
    Applier(tmpl::Template& t, const Reference& r, const core::SourceLoc& loc, const core::Context& ctx)
        : t_(t), r_(r), loc_(loc), ctx_(ctx) {}

    void run() {
        page();
        const RefStyle* normal = r_.normal();
        const double old_body = t_.styles.count("body") ? t_.styles.at("body").size : 12;
        std::map<std::string, bool> taken;
        for (const auto& [key, names] : style_names()) {
            auto it = t_.styles.find(key);
            if (it == t_.styles.end()) continue;
            for (const auto& n : names)
                if (const RefStyle* s = r_.by_name(n); s && s->type == "paragraph") {
                    take(it->second, *s);
                    taken[key] = true;
                    break;
                }
        }
        // Styles Word has no name for (meta, notes, sources, table text, the letterhead) keep their
        // weights and their size relative to the body, in the reference's body font and colour,
        // so the page is of one hand.
        if (normal) {
            std::string family = family_for(normal->font);
            const double scale = old_body > 0 ? normal->size / old_body : 1;
            for (auto& [key, st] : t_.styles) {
                if (taken.count(key)) continue;
                st.font = family;
                st.size = std::clamp(std::round(st.size * scale * 2) / 2, 4.0, 96.0);
                if (key != "table-header" && key != "header" && key != "footer") st.color = color(*normal);
            }
        }
        table();
        furniture(r_.header, false);
        furniture(r_.footer, true);
    }

private:
    void page() {
        const RefPage& p = r_.page;
        tmpl::Page& pg = t_.page;
        if (p.left + p.right > p.width - 72 || p.top + p.bottom > p.height - 72)
            throw core::Error(loc_, core::trf("reference document \"{}\": its margins leave less than an inch for the text",
                                              {r_.file.string()}));
        pg.width = p.width;
        pg.height = p.height;
        pg.margin_top = p.top;
        pg.margin_bottom = p.bottom;
        pg.margin_left = p.left;
        pg.margin_right = p.right;
        // Word's distances name the header's top and the footer's bottom; ours are baselines.
        const RefStyle* h = r_.by_name("header");
        const RefStyle* f = r_.by_name("footer");
        pg.header_distance = p.header + (h ? h->size : 10) * 0.9;
        pg.footer_distance = p.footer + (f ? f->size : 10) * 0.25;
    }

    // The reference's table style (docx::Reference::table_style) over the template's table look:
    // the font, size and colour its chain names, the rules' colour, the header row's shading,
    // text colour and weight, the stripes' shading. What it does not say (stripes, mostly) stays
    // the template's.
    void table() {
        const RefStyle* ts = r_.table_style();
        if (!ts) return;
        for (const char* key : {"table", "table-header"}) {
            auto it = t_.styles.find(key);
            if (it == t_.styles.end()) continue;
            if (ts->sets_font) it->second.font = family_for(ts->font);
            if (ts->sets_size) it->second.size = std::clamp(ts->size, 4.0, 96.0);
            if (ts->sets_color) it->second.color = color(*ts);
        }
        if (ts->border_color) t_.colors["table-rule"] = tc(*ts->border_color);
        if (ts->header_fill) t_.colors["table-header"] = tc(*ts->header_fill);
        if (ts->band_fill) t_.colors["table-stripe"] = tc(*ts->band_fill);
        // Its vertical rules, which our templates do not draw; horizontal ones both draw.
        auto vertical = [&](const std::optional<RefBorder>& b) -> std::optional<tmpl::Template::VerticalRule> {
            if (!b) return std::nullopt;
            tmpl::Template::VerticalRule v;
            v.width = b->width;
            if (b->color) v.color = tc(*b->color);
            return v;
        };
        t_.table_rule_left = vertical(ts->rule_left);
        t_.table_rule_right = vertical(ts->rule_right);
        t_.table_rule_inside = vertical(ts->rule_inside_v);
        if (auto it = t_.styles.find("table-header"); it != t_.styles.end()) {
            if (ts->header_color) it->second.color = tc(*ts->header_color);
            if (ts->header_bold) it->second.bold = *ts->header_bold;
        }
    }

    static tmpl::Color tc(const RefColor& c) { return {c.r, c.g, c.b}; }

    // A style's colour; none (automatic) is black.
    static tmpl::Color color(const RefStyle& s) { return s.color ? tc(*s.color) : tmpl::Color{0, 0, 0}; }

    void take(tmpl::Style& st, const RefStyle& s) {
        st.font = family_for(s.font);
        st.size = std::clamp(s.size, 4.0, 96.0);
        st.bold = s.bold;
        st.italic = s.italic;
        st.color = color(s);
        st.space_before = std::clamp(s.space_before, 0.0, 500.0);
        st.space_after = std::clamp(s.space_after, 0.0, 500.0);
        double natural = line_factors_[st.font];
        if (natural <= 0) natural = 1.15;
        double leading = s.line_rule == RefStyle::LineRule::Auto ? s.line * natural
                         : s.line_rule == RefStyle::LineRule::Exact ? s.line / st.size
                                                                    : std::max(s.line / st.size, natural);
        st.leading = std::clamp(leading, 0.8, 4.0);
        st.indent_left = std::clamp(s.indent_left, 0.0, 500.0);
        st.indent_first = std::clamp(s.indent_first, -500.0, 500.0);
        st.align = align(s.align);
        st.transform = s.caps ? tmpl::CaseTransform::Upper : tmpl::CaseTransform::None;
        st.keep_with_next = s.keep_with_next;
        st.docx_name = s.name;
        st.border_below.reset();
        if (s.border_bottom)
            st.border_below = tmpl::Style::Border{s.border_bottom->width, s.border_bottom->space,
                                                  s.border_bottom->color ? tc(*s.border_bottom->color) : tmpl::Color{0, 0, 0}};
        // Letter spacing (w:spacing in the run properties), in em as the template's tracking.
        st.tracking = std::clamp(s.letter_spacing / st.size, -0.1, 0.5);
    }

    // The template font family for a Word font name: "ref:Calibri", with the files of Calibri or
    // of its substitute.
    std::string family_for(const std::string& name) {
        std::string key = "ref:" + name;
        if (t_.fonts.count(key)) return key;
        std::vector<fs::path> dirs = {ctx_.fonts_dir(), "/usr/share/fonts", "/usr/local/share/fonts"};
        std::optional<FontFiles> files = find_font(name, dirs);
        if (!files) {
            std::string sub = font_substitute(name);
            if (!sub.empty()) files = find_font(sub, dirs);
            if (!files)
                throw core::Error(loc_, core::trf("font \"{}\" named by the reference document \"{}\" is not installed and has no "
                                                  "metric-compatible substitute",
                                                  {name, r_.file.string()}),
                                  _("install the font, or choose another font in the reference document"));
            ctx_.warn(loc_, core::trf("font \"{}\" of the reference document is not installed; the PDF uses its metric-compatible "
                                      "substitute \"{}\"",
                                      {name, sub}));
        }
        tmpl::FontFamily f;
        f.key = key;
        f.regular = files->regular;
        f.bold = files->bold.empty() ? f.regular : files->bold;
        f.italic = files->italic.empty() ? f.regular : files->italic;
        f.bold_italic = files->bold_italic.empty() ? f.bold : files->bold_italic;
        f.docx_name = name;  // Word shows the real font
        t_.fonts[key] = f;
        line_factors_[key] = line_factor(f.regular);
        return key;
    }

    // The first paragraph with text becomes the slots: text before the first tab, then one part
    // per tab stop (centre, right), as Word's default Header style sets them; a paragraph without
    // tabs goes to the slot of its alignment. Images are drawn where their paragraph aligns them.
    void furniture(const std::optional<RefFurniture>& f, bool footer) {
        if (!f) return;
        auto has_text = [](const RefParagraph& p) {
            return std::any_of(p.runs.begin(), p.runs.end(), [](const RefRun& r) {
                return r.kind == RefRun::Kind::Page || r.kind == RefRun::Kind::Pages ||
                       (r.kind == RefRun::Kind::Text && r.text.find_first_not_of(' ') != std::string::npos);
            });
        };
        size_t text_at = f->paragraphs.size();
        for (size_t i = 0; i < f->paragraphs.size(); ++i)
            if (has_text(f->paragraphs[i])) {
                text_at = i;
                break;
            }
        const tmpl::Style& st = t_.styles.at(footer ? "footer" : "header");
        for (size_t i = 0; i < f->paragraphs.size(); ++i) {
            const RefParagraph& p = f->paragraphs[i];
            tmpl::Align al = align(p.align.empty() ? style_align(p.style_id, footer) : p.align);
            for (const auto& run : p.runs) {
                if (run.kind != RefRun::Kind::Image || run.image < 0 || size_t(run.image) >= f->images.size()) continue;
                tmpl::Template::FurnitureImage im;
                im.name = r_.file.filename().string() + ":" + f->images[size_t(run.image)].part;
                im.bytes = f->images[size_t(run.image)].bytes;
                im.width = run.width;
                im.height = run.height;
                im.align = al;
                im.footer = footer;
                if (text_at < f->paragraphs.size() && (footer ? i < text_at : i > text_at))
                    im.offset = (footer ? -1 : 1) * st.size * st.leading;
                if (im.width > 0 && im.height > 0) t_.furniture_images.push_back(std::move(im));
            }
        }
        tmpl::Slots slots;
        bool found = false;
        for (const auto& p : f->paragraphs) {
            if (!has_text(p)) continue;
            std::vector<std::string> parts(1);
            for (const auto& r : p.runs) {
                switch (r.kind) {
                    case RefRun::Kind::Text: {
                        // Braces would read as placeholders: a reference's text is literal.
                        std::string s = r.text;
                        for (size_t at; (at = s.find("{{")) != std::string::npos;) s.replace(at, 2, "{ {");
                        parts.back() += s;
                        break;
                    }
                    case RefRun::Kind::Tab: parts.emplace_back(); break;
                    case RefRun::Kind::Page: parts.back() += "{{ page }}"; break;
                    case RefRun::Kind::Pages: parts.back() += "{{ pages }}"; break;
                    case RefRun::Kind::Image: break;
                }
            }
            auto put = [&](tmpl::Pattern& slot, const std::string& s) {
                slot.text += s;
                slot.loc = loc_;
            };
            if (parts.size() == 1) {
                tmpl::Align al = align(p.align.empty() ? style_align(p.style_id, footer) : p.align);
                put(al == tmpl::Align::Center ? slots.center : al == tmpl::Align::Right ? slots.right : slots.left, parts[0]);
            } else {
                put(slots.left, parts[0]);
                for (size_t i = 1; i < parts.size(); ++i) {
                    std::string kind = i - 1 < p.tabs.size() ? p.tabs[i - 1].kind : (i == 1 ? "center" : "right");
                    put(kind == "right" ? slots.right : kind == "center" ? slots.center : slots.left, parts[i]);
                    // The stop itself, where the paragraph names one (else Word's defaults: ours).
                    if (i - 1 < p.tabs.size() && p.tabs[i - 1].pos > 0 && p.tabs[i - 1].pos < t_.page.width) {
                        double at = p.tabs[i - 1].pos;
                        if (kind == "center") (footer ? t_.footer_center_at : t_.header_center_at) = at;
                        if (kind == "right") (footer ? t_.footer_right_at : t_.header_right_at) = at;
                    }
                }
            }
            found = true;
            break;
        }
        if (!found && t_.furniture_images.empty()) return;
        if (t_.reference_beside) {
            // `reference-header: beside`: the template's slots stay where the reference's are
            // empty, on the first page's variant too.
            auto beside = [&](tmpl::Slots& mine) {
                for (auto [theirs, ours] : {std::pair{&slots.left, &mine.left}, std::pair{&slots.center, &mine.center},
                                            std::pair{&slots.right, &mine.right}})
                    if (!theirs->text.empty()) *ours = *theirs;
            };
            beside(footer ? t_.footer : t_.header);
            if (auto& first = footer ? t_.first_footer : t_.first_header) beside(*first);
            if (!footer) t_.reference_header = true;
            return;
        }
        // The reference's header (footer) replaces the template's, on every page.
        if (footer) {
            t_.footer = slots;
            t_.first_footer.reset();
        } else {
            t_.header = slots;
            t_.first_header.reset();
            t_.reference_header = true;
        }
    }

    std::string style_align(const std::string& id, bool footer) const {
        const RefStyle* s = id.empty() ? nullptr : r_.by_id(id);
        if (!s) s = r_.by_name(footer ? "footer" : "header");
        return s ? s->align : "left";
    }

    tmpl::Template& t_;
    const Reference& r_;
    core::SourceLoc loc_;
    const core::Context& ctx_;
    std::map<std::string, double> line_factors_;
};

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

}  // namespace

std::string font_substitute(const std::string& family) {
    static const std::map<std::string, std::string> subs = {
        {"times new roman", "Liberation Serif"}, {"times", "Liberation Serif"},
        {"arial", "Liberation Sans"},            {"helvetica", "Liberation Sans"},
        {"courier new", "Liberation Mono"},      {"calibri", "Carlito"},
        {"calibri light", "Carlito"},            {"cambria", "Caladea"},
    };
    auto it = subs.find(lower(family));
    return it == subs.end() ? std::string() : it->second;
}

std::optional<FontFiles> find_font(const std::string& family, const std::vector<fs::path>& dirs) {
    const std::string base = lower(squeeze(family));
    if (base.empty()) return std::nullopt;
    // The folder with the most faces of the family wins (the shipped fonts/ has DejaVu Sans
    // regular only; the system's folder has its bold too), the first folder on a tie.
    std::optional<FontFiles> best;
    int best_faces = 0;
    std::error_code ec;
    for (const auto& dir : dirs) {
        FontFiles f;
        for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it.depth() > 4) it.disable_recursion_pending();
            const fs::path& p = it->path();
            std::string ext = lower(p.extension().string());
            if (ext != ".ttf" || !it->is_regular_file(ec)) continue;
            std::string stem = lower(p.stem().string());
            auto match = [&](std::initializer_list<const char*> tails, fs::path& slot) {
                for (const char* t : tails)
                    if (stem == base + t && slot.empty()) slot = p;
            };
            match({"-regular", "", "-roman", "-book"}, f.regular);
            match({"-bold"}, f.bold);
            match({"-italic", "-oblique"}, f.italic);
            match({"-bolditalic", "-boldoblique"}, f.bold_italic);
        }
        ec.clear();
        if (f.regular.empty()) continue;
        int faces = 1 + !f.bold.empty() + !f.italic.empty() + !f.bold_italic.empty();
        if (faces > best_faces) best = f, best_faces = faces;
    }
    return best;
}

void apply_reference(tmpl::Template& t, const fs::path& file, const core::SourceLoc& loc, const core::Context& ctx) {
    ctx.depends_on(file);
    auto r = std::make_shared<const Reference>(read_reference(file, loc));
    Applier(t, *r, loc, ctx).run();
    t.reference_doc = file;
    t.reference_loc = loc;
    t.reference = r;
    t.chain.push_back(fs::weakly_canonical(file));
}

}  // namespace briefmake::docx
