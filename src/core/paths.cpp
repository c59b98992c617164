#include "core/paths.hpp"

#include <algorithm>

namespace briefmake::core {

namespace fs = std::filesystem;

bool is_inside(const fs::path& path, const fs::path& root) {
    auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return r == root.end();
}

ConfinedPath confine_path(const fs::path& written, const fs::path& base, const std::vector<fs::path>& roots) {
    ConfinedPath out;
    out.full = fs::canonical(base / written, out.error);  // an absolute `written` replaces `base`
    if (out.error) {
        out.full.clear();
        return out;
    }
    for (const fs::path& root : roots) {
        std::error_code ec;
        fs::path r = fs::canonical(root, ec);
        if (!ec && is_inside(out.full, r)) {
            out.verdict = ConfinedPath::Verdict::inside;
            return out;
        }
    }
    out.verdict = written.is_absolute() ? ConfinedPath::Verdict::absolute : ConfinedPath::Verdict::outside;
    return out;
}

}  // namespace briefmake::core
