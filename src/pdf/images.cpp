#include "pdf/images.hpp"

#include <png.h>

#include <cstring>
#include <memory>

#include "core/context.hpp"
#include "core/diag.hpp"
#include "core/i18n.hpp"

namespace briefmake::pdf {

namespace {

// `what` is translated here: its literals are marked by po/keywords (image_error:2).
core::Error image_error(const std::filesystem::path& file, const std::string& what) {
    return core::Error({file.string(), 0, 0}, core::tr(what));
}

struct PngImageGuard {
    png_image* img;
    ~PngImageGuard() { png_image_free(img); }
};

}  // namespace

ImageKind sniff_image(const std::string& bytes) {
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), png_sig, 8) == 0) return ImageKind::Png;
    if (bytes.size() >= 2 && uint8_t(bytes[0]) == 0xFF && uint8_t(bytes[1]) == 0xD8) return ImageKind::Jpeg;
    return ImageKind::Unknown;
}

DecodedPng decode_png(const std::string& bytes, const std::filesystem::path& file) {
    png_image img;
    std::memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    PngImageGuard guard{&img};
    if (!png_image_begin_read_from_memory(&img, bytes.data(), bytes.size()))
        throw image_error(file, core::trf("corrupt PNG image: {}", {img.message}));
    const bool has_alpha = (img.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    const bool color = (img.format & PNG_FORMAT_FLAG_COLOR) != 0 || (img.format & PNG_FORMAT_FLAG_COLORMAP) != 0;
    if (img.width == 0 || img.height == 0 || uint64_t(img.width) * img.height > (uint64_t(1) << 26))
        throw image_error(file, "PNG image has an unusable size");
    img.format = (color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (has_alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
    std::string pixels(PNG_IMAGE_SIZE(img), '\0');
    if (!png_image_finish_read(&img, nullptr, pixels.data(), 0, nullptr))
        throw image_error(file, core::trf("corrupt PNG image: {}", {img.message}));

    DecodedPng out;
    out.width = img.width;
    out.height = img.height;
    out.gray = !color;
    const size_t n = size_t(img.width) * img.height;
    const size_t channels = color ? 3 : 1;
    if (!has_alpha) {
        out.color = std::move(pixels);
        return out;
    }
    out.color.resize(n * channels);
    out.alpha.resize(n);
    bool opaque = true;
    for (size_t i = 0; i < n; ++i) {
        const char* px = pixels.data() + i * (channels + 1);
        std::memcpy(out.color.data() + i * channels, px, channels);
        out.alpha[i] = px[channels];
        opaque = opaque && uint8_t(px[channels]) == 0xFF;
    }
    if (opaque) out.alpha.clear();
    return out;
}

JpegInfo validate_jpeg(const std::string& bytes, const std::filesystem::path& file) {
    auto u8 = [&](size_t i) { return uint8_t(bytes[i]); };
    const size_t n = bytes.size();
    if (n < 4 || u8(0) != 0xFF || u8(1) != 0xD8) throw image_error(file, "corrupt JPEG image: no SOI marker");
    JpegInfo info;
    bool have_sof = false;
    size_t i = 2;
    for (;;) {
        // Markers may be padded with any number of 0xFF bytes.
        if (i >= n || u8(i) != 0xFF) throw image_error(file, "corrupt JPEG image: bad marker structure");
        while (i < n && u8(i) == 0xFF) ++i;
        if (i >= n) throw image_error(file, "corrupt JPEG image: truncated");
        const uint8_t m = u8(i++);
        if (m == 0xD9) throw image_error(file, "corrupt JPEG image: EOI before any scan");
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) continue;  // standalone markers
        if (i + 2 > n) throw image_error(file, "corrupt JPEG image: truncated segment");
        const size_t len = (size_t(u8(i)) << 8) | u8(i + 1);
        if (len < 2 || i + len > n) throw image_error(file, "corrupt JPEG image: truncated segment");
        const bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if (sof) {
            if (len < 8) throw image_error(file, "corrupt JPEG image: short frame header");
            info.height = (uint32_t(u8(i + 3)) << 8) | u8(i + 4);
            info.width = (uint32_t(u8(i + 5)) << 8) | u8(i + 6);
            info.components = u8(i + 7);
            if (len != 8 + 3 * size_t(info.components))
                throw image_error(file, "corrupt JPEG image: frame header length does not match its components");
            if (info.width == 0 || info.height == 0 || (info.components != 1 && info.components != 3 &&
                                                        info.components != 4))
                throw image_error(file, "unsupported JPEG image: bad size or component count");
            have_sof = true;
        }
        if (m == 0xDA) {  // start of scan: entropy-coded data follows, up to EOI
            if (!have_sof) throw image_error(file, "corrupt JPEG image: scan before frame header");
            break;
        }
        i += len;
    }
    // The image must end with EOI (trailing padding bytes after it are tolerated).
    size_t end = n;
    while (end > i && (u8(end - 1) == 0x00 || u8(end - 1) == 0x0A || u8(end - 1) == 0x0D)) --end;
    if (end < i + 2 || u8(end - 2) != 0xFF || u8(end - 1) != 0xD9)
        throw image_error(file, "corrupt JPEG image: truncated (no EOI marker at the end)");
    return info;
}

void check_image_file(const std::filesystem::path& file) {
    const std::string bytes = core::read_file(file);
    switch (sniff_image(bytes)) {
        case ImageKind::Png:
            decode_png(bytes, file);
            return;
        case ImageKind::Jpeg:
            validate_jpeg(bytes, file);
            return;
        case ImageKind::Unknown:
            throw core::Error({file.string(), 0, 0}, _("unsupported image format"), _("use PNG or JPEG"));
    }
}

}  // namespace briefmake::pdf
