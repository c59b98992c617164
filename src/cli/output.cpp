#include "cli/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/diag.hpp"

namespace briefmake::cli {
namespace {

[[noreturn]] void fail(const std::filesystem::path& p, const std::string& what) {
    throw core::Error({p.string(), 0, 0}, what + ": " + std::strerror(errno));
}

// Writes `bytes` to a new temporary file beside `target`; returns its path.
std::filesystem::path write_temp(const std::filesystem::path& target, const std::string& bytes) {
    std::string tmpl = (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
    if (target.parent_path().empty()) tmpl = "." + target.filename().string() + ".XXXXXX";
    int fd = mkstemp(tmpl.data());
    if (fd < 0) fail(target, "cannot create a temporary file");
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            ::close(fd);
            ::unlink(tmpl.c_str());
            errno = e;
            fail(target, "cannot write");
        }
        done += static_cast<size_t>(n);
    }
    // Readable by others like a normal file (mkstemp makes it 0600).
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int e = errno;
        ::unlink(tmpl.c_str());
        errno = e;
        fail(target, "cannot write");
    }
    return tmpl;
}

}  // namespace

void write_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
    std::vector<std::filesystem::path> temps;
    try {
        for (const auto& [path, bytes] : files) temps.push_back(write_temp(path, bytes));
    } catch (...) {
        for (const auto& t : temps) ::unlink(t.c_str());
        throw;
    }
    for (size_t i = 0; i < files.size(); ++i) {
        if (std::rename(temps[i].c_str(), files[i].first.c_str()) != 0) {
            int e = errno;
            for (size_t k = i; k < temps.size(); ++k) ::unlink(temps[k].c_str());
            errno = e;
            fail(files[i].first, "cannot rename the new file into place");
        }
    }
    // Make the renames durable.
    if (!files.empty()) {
        auto dir = files.front().first.parent_path();
        int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
        if (dfd >= 0) {
            ::fsync(dfd);
            ::close(dfd);
        }
    }
}

}  // namespace briefmake::cli
