#include "cli/commands.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <stdexcept>

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

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
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
        err << "briefmake: error: no starter brief in language \"" << lang << "\"; expected one of " << list << "\n";
        return 2;
    }
    std::string text;
    std::error_code ec;
    if (!schema_path.empty() && fs::is_regular_file(schema_path, ec))
        text = "# yaml-language-server: $schema=" + fs::absolute(schema_path).lexically_normal().string() + "\n";
    text += starter;

    fs::path target(path);
    if (fs::symlink_status(target, ec).type() != fs::file_type::not_found) {
        err << path << ": error: file exists; not overwriting it (choose another name or remove it)\n";
        return 1;
    }
    // Write a temporary file beside the target, then link it into place: link() fails when the
    // target exists, so a file created meanwhile is never replaced, and the brief appears whole.
    fs::path dir = target.parent_path();
    std::string tmp = ((dir.empty() ? fs::path(".") : dir) / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        err << path << ": error: cannot create the file: " << std::strerror(errno) << "\n";
        return 1;
    }
    mode_t mask = ::umask(0);
    ::umask(mask);
    bool ok = ::fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
    int saved = errno;
    if (::close(fd) != 0 && ok) ok = false, saved = errno;
    if (ok && ::link(tmp.c_str(), path.c_str()) != 0) ok = false, saved = errno;
    ::unlink(tmp.c_str());
    if (!ok) {
        if (saved == EEXIST)
            err << path << ": error: file exists; not overwriting it (choose another name or remove it)\n";
        else
            err << path << ": error: cannot write the file: " << std::strerror(saved) << "\n";
        return 1;
    }
    return 0;
}

}  // namespace briefmake::cli
