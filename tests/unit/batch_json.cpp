// Tests for the JSON writer and reader behind the manifest and the incremental state.
#include <doctest/doctest.h>

#include <string>

#include "batch/json.hpp"

using namespace briefmake::batch;

TEST_CASE("json::quote escapes what JSON requires and keeps UTF-8") {
    CHECK(json::quote("plain") == "\"plain\"");
    CHECK(json::quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json::quote("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"");
    CHECK(json::quote(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
    CHECK(json::quote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(json::quote("İş ğü — 😀") == "\"İş ğü — 😀\"");
    CHECK(json::quote("\xE2\x80\xA8\xE2\x80\xA9") == "\"\\u2028\\u2029\"");
    // Invalid UTF-8 (a stray continuation byte, a truncated sequence, an overlong '/', a
    // surrogate) becomes U+FFFD, so the file stays valid JSON.
    CHECK(json::quote("a\x80z") == "\"a\xEF\xBF\xBDz\"");
    CHECK(json::quote("\xC5") == "\"\xEF\xBF\xBD\"");
    CHECK(json::quote("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    CHECK(json::quote("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST_CASE("the writer's output reads back") {
    json::Writer w;
    w.begin_object();
    w.key("name").value("Türkiye \"OSPG\"\n");
    w.key("n").value(int64_t(1234567890123));
    w.key("ok").value(true);
    w.key("none").null();
    w.key("empty").begin_array().end_array();
    w.key("list").begin_array().value("a").value(2).begin_object().key("k").value("v").end_object().end_array();
    w.end_object();
    CHECK(w.str().back() == '\n');
    auto v = json::parse(w.str());
    REQUIRE(v);
    CHECK(v->get_string("name") == "Türkiye \"OSPG\"\n");
    CHECK(v->get_int("n") == 1234567890123);
    CHECK(v->get_bool("ok") == true);
    CHECK(v->get("none")->kind == json::Value::Kind::Null);
    CHECK(v->get("empty")->array.empty());
    REQUIRE(v->get("list")->array.size() == 3);
    CHECK(v->get("list")->array[2].get_string("k") == "v");
}

TEST_CASE("the reader: escapes, surrogate pairs, and rejecting damaged text") {
    auto v = json::parse(R"({"s": "\u0130\u015f \ud83d\ude00 \/ \"q\""})");
    REQUIRE(v);
    CHECK(v->get_string("s") == "İş 😀 / \"q\"");
    CHECK_FALSE(json::parse(""));
    CHECK_FALSE(json::parse("{\"a\": 1"));          // truncated (a killed writer)
    CHECK_FALSE(json::parse("{\"a\": 1} x"));       // trailing garbage
    CHECK_FALSE(json::parse("{\"a\": \"\\ud800\"}"));  // lone surrogate
    CHECK_FALSE(json::parse("{\"a\": \"tab\there\"}"));
    CHECK_FALSE(json::parse("[1,]"));
    std::string deep(200, '[');
    CHECK_FALSE(json::parse(deep + std::string(200, ']')));
}
