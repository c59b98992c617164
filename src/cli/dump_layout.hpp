// `briefmake --dump-layout FILE BRIEF...`: the layout of each brief in its text form
// (layout::dump: pages, positioned items, line marks, bookmarks), for tests and debugging.
#pragma once
#include <filesystem>
#include <ostream>

#include "batch/batch.hpp"

namespace briefmake::cli {

// Runs every brief file among opt.inputs (folders are skipped) through render::render, with the
// options' template override and allowed paths, as far as the layout, and writes the dumps to
// `file` (each preceded by a line "brief PATH" when there are several). Returns 0, or 1 after
// reporting an error on `err`.
int dump_layouts(const batch::Options& opt, const std::filesystem::path& file, std::ostream& err);

}  // namespace briefmake::cli
