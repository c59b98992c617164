#include "cli/dump_layout.hpp"

#include <fstream>
#include <vector>

#include "core/context.hpp"
#include "core/diag.hpp"
#include "core/i18n.hpp"
#include "fonts/font.hpp"
#include "render/render.hpp"

namespace fs = std::filesystem;

namespace briefmake::cli {

int dump_layouts(const batch::Options& opt, const fs::path& file, std::ostream& err) {
    core::Context ctx;  // no warning sink: the render that follows reports them
    for (const auto& p : opt.allow_paths) ctx.allowed_roots.push_back(fs::weakly_canonical(p));
    std::vector<fs::path> briefs;
    for (const auto& in : opt.inputs)
        if (fs::is_regular_file(in)) briefs.emplace_back(in);
    fonts::FontSet fonts;
    std::string out;
    try {
        ctx.source_date_epoch = core::source_date_epoch_from_env();
        ctx.resource_dir = core::find_resource_dir();
        for (const fs::path& b : briefs) {
            render::Request req;
            req.brief = b;
            req.template_override = opt.template_override;
            if (opt.reference_doc) req.reference_doc = fs::absolute(*opt.reference_doc);
            req.check_only = true;  // the pipeline up to the layout; the run that follows writes
            req.dump_layout = true;
            batch::editions_for(opt, batch::output_dir_for(opt, b), b.stem().string(), req);
            const render::Result r = render::render(req, fonts, ctx);
            if (briefs.size() > 1) out += "brief " + b.string() + "\n";
            out += r.layout_dump;
        }
    } catch (const core::Error& e) {
        err << "briefmake: --dump-layout: " << e.what() << "\n";
        return 1;
    }
    std::ofstream f(file, std::ios::binary);
    f << out;
    if (!f.flush()) {
        err << "briefmake: --dump-layout: " << core::trf("cannot write {}", {file.string()}) << "\n";
        return 1;
    }
    return 0;
}

}  // namespace briefmake::cli
