// The layout driver: an engine over the document and its template, one pass (two when there is
// a table of contents, whose page numbers are known only after the first).
#include "layout/layout.hpp"

#include <algorithm>
#include <cstdio>

#include "core/i18n.hpp"
#include "layout/internal.hpp"
#include "text/text.hpp"

namespace briefmake::layout {

namespace detail {

Engine::Engine(const doc::Document& d, fonts::FontSet& f, const core::Context& c)
    : doc(d), t(d.tmpl), fonts(f), ctx(c), lang(d.meta.language.empty() ? "en" : d.meta.language) {
    left = t.page.margin_left;
    width = t.page.width - t.page.margin_left - t.page.margin_right;
    top = t.page.margin_top;
    height = t.page.height - t.page.margin_top - t.page.margin_bottom;
    if (width <= 10 || height <= 10)
        throw core::Error({t.file.string(), 0, 0}, _("page margins leave no room for text"),
                          _("make the margins smaller than the page"));
}

const tmpl::Style& Engine::style(const std::string& key) const {
    auto it = t.styles.find(key);
    if (it != t.styles.end()) return it->second;
    it = t.styles.find("body");
    return it != t.styles.end() ? it->second : default_style_;
}

tmpl::Color Engine::color(const std::string& key, tmpl::Color fallback_color) const {
    auto it = t.colors.find(key);
    return it == t.colors.end() ? fallback_color : it->second;
}

std::string Engine::label(const std::string& key) const {
    for (const std::string& l : {lang, std::string("en")}) {
        auto it = t.labels.find(l);
        if (it == t.labels.end()) continue;
        auto jt = it->second.find(key);
        if (jt != it->second.end()) return jt->second;
    }
    return key;
}

FontPtr Engine::face(const std::string& family, bool bold, bool italic) {
    auto key = std::make_tuple(family, bold, italic);
    auto it = faces_.find(key);
    if (it != faces_.end()) return it->second;
    auto fam = t.fonts.find(family);
    if (fam == t.fonts.end()) fam = t.fonts.begin();
    if (fam == t.fonts.end())
        throw core::Error({t.file.string(), 0, 0}, _("the template defines no font family"),
                          _("add a 'fonts:' section with a regular face"));
    const tmpl::FontFamily& ff = fam->second;
    const std::filesystem::path* p = &ff.regular;
    if (bold && italic && !ff.bold_italic.empty())
        p = &ff.bold_italic;
    else if (bold && !ff.bold.empty())
        p = &ff.bold;
    else if (italic && !ff.italic.empty())
        p = &ff.italic;
    FontPtr f = fonts.get(*p);
    owners_[f.get()] = f;
    faces_.emplace(key, f);
    return f;
}

const FontPtr& Engine::keep(const fonts::Font* f) const { return owners_.at(f); }

std::string Engine::transform(std::string_view s, tmpl::CaseTransform tr) const {
    switch (tr) {
        case tmpl::CaseTransform::Upper: return text::to_upper(s, lang);
        case tmpl::CaseTransform::Lower: return text::to_lower(s, lang);
        case tmpl::CaseTransform::None: break;
    }
    return std::string(s);
}

const fonts::Font* Engine::pick(const fonts::Font* primary, char32_t cp, const SourceLoc& loc) {
    if (primary->has(cp)) return primary;
    if (!fallback_tried_) {
        fallback_tried_ = true;
        if (!t.fallback_font.empty()) {
            fallback = fonts.get(t.fallback_font);
            owners_[fallback.get()] = fallback;
        }
    }
    if (fallback && fallback->has(cp)) return fallback.get();
    if (warned_.insert(cp).second) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", unsigned(cp));
        ctx.warn(loc, core::trf("character {} is in neither font", {buf}),
                 _("add a fallback font that has it, or remove the character"));
    }
    return primary;
}

void Flow::add(std::vector<VBox> block, double before, double after, bool keep_with_next) {
    if (block.empty()) return;
    block[0].gap = pending_after + before;
    block[0].before = before;
    if (keep_next) block[0].breakable = false;
    for (auto& b : block) boxes.push_back(std::move(b));
    pending_after = after;
    keep_next = keep_with_next;
}

namespace {

void collect_headings(Engine& e, const std::vector<doc::Block>& blocks, std::vector<HeadingRef>& out) {
    for (const auto& b : blocks) {
        if (auto* h = std::get_if<doc::Heading>(&b.v)) {
            const auto& st = e.style("heading" + std::to_string(std::clamp(h->level, 1, 3)));
            out.push_back({e.transform(plain_text(h->content), st.transform), h->anchor, h->level});
        } else if (auto* l = std::get_if<doc::List>(&b.v)) {
            for (const auto& it : l->items) collect_headings(e, it.blocks, out);
        }
    }
}

// Editions: a thin vertical rule in the left margin beside every line that holds changed text,
// as ISO and IETF documents mark revisions; colour and width from the template.
void add_change_bars(Engine& e, Layout& out) {
    const tmpl::Color color = e.color("change-bar", tmpl::Color{0xC0, 0x00, 0x00});
    const double w = e.t.change_bar_width;
    const double x = e.left - e.t.change_bar_gap;
    for (auto& page : out.pages)
        for (const auto& l : page.lines) {
            if (!l.changed) continue;
            const double size = e.style(l.style).size;
            page.items.emplace_back(Rule{x, l.y - size * 0.85, x, l.y + size * 0.3, w, color});
        }
}

Layout run_pass(Engine& e) {
    std::vector<HeadingRef> headings;
    collect_headings(e, e.doc.blocks, headings);
    Flow flow;
    const int root = add_elem(e, "Document", -1);  // the structure's root
    if (auto logo = logo_box(e)) {
        // A logo with something to say (the template's alt, else the letterhead's words) is a
        // Figure; one without is decoration, an artifact.
        if (!e.doc.meta.logo_alt.empty()) tag_items(e, logo->items, add_elem(e, "Figure", root, e.doc.meta.logo_alt));
        flow.add({std::move(*logo)}, 0, 6, false);
    }
    build_flow(e, flow, e.doc.blocks, headings);
    Layout out;
    paginate(e, flow, out);
    reorder_structure(e, out);
    add_change_bars(e, out);
    add_furniture(e, out);
    for (auto [key, ascent] :
         {std::pair{"header", &e.facts.header_ascent}, std::pair{"footer", &e.facts.footer_ascent}}) {
        const tmpl::Style& st = e.style(key);
        *ascent = e.face(st)->ascender() * st.size;
    }
    out.facts = std::move(e.facts);
    out.structure = std::move(e.structure);
    return out;
}

}  // namespace

}  // namespace detail

Layout lay_out(const doc::Document& d, fonts::FontSet& fonts, const core::Context& ctx) {
    bool toc = false;
    for (const auto& b : d.blocks) toc = toc || std::holds_alternative<doc::Toc>(b.v);
    Layout out;
    if (toc) {
        // First pass without warnings, to learn where the headings land.
        core::Context quiet = ctx;
        quiet.warnings = nullptr;
        detail::Engine first(d, fonts, quiet);
        detail::run_pass(first);
        detail::Engine second(d, fonts, ctx);
        second.anchors = std::move(first.placed);
        out = detail::run_pass(second);
    } else {
        detail::Engine e(d, fonts, ctx);
        out = detail::run_pass(e);
    }
    out.info.title = d.meta.title;
    out.info.author = d.meta.author;
    out.info.subject = d.meta.subject;
    out.info.keywords = d.meta.keywords;
    out.info.creator = "briefmake";
    out.info.language = d.meta.language;
    out.info.date_epoch = d.meta.date_epoch;
    return out;
}

}  // namespace briefmake::layout
