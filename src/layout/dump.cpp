// The text form of a layout: one line per item, every line prefixed with its 1-based page, so
// tests can grep it. Numbers are rounded to 0.01 pt and printed without trailing zeros.
#include <cmath>
#include <cstdio>

#include "core/utf8.hpp"
#include "layout/internal.hpp"
#include "layout/layout.hpp"

namespace briefmake::layout {

namespace detail {

std::string fmt(double v) {
    double r = std::round(v * 100) / 100;
    if (r == 0) r = 0;  // no "-0"
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", r);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string hex(tmpl::Color c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02X%02X%02X", c.r, c.g, c.b);
    return buf;
}

}  // namespace detail

namespace {

using detail::fmt;
using detail::hex;

std::string quoted(const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') q += '\\';
        q += c;
    }
    return q + '"';
}

std::string opt_color(const std::optional<Color>& c) { return c ? hex(*c) : std::string("none"); }

// A run's text as read: tabular figures' stand-ins (fonts::Font::tabular) as their digits.
std::string shown(const TextRun& r) {
    if (!r.font) return r.text;
    std::string s;
    for (size_t i = 0; i < r.text.size();) core::append_utf8(s, r.font->source(core::next_code_point(r.text, i)));
    return s;
}
bool tabular(const TextRun& r) { return r.font && shown(r) != r.text; }

void item(std::string& o, const std::string& pre, const Item& it) {
    o += pre;
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, TextRun>) {
                double w = v.font ? v.font->width(v.text, v.size) : 0;
                if (v.char_space != 0) w += v.char_space * double(core::count_code_points(v.text));
                o += "text x=" + fmt(v.x) + " y=" + fmt(v.y) + " w=" + fmt(w) + " size=" + fmt(v.size) +
                     (v.char_space != 0 ? " tracking=" + fmt(v.char_space) : std::string()) +
                     " font=" + (v.font ? v.font->postscript_name() : std::string("?")) + " color=" + hex(v.color) +
                     " " + quoted(shown(v)) + (v.hyphen ? " [hyphen]" : "") + (tabular(v) ? " [tabular]" : "");
            } else if constexpr (std::is_same_v<T, Rule>) {
                o += "rule x1=" + fmt(v.x1) + " y1=" + fmt(v.y1) + " x2=" + fmt(v.x2) + " y2=" + fmt(v.y2) +
                     " w=" + fmt(v.width) + " color=" + hex(v.color);
            } else if constexpr (std::is_same_v<T, Rect>) {
                o += "rect x=" + fmt(v.x) + " y=" + fmt(v.y) + " w=" + fmt(v.w) + " h=" + fmt(v.h) +
                     " fill=" + opt_color(v.fill) + " stroke=" + opt_color(v.stroke);
            } else if constexpr (std::is_same_v<T, Path>) {
                o += "path n=" + std::to_string(v.points.size()) + (v.closed ? " closed" : "") +
                     " fill=" + opt_color(v.fill) + " stroke=" + opt_color(v.stroke) + " w=" + fmt(v.stroke_width);
                for (const auto& [x, y] : v.points) o += " " + fmt(x) + "," + fmt(y);
            } else if constexpr (std::is_same_v<T, Sector>) {
                o += "sector cx=" + fmt(v.cx) + " cy=" + fmt(v.cy) + " r=" + fmt(v.r) + " start=" + fmt(v.start) +
                     " end=" + fmt(v.end) + " fill=" + hex(v.fill) + " stroke=" + opt_color(v.stroke);
            } else if constexpr (std::is_same_v<T, Link>) {
                o += "link x=" + fmt(v.x) + " y=" + fmt(v.y) + " w=" + fmt(v.w) + " h=" + fmt(v.h);
                if (v.dest_page >= 0)
                    o += " dest=" + std::to_string(v.dest_page + 1) + " dest_y=" + fmt(v.dest_y);
                else
                    o += " uri=" + quoted(v.uri);
            } else if constexpr (std::is_same_v<T, Image>) {
                o += "image x=" + fmt(v.x) + " y=" + fmt(v.y) + " w=" + fmt(v.w) + " h=" + fmt(v.h) +
                     " file=" + quoted(v.file.string());
            }
        },
        it);
    o += '\n';
}

}  // namespace

std::string dump(const Layout& l) {
    std::string o;
    const Info& i = l.info;
    o += "info title=" + quoted(i.title) + " author=" + quoted(i.author) + " subject=" + quoted(i.subject) +
         " keywords=" + quoted(i.keywords) + " creator=" + quoted(i.creator) + " language=" + quoted(i.language) +
         " date=" + std::to_string(i.date_epoch) + "\n";
    for (size_t p = 0; p < l.pages.size(); ++p) {
        const Page& page = l.pages[p];
        std::string pre = "page " + std::to_string(p + 1) + " ";
        o += pre + "size w=" + fmt(page.width) + " h=" + fmt(page.height) + "\n";
        for (const Item& it : page.items) item(o, pre, it);
        for (const LineMark& m : page.lines) {
            o += pre + "line x=" + fmt(m.x) + " y=" + fmt(m.y) + " w=" + fmt(m.width) + " measure=" + fmt(m.measure) +
                 " style=" + m.style + (m.justified ? " [justified]" : "") + (m.last ? " [last]" : "") +
                 (m.hyphen ? " [hyphen]" : "") + (m.changed ? " [change-bar]" : "") + "\n";
        }
    }
    for (const Bookmark& b : l.bookmarks)
        o += "bookmark level=" + std::to_string(b.level) + " page=" + std::to_string(b.page + 1) + " y=" + fmt(b.y) +
             " " + quoted(b.title) + "\n";
    for (const auto& [anchor, page] : l.anchor_pages)
        o += "anchor " + anchor + " page=" + std::to_string(page + 1) + "\n";
    return o;
}

}  // namespace briefmake::layout
