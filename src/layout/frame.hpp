// Positioned pages: what the layout decides and the PDF writer only draws.
// Coordinates are points with the origin at the page's top-left corner, y growing downwards;
// a text run's y is its baseline.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "doc/layout_facts.hpp"
#include "fonts/font.hpp"
#include "tmpl/template.hpp"

namespace briefmake::layout {

using tmpl::Color;

struct TextRun {
    double x = 0, y = 0;
    std::string text;  // UTF-8, as it must extract (case transforms already applied)
    std::shared_ptr<const fonts::Font> font;
    double size = 12;
    Color color;
    // The run ends where the line was hyphenated: a visible hyphen is drawn after `text`,
    // and it extracts as U+00AD (or nothing), so the word stays whole when searched.
    bool hyphen = false;
    int tag = -1;  // Layout::structure element it belongs to; -1: an artifact (tagged PDF)
    // Points added after each character (letter spacing, the PDF's Tc): the run's advance is
    // its glyphs' widths plus char_space per character.
    double char_space = 0;
    bool operator==(const TextRun&) const = default;
};

struct Rule {  // a straight line
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color;
    bool operator==(const Rule&) const = default;
};

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double stroke_width = 0.5;
    int tag = -1;  // as TextRun::tag
    bool operator==(const Rect&) const = default;
};

// A polygon or polyline (line charts, pie sectors approximated by the writer's curves).
struct Path {
    std::vector<std::pair<double, double>> points;
    bool closed = false;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double stroke_width = 1;
    int tag = -1;  // as TextRun::tag
    bool operator==(const Path&) const = default;
};

// A pie sector: centre, radius, angles in degrees clockwise from 12 o'clock.
struct Sector {
    double cx = 0, cy = 0, r = 0, start = 0, end = 0;
    Color fill;
    std::optional<Color> stroke;
    int tag = -1;  // as TextRun::tag
    bool operator==(const Sector&) const = default;
};

// A clickable area: an external URI, or an internal destination (page index, y).
struct Link {
    double x = 0, y = 0, w = 0, h = 0;
    std::string uri;
    int dest_page = -1;
    double dest_y = 0;
    int tag = -1;  // as TextRun::tag
    bool operator==(const Link&) const = default;
};

struct Image {
    double x = 0, y = 0, w = 0, h = 0;
    std::filesystem::path file;  // PNG or JPEG, validated by the writer
    int tag = -1;  // as TextRun::tag
    std::string bytes{};  // when set, the image itself (a reference document's header logo); `file` names it
    bool operator==(const Image&) const = default;
};

using Item = std::variant<TextRun, Rule, Rect, Path, Sector, Link, Image>;

// One laid-out line of text, for tests and the dump (the PDF writer ignores it).
// x is where the line's measure starts (indents applied), y its baseline; width is the extent
// actually used (justified lines: the whole measure).
struct LineMark {
    double x = 0, y = 0, width = 0, measure = 0;
    std::string style;       // the paragraph style ("body", "heading1", "table", ...)
    bool justified = false;  // stretched or shrunk to the measure
    bool last = false;       // the last line of its paragraph (or before a hard break)
    bool hyphen = false;     // ends with a hyphen
    bool changed = false;    // holds text changed since the previous edition: a change bar
    bool operator==(const LineMark&) const = default;
};

struct Page {
    double width = 595.276, height = 841.890;
    std::vector<Item> items;
    std::vector<LineMark> lines;  // text lines on the page, in reading order
    bool operator==(const Page&) const = default;
};

struct Bookmark {
    std::string title;
    int level = 1;
    int page = 0;  // 0-based
    double y = 0;
    bool operator==(const Bookmark&) const = default;
};

// Tagged PDF (accessibility): one element of the document's logical structure, in reading
// (document) order. Items point to the element they belong to by index (their `tag`); an item
// without one (rules, fills, running headers and footers, repeated table headers, anything a
// later stage adds without knowing the structure) is drawn as an artifact.
struct StructElem {
    std::string role;   // a standard structure type: Document, H1, P, L, LI, Lbl, LBody, Table, TR, TH, ...
    int parent = -1;    // index in Layout::structure; -1 for the root (Document)
    std::string alt;    // Figure: its alternative text; Link: the annotation's /Contents
    std::string scope;  // TH: "Column" or "Row"
    bool operator==(const StructElem&) const = default;
};

struct Info {
    std::string title, author, subject, keywords, creator;
    std::string language;    // BCP 47
    int64_t date_epoch = 0;  // UTC seconds
    bool operator==(const Info&) const = default;
};

struct Layout {
    std::vector<Page> pages;
    std::vector<Bookmark> bookmarks;
    std::map<std::string, int> anchor_pages;  // heading anchor -> 0-based page
    // What the DOCX writer follows (split rows, decimal shifts, charts without value labels,
    // header and footer ascents); keyed by the laid-out document's nodes.
    doc::LayoutFacts facts;
    Info info;
    std::vector<StructElem> structure;  // [0] is the Document; parents come before children
    bool operator==(const Layout&) const = default;
};

}  // namespace briefmake::layout
