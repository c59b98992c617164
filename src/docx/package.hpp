// The OPC package: parts in a fixed order, [Content_Types].xml rebuilt from them, zipped in
// memory with fixed times so identical input gives identical bytes.
#pragma once
#include <string>
#include <vector>

namespace briefmake::docx {

struct Part {
    std::string name;          // "word/document.xml" (no leading slash)
    std::string content_type;  // empty for .rels parts (covered by a Default)
    std::string data;
};

// [Content_Types].xml for these parts: Defaults for rels and xml, an Override per typed part.
std::string content_types_xml(const std::vector<Part>& parts);

// The zip: [Content_Types].xml first, then `parts` in the given order, deflated, every entry
// dated 1980-01-01 00:00. Throws core::Error if the package exceeds the zip format's 32-bit
// limits.
std::string zip_package(const std::vector<Part>& parts);

}  // namespace briefmake::docx
