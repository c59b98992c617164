// The command line of `briefmake`: every option and subcommand (CLI11) declared in one place,
// and the checks that make a usage error of what CLI11 cannot see (no BRIEF, an unknown format,
// a bad SOURCE_DATE_EPOCH).
#pragma once
#include <optional>
#include <string>

#include "batch/batch.hpp"

namespace briefmake::cli {

enum class Command { Render, Schema, Init };

struct Options {
    Command command = Command::Render;
    batch::Options run;        // Render: the briefs and how to render them
    bool watch = false;        // -w: render again on every change
    std::string dump_layout;   // --dump-layout FILE (empty: none)
    std::string init_file;     // Init: the brief to create
    std::string init_lang = "tr";
};

// Parses argv into `opt`. Returns the exit status when the command line alone ends the run
// (0 after --help or --version, printed on stdout; 2 after a usage error, reported on stderr),
// else nothing: then `opt` says what to do.
std::optional<int> parse_command_line(int argc, char** argv, Options& opt);

}  // namespace briefmake::cli
