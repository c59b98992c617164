// JSON for the manifest and the incremental state, through nlohmann-json. Their bytes are a
// contract (scripts compare manifests, and a run's output must not depend on the machine), so
// the text is pinned down here: two-space indent, members in the order they were added, one
// final newline.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace briefmake::batch::json {

// Members keep the order they were added in.
using Value = nlohmann::ordered_json;

// `v` as text. Strings keep their UTF-8 as it is, with JSON's escapes for quote, backslash and
// control characters (\n, \t, \u001f, ...), and \u escapes for DEL, U+2028 and U+2029 (not
// valid raw in JavaScript strings). Invalid UTF-8 is written as U+FFFD, one per byte that does
// not begin a valid sequence, so the output is always valid JSON.
std::string dump(Value v);

// Parses a whole document; nullopt on any syntax error (the state file is ours; a damaged one
// just means "render again").
std::optional<Value> parse(std::string_view text);

// Typed member access: nullopt when `v` is not an object, has no such member, or it is of
// another kind. A number is an integer when it has no fraction (3.0 is 3).
std::optional<std::string> get_string(const Value& v, const char* key);
std::optional<int64_t> get_int(const Value& v, const char* key);

}  // namespace briefmake::batch::json
