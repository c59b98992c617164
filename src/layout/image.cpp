// The template's logo: centred above the first block of page 1, at `logo_width` points wide
// (or its natural size at 72 dpi), never wider than the text. Only the header of the file is
// read here, for its pixel size; the PDF writer decodes and validates the image itself.
#include <algorithm>
#include <cstdint>

#include "core/image.hpp"
#include "core/i18n.hpp"
#include "layout/internal.hpp"

namespace briefmake::layout::detail {

std::optional<VBox> logo_box(Engine& e) {
    if (!e.t.logo) return std::nullopt;
    SourceLoc loc{e.t.file.string(), 0, 0};
    std::string bytes;
    try {
        bytes = core::read_file(*e.t.logo);
    } catch (const core::Error& err) {
        e.ctx.warn(loc, core::trf("logo not drawn: {}", {err.what()}));
        return std::nullopt;
    }
    auto size = core::image_size(bytes);
    if (!size || size->first <= 0 || size->second <= 0) {
        e.ctx.warn(loc, core::trf("logo not drawn: {} is not a PNG or JPEG image", {e.t.logo->string()}),
                   _("use a PNG or JPEG file"));
        return std::nullopt;
    }
    double w = e.t.logo_width > 0 ? e.t.logo_width : double(size->first);
    w = std::min(w, e.width);
    double h = w * double(size->second) / double(size->first);
    VBox b;
    b.height = h;
    b.items.push_back(Image{e.left + (e.width - w) / 2, 0, w, h, *e.t.logo});
    return b;
}

}  // namespace briefmake::layout::detail
