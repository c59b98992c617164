#include "deflate/deflate.hpp"

#include <libdeflate.h>

#include <array>
#include <memory>

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

}  // namespace

void compress(Format format, std::string_view data, std::string& out, int level) {
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

std::string compress(Format format, std::string_view data, int level) {
    std::string out;
    compress(format, data, out, level);
    return out;
}

uint32_t crc32(std::string_view data) { return libdeflate_crc32(0, data.data(), data.size()); }

}  // namespace briefmake::deflate
