#include "docx/content.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "core/ascii.hpp"
#include "core/i18n.hpp"
#include "doc/edition.hpp"
#include "docx/chart.hpp"
#include "docx/metadata.hpp"
#include "docx/tables.hpp"
#include "text/text.hpp"

namespace briefmake::docx {

namespace {

// Decodes the code point at s[i] (s is clean UTF-8); sets len.
char32_t code_point(std::string_view s, size_t i, size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return len = 1, c;
    len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

// The byte offset of code point `n` of s (s.size() past the end).
size_t byte_offset(std::string_view s, size_t n) {
    size_t i = 0;
    for (; i < s.size() && n > 0; --n) {
        size_t len = 0;
        code_point(s, i, len);
        i += len;
    }
    return std::min(i, s.size());
}

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Collects text into one w:t until an element (tab, break, soft hyphen) interrupts it.
class TextRun {
public:
    explicit TextRun(pugi::xml_node r) : r_(r) {}
    void text(std::string_view t) { buf_.append(t); }
    void element(const char* name) {
        flush();
        r_.append_child(name);
    }
    void flush() {
        if (buf_.empty()) return;
        auto t = r_.append_child("w:t");
        t.append_attribute("xml:space") = "preserve";
        t.text().set(buf_.c_str());
        buf_.clear();
    }

private:
    pugi::xml_node r_;
    std::string buf_;
};

// Text into run `r`: tabs and line feeds become w:tab and w:br; a w:softHyphen goes before each
// code point whose index is in `breaks` (sorted): where the PDF hyphenated a line end, so Word
// and LibreOffice break those lines there too, and nowhere else (no U+00AD in copied text).
// A zero-width space (U+200B) goes before each code point in `word_breaks` (sorted): where the
// PDF ended a line inside a token without a hyphen.
void add_text(pugi::xml_node r, std::string_view t, const std::vector<size_t>& breaks,
              const std::vector<size_t>& word_breaks = {}) {
    TextRun run(r);
    size_t i = 0, n = 0;
    auto next = breaks.begin();
    auto next_word = word_breaks.begin();
    for (; i < t.size(); ++n) {
        while (next != breaks.end() && *next < n) ++next;
        while (next_word != word_breaks.end() && *next_word < n) ++next_word;
        if (next != breaks.end() && *next == n) run.element("w:softHyphen");
        if (next_word != word_breaks.end() && *next_word == n && n > 0) run.text("\xE2\x80\x8B");  // U+200B
        char c = t[i];
        if (c == '\t') { run.element("w:tab"); ++i; continue; }
        if (c == '\n') { run.element("w:br"); ++i; continue; }
        if (c == '\r') { ++i; continue; }
        size_t len = 0;
        code_point(t, i, len);
        run.text(t.substr(i, len));
        i += len;
    }
    run.flush();
}

std::string bookmark_for(State& s, const std::string& anchor) {
    auto it = s.bookmarks.find(anchor);
    if (it != s.bookmarks.end()) return it->second;
    // Word bookmark names: letters, digits, underscore, at most 40 characters. A leading
    // underscore hides them from the bookmark list, as Word does for its own TOC bookmarks.
    std::string name = "_Toc_";
    for (char c : anchor) name += core::ascii_alnum(c) ? c : '_';
    if (name.size() > 40) name.resize(40);
    std::string unique = name;
    for (int n = 2;; ++n) {
        bool taken = false;
        for (const auto& [a, b] : s.bookmarks) taken |= b == unique;
        if (!taken) break;
        std::string suffix = "_" + std::to_string(n);
        unique = name.substr(0, 40 - suffix.size()) + suffix;
    }
    s.bookmarks[anchor] = unique;
    return unique;
}

void collect_headings(const std::vector<doc::Block>& blocks, std::vector<const doc::Heading*>& out) {
    for (const auto& b : blocks) {
        if (const auto* h = std::get_if<doc::Heading>(&b.v)) out.push_back(h);
        else if (const auto* l = std::get_if<doc::List>(&b.v))
            for (const auto& item : l->items) collect_headings(item.blocks, out);
    }
}

void field_char(pugi::xml_node p, const char* type) {
    auto f = el(el(p, "w:r"), "w:fldChar");
    attr(f, "w:fldCharType", type);
}

void instr(pugi::xml_node p, const std::string& code) {
    auto t = el(el(p, "w:r"), "w:instrText");
    t.append_attribute("xml:space") = "preserve";
    t.text().set(code.c_str());
}

void plain_run(pugi::xml_node parent, const std::string& text) {
    if (text.empty()) return;
    add_text(el(parent, "w:r"), clean_text(text), {});
}

void add_heading(pugi::xml_node parent, const doc::Heading& h, State& s) {
    int level = std::clamp(h.level, 1, 3);
    std::string key = "heading" + std::to_string(level);
    auto p = add_paragraph(parent, key, s);
    int id = s.next_bookmark_id++;
    auto start = el(p, "w:bookmarkStart");
    attr(start, "w:id", num(id));
    attr(start, "w:name", bookmark_for(s, h.anchor));
    add_inlines(p, h.content, s, inline_options(key, s));
    attr(el(p, "w:bookmarkEnd"), "w:id", num(id));
}

// A real TOC field, its result cached from briefmake's own page numbers, so the document reads
// right when opened and Word does not ask to update fields.
void add_toc(pugi::xml_node parent, const doc::Toc& toc, State& s) {
    if (!toc.title.empty()) {
        auto p = add_paragraph(parent, "toc-title", s);
        plain_run(p, toc.title);
    }
    std::vector<const doc::Heading*> headings;
    collect_headings(s.d.blocks, headings);
    headings.erase(std::remove_if(headings.begin(), headings.end(), [](const doc::Heading* h) { return h->level > 3; }),
                   headings.end());
    auto begin = [&](pugi::xml_node p) {
        field_char(p, "begin");
        instr(p, " TOC \\o \"1-3\" \\h \\z \\u ");
        field_char(p, "separate");
    };
    if (headings.empty()) {
        auto p = add_paragraph(parent, "toc", s);
        begin(p);
        field_char(p, "end");
        return;
    }
    for (size_t i = 0; i < headings.size(); ++i) {
        const doc::Heading& h = *headings[i];
        auto p = el(parent, "w:p");
        el(el(p, "w:pPr"), "w:pStyle", toc_style_id(std::max(1, h.level)));
        if (s.styles.id("toc").empty() && s.warned_styles.insert("toc").second)
            s.ctx.warn(s.loc, _("the template has no style 'toc'; the DOCX contents use Word's TOC styles"));
        if (i == 0) begin(p);
        auto link = el(p, "w:hyperlink");
        attr(link, "w:anchor", bookmark_for(s, h.anchor));
        attr(link, "w:history", "1");
        // Word has no lower-case property: a lower-cased heading (or TOC) style lowers the
        // cached entry, as the PDF prints it (upper case is w:caps in the TOC styles).
        std::string entry = plain_text(h.content);
        const tmpl::Style* hs = s.styles.style("heading" + std::to_string(std::clamp(h.level, 1, 3)));
        const tmpl::Style* ts = s.styles.style("toc");
        if ((hs && hs->transform == tmpl::CaseTransform::Lower) || (ts && ts->transform == tmpl::CaseTransform::Lower))
            entry = text::to_lower(entry, s.d.meta.language);
        plain_run(link, entry);
        el(el(link, "w:r"), "w:tab");
        if (auto it = s.opt.anchor_pages.find(h.anchor); it != s.opt.anchor_pages.end())
            plain_run(link, std::to_string(it->second));
        if (i + 1 == headings.size()) field_char(p, "end");
    }
}

void add_list(pugi::xml_node parent, const doc::List& l, State& s, int num_id);

void add_list_items(pugi::xml_node parent, const doc::List& l, State& s, int num_id) {
    NumberingKind kind = numbering_kind(l);
    int level = std::clamp(l.level, 0, kMaxListLevel);
    const char* style = kind == NumberingKind::Bullet ? kListBullet : kListNumber;
    InlineOptions io = inline_options("list", s);
    for (const auto& item : l.items) {
        if (kind == NumberingKind::Bullet) s.numbering.use_bullet(level, item.label);
        std::string label = s.numbering.add_item(num_id, level);
        if (label != item.label)
            s.ctx.warn(s.loc, core::trf("the DOCX list label '{}' differs from '{}'", {label, item.label}),
                       _("Word numbers lists itself; this numbering cannot be expressed"));
        Indent in = s.numbering.indent(kind, level);

        auto p = el(parent, "w:p");
        auto ppr = el(p, "w:pPr");
        el(ppr, "w:pStyle", style);
        // An agenda item's title stays on the page of what follows it, as in the PDF.
        if (l.style == "agenda" && item.blocks.size() > 1) el(ppr, "w:keepNext");
        auto numpr = el(ppr, "w:numPr");
        el(numpr, "w:ilvl", num(level));
        el(numpr, "w:numId", num(num_id));
        // Direct indents: Word and LibreOffice disagree on whether a style's indent beats the
        // numbering level's.
        auto ind = el(ppr, "w:ind");
        attr(ind, "w:left", num(in.left));
        attr(ind, "w:hanging", num(in.hanging));

        size_t first = 0;
        if (!item.blocks.empty()) {
            if (const auto* para = std::get_if<doc::Paragraph>(&item.blocks[0].v)) {
                add_inlines(p, para->content, s, io);
                first = 1;
            }
        }
        for (size_t b = first; b < item.blocks.size(); ++b) {
            const doc::Block& block = item.blocks[b];
            if (const auto* sub = std::get_if<doc::List>(&block.v)) {
                // A nested list of the same kind is a deeper level of the same numbering (1.1.);
                // another kind gets its own.
                add_list(parent, *sub, s, numbering_kind(*sub) == kind ? num_id : 0);
            } else if (const auto* para = std::get_if<doc::Paragraph>(&block.v)) {
                auto q = add_paragraph(parent, "list", s);
                auto qind = el(paragraph_props(q), "w:ind");
                attr(qind, "w:left", num(in.left));
                add_inlines(q, para->content, s, io);
            } else {
                add_blocks(parent, {block}, s);
            }
        }
    }
}

void add_list(pugi::xml_node parent, const doc::List& l, State& s, int num_id) {
    if (num_id == 0) num_id = s.numbering.start_list(l);
    add_list_items(parent, l, s, num_id);
}

void add_figure(pugi::xml_node parent, const doc::Figure& f, State& s) {
    if (!f.caption.empty()) {
        auto p = add_paragraph(parent, "caption", s);
        add_inlines(p, f.caption, s, inline_options("caption", s));
    }
    // Word's Accessibility Checker wants alternative text on tables and drawings: the figure's
    // (the brief's alt:, else the merge's words from the data), the caption where there is none.
    const std::string caption = plain_text(f.caption);
    const std::string& alt = f.alt.empty() ? caption : f.alt;
    if (f.table) add_table(parent, *f.table, s, caption, alt);
    if (f.chart) add_chart(parent, *f.chart, alt, s);
    for (const auto& [inl, key] : {std::pair{&f.source, "source"}, {&f.note, "note"}}) {
        if (inl->empty()) continue;
        auto p = add_paragraph(parent, key, s);
        add_inlines(p, *inl, s, inline_options(key, s));
    }
}

}  // namespace

void assign_bookmarks(State& s) {
    std::vector<const doc::Heading*> headings;
    collect_headings(s.d.blocks, headings);
    for (const auto* h : headings) bookmark_for(s, h->anchor);
}

pugi::xml_node paragraph_props(pugi::xml_node p) {
    auto ppr = p.child("w:pPr");
    return ppr ? ppr : p.prepend_child("w:pPr");
}

pugi::xml_node add_paragraph(pugi::xml_node parent, const std::string& key, State& s) {
    auto p = el(parent, "w:p");
    std::string id = s.styles.id(key);
    if (id.empty()) {
        if (s.warned_styles.insert(key).second)
            s.ctx.warn(s.loc, core::trf("the template has no style '{}'; the DOCX uses Normal", {key}));
        return p;
    }
    if (id != "Normal") el(el(p, "w:pPr"), "w:pStyle", id);
    return p;
}

InlineOptions inline_options(const std::string& key, const State& s) {
    InlineOptions o;
    o.hyphenate = hyphenates(key);
    if (const tmpl::Style* st = s.styles.style(key)) {
        o.lower = st->transform == tmpl::CaseTransform::Lower;
        // The PDF hyphenates justified text only; ragged text in Word must not break words
        // where the PDF does not, or the two would paginate differently.
        o.hyphenate = o.hyphenate && st->align == tmpl::Align::Justify;
    }
    return o;
}

// Editions: a w:ins or w:del around a run, by the brief's author on the edition's date (never
// the clock), so Word's Accept All gives the new edition and Reject All the previous one.
static pugi::xml_node tracked_change(pugi::xml_node parent, uint8_t change, State& s) {
    auto c = el(parent, change == doc::kDeleted ? "w:del" : "w:ins");
    attr(c, "w:id", std::to_string(++s.change_ids));
    attr(c, "w:author", s.d.meta.author.empty() ? std::string("briefmake") : clean_text(s.d.meta.author));
    attr(c, "w:date", w3cdtf(s.d.meta.edition_epoch));
    return c;
}

void add_inlines(pugi::xml_node p, const doc::Inlines& inlines, State& s, const InlineOptions& o) {
    const auto& hyphens = s.opt.layout.hyphen_breaks;
    // A paragraph new in this edition has its mark inserted too, so Reject All removes it whole.
    bool all_new = std::string_view(p.name()) == "w:p";
    size_t shown = 0;
    for (const auto& span : inlines) {
        if (span.text.empty() && !span.line_break) continue;
        ++shown;
        all_new = all_new && span.change == doc::kInserted;
    }
    if (all_new && shown > 0) {
        auto ppr = paragraph_props(p);
        auto rpr = ppr.child("w:rPr") ? ppr.child("w:rPr") : ppr.append_child("w:rPr");
        auto ins = tracked_change(rpr, doc::kInserted, s);
        // w:ins comes first in a paragraph mark's w:rPr (the schema's order).
        rpr.prepend_move(ins);
    }
    pugi::xml_node link;
    std::string link_target;
    for (const auto& span : inlines) {
        pugi::xml_node parent = p;
        if (!span.link.empty()) {
            if (!link || span.link != link_target) {
                link = el(p, "w:hyperlink");
                link_target = span.link;
                if (span.link[0] == '#') {
                    attr(link, "w:anchor", bookmark_for(s, span.link.substr(1)));
                } else {
                    attr(link, "r:id", s.rels->add("hyperlink", span.link, true));
                }
                attr(link, "w:history", "1");
            }
            parent = link;
        } else {
            link = pugi::xml_node();
        }
        if (span.change) parent = tracked_change(parent, span.change, s);
        auto r = el(parent, "w:r");
        if (!span.link.empty() || span.flags || o.tabular) {
            auto rpr = el(r, "w:rPr");
            if (!span.link.empty()) el(rpr, "w:rStyle", kHyperlink);
            if (span.flags & doc::Bold) el(rpr, "w:b"), el(rpr, "w:bCs");
            if (span.flags & doc::Italic) el(rpr, "w:i"), el(rpr, "w:iCs");
            // Word 2010's extension, last in w:rPr; the part's root declares w14 ignorable.
            if (o.tabular) attr(el(rpr, "w14:numSpacing"), "w14:val", "tabular");
        }
        if (span.line_break) el(r, "w:br");
        std::string text = clean_text(span.text);
        if (o.lower) text = text::to_lower(text, s.d.meta.language);
        // The layout counts code points of the span's own text; here they count in `text`.
        auto in_text = [&](const std::set<std::pair<const doc::Span*, size_t>>& facts) {
            std::vector<size_t> at;
            for (auto it = facts.lower_bound({&span, 0}); it != facts.end() && it->first == &span; ++it) {
                std::string before = clean_text(std::string_view(span.text).substr(0, byte_offset(span.text, it->second)));
                if (o.lower) before = text::to_lower(before, s.d.meta.language);
                at.push_back(code_points(before));
            }
            return at;
        };
        add_text(r, text, in_text(hyphens), in_text(s.opt.layout.word_breaks));
        if (span.change == doc::kDeleted)
            for (auto t = r.child("w:t"); t; t = t.next_sibling("w:t")) t.set_name("w:delText");
    }
}

std::string plain_text(const doc::Inlines& inlines) {
    std::string out;
    for (const auto& span : inlines)
        if (span.change != doc::kDeleted) out += span.line_break ? std::string(" ") : span.text;
    std::string clean = clean_text(out);
    for (char& c : clean)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return clean;
}

namespace {

// The space the PDF keeps between a table of its own and the text above and below it
// (doc::kTableGap) goes to the paragraphs beside it: `side` is "w:after" for the paragraph
// above, "w:before" for the one below, added to what its style or its own spacing gives.

void widen_beside_table(pugi::xml_node p, const char* side, const State& s) {
    if (!p || std::string_view(p.name()) != "w:p") return;
    pugi::xml_node ppr = p.child("w:pPr");
    if (!ppr) ppr = p.prepend_child("w:pPr");
    pugi::xml_node sp = ppr.child("w:spacing");
    long base = 0;
    if (sp && sp.attribute(side)) {
        base = sp.attribute(side).as_llong();
    } else {
        std::string id = ppr.child("w:pStyle").attribute("w:val").as_string();
        for (const auto& [key, ws] : s.styles.all()) {
            if (ws.id != id) continue;
            if (const tmpl::Style* st = s.styles.style(key))
                base = twips(std::string_view(side) == "w:after" ? st->space_after : st->space_before);
            break;
        }
    }
    if (!sp) {
        // w:spacing goes before these in a w:pPr (the schema's order).
        static const std::set<std::string_view> later = {
            "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
            "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
            "w:sectPr", "w:pPrChange"};
        pugi::xml_node next;
        for (auto c : ppr.children())
            if (later.count(c.name())) {
                next = c;
                break;
            }
        sp = next ? ppr.insert_child_before("w:spacing", next) : ppr.append_child("w:spacing");
    }
    if (!sp.attribute(side)) sp.append_attribute(side);
    sp.attribute(side).set_value(std::to_string(base + twips(doc::kTableGap)).c_str());
}

}  // namespace

void add_blocks(pugi::xml_node parent, const std::vector<doc::Block>& blocks, State& s) {
    std::vector<pugi::xml_node> tables;  // standalone tables (a figure's table has its caption)
    // Figures the PDF floated to the top of the next page go after the text that filled their
    // place, where the layout says (LayoutFacts::floated_figures), so Word's pages are the PDF's.
    const auto& floated = s.opt.layout.floated_figures;
    std::multimap<const doc::Block*, const doc::Block*> floated_after;
    for (const auto& [figure, after] : floated) floated_after.emplace(after, figure);
    for (const auto& b : blocks) {
        if (floated.count(&b)) continue;
        s.loc = b.loc;
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, doc::Paragraph>) {
                    auto p = add_paragraph(parent, v.style, s);
                    add_inlines(p, v.content, s, inline_options(v.style, s));
                } else if constexpr (std::is_same_v<T, doc::Heading>) {
                    add_heading(parent, v, s);
                } else if constexpr (std::is_same_v<T, doc::List>) {
                    add_list(parent, v, s, 0);
                } else if constexpr (std::is_same_v<T, doc::Table>) {
                    // The meeting's data table is named by its label, for the Accessibility Checker.
                    const std::string name = v.style == "meta" ? s.d.tmpl.label(s.d.meta.language, "meeting") : "";
                    add_table(parent, v, s, name, name);
                    tables.push_back(parent.last_child());
                } else if constexpr (std::is_same_v<T, doc::Figure>) {
                    add_figure(parent, v, s);
                } else if constexpr (std::is_same_v<T, doc::Toc>) {
                    add_toc(parent, v, s);
                }
            },
            b.v);
        for (auto [it, last] = floated_after.equal_range(&b); it != last; ++it) {
            s.loc = it->second->loc;
            add_figure(parent, std::get<doc::Figure>(it->second->v), s);
        }
    }
    for (pugi::xml_node t : tables) {
        if (std::string_view(t.name()) != "w:tbl") continue;
        widen_beside_table(t.previous_sibling(), "w:after", s);
        widen_beside_table(t.next_sibling(), "w:before", s);
    }
}

}  // namespace briefmake::docx
