// Shared between the layout stages (not part of the public interface).
//
//   collect.cpp    inlines -> pieces (boxes, glue, penalties) with faces and widths
//   linebreak.cpp  pieces -> breakpoints (Knuth-Plass total fit, first fit)
//   paragraph.cpp  breakpoints -> positioned lines (justification, hyphens, links)
//   blocks.cpp     blocks (paragraphs, headings, lists, figures, TOC) -> a flow of vertical boxes
//   table.cpp      tables -> row boxes;  chart.cpp  charts -> vector drawings
//   paginate.cpp   flow -> pages (keeps, widows/orphans, repeated table headers)
//   furniture.cpp  header/footer with page X / Y
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/context.hpp"
#include "doc/doc.hpp"
#include "fonts/font.hpp"
#include "layout/frame.hpp"

namespace briefmake::layout::detail {

using FontPtr = std::shared_ptr<const fonts::Font>;
using core::SourceLoc;

// Everything a stage needs: the document, its template, faces, the warning sink, and what an
// earlier pass learnt (heading pages, for the table of contents).
struct Engine {
    Engine(const doc::Document& d, fonts::FontSet& f, const core::Context& c);

    const doc::Document& doc;
    const tmpl::Template& t;
    fonts::FontSet& fonts;
    const core::Context& ctx;
    std::string lang;
    FontPtr fallback;  // loaded on first need (DejaVu Sans alone costs ~6 ms); may stay null

    // Text area of a page.
    double left = 0, width = 0, top = 0, height = 0;

    // From the previous pass: heading anchor -> (page, y); and what this pass placed.
    std::map<std::string, std::pair<int, double>> anchors, placed;
    doc::LayoutFacts facts;  // for the DOCX writer: see Layout::facts
    std::vector<StructElem> structure;  // the tagged PDF's logical structure (Layout::structure)
    // Floated figures, for the structure's reading order: the figure's elements [from, text)
    // go after the elements [text, to) of the text that took its place (reorder_structure).
    struct ElemMove {
        int from, text, to;
    };
    std::vector<ElemMove> elem_moves;

    const tmpl::Style& style(const std::string& key) const;
    tmpl::Color color(const std::string& key, tmpl::Color fallback_color) const;
    std::string label(const std::string& key) const;
    FontPtr face(const std::string& family, bool bold, bool italic);
    FontPtr face(const tmpl::Style& s) { return face(s.font, s.bold, s.italic); }
    std::string transform(std::string_view s, tmpl::CaseTransform tr) const;
    // The face to draw `cp` with: `primary` if it has it, else the fallback; warns once per
    // character when neither has it.
    const fonts::Font* pick(const fonts::Font* primary, char32_t cp, const SourceLoc& loc);
    const FontPtr& keep(const fonts::Font* f) const;  // the shared handle of a face from face()/fallback

private:
    std::map<std::tuple<std::string, bool, bool>, FontPtr> faces_;
    std::map<const fonts::Font*, FontPtr> owners_;
    std::set<char32_t> warned_;
    bool fallback_tried_ = false;
    tmpl::Style default_style_;
};

// ---- inline collection (collect.cpp) ----

// One Knuth-Plass item.
struct Piece {
    enum Kind : uint8_t { Box, Glue, Penalty } kind = Box;
    bool flagged = false;  // a hyphen break (at most two in a row)
    bool fill = false;     // glue that stretches without limit (paragraph end, hard break)
    double width = 0, stretch = 0, shrink = 0;
    double penalty = 0;  // Penalty: cost; <= -kInf forces a break, >= kInf forbids it
    // Box: bytes [begin, end) of the paragraph text, drawn with `face`, from span `span`.
    uint32_t begin = 0, end = 0;
    const fonts::Font* face = nullptr;
    uint16_t span = 0;
};
constexpr double kInf = 10000;
constexpr uint32_t kNoSource = UINT32_MAX;

struct Collected {
    std::string text;  // the paragraph text after case transforms
    std::vector<Piece> pieces;
    // Per byte of `text`: the index of its code point in its span's text (kNoSource where the
    // case transform changed the span's length in code points, so no index maps back).
    std::vector<uint32_t> source_cp;
    double size = 12;
    std::vector<uint32_t> deleted_at;  // editions: offsets in `text` where deleted spans were
};

struct CollectOptions {
    double min_measure = 0;  // tokens wider than this are split at character boundaries
    bool hyphenate = false;
    // Digits in the font's tabular figures where it has distinct ones (fonts::Font::tabular).
    bool tabular = false;
};

Collected collect(Engine& e, const doc::Inlines& content, const tmpl::Style& st, const CollectOptions& opt,
                  const SourceLoc& loc);

// ---- line breaking (linebreak.cpp) ----

// Widths: the first line may differ (first-line indent), the rest are equal.
struct Measure {
    double first = 0, rest = 0;
    double at(size_t line) const { return line == 0 ? first : rest; }
};

// Indices of the pieces where lines end (a glue or penalty; the last is the final penalty).
// Knuth-Plass returns nullopt when no set of breaks fits within `tolerance` (adjustment ratio).
// Without `hyphenate`, hyphenation points are ignored (explicit hyphens still break): TeX's
// first pass, which keeps hyphens to the paragraphs that need them.
std::optional<std::vector<size_t>> total_fit(const std::vector<Piece>& p, const Measure& m, double tolerance,
                                             bool hyphenate = true);
std::vector<size_t> first_fit(const std::vector<Piece>& p, const Measure& m);

// ---- paragraphs (paragraph.cpp) ----

struct ParaSpec {
    const tmpl::Style* style = nullptr;
    std::string style_name;
    const doc::Inlines* content = nullptr;
    double x = 0, width = 0;           // the region; the style's indents apply inside it
    std::optional<tmpl::Align> align;  // overrides the style's
    SourceLoc loc;
    bool tabular = false;  // tabular figures (table cells): CollectOptions::tabular
};

// A line with items relative to its top-left (y of text = baseline below the line top).
struct SetLine {
    std::vector<Item> items;
    LineMark mark;
    double height = 0, baseline = 0;
    // A hyphenated line end: the span and the code point index before which it falls.
    std::optional<std::pair<const doc::Span*, size_t>> hyphen_at;
    std::optional<std::pair<const doc::Span*, size_t>> word_break_at;  // ended inside a token, no hyphen
};

std::vector<SetLine> set_paragraph(Engine& e, const ParaSpec& spec);

// Text on one line without breaking (chart labels, furniture): runs split where the fallback
// face takes over. Returns the width. `char_space`: points after each character (tracking),
// counted in the width as the PDF's Tc advances the pen.
double set_text(Engine& e, std::vector<Item>& out, std::string_view text, const FontPtr& face, double size,
                tmpl::Color color, double x, double baseline, const SourceLoc& loc, double char_space = 0);
double text_width(Engine& e, std::string_view text, const FontPtr& face, double size, const SourceLoc& loc,
                  double char_space = 0);

std::string plain_text(const doc::Inlines& in);
void shift(Item& item, double dx, double dy);

// ---- the vertical flow (blocks.cpp, table.cpp, chart.cpp) ----

struct VBox {
    double height = 0;
    double gap = 0;          // space above it, dropped at the top of a page
    bool breakable = true;   // may a page end just before this box?
    int group = -1;          // a split table: its repeated header (Flow::headers) ...
    bool group_first = false;  // ... is not repeated before the table's own first box
    std::vector<Item> items;  // y relative to the box top
    std::vector<LineMark> lines;
    double first_baseline = -1;
    std::optional<Bookmark> bookmark;  // y relative to the box top
    std::string anchor;
    std::vector<std::pair<const doc::Span*, size_t>> hyphen_breaks;  // of its lines (SetLine::hyphen_at)
    std::vector<std::pair<const doc::Span*, size_t>> word_breaks;    // of its lines (SetLine::word_break_at)
    // The first box of a top-level block: that block, and its own space above (`gap` less the
    // space below the block before), so pagination can move a floating figure past whole blocks.
    const doc::Block* block = nullptr;
    double before = 0;
    int first_elem = -1;  // ... and the first structure element it added (tagged PDF)
    // The first box of a figure that may float (template figures.float; kept whole, fits a page):
    // how many boxes it has. 0: it stays where it is.
    size_t float_boxes = 0;
};

struct Flow {
    std::vector<VBox> boxes;
    std::vector<std::vector<VBox>> headers;  // per group: caption "(continued)" + header rows
    double pending_after = 0;  // space after the last block, added to the next one's gap
    bool keep_next = false;    // the last block must stay with the next one

    // Appends a block's boxes: the first gets `before` + the previous block's space after.
    void add(std::vector<VBox> block, double before, double after, bool keep_with_next);
};

struct HeadingRef {
    std::string title, anchor;
    int level = 1;
};

void build_flow(Engine& e, Flow& flow, const std::vector<doc::Block>& blocks, const std::vector<HeadingRef>& headings);

// Boxes of a table whose top is at 0; x from `x` over `width`. A header row is one box; a body
// row is one box too unless it is taller than a page holds below the header rows and `reserved`
// (what a page that continues the table shows above them): then it is slices, each at most
// that tall, the first body row's first at most what the page holds below `lead` (what stays
// with the table's start: its caption, a heading kept with it) and the header rows.
struct TableBoxes {
    std::vector<VBox> header;
    std::vector<std::vector<VBox>> body;  // per row, its slices
};
// With `table_elem` >= 0, the rows' text is tagged as THead/TBody/TR/TH/TD under it. The changes
// box (style "changes": a title row, then one change per row) is no data table: with `box` its
// title row is tagged as the heading element box->heading and each change as an LI/LBody of the
// list element box->list.
struct BoxTags {
    int heading = -1, list = -1;
};
TableBoxes lay_out_table(Engine& e, const doc::Table& t, double x, double width, double lead, double reserved,
                         const SourceLoc& loc, int table_elem = -1, const BoxTags* box = nullptr);
VBox lay_out_chart(Engine& e, const doc::Chart& c, double x, double width, const SourceLoc& loc);

// Boxes of the lines of a paragraph, with widow/orphan rules applied.
std::vector<VBox> paragraph_boxes(Engine& e, const ParaSpec& spec);

// The template's logo above the first block (image.cpp).
std::optional<VBox> logo_box(Engine& e);

// ---- the logical structure for the tagged PDF (structure.cpp) ----

// Appends an element under `parent` and returns its index.
int add_elem(Engine& e, std::string role, int parent, std::string alt = {}, std::string scope = {});
// Points the untagged text, graphics and images of items[from...] to `elem`; each untagged link
// gets a Link element of its own under `elem`, its /Contents `link_text` (else its URI).
void tag_items(Engine& e, std::vector<Item>& items, int elem, size_t from = 0, const std::string& link_text = {});
void tag_boxes(Engine& e, std::vector<VBox>& boxes, int elem, const std::string& link_text = {});
// Makes every item of `boxes` an artifact again (the copies of a table's repeated header).
void untag(std::vector<VBox>& boxes);
// Puts each floated figure's elements after those of the text that filled its place
// (Engine::elem_moves), renumbering the items' tags: the reading order is the pages' and the DOCX's.
void reorder_structure(Engine& e, Layout& out);

// ---- pages (paginate.cpp, furniture.cpp) ----

void paginate(Engine& e, Flow& flow, Layout& out);  // gives up the flow's items to the pages
void add_furniture(Engine& e, Layout& out);

std::string fmt(double v);  // rounded to 0.01, no trailing zeros
std::string hex(tmpl::Color c);

}  // namespace briefmake::layout::detail
