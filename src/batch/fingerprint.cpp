#include "batch/fingerprint.hpp"

#include <cstdio>
#include <fstream>
#include <memory>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace briefmake::batch {

namespace {

std::string hex(XXH128_hash_t h) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "xxh3-128:%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return buf;
}

struct StateFree {
    void operator()(XXH3_state_t* s) const { XXH3_freeState(s); }
};

}  // namespace

std::string fingerprint(std::string_view bytes) { return hex(XXH3_128bits(bytes.data(), bytes.size())); }

std::optional<std::string> fingerprint_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::unique_ptr<XXH3_state_t, StateFree> state(XXH3_createState());
    if (!state || XXH3_128bits_reset(state.get()) == XXH_ERROR) return std::nullopt;
    char buf[65536];
    while (in) {
        in.read(buf, sizeof buf);
        if (in.gcount() > 0 && XXH3_128bits_update(state.get(), buf, static_cast<size_t>(in.gcount())) == XXH_ERROR)
            return std::nullopt;
    }
    if (in.bad()) return std::nullopt;
    return hex(XXH3_128bits_digest(state.get()));
}

}  // namespace briefmake::batch
