// Small helpers shared by the DOCX part builders: clean text, units, pugixml shorthands,
// relationships. Everything here is locale-independent (no printf of doubles).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "tmpl/template.hpp"

namespace briefmake::docx {

inline constexpr const char* kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Valid UTF-8 with only characters XML 1.0 allows: invalid bytes become U+FFFD; C0 controls other
// than tab, LF and CR, and U+FFFE/U+FFFF are dropped. pugixml 1.13 would write them as "&#01;",
// which is not XML 1.0: Word, LibreOffice and xmllint reject the file.
std::string clean_text(std::string_view s);

// Points to twentieths of a point, rounded half away from zero.
long twips(double pt);
// Points to half-points (w:sz).
long half_points(double pt);
// Integer to decimal text (std::to_string is locale-independent for integers).
inline std::string num(long v) { return std::to_string(v); }
// "1F3864": six upper-case hex digits.
std::string hex(const tmpl::Color& c);

// A new root document with the XML declaration Word writes (standalone="yes").
pugi::xml_node new_part(pugi::xml_document& doc, const char* root_name);
// Serialises without indentation (whitespace inside w:t must not be touched).
std::string to_string(const pugi::xml_document& doc);

// Shorthands: el(parent, "w:b") appends a child; with a value it also sets w:val.
pugi::xml_node el(pugi::xml_node parent, const char* name);
pugi::xml_node el(pugi::xml_node parent, const char* name, const std::string& val);
void attr(pugi::xml_node n, const char* name, const std::string& value);

// The relationships of one part (word/_rels/document.xml.rels, a header's rels, ...).
class Rels {
public:
    // Returns the new relationship's id ("rId1", ...). `type` is the last segment of an
    // officeDocument relationship type ("styles", "hyperlink", ...) or a full URI.
    std::string add(const std::string& type, const std::string& target, bool external = false);
    bool empty() const { return rels_.empty(); }
    std::string xml() const;

private:
    struct Rel {
        std::string id, type, target;
        bool external;
    };
    std::vector<Rel> rels_;
};

}  // namespace briefmake::docx
