#include "core/image.hpp"

#include <cstdint>

namespace briefmake::core {

namespace {

uint32_t be(const std::string& b, size_t at, int n) {
    uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | uint8_t(b[at + size_t(i)]);
    return v;
}

}  // namespace

std::optional<std::pair<int, int>> image_size(const std::string& b) {
    if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && b.compare(12, 4, "IHDR") == 0)
        return std::pair{int(be(b, 16, 4)), int(be(b, 20, 4))};
    if (b.size() >= 4 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8) {
        size_t i = 2;
        while (i + 4 <= b.size()) {
            if (uint8_t(b[i]) != 0xFF) return std::nullopt;
            uint8_t m = uint8_t(b[i + 1]);
            if (m == 0xFF) {  // fill byte
                ++i;
                continue;
            }
            if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
                i += 2;
                continue;
            }
            uint32_t len = be(b, i + 2, 2);
            bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
            if (sof && i + 9 <= b.size()) return std::pair{int(be(b, i + 7, 2)), int(be(b, i + 5, 2))};
            if (len < 2) return std::nullopt;
            i += 2 + len;
        }
    }
    return std::nullopt;
}

}  // namespace briefmake::core
