#include "doc/typography.hpp"

#include "core/utf8.hpp"

namespace briefmake::doc {

namespace {

bool is_space(char32_t c) { return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F; }

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters and digits: what an apostrophe follows and a closing quote ends.
bool is_word(char32_t c) {
    if (c < 0x80) return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (c == 0xAB || c == 0xBB || c == 0xD7 || c == 0xF7) return false;
    return (c >= 0xC0 && c < 0x2000) || (c >= 0x2C00 && c < 0xFE00 && !(c >= 0x3000 && c <= 0x303F));
}

bool opens_before(char32_t c) {  // after these a quote opens
    return is_space(c) || c == '(' || c == '[' || c == '{' || c == '/' || c == '-' || c == 0x2013 || c == 0x2014 ||
           c == 0x201C || c == 0x2018 || c == 0xAB;
}

bool guillemets(const std::string& lang) { return lang == "ru" || lang == "kk"; }

// The whitespace-delimited token of s around byte i.
std::string_view token_at(std::string_view s, size_t i) {
    size_t a = i, b = i;
    while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\n' && s[a - 1] != '\t') --a;
    while (b < s.size() && s[b] != ' ' && s[b] != '\n' && s[b] != '\t') ++b;
    return s.substr(a, b - a);
}

bool looks_like_address(std::string_view tok) {
    return tok.find("://") != std::string_view::npos || tok.find('@') != std::string_view::npos ||
           tok.starts_with("www.");
}

// "2019-2025", "(12-13)," : digits, one hyphen, digits, with only brackets and punctuation
// around them.
bool number_range(std::string_view tok) {
    size_t a = 0, b = tok.size();
    auto trim = [](char c) { return c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == ';' || c == '.' || c == ':'; };
    while (a < b && trim(tok[a])) ++a;
    while (b > a && trim(tok[b - 1])) --b;
    tok = tok.substr(a, b - a);
    size_t dash = tok.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 >= tok.size()) return false;
    for (size_t k = 0; k < tok.size(); ++k)
        if (k != dash && !is_digit(static_cast<unsigned char>(tok[k]))) return false;
    return true;
}

}  // namespace

std::string typeset_text(std::string_view s, QuoteState& st) {
    std::string out;
    out.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size();) {
        const size_t at = i;
        const char32_t c = core::next_code_point(s, i);
        char32_t next = 0;
        if (i < s.size()) {
            size_t j = i;
            next = core::next_code_point(s, j);
        }
        char32_t put = c;
        if (c == '`') {
            st.in_code = !st.in_code;
        } else if (!st.in_code && (c == '\'' || c == '"' || c == '-') && !looks_like_address(token_at(s, at))) {
            if (c == '\'') {
                if (is_word(st.prev)) put = 0x2019;                                  // Grubu’nun
                else if (opens_before(st.prev) && is_word(next)) put = 0x2018;       // ‘…
                else put = 0x2019;
            } else if (c == '"') {
                // At the end of a piece the next one (bold, a link) may hold the quoted words.
                bool open = opens_before(st.prev) && (i == s.size() || !is_space(next));
                if (guillemets(st.lang)) put = open ? 0xAB : 0xBB;
                else put = open ? 0x201C : 0x201D;
            } else if (is_digit(st.prev) && is_digit(next) && number_range(token_at(s, at))) {
                put = 0x2013;  // 2019–2025
            }
        }
        if (put == c) out.append(s.substr(at, i - at));
        else core::append_utf8(out, put);
        st.prev = c;
    }
    return out;
}

namespace {

struct Pass {
    std::string lang;

    void inlines(Inlines& in) {
        QuoteState st{0, false, lang};
        for (Span& sp : in) {
            if (sp.line_break) {
                st.prev = ' ';
                continue;
            }
            sp.text = typeset_text(sp.text, st);
        }
    }
    void text(std::string& s) {
        QuoteState st{0, false, lang};
        s = typeset_text(s, st);
    }
    void table(Table& t) {
        for (auto& row : t.rows)
            for (auto& cell : row) inlines(cell.content);
    }
    void blocks(std::vector<Block>& bs) {
        for (Block& b : bs) {
            if (auto* p = std::get_if<Paragraph>(&b.v)) inlines(p->content);
            else if (auto* h = std::get_if<Heading>(&b.v)) inlines(h->content);
            else if (auto* l = std::get_if<List>(&b.v))
                for (auto& item : l->items) blocks(item.blocks);
            else if (auto* t = std::get_if<Table>(&b.v)) table(*t);
            else if (auto* f = std::get_if<Figure>(&b.v)) {
                inlines(f->caption);
                inlines(f->source);
                inlines(f->note);
                if (f->table) table(*f->table);
                if (f->chart) {
                    for (auto& c : f->chart->categories) text(c);
                    for (auto& s : f->chart->series) text(s.name);
                    text(f->chart->value_axis_title);
                }
            } else if (auto* toc = std::get_if<Toc>(&b.v)) text(toc->title);
        }
    }
};

}  // namespace

void typeset_punctuation(Document& d) {
    Pass pass{d.meta.language};
    pass.text(d.meta.title);
    pass.text(d.meta.subtitle);
    pass.blocks(d.blocks);
}

}  // namespace briefmake::doc
