#include "doc/link_address.hpp"

#include <string_view>

#include "doc/edition.hpp"

namespace briefmake::doc {

namespace {

// The address as a reader would type it: a mail address without its "mailto:".
std::string shown_address(std::string_view uri) {
    constexpr std::string_view mailto = "mailto:";
    if (uri.substr(0, mailto.size()) == mailto) uri.remove_prefix(mailto.size());
    return std::string(uri);
}

// The address line for a paragraph: one line per link (in order, each address once), the
// link's words, a colon, then the address, itself a link. Empty when there is no external link.
Inlines address_line(const Inlines& content) {
    std::vector<std::pair<std::string, std::string>> links;  // (words, uri)
    for (size_t i = 0; i < content.size(); ++i) {
        const Span& s = content[i];
        if (s.link.empty() || s.link[0] == '#' || s.change == kDeleted) continue;
        if (i > 0 && content[i - 1].link == s.link) {
            if (!links.empty() && links.back().second == s.link) links.back().first += s.text;
            continue;
        }
        bool seen = false;
        for (const auto& l : links) seen = seen || l.second == s.link;
        if (!seen) links.emplace_back(s.text, s.link);
    }
    Inlines out;
    for (const auto& [words, uri] : links) {
        if (!out.empty()) out.push_back(Span{"", 0, {}, true});
        std::string w = words;
        while (!w.empty() && w.back() == ' ') w.pop_back();
        if (!w.empty()) out.push_back(Span{w + ": ", 0, {}, false});
        out.push_back(Span{shown_address(uri), 0, uri, false});
    }
    return out;
}

void add_to(std::vector<Block>& blocks, const std::string& style) {
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (auto* l = std::get_if<List>(&blocks[i].v)) {
            for (auto& item : l->items) add_to(item.blocks, style);
            continue;
        }
        const auto* p = std::get_if<Paragraph>(&blocks[i].v);
        if (!p) continue;
        Inlines line = address_line(p->content);
        if (line.empty()) continue;
        Block b{Paragraph{style, std::move(line)}, blocks[i].loc};
        blocks.insert(blocks.begin() + std::ptrdiff_t(i) + 1, std::move(b));
        ++i;  // past the new line
    }
}

}  // namespace

void add_link_addresses(Document& d) {
    if (!d.tmpl.link_address) return;
    add_to(d.blocks, d.tmpl.styles.count("link-address") ? "link-address" : "note");
}

}  // namespace briefmake::doc
