// Path confinement: which files named in an input may be read.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "core/paths.hpp"

using namespace briefmake::core;
namespace fs = std::filesystem;
using Verdict = ConfinedPath::Verdict;

namespace {

// A scratch tree: brief/ (with a file, a link out, a link in), allowed/, outside/.
struct Tree {
    fs::path root = fs::temp_directory_path() / ("bm-core-paths-" + std::to_string(::getpid()));
    fs::path brief = root / "brief", allowed = root / "allowed", outside = root / "outside";
    Tree() {
        fs::remove_all(root);
        for (const auto& d : {brief / "sub", allowed, outside, root / "brief-2"}) fs::create_directories(d);
        for (const auto& f : {brief / "a.csv", brief / "sub" / "b.csv", allowed / "c.csv", outside / "d.csv",
                              root / "brief-2" / "e.csv"})
            std::ofstream(f) << "x\n";
        fs::create_symlink(outside / "d.csv", brief / "out-link.csv");
        fs::create_symlink(brief / "a.csv", brief / "in-link.csv");
    }
    ~Tree() { fs::remove_all(root); }
};

}  // namespace

TEST_CASE("paths: whole components are compared") {
    CHECK(is_inside("/a/b/c", "/a/b"));
    CHECK(is_inside("/a/b", "/a/b"));
    CHECK_FALSE(is_inside("/a/bc", "/a/b"));
    CHECK_FALSE(is_inside("/a", "/a/b"));
    CHECK_FALSE(is_inside("/x/b/c", "/a/b"));
}

TEST_CASE("paths: files inside the folder are allowed, resolved") {
    Tree t;
    ConfinedPath p = confine_path("sub/b.csv", t.brief, {t.brief});
    CHECK(p.verdict == Verdict::inside);
    CHECK(p.full == fs::canonical(t.brief / "sub" / "b.csv"));
    CHECK(confine_path("sub/../a.csv", t.brief, {t.brief}).verdict == Verdict::inside);
    // A link that stays inside is followed to its target.
    p = confine_path("in-link.csv", t.brief, {t.brief});
    CHECK(p.verdict == Verdict::inside);
    CHECK(p.full == fs::canonical(t.brief / "a.csv"));
    // An absolute path inside a root is allowed too.
    CHECK(confine_path(fs::canonical(t.brief / "a.csv"), t.root, {t.brief}).verdict == Verdict::inside);
}

TEST_CASE("paths: leaving the folder is refused, however it is written") {
    Tree t;
    ConfinedPath p = confine_path("../outside/d.csv", t.brief, {t.brief});
    CHECK(p.verdict == Verdict::outside);
    CHECK(p.full == fs::canonical(t.outside / "d.csv"));
    CHECK(confine_path("out-link.csv", t.brief, {t.brief}).verdict == Verdict::outside);
    CHECK(confine_path("../brief-2/e.csv", t.brief, {t.brief}).verdict == Verdict::outside);  // a prefix
    CHECK(confine_path(t.outside / "d.csv", t.brief, {t.brief}).verdict == Verdict::absolute);
    CHECK(confine_path("/etc/passwd", t.brief, {t.brief}).verdict == Verdict::absolute);
}

TEST_CASE("paths: another root opens its folder") {
    Tree t;
    const std::vector<fs::path> roots{t.brief, t.root / "no-such-folder", t.allowed};
    CHECK(confine_path("../allowed/c.csv", t.brief, roots).verdict == Verdict::inside);
    CHECK(confine_path(t.allowed / "c.csv", t.brief, roots).verdict == Verdict::inside);
    CHECK(confine_path("../outside/d.csv", t.brief, roots).verdict == Verdict::outside);
    // Roots given with "..", as --allow-path may be.
    CHECK(confine_path("../outside/d.csv", t.brief, {t.brief / ".." / "outside"}).verdict == Verdict::inside);
}

TEST_CASE("paths: a file that cannot be resolved says why") {
    Tree t;
    ConfinedPath p = confine_path("missing.csv", t.brief, {t.brief});
    CHECK(p.verdict == Verdict::unresolved);
    CHECK(p.error == std::errc::no_such_file_or_directory);
    CHECK(p.full.empty());
}
