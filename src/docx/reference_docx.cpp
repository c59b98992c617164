#include "docx/reference_docx.hpp"

#include <cstring>
#include <set>

#include "core/diag.hpp"
#include "core/i18n.hpp"
#include "docx/styles.hpp"
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

// The reference's header (footer) part with its first paragraph that has text (words or a
// field) replaced by our first paragraph: the slots, theirs and the template's, as the PDF has
// them. Its other paragraphs (the logo's) stay.
std::string beside(const RefFurniture& f, const std::string& ours, const std::string& name) {
    pugi::xml_document theirs, mine;
    if (!theirs.load_buffer(f.xml.data(), f.xml.size(), pugi::parse_default | pugi::parse_ws_pcdata) ||
        !mine.load_buffer(ours.data(), ours.size(), pugi::parse_default | pugi::parse_ws_pcdata))
        throw core::Error({name, 0, 0}, _("cannot merge the reference document's header with the template's"));
    pugi::xml_node root = theirs.document_element(), p;
    if (!root.attribute("xmlns:w")) root.append_attribute("xmlns:w") = kNsW;
    auto has_text = [](pugi::xml_node n) {
        return bool(n.find_node([](pugi::xml_node x) {
            std::string_view l = local(x.name());
            return l == "instrText" || l == "fldSimple" ||
                   (l == "t" && std::string(x.text().get()).find_first_not_of(' ') != std::string::npos);
        }));
    };
    for (auto c : root.children())
        if (local(c.name()) == "p" && has_text(c)) {
            p = c;
            break;
        }
    pugi::xml_node mp = mine.document_element().child("w:p");
    if (!mp) return f.xml;
    // The reference's header has no rule of ours under it (as in the PDF).
    if (auto ppr = mp.child("w:pPr")) ppr.remove_child("w:pBdr");
    if (p) {
        root.insert_copy_before(mp, p);
        root.remove_child(p);
    } else {
        root.prepend_copy(mp);
    }
    return to_string(theirs);
}

// Our tables take the reference's table style (Reference::table_style). What it does not say,
// the template does, as in the PDF: its stripes when it has none, its rules when it names none.
void fill_table_style(const Reference& r, pugi::xml_node root, pugi::xml_node ours) {
    const RefStyle* ts = r.table_style();
    if (!ts) return;
    pugi::xml_node theirs, brief;
    for (auto s : root.children())
        if (local(s.name()) == "style" && ts->id == s.attribute("w:styleId").value()) theirs = s;
    for (auto s : ours.children("w:style"))
        if (std::string(s.attribute("w:styleId").value()) == kTableStyle) brief = s;
    if (!theirs || !brief) return;
    auto tbl_pr = [](pugi::xml_node s) {
        for (auto c : s.children())
            if (local(c.name()) == "tblPr") return c;
        return pugi::xml_node();
    };
    pugi::xml_node their_pr = tbl_pr(theirs);
    if (!ts->border_color) {
        bool has_borders = false;
        for (auto c : their_pr.children()) has_borders = has_borders || local(c.name()) == "tblBorders";
        if (!has_borders && their_pr)
            if (auto b = brief.child("w:tblPr").child("w:tblBorders")) {
                // After the elements CT_TblPrBase puts before tblBorders.
                pugi::xml_node after;
                for (auto c : their_pr.children()) {
                    std::string_view n = local(c.name());
                    if (n == "tblStyle" || n == "tblpPr" || n == "tblOverlap" || n == "bidiVisual" || n == "tblStyleRowBandSize" ||
                        n == "tblStyleColBandSize" || n == "tblW" || n == "jc" || n == "tblCellSpacing" || n == "tblInd")
                        after = c;
                }
                if (after) their_pr.insert_copy_after(b, after);
                else their_pr.prepend_copy(b);
            }
    }
    if (!ts->band_fill)
        for (auto c : brief.children("w:tblStylePr"))
            if (std::string(c.attribute("w:type").value()) == "band2Horz") theirs.append_copy(c);
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
    fill_table_style(r, root, mine.document_element());
    return to_string(ref);
}

std::vector<Part> reference_furniture(const RefFurniture& f, const std::string& name, bool header,
                                      const std::string& ours) {
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
                     ours.empty() ? f.xml : beside(f, ours, name)});
    parts.push_back({"word/_rels/" + name + ".rels", "", to_string(rels)});
    for (auto& m : media) parts.push_back(std::move(m));
    return parts;
}

}  // namespace briefmake::docx
