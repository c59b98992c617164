// write_samples DIR: writes the writers' test samples into DIR for tests/integration/pdf_writer.sh
// and docx_writer.sh, which read them back with poppler, qpdf, Ghostscript, xmllint, the OOXML
// validator and LibreOffice:
//   sample.pdf         the PDF writer's sample layout (tests/unit/pdf_sample.hpp)
//   sample-pdfa.pdf    the same with --pdfa (PDF/A-2b)
//   tj-line.pdf        a justified line whose words, one bold, one coloured, go in one TJ
//   two-byte.pdf       a face drawing more than 256 glyphs (two-byte codes), and a bold one with few
//   fallback.pdf       a hyphenated word in a face without a visible soft hyphen (a subset of
//                      Liberation Serif without U+00AD); fallback-plain.pdf the same unhyphenated
//   sample.docx        the DOCX writer's sample document (tests/unit/docx_sample.hpp)
//   samples.json       what the checks compare with: font metrics of the sample, the TJ words'
//                      places, the two-byte lines
// Exits 1 (with a message) when a sample cannot be written as intended.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "core/context.hpp"
#include "docx/writer.hpp"
#include "docx_sample.hpp"
#include "pdf/writer.hpp"
#include "pdf_sample.hpp"

using namespace briefmake;
using namespace pdf_sample;

namespace {

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string write(const layout::Layout& l, bool pdfa = false) {
    core::Context ctx;
    pdf::Options opt;
    opt.pdfa = pdfa;
    return pdf::write_pdf(l, opt, ctx);
}

// A JSON string; the samples' texts hold no control characters.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// A justified line: words with uneven gaps, a bold word and a colour change inside it.
const std::vector<std::tuple<double, std::string, const char*>> kTjWords = {
    {72, "Kurumsal", "LiberationSerif-Regular.ttf"},   {131.37, "işbirliği", "LiberationSerif-Regular.ttf"},
    {187.9, "güçlü", "LiberationSerif-Bold.ttf"},      {229.013, "biçimde", "LiberationSerif-Regular.ttf"},
    {284.5, "sürdürülecek.", "LiberationSerif-Regular.ttf"}};

layout::Layout tj_line() {
    layout::Layout l;
    layout::Page p;
    for (const auto& [x, w, f] : kTjWords) p.items.push_back(text(x, 100, w, f));
    std::get<layout::TextRun>(p.items[3]).color = {0x1F, 0x38, 0x64};
    p.items.push_back(text(72, 114.4, "İkinci satır", "LiberationSerif-Regular.ttf"));
    l.pages = {p};
    return l;
}

// 52 + 128 + 64 + 25 distinct glyphs in one face.
std::vector<std::string> two_byte_lines() {
    auto add_range = [](std::string& out, char32_t from, char32_t to) {
        for (char32_t cp = from; cp <= to; ++cp) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        }
    };
    std::string ext, cyr, greek;
    add_range(ext, 0x100, 0x17F);    // Latin Extended-A
    add_range(cyr, 0x410, 0x44F);    // Cyrillic
    add_range(greek, 0x3B1, 0x3C9);  // Greek small
    return {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", ext, cyr, greek};
}

layout::Layout two_byte(const std::vector<std::string>& lines) {
    layout::Layout l;
    layout::Page p;
    double y = 100;
    for (const auto& s : lines) {
        p.items.push_back(text(20, y, s, "LiberationSerif-Regular.ttf", 6));
        y += 10;
    }
    p.items.push_back(text(20, 150, "ağaç", "LiberationSerif-Bold.ttf"));
    l.pages = {p};
    return l;
}

// "ilişki-" / "lerin" in a subset of Liberation Serif without U+00AD (standing in for a face
// without a visible soft hyphen): fallback.pdf hyphenated, fallback-plain.pdf not.
void fallback(const fs::path& dir) {
    auto full = face("LiberationSerif-Regular.ttf");
    std::set<char32_t> cps;
    for (char32_t c : std::u32string(U"ilşkern-")) cps.insert(c);
    const fs::path sub = dir / "NoSoftHyphen.ttf";
    spit(sub, full->subset(cps));
    auto f = fonts::Font::load(sub);
    if (f->has(U'\u00AD')) throw std::runtime_error("the subset of Liberation Serif has U+00AD");

    layout::Layout l;
    l.pages.emplace_back();
    layout::TextRun a;
    a.x = 72;
    a.y = 100;
    a.text = "ilişki";
    a.font = f;
    a.hyphen = true;
    layout::TextRun b = a;
    b.y = 115;
    b.text = "lerin";
    b.hyphen = false;
    l.pages[0].items = {a, b};
    spit(dir / "fallback.pdf", write(l));
    a.hyphen = false;
    l.pages[0].items[0] = a;
    spit(dir / "fallback-plain.pdf", write(l));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: write_samples DIR\n");
        return 2;
    }
    try {
        const fs::path dir = argv[1];
        fs::create_directories(dir);
        spit(dir / "sample.pdf", write(sample()));
        spit(dir / "sample-pdfa.pdf", write(sample(), true));
        spit(dir / "tj-line.pdf", write(tj_line()));
        const auto lines = two_byte_lines();
        spit(dir / "two-byte.pdf", write(two_byte(lines)));
        fallback(dir);
        core::Context ctx;
        spit(dir / "sample.docx", docx::write_docx(docx_sample::sample(), docx_sample::options(), ctx));

        auto reg = face("LiberationSerif-Regular.ttf");
        std::string json = "{\n";
        json += "  \"ascender_12pt\": " + number(reg->ascender() * 12) + ",\n";
        json += "  \"hyphen_x\": " + number(72 + reg->width("Uluslararası ilişki", 12)) + ",\n";
        json += "  \"hyphen_width\": " + number(reg->advance(U'-') * 12) + ",\n";
        json += "  \"tj_words\": [";
        for (size_t i = 0; i < kTjWords.size(); ++i)
            json += (i ? ", " : "") + std::string("[") + number(std::get<0>(kTjWords[i])) + ", " +
                    quoted(std::get<1>(kTjWords[i])) + "]";
        json += "],\n  \"two_byte_lines\": [";
        for (size_t i = 0; i < lines.size(); ++i) json += (i ? ", " : "") + quoted(lines[i]);
        json += "]\n}\n";
        spit(dir / "samples.json", json);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "write_samples: %s\n", e.what());
        return 1;
    }
    return 0;
}
