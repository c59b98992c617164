// briefmake [options] BRIEF...: parse options (cli/options.cpp), hand the briefs to batch::run
// (parallel, incremental, atomic writes), map errors to exit codes (0 all succeeded, 1 a brief
// failed, 2 usage error).
#include <iostream>

#include "batch/batch.hpp"
#include "cli/commands.hpp"
#include "cli/dump_layout.hpp"
#include "cli/options.hpp"
#include "cli/watch.hpp"
#include "core/atomic_file.hpp"
#include "core/context.hpp"
#include "core/diag.hpp"
#include "core/i18n.hpp"

using namespace briefmake;

int main(int argc, char** argv) {
    core::init_locale();  // messages in the user's language; numbers stay "C" (core/i18n.hpp)
    core::process_umask();  // read once, before any thread starts (core/atomic_file.hpp)
    cli::Options opt;
    if (std::optional<int> status = cli::parse_command_line(argc, argv, opt)) return *status;
    if (opt.command == cli::Command::Schema) return cli::print_schema(std::cout);
    if (opt.command == cli::Command::Init) {
        try {
            return cli::init_brief(opt.init_file, opt.init_lang, std::cerr,
                                   core::find_resource_dir() / "schema" / "brief-v1.schema.json");
        } catch (const core::Error& e) {  // no resource folder
            std::cerr << core::format(e.diagnostic()) << "\n";
            return 1;
        }
    }
    if (!opt.dump_layout.empty() && cli::dump_layouts(opt.run, opt.dump_layout, std::cerr) != 0) return 1;
    if (opt.watch) return cli::watch(opt.run, std::cerr);
    return batch::run(opt.run, std::cerr);
}
