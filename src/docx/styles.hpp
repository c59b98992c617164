// word/styles.xml: real Word styles derived from the template's named styles.
#pragma once
#include <map>
#include <string>

#include "doc/doc.hpp"

namespace briefmake::docx {

// Template style key -> Word style (id and name). Keys Word knows as built-in styles get
// Word's own ids and names ("heading1" -> Heading1 / "heading 1"), so the navigation pane,
// TOC and style gallery treat them as Word's.
struct WordStyle {
    std::string key;   // template key ("body"), or empty for styles the writer adds
    std::string id;    // "Normal"
    std::string name;  // "Normal"
};

class StyleMap {
public:
    explicit StyleMap(const tmpl::Template& t);
    // The Word style id for a template paragraph style key; empty if the template lacks it.
    std::string id(const std::string& key) const;
    const tmpl::Style* style(const std::string& key) const;
    // Paragraph styles made from template styles, in template (key) order.
    const std::map<std::string, WordStyle>& all() const { return by_key_; }

private:
    const tmpl::Template& t_;
    std::map<std::string, WordStyle> by_key_;
    // Table cell styles as the PDF layout sets cells: ragged (numbers are right-aligned per
    // cell), no space before or after (the cell padding is the table's), so the DOCX rows are
    // as tall as the PDF's and the two paginate alike.
    std::map<std::string, tmpl::Style> cells_;
};

// Ids of styles the writer always adds (not from template keys).
inline constexpr const char* kListNumber = "ListNumber";
inline constexpr const char* kListBullet = "ListBullet";
inline constexpr const char* kHyperlink = "Hyperlink";
inline constexpr const char* kTableStyle = "BriefTable";
inline constexpr const char* kMetaTableStyle = "BriefMetaTable";
inline std::string toc_style_id(int level) { return "TOC" + std::to_string(level); }

// Whether text in the template style `key` gets soft hyphens (body text does; titles, headings,
// captions, headers and the like do not, and their Word styles suppress automatic hyphenation).
bool hyphenates(const std::string& key);

// Shading of table header rows and stripes, and the rule colour: the template's `colors`,
// else the default template's values (white header text must never land on white).
tmpl::Color template_color(const tmpl::Template& t, const std::string& name);

// The w:num ids (numbering.xml) the List Number and List Bullet styles point at; 0: none.
struct ListStyleNums {
    int number = 0;
    int bullet = 0;
};

std::string styles_xml(const doc::Document& d, const StyleMap& map, long text_width, const ListStyleNums& lists = {});

}  // namespace briefmake::docx
