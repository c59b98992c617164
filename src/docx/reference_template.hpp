// A reference document applied to a template: where both set the same thing (page, fonts,
// sizes, colours, spacing, header and footer), the reference wins; the template keeps what
// Word has no place for (blocks, labels, chart colours, table striping).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "tmpl/template.hpp"

namespace briefmake::docx {

// Reads FILE (docx::read_reference) and applies it to `t`; `loc` is where it was named (the
// template's `reference-doc:` key, or --reference-doc). Fonts the reference names are looked up
// in the shipped fonts and the system's; a missing one gets its metric-compatible substitute
// (a warning naming both) or is an error naming it.
void apply_reference(tmpl::Template& t, const std::filesystem::path& file, const core::SourceLoc& loc,
                     const core::Context& ctx);

// The font files for a family name ("Liberation Serif", "Carlito"): regular, bold, italic,
// bold italic, each empty when missing. Searched in `dirs` (and their subfolders).
struct FontFiles {
    std::filesystem::path regular, bold, italic, bold_italic;
};
std::optional<FontFiles> find_font(const std::string& family, const std::vector<std::filesystem::path>& dirs);

// The metric-compatible substitute of a font name ("Calibri" -> "Carlito"), or "".
std::string font_substitute(const std::string& family);

}  // namespace briefmake::docx
