// Output folders: one lock per folder, and clean-up of the temporaries a killed run left behind.
// The writes themselves go through core::write_atomically (core/atomic_file.hpp).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace briefmake::batch {

// Whether `name` is a temporary that core::write_atomically makes for a target called `target_name`
// ('.' + target_name + '.' + six letters or digits).
bool is_temporary_of(const std::string& name, const std::string& target_name);

// Removes the temporaries of briefmake's own files in `dir` (".*.pdf.XXXXXX", ".*.docx.XXXXXX",
// ".*.eml.XXXXXX", ".*.briefmake-state.XXXXXX", ".*.briefmake-delivery.XXXXXX"; plus those of `extra_names`), left by a run
// that was killed. Call only while holding the folder's lock. Returns the paths removed.
std::vector<std::filesystem::path> remove_temporaries(const std::filesystem::path& dir,
                                                      const std::vector<std::string>& extra_names = {});

// An exclusive flock on DIR/.briefmake.lock, held until destruction (or the process's end,
// however it ends: the kernel drops the lock). The file is removed on destruction, so a run
// leaves no trace in a folder it wrote nothing into.
class FolderLock {
public:
    enum class Wait { Yes, No };
    // Tries the lock; if another process holds it, calls `on_wait` (to tell the user) and waits,
    // or with Wait::No throws core::Error. Throws core::Error when the lock file cannot be opened.
    template <class OnWait>
    FolderLock(const std::filesystem::path& dir, Wait wait, OnWait on_wait) : dir_(dir) {
        if (!try_lock()) {
            if (wait == Wait::No) fail_busy();
            on_wait();
            lock_blocking();
        }
    }
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    const std::filesystem::path& dir() const { return dir_; }

private:
    bool try_lock();
    void lock_blocking();
    [[noreturn]] void fail_busy();
    std::filesystem::path dir_;
    int fd_ = -1;
};

}  // namespace briefmake::batch
