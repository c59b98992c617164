#include "docx/image.hpp"

#include <algorithm>
#include <cmath>

#include "core/image.hpp"
#include "docx/chart.hpp"
#include "docx/xml.hpp"

namespace briefmake::docx {
namespace {

constexpr const char* kNsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr long kEmuPerPoint = 12700;

}  // namespace

void add_logo(pugi::xml_node body, State& s) {
    const tmpl::Template& t = s.d.tmpl;
    if (!t.logo) return;
    std::string bytes = core::read_file(*t.logo);
    auto size = core::image_size(bytes);
    if (!size || size->first <= 0 || size->second <= 0) {
        // The layout has warned already; the PDF writer rejects a broken image with an error.
        return;
    }
    bool png = bytes.compare(0, 4, "\x89PNG") == 0;
    double text_width_pt = s.text_width / 20.0;
    double w = std::min(t.logo_width > 0 ? t.logo_width : double(size->first), text_width_pt);
    double h = w * double(size->second) / double(size->first);
    long cx = std::lround(w * kEmuPerPoint), cy = std::lround(h * kEmuPerPoint);

    std::string name = std::string("media/logo.") + (png ? "png" : "jpeg");
    s.parts.push_back({"word/" + name, png ? "image/png" : "image/jpeg", std::move(bytes)});
    std::string rid = s.rels->add("image", name);

    auto p = body.prepend_child("w:p");
    auto ppr = el(p, "w:pPr");
    auto spacing = el(ppr, "w:spacing");
    attr(spacing, "w:before", "0");
    attr(spacing, "w:after", "0");
    attr(spacing, "w:line", "240");  // single: the line grows to the picture's height
    attr(spacing, "w:lineRule", "auto");
    el(ppr, "w:jc", "center");

    auto inl = el(el(el(p, "w:r"), "w:drawing"), "wp:inline");
    for (const char* d : {"distT", "distB", "distL", "distR"}) attr(inl, d, "0");
    auto extent = el(inl, "wp:extent");
    attr(extent, "cx", std::to_string(cx));
    attr(extent, "cy", std::to_string(cy));
    auto effect = el(inl, "wp:effectExtent");
    for (const char* e : {"l", "t", "r", "b"}) attr(effect, e, "0");
    long id = ++s.drawing_ids;
    auto pr = el(inl, "wp:docPr");
    attr(pr, "id", std::to_string(id));
    attr(pr, "name", "Logo");
    if (!s.d.meta.logo_alt.empty()) attr(pr, "descr", clean_text(s.d.meta.logo_alt));
    auto lock = el(el(inl, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks");
    attr(lock, "xmlns:a", kNsA);
    attr(lock, "noChangeAspect", "1");
    auto graphic = el(inl, "a:graphic");
    attr(graphic, "xmlns:a", kNsA);
    auto data = el(graphic, "a:graphicData");
    attr(data, "uri", kNsPic);
    auto pic = el(data, "pic:pic");
    attr(pic, "xmlns:pic", kNsPic);
    auto nv = el(pic, "pic:nvPicPr");
    auto cnv = el(nv, "pic:cNvPr");
    attr(cnv, "id", "0");
    attr(cnv, "name", "logo");
    el(nv, "pic:cNvPicPr");
    auto fill = el(pic, "pic:blipFill");
    attr(el(fill, "a:blip"), "r:embed", rid);
    el(el(fill, "a:stretch"), "a:fillRect");
    auto sp = el(pic, "pic:spPr");
    auto xfrm = el(sp, "a:xfrm");
    auto off = el(xfrm, "a:off");
    attr(off, "x", "0");
    attr(off, "y", "0");
    auto ext = el(xfrm, "a:ext");
    attr(ext, "cx", std::to_string(cx));
    attr(ext, "cy", std::to_string(cy));
    attr(el(sp, "a:prstGeom"), "prst", "rect");
}

}  // namespace briefmake::docx
