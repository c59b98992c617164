#include "pdf/content.hpp"

#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/context.hpp"
#include "core/diag.hpp"
#include "pdf/hpdf_internal.hpp"
#include "pdf/images.hpp"

namespace briefmake::pdf {

namespace {

// A signed number of 1/100 pt as PDF writes it: no trailing zeros, no trailing point.
std::string hundredths(int64_t v) {
    std::string out = v < 0 ? "-" : "";
    const uint64_t a = uint64_t(v < 0 ? -v : v);
    out += std::to_string(a / 100);
    if (a % 100 != 0) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02u", unsigned(a % 100));
        std::string frac = buf;
        if (frac.back() == '0') frac.pop_back();
        out += "." + frac;
    }
    return out;
}

}  // namespace

void Content::draw_page(size_t index) {
    PageState s;
    s.page = pages_[index];
    s.height = l_.pages[index].height;
    s.index = index;
    for (const auto& item : l_.pages[index].items) {
        if (auto* t = std::get_if<layout::TextRun>(&item)) {
            draw(s, *t);
            continue;
        }
        end_text(s);
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, layout::Rule>) mark(s, -1, false);  // rules are never content
                else if constexpr (!std::is_same_v<T, layout::Link>) mark(s, v.tag, false);  // links are not drawn
                draw(s, v);
            },
            item);
    }
    end_text(s);
    close_mark(s);
}

void Content::begin_text(PageState& s) {
    if (s.in_text) return;
    doc_.check("beginning text", HPDF_Page_BeginText(s.page));
    s.in_text = true;
    s.pen_valid = false;
    s.line_x = s.line_y = 0;
}

void Content::mark(PageState& s, int tag, bool text) {
    if (!tags_) return;
    if (s.mark_open && s.mark == tag && (text || !s.mark_in_text)) {
        if (text) begin_text(s);
        return;
    }
    close_mark(s);
    if (text)
        begin_text(s);
    else
        end_text(s);
    close_tj(s);
    if (tag < 0)
        raw(s, "/Artifact BMC\n");
    else
        raw(s, "/" + tags_->role(tag) + "<</MCID " + std::to_string(tags_->mcid(s.index, tag)) + ">>BDC\n");
    s.mark_open = true;
    s.mark = tag;
    s.mark_in_text = text;
}

void Content::word_break(PageState& s) {
    if (!s.word_open) return;
    s.word_open = false;
    if (!s.in_text || !s.use || !s.use->code.count(U' ')) return;
    if (!s.tj_open) raw(s, "[");
    s.tj_open = true;
    show(s, U" ");
}

void Content::close_mark(PageState& s) {
    if (!s.mark_open) return;
    word_break(s);
    if (s.mark_in_text)
        close_tj(s);
    else
        end_text(s);  // BT ... ET opened inside the mark
    raw(s, "EMC\n");
    s.mark_open = false;
}

void Content::close_tj(PageState& s) {
    if (!s.tj_open) return;
    raw(s, "]TJ\n");
    s.tj_open = false;
}

void Content::end_text(PageState& s) {
    if (!s.in_text) return;
    word_break(s);
    close_tj(s);
    if (s.mark_open && s.mark_in_text) {
        raw(s, "EMC\n");
        s.mark_open = false;
    }
    doc_.check("ending text", HPDF_Page_EndText(s.page));
    s.in_text = false;
    s.pen_valid = false;
}

void Content::set_fill(PageState& s, const layout::Color& c) {
    if (s.fill == c) return;
    close_tj(s);
    doc_.check("setting a fill colour", HPDF_Page_SetRGBFill(s.page, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f));
    s.fill = c;
}

void Content::set_stroke(PageState& s, const layout::Color& c, double width) {
    if (s.stroke != c) {
        doc_.check("setting a stroke colour", HPDF_Page_SetRGBStroke(s.page, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f));
        s.stroke = c;
    }
    if (s.line_width != width) {
        doc_.check("setting a line width", HPDF_Page_SetLineWidth(s.page, HPDF_REAL(width)));
        s.line_width = width;
    }
}

// libharu has no TJ with numbers, nor marked content: those operators are written as they are.
void Content::raw(PageState& s, std::string_view ops) {
    hpdf::write_content(doc_, s.page, ops, "writing page content");
}

// Shows `text` (drawn code points) inside the open TJ, in the face's codes (see FontUse), as a
// literal string: half the size of hex, and it compresses better. Only '(', ')', '\\' and CR
// need escaping (a bare CR would read as LF).
void Content::show(PageState& s, std::u32string_view text) {
    std::string lit = "(";
    int64_t units = 0;
    for (char32_t cp : text) {
        const unsigned code = s.use->code.at(cp);
        const std::string bytes = s.use->one_byte ? std::string(1, char(code))
                                                  : std::string{char(code >> 8), char(code & 0xFF)};
        for (char b : bytes) {
            if (b == '(' || b == ')' || b == '\\') lit += '\\';
            if (b == '\r') {
                lit += "\\r";
                continue;
            }
            lit += b;
        }
        units += s.use->widths.at(cp);
    }
    lit += ')';
    raw(s, lit);
    s.pen_x += double(units) * s.size / 1000.0 + double(text.size()) * s.char_space;
}

// Moves the pen to (x, y) (PDF coordinates) and opens a TJ array.
void Content::move_to(PageState& s, double x, double y_pdf) {
    const int64_t yh = std::llround(y_pdf * 100);
    if (s.pen_valid && yh == s.line_y) {
        if (!s.tj_open) raw(s, "[");
        s.tj_open = true;
        // A gap between words of one element (a justified line's, a run after a bold one) is a
        // word break: tagged PDF wants a space character there, not just the distance.
        if (x - s.pen_x > 0.05 * s.size) word_break(s);
        const long adj = std::lround((s.pen_x - x) * 1000.0 / s.size);
        if (adj != 0) raw(s, std::to_string(adj));
        s.pen_x -= double(adj) * s.size / 1000.0;
        return;
    }
    word_break(s);
    close_tj(s);
    const int64_t xh = std::llround(x * 100);
    raw(s, hundredths(xh - s.line_x) + " " + hundredths(yh - s.line_y) + " Td[");
    s.tj_open = true;
    s.line_x = xh;
    s.line_y = yh;
    s.pen_x = double(xh) / 100.0;
    s.pen_valid = true;
}

void Content::draw(PageState& s, const layout::TextRun& t) {
    const PreparedRun pr = EmbeddedFonts::drawn(t);
    if (pr.text.empty() && !t.hyphen) return;
    mark(s, t.tag, true);
    begin_text(s);
    const FontUse& use = fonts_.use(*t.font);
    if (s.font != use.handle || s.size != t.size) {
        close_tj(s);
        doc_.check("setting the font", HPDF_Page_SetFontAndSize(s.page, use.handle, HPDF_REAL(t.size)));
        s.font = use.handle;
        s.use = &use;
        s.size = t.size;
    }
    if (s.char_space != t.char_space) {
        // Letterspaced text (the running header's capitals): Tc spaces the glyphs and leaves
        // the text one string, so it extracts as the same words.
        close_tj(s);
        doc_.check("setting the letter spacing", HPDF_Page_SetCharSpace(s.page, HPDF_REAL(t.char_space)));
        s.char_space = t.char_space;
    }
    set_fill(s, t.color);
    move_to(s, t.x, y(s, t.y));
    if (!pr.text.empty()) show(s, pr.text);
    // A run that ends hyphenated continues its word on the next line.
    s.word_open = tags_ && s.mark_open && s.mark >= 0 && !t.hyphen && !pr.text.empty();
    if (t.hyphen && pr.hyphen_glyph) {
        show(s, U"\u00AD");
    } else if (t.hyphen) {
        // The drawn '-' extracts as U+00AD, so the hyphenated word stays searchable.
        close_tj(s);
        raw(s, "/Span<</ActualText<FEFF00AD>>>BDC[");
        s.tj_open = true;
        show(s, U"-");
        close_tj(s);
        raw(s, "EMC\n");
        used_actual_text_ = true;
    }
}

void Content::draw(PageState& s, const layout::Rule& r) {
    set_stroke(s, r.color, r.width);
    doc_.check("drawing a rule", HPDF_Page_MoveTo(s.page, HPDF_REAL(r.x1), y(s, r.y1)));
    doc_.check("drawing a rule", HPDF_Page_LineTo(s.page, HPDF_REAL(r.x2), y(s, r.y2)));
    doc_.check("drawing a rule", HPDF_Page_Stroke(s.page));
}

// Colours must be set before a path is begun (libharu rejects them inside a path object).
void Content::colours(PageState& s, const std::optional<layout::Color>& fill,
                      const std::optional<layout::Color>& stroke, double width) {
    if (fill) set_fill(s, *fill);
    if (stroke) set_stroke(s, *stroke, width);
}

void Content::paint(PageState& s, const std::optional<layout::Color>& fill, const std::optional<layout::Color>& stroke,
                    const char* what) {
    HPDF_STATUS st = fill && stroke ? HPDF_Page_FillStroke(s.page) : fill ? HPDF_Page_Fill(s.page)
                                                                          : HPDF_Page_Stroke(s.page);
    doc_.check(what, st);
}

void Content::draw(PageState& s, const layout::Rect& r) {
    if (!r.fill && !r.stroke) return;
    colours(s, r.fill, r.stroke, r.stroke_width);
    doc_.check("drawing a rectangle",
               HPDF_Page_Rectangle(s.page, HPDF_REAL(r.x), y(s, r.y + r.h), HPDF_REAL(r.w), HPDF_REAL(r.h)));
    paint(s, r.fill, r.stroke, "drawing a rectangle");
}

void Content::draw(PageState& s, const layout::Path& p) {
    if (p.points.size() < 2 || (!p.fill && !p.stroke)) return;
    colours(s, p.fill, p.stroke, p.stroke_width);
    doc_.check("drawing a path", HPDF_Page_MoveTo(s.page, HPDF_REAL(p.points[0].first), y(s, p.points[0].second)));
    for (size_t i = 1; i < p.points.size(); ++i)
        doc_.check("drawing a path", HPDF_Page_LineTo(s.page, HPDF_REAL(p.points[i].first), y(s, p.points[i].second)));
    if (p.closed) doc_.check("drawing a path", HPDF_Page_ClosePath(s.page));
    paint(s, p.fill, p.stroke, "drawing a path");
}

// Angles are clockwise from 12 o'clock in the frame; the arc is cut into Bézier pieces of
// at most 90 degrees (error below 0.03% of the radius).
void Content::draw(PageState& s, const layout::Sector& sec) {
    const double sweep = std::min(sec.end - sec.start, 360.0);
    if (sec.r <= 0 || sweep <= 0) return;
    colours(s, sec.fill, sec.stroke, 1.0);
    const double cx = sec.cx, cy = s.height - sec.cy, r = sec.r;
    auto pt = [&](double deg) {
        const double a = deg * std::numbers::pi / 180.0;
        return std::pair<double, double>{cx + r * std::sin(a), cy + r * std::cos(a)};
    };
    if (sweep >= 360.0) {
        doc_.check("drawing a sector", HPDF_Page_Circle(s.page, HPDF_REAL(cx), HPDF_REAL(cy), HPDF_REAL(r)));
    } else {
        auto [sx, sy] = pt(sec.start);
        doc_.check("drawing a sector", HPDF_Page_MoveTo(s.page, HPDF_REAL(cx), HPDF_REAL(cy)));
        doc_.check("drawing a sector", HPDF_Page_LineTo(s.page, HPDF_REAL(sx), HPDF_REAL(sy)));
        const int pieces = int(std::ceil(sweep / 90.0 - 1e-9));
        const double step = sweep / pieces;
        const double k = 4.0 / 3.0 * std::tan(step * std::numbers::pi / 180.0 / 4.0) * r;
        for (int i = 0; i < pieces; ++i) {
            const double a0 = (sec.start + i * step) * std::numbers::pi / 180.0;
            const double a1 = (sec.start + (i + 1) * step) * std::numbers::pi / 180.0;
            // Tangent of a clockwise arc at angle a (y up): (cos a, -sin a).
            const double x0 = cx + r * std::sin(a0), y0 = cy + r * std::cos(a0);
            const double x3 = cx + r * std::sin(a1), y3 = cy + r * std::cos(a1);
            const double x1 = x0 + k * std::cos(a0), y1 = y0 - k * std::sin(a0);
            const double x2 = x3 - k * std::cos(a1), y2 = y3 + k * std::sin(a1);
            doc_.check("drawing a sector", HPDF_Page_CurveTo(s.page, HPDF_REAL(x1), HPDF_REAL(y1), HPDF_REAL(x2),
                                                             HPDF_REAL(y2), HPDF_REAL(x3), HPDF_REAL(y3)));
        }
        doc_.check("drawing a sector", HPDF_Page_ClosePath(s.page));
    }
    paint(s, sec.fill, sec.stroke, "drawing a sector");
}

HPDF_Destination Content::destination(int page, double top_down_y, const char* what) {
    if (page < 0 || size_t(page) >= pages_.size())
        throw core::Error({}, std::string("PDF writer: ") + what + " points to page " + std::to_string(page + 1) +
                                  " of " + std::to_string(pages_.size()));
    HPDF_Destination d = doc_.check_handle(what, HPDF_Page_CreateDestination(pages_[page]));
    // Zoom 0 ("keep") is rejected by libharu and its sticky error would cancel the save.
    doc_.check(what, HPDF_Destination_SetXYZ(d, 0, HPDF_REAL(l_.pages[page].height - top_down_y), 1));
    return d;
}

void Content::draw(PageState& s, const layout::Link& k) {
    HPDF_Rect rect{HPDF_REAL(k.x), y(s, k.y + k.h), HPDF_REAL(k.x + k.w), y(s, k.y)};
    HPDF_Annotation a = nullptr;
    if (!k.uri.empty()) {
        a = doc_.check_handle("adding a link", HPDF_Page_CreateURILinkAnnot(s.page, rect, k.uri.c_str()));
    } else if (k.dest_page >= 0) {
        HPDF_Destination d = destination(k.dest_page, k.dest_y, "an internal link");
        a = doc_.check_handle("adding a link", HPDF_Page_CreateLinkAnnot(s.page, rect, d));
    } else {
        throw core::Error({}, "PDF writer: a link has neither a URI nor a target page");
    }
    doc_.check("setting a link border", HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0));
    // The print flag: PDF/A requires it, and a link is invisible on paper anyway. libharu has
    // no call for an annotation's /F.
    hpdf::put_number(doc_, a, "F", 4, "setting link flags");
    if (tags_)
        tags_->annotation(s.index, k.tag, a,
                          !k.uri.empty() ? k.uri : "Page " + std::to_string(k.dest_page + 1));
}

void Content::draw(PageState& s, const layout::Image& im) {
    HPDF_Image img = image(im.file, im.bytes.empty() ? nullptr : &im.bytes);
    doc_.check("drawing an image", HPDF_Page_DrawImage(s.page, img, HPDF_REAL(im.x), y(s, im.y + im.h),
                                                       HPDF_REAL(im.w), HPDF_REAL(im.h)));
}

// Each file becomes one image XObject, however often it is drawn.
HPDF_Image Content::image(const std::filesystem::path& file, const std::string* in_memory) {
    auto it = images_.find(file.string());
    if (it != images_.end()) return it->second;
    HPDF_Doc pdf = doc_.get();
    const std::string bytes = in_memory ? *in_memory : core::read_file(file);
    id_.add(bytes);
    HPDF_Image img = nullptr;
    switch (sniff_image(bytes)) {
        case ImageKind::Png: {
            DecodedPng png = decode_png(bytes, file);
            img = doc_.check_handle(
                "loading a PNG image",
                HPDF_LoadRawImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(png.color.data()), png.width,
                                         png.height, png.gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8));
            if (!png.alpha.empty()) {
                HPDF_Image mask = doc_.check_handle(
                    "loading a PNG alpha channel",
                    HPDF_LoadRawImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(png.alpha.data()), png.width,
                                             png.height, HPDF_CS_DEVICE_GRAY, 8));
                doc_.check("adding a PNG alpha channel", HPDF_Image_AddSMask(img, mask));
            }
            break;
        }
        case ImageKind::Jpeg:
            validate_jpeg(bytes, file);
            img = doc_.check_handle("loading a JPEG image",
                                    HPDF_LoadJpegImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                                              HPDF_UINT(bytes.size())));
            break;
        case ImageKind::Unknown:
            throw core::Error({file.string(), 0, 0}, "unsupported image format", "use PNG or JPEG");
    }
    images_.emplace(file.string(), img);
    return img;
}

}  // namespace briefmake::pdf
