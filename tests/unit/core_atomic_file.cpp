// Tests for the one atomic writer (core/atomic_file.hpp): file modes under a umask while many
// threads write at once (the race that left the umask at 0), no half files, never replacing a
// file that create_atomically finds.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/diag.hpp"

using namespace briefmake;
namespace fs = std::filesystem;

namespace {

// This program's umask, set before main() and so before any thread: 027 is neither the usual
// 022 nor 0, so a file written with a mask of 0 (0666) or with a default one shows.
constexpr mode_t kMask = 027;
const bool kMaskSet = (::umask(kMask), true);

// In memory when there is /dev/shm: fsync costs nothing there, so the threads spend their time
// in the writer, and a race in it shows within a second.
struct TempDir {
    fs::path path;
    TempDir() {
        std::error_code ec;
        fs::path base = fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm")
                                                                                          : fs::temp_directory_path();
        std::string t = (base / "bm-atomic-test.XXXXXX").string();
        path = mkdtemp(t.data());
    }
    ~TempDir() { fs::remove_all(path); }
};

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::string octal(mode_t m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0%03o", static_cast<unsigned>(m));
    return buf;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The umask now, read while no other thread runs.
mode_t current_umask() {
    mode_t m = ::umask(0);
    ::umask(m);
    return m;
}

std::string error_of(auto&& f) {
    try {
        f();
    } catch (const core::Error& e) {
        return core::format(e.diagnostic());
    }
    return "";
}

}  // namespace

TEST_CASE("8 threads writing at once: every file 0666 less the umask, and the umask kept") {
    REQUIRE(kMaskSet);
    REQUIRE(core::process_umask() == kMask);
    TempDir d;
    constexpr int kThreads = 8, kRounds = 1000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kRounds; ++i) {
                // Two files per call, as a brief's PDF and DOCX; the same names again each round,
                // so a file replaced with a wrong mode shows too.
                std::string stem = "t" + std::to_string(t) + "-" + std::to_string(i % 10);
                core::write_atomically({{d.path / (stem + ".pdf"), "pdf " + std::to_string(i)},
                                        {d.path / (stem + ".docx"), "docx " + std::to_string(i)}});
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(current_umask() == kMask);
    int files = 0, wrong = 0;
    for (const auto& e : fs::directory_iterator(d.path)) {
        ++files;
        if (mode_of(e.path()) != (0666 & ~kMask)) {
            ++wrong;
            if (wrong <= 3) MESSAGE(e.path().filename().string() << ": mode " << octal(mode_of(e.path())));
        }
    }
    CHECK(files == kThreads * 10 * 2);  // no temporaries left behind
    CHECK(wrong == 0);
    // Written after the threads: a umask left at 0 would make this 0666.
    core::write_atomically({{d.path / "after.pdf", "x"}});
    CHECK(mode_of(d.path / "after.pdf") == (0666 & ~kMask));
    CHECK(read(d.path / "t7-9.docx") == "docx " + std::to_string(kRounds - 1));
}

TEST_CASE("write_atomically replaces files whole, and fails naming the file") {
    TempDir d;
    core::write_atomically({{d.path / "x.pdf", "old"}});
    core::write_atomically({{d.path / "x.pdf", "new"}, {d.path / "x.docx", "zip"}});
    CHECK(read(d.path / "x.pdf") == "new");
    CHECK(read(d.path / "x.docx") == "zip");
    fs::path missing = d.path / "no" / "x.pdf";
    CHECK(error_of([&] { core::write_atomically({{d.path / "y.pdf", "y"}, {missing, "z"}}); }) ==
          missing.string() + ": error: cannot create a temporary file: No such file or directory");
    CHECK_FALSE(fs::exists(d.path / "y.pdf"));  // nothing renamed: the first file's temporary removed
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(d.path)) ++entries;
    CHECK(entries == 2);
}

TEST_CASE("create_atomically makes a new file and never replaces one") {
    TempDir d;
    fs::path p = d.path / "brief.yaml";
    core::create_atomically(p, "title: x\n");
    CHECK(read(p) == "title: x\n");
    CHECK(mode_of(p) == (0666 & ~kMask));
    CHECK(error_of([&] { core::create_atomically(p, "other"); }) ==
          p.string() + ": error: file exists; not overwriting it (choose another name or remove it)");
    CHECK(read(p) == "title: x\n");
    fs::create_symlink("nowhere", d.path / "link.yaml");  // a dangling link is a file too
    CHECK(error_of([&] { core::create_atomically(d.path / "link.yaml", "x"); }).find("file exists") != std::string::npos);
    fs::path missing = d.path / "no" / "x.yaml";
    CHECK(error_of([&] { core::create_atomically(missing, "x"); }) ==
          missing.string() + ": error: cannot create the file: No such file or directory");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(d.path)) ++entries;
    CHECK(entries == 2);  // no temporaries left
}
