// A reference document (.docx/.dotx, pandoc's --reference-doc): the page setup, styles, theme and
// first-section header/footer of a Word file made elsewhere. Plain values only: the reader
// (reference.cpp) is the only code that sees the zip and the XML.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace briefmake::docx {

struct RefColor {
    uint8_t r = 0, g = 0, b = 0;
    bool operator==(const RefColor&) const = default;
};

// The first section's page setup, in points.
struct RefPage {
    double width = 612, height = 792;
    double top = 72, bottom = 72, left = 72, right = 72;
    double header = 36, footer = 36;
    bool operator==(const RefPage&) const = default;
};

struct RefTab {
    std::string kind;  // "left", "center", "right"
    double pos = 0;    // points from the left margin
    bool operator==(const RefTab&) const = default;
};

// One border line of a table style: its width (w:sz, eighths of a point) and colour (none:
// automatic).
struct RefBorder {
    double width = 0.5;  // points
    double space = 0;    // points between a paragraph's text and its border (w:space)
    std::optional<RefColor> color;
    bool operator==(const RefBorder&) const = default;
};

// A style as Word applies it: docDefaults, then its basedOn chain root first, then itself;
// theme fonts and colours resolved through theme1.xml.
struct RefStyle {
    std::string id, name;       // "Heading1", "heading 1"
    std::string type;           // "paragraph", "character", "table", "numbering"
    std::string based_on;       // the id it is based on, as written
    std::string font;           // "Calibri Light"
    double size = 10;           // points
    bool bold = false, italic = false, caps = false;
    double letter_spacing = 0;      // points after each character (w:spacing in the run properties)
    std::optional<RefColor> color;  // none: automatic (black)
    double space_before = 0, space_after = 0;  // points
    // Line spacing: for "auto" a multiple of the font's line height (1.0 single); for "exact" and
    // "atLeast" points.
    enum class LineRule { Auto, Exact, AtLeast } line_rule = LineRule::Auto;
    double line = 1.0;
    double indent_left = 0, indent_first = 0;  // points; a hanging indent is a negative first
    std::string align = "left";                 // left, center, right, both
    bool keep_with_next = false;
    std::vector<RefTab> tabs;  // its tab stops and its bases', by position
    std::optional<RefBorder> border_bottom;  // w:pBdr bottom: a rule under the paragraph
    // Table styles (through basedOn): whether the chain itself names a font, size or colour
    // (else the table's text is Normal's), the rules' colour (w:tblBorders: insideH, else top,
    // else bottom), the header row's (tblStylePr firstRow) shading, text colour and weight, and
    // the stripes' shading (band1Horz or band2Horz). `is_default`: w:default="1".
    bool is_default = false;
    bool sets_font = false, sets_size = false, sets_color = false;
    std::optional<RefColor> border_color, header_fill, header_color, band_fill;
    std::optional<bool> header_bold;
    // Its vertical rules (w:tblBorders left, right, insideV through basedOn; "nil" and "none"
    // are none), as Word draws them.
    std::optional<RefBorder> rule_left, rule_right, rule_inside_v;
    bool operator==(const RefStyle&) const = default;
};

// A run of header or footer text as our slots need it.
struct RefRun {
    enum class Kind { Text, Tab, Page, Pages, Image } kind = Kind::Text;
    std::string text{};
    int image = -1;  // index into RefFurniture::images for Kind::Image
    double width = 0, height = 0;  // an image's size in points
    bool operator==(const RefRun&) const = default;
};

struct RefParagraph {
    std::string style_id;
    std::string align;          // "" (the style's), left, center, right, both
    std::vector<RefTab> tabs;   // its own and its style's, by position
    std::vector<RefRun> runs;
    bool operator==(const RefParagraph&) const = default;
};

struct RefImage {
    std::string part;   // "word/media/image1.png"
    std::string bytes;
    std::string rel_id{};  // the relationship of its part that names it
    bool operator==(const RefImage&) const = default;
};

struct RefRel {
    std::string id, type, target;  // target relative to word/
    bool operator==(const RefRel&) const = default;
};

// The default header or footer of the first section: its paragraphs (for the PDF) and the part
// itself with its relationships and images (carried into the DOCX as they are).
struct RefFurniture {
    std::string part;  // "word/header1.xml"
    std::string xml;
    std::vector<RefRel> rels;  // every one internal (an external one is refused)
    std::vector<RefImage> images;
    std::vector<RefParagraph> paragraphs;
    bool operator==(const RefFurniture&) const = default;
};

struct Reference {
    std::filesystem::path file;
    RefPage page;
    std::vector<RefStyle> styles;   // every style, resolved
    std::string styles_xml;         // word/styles.xml as it is (the DOCX writer merges into it)
    std::string theme_xml;          // word/theme/theme1.xml, or empty
    std::string major_font, minor_font;  // the theme's latin fonts
    std::optional<RefFurniture> header, footer;

    // The style with this name (Word's case-insensitive match), or null.
    const RefStyle* by_name(const std::string& name) const;
    const RefStyle* by_id(const std::string& id) const;
    // The default paragraph style (Normal), or null.
    const RefStyle* normal() const;
    // The table style our tables take: the default table style, else "Table Grid", else "Table"
    // (pandoc's), the first that sets a font, size or colour of its own, a rule colour, or a
    // header row or stripe look (Word's "Normal Table" and plain "Table Grid" set none); or null.
    const RefStyle* table_style() const;
    bool operator==(const Reference&) const = default;
};

// Limits on what a reference may make us inflate (zip bombs): checked on the sizes the archive
// declares, before any inflating.
struct ReferenceLimits {
    uint64_t max_file = 64ull << 20;      // the .docx itself
    uint64_t max_part = 16ull << 20;      // one part we read, inflated
    uint64_t max_total = 128ull << 20;    // every entry together, inflated
    uint64_t max_ratio = 200;             // inflated / compressed, for entries over 1 MB
};

// Reads FILE. Errors (core::Error, located at `loc` when known, else at FILE) name the file and
// the part: not a zip, a zip bomb, macros, malformed XML, an external relationship.
Reference read_reference(const std::filesystem::path& file, const core::SourceLoc& loc = {},
                         const ReferenceLimits& limits = {});

// The same from bytes in memory (fuzzing, tests); `name` stands for the file in messages.
Reference parse_reference(const std::string& bytes, const std::string& name, const core::SourceLoc& loc = {},
                          const ReferenceLimits& limits = {});

}  // namespace briefmake::docx
