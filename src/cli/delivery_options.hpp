// The delivery options (--smtp, --sendmail, the policy, S/MIME), declared apart from the rest.
// Also sets the app's help formatter (flag defaults said in words, not as "--flag{value}").
#pragma once
#include <CLI/CLI.hpp>

#include "batch/batch.hpp"

namespace briefmake::cli {

void add_delivery_options(CLI::App& app, batch::Options& opt);

}  // namespace briefmake::cli
