// Tests for incremental keys and state files, the folder lock and temporaries clean-up.
#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "batch/files.hpp"
#include "batch/fingerprint.hpp"
#include "batch/sha256.hpp"
#include "batch/state.hpp"
#include "core/atomic_file.hpp"
#include "core/diag.hpp"
#include "helpers.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

namespace {

batch::State sample(const fs::path& dir) {
    batch::State s;
    s.version = "0.1.0";
    s.options = "pdf=1:1;";
    s.inputs = {{(dir / "a.yaml").string(), batch::fingerprint("brief")}, {(dir / "d.csv").string(), batch::fingerprint("1,2")}};
    s.outputs = {{"a.pdf", 3, batch::sha256_hex("PDF")}};
    s.pages = 2;
    s.to = {"Özel Kalem <k@example.org>"};
    s.subject = "Konu \"İş\"";
    s.warnings = {"a.yaml:3:8: warning: character U+0F00 is in neither font"};
    return s;
}

}  // namespace

TEST_CASE("SHA-256 (FIPS 180-2 vectors)") {
    CHECK(batch::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(batch::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    batch::Sha256 h;
    h.update("ab");
    h.update("c");
    CHECK(h.hex() == batch::sha256_hex("abc"));
}

TEST_CASE("input fingerprints: XXH3-128 (the reference values of xxhsum -H2)") {
    CHECK(batch::fingerprint("") == "xxh3-128:99aa06d3014798d86001c324468d497f");
    CHECK(batch::fingerprint("abc") == "xxh3-128:06b05ab6733a618578af5f94892f3950");
    TempDir d("bm-batch-test");
    std::string big(200000, 'x');  // more than one read buffer
    for (size_t i = 0; i < big.size(); ++i) big[i] = char('a' + i % 23);
    write_file(d.path / "big.bin", big);
    CHECK(batch::fingerprint_file(d.path / "big.bin") == batch::fingerprint(big));
    CHECK_FALSE(batch::fingerprint_file(d.path / "missing.bin"));
}

TEST_CASE("the key changes with any input, the options or the version") {
    batch::State s = sample("/x");
    std::string k = batch::key(s);
    CHECK(k.size() == 64);
    batch::State t = s;
    t.inputs[1].second = batch::fingerprint("1,3");
    CHECK(batch::key(t) != k);
    t = s;
    t.options = "pdf=1:0;";
    CHECK(batch::key(t) != k);
    t = s;
    t.version = "0.2.0";
    CHECK(batch::key(t) != k);
    t = s;
    t.inputs[0].first = "/y/a.yaml";
    CHECK(batch::key(t) != k);
    // Outputs and mail data are not part of the key.
    t = s;
    t.pages = 9;
    CHECK(batch::key(t) == k);
}

TEST_CASE("state files round-trip and damaged ones are refused") {
    batch::State s = sample("/x");
    std::string text = batch::to_json(s);
    auto back = batch::parse_state(text);
    REQUIRE(back);
    CHECK(back->inputs == s.inputs);
    CHECK(back->outputs.size() == 1);
    CHECK(back->outputs[0].sha256 == s.outputs[0].sha256);
    CHECK(back->to == s.to);
    CHECK(back->subject == s.subject);
    CHECK(back->pages == 2);
    CHECK(back->warnings == s.warnings);
    // A state from before warnings were kept is of an older shape: the brief renders again.
    size_t w = text.find("\"warnings\"");
    REQUIRE(w != std::string::npos);
    std::string older = text;
    older.replace(w, 10, "\"warnings_\"");
    CHECK_FALSE(batch::parse_state(older));
    CHECK_FALSE(batch::parse_state(text.substr(0, text.size() / 2)));
    CHECK_FALSE(batch::parse_state("{}"));
    CHECK_FALSE(batch::parse_state(""));
    CHECK_FALSE(batch::parse_state(std::string("\0\xff\xfe garbage", 11)));
    CHECK_FALSE(batch::parse_state(std::string(100000, '[') + std::string(100000, ']')));
    CHECK_FALSE(batch::parse_state("\xEF\xBB\xBF" + text));  // a BOM: not a file briefmake wrote
    std::string fractional = text;
    fractional.replace(fractional.find("\"pages\": 2"), 10, "\"pages\": 2.5");
    REQUIRE(batch::parse_state(fractional.replace(fractional.find("2.5"), 3, "2.0")));  // still valid
    fractional.replace(fractional.find("2.0"), 3, "2.5");
    CHECK_FALSE(batch::parse_state(fractional));
    std::string unquoted = text;
    unquoted.replace(unquoted.find("\"subject\": \""), 12, "\"subject\": 7, \"x\": \"");
    CHECK_FALSE(batch::parse_state(unquoted));
    CHECK(batch::state_path("out", "ospg-8") == fs::path("out/.ospg-8.briefmake-state"));
}

TEST_CASE("stale_reason: up to date only when inputs, outputs, version and options all match") {
    TempDir d("bm-batch-test");
    write_file(d.path / "a.yaml", "brief");
    write_file(d.path / "d.csv", "1,2");
    write_file(d.path / "a.pdf", "PDF");
    batch::State s = sample(d.path);
    {
        batch::HashCache cache;
        CHECK(batch::stale_reason(s, d.path, "0.1.0", "pdf=1:1;", {"a.pdf"}, cache) == "");
        CHECK(batch::stale_reason(s, d.path, "0.2.0", "pdf=1:1;", {"a.pdf"}, cache) != "");
        CHECK(batch::stale_reason(s, d.path, "0.1.0", "pdf=1:0;", {"a.pdf"}, cache) != "");
        CHECK(batch::stale_reason(s, d.path, "0.1.0", "pdf=1:1;", {"a.pdf", "a.docx"}, cache) != "");
    }
    {
        write_file(d.path / "d.csv", "1,3");
        batch::HashCache cache;
        CHECK(batch::stale_reason(s, d.path, "0.1.0", "pdf=1:1;", {"a.pdf"}, cache).find("d.csv changed") !=
              std::string::npos);
        write_file(d.path / "d.csv", "1,2");
    }
    {
        write_file(d.path / "a.pdf", "PDX");
        batch::HashCache cache;
        CHECK(batch::stale_reason(s, d.path, "0.1.0", "pdf=1:1;", {"a.pdf"}, cache) != "");
        fs::remove(d.path / "a.pdf");
        CHECK(batch::stale_reason(s, d.path, "0.1.0", "pdf=1:1;", {"a.pdf"}, cache).find("missing") != std::string::npos);
    }
}

TEST_CASE("a settled input is recorded by its identity, a fresh one by its contents") {
    TempDir d("bm-batch-test");
    const fs::path f = d.path / "font.ttf";
    write_file(f, "glyphs");
    using clock = std::chrono::system_clock;
    // The file was written just now: for a run that starts now, it has not settled.
    {
        batch::HashCache cache(clock::now());
        CHECK(cache.get(f) == batch::fingerprint("glyphs"));
    }
    // For a run starting later than the margin, it has.
    const auto later = clock::now() + batch::kSettled + std::chrono::seconds(1);
    std::string id;
    {
        batch::HashCache cache(later);
        auto got = cache.get(f);
        REQUIRE(got);
        CHECK(batch::is_identity(*got));
        id = *got;
        CHECK(cache.unchanged(f, id) == true);
        CHECK(cache.unchanged(d.path / "gone.ttf", id) == std::nullopt);
    }
    // The same size and contents written again: the identity changes (ctime), and so the file
    // counts as changed; its contents' fingerprint still matches.
    write_file(f, "glyphs");
    {
        batch::HashCache cache(later);
        CHECK(cache.unchanged(f, id) == false);
        CHECK(cache.unchanged(f, batch::fingerprint("glyphs")) == true);
        CHECK(cache.unchanged(f, batch::fingerprint("glyphz")) == false);
    }
    // stale_reason names an input whose identity changed.
    batch::State s = sample(d.path);
    write_file(d.path / "a.yaml", "brief");
    write_file(d.path / "d.csv", "1,2");
    write_file(d.path / "a.pdf", "PDF");
    s.inputs.emplace_back(f.string(), id);
    batch::HashCache cache(later);
    CHECK(batch::stale_reason(s, d.path, "0.1.0", "pdf=1:1;", {"a.pdf"}, cache).find("font.ttf changed") !=
          std::string::npos);
}

TEST_CASE("atomic writes, temporaries and the folder lock") {
    TempDir d("bm-batch-test");
    core::write_atomically({{d.path / "x.pdf", "new"}, {d.path / "x.docx", "zip"}});
    CHECK(batch::sha256_file(d.path / "x.pdf") == batch::sha256_hex("new"));
    CHECK(batch::is_temporary_of(".x.pdf.Ab12Cd", "x.pdf"));
    CHECK_FALSE(batch::is_temporary_of(".x.pdf.Ab12C", "x.pdf"));
    CHECK_FALSE(batch::is_temporary_of("x.pdf.Ab12Cd", "x.pdf"));

    write_file(d.path / ".x.pdf.Ab12Cd", "half");
    write_file(d.path / "..x.briefmake-state.zzzzzz", "half");
    write_file(d.path / ".m.json.Q1w2E3", "half");
    write_file(d.path / ".notes.txt.Ab12Cd", "someone else's");
    write_file(d.path / ".x.pdf.toolong1", "not ours");
    auto removed = batch::remove_temporaries(d.path, {"m.json"});
    CHECK(removed.size() == 3);
    CHECK_FALSE(fs::exists(d.path / ".x.pdf.Ab12Cd"));
    CHECK_FALSE(fs::exists(d.path / "..x.briefmake-state.zzzzzz"));
    CHECK_FALSE(fs::exists(d.path / ".m.json.Q1w2E3"));
    CHECK(fs::exists(d.path / ".notes.txt.Ab12Cd"));
    CHECK(fs::exists(d.path / ".x.pdf.toolong1"));

    bool waited = false;
    {
        batch::FolderLock first(d.path, batch::FolderLock::Wait::No, [&] { waited = true; });
        // flock belongs to the open file: a second open in this process conflicts like another run.
        CHECK_THROWS_AS(batch::FolderLock(d.path, batch::FolderLock::Wait::No, [&] { waited = true; }), core::Error);
    }
    CHECK_FALSE(fs::exists(d.path / ".briefmake.lock"));  // removed with the lock: the folder is as it was
    batch::FolderLock again(d.path, batch::FolderLock::Wait::No, [&] { waited = true; });
    CHECK_FALSE(waited);
}

TEST_CASE("a waiting run gets the lock when the holder ends, on a lock file that exists") {
    TempDir d("bm-batch-test");
    auto holder = std::make_unique<batch::FolderLock>(d.path, batch::FolderLock::Wait::No, [] {});
    std::atomic<bool> waiting{false}, locked{false};
    std::thread second([&] {
        batch::FolderLock l(d.path, batch::FolderLock::Wait::Yes, [&] { waiting = true; });
        locked = true;
        // The holder removed its file on release: this run must hold the lock on a new one,
        // or a third run could lock that new file at the same time.
        CHECK(fs::exists(d.path / ".briefmake.lock"));
        CHECK_THROWS_AS(batch::FolderLock(d.path, batch::FolderLock::Wait::No, [] {}), core::Error);
    });
    while (!waiting) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK_FALSE(locked);
    holder.reset();
    second.join();
    CHECK(locked);
}
