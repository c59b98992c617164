// The --help layout of briefmake: CLI11's own, with its headings ("Usage", "Options",
// "Positionals", "Subcommands", "REQUIRED" …) in the user's language, and a flag's default value
// left out of its name ("--sendmail{/usr/sbin/sendmail}"): the help says it in words instead.
#pragma once
#include <CLI/CLI.hpp>

namespace briefmake::cli {

class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter();
    std::string make_option_name(const CLI::Option* opt, bool positional) const override;
};

// The group names CLI11 gives options and subcommands, in the user's language.
const char* options_group();
const char* subcommands_group();

}  // namespace briefmake::cli
