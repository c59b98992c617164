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
std::vector<Block> parse_rich_text(const spec::RichText& rt, const std::string& base_style);
// Inline-only form (a single paragraph's content); block structure is flattened with line breaks.
Inlines parse_rich_inlines(const spec::RichText& rt);

}  // namespace briefmake::doc
