#include "batch/names.hpp"

#include <algorithm>
#include <cstdio>

#include "core/diag.hpp"
#include "core/i18n.hpp"

namespace briefmake::batch {

namespace {

std::string iso_date(const spec::Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string field_value(const std::string& f, const spec::Brief& b, const std::string& stem) {
    auto opt = [](const std::optional<spec::Text>& t) { return t ? t->value : std::string(); };
    const spec::Meeting& m = b.meeting;
    if (f == "stem") return stem;
    if (f == "title") return b.title.value;
    if (f == "subtitle") return opt(b.subtitle);
    if (f == "reference") return opt(b.reference);
    if (f == "classification") return opt(b.classification);
    if (f == "language") return b.language;
    if (f == "author") return opt(b.author);
    if (f == "edition") return b.edition ? iso_date(*b.edition) : std::string();
    if (f == "meeting.name") return m.name.value;
    if (f == "meeting.number") return m.number ? std::to_string(*m.number) : std::string();
    if (f == "meeting.date") return iso_date(m.date);
    if (f == "meeting.end_date") return m.end_date ? iso_date(*m.end_date) : std::string();
    if (f == "meeting.location") return opt(m.location);
    return {};  // unreachable: fields are checked when the pattern is parsed
}

}  // namespace

const std::vector<std::string>& NamePattern::fields() {
    static const std::vector<std::string> known = {
        "stem",         "title",        "subtitle",         "reference",      "classification",
        "language",     "author",       "edition",          "meeting.name",   "meeting.number",
        "meeting.date", "meeting.end_date", "meeting.location"};
    return known;
}

NamePattern::NamePattern(std::string_view pattern) : text_(pattern) {
    auto known_list = [] {
        std::string s;
        for (const auto& f : fields()) s += (s.empty() ? "" : ", ") + f;
        return s;
    };
    std::string literal;
    for (size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            literal += '{';
            ++i;
        } else if (c == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            literal += '}';
            ++i;
        } else if (c == '{') {
            size_t close = pattern.find('}', i);
            if (close == std::string_view::npos)
                throw core::Error({}, core::trf("name pattern \"{}\": '{{' without '}}' (write {{{{ for a brace)", {text_}));
            std::string name(pattern.substr(i + 1, close - i - 1));
            if (std::find(fields().begin(), fields().end(), name) == fields().end())
                throw core::Error({}, core::trf("name pattern \"{}\": unknown field {{{}}}; known fields: {}",
                                                {text_, name, known_list()}));
            if (!literal.empty()) parts_.push_back({false, std::move(literal)});
            literal.clear();
            parts_.push_back({true, std::move(name)});
            i = close;
        } else if (c == '}') {
            throw core::Error({}, core::trf("name pattern \"{}\": '}}' without '{{' (write }}}} for a brace)", {text_}));
        } else {
            literal += c;
        }
    }
    if (!literal.empty()) parts_.push_back({false, std::move(literal)});
}

std::string NamePattern::expand(const spec::Brief& brief, const std::string& stem) const {
    std::string out;
    for (const Part& p : parts_) {
        std::string v = p.field ? field_value(p.text, brief, stem) : p.text;
        for (char c : v) {
            if (c == '/' || c == '\\') out += '-';
            else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
        }
    }
    if (out.empty() || out.front() == '.') return stem;
    return out;
}

}  // namespace briefmake::batch
