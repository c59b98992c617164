#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/diag.hpp"
#include "core/i18n.hpp"

namespace briefmake::core {

namespace fs = std::filesystem;

mode_t process_umask() {
    static const mode_t mask = [] {
        mode_t m = ::umask(0);
        ::umask(m);
        return m;
    }();
    return mask;
}

namespace {

// What each caller says when a step fails (the words are the callers' own, kept as they were).
struct Words {
    const char* cannot_create;
    const char* cannot_write;
};

[[noreturn]] void fail(const fs::path& p, const std::string& what, int err) {
    throw Error({p.string(), 0, 0}, tr(what) + ": " + std::strerror(err));
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// Writes `bytes` to a new temporary file beside `target`, synced and closed; returns its path.
fs::path write_temp(const fs::path& target, std::string_view bytes, const Words& words) {
    std::string tmpl = (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) fail(target, words.cannot_create, errno);
    // mkstemp makes it 0600; the file gets the mode a plain open(..., 0666) would give it. The
    // umask comes from process_umask(), never read here: this runs on many threads at once.
    bool ok = ::fchmod(fd, 0666 & ~process_umask()) == 0 && write_all(fd, bytes) && ::fsync(fd) == 0;
    int err = errno;
    if (::close(fd) != 0 && ok) ok = false, err = errno;
    if (!ok) {
        ::unlink(tmpl.c_str());
        fail(target, words.cannot_write, err);
    }
    return tmpl;
}

// Makes the renames (links) in `dir` durable.
void sync_dir(const fs::path& dir) {
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace

void write_atomically(const std::vector<std::pair<fs::path, std::string>>& files) {
    const Words words{N_("cannot create a temporary file"), N_("cannot write")};
    std::vector<fs::path> temps;
    try {
        for (const auto& [path, bytes] : files) temps.push_back(write_temp(path, bytes, words));
    } catch (...) {
        for (const auto& t : temps) ::unlink(t.c_str());
        throw;
    }
    for (size_t i = 0; i < files.size(); ++i) {
        if (std::rename(temps[i].c_str(), files[i].first.c_str()) != 0) {
            int err = errno;
            for (size_t k = i; k < temps.size(); ++k) ::unlink(temps[k].c_str());
            fail(files[i].first, N_("cannot rename the new file into place"), err);
        }
    }
    if (!files.empty()) sync_dir(files.front().first.parent_path());
}

void create_atomically(const fs::path& path, std::string_view bytes) {
    auto exists = [&] {
        return Error({path.string(), 0, 0}, _("file exists; not overwriting it"), _("choose another name or remove it"));
    };
    std::error_code ec;
    if (fs::symlink_status(path, ec).type() != fs::file_type::not_found) throw exists();
    fs::path tmp = write_temp(path, bytes, {N_("cannot create the file"), N_("cannot write the file")});
    int err = ::link(tmp.c_str(), path.c_str()) == 0 ? 0 : errno;
    ::unlink(tmp.c_str());
    if (err == EEXIST) throw exists();
    if (err != 0) fail(path, N_("cannot write the file"), err);
    sync_dir(path.parent_path());
}

}  // namespace briefmake::core
