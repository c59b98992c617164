#pragma once
#include <string>

#include "core/context.hpp"
#include "layout/frame.hpp"

namespace briefmake::pdf {

struct Options {
    bool pdfa = false;  // PDF/A-2a (every PDF is tagged, so the accessible level)
};

// Draws the laid-out pages into PDF bytes with libharu (the only user of it).
// Throws core::Error on any libharu error (errors are sticky there: every one is checked).
std::string write_pdf(const layout::Layout& l, const Options& opt, const core::Context& ctx);
// The same bytes, consuming `l`: each page's items are freed once the page is drawn, and the
// structure tree moves into the tags. The 1,001-page brief's items (33 MB) then no longer sit
// beside libharu's whole document when it is saved.
std::string write_pdf(layout::Layout&& l, const Options& opt, const core::Context& ctx);

}  // namespace briefmake::pdf
