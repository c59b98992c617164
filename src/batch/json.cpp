#include "batch/json.hpp"

#include <cmath>
#include <cstdlib>

#include "text/text.hpp"

namespace briefmake::batch::json {

namespace {

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    std::optional<Value> document() {
        Value v;
        if (!value(v, 0)) return std::nullopt;
        skip_ws();
        if (i_ != s_.size()) return std::nullopt;
        return v;
    }

private:
    void skip_ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }

    bool value(Value& v, int depth) {
        if (depth > 64) return false;
        skip_ws();
        if (i_ >= s_.size()) return false;
        char c = s_[i_];
        if (c == '{') return object(v, depth);
        if (c == '[') return array(v, depth);
        if (c == '"') {
            v.kind = Value::Kind::String;
            return string(v.string);
        }
        if (c == 't' || c == 'f') {
            v.kind = Value::Kind::Bool;
            v.boolean = c == 't';
            return literal(v.boolean ? "true" : "false");
        }
        if (c == 'n') {
            v.kind = Value::Kind::Null;
            return literal("null");
        }
        return number(v);
    }

    bool number(Value& v) {
        size_t start = i_;
        if (i_ < s_.size() && s_[i_] == '-') ++i_;
        size_t digits = i_;
        while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.' || s_[i_] == 'e' ||
                                  s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
            ++i_;
        if (i_ == digits) return false;
        std::string text(s_.substr(start, i_ - start));
        char* end = nullptr;
        v.kind = Value::Kind::Number;
        v.number = std::strtod(text.c_str(), &end);
        return end == text.c_str() + text.size();
    }

    bool hex4(uint32_t& out) {
        if (i_ + 4 > s_.size()) return false;
        out = 0;
        for (int k = 0; k < 4; ++k) {
            char c = s_[i_++];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= c - '0';
            else if (c >= 'a' && c <= 'f') out |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') out |= c - 'A' + 10;
            else return false;
        }
        return true;
    }

    bool string(std::string& out) {
        ++i_;  // opening quote
        while (i_ < s_.size()) {
            char c = s_[i_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) return false;
            char e = s_[i_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    uint32_t cp;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        uint32_t lo;
                        if (!literal("\\u") || !hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return false;
                    }
                    text::append_utf8(out, cp);
                    break;
                }
                default: return false;
            }
        }
        return false;
    }

    bool array(Value& v, int depth) {
        v.kind = Value::Kind::Array;
        ++i_;
        skip_ws();
        if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
        for (;;) {
            Value item;
            if (!value(item, depth + 1)) return false;
            v.array.push_back(std::move(item));
            skip_ws();
            if (i_ >= s_.size()) return false;
            char c = s_[i_++];
            if (c == ']') return true;
            if (c != ',') return false;
        }
    }

    bool object(Value& v, int depth) {
        v.kind = Value::Kind::Object;
        ++i_;
        skip_ws();
        if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
        for (;;) {
            skip_ws();
            std::string k;
            if (i_ >= s_.size() || s_[i_] != '"' || !string(k)) return false;
            skip_ws();
            if (i_ >= s_.size() || s_[i_++] != ':') return false;
            Value item;
            if (!value(item, depth + 1)) return false;
            v.object[k] = std::move(item);
            skip_ws();
            if (i_ >= s_.size()) return false;
            char c = s_[i_++];
            if (c == '}') return true;
            if (c != ',') return false;
        }
    }

    std::string_view s_;
    size_t i_ = 0;
};

}  // namespace

std::string quote(std::string_view s) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (size_t i = 0; i < s.size();) {
        char32_t cp;
        size_t len = text::decode_utf8(s, i, cp);
        if (len == 0) {  // not UTF-8: U+FFFD, one byte at a time
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (cp == '"') out += "\\\"";
        else if (cp == '\\') out += "\\\\";
        else if (cp == '\n') out += "\\n";
        else if (cp == '\r') out += "\\r";
        else if (cp == '\t') out += "\\t";
        else if (cp == '\b') out += "\\b";
        else if (cp == '\f') out += "\\f";
        else if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += digits[(cp >> shift) & 15];
        } else {
            out.append(s.substr(i, len));
        }
        i += len;
    }
    out += '"';
    return out;
}

void Writer::newline() {
    out_ += '\n';
    out_.append(first_.size() * 2, ' ');
}

void Writer::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
        newline();
    }
}

Writer& Writer::begin_object() {
    before_value();
    out_ += '{';
    first_.push_back(true);
    return *this;
}

Writer& Writer::end_object() {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += '}';
    if (first_.empty()) out_ += '\n';
    return *this;
}

Writer& Writer::begin_array() {
    before_value();
    out_ += '[';
    first_.push_back(true);
    return *this;
}

Writer& Writer::end_array() {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += ']';
    if (first_.empty()) out_ += '\n';
    return *this;
}

Writer& Writer::key(std::string_view k) {
    before_value();
    out_ += quote(k);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

Writer& Writer::value(std::string_view s) {
    before_value();
    out_ += quote(s);
    return *this;
}

Writer& Writer::value(int64_t n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

Writer& Writer::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

Writer& Writer::null() {
    before_value();
    out_ += "null";
    return *this;
}

const Value* Value::get(const std::string& k) const {
    if (kind != Kind::Object) return nullptr;
    auto it = object.find(k);
    return it == object.end() ? nullptr : &it->second;
}

std::optional<std::string> Value::get_string(const std::string& k) const {
    const Value* v = get(k);
    if (!v || v->kind != Kind::String) return std::nullopt;
    return v->string;
}

std::optional<int64_t> Value::get_int(const std::string& k) const {
    const Value* v = get(k);
    if (!v || v->kind != Kind::Number || v->number != std::floor(v->number)) return std::nullopt;
    return static_cast<int64_t>(v->number);
}

std::optional<bool> Value::get_bool(const std::string& k) const {
    const Value* v = get(k);
    if (!v || v->kind != Kind::Bool) return std::nullopt;
    return v->boolean;
}

std::optional<Value> parse(std::string_view text) { return Parser(text).document(); }

}  // namespace briefmake::batch::json
