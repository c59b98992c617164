#include "batch/json.hpp"

#include <cmath>
#include <limits>

#include "text/text.hpp"

namespace briefmake::batch::json {

namespace {

// Valid UTF-8: invalid bytes become U+FFFD one by one (nlohmann's own replacement would take a
// truncated sequence as one, and the bytes written must stay as they were).
void make_valid_utf8(std::string& s) {
    std::string out;
    char32_t cp;
    size_t i = 0, len;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII, most of any text here
            ++i;
            continue;
        }
        if ((len = text::decode_utf8(s, i, cp)) == 0) break;
        i += len;
    }
    if (i == s.size()) return;  // the usual case: nothing to copy
    out.assign(s, 0, i);
    while (i < s.size()) {
        len = text::decode_utf8(s, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s, i, len);
            i += len;
        }
    }
    s = std::move(out);
}

void make_strings_valid(Value& v) {
    if (v.is_string()) make_valid_utf8(v.get_ref<std::string&>());
    else if (v.is_structured())
        for (auto& item : v) make_strings_valid(item);
}

}  // namespace

std::string dump(Value v) {
    make_strings_valid(v);
    std::string text = v.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    // Outside strings the text is ASCII, so these bytes are characters inside strings. The text
    // between them is copied in runs.
    std::string out;
    out.reserve(text.size() + 1);
    size_t from = 0;
    for (size_t i = text.find_first_of("\x7F\xE2"); i != std::string::npos; i = text.find_first_of("\x7F\xE2", i)) {
        const char* escape = nullptr;
        size_t len = 1;
        if (text[i] == '\x7F') {
            escape = "\\u007f";
        } else if (i + 2 < text.size() && text[i + 1] == '\x80' && (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
            escape = text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            len = 3;
        }
        if (escape) {
            out.append(text, from, i - from);
            out += escape;
            from = i + len;
        }
        i += len;
    }
    out.append(text, from, std::string::npos);
    out += '\n';
    return out;
}

std::optional<Value> parse(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") return std::nullopt;  // nlohmann skips a BOM; we never write one
    Value v = Value::parse(text.begin(), text.end(), nullptr, false);
    if (v.is_discarded()) return std::nullopt;
    return v;
}

std::optional<std::string> get_string(const Value& v, const char* key) {
    if (!v.is_object()) return std::nullopt;
    auto it = v.find(key);
    if (it == v.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

std::optional<int64_t> get_int(const Value& v, const char* key) {
    if (!v.is_object()) return std::nullopt;
    auto it = v.find(key);
    if (it == v.end()) return std::nullopt;
    if (it->is_number_integer() && !it->is_number_unsigned()) return it->get<int64_t>();
    if (it->is_number_unsigned()) {
        auto u = it->get<uint64_t>();
        if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return static_cast<int64_t>(u);
    }
    if (it->is_number_float()) {
        double d = it->get<double>();
        if (d != std::floor(d) || std::fabs(d) >= 9.2e18) return std::nullopt;
        return static_cast<int64_t>(d);
    }
    return std::nullopt;
}

}  // namespace briefmake::batch::json
