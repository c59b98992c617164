#pragma once
#include <map>
#include <set>
#include <string>

#include "core/context.hpp"
#include "doc/doc.hpp"

namespace briefmake::docx {

struct Options {
    // Heading anchor -> 1-based page number from briefmake's own layout (cached TOC entries).
    std::map<std::string, int> anchor_pages;
    int page_count = 0;
    // Table rows the PDF layout cut across pages (&doc::Table, row index): these may break in
    // the DOCX too; every other row is kept whole (w:cantSplit), as in the PDF.
    std::set<std::pair<const void*, size_t>> split_rows;
    // The layout's header and footer font ascents (points; 0: unknown). The PDF sets the header
    // and footer baselines at the template's distances from the page edges; Word puts the top of
    // the header line and the bottom of the footer line there, so the DOCX moves them by these.
    double header_ascent = 0, footer_ascent = 0;
    // Numeric table cells the PDF layout moved left to align their decimal mark with their
    // column's (&doc::TableCell -> points): the DOCX gives them that right indent.
    std::map<const void*, double> decimal_indents;
    // Bar charts (&doc::Chart) the PDF drew without value labels, as they did not fit over their
    // bars: the DOCX leaves them out too.
    std::set<const void*> unlabelled_charts;
};

// Writes the document as DOCX bytes (pugixml for the parts, libzip in memory for the package;
// the only user of both). Deterministic: fixed part order and zip times.
std::string write_docx(const doc::Document& d, const Options& opt, const core::Context& ctx);

}  // namespace briefmake::docx
