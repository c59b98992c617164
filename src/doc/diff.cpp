#include "doc/diff.hpp"

#include <algorithm>

namespace briefmake::doc {

uint64_t hash_text(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::vector<std::string_view> word_tokens(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        while (j < s.size() && s[j] == ' ') ++j;
        out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<Edit> diff(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, size_t max_d) {
    std::vector<Edit> out;
    // The common head and tail cost nothing to find and are most of an edition.
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    for (size_t i = 0; i < head; ++i) out.push_back({EditKind::Equal, i, i});
    const long n = long(a.size() - head - tail), m = long(b.size() - head - tail);
    auto A = [&](long i) { return a[head + size_t(i)]; };
    auto B = [&](long j) { return b[head + size_t(j)]; };

    std::vector<Edit> middle;
    if (n == 0 || m == 0) {
        for (long i = 0; i < n; ++i) middle.push_back({EditKind::Delete, head + size_t(i), head});
        for (long j = 0; j < m; ++j) middle.push_back({EditKind::Insert, head + size_t(n), head + size_t(j)});
    } else {
        // Forward Myers keeping each round's frontier, then walking back through them.
        const long max = std::min<long>(n + m, long(max_d));
        const long off = max + 1;
        std::vector<long> v(size_t(2 * max + 3), -1);
        v[size_t(off + 1)] = 0;
        std::vector<std::vector<long>> trace;
        long found = -1;
        for (long d = 0; d <= max && found < 0; ++d) {
            trace.emplace_back(v.begin() + (off - d - 1), v.begin() + (off + d + 2));
            for (long k = -d; k <= d; k += 2) {
                long x = (k == -d || (k != d && v[size_t(off + k - 1)] < v[size_t(off + k + 1)])) ? v[size_t(off + k + 1)]
                                                                                                   : v[size_t(off + k - 1)] + 1;
                long y = x - k;
                while (x < n && y < m && A(x) == B(y)) ++x, ++y;
                v[size_t(off + k)] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            for (long i = 0; i < n; ++i) middle.push_back({EditKind::Delete, head + size_t(i), head});
            for (long j = 0; j < m; ++j) middle.push_back({EditKind::Insert, head + size_t(n), head + size_t(j)});
        } else {
            long x = n, y = m;
            for (long d = found; d > 0; --d) {
                const std::vector<long>& pv = trace[size_t(d)];  // frontier before round d: indices k in [-d-1, d+1]
                auto at = [&](long k) { return pv[size_t(k + d + 1)]; };
                long k = x - y;
                long pk = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
                long px = at(pk), py = px - pk;
                while (x > px && y > py) {
                    --x, --y;
                    middle.push_back({EditKind::Equal, head + size_t(x), head + size_t(y)});
                }
                if (pk == k + 1) {
                    --y;
                    middle.push_back({EditKind::Insert, head + size_t(x), head + size_t(y)});
                } else {
                    --x;
                    middle.push_back({EditKind::Delete, head + size_t(x), head + size_t(y)});
                }
            }
            while (x > 0 && y > 0) {
                --x, --y;
                middle.push_back({EditKind::Equal, head + size_t(x), head + size_t(y)});
            }
            std::reverse(middle.begin(), middle.end());
            // Deletions before insertions within each run of changes.
            for (size_t i = 0; i < middle.size();) {
                if (middle[i].kind == EditKind::Equal) { ++i; continue; }
                size_t j = i;
                while (j < middle.size() && middle[j].kind != EditKind::Equal) ++j;
                std::stable_partition(middle.begin() + long(i), middle.begin() + long(j),
                                      [](const Edit& e) { return e.kind == EditKind::Delete; });
                i = j;
            }
        }
    }
    out.insert(out.end(), middle.begin(), middle.end());
    for (size_t i = 0; i < tail; ++i)
        out.push_back({EditKind::Equal, a.size() - tail + i, b.size() - tail + i});
    return out;
}

}  // namespace briefmake::doc
