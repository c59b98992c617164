// What the pipeline may know about the world: the clock, where resources live, and the warning sink.
// Everything reaches the code through this object so tests can pin it (no global state).
#pragma once
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace briefmake::core {

// Every file a render read or looked for, whether it was there or not: what --watch watches, so
// that creating a missing CSV or template renders again. Thread-safe (a template may be read on a
// second thread while the brief is parsed).
class DependencySink {
public:
    struct Item {
        std::filesystem::path path;
        bool existed;  // when it was looked for
    };
    void add(const std::filesystem::path& path);
    std::vector<Item> items() const;

private:
    mutable std::mutex mu_;
    std::vector<Item> items_;
};

struct Context {
    // SOURCE_DATE_EPOCH, if set: used for file dates when the brief gives none.
    std::optional<int64_t> source_date_epoch;
    // Folder holding templates/ and fonts/ (the source tree, or share/briefmake when installed).
    std::filesystem::path resource_dir;
    // Extra roots that brief paths may point into (--allow-path).
    std::vector<std::filesystem::path> allowed_roots;
    WarningSink* warnings = nullptr;
    DependencySink* dependencies = nullptr;

    std::filesystem::path templates_dir() const { return resource_dir / "templates"; }
    std::filesystem::path fonts_dir() const { return resource_dir / "fonts"; }

    void warn(SourceLoc loc, std::string message, std::string hint = {}) const {
        if (warnings) warnings->warn(std::move(loc), std::move(message), std::move(hint));
    }
    // Records that the render reads, or looks for, `path` (a brief's CSV, a template, font, logo).
    void depends_on(const std::filesystem::path& path) const {
        if (dependencies) dependencies->add(path);
    }
};

// The version string compiled in.
const char* version();

// The version and the executable's GNU build ID (a hash the linker computes over the program),
// e.g. "0.1.0+a6748d16e8b1": what incremental runs compare, so a rebuilt briefmake of the same
// version renders again. Just the version when the program has no build ID.
const std::string& version_and_build();

// Finds the resource folder: $BRIEFMAKE_RESOURCES, else <exe>/../share/briefmake, else (only for
// the program in its build tree) the source tree. Throws Error naming the folder looked for when
// it lacks templates/ or fonts/.
std::filesystem::path find_resource_dir();

// Reads SOURCE_DATE_EPOCH from the environment (nullopt if unset or empty). Throws Error when it
// is not a number of seconds (digits only, at most the end of the year 9999).
std::optional<int64_t> source_date_epoch_from_env();

// Reads a whole file; throws Error naming the file on failure.
std::string read_file(const std::filesystem::path& path);

// Checks that `text` is valid UTF-8 without C0 control characters other than tab, LF and CR.
// Throws Error at the first offending byte, with line and column computed from `text`.
void check_text(const std::string& text, const std::string& file_name);

}  // namespace briefmake::core
