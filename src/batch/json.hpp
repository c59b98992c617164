// A small JSON writer (the manifest, the incremental state) and reader (the state file).
// Strings are UTF-8; invalid UTF-8 is written as U+FFFD so the output is always valid JSON.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefmake::batch::json {

// "text" with JSON escapes: quote, backslash, control characters (\n, \t, \u001f, ...), and
// U+2028/U+2029 (not valid in JavaScript strings); other characters are kept as UTF-8.
std::string quote(std::string_view utf8);

// Writes indented JSON. Calls must nest correctly (begin/end pairs, key before each member).
class Writer {
public:
    Writer& begin_object();
    Writer& end_object();
    Writer& begin_array();
    Writer& end_array();
    Writer& key(std::string_view k);
    Writer& value(std::string_view s);
    Writer& value(const char* s) { return value(std::string_view(s)); }
    Writer& value(const std::string& s) { return value(std::string_view(s)); }
    Writer& value(int64_t n);
    Writer& value(int n) { return value(static_cast<int64_t>(n)); }
    Writer& value(bool b);
    Writer& null();
    // The text so far, with a final newline once the top value is closed.
    const std::string& str() const { return out_; }

private:
    void before_value();
    void newline();
    std::string out_;
    std::vector<bool> first_;  // per open container: no member written yet
    bool after_key_ = false;
};

// A parsed JSON value.
struct Value {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Value> array;
    std::map<std::string, Value> object;

    // Member lookup: nullptr when this is not an object or has no such key.
    const Value* get(const std::string& k) const;
    // Typed member access: nullopt when missing or of another kind.
    std::optional<std::string> get_string(const std::string& k) const;
    std::optional<int64_t> get_int(const std::string& k) const;
    std::optional<bool> get_bool(const std::string& k) const;
};

// Parses a whole document; nullopt on any syntax error (the state file is ours; a damaged one
// just means "render again").
std::optional<Value> parse(std::string_view text);

}  // namespace briefmake::batch::json
