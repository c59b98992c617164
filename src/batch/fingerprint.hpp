// Fingerprints of input files for incremental runs: XXH3, 128 bits, from libxxhash (Debian's
// libxxhash-dev, used header-only through XXH_INLINE_ALL so no library is loaded at start).
// The state file only has to notice that a brief, a CSV, a template or a font changed; it is
// not a security boundary, so a fast non-cryptographic hash fits. Fonts are megabytes and
// serve every brief: with SHA-256 they cost half of a two-page render's instructions, with
// XXH3 about 1%. (Outputs keep SHA-256: the manifest hands those to other systems.)
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace briefmake::batch {

// "xxh3-128:" and 32 lower-case hex digits.
std::string fingerprint(std::string_view bytes);
// The fingerprint of a file's contents; nullopt when it cannot be read.
std::optional<std::string> fingerprint_file(const std::filesystem::path& file);

}  // namespace briefmake::batch
