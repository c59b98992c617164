#include "deflate/deflate.hpp"

#include <libdeflate.h>

#include <array>
#include <atomic>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>

#include "core/diag.hpp"

namespace briefmake::deflate {

namespace {

struct FreeCompressor {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, FreeCompressor>;

libdeflate_compressor& compressor(int level) {
    if (level < 1 || level > 12) throw core::Error({}, "deflate: no compression level " + std::to_string(level));
    thread_local std::array<Compressor, 13> per_level;
    Compressor& c = per_level[size_t(level)];
    if (!c) {
        c.reset(libdeflate_alloc_compressor(level));
        if (!c) throw core::Error({}, "deflate: cannot make a compressor (out of memory)");
    }
    return *c;
}

void compress_fresh(Format format, std::string_view data, std::string& out, int level) {
    libdeflate_compressor& c = compressor(level);
    const bool zlib = format == Format::Zlib;
    const size_t bound = zlib ? libdeflate_zlib_compress_bound(&c, data.size())
                              : libdeflate_deflate_compress_bound(&c, data.size());
    // Compressed into a scratch buffer that is never cleared, then appended: growing `out` by the
    // bound first would zero-fill it (a std::string has no uninitialised resize before C++23).
    // The thread keeps up to 1 MiB of it; a larger stream's buffer is freed when done.
    constexpr size_t kKept = size_t(1) << 20;
    thread_local std::unique_ptr<char[]> kept;
    thread_local size_t kept_size = 0;
    std::unique_ptr<char[]> large;
    char* buf = nullptr;
    if (bound > kKept) {
        large.reset(new char[bound]);
        buf = large.get();
    } else {
        if (kept_size < bound) {
            kept.reset(new char[kKept]);
            kept_size = kKept;
        }
        buf = kept.get();
    }
    const size_t n = zlib ? libdeflate_zlib_compress(&c, data.data(), data.size(), buf, bound)
                          : libdeflate_deflate_compress(&c, data.data(), data.size(), buf, bound);
    // 0 means the output did not fit, which the bound rules out.
    if (n == 0) throw core::Error({}, "deflate: libdeflate's output exceeded its own bound");
    out.append(buf, n);
}

// remember_repeats: recent inputs and their outputs, oldest first.
struct Memo {
    struct Entry {
        Format format;
        int level;
        std::string in, out;
    };
    std::mutex mu;
    std::deque<Entry> entries;
    size_t bytes = 0;
    std::atomic<size_t> capacity{0};
};
Memo& memo() {
    static Memo m;
    return m;
}
constexpr size_t kMemoMin = 2 << 10, kMemoMax = 256 << 10;

bool recall(Format format, int level, std::string_view data, std::string& out) {
    Memo& m = memo();
    std::lock_guard lock(m.mu);
    for (const auto& e : m.entries)
        if (e.in.size() == data.size() && e.format == format && e.level == level &&
            std::memcmp(e.in.data(), data.data(), data.size()) == 0) {
            out += e.out;
            return true;
        }
    return false;
}

void remember(Format format, int level, std::string_view data, std::string_view compressed) {
    Memo& m = memo();
    std::lock_guard lock(m.mu);
    const size_t capacity = m.capacity.load();
    m.entries.push_back({format, level, std::string(data), std::string(compressed)});
    m.bytes += data.size() + compressed.size();
    while (m.bytes > capacity && !m.entries.empty()) {
        m.bytes -= m.entries.front().in.size() + m.entries.front().out.size();
        m.entries.pop_front();
    }
}

}  // namespace

void remember_repeats(size_t capacity_bytes) {
    Memo& m = memo();
    std::lock_guard lock(m.mu);
    m.capacity = capacity_bytes;
    if (capacity_bytes == 0) {
        m.entries.clear();
        m.bytes = 0;
    }
}

void compress(Format format, std::string_view data, std::string& out, int level) {
    const bool memo_size = data.size() >= kMemoMin && data.size() <= kMemoMax && memo().capacity.load() > 0;
    if (memo_size && recall(format, level, data, out)) return;
    const size_t start = out.size();
    compress_fresh(format, data, out, level);
    if (memo_size) remember(format, level, data, std::string_view(out).substr(start));
}

std::string compress(Format format, std::string_view data, int level) {
    std::string out;
    compress(format, data, out, level);
    return out;
}

uint32_t crc32(std::string_view data) { return libdeflate_crc32(0, data.data(), data.size()); }

}  // namespace briefmake::deflate
