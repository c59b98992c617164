// Font files: metrics for layout, coverage checks, subsetting for the PDF (HarfBuzz, the only
// user of it). Faces are parsed once per process and shared (FontSet).
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace briefmake::fonts {

class Font {
public:
    // Loads a TrueType face; throws core::Error naming the file when it is missing or not a font.
    static std::shared_ptr<const Font> load(const std::filesystem::path& file);
    ~Font();
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    // Advance width of a code point in em (1.0 = the font size); 0 if absent (check has()).
    double advance(char32_t cp) const;
    bool has(char32_t cp) const;
    // Width of UTF-8 text at `size` points (no kerning: libharu draws none either).
    double width(std::string_view utf8, double size) const;
    double ascender() const;   // em, positive
    double descender() const;  // em, negative
    const std::filesystem::path& file() const { return file_; }
    std::string postscript_name() const;

    // Tabular figures. For a font whose default digits are proportional and whose OpenType
    // `tnum` feature (applied with HarfBuzz) gives other glyphs, the stand-in for digit `cp`: a
    // private-use code point the font does not map, which advance(), has() and subset() treat
    // as that tabular glyph. Anything else (every digit of Liberation and DejaVu, whose
    // figures are tabular already) comes back unchanged. source() maps a stand-in back.
    char32_t tabular(char32_t cp) const;
    char32_t source(char32_t cp) const;

    // A subset TTF holding just `codepoints` (plus space, 'x', 'H' which libharu needs),
    // without hinting; throws core::Error if HarfBuzz fails. A tabular stand-in among them is
    // not in the subset's cmap: its glyph is kept, and `extra` (if given) gets the stand-in
    // and that glyph's id in the subset, for the cmap the PDF writer makes.
    std::string subset(const std::set<char32_t>& codepoints,
                       std::vector<std::pair<char32_t, unsigned>>* extra = nullptr) const;

private:
    Font() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::filesystem::path file_;
    std::unique_ptr<char[]> bytes_;  // the file, which HarfBuzz reads in place
    size_t size_ = 0;
};

// Faces by file path, loaded on first use and kept for the process (shared across briefs).
class FontSet {
public:
    std::shared_ptr<const Font> get(const std::filesystem::path& file);

private:
    std::mutex mu_;
    std::map<std::filesystem::path, std::shared_ptr<const Font>> faces_;
};

}  // namespace briefmake::fonts
