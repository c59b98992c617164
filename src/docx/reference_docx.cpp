#include "docx/reference_docx.hpp"

#include <cstring>
#include <set>

#include "core/diag.hpp"
#include "core/i18n.hpp"
#include "docx/xml.hpp"

namespace briefmake::docx {

namespace {

std::string_view local(const char* name) {
    std::string_view s(name);
    auto colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

std::string image_type(const RefImage& im) {
    const std::string& b = im.bytes;
    if (b.compare(0, 4, "\x89PNG") == 0) return "image/png";
    if (b.compare(0, 2, "\xFF\xD8") == 0) return "image/jpeg";
    if (b.compare(0, 3, "GIF") == 0) return "image/gif";
    std::string ext = im.part.substr(im.part.rfind('.') + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "emf") return "image/x-emf";
    if (ext == "wmf") return "image/x-wmf";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "bmp") return "image/bmp";
    if (ext == "tif" || ext == "tiff") return "image/tiff";
    return "application/octet-stream";
}

}  // namespace

std::string merge_styles(const Reference& r, const std::string& ours) {
    pugi::xml_document ref, mine;
    if (!ref.load_buffer(r.styles_xml.data(), r.styles_xml.size()) ||
        !mine.load_buffer(ours.data(), ours.size()))
        throw core::Error({r.file.string(), 0, 0}, _("cannot merge the reference document's styles"));
    pugi::xml_node root = ref.document_element();
    std::set<std::string> ids;
    for (auto s : root.children()) {
        if (local(s.name()) != "style") continue;
        ids.insert(s.attribute("w:styleId").value());
        // Its numbering part is not carried over: a style's list numbers would name ours.
        for (auto ppr : s.children())
            if (local(ppr.name()) == "pPr")
                for (auto n = ppr.first_child(); n;) {
                    auto next = n.next_sibling();
                    if (local(n.name()) == "numPr") ppr.remove_child(n);
                    n = next;
                }
    }
    const RefStyle* normal = r.normal();
    const std::string normal_id = normal ? normal->id : "Normal";
    // The reference's own prefix for the main namespace is whatever it declared; our elements say
    // "w:", so make sure "w" means the main namespace on the root.
    if (!root.attribute("xmlns:w")) root.append_attribute("xmlns:w") = kNsW;
    for (auto s : mine.document_element().children("w:style")) {
        std::string id = s.attribute("w:styleId").value();
        if (ids.count(id)) continue;  // the reference's own style wins
        if (id == "Normal" && normal) continue;
        auto added = root.append_copy(s);
        if (auto b = added.child("w:basedOn"); b && std::string(b.attribute("w:val").value()) == "Normal")
            b.attribute("w:val").set_value(normal_id.c_str());
        if (auto n = added.child("w:next"); n && std::string(n.attribute("w:val").value()) == "Normal")
            n.attribute("w:val").set_value(normal_id.c_str());
        added.remove_attribute("w:default");
    }
    return to_string(ref);
}

std::vector<Part> reference_furniture(const RefFurniture& f, const std::string& name, bool header) {
    std::vector<Part> parts;
    const std::string stem = name.substr(0, name.rfind('.'));
    pugi::xml_document rels;
    auto root = new_part(rels, "Relationships");
    attr(root, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
    std::vector<Part> media;
    for (const auto& rel : f.rels) {
        std::string target;
        for (const auto& im : f.images) {
            if (im.rel_id == rel.id) {
                std::string base = im.part.substr(im.part.rfind('/') + 1);
                target = "media/ref-" + stem + "-" + base;
                media.push_back({"word/" + target, image_type(im), im.bytes});
            }
        }
        if (target.empty()) continue;  // only images are carried: nothing else of the reference is taken
        auto n = el(root, "Relationship");
        attr(n, "Id", clean_text(rel.id));
        attr(n, "Type", clean_text(rel.type));
        attr(n, "Target", target);
    }
    parts.push_back({"word/" + name,
                     std::string("application/vnd.openxmlformats-officedocument.wordprocessingml.") +
                         (header ? "header" : "footer") + "+xml",
                     f.xml});
    parts.push_back({"word/_rels/" + name + ".rels", "", to_string(rels)});
    for (auto& m : media) parts.push_back(std::move(m));
    return parts;
}

}  // namespace briefmake::docx
