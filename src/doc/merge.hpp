#pragma once
#include "core/context.hpp"
#include "doc/doc.hpp"
#include "spec/spec.hpp"
#include "tmpl/template.hpp"

namespace briefmake::doc {

// The merge: a pure function from brief + template to the document tree.
Document merge(const spec::Brief& brief, const tmpl::Template& tmpl, const core::Context& ctx);

// Parses a rich-text field (CommonMark subset, via cmark) into blocks in `base_style`.
// Unsupported constructs are kept as literal text, never dropped.
// Lists inside it start at nesting depth `list_level`.
std::vector<Block> parse_rich_text(const spec::RichText& rt, const std::string& base_style,
                                   int list_level = 0);

}  // namespace briefmake::doc
