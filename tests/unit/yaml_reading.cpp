// Tests for the generic YAML helpers shared by the brief and template readers.
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "yaml/yaml.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace y = briefmake::yaml;

namespace {
std::string load_error(const std::string& text, const y::Limits& limits = {}) {
    y::Source src("t.yaml", text);
    return error_of([&] { y::load(src, limits); });
}
}  // namespace

TEST_CASE("yaml: locations are 1-based and count characters, not bytes") {
    y::Source src("t.yaml", "a: 1\nşğ: [x, yz]\n");
    YAML::Node root = y::load(src);
    YAML::Node list = y::find(root, "şğ");
    REQUIRE(list.IsSequence());
    CHECK(core::to_string(src.loc(root)) == "t.yaml:1:1");
    CHECK(core::to_string(src.loc(list)) == "t.yaml:2:5");
    CHECK(core::to_string(src.loc(list[1])) == "t.yaml:2:9");
}

TEST_CASE("yaml: duplicate keys are rejected at the second key") {
    CHECK(load_error("title: a\nb: 1\ntitle: c\n") ==
          "t.yaml:3:1: error: duplicate key \"title\"; expected each key once in a mapping (first at line 1)");
    CHECK(load_error("m:\n  k: 1\n  j: 2\n  k: 3\n") ==
          "t.yaml:4:3: error: duplicate key \"k\"; expected each key once in a mapping (first at line 2)");
    CHECK(load_error("m: {a: 1, a: 2}\n") == "t.yaml:1:11: error: duplicate key \"a\"; expected each key once in a mapping (first at line 1)");
    // The same key in sibling mappings is fine.
    CHECK(load_error("- a: 1\n- a: 2\n") == "");
}

TEST_CASE("yaml: non-text keys and several documents are rejected") {
    CHECK(load_error("? [a, b]\n: 1\n") == "t.yaml:1:3: error: expected a text key, got a list");
    CHECK(load_error("a: 1\n---\nb: 2\n") ==
          "t.yaml:2:1: error: a second YAML document; expected exactly one document (remove the extra '---')");
}

TEST_CASE("yaml: alias bombs fail fast, small aliases are fine") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; ++c) {
        bomb += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
        bomb += "]\n";
        prev = c;
    }
    // Refused by the node count of the pre-pass (aliases counted as copies), before any expansion.
    std::string err = load_error(bomb);
    CHECK(err.find("error: too many YAML nodes; expected at most 200000") != std::string::npos);
    CHECK(err.rfind("t.yaml:", 0) == 0);

    CHECK(load_error("p: &p {name: A}\nq: *p\n") == "");
    y::Limits small;
    small.max_nodes = 10;
    CHECK(load_error("p: &p [1, 2, 3]\nq: [*p, *p]\n", small) ==
          "t.yaml:2:5: error: too many YAML nodes; expected at most 10 (aliases count as copies of what they name)");
}

TEST_CASE("yaml: depth, size and syntax errors") {
    std::string deep = std::string(100, '[') + std::string(100, ']');
    CHECK(load_error(deep) == "t.yaml:1:65: error: nesting is too deep; expected at most 64 levels");
    y::Limits tiny;
    tiny.max_bytes = 8;
    CHECK(load_error("a: 123456789\n", tiny) == "t.yaml: error: file is too large (13 bytes); expected at most 8 bytes");
    CHECK(load_error("a: [1, 2\n") == "t.yaml:2:1: error: invalid YAML: end of sequence flow not found; expected ']' to close a list opened with '['");
    CHECK(load_error("a: 1\nb:\n\tc: 2\n") == "t.yaml:3:1: error: tab used for indentation; expected spaces (YAML indents with spaces only)");
    CHECK(load_error("a: \x01\n") == "t.yaml:1:4: error: control character U+0001 is not allowed; expected printable text");
}

TEST_CASE("yaml: empty input gives a null root") {
    y::Source empty("t.yaml", "");
    CHECK(y::load(empty).IsNull());
    y::Source comments("t.yaml", "# nothing here\n");
    CHECK(y::load(comments).IsNull());
}

TEST_CASE("yaml: keys and typed getters") {
    y::Source src("t.yaml", "titel: x\nn: \"1\"\nf: 8,95\nk: barr\nb: yes\nx-note: ignored\ne: ''\ni: 7\n");
    YAML::Node root = y::load(src);
    CHECK(error_of([&] { y::check_keys(src, root, "brief", {"title", "n", "f", "k", "b", "e", "i"}); }) ==
          "t.yaml:1:1: error: unknown key \"titel\" in brief; expected one of title, n, f, k, b, e, i (did you mean \"title\"?)");
    CHECK(error_of([&] { y::check_keys(src, root, "brief", {"titel", "n", "f", "k", "b", "e", "i"}); }) == "");
    CHECK(error_of([&] { y::require(src, root, "meeting", "brief"); }) ==
          "t.yaml:1:1: error: missing required key \"meeting\" in brief; expected \"meeting:\" in this mapping");
    CHECK(!y::find(root, "meeting"));
    CHECK(error_of([&] { y::get_int(src, y::find(root, "n"), 0, 9); }) ==
          "t.yaml:2:4: error: expected an integer, got \"1\" (quoted values are text; remove the quotes)");
    CHECK(y::get_int(src, y::find(root, "i"), 0, 9) == 7);
    CHECK(error_of([&] { y::get_int(src, y::find(root, "i"), 0, 6, "decimals"); }) ==
          "t.yaml:8:4: error: expected decimals from 0 to 6, got 7");
    CHECK(error_of([&] { y::get_number(src, y::find(root, "f")); }) ==
          "t.yaml:3:4: error: expected a number, got \"8,95\" (write decimals with a dot and no thousands separator)");
    CHECK(error_of([&] { y::get_choice(src, y::find(root, "k"), "figure kind", {"table", "bar", "line", "pie"}); }) ==
          "t.yaml:4:4: error: unknown figure kind \"barr\"; expected one of table, bar, line, pie (did you mean \"bar\"?)");
    CHECK(error_of([&] { y::get_bool(src, y::find(root, "b")); }) == "t.yaml:5:4: error: expected true or false, got \"yes\"");
    CHECK(error_of([&] { y::get_nonempty_text(src, y::find(root, "e"), "a title"); }) ==
          "t.yaml:7:4: error: expected a title, got an empty text");
    CHECK(error_of([&] { y::get_text(src, root, "a title"); }) == "t.yaml:1:1: error: expected a title, got a mapping");
}

TEST_CASE("yaml: numbers are decimal and locale-free") {
    double v = 0;
    CHECK((y::parse_number("8.95", v) && v == 8.95));
    CHECK((y::parse_number("-3", v) && v == -3));
    CHECK((y::parse_number("+1e3", v) && v == 1000));
    CHECK((y::parse_number(".5", v) && v == 0.5));
    CHECK(!y::parse_number("8,95", v));
    CHECK(!y::parse_number("0x1F", v));
    CHECK(!y::parse_number(".inf", v));
    CHECK(!y::parse_number("1e999", v));
    CHECK(!y::parse_number("", v));
    CHECK(!y::parse_number("1e", v));
    CHECK(!y::parse_number("-", v));
}
