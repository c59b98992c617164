// Where a file named inside an input may be read from: the brief's folder, the shipped templates
// and fonts, the folders given with --allow-path. A brief from someone else must not make us read
// /etc/passwd or ~/.ssh into a PDF, so every such path is resolved (symbolic links and "..") and
// must then lie inside one of those folders. The brief and template readers both check with
// confine_path() and keep their own messages.
#pragma once
#include <filesystem>
#include <system_error>
#include <vector>

namespace briefmake::core {

// Is `path` inside `root` (or `root` itself)? Both canonical; whole components are compared, so
// /a/bc is not inside /a/b.
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& root);

struct ConfinedPath {
    enum class Verdict {
        inside,      // allowed
        unresolved,  // the file cannot be resolved (missing, no permission): see `error`
        absolute,    // written as an absolute path, and not inside any root
        outside,     // written as a relative path that leads out of every root
    };
    Verdict verdict = Verdict::unresolved;
    std::filesystem::path full;  // the resolved (canonical) path, unless unresolved
    std::error_code error;       // why it could not be resolved
};

// Resolves `written` (a path as an input wrote it) against the folder `base` and checks that it
// lies inside one of `roots`. The roots are resolved here too; one that cannot be is skipped.
ConfinedPath confine_path(const std::filesystem::path& written, const std::filesystem::path& base,
                          const std::vector<std::filesystem::path>& roots);

}  // namespace briefmake::core
