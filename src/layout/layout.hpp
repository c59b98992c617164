#pragma once
#include "core/context.hpp"
#include "doc/doc.hpp"
#include "fonts/font.hpp"
#include "layout/frame.hpp"

namespace briefmake::layout {

// Lays the document out on pages: line breaking, hyphenation, pagination, tables, charts,
// header/footer with page X / Y. Warnings (overfull tokens, missing glyphs) go to ctx.
Layout lay_out(const doc::Document& d, fonts::FontSet& fonts, const core::Context& ctx);

// A text form of the laid-out pages (one line per item, positions rounded to 0.01 pt),
// for golden tests and debugging.
std::string dump(const Layout& l);

}  // namespace briefmake::layout
