// Line breaking over Knuth-Plass pieces: total fit (justified text) and first fit (ragged text,
// huge paragraphs, and the fallback when total fit finds no feasible breaks).
#include <cmath>
#include <limits>

#include "layout/internal.hpp"

namespace briefmake::layout::detail {

namespace {

constexpr double kLinePenalty = 10;
constexpr double kDoubleHyphenDemerits = 3000;
constexpr double kAdjDemerits = 3000;
constexpr int kMaxHyphenRun = 2;  // at most two hyphenated lines in a row
constexpr double kEps = 1e-6;

bool is_forced(const Piece& p) { return p.kind == Piece::Penalty && p.penalty <= -kInf; }

// The first piece of the line that follows a break at `b`: glue and optional penalties after a
// break are discarded.
size_t line_start_after(const std::vector<Piece>& p, size_t b) {
    size_t j = b + 1;
    while (j < p.size() && p[j].kind != Piece::Box && !is_forced(p[j])) ++j;
    return j;
}

}  // namespace

std::optional<std::vector<size_t>> total_fit(const std::vector<Piece>& p, const Measure& m, double tolerance,
                                             bool hyphenate) {
    const size_t n = p.size();
    // Prefix sums over [0, i).
    std::vector<double> W(n + 1), Y(n + 1), Z(n + 1);
    std::vector<int> F(n + 1);
    for (size_t i = 0; i < n; ++i) {
        W[i + 1] = W[i], Y[i + 1] = Y[i], Z[i + 1] = Z[i], F[i + 1] = F[i];
        if (p[i].kind == Piece::Box) {
            W[i + 1] += p[i].width;
        } else if (p[i].kind == Piece::Glue) {
            W[i + 1] += p[i].width;
            Y[i + 1] += p[i].stretch;
            Z[i + 1] += p[i].shrink;
            F[i + 1] += p[i].fill ? 1 : 0;
        }
    }

    struct Node {
        size_t pos;   // the break piece (n for the start)
        size_t start; // first piece of the following line
        size_t line;  // number of lines before the break
        int fitness;
        int hyph;     // hyphenated lines ending here in a row
        double demerits;
        int prev;
    };
    std::vector<Node> nodes;
    nodes.reserve(n / 4 + 8);
    size_t first = 0;
    while (first < n && p[first].kind != Piece::Box && !is_forced(p[first])) ++first;
    nodes.push_back({n, first, 0, 1, 0, 0, -1});
    std::vector<int> active{0}, next_active;

    struct Cand {
        double demerits = std::numeric_limits<double>::infinity();
        int prev = -1;
    };
    for (size_t b = first; b < n; ++b) {
        const Piece& q = p[b];
        bool legal = (q.kind == Piece::Glue && b > 0 && p[b - 1].kind == Piece::Box) ||
                     (q.kind == Piece::Penalty && q.penalty < kInf && (hyphenate || !(q.flagged && q.width > 0)));
        if (!legal) continue;
        bool forced = is_forced(q);
        Cand best[4][kMaxHyphenRun + 1];
        next_active.clear();
        for (int ai : active) {
            const Node& a = nodes[size_t(ai)];
            if (a.start > b) {  // the break is inside the discarded run after `a`
                next_active.push_back(ai);
                continue;
            }
            double width = W[b] - W[a.start] + (q.kind == Piece::Penalty ? q.width : 0);
            double measure = m.at(a.line);
            double r;
            if (width < measure - kEps) {
                if (F[b] - F[a.start] > 0)
                    r = 0;
                else {
                    double st = Y[b] - Y[a.start];
                    r = st > 0 ? (measure - width) / st : std::numeric_limits<double>::infinity();
                }
            } else if (width > measure + kEps) {
                double sh = Z[b] - Z[a.start];
                r = sh > 0 ? (measure - width) / sh : -std::numeric_limits<double>::infinity();
            } else {
                r = 0;
            }
            if (!(r < -1 || forced)) next_active.push_back(ai);
            if (r < -1 - kEps || r > tolerance) continue;
            bool flagged = q.kind == Piece::Penalty && q.flagged;
            int hyph = flagged ? a.hyph + 1 : 0;
            if (hyph > kMaxHyphenRun) continue;
            double bad = 100 * std::pow(std::fabs(r), 3);
            double d = (kLinePenalty + bad) * (kLinePenalty + bad);
            if (q.kind == Piece::Penalty) {
                if (q.penalty >= 0)
                    d += q.penalty * q.penalty;
                else if (!forced)
                    d -= q.penalty * q.penalty;
            }
            if (flagged && a.hyph > 0) d += kDoubleHyphenDemerits;
            int fit = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
            if (std::abs(fit - a.fitness) > 1) d += kAdjDemerits;
            d += a.demerits;
            Cand& c = best[fit][hyph];
            if (d < c.demerits) c = {d, ai};
        }
        active.swap(next_active);
        size_t start = line_start_after(p, b);
        for (int f = 0; f < 4; ++f)
            for (int h = 0; h <= kMaxHyphenRun; ++h)
                if (best[f][h].prev >= 0) {
                    const Node& a = nodes[size_t(best[f][h].prev)];
                    nodes.push_back({b, start, a.line + 1, f, h, best[f][h].demerits, best[f][h].prev});
                    active.push_back(int(nodes.size() - 1));
                }
        if (active.empty()) return std::nullopt;
    }

    // The best node at the final (forced) break.
    int best = -1;
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].pos == n - 1 && (best < 0 || nodes[i].demerits < nodes[size_t(best)].demerits)) best = int(i);
    if (best < 0) return std::nullopt;
    std::vector<size_t> out;
    for (int i = best; i > 0; i = nodes[size_t(i)].prev) out.push_back(nodes[size_t(i)].pos);
    return std::vector<size_t>(out.rbegin(), out.rend());
}

std::vector<size_t> first_fit(const std::vector<Piece>& p, const Measure& m) {
    std::vector<size_t> out;
    const size_t n = p.size();
    size_t i = 0;
    while (i < n && p[i].kind != Piece::Box && !is_forced(p[i])) ++i;
    size_t start = i;
    double w = 0;
    long last = -1;
    int hyph_run = 0;
    auto take = [&](size_t b) {
        out.push_back(b);
        hyph_run = p[b].kind == Piece::Penalty && p[b].flagged ? hyph_run + 1 : 0;
        i = start = line_start_after(p, b);
        w = 0;
        last = -1;
    };
    while (i < n) {
        const Piece& q = p[i];
        double measure = m.at(out.size());
        if (q.kind == Piece::Box) {
            if (w + q.width > measure + kEps && last >= 0) {
                take(size_t(last));
                continue;
            }
            w += q.width;
        } else if (q.kind == Piece::Glue) {
            if (i > start && p[i - 1].kind == Piece::Box) last = long(i);
            w += q.width;
        } else if (is_forced(q)) {
            take(i);
            continue;
        } else if (q.penalty < kInf && w + q.width <= measure + kEps && !(q.flagged && hyph_run >= kMaxHyphenRun)) {
            last = long(i);
        }
        ++i;
    }
    return out;
}

}  // namespace briefmake::layout::detail
