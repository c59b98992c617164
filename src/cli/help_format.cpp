#include "cli/help_format.hpp"

#include "core/i18n.hpp"

namespace briefmake::cli {

HelpFormatter::HelpFormatter() {
    // CLI11's labels (CLI/Formatter.hpp); the placeholders of our own options are left as they are.
    label("Usage", _("Usage"));
    label("OPTIONS", _("OPTIONS"));
    label("SUBCOMMAND", _("SUBCOMMAND"));
    label("SUBCOMMANDS", _("SUBCOMMANDS"));
    label("Positionals", _("Positionals"));
    label("REQUIRED", _("REQUIRED"));
    label("Env", _("Env"));
    label("Needs", _("Needs"));
    label("Excludes", _("Excludes"));
}

std::string HelpFormatter::make_option_name(const CLI::Option* opt, bool positional) const {
    std::string name = CLI::Formatter::make_option_name(opt, positional);
    for (size_t open; (open = name.find('{')) != std::string::npos;) {
        size_t close = name.find('}', open);
        if (close == std::string::npos) break;
        name.erase(open, close - open + 1);
    }
    return name;
}

const char* options_group() { return _("Options"); }
const char* subcommands_group() { return _("Subcommands"); }

}  // namespace briefmake::cli
