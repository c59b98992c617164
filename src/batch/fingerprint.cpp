#include "batch/fingerprint.hpp"

#include <sys/stat.h>

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

namespace {

int64_t ns(const timespec& t) { return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec; }

std::optional<struct stat> stat_of(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return st;
}

std::string identity(const struct stat& st) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "stat:%llu:%llu:%lld:%lld:%lld", static_cast<unsigned long long>(st.st_dev),
                  static_cast<unsigned long long>(st.st_ino), static_cast<long long>(st.st_size),
                  static_cast<long long>(ns(st.st_mtim)), static_cast<long long>(ns(st.st_ctim)));
    return buf;
}

}  // namespace

std::optional<Identity> file_identity(const std::filesystem::path& file,
                                      std::chrono::system_clock::time_point run_start) {
    auto st = stat_of(file);
    if (!st) return std::nullopt;
    const int64_t settled =
        std::chrono::duration_cast<std::chrono::nanoseconds>((run_start - kSettled).time_since_epoch()).count();
    // mtime can be set to any time (touch -d), ctime cannot; both must lie before the margin.
    return Identity{identity(*st), ns(st->st_mtim) < settled && ns(st->st_ctim) < settled};
}

bool is_identity(std::string_view fingerprint) { return fingerprint.starts_with("stat:"); }

}  // namespace briefmake::batch
