#include "batch/files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/diag.hpp"
#include "core/i18n.hpp"

namespace briefmake::batch {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& p, const std::string& what) {
    const int err = errno;  // tr() may touch errno
    throw core::Error({p.string(), 0, 0}, core::tr(what) + ": " + std::strerror(err));
}

// mkstemp's six characters.
bool is_random_suffix(const std::string& s, size_t from) {
    if (s.size() != from + 6) return false;
    for (size_t i = from; i < s.size(); ++i) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

}  // namespace

bool is_temporary_of(const std::string& name, const std::string& target_name) {
    return name.size() == target_name.size() + 8 && name[0] == '.' &&
           name.compare(1, target_name.size(), target_name) == 0 && name[target_name.size() + 1] == '.' &&
           is_random_suffix(name, target_name.size() + 2);
}

std::vector<fs::path> remove_temporaries(const fs::path& dir, const std::vector<std::string>& extra_names) {
    static const char* kOurs[] = {".pdf", ".docx", ".eml", ".briefmake-state", ".briefmake-delivery"};
    std::vector<fs::path> removed;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec)) {
        std::string name = e.path().filename().string();
        if (name.size() < 9 || name[0] != '.' || !e.is_regular_file(ec)) continue;
        std::string target = name.substr(1, name.size() - 8);
        if (name[name.size() - 7] != '.' || !is_random_suffix(name, name.size() - 6)) continue;
        bool ours = false;
        for (const char* ext : kOurs) ours = ours || target.ends_with(ext);
        for (const auto& extra : extra_names) ours = ours || target == extra;
        if (ours && fs::remove(e.path(), ec)) removed.push_back(e.path());
    }
    return removed;
}

namespace {

// Whether `fd` is still the file at `path`: the run that held the lock may have removed it
// (and another run made a new one) while this one waited.
bool same_file(int fd, const fs::path& path) {
    struct stat a {}, b {};
    return ::fstat(fd, &a) == 0 && ::stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

bool FolderLock::try_lock() {
    fs::path file = dir_ / ".briefmake.lock";
    for (;;) {
        fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd_ < 0) fail(file, N_("cannot open the lock file"));
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK) {
                int e = errno;
                ::close(fd_);
                fd_ = -1;
                errno = e;
                fail(file, N_("cannot lock"));
            }
            return false;  // fd_ stays open for lock_blocking()
        }
        if (same_file(fd_, file)) return true;
        ::close(fd_);  // locked a file that was removed meanwhile: take the new one
    }
}

void FolderLock::lock_blocking() {
    fs::path file = dir_ / ".briefmake.lock";
    for (;;) {
        if (::flock(fd_, LOCK_EX) != 0) {
            if (errno == EINTR) continue;
            int e = errno;
            ::close(fd_);
            fd_ = -1;
            errno = e;
            fail(file, N_("cannot lock"));
        }
        if (same_file(fd_, file)) return;
        ::close(fd_);
        fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd_ < 0) fail(file, N_("cannot open the lock file"));
    }
}

void FolderLock::fail_busy() {
    fs::path file = dir_ / ".briefmake.lock";
    ::close(fd_);
    fd_ = -1;
    throw core::Error({file.string(), 0, 0}, core::trf("another briefmake run is writing into {}", {dir_.string()}),
                      _("run again later, or leave out --no-wait to wait for it"));
}

FolderLock::~FolderLock() {
    if (fd_ < 0) return;
    // Removed while still held, so the folder is left as it was found; a run waiting on this
    // file sees it is gone (same_file) and locks a new one. After a kill the file stays: harmless.
    ::unlink((dir_ / ".briefmake.lock").c_str());
    ::close(fd_);  // releases the flock
}

}  // namespace briefmake::batch
