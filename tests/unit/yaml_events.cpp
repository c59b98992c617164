// The shipped templates' parser events, recorded at build time and replayed at run time
// (yaml/events.hpp): the recording is that of the current yaml-cpp and template, and a replay
// gives exactly the events and tree that parsing gives.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include "yaml/events.hpp"
#include "yaml/yaml.hpp"

namespace fs = std::filesystem;
namespace y = briefmake::yaml;

namespace {
std::string record(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    y::EventRecorder rec;
    parser.HandleNextDocument(rec);
    return rec.bytes();
}

std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// The tree as text, with every node's mark, tag and style.
std::string dump(const YAML::Node& n) {
    std::ostringstream o;
    o << n.Mark().pos << ':' << n.Mark().line << ':' << n.Mark().column << ' ' << n.Tag() << ' '
      << int(n.Style()) << ' ';
    if (n.IsScalar()) o << '"' << n.Scalar() << '"';
    else if (n.IsNull()) o << "~";
    else if (n.IsSequence()) {
        o << '[';
        for (const auto& e : n) o << dump(e) << ',';
        o << ']';
    } else if (n.IsMap()) {
        o << '{';
        for (const auto& kv : n) o << dump(kv.first) << "=" << dump(kv.second) << ',';
        o << '}';
    }
    return o.str();
}
}  // namespace

TEST_CASE("yaml events: every shipped template is recorded, with the events a parse gives now") {
    int n = 0;
    for (const auto& e : fs::directory_iterator(fs::path(BRIEFMAKE_SOURCE_DIR) / "templates")) {
        if (e.path().extension() != ".yaml") continue;
        CAPTURE(e.path().string());
        const std::string text = read(e.path());
        const std::string_view recorded = y::recorded_events(text);
        REQUIRE(!recorded.empty());
        CHECK(recorded == record(text));
        CHECK(y::recorded_events(text + "\n").empty());  // any other text is parsed
        ++n;
    }
    CHECK(n >= 3);
}

TEST_CASE("yaml events: a replay hands on exactly the recorded events, and builds the same tree") {
    const std::string text =
        "a: &x {b: 1, c: [2, \"three\", ~]}\n"
        "d: *x\n"
        "e: !custom tagged\n"
        "f: |\n  block\n  text\n"
        "g:\n"
        "h: 'single'\n"
        "şğ: [x, yz]\n";
    const std::string bytes = record(text);
    y::EventRecorder again;
    y::replay(bytes, again);
    CHECK(again.bytes() == bytes);

    // yaml::load replays only shipped templates, so compare YAML::Load with a replay into
    // yaml-cpp's own tree builder by way of the emitter-independent dump above.
    const YAML::Node parsed = YAML::Load(text);
    y::Source src("t.yaml", text);
    CHECK(dump(y::load(src)) == dump(parsed));
    CHECK_THROWS(y::replay("S\x01", again));  // truncated bytes are refused
}

TEST_CASE("yaml events: loading a shipped template by replay equals parsing it") {
    const std::string text = read(fs::path(BRIEFMAKE_SOURCE_DIR) / "templates" / "default.yaml");
    REQUIRE(!y::recorded_events(text).empty());
    y::Source src("default.yaml", text);
    CHECK(dump(y::load(src)) == dump(YAML::Load(text)));
}
