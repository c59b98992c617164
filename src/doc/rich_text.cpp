// Rich text: the CommonMark subset of docs/brief-format.md, parsed with cmark (the only cmark user).
// Supported: paragraphs, **strong**, *emphasis*, [links](…), bullet and numbered lists, hard
// breaks. Anything else is kept as literal text (its source lines), never dropped.
#include <cmark.h>

#include <memory>
#include <sstream>

#include "doc/merge.hpp"

namespace briefmake::doc {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(s);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

bool safe_link(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 || url.rfind("mailto:", 0) == 0;
}

class Walker {
public:
    Walker(const spec::RichText& rt, std::string base_style)
        : rt_(rt), lines_(split_lines(rt.markdown)), base_style_(std::move(base_style)) {}

    std::vector<Block> blocks(cmark_node* parent, int list_level) {
        std::vector<Block> out;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH: {
                Paragraph p{base_style_, {}};
                inlines(n, 0, "", p.content);
                out.push_back({std::move(p), loc(n)});
                break;
            }
            case CMARK_NODE_LIST: out.push_back({list(n, list_level), loc(n)}); break;
            default: out.push_back({literal_block(n), loc(n)}); break;
            }
        }
        return out;
    }

    // Inline content of a node, appended to `out` with the given flags and link.
    void inlines(cmark_node* parent, uint8_t flags, const std::string& link, Inlines& out) {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT: add_text(out, cmark_node_get_literal(n), flags, link); break;
            case CMARK_NODE_SOFTBREAK: add_text(out, " ", flags, link); break;
            case CMARK_NODE_LINEBREAK: out.push_back(Span{"", flags, link, true}); break;
            case CMARK_NODE_STRONG: inlines(n, flags | Bold, link, out); break;
            case CMARK_NODE_EMPH: inlines(n, flags | Italic, link, out); break;
            case CMARK_NODE_LINK: {
                std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                if (safe_link(url)) {
                    inlines(n, flags, url, out);
                } else {  // not a web or mail address: keep what was written
                    add_text(out, "[", flags, link);
                    inlines(n, flags, link, out);
                    add_text(out, "](" + url + ")", flags, link);
                }
                break;
            }
            case CMARK_NODE_CODE: add_text(out, std::string("`") + cmark_node_get_literal(n) + "`", flags, link); break;
            case CMARK_NODE_HTML_INLINE: add_text(out, cmark_node_get_literal(n), flags, link); break;
            case CMARK_NODE_IMAGE: {
                add_text(out, "![", flags, link);
                inlines(n, flags, link, out);
                add_text(out, std::string("](") + (cmark_node_get_url(n) ? cmark_node_get_url(n) : "") + ")", flags, link);
                break;
            }
            default: inlines(n, flags, link, out); break;
            }
        }
    }

private:
    SourceLoc loc(cmark_node* n) const {
        SourceLoc l = rt_.loc;
        int line = cmark_node_get_start_line(n);
        if (line > 1 && l.line > 0) {
            // Block scalars start on the line after the key; plain scalars continue on later lines.
            l.line += line - 1;
            l.column = 0;
        }
        return l;
    }

    static void add_text(Inlines& out, const std::string& text, uint8_t flags, const std::string& link) {
        if (text.empty()) return;
        if (!out.empty() && !out.back().line_break && out.back().flags == flags && out.back().link == link) {
            out.back().text += text;
        } else {
            out.push_back(Span{text, flags, link, false});
        }
    }

    List list(cmark_node* n, int level) {
        List l;
        bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        l.kind = ordered ? ListKind::Ordered : ListKind::Bullet;
        l.style = ordered ? "numbered" : "bullet";
        l.level = level;
        l.start = ordered ? cmark_node_get_list_start(n) : 1;
        int number = l.start;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            ListItem li;
            li.label = ordered ? std::to_string(number++) + "." : "•";
            std::string saved = base_style_;
            base_style_ = "list";
            li.blocks = blocks(item, level + 1);
            base_style_ = saved;
            l.items.push_back(std::move(li));
        }
        return l;
    }

    // An unsupported block (heading, quote, code, HTML, rule): its source lines, as written.
    Paragraph literal_block(cmark_node* n) const {
        Paragraph p{base_style_, {}};
        int first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
        for (int i = first; i <= last && i >= 1 && i <= static_cast<int>(lines_.size()); ++i) {
            if (i > first) p.content.push_back(Span{"", 0, "", true});
            if (!lines_[i - 1].empty()) p.content.push_back(Span{lines_[i - 1], 0, "", false});
        }
        return p;
    }

    const spec::RichText& rt_;
    std::vector<std::string> lines_;
    std::string base_style_;
};

std::unique_ptr<cmark_node, NodeDeleter> parse(const std::string& md) {
    return std::unique_ptr<cmark_node, NodeDeleter>(
        cmark_parse_document(md.data(), md.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
}

}  // namespace

std::vector<Block> parse_rich_text(const spec::RichText& rt, const std::string& base_style, int list_level) {
    auto root = parse(rt.markdown);
    Walker w(rt, base_style);
    return w.blocks(root.get(), list_level);
}

}  // namespace briefmake::doc
