// The cost of editions on a long brief (issue 15's benchmark): renders the previous edition,
// then the new one with and without comparing (median of 9, in one process, fonts warm), and
// times the comparison alone (canonical form, reading the stored one back, the diff, the marks
// and the box). bench/run builds it (target bench_editions) and runs it on the 100-page brief
// and its next edition (bench/gen.py --next-edition):
//
//   bench_editions PREVIOUS.yaml NEW.yaml      (BRIEFMAKE_RESOURCES: the repository)
#include <chrono>
#include <cstdio>
#include <algorithm>
#include "render/render.hpp"
#include "doc/edition.hpp"
#include "doc/merge.hpp"
#include "spec/reader.hpp"
#include "tmpl/template.hpp"
#include "core/context.hpp"
using namespace briefmake;
using clk = std::chrono::steady_clock;
static double ms(clk::time_point a, clk::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }
int main(int, char** argv) {
    core::Context ctx;
    ctx.resource_dir = core::find_resource_dir();
    fonts::FontSet fonts;
    render::Request req;
    req.brief = argv[1];  // previous edition
    auto r0 = render::render(req, fonts, ctx);
    req.brief = argv[2];  // new edition
    std::vector<double> on, off, cmp;
    for (int i = 0; i < 9; ++i) {
        render::Request a = req; a.changes = false;
        auto t0 = clk::now(); auto x = render::render(a, fonts, ctx); auto t1 = clk::now();
        render::Request b = req; b.previous_edition = r0.edition;
        auto t2 = clk::now(); auto y = render::render(b, fonts, ctx); auto t3 = clk::now();
        off.push_back(ms(t0, t1)); on.push_back(ms(t2, t3));
        if (i == 0) std::printf("changes listed: %zu lines, edition form %zu bytes\n", y.changes.size(), y.edition.size());
        // The comparison alone: canonical form of the new document, parse of the stored one, diff and marks.
        spec::Brief br = spec::read_brief(req.brief, ctx);
        auto t = tmpl::load_template(br.template_name, req.brief.parent_path(), br.template_loc, ctx);
        doc::Document d = doc::merge(br, t, ctx);
        auto c0 = clk::now();
        std::string canon = doc::canonical(doc::edition_of(d));
        auto prev = doc::parse_edition(r0.edition);
        auto ch = doc::mark_changes(d, *prev);
        doc::add_changes_box(d, ch, prev->date_epoch);
        auto c1 = clk::now();
        cmp.push_back(ms(c0, c1));
    }
    auto med = [](std::vector<double> v) { std::sort(v.begin(), v.end()); return v[v.size() / 2]; };
    std::printf("render --changes off: median %.1f ms\nrender with changes: median %.1f ms\ncomparison alone: median %.2f ms (ratio %.4f of the render)\n",
                med(off), med(on), med(cmp), med(cmp) / med(off));
}
