// Tests for the JSON text of the manifest and the incremental state (batch/json.hpp, over
// nlohmann-json): the bytes written and reading them back.
#include <doctest/doctest.h>

#include <string>

#include "batch/json.hpp"

using namespace briefmake::batch;

namespace {
// A string value as written (dump adds the final newline).
std::string quote(const std::string& s) {
    std::string text = json::dump(json::Value(s));
    REQUIRE(text.back() == '\n');
    return text.substr(0, text.size() - 1);
}
}  // namespace

TEST_CASE("strings: escapes what JSON requires and keeps UTF-8") {
    CHECK(quote("plain") == "\"plain\"");
    CHECK(quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(quote("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"");
    CHECK(quote("\b\f/") == "\"\\b\\f/\"");
    CHECK(quote(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
    CHECK(quote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(quote("İş ğü — 😀") == "\"İş ğü — 😀\"");
    CHECK(quote("\xE2\x80\xA8\xE2\x80\xA9 \xE2\x80\xA7") == "\"\\u2028\\u2029 \xE2\x80\xA7\"");
    // Invalid UTF-8 (a stray continuation byte, a truncated sequence, an overlong '/', a
    // surrogate) becomes U+FFFD, one per byte, so the file stays valid JSON.
    CHECK(quote("a\x80z") == "\"a\xEF\xBF\xBDz\"");
    CHECK(quote("\xC5") == "\"\xEF\xBF\xBD\"");
    CHECK(quote("\xE2\x80z") == "\"\xEF\xBF\xBD\xEF\xBF\xBDz\"");
    CHECK(quote("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    CHECK(quote("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST_CASE("the layout: two-space indent, members in order, a final newline") {
    json::Value v = json::Value::object();
    v["z"] = "first";
    v["n"] = int64_t(1234567890123);
    v["neg"] = -5;
    v["ok"] = true;
    v["none"] = nullptr;
    v["empty"] = json::Value::array();
    v["obj"] = json::Value::object();
    v["list"] = json::Value::array();
    v["list"].push_back("a");
    v["list"].push_back(2);
    v["list"].push_back(json::Value::object());
    v["list"][2]["k"] = "v";
    CHECK(json::dump(v) ==
          "{\n"
          "  \"z\": \"first\",\n"
          "  \"n\": 1234567890123,\n"
          "  \"neg\": -5,\n"
          "  \"ok\": true,\n"
          "  \"none\": null,\n"
          "  \"empty\": [],\n"
          "  \"obj\": {},\n"
          "  \"list\": [\n"
          "    \"a\",\n"
          "    2,\n"
          "    {\n"
          "      \"k\": \"v\"\n"
          "    }\n"
          "  ]\n"
          "}\n");
}

TEST_CASE("the writer's output reads back") {
    json::Value v = json::Value::object();
    v["name"] = "Türkiye \"OSPG\"\n\xE2\x80\xA8";
    v["n"] = int64_t(1234567890123);
    v["f"] = 3.0;
    v["x"] = 3.5;
    auto back = json::parse(json::dump(v));
    REQUIRE(back);
    CHECK(json::get_string(*back, "name") == "Türkiye \"OSPG\"\n\xE2\x80\xA8");
    CHECK(json::get_int(*back, "n") == 1234567890123);
    CHECK(json::get_int(*back, "f") == 3);
    CHECK_FALSE(json::get_int(*back, "x"));
    CHECK_FALSE(json::get_int(*back, "name"));
    CHECK_FALSE(json::get_string(*back, "n"));
    CHECK_FALSE(json::get_string(*back, "missing"));
    CHECK_FALSE(json::get_string(json::Value::array(), "name"));
}

TEST_CASE("the reader: escapes, surrogate pairs, and rejecting damaged text") {
    auto v = json::parse(R"({"s": "\u0130\u015f \ud83d\ude00 \/ \"q\""})");
    REQUIRE(v);
    CHECK(json::get_string(*v, "s") == "İş 😀 / \"q\"");
    CHECK_FALSE(json::parse(""));
    CHECK_FALSE(json::parse("{\"a\": 1"));          // truncated (a killed writer)
    CHECK_FALSE(json::parse("{\"a\": 1} x"));       // trailing garbage
    CHECK_FALSE(json::parse("{\"a\": \"\\ud800\"}"));  // lone surrogate
    CHECK_FALSE(json::parse("{\"a\": \"tab\there\"}"));
    CHECK_FALSE(json::parse("[1,]"));
    CHECK_FALSE(json::parse("\xEF\xBB\xBF{}"));  // a BOM: not something briefmake wrote
    std::string deep(200, '[');
    auto nested = json::parse(deep + std::string(200, ']'));  // read without recursion...
    CHECK((nested && !nested->is_object()));                    // ...and not an object
}
