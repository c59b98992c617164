// Fingerprints of input files for incremental runs: XXH3, 128 bits, from libxxhash (Debian's
// libxxhash-dev, used header-only through XXH_INLINE_ALL so no library is loaded at start).
// The state file only has to notice that a brief, a CSV, a template or a font changed; it is
// not a security boundary, so a fast non-cryptographic hash fits. Fonts are megabytes and
// serve every brief: with SHA-256 they cost half of a two-page render's instructions, with
// XXH3 about 1%. (Outputs keep SHA-256: the manifest hands those to other systems.)
//
// A file whose last change is older than the run is fingerprinted by its identity instead
// (file_identity): device, inode, size, modification and status-change times. Nine font files,
// 3.9 MB, were the largest thing a one-brief run read, and hashing them cost 4 M instructions, as
// much as setting its text. Any write, rename or `touch` changes the status-change time (ctime,
// which no program can set back), so a changed file never keeps its identity; an unchanged one
// whose identity changed (a reinstalled font, a checkout) is rendered again, to the same bytes,
// which delivery does not send again (it is keyed on the outputs' contents).
#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace briefmake::batch {

// "xxh3-128:" and 32 lower-case hex digits.
std::string fingerprint(std::string_view bytes);
// The fingerprint of a file's contents; nullopt when it cannot be read.
std::optional<std::string> fingerprint_file(const std::filesystem::path& file);

// "stat:" and the file's device, inode, size, mtime and ctime (nanoseconds); nullopt when it
// cannot be stat'ed. `settled` tells whether it was last changed more than kSettled before
// `run_start`. Only a settled identity may stand for the contents: a file changed within a
// timestamp tick of being recorded could change again unseen, since timestamps come from a clock
// that advances in ticks (a few milliseconds on Linux, two seconds on FAT). An unsettled file is
// fingerprinted by its contents (git's "racily clean" rule).
constexpr std::chrono::seconds kSettled{3};
struct Identity {
    std::string text;
    bool settled = false;
};
std::optional<Identity> file_identity(const std::filesystem::path& file,
                                      std::chrono::system_clock::time_point run_start);
// True for a fingerprint made by file_identity.
bool is_identity(std::string_view fingerprint);

}  // namespace briefmake::batch
