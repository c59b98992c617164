// Image checks and decoding done before anything reaches libharu: its PNG loader aborts the
// process on a corrupt file and its JPEG loader accepts truncated data.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace briefmake::pdf {

struct DecodedPng {
    uint32_t width = 0, height = 0;
    bool gray = false;       // 1 byte per pixel in `color`, else 3 (RGB)
    std::string color;       // rows top to bottom, no padding
    std::string alpha;       // 1 byte per pixel; empty when the image is fully opaque
};

// Decodes a PNG with libpng's simplified API (8 bits per channel, gamma handled by libpng).
// Throws core::Error naming `file` when the data is not a complete, valid PNG.
DecodedPng decode_png(const std::string& bytes, const std::filesystem::path& file);

struct JpegInfo {
    uint32_t width = 0, height = 0;
    int components = 0;
};

// Walks the JPEG markers: SOI first, a complete SOFn frame header, a scan, and EOI at the end.
// Throws core::Error naming `file` otherwise.
JpegInfo validate_jpeg(const std::string& bytes, const std::filesystem::path& file);

enum class ImageKind { Png, Jpeg, Unknown };
ImageKind sniff_image(const std::string& bytes);

// Reads `file` and checks it as the PDF writer would before drawing it (PNG decoded in full,
// JPEG markers walked, anything else refused); throws core::Error naming the file. The render
// stage calls it for every image whatever the formats asked for, so `-f docx` and `--check`
// refuse a corrupt logo too instead of packing it into a DOCX.
void check_image_file(const std::filesystem::path& file);

}  // namespace briefmake::pdf
