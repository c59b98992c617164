// Incremental runs: a small state file beside each brief's outputs (".STEM.briefmake-state",
// JSON) records what the outputs were made from (briefmake version, options, every input file
// with its identity or XXH3 fingerprint, batch/fingerprint.hpp) and what they were (file names, sizes,
// SHA-256). A brief is up to date when its state exists, the version and options match, every
// input still has its fingerprint, and every output still exists with its hash.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "batch/fingerprint.hpp"

namespace briefmake::batch {

struct OutputRecord {
    std::string name;  // file name in the output folder
    int64_t bytes = 0;
    std::string sha256;
};

struct State {
    std::string version;  // briefmake's
    std::string options;  // canonical text of the options that shape the outputs
    std::vector<std::pair<std::string, std::string>> inputs;  // absolute path, fingerprint
    std::vector<OutputRecord> outputs;
    int pages = 0;
    // For the manifest of a skipped brief (the brief is not read again).
    std::vector<std::string> to, cc;
    std::string subject;
    std::vector<std::string> warnings;  // as the last render reported them
    // Editions (doc/edition.hpp): the canonical form of the document these outputs show, and of
    // the edition they were compared with (empty: none). A state without them, from an older
    // briefmake, makes the next render a first edition.
    std::string edition, edition_base;
};

// DIR/.STEM.briefmake-state
std::filesystem::path state_path(const std::filesystem::path& dir, const std::string& stem);

std::string to_json(const State& s);
// nullopt when the text is not a state file of this shape (then the brief is rendered again).
std::optional<State> parse_state(const std::string& text);

// The incremental key: SHA-256 over the version, the options and every input's path and hash.
std::string key(const State& s);

// Fingerprints of input files, each read at most once per run (fonts and shared CSVs serve
// many briefs): a settled file's identity, else its contents' (batch/fingerprint.hpp).
class HashCache {
public:
    HashCache(std::chrono::system_clock::time_point run_start = std::chrono::system_clock::now())
        : run_start_(run_start) {}
    // What a state records for `file`; nullopt when it cannot be read.
    std::optional<std::string> get(const std::filesystem::path& file);
    // Whether `file` still has the fingerprint `recorded` (of either kind, so states written
    // before identities keep working); nullopt when it cannot be read.
    std::optional<bool> unchanged(const std::filesystem::path& file, const std::string& recorded);

private:
    std::optional<std::string> contents(const std::filesystem::path& file);
    std::optional<Identity> identity(const std::filesystem::path& file);

    std::chrono::system_clock::time_point run_start_;
    std::mutex mu_;
    std::map<std::filesystem::path, std::optional<std::string>> contents_;
    std::map<std::filesystem::path, std::optional<Identity>> identities_;
};

// Why `s` does not describe current outputs in `dir` made with `version` and `options`, or ""
// when it does (the brief is up to date). `expected_outputs` are the file names this run would
// write.
std::string stale_reason(const State& s, const std::filesystem::path& dir, const std::string& version,
                         const std::string& options, const std::vector<std::string>& expected_outputs,
                         HashCache& hashes);

}  // namespace briefmake::batch
