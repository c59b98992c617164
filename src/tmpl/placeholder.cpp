// {{ name | filter }} placeholders in header/footer slots and letterhead lines.
#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"
#include "core/i18n.hpp"
#include "text/text.hpp"
#include "tmpl/template.hpp"

namespace briefmake::tmpl {
namespace {

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

// Location of byte `offset` of the pattern's text in the template file.
SourceLoc at(const Pattern& p, size_t offset) {
    // The placeholder holding `offset`, and where the reader found its "{{" in the file.
    size_t open = std::string::npos, index = 0;
    for (size_t i = p.text.find("{{"); i != std::string::npos && i <= offset; i = p.text.find("{{", i + 2)) {
        if (open != std::string::npos) ++index;
        open = i;
    }
    if (open != std::string::npos && index < p.opens.size()) {
        SourceLoc l = p.opens[index].loc;
        if (!p.opens[index].verbatim) return l;
        const std::string_view text(p.text);
        for (size_t i = open; i < offset && i < text.size();) {
            if (text[i] == '\n') {
                ++l.line;
                l.column = 1;
            } else {
                ++l.column;
            }
            core::next_code_point(text, i);
        }
        return l;
    }
    // A pattern made in code, or text the reader could not find in the file: count from its start.
    SourceLoc l = p.loc;
    if (l.line > 0 && l.column > 0) {
        l.column += static_cast<int>(core::count_code_points(std::string_view(p.text).substr(0, offset)));
    }
    return l;
}

std::vector<std::string> names_of(const std::map<std::string, Value>& vars) {
    std::vector<std::string> v{"page", "pages"};
    for (const auto& [k, _] : vars) v.push_back(k);
    return v;
}

}  // namespace

std::vector<Part> expand(const Pattern& p, const std::map<std::string, Value>& vars, const std::string& lang,
                         bool page_numbers) {
    std::vector<Part> out;
    auto literal = [&](std::string s) {
        if (s.empty()) return;
        if (!out.empty() && out.back().kind == Part::Literal) out.back().text += s;
        else out.push_back(Part{Part::Literal, std::move(s)});
    };
    const std::string& s = p.text;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t open = s.find("{{", pos);
        if (open == std::string::npos) {
            literal(s.substr(pos));
            break;
        }
        literal(s.substr(pos, open - pos));
        size_t close = s.find("}}", open + 2);
        if (close == std::string::npos)
            throw core::Error(at(p, open), _("unclosed placeholder; expected \"}}\""));
        std::string inner = s.substr(open + 2, close - open - 2);
        // name | filter | filter
        std::vector<std::pair<std::string, size_t>> pieces;  // text, offset in s
        size_t start = 0;
        while (true) {
            size_t bar = inner.find('|', start);
            std::string piece = inner.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
            size_t lead = piece.find_first_not_of(" \t");
            pieces.push_back({trim(piece), open + 2 + start + (lead == std::string::npos ? 0 : lead)});
            if (bar == std::string::npos) break;
            start = bar + 1;
        }
        const auto& [name, name_off] = pieces.front();
        if (name.empty()) throw core::Error(at(p, open), _("empty placeholder; expected a name such as {{ title }}"));
        Part part;
        std::string value;
        if (name == "page" || name == "pages") {
            if (!page_numbers)
                throw core::Error(at(p, name_off),
                                  core::trf("{{{{ {} }}}} has no value here; expected it in a header or footer slot", {name}),
                                  _("a letterhead line is printed once, above the title"));
            part.kind = name == "page" ? Part::Page : Part::Pages;
        } else if (auto it = vars.find(name); it != vars.end()) {
            value = it->second;
        } else {
            std::string hint = core::closest_match(name, names_of(vars));
            std::string known;
            for (const auto& n : names_of(vars))
                if (n.rfind("label.", 0) != 0) known += (known.empty() ? "" : ", ") + n;
            throw core::Error(at(p, name_off),
                              core::trf("unknown placeholder \"{}\"; expected one of {} or label.NAME", {name, known}),
                              core::did_you_mean(hint));
        }
        for (size_t i = 1; i < pieces.size(); ++i) {
            const auto& [filter, off] = pieces[i];
            if (filter == "upper") value = text::to_upper(value, lang);
            else if (filter == "lower") value = text::to_lower(value, lang);
            else if (filter == "date") {
                if (!value.empty()) {
                    int y = 0, m = 0, d = 0;
                    if (std::sscanf(value.c_str(), "%d-%d-%d", &y, &m, &d) != 3)
                        throw core::Error(at(p, off), core::trf("filter \"date\" needs a date; \"{}\" is not one; "
                                                                "expected a date such as meeting.date",
                                                                {name}));
                    value = text::format_date(y, m, d, lang);
                }
            } else {
                std::string hint = core::closest_match(filter, {"upper", "lower", "date"});
                throw core::Error(at(p, off), core::trf("unknown filter \"{}\"; expected upper, lower or date", {filter}),
                                  core::did_you_mean(hint));
            }
            if (part.kind != Part::Literal)
                throw core::Error(at(p, off), core::trf("\"{1}\" takes no filter; expected {{{{ {1} }}}} alone", {name}));
        }
        if (part.kind == Part::Literal) literal(value);
        else out.push_back(part);
        pos = close + 2;
    }
    return out;
}

}  // namespace briefmake::tmpl
