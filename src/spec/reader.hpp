// Reads a brief (YAML) into spec::Brief, validating all of format version 1 (docs/brief-format.md).
#pragma once
#include <filesystem>
#include <string>

#include "core/context.hpp"
#include "spec/spec.hpp"

namespace briefmake::spec {

// Reads and validates the brief at `path`. Throws core::Error with file:line:col on the first
// problem. CSV files named by figures are loaded (paths relative to the brief, may not leave
// its folder unless inside ctx.allowed_roots).
Brief read_brief(const std::filesystem::path& path, const core::Context& ctx);

// Same, from text in memory; `file_name` is used in messages and `base_dir` resolves CSV paths.
Brief parse_brief(const std::string& yaml_text, const std::string& file_name,
                  const std::filesystem::path& base_dir, const core::Context& ctx);

}  // namespace briefmake::spec
