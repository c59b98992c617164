// The only code that touches the output folder: atomic writes (temporary file, fsync, rename).
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace briefmake::cli {

// Writes every (path, bytes) pair so that each target is either its old content or the new
// complete content: all temporaries are written and synced first, then renamed one by one.
// On failure nothing is renamed and the temporaries are removed; throws core::Error.
void write_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

}  // namespace briefmake::cli
