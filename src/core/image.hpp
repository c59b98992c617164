// The pixel size of a PNG or JPEG image, read from its header only (the layout sizes the logo
// with it, the DOCX writer its drawing). Decoding and validation belong to the PDF writer.
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace briefmake::core {

// (width, height) in pixels, or nullopt when `bytes` is neither a PNG nor a JPEG header.
std::optional<std::pair<int, int>> image_size(const std::string& bytes);

}  // namespace briefmake::core
