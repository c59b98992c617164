#pragma once
#include <map>
#include <string>

#include "core/context.hpp"
#include "doc/doc.hpp"
#include "doc/layout_facts.hpp"

namespace briefmake::docx {

struct Options {
    // Heading anchor -> 1-based page number from briefmake's own layout (cached TOC entries).
    std::map<std::string, int> anchor_pages;
    int page_count = 0;
    // What the PDF's layout decided and the DOCX follows: rows that may break, decimal indents,
    // charts without value labels, the header and footer ascents (see doc/layout_facts.hpp).
    // Empty: Word decides alone (every row kept whole, no indents, every value labelled).
    doc::LayoutFacts layout;
};

// Writes the document as DOCX bytes (pugixml for the parts, libzip in memory for the package;
// the only user of both). Deterministic: fixed part order and zip times.
std::string write_docx(const doc::Document& d, const Options& opt, const core::Context& ctx);

}  // namespace briefmake::docx
