#include "docx/xml.hpp"

#include <cmath>

#include "text/text.hpp"

namespace briefmake::docx {

std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        size_t len = text::decode_utf8(s, i, cp);
        if (len == 0) {
            text::append_utf8(out, 0xFFFD);
            ++i;
            continue;
        }
        bool allowed = cp >= 0x20 ? (cp != 0xFFFE && cp != 0xFFFF) : (cp == '\t' || cp == '\n' || cp == '\r');
        if (allowed) out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

long twips(double pt) { return std::lround(pt * 20.0); }
long half_points(double pt) { return std::lround(pt * 2.0); }

std::string hex(const tmpl::Color& c) {
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    for (uint8_t v : {c.r, c.g, c.b}) {
        s += digits[v >> 4];
        s += digits[v & 15];
    }
    return s;
}

pugi::xml_node new_part(pugi::xml_document& doc, const char* root_name) {
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    return doc.append_child(root_name);
}

std::string to_string(const pugi::xml_document& doc) {
    struct Writer : pugi::xml_writer {
        std::string out;
        void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
    } w;
    doc.save(w, "", pugi::format_raw, pugi::encoding_utf8);
    return std::move(w.out);
}

pugi::xml_node el(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

pugi::xml_node el(pugi::xml_node parent, const char* name, const std::string& val) {
    auto n = parent.append_child(name);
    n.append_attribute("w:val") = val.c_str();
    return n;
}

void attr(pugi::xml_node n, const char* name, const std::string& value) {
    n.append_attribute(name) = value.c_str();
}

std::string Rels::add(const std::string& type, const std::string& target, bool external) {
    std::string id = "rId" + std::to_string(rels_.size() + 1);
    std::string full = type.find("://") != std::string::npos ? type : kRelBase + type;
    rels_.push_back({id, full, clean_text(target), external});
    return id;
}

std::string Rels::xml() const {
    pugi::xml_document doc;
    auto root = new_part(doc, "Relationships");
    attr(root, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
    for (const auto& r : rels_) {
        auto n = el(root, "Relationship");
        attr(n, "Id", r.id);
        attr(n, "Type", r.type);
        attr(n, "Target", r.target);
        if (r.external) attr(n, "TargetMode", "External");
    }
    return to_string(doc);
}

}  // namespace briefmake::docx
