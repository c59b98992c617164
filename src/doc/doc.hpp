// The format-neutral document tree: what both writers render. Built by merge(spec, template).
// Values, not pointers: copyable, comparable, printable (dump.hpp).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/diag.hpp"
#include "spec/spec.hpp"
#include "tmpl/template.hpp"

namespace briefmake::doc {

using core::SourceLoc;

enum SpanFlags : uint8_t { Bold = 1, Italic = 2 };

// A run of text with one look. A hard line break is a Span with line_break = true and no text.
struct Span {
    std::string text;
    uint8_t flags = 0;
    std::string link;  // URI, or empty
    bool line_break = false;
    // Editions (doc/edition.hpp): 0 unchanged, kInserted new since the previous edition,
    // kDeleted text of the previous edition that is gone (the DOCX keeps it as w:del, the PDF
    // draws only a change bar where it was).
    uint8_t change = 0;
    bool operator==(const Span&) const = default;
};
using Inlines = std::vector<Span>;

struct Block;

// A paragraph in a named template style ("body", "title", "subtitle", "letterhead", "caption", ...).
// Case transforms of the style are NOT applied here: the PDF applies them through ICU and the
// DOCX sets w:caps with the language, so Word keeps the typed text.
struct Paragraph {
    std::string style = "body";
    Inlines content;
    bool operator==(const Paragraph&) const = default;
};

struct Heading {
    int level = 1;  // 1..3
    Inlines content;
    std::string anchor;  // unique id, used by TOC, bookmarks and links ("h-1", ...)
    bool operator==(const Heading&) const = default;
};

enum class ListKind { Bullet, Ordered };

struct ListItem {
    std::string label;  // what precedes the item: "1.", "1.2.", "•" (both writers print the same)
    std::vector<Block> blocks;
    bool operator==(const ListItem&) const;
};

// A list. `style` is "agenda" (multi-level 1, 1.1, 1.1.1), "numbered" or "bullet".
// `level` is the nesting depth (0 = outermost) for indentation.
struct List {
    ListKind kind = ListKind::Bullet;
    std::string style = "bullet";
    int level = 0;
    int start = 1;
    std::vector<ListItem> items;
    bool operator==(const List&) const = default;
};

struct TableCell {
    Inlines content;
    bool numeric = false;  // right-aligned, aligned on the decimal mark
    std::string raw{};     // a number as the brief gives it (editions compare this, not the format)
    bool operator==(const TableCell&) const = default;
};

// A table. widths are relative column weights (sum arbitrary). style: "table" (ruled, shaded
// header) or "meta" (key/value, no rules). header_rows repeat on every page.
struct Table {
    std::string style = "table";
    std::vector<double> widths;
    int header_rows = 1;
    std::vector<std::vector<TableCell>> rows;
    bool operator==(const Table&) const = default;
};

struct ChartSeries {
    std::string name;
    std::vector<double> values;
    std::vector<std::string> labels;  // values formatted in the brief's language
    bool operator==(const ChartSeries&) const = default;
};

// Digits after the decimal mark a chart shows when its figure gives no `decimals`: as many as
// its most precise value needs, up to this many. One number for the whole chart, so the PDF's
// labels and the DOCX's number format agree and the labels line up.
inline constexpr int kMaxAutoDecimals = 3;

// Space (points) above and below a table of its own (not a figure's): the PDF's layout keeps
// it, and the DOCX gives it to the paragraphs beside the table, as Word tables have none.
inline constexpr double kTableGap = 6;

struct Chart {
    spec::FigureKind kind = spec::FigureKind::Bar;
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    std::string value_axis_title;  // the unit, shown once
    int decimals = 0;  // of every label; the merge always sets it (< 0 only in hand-built charts)
    std::vector<std::string> shares;  // pie: each slice's share of the total, "%45,3" / "45.3%"
    bool operator==(const Chart&) const = default;
};

// A numbered figure: caption ("Tablo 1. Title"), the table or chart, then source and note lines.
struct Figure {
    std::string id;
    spec::FigureKind kind = spec::FigureKind::Table;
    std::string label;  // "Tablo 1", "Şekil 1"
    Inlines caption;    // the whole caption line, label included
    std::optional<Table> table;
    std::optional<Chart> chart;
    Inlines source;  // "Kaynak: ANKA", may be empty
    Inlines note;
    std::string alt;  // alternative text: the brief's alt:, else generated from the data (accessibility)
    bool operator==(const Figure&) const = default;
};

// The table of contents, filled by the layout (PDF) and as a TOC field (DOCX).
struct Toc {
    std::string title;
    bool operator==(const Toc&) const = default;
};

struct Block {
    std::variant<Paragraph, Heading, List, Table, Figure, Toc> v;
    SourceLoc loc;
    bool operator==(const Block&) const = default;
};

inline bool ListItem::operator==(const ListItem& o) const { return label == o.label && blocks == o.blocks; }

// A header or footer slot resolved except for the page number and the page count.
using SlotText = std::vector<tmpl::Part>;
struct Furniture {
    SlotText left, center, right;
    bool empty() const { return left.empty() && center.empty() && right.empty(); }
    bool operator==(const Furniture&) const = default;
};

struct Meta {
    std::string title;
    std::string subtitle;
    std::string author;
    std::string subject;     // meeting name
    std::string keywords;
    std::string language;    // "tr"
    std::string locale;      // "tr-TR"
    std::string classification;
    std::string reference;
    int64_t date_epoch = 0;  // file dates: SOURCE_DATE_EPOCH, else the edition, else the meeting date (UTC seconds)
    // The edition's own date (the brief's edition, else its meeting date, noon UTC), whatever
    // SOURCE_DATE_EPOCH says: what the changes box and the tracked changes name.
    int64_t edition_epoch = 0;
    std::string logo_alt;    // the template logo's alternative text (empty: no logo, or none known)
    bool operator==(const Meta&) const = default;
};

struct Document {
    Meta meta;
    tmpl::Template tmpl;  // geometry, fonts, styles (copied: the document is self-contained)
    Furniture header, footer;
    std::optional<Furniture> first_header, first_footer;
    std::vector<Block> blocks;
    bool operator==(const Document&) const = default;
};

}  // namespace briefmake::doc
