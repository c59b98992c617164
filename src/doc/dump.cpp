// A stable indented text form of the document tree, for golden tests and --dump-doc.
#include "doc/dump.hpp"

#include <sstream>

namespace briefmake::doc {
namespace {

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string inlines(const Inlines& in) {
    std::string out;
    for (const Span& s : in) {
        if (!out.empty()) out += ' ';
        if (s.line_break) {
            out += "<br>";
            continue;
        }
        std::string tag;
        if (s.flags & Bold) tag += 'b';
        if (s.flags & Italic) tag += 'i';
        if (!s.link.empty()) tag += "@" + s.link;
        out += tag.empty() ? quote(s.text) : tag + ":" + quote(s.text);
    }
    return out;
}

std::string parts(const SlotText& t) {
    std::string out;
    for (const auto& p : t) {
        if (p.kind == tmpl::Part::Page) out += "{page}";
        else if (p.kind == tmpl::Part::Pages) out += "{pages}";
        else out += p.text;
    }
    return quote(out);
}

const char* kind_name(spec::FigureKind k) {
    switch (k) {
    case spec::FigureKind::Table: return "table";
    case spec::FigureKind::Bar: return "bar";
    case spec::FigureKind::Line: return "line";
    case spec::FigureKind::Pie: return "pie";
    }
    return "?";
}

void block(std::ostringstream& o, const Block& b, int indent);

void blocks(std::ostringstream& o, const std::vector<Block>& bs, int indent) {
    for (const auto& b : bs) block(o, b, indent);
}

void table(std::ostringstream& o, const Table& t, int indent) {
    std::string pad(indent * 2, ' ');
    o << pad << "table style=" << t.style << " header_rows=" << t.header_rows << " widths=";
    for (size_t i = 0; i < t.widths.size(); ++i) o << (i ? "," : "") << t.widths[i];
    o << "\n";
    for (const auto& row : t.rows) {
        o << pad << "  row";
        for (const auto& c : row) o << " | " << (c.numeric ? "#" : "") << inlines(c.content);
        o << "\n";
    }
}

void block(std::ostringstream& o, const Block& b, int indent) {
    std::string pad(indent * 2, ' ');
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
                o << pad << "para " << v.style << ": " << inlines(v.content) << "\n";
            } else if constexpr (std::is_same_v<T, Heading>) {
                o << pad << "heading " << v.level << " #" << v.anchor << ": " << inlines(v.content) << "\n";
            } else if constexpr (std::is_same_v<T, List>) {
                o << pad << "list " << v.style << " level=" << v.level << "\n";
                for (const auto& item : v.items) {
                    o << pad << "  item " << quote(item.label) << "\n";
                    blocks(o, item.blocks, indent + 2);
                }
            } else if constexpr (std::is_same_v<T, Table>) {
                table(o, v, indent);
            } else if constexpr (std::is_same_v<T, Figure>) {
                o << pad << "figure " << v.id << " " << kind_name(v.kind) << " " << quote(v.label) << "\n";
                o << pad << "  caption: " << inlines(v.caption) << "\n";
                if (v.table) table(o, *v.table, indent + 1);
                if (v.chart) {
                    o << pad << "  chart axis=" << quote(v.chart->value_axis_title) << " decimals=" << v.chart->decimals << "\n";
                    o << pad << "    categories:";
                    for (const auto& c : v.chart->categories) o << " " << quote(c);
                    o << "\n";
                    for (const auto& s : v.chart->series) {
                        o << pad << "    series " << quote(s.name) << ":";
                        for (const auto& l : s.labels) o << " " << l;
                        o << "\n";
                    }
                    if (!v.chart->shares.empty()) {
                        o << pad << "    shares:";
                        for (const auto& sh : v.chart->shares) o << " " << sh;
                        o << "\n";
                    }
                }
                if (!v.source.empty()) o << pad << "  source: " << inlines(v.source) << "\n";
                if (!v.note.empty()) o << pad << "  note: " << inlines(v.note) << "\n";
            } else if constexpr (std::is_same_v<T, Toc>) {
                o << pad << "toc " << quote(v.title) << "\n";
            }
        },
        b.v);
}

}  // namespace

std::string dump(const Document& d) {
    std::ostringstream o;
    o << "meta title=" << quote(d.meta.title) << " subtitle=" << quote(d.meta.subtitle)
      << " author=" << quote(d.meta.author) << " locale=" << d.meta.locale
      << " classification=" << quote(d.meta.classification) << " reference=" << quote(d.meta.reference)
      << " date_epoch=" << d.meta.date_epoch << "\n";
    o << "template " << d.tmpl.name << "\n";
    o << "header " << parts(d.header.left) << " " << parts(d.header.center) << " " << parts(d.header.right) << "\n";
    o << "footer " << parts(d.footer.left) << " " << parts(d.footer.center) << " " << parts(d.footer.right) << "\n";
    blocks(o, d.blocks, 0);
    return o.str();
}

}  // namespace briefmake::doc
