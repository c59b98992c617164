// word/document.xml body: paragraphs, runs, headings with bookmarks, lists, the TOC field,
// figures. Tables are in tables.hpp; header and footer parts in furniture.hpp.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "core/context.hpp"
#include "doc/doc.hpp"
#include "docx/numbering.hpp"
#include "docx/package.hpp"
#include "docx/styles.hpp"
#include "docx/writer.hpp"
#include "docx/xml.hpp"

namespace briefmake::docx {

// What the content builders share while one document is written.
struct State {
    State(const doc::Document& doc, const Options& options, const core::Context& context, const StyleMap& style_map,
          Rels* part_rels, Numbering& numbers, long width)
        : d(doc), opt(options), ctx(context), styles(style_map), rels(part_rels), numbering(numbers),
          text_width(width) {}
    const doc::Document& d;
    const Options& opt;
    const core::Context& ctx;
    const StyleMap& styles;
    Rels* rels;  // relationships of the part being written (hyperlinks)
    Numbering& numbering;
    long text_width = 0;  // twips
    std::map<std::string, std::string> bookmarks;  // heading anchor -> bookmark name
    int next_bookmark_id = 0;
    std::set<std::string> warned_styles;
    core::SourceLoc loc;  // of the block being written, for warnings
    std::vector<Part> parts;  // written beside document.xml: charts and their workbooks
    int charts = 0;           // charts written so far (word/charts/chartN.xml)
    long drawing_ids = 0;     // wp:docPr ids used so far (unique in the document)
    long change_ids = 0;      // w:ins / w:del ids used so far (editions)
};

// Gives every heading a bookmark name ("_Toc_" + anchor, Word-safe, unique), in document order.
void assign_bookmarks(State& s);

// A paragraph in the template style `key`; unknown keys fall back to Normal with a warning.
pugi::xml_node add_paragraph(pugi::xml_node parent, const std::string& key, State& s);
// The paragraph's w:pPr (created after w:pStyle if missing).
pugi::xml_node paragraph_props(pugi::xml_node p);

struct InlineOptions {
    bool hyphenate = false;   // the style hyphenates in the PDF (soft hyphens come from the layout)
    bool lower = false;       // the style's transform is `lower` (Word has no lower-case property)
    bool tabular = false;     // tabular figures (w14:numSpacing), as the PDF set them
};
// Runs for `inlines`: bold/italic, links (external relationships, or bookmarks for "#anchor"),
// line breaks, tabs; text cleaned of characters XML forbids.
void add_inlines(pugi::xml_node p, const doc::Inlines& inlines, State& s, const InlineOptions& o);
// Options for a paragraph in template style `key`.
InlineOptions inline_options(const std::string& key, const State& s);

void add_blocks(pugi::xml_node parent, const std::vector<doc::Block>& blocks, State& s);

inline doc::Span text_span(std::string text) {
    doc::Span span;
    span.text = std::move(text);
    return span;
}

// Plain text of inlines (line breaks become spaces), cleaned.
std::string plain_text(const doc::Inlines& inlines);

}  // namespace briefmake::docx
