// Hostile templates: paths that leave the allowed folders, corrupt files, and the in-memory entry
// point used by the fuzzer.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "helpers.hpp"
#include "tmpl/template.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

namespace {
// tmp/brief/ (the brief's folder) and tmp/outside/, removed at the end of the test.
struct Folders {
    fs::path root = fs::temp_directory_path() / ("bm-tmpl-hostile-" + std::to_string(::getpid()));
    fs::path brief = root / "brief", outside = root / "outside";
    Folders() {
        fs::remove_all(root);
        fs::create_directories(brief / "sub");
        fs::create_directories(outside);
        write(outside / "t.yaml", "extends: default\n");
        write(brief / "t.yaml", "extends: default\n");
    }
    ~Folders() { fs::remove_all(root); }
    static void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
};

const core::SourceLoc kAt{"b.yaml", 3, 11};
}  // namespace

TEST_CASE("hostile template: paths stay in the brief's folder or the shipped templates") {
    Folders f;
    auto ctx = context();
    auto load = [&](const std::string& name, const core::Context& c) {
        return error_of([&] { tmpl::load_template(name, f.brief, kAt, c); });
    };
    CHECK(load("t.yaml", ctx) == "");
    CHECK(load("default", ctx) == "");
    CHECK(load("../outside/t.yaml", ctx).rfind(
              "b.yaml:3:11: error: template path \"../outside/t.yaml\" leads outside the brief's folder (to ", 0) == 0);
    std::string abs = (f.outside / "t.yaml").string();
    CHECK(load(abs, ctx).rfind("b.yaml:3:11: error: absolute path \"" + abs + "\" for a template; expected a path "
                               "relative to the brief's folder", 0) == 0);
    // A shipped template named by an absolute path is inside the templates folder: allowed.
    CHECK(load(fs::canonical(ctx.templates_dir() / "default.yaml").string(), ctx) == "");
    // A symlink in the folder that points out of it.
    fs::create_symlink(f.outside / "t.yaml", f.brief / "link.yaml");
    CHECK(load("link.yaml", ctx).find("leads outside the brief's folder") != std::string::npos);
    // --allow-path opens the other folder.
    auto allow = ctx;
    allow.allowed_roots.push_back(f.outside);
    CHECK(load("../outside/t.yaml", allow) == "");
    CHECK(load(abs, allow) == "");
    CHECK(load("link.yaml", allow) == "");
    // A template named on the command line is trusted, and so is its folder.
    Folders::write(f.outside / "child.yaml", "extends: t.yaml\n");
    CHECK(error_of([&] { tmpl::load_trusted_template(abs, f.brief, {"--template", 0, 0}, ctx); }) == "");
    CHECK(error_of([&] { tmpl::load_trusted_template((f.outside / "child.yaml").string(), f.brief, {"--template", 0, 0},
                                                     ctx); }) == "");
}

TEST_CASE("hostile template: extends, fonts and logo paths are checked in the template file") {
    Folders f;
    auto ctx = context();
    auto load = [&] { return error_of([&] { tmpl::load_template("sub/x.yaml", f.brief, kAt, ctx); }); };
    std::string x = (f.brief / "sub" / "x.yaml").string();
    Folders::write(f.brief / "sub" / "x.yaml", "extends: ../../outside/t.yaml\n");
    CHECK(load().rfind(x + ":1:10: error: template path \"../../outside/t.yaml\" leads outside", 0) == 0);
    Folders::write(f.brief / "sub" / "x.yaml", "extends: ../t.yaml\n");  // still inside the brief's folder
    CHECK(load() == "");
    fs::copy_file(fs::path(BRIEFMAKE_SOURCE_DIR) / "tests/data/layout/logo.png", f.outside / "logo.png");
    Folders::write(f.brief / "sub" / "x.yaml", "extends: default\nlogo: {file: ../../outside/logo.png}\n");
    CHECK(load().rfind(x + ":2:14: error: logo path \"../../outside/logo.png\" leads outside", 0) == 0);
    fs::copy_file(ctx.fonts_dir() / "LiberationSerif-Regular.ttf", f.outside / "f.ttf");
    Folders::write(f.brief / "sub" / "x.yaml", "extends: default\nfonts:\n  serif: {regular: ../../outside/f.ttf}\n");
    CHECK(load().rfind(x + ":3:20: error: font path \"../../outside/f.ttf\" leads outside", 0) == 0);
    // Shipped fonts are found by name, from any template.
    Folders::write(f.brief / "sub" / "x.yaml", "extends: default\nfonts:\n  serif: {regular: DejaVuSans.ttf}\n");
    CHECK(load() == "");
}

TEST_CASE("hostile template: parse_template reads text in memory with located errors") {
    auto ctx = context();
    auto t = tmpl::parse_template("extends: default\nname: mem\ntoc: true\n", "mem.yaml", ctx.templates_dir(), ctx);
    CHECK(t.name == "mem");
    CHECK(t.toc);
    CHECK(t.styles.count("body") == 1);
    auto err = [&](const std::string& text) {
        return error_of([&] { tmpl::parse_template(text, "mem.yaml", ctx.templates_dir(), ctx); });
    };
    std::string e = err("extends: default\nfooter: {left: \"{{ titel }}\"}\n");
    CHECK(e.rfind("mem.yaml:2:20: error: unknown placeholder \"titel\"; expected one of page, pages, ", 0) == 0);
    CHECK(e.find(" or label.NAME (did you mean \"title\"?)") != std::string::npos);
    CHECK(err("") == "mem.yaml:1:1: error: empty template; expected a mapping with page, fonts and styles");
    CHECK(err("# only a comment\n") == "mem.yaml:1:1: error: empty template; expected a mapping with page, fonts and styles");
    CHECK(err("extends: nothere.yaml\n") ==
          "mem.yaml:1:10: error: template file \"nothere.yaml\" not found; expected a shipped template name or the "
          "path of a .yaml file");
    CHECK(err("- a\n") == "mem.yaml:1:1: error: expected a template (a mapping), got a list");
}
