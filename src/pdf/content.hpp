// The pages' content: draws the layout's positioned items (text runs, rules, rectangles, paths,
// sectors, images, links) into libharu's pages, one visit over each page's items in order.
#pragma once
#include <hpdf.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/frame.hpp"
#include "pdf/document.hpp"
#include "pdf/fonts.hpp"
#include "pdf/pdfa.hpp"
#include "pdf/tags.hpp"

namespace briefmake::pdf {

class Content {
public:
    // `pages` are libharu's pages for l.pages, same order; `fonts` is embedded already.
    Content(Document& doc, const layout::Layout& l, const std::vector<HPDF_Page>& pages, const EmbeddedFonts& fonts,
            IdHasher& id)
        : doc_(doc), l_(l), pages_(pages), fonts_(fonts), id_(id) {}

    // Draws page `index`. Images feed `id`, once each.
    void draw_page(size_t index);
    // With a tagger, every drawn item is marked content: its structure element's (an MCID), or
    // an /Artifact. Set before drawing.
    void set_tagger(Tagger* tags) { tags_ = tags; }
    // Whether any page needed /ActualText (a PDF 1.5 feature).
    bool used_actual_text() const { return used_actual_text_; }

private:
    // Per-page drawing state, so repeated state operators are not written.
    //
    // Text is written as few operators as possible: one BT/ET for a stretch of text, Tf and rg
    // only when they change, each line started with a relative Td (in hundredths of a point,
    // tracked exactly so rounding never accumulates), and the runs of a line shown by one TJ
    // whose numbers move the pen to where the layout put the next run. The pen is followed with
    // the same integer widths the font's /W array gives a viewer, so each run starts within
    // size/2000 pt of its place.
    struct PageState {
        HPDF_Page page = nullptr;
        double height = 0;
        bool in_text = false;
        HPDF_Font font = nullptr;
        const FontUse* use = nullptr;
        double size = 0;
        double char_space = 0;  // Tc: points after each glyph (tracking), part of the text state
        std::optional<layout::Color> fill, stroke;
        double line_width = -1;
        bool tj_open = false;    // inside "[ ... ]TJ"
        bool pen_valid = false;  // pen_x is where the next glyph goes, on line line_y
        double pen_x = 0;
        int64_t line_x = 0, line_y = 0;  // the text line matrix origin, in 1/100 pt
        size_t index = 0;           // of the page
        bool mark_open = false;     // inside BDC/BMC ... EMC (tagged PDF)
        int mark = -1;              // the open mark's element; -1: /Artifact
        bool mark_in_text = false;  // the mark opened inside BT ... ET, so it closes before ET
        bool word_open = false;     // tagged text shown since the last word break (a space)
    };

    void begin_text(PageState& s);
    // Ends the open word of tagged text with a space character: tagged PDF marks every word
    // break so, also where the layout only leaves a distance (justified lines, line and page
    // ends, chart labels).
    void word_break(PageState& s);
    // Opens marked content for an item of element `tag` (-1: an artifact), text or not, unless
    // the open one fits; marks and text objects nest properly.
    void mark(PageState& s, int tag, bool text);
    void close_mark(PageState& s);

    void close_tj(PageState& s);
    void end_text(PageState& s);
    void set_fill(PageState& s, const layout::Color& c);
    void set_stroke(PageState& s, const layout::Color& c, double width);
    HPDF_REAL y(const PageState& s, double top_down) const { return HPDF_REAL(s.height - top_down); }
    void raw(PageState& s, std::string_view ops);
    void show(PageState& s, std::u32string_view text);
    void move_to(PageState& s, double x, double y_pdf);
    void colours(PageState& s, const std::optional<layout::Color>& fill, const std::optional<layout::Color>& stroke,
                 double width);
    void paint(PageState& s, const std::optional<layout::Color>& fill, const std::optional<layout::Color>& stroke,
               const char* what);

    void draw(PageState& s, const layout::TextRun& t);
    void draw(PageState& s, const layout::Rule& r);
    void draw(PageState& s, const layout::Rect& r);
    void draw(PageState& s, const layout::Path& p);
    void draw(PageState& s, const layout::Sector& sec);
    void draw(PageState& s, const layout::Link& k);
    void draw(PageState& s, const layout::Image& im);

    HPDF_Destination destination(int page, double top_down_y, const char* what);
    // `in_memory`: the image's bytes, when it has no file of its own (`file` then only names it).
    HPDF_Image image(const std::filesystem::path& file, const std::string* in_memory = nullptr);

    Document& doc_;
    const layout::Layout& l_;
    const std::vector<HPDF_Page>& pages_;
    const EmbeddedFonts& fonts_;
    IdHasher& id_;
    Tagger* tags_ = nullptr;
    bool used_actual_text_ = false;
    std::map<std::string, HPDF_Image> images_;
};

}  // namespace briefmake::pdf
