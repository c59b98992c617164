// The subcommands besides rendering: `briefmake schema` and `briefmake init`. Their files (the
// JSON Schema of the brief format and the starter briefs) are compiled into the binary, so they
// work the same from the build tree and from an installed package.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace briefmake::cli {

// The languages `init` has a starter brief for.
const std::vector<std::string>& starter_languages();

// The JSON Schema (draft-07) of BRIEF-FORMAT v1, as shipped in schema/brief-v1.schema.json.
std::string_view brief_schema();

// The starter brief for `lang` (one of starter_languages()); empty for any other.
std::string_view starter_brief(std::string_view lang);

// `briefmake schema`: prints the schema to `out`. Returns the exit status (0).
int print_schema(std::ostream& out);

// `briefmake init PATH --lang LANG`: writes the starter brief for LANG to PATH. When
// `schema_path` names an existing file, a first line `# yaml-language-server: $schema=PATH`
// points editors at it. Never overwrites: an existing PATH is an error. The file appears
// complete or not at all. Returns the exit status: 0 written, 1 error (reported on `err`),
// 2 unknown language.
int init_brief(const std::string& path, const std::string& lang, std::ostream& err,
               const std::filesystem::path& schema_path = {});

}  // namespace briefmake::cli
