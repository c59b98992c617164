// Speed: a two-page brief lays out in a few milliseconds, and time grows linearly with length
// (pagination, line breaking and tables have no quadratic steps).
#include <time.h>

#include "layout_fixture.hpp"

using namespace layout_test;

namespace {

doc::Document brief(int sections) {
    auto d = make_document();
    for (int i = 0; i < sections; ++i) {
        d.blocks.push_back(heading(1 + i % 2, "Bölüm " + std::to_string(i + 1), "h-" + std::to_string(i + 1)));
        d.blocks.push_back(para(turkish_text(120 + (i * 31) % 90)));
        doc::List l{doc::ListKind::Bullet, "bullet", 0, 1, {}};
        l.items.push_back({"•", {para(turkish_text(30), "list")}});
        l.items.push_back({"•", {para(turkish_text(45), "list")}});
        d.blocks.push_back(doc::Block{l, {}});
    }
    return d;
}

// CPU time of this thread in milliseconds: wall time on a busy machine measures the machine.
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}

// Best of `n` runs (fonts already loaded after the first).
double best_ms(const doc::Document& d, fonts::FontSet& fs, int n, size_t* pages) {
    core::Context ctx;
    double best = 1e9;
    for (int i = 0; i < n; ++i) {
        double a = cpu_ms();
        auto l = layout::lay_out(d, fs, ctx);
        best = std::min(best, cpu_ms() - a);
        *pages = l.pages.size();
    }
    return best;
}

}  // namespace

TEST_CASE("a two-page brief lays out in milliseconds; a long one in proportion") {
    fonts::FontSet fs;
    size_t small_pages = 0, big_pages = 0;
    double small = best_ms(brief(4), fs, 7, &small_pages);
    double big = best_ms(brief(160), fs, 3, &big_pages);
    MESSAGE("2 pages: " << small << " ms; " << big_pages << " pages: " << big << " ms");
    CHECK(small_pages >= 2);
    CHECK(small_pages <= 3);
    CHECK(big_pages >= 60);
    CHECK(small < 10);
    // Linear: per page, the long document costs at most twice what the short one does.
    CHECK(big / double(big_pages) < 2 * small / double(small_pages) + 0.1);
}
