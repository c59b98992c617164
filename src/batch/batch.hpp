// Many briefs in one run: folders expand to their *.yaml, N briefs render in parallel, briefs
// whose outputs are up to date are skipped, a manifest and .eml messages are written, and every
// output folder is locked while the run writes into it. main.cpp parses options and calls run().
#pragma once
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/deliver.hpp"

namespace briefmake::core {
class DependencySink;
}

namespace briefmake::render {
struct Request;
}

namespace briefmake::batch {

struct Options {
    std::vector<std::string> inputs;  // brief files and folders
    std::string output_dir;           // empty: beside each brief
    bool want_pdf = true;
    bool want_docx = true;
    std::optional<std::string> template_override;
    std::optional<std::string> reference_doc;  // --reference-doc
    std::vector<std::string> allow_paths;
    bool check = false;
    bool pdfa = false;
    unsigned jobs = 0;  // 0: one per core
    bool force = false;
    bool changes = true;  // --changes on|off: editions' change marks (doc/edition.hpp)
    std::string since;    // --since OLD.yaml: compare with that brief, not the last edition
    bool wait = true;  // for another run's folder lock
    std::string manifest;
    bool eml = false;
    std::string from;
    std::string name_pattern = "{stem}";
    bool ascii_names = false;
    DeliveryOptions delivery;  // --smtp / --sendmail and the policy (either implies eml)
    bool quiet = false;
    bool verbose = false;
    bool progress = false;  // a progress line (stderr is a terminal)
    // --watch: receives every file the renders read or looked for, found or not.
    core::DependencySink* dependencies = nullptr;
};

// Runs the whole batch. Returns the exit status: 0 every brief rendered (or skipped), 1 a brief
// failed, a delivery failed, was refused or is still pending, or an output folder could not be
// locked or written, 2 a usage error (reported on err).
int run(const Options& opt, std::ostream& err);

// Editions: what `req` compares with, from --changes, --since and the state beside the brief's
// outputs in `dir` (the last edition and the one it was compared with).
void editions_for(const Options& opt, const std::filesystem::path& dir, const std::string& stem, render::Request& req);
// Where a brief's outputs go: --output-dir, else beside the brief.
std::filesystem::path output_dir_for(const Options& opt, const std::filesystem::path& brief);

// Expands folders to the *.yaml / *.yml briefs under them (sorted, so runs are reproducible).
std::vector<std::string> collect_briefs(const std::vector<std::string>& inputs);

}  // namespace briefmake::batch
