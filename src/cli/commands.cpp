#include "cli/commands.hpp"

#include <cstddef>
#include <stdexcept>

#include "core/atomic_file.hpp"
#include "core/diag.hpp"
#include "core/i18n.hpp"

namespace briefmake::cli {

// Defined in the file that CMake generates from schema/ (see the end of CMakeLists.txt).
struct EmbeddedFile {
    const char* name;
    const unsigned char* data;
    std::size_t size;
};
extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

namespace {

std::string_view embedded(std::string_view name) {
    for (std::size_t i = 0; i < kEmbeddedFileCount; ++i)
        if (name == kEmbeddedFiles[i].name)
            return {reinterpret_cast<const char*>(kEmbeddedFiles[i].data), kEmbeddedFiles[i].size};
    throw std::logic_error("no embedded file " + std::string(name));
}

}  // namespace

const std::vector<std::string>& starter_languages() {
    static const std::vector<std::string> langs = {"tr", "en", "ru", "kk"};
    return langs;
}

std::string_view brief_schema() { return embedded("schema/brief-v1.schema.json"); }

std::string_view starter_brief(std::string_view lang) {
    for (const auto& l : starter_languages())
        if (l == lang) return embedded("schema/starters/" + l + ".yaml");
    return {};
}

int print_schema(std::ostream& out) {
    out << brief_schema();
    out.flush();
    return out ? 0 : 1;
}

int init_brief(const std::string& path, const std::string& lang, std::ostream& err,
               const std::filesystem::path& schema_path) {
    namespace fs = std::filesystem;
    std::string_view starter = starter_brief(lang);
    if (starter.empty()) {
        std::string list;
        for (const auto& l : starter_languages()) list += (list.empty() ? "" : ", ") + l;
        err << "briefmake: error: " << core::trf("no starter brief in language \"{}\"; expected one of {}", {lang, list})
            << "\n";
        return 2;
    }
    std::string text;
    std::error_code ec;
    if (!schema_path.empty() && fs::is_regular_file(schema_path, ec))
        text = "# yaml-language-server: $schema=" + fs::absolute(schema_path).lexically_normal().string() + "\n";
    text += starter;

    try {
        core::create_atomically(path, text);
    } catch (const core::Error& e) {
        err << core::format(e.diagnostic()) << "\n";
        return 1;
    }
    return 0;
}

}  // namespace briefmake::cli
