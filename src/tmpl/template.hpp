// Layout templates: page geometry, fonts, named styles, header/footer slots, labels.
// A template is data (YAML in templates/), read at run time; see README "Templates".
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <memory>

#include "core/context.hpp"

namespace briefmake::docx {
struct Reference;  // docx/reference.hpp: a reference .docx/.dotx, read by the DOCX module
}

namespace briefmake::tmpl {

using core::SourceLoc;

struct Color {
    uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
    std::string hex() const;  // "1F3864" (no '#'), as Word wants it
};

enum class Align { Left, Center, Right, Justify };
enum class CaseTransform { None, Upper, Lower };

// One font family: the PDF's font files and the name Word should use.
struct FontFamily {
    std::string key;  // "serif"
    std::filesystem::path regular, bold, italic, bold_italic;  // absolute paths
    std::string docx_name;  // e.g. "Times New Roman" (metric twin of Liberation Serif)
    bool operator==(const FontFamily&) const = default;
};

// A named style. Lengths are in points; leading is the line height as a multiple of size.
struct Style {
    std::string font = "serif";
    double size = 12;
    bool bold = false;
    bool italic = false;
    Color color;
    double space_before = 0;
    double space_after = 0;
    double leading = 1.15;
    double indent_left = 0;
    double indent_first = 0;
    Align align = Align::Left;
    CaseTransform transform = CaseTransform::None;
    bool keep_with_next = false;
    // Letter spacing (tracking) in em, added after each character: 0.05 sets capitals 5% of the
    // size apart. A template sets it on the header and footer styles only; a reference
    // document's styles may set it on any (the paragraph layout counts it in every width).
    double tracking = 0;
    // A rule under the paragraph, `space` below its last line; both add to its height. Set from
    // a reference document's style (w:pBdr bottom), as Word draws it; none in our templates.
    struct Border {
        double width = 0.5, space = 0;  // points
        Color color;
        bool operator==(const Border&) const = default;
    };
    std::optional<Border> border_below;
    std::string docx_name;  // Word style name, e.g. "Heading 1"; empty: derived from the key
    bool operator==(const Style&) const = default;
};

// Text with {{ placeholders }} and where it was written (for located errors).
struct Pattern {
    std::string text;
    SourceLoc loc;
    // Where each "{{" of `text` stands in the file, as the reader found it: escapes, quotes and
    // folded lines put offsets in `text` elsewhere in the file. `verbatim`: the placeholder's
    // inside is spelt in the file exactly as in `text`, so positions inside it can be counted.
    struct Open {
        SourceLoc loc;
        bool verbatim = false;
        bool operator==(const Open&) const = default;
    };
    std::vector<Open> opens;
    bool operator==(const Pattern&) const = default;
};

struct Slots {
    Pattern left, center, right;
    bool empty() const { return left.text.empty() && center.text.empty() && right.text.empty(); }
    bool operator==(const Slots&) const = default;
};

struct Page {
    double width = 595.276;   // A4 in points
    double height = 841.890;
    double margin_top = 70.87, margin_bottom = 70.87, margin_left = 70.87, margin_right = 70.87;
    double header_distance = 35.43;  // from the page edge to the header's baseline area
    double footer_distance = 35.43;
    bool operator==(const Page&) const = default;
};

struct Template {
    std::string name;
    std::filesystem::path file;            // the template file (last of the chain)
    std::vector<std::filesystem::path> chain;  // every file read, base first (incremental keys)
    Page page;
    std::map<std::string, FontFamily> fonts;
    std::filesystem::path fallback_font;  // face used for characters the family lacks
    std::map<std::string, Style> styles;
    // Named colours: "rule" (under the header; table rules too unless "table-rule" is set),
    // "table-rule", "table-header" (header row shading), "table-stripe" (alternate rows).
    std::map<std::string, Color> colors;
    // Vertical rules of ruled tables, at the outer edges and between columns: none in our own
    // templates; a reference document's table style may draw them (docx::apply_reference).
    struct VerticalRule {
        double width = 0.5;  // points
        std::optional<Color> color;  // none: the table rules' colour
        bool operator==(const VerticalRule&) const = default;
    };
    std::optional<VerticalRule> table_rule_left, table_rule_right, table_rule_inside;
    // Series colours for charts, in order (chosen to stay distinct in greyscale).
    std::vector<Color> chart_palette;
    // How a link prints, in the PDF and the DOCX alike: in colors["link"] when the template sets
    // it (else in its paragraph's colour), underlined when link_underline.
    bool link_underline = false;
    // Links for print: each paragraph with links to outside addresses is followed by a line in
    // footnote size naming them (style "link-address", else "note"), in both outputs.
    bool link_address = false;
    // Figures (charts, and tables that fit a page) that do not fit below the text before them
    // may float to the top of the next page while the text after them fills the gap, in the PDF
    // and the DOCX alike ("figures: {float: true}").
    bool float_figures = true;
    Slots header, footer;
    std::optional<Slots> first_header, first_footer;  // first-page variants
    std::vector<Pattern> letterhead;  // lines centred above the title ("T.C.", ministry, unit)
    std::vector<std::string> blocks;  // order of blocks: letterhead, title, meeting, summary, agenda, sections, figures, sources
    bool toc = false;
    std::optional<std::filesystem::path> logo;
    double logo_width = 0;  // points; 0: natural size at 72 dpi
    // Editions: the change bar's width (its colour is colors["change-bar"]), its distance left of
    // the text, and how many changes the changes box lists before "+N more".
    double change_bar_width = 1.5;
    double change_bar_gap = 8;
    int changes_max = 12;
    std::string logo_alt;   // the logo's alternative text (accessibility); empty: the organisation's name
    // labels[lang][key]
    std::map<std::string, std::map<std::string, std::string>> labels;
    // `reference-doc:` (or --reference-doc): a .docx/.dotx whose page setup, styles, fonts and
    // header/footer win over this template's (README "Reference documents"). The path is
    // confined like the other template paths; the reader (docx::read_reference) fills `reference`
    // and docx::apply_reference rewrites the values above from it.
    std::optional<std::filesystem::path> reference_doc;
    SourceLoc reference_loc;
    std::shared_ptr<const docx::Reference> reference;
    // Images of the reference's header (and footer), drawn in the PDF where Word draws them:
    // the top of the header area (the bottom of the footer area), by their paragraph's alignment.
    struct FurnitureImage {
        std::string name;   // "ministry.dotx:word/media/image1.png", for messages and caching
        std::string bytes;  // PNG or JPEG
        double width = 0, height = 0;  // points
        Align align = Align::Left;
        bool footer = false;
        // Down (up, negative) from the header's top (the footer's bottom): the text lines of the
        // header (footer) that come before it in the reference.
        double offset = 0;
        bool operator==(const FurnitureImage&) const = default;
    };
    std::vector<FurnitureImage> furniture_images;
    // The header is the reference's: the PDF draws no rule of ours under it (the DOCX has none).
    bool reference_header = false;
    // `reference-header: beside` (else "replace"): the template's own header and footer slots
    // stay in the slots the reference's header (footer) leaves empty.
    bool reference_beside = false;
    // Where the reference's header (footer) paragraph has its centre and right tab stops, in
    // points from the left margin: the centre slot is centred on the first, the right slot ends
    // at the second, as Word sets them (in both outputs). 0: the middle and the right margin.
    double header_center_at = 0, header_right_at = 0, footer_center_at = 0, footer_right_at = 0;

    // The label for `key` in `lang`, falling back to "en", then the key itself.
    std::string label(const std::string& lang, const std::string& key) const;
    // The style named `key`; throws if the template lacks it.
    const Style& style(const std::string& key) const;
    // The colour named `key`, or `fallback` when the template does not set it.
    Color color(const std::string& key, Color fallback) const;
    bool operator==(const Template&) const = default;
};

// Loads a template by shipped name ("default") or by path (relative to `base_dir`), following
// `extends:` chains. `loc` is where the brief named it, for "unknown template" errors.
// Template paths (a path template, its `extends:`, font and logo files) are canonicalised and
// must stay inside `base_dir` (the brief's folder), the shipped templates (and fonts) or a folder
// of ctx.allowed_roots (--allow-path): no "..", absolute paths or symlinks leading out.
Template load_template(const std::string& name_or_path, const std::filesystem::path& base_dir,
                       const SourceLoc& loc, const core::Context& ctx);

// Same for a template the user named on the command line (--template): that path itself is not
// checked, and its folder is allowed for what it names.
Template load_trusted_template(const std::string& name_or_path, const std::filesystem::path& base_dir,
                               const SourceLoc& loc, const core::Context& ctx);

// A template from text in memory (fuzzing, tests): `file_name` is used in messages, `base_dir`
// resolves `extends:`, font and logo paths (and is an allowed root).
Template parse_template(const std::string& text, const std::string& file_name,
                        const std::filesystem::path& base_dir, const core::Context& ctx);

// Placeholder expansion. A pattern like "Sayfa {{ page }} / {{ pages }}" is split into parts;
// names and filters are checked against `known` names; unknown ones are located errors.
struct Part {
    enum Kind { Literal, Page, Pages } kind = Literal;
    std::string text;
    bool operator==(const Part&) const = default;
};
using Value = std::string;
// vars: name -> value (already formatted, e.g. "meeting.date" -> "2026-02-02");
// filters: upper, lower, date (formats an ISO date in `lang`). Where no page is known (a
// letterhead line, printed once), `page_numbers` is false and {{ page }} or {{ pages }} is an error.
std::vector<Part> expand(const Pattern& p, const std::map<std::string, Value>& vars, const std::string& lang,
                         bool page_numbers = true);

}  // namespace briefmake::tmpl
