// briefmake --watch: render, then re-render whenever a brief, its template chain, its data or
// its images change (inotify), printing errors without exiting. Ends on SIGINT or SIGTERM.
#pragma once
#include <ostream>

#include "batch/batch.hpp"

namespace briefmake::cli {

// Returns the exit status when interrupted (0), or 1 when inotify cannot be used.
int watch(const batch::Options& opt, std::ostream& err);

}  // namespace briefmake::cli
