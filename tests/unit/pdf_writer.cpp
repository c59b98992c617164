// The PDF writer, checked by reading its output back with programs nobody here wrote:
// poppler (pdftotext, pdffonts, pdfinfo, pdftoppm) and qpdf.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <map>
#include <string>
#include <tuple>
#include <vector>
#include <cmath>

#include "core/context.hpp"
#include "core/diag.hpp"
#include "fonts/font.hpp"
#include "layout/frame.hpp"
#include "pdf/writer.hpp"

using namespace briefmake;
namespace fs = std::filesystem;

namespace {

fs::path source(const std::string& rel) { return fs::path(BRIEFMAKE_SOURCE_DIR) / rel; }
fs::path data(const std::string& name) { return source("tests/data/pdf") / name; }

fonts::FontSet& font_set() {
    static fonts::FontSet set;
    return set;
}
std::shared_ptr<const fonts::Font> face(const char* name) { return font_set().get(source("fonts") / name); }

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "briefmake_pdf_XXXXXX").string();
        REQUIRE(mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

struct Run {
    int status = -1;
    std::string out, err;
};

// Runs a shell command, capturing stdout and stderr separately.
Run run(const std::string& cmd, const fs::path& dir) {
    const fs::path out = dir / "cmd.out", err = dir / "cmd.err";
    Run r;
    int st = std::system((cmd + " >" + out.string() + " 2>" + err.string()).c_str());
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

layout::TextRun text(double x, double y, std::string s, const char* font, double size = 12, bool hyphen = false) {
    layout::TextRun t;
    t.x = x;
    t.y = y;
    t.text = std::move(s);
    t.font = face(font);
    t.size = size;
    t.hyphen = hyphen;
    return t;
}

// Two A4 pages with Turkish and Kazakh text in three Liberation Serif faces, a word hyphenated
// across lines, graphics, links and nested bookmarks.
layout::Layout sample() {
    layout::Layout l;
    layout::Page p1, p2;
    p1.items.push_back(text(72, 100, "Türkçe: ağaç, ışık, İstanbul, şeker, öğün, üzüm", "LiberationSerif-Regular.ttf"));
    p1.items.push_back(text(72, 130, "Қазақ тілі: әңгіме, ұлт, қала, өнер, үй", "LiberationSerif-Bold.ttf"));
    p1.items.push_back(text(72, 160, "Eğik yazı", "LiberationSerif-Italic.ttf", 11));
    // "Uluslararası ilişki-" / "lerin güçlenmesi": each word placed by the layout.
    auto reg = "LiberationSerif-Regular.ttf";
    p1.items.push_back(text(72, 200, "Uluslararası", reg));
    p1.items.push_back(text(72 + face(reg)->width("Uluslararası ", 12), 200, "ilişki", reg, 12, true));
    p1.items.push_back(text(72, 215, "lerin", reg));
    p1.items.push_back(text(72 + face(reg)->width("lerin ", 12), 215, "güçlenmesi.", reg));
    p1.items.push_back(layout::Rule{72, 230, 523, 230, 0.75, {0x1F, 0x38, 0x64}});
    p1.items.push_back(layout::Rect{72, 240, 100, 40, layout::Color{0xDD, 0xEE, 0xFF}, layout::Color{0, 0, 0}, 0.5});
    layout::Path chart;
    chart.points = {{200, 280}, {240, 250}, {280, 265}, {320, 240}};
    chart.stroke = layout::Color{0xC0, 0, 0};
    p1.items.push_back(chart);
    p1.items.push_back(layout::Sector{400, 270, 30, 0, 135, {0x44, 0x88, 0x22}, layout::Color{255, 255, 255}});
    p1.items.push_back(layout::Sector{400, 270, 30, 135, 360, {0x22, 0x44, 0x88}, std::nullopt});
    p1.items.push_back(text(72, 320, "örnek.org bağlantısı", reg));
    p1.items.push_back(layout::Link{72, 310, 120, 14, "https://example.org/ara?q=%C5%9F", -1, 0});
    p1.items.push_back(text(72, 340, "İkinci sayfaya git", reg));
    p1.items.push_back(layout::Link{72, 330, 100, 14, "", 1, 72});
    p1.items.push_back(layout::Image{72, 360, 64, 32, data("rgba.png")});
    p1.items.push_back(layout::Image{150, 360, 32, 32, data("grey.jpg")});
    p1.items.push_back(layout::Image{200, 360, 32, 16, data("rgb.png")});
    p2.items.push_back(text(72, 90, "Қорытынды және сонғы сөз", "LiberationSerif-Bold.ttf", 16));
    p2.items.push_back(text(72, 120, "Son söz: güle güle.", reg));
    l.pages = {p1, p2};
    l.bookmarks = {{"Giriş", 1, 0, 72}, {"Ağaçlar ve ışık", 2, 0, 190}, {"Қорытынды", 1, 1, 72}};
    l.info.title = "Yıllık Rapor — Қазақстан";
    l.info.author = "Ayşe Yılmaz";
    l.info.subject = "Deneme";
    l.info.keywords = "rapor, şirket";
    l.info.creator = "briefmake";
    l.info.language = "tr";
    l.info.date_epoch = 1700000000;  // 2023-11-14 22:13:20 UTC
    return l;
}

layout::TextRun text_run_missing() { return text(72, 72, "ab\u4E00c", "LiberationSerif-Regular.ttf"); }

std::string write(const layout::Layout& l, core::WarningSink* sink = nullptr) {
    core::Context ctx;
    ctx.warnings = sink;
    return pdf::write_pdf(l, pdf::Options{}, ctx);
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

std::string remove_all(std::string s, const std::string& what) {
    for (size_t at; (at = s.find(what)) != std::string::npos;) s.erase(at, what.size());
    return s;
}

}  // namespace

TEST_CASE("the sample brief reads back with poppler and qpdf") {
    TempDir dir;
    core::WarningSink sink;
    const std::string bytes = write(sample(), &sink);
    CHECK(sink.items().empty());
    const fs::path file = dir.path / "sample.pdf";
    spit(file, bytes);
    if (const char* keep = std::getenv("BRIEFMAKE_TEST_KEEP")) spit(fs::path(keep) / "sample.pdf", bytes);
    const std::string f = file.string();

    SUBCASE("text extracts with the right letters, the hyphenated word whole") {
        Run r = run("pdftotext -enc UTF-8 " + f + " -", dir.path);
        REQUIRE(r.status == 0);
        CHECK(r.err == "");
        for (const char* w : {"ağaç", "ışık", "İstanbul", "şeker", "öğün", "üzüm", "Қазақ", "әңгіме", "ұлт", "қала",
                              "өнер", "үй", "Eğik", "Қорытынды", "güle güle"}) {
            CAPTURE(w);
            CHECK(contains(r.out, w));
        }
        // The drawn hyphen extracts as a soft hyphen at the line end, never as U+002D.
        CHECK(contains(r.out, "ilişki\u00AD\nlerin"));
        CHECK(contains(remove_all(r.out, "\u00AD\n"), "ilişkilerin"));
        CHECK_FALSE(contains(r.out, "ilişki-"));
    }

    SUBCASE("text lands where the layout put it (origin top-left, y = baseline)") {
        Run r = run("pdftotext -bbox -f 1 -l 1 " + f + " -", dir.path);
        REQUIRE(r.status == 0);
        // Poppler reports word boxes top-down too: the baseline at y=100 lies between
        // yMin (ascender) and yMax (descender).
        const std::string word = "<word xMin=\"72.000000\" yMin=\"";
        const size_t at = r.out.find(word);
        REQUIRE(at != std::string::npos);
        double ymin = 0, ymax = 0;
        REQUIRE(std::sscanf(r.out.c_str() + at + word.size(), "%lf\" xMax=\"%*f\" yMax=\"%lf", &ymin, &ymax) == 2);
        CHECK(ymin == doctest::Approx(100 - face("LiberationSerif-Regular.ttf")->ascender() * 12).epsilon(0.01));
        CHECK(ymin < 100);
        CHECK(ymax > 100);
        CHECK(ymax < 104);
        CHECK(contains(r.out.substr(at, 200), ">Türkçe:</word>"));
    }

    SUBCASE("graphics land where the layout put them, sectors clockwise from 12 o'clock") {
        auto pixel = [&](int x, int y) {
            Run r = run("pdftoppm -r 72 -f 1 -l 1 -x " + std::to_string(x) + " -y " + std::to_string(y) +
                            " -W 1 -H 1 " + f + " " + (dir.path / "px").string(),
                        dir.path);
            REQUIRE(r.status == 0);
            const std::string ppm = slurp(dir.path / "px-1.ppm");
            REQUIRE(ppm.size() >= 3);
            char hex[8];
            std::snprintf(hex, sizeof hex, "%02X%02X%02X", uint8_t(ppm[ppm.size() - 3]), uint8_t(ppm[ppm.size() - 2]),
                          uint8_t(ppm[ppm.size() - 1]));
            return std::string(hex);
        };
        CHECK(pixel(120, 260) == "DDEEFF");  // inside the rectangle (72,240 100x40)
        CHECK(pixel(120, 300) == "FFFFFF");  // below it
        // Around the centre (400,270), r=30; angles clockwise from 12 o'clock. Counter-clockwise
        // drawing would swap the colours of all three points.
        CHECK(pixel(415, 258) == "448822");  // 51 degrees: first sector (0..135)
        CHECK(pixel(425, 280) == "448822");  // 112 degrees: still the first
        CHECK(pixel(385, 282) == "224488");  // 231 degrees: second sector (135..360)
    }

    SUBCASE("the hyphen is visible") {
        // Render the spot right after "ilişki" and look for dark pixels (4x: 1 pt = 4 px).
        auto reg = face("LiberationSerif-Regular.ttf");
        const double x0 = 72 + reg->width("Uluslararası ilişki", 12);
        const double w = reg->advance(U'-') * 12;
        Run r = run("pdftoppm -r 288 -gray -f 1 -l 1 -x " + std::to_string(int(x0 * 4)) + " -y " +
                        std::to_string(int((200 - 6) * 4)) + " -W " + std::to_string(int(w * 4)) + " -H 24 " + f +
                        " " + (dir.path / "hy").string(),
                    dir.path);
        REQUIRE(r.status == 0);
        CHECK(r.err == "");
        std::string pgm = slurp(dir.path / "hy-1.pgm");
        REQUIRE(pgm.size() > 20);
        // P5 header: magic, width, height, maxval, then one byte per pixel.
        std::istringstream hdr(pgm);
        std::string magic;
        int pw = 0, ph = 0, maxval = 0;
        hdr >> magic >> pw >> ph >> maxval;
        REQUIRE(magic == "P5");
        const size_t start = size_t(hdr.tellg()) + 1;
        REQUIRE(pgm.size() >= start + size_t(pw) * ph);
        int dark = 0;
        for (size_t i = start; i < start + size_t(pw) * ph; ++i) dark += uint8_t(pgm[i]) < 128;
        CHECK(dark >= 8);
    }

    SUBCASE("fonts are embedded subsets with unicode maps and no warnings") {
        Run r = run("pdffonts " + f, dir.path);
        REQUIRE(r.status == 0);
        CHECK(r.err == "");
        std::istringstream lines(r.out);
        std::string line;
        int faces = 0;
        while (std::getline(lines, line)) {
            if (!contains(line, "CID TrueType")) continue;
            ++faces;
            CAPTURE(line);
            CHECK(contains(line, "+LiberationSerif"));
            // Few glyphs per face: one-byte codes through our embedded CMap.
            CHECK(contains(line, "Custom           yes yes yes"));
        }
        CHECK(faces == 3);
        // pdftotext parses every ToUnicode CMap: libharu's own made poppler warn here.
        Run t = run("pdftotext -enc UTF-8 " + f + " /dev/null", dir.path);
        CHECK(t.err == "");
    }

    SUBCASE("qpdf finds no errors") {
        Run r = run("qpdf --check " + f, dir.path);
        CHECK(r.status == 0);
        CHECK(contains(r.out, "No syntax or stream encoding errors found"));
        CHECK_FALSE(contains(r.out + r.err, "WARNING"));
    }

    SUBCASE("info: UTF-8 title, pages, A4, dates from the layout") {
        Run r = run("pdfinfo -isodates " + f, dir.path);
        REQUIRE(r.status == 0);
        CHECK(r.err == "");
        CHECK(contains(r.out, "Title:           Yıllık Rapor — Қазақстан\n"));
        CHECK(contains(r.out, "Author:          Ayşe Yılmaz\n"));
        CHECK(contains(r.out, "Keywords:        rapor, şirket\n"));
        CHECK(contains(r.out, "Creator:         briefmake\n"));
        CHECK(contains(r.out, "Pages:           2\n"));
        CHECK(contains(r.out, "PDF version:     1.4\n"));  // soft masks and /Lang need 1.4
        CHECK(contains(r.out, "Page size:       595.276 x 841.89 pts (A4)"));
        CHECK(contains(r.out, "CreationDate:    2023-11-14T22:13:20Z"));
        CHECK(contains(r.out, "ModDate:         2023-11-14T22:13:20Z"));
    }

    SUBCASE("bookmarks nest by level, links point where they should") {
        Run r = run("qpdf --json --json-key=outlines " + f, dir.path);
        REQUIRE(r.status == 0);
        // qpdf lists an item's "kids" before its "title": the first kids array must hold
        // "Ağaçlar ve ışık" (level 2) and nothing else, followed by its parent "Giriş".
        const size_t kids = r.out.find("\"kids\": [");
        REQUIRE(kids != std::string::npos);
        size_t end = kids + 9;
        for (int depth = 1; depth > 0 && end < r.out.size(); ++end) depth += r.out[end] == '[' ? 1 : r.out[end] == ']' ? -1 : 0;
        const std::string first_kids = r.out.substr(kids, end - kids);
        CHECK(contains(first_kids, "\"title\": \"Ağaçlar ve ışık\""));
        CHECK_FALSE(contains(first_kids, "Giriş"));
        CHECK_FALSE(contains(first_kids, "Қорытынды"));
        const size_t giris = r.out.find("\"title\": \"Giriş\"");
        const size_t last = r.out.find("\"title\": \"Қорытынды\"");
        CHECK(end < giris);
        CHECK(giris < last);
        CHECK(giris != std::string::npos);
        CHECK(last != std::string::npos);
        CHECK(contains(r.out, "\"destpageposfrom1\": 2"));

        Run q = run("qpdf --qdf --object-streams=disable " + f + " " + (dir.path / "qdf.pdf").string(), dir.path);
        REQUIRE(q.status == 0);
        const std::string qdf = slurp(dir.path / "qdf.pdf");
        CHECK(contains(qdf, "/URI (https://example.org/ara?q=%C5%9F)"));
        CHECK(contains(qdf, "/Lang (tr)"));
        CHECK(contains(qdf, "/PageMode /UseOutlines"));
        // The ToUnicode streams carry no leftover keys of libharu's encoding CMap.
        CHECK(contains(qdf, "/ToUnicode"));
        CHECK_FALSE(contains(qdf, "/CMapName /UTF-8"));
        // Links carry no visible border.
        size_t annots = 0;
        for (size_t at = 0; (at = qdf.find("/Subtype /Link", at)) != std::string::npos; ++at) ++annots;
        CHECK(annots == 2);
        CHECK_FALSE(contains(qdf, "/Border [0 0 1]"));
    }

    SUBCASE("images are embedded, with an alpha mask for the RGBA PNG") {
        Run r = run("pdfimages -list " + f, dir.path);
        REQUIRE(r.status == 0);
        CHECK(r.err == "");
        CHECK(contains(r.out, "smask"));
        CHECK(contains(r.out, "jpeg"));
        int images = 0, masks = 0;
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);) {
            images += contains(line, " image ") && !contains(line, " smask ");
            masks += contains(line, " smask ");
        }
        CHECK(images == 3);
        CHECK(masks == 1);  // the opaque RGB PNG gets none
    }

    SUBCASE("the whole document renders without complaint (poppler and Ghostscript)") {
        Run r = run("pdftoppm -r 36 -gray " + f + " " + (dir.path / "page").string(), dir.path);
        CHECK(r.status == 0);
        CHECK(r.err == "");
        Run g = run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage " + f, dir.path);
        CHECK(g.status == 0);
        CHECK(g.out + g.err == "");
    }

    SUBCASE("small: three subset faces, two pages") {
        CAPTURE(bytes.size());
        CHECK(bytes.size() < 30000);
    }
}

TEST_CASE("PDF/A-2b: XMP matching the info, sRGB output intent, /ID, printable links") {
    TempDir dir;
    core::Context ctx;
    pdf::Options opt;
    opt.pdfa = true;
    const std::string bytes = pdf::write_pdf(sample(), opt, ctx);
    CHECK(bytes == pdf::write_pdf(sample(), opt, ctx));
    const fs::path file = dir.path / "a.pdf";
    spit(file, bytes);
    const std::string f = file.string();

    // The metadata stream is not compressed: the packet is readable in the file itself.
    CHECK(contains(bytes, "<pdfaid:part>2</pdfaid:part>"));
    CHECK(contains(bytes, "<pdfaid:conformance>B</pdfaid:conformance>"));

    Run meta = run("pdfinfo -meta " + f, dir.path);
    REQUIRE(meta.status == 0);
    CHECK(meta.err == "");
    CHECK(contains(meta.out, "<rdf:li xml:lang=\"x-default\">Yıllık Rapor — Қазақстан</rdf:li>"));
    CHECK(contains(meta.out, "<rdf:li>Ayşe Yılmaz</rdf:li>"));
    CHECK(contains(meta.out, "<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"));
    CHECK(contains(meta.out, "<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>"));
    // The packet is well-formed XML.
    const size_t start = meta.out.find("<x:xmpmeta");
    const size_t end = meta.out.find("</x:xmpmeta>");
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    spit(dir.path / "xmp.xml", meta.out.substr(start, end + 12 - start));
    Run xml = run("xmllint --noout " + (dir.path / "xmp.xml").string(), dir.path);
    CHECK(xml.status == 0);
    CHECK(xml.err == "");
    // ... and agrees with the info dictionary.
    Run info = run("pdfinfo -isodates " + f, dir.path);
    CHECK(contains(info.out, "Producer:        Haru Free PDF Library 2.3.0\n"));
    CHECK(contains(info.out, "CreationDate:    2023-11-14T22:13:20Z"));

    Run q = run("qpdf --check " + f, dir.path);
    CHECK(q.status == 0);
    CHECK_FALSE(contains(q.out + q.err, "WARNING"));
    Run qdf = run("qpdf --qdf --object-streams=disable " + f + " " + (dir.path / "q.pdf").string(), dir.path);
    REQUIRE(qdf.status == 0);
    const std::string text = slurp(dir.path / "q.pdf");
    CHECK(contains(text, "/S /GTS_PDFA1"));
    CHECK(contains(text, "/OutputConditionIdentifier (sRGB IEC61966-2.1)"));
    CHECK(contains(text, "/DestOutputProfile"));
    CHECK(contains(text, "/Type /Metadata"));
    CHECK(contains(text, "/ID ["));
    size_t printable = 0;
    for (size_t at = 0; (at = text.find("/F 4", at)) != std::string::npos; ++at) ++printable;
    CHECK(printable == 2);
    Run t = run("pdftotext -enc UTF-8 " + f + " -", dir.path);
    CHECK(t.err == "");
    CHECK(contains(t.out, "әңгіме"));

    // A character the font lacks would draw .notdef, which PDF/A forbids.
    layout::Layout l;
    l.pages.emplace_back();
    l.pages[0].items.push_back(text_run_missing());
    CHECK_THROWS_AS(pdf::write_pdf(l, opt, ctx), core::Error);
}

TEST_CASE("the trailer /ID follows the content") {
    auto id_of = [](const std::string& pdf) {
        const size_t at = pdf.find("/ID [");
        REQUIRE(at != std::string::npos);
        return pdf.substr(at, 80);
    };
    const std::string a = write(sample());
    auto other = sample();
    std::get<layout::TextRun>(other.pages[1].items[1]).text = "Son söz: hoşça kal.";
    const std::string b = write(other);
    CHECK(id_of(a) == id_of(write(sample())));
    CHECK(id_of(a) != id_of(b));
}

// pdftotext -bbox: (xMin, yMin, word) per word of page `page` (1-based).
std::vector<std::tuple<double, double, std::string>> word_boxes(const std::string& pdf, int page) {
    TempDir dir;
    spit(dir.path / "w.pdf", pdf);
    Run r = run("pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                    (dir.path / "w.pdf").string() + " -",
                dir.path);
    REQUIRE(r.status == 0);
    std::vector<std::tuple<double, double, std::string>> out;
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        char word[256] = {};
        if (std::sscanf(line.c_str(), " <word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%255[^<]", &x0,
                        &y0, &x1, &y1, word) == 5)
            out.emplace_back(x0, y0, word);
    }
    return out;
}

TEST_CASE("runs of a line in one TJ: each word starts where the layout put it") {
    // A justified line: words with uneven gaps, a bold word and a colour change inside it.
    const auto reg = "LiberationSerif-Regular.ttf", bold = "LiberationSerif-Bold.ttf";
    layout::Layout l;
    layout::Page p;
    const std::vector<std::tuple<double, std::string, const char*>> words = {
        {72, "Kurumsal", reg}, {131.37, "işbirliği", reg}, {187.9, "güçlü", bold}, {229.013, "biçimde", reg},
        {284.5, "sürdürülecek.", reg}};
    for (const auto& [x, w, f] : words) p.items.push_back(text(x, 100, w, f));
    std::get<layout::TextRun>(p.items[3]).color = {0x1F, 0x38, 0x64};
    p.items.push_back(text(72, 114.4, "İkinci satır", reg));
    l.pages = {p};
    const std::string pdf = write(l);
    std::map<std::string, double> x_of;
    for (const auto& [x, y, w] : word_boxes(pdf, 1)) x_of[w] = x;
    REQUIRE(x_of.size() == words.size() + 2);
    for (const auto& [x, w, f] : words) {
        CAPTURE(w);
        REQUIRE(x_of.count(w) == 1);
        // TJ adjustments are whole thousandths of the size: 12/2000 pt at most, never summed up.
        CHECK(std::abs(x_of[w] - x) < 0.007);
    }
    CHECK(std::abs(x_of["İkinci"] - 72) < 0.007);
    // One text object for the page; no per-word text matrix.
    Run q = [&] {
        TempDir dir;
        spit(dir.path / "w.pdf", pdf);
        return run("qpdf --qdf --object-streams=disable " + (dir.path / "w.pdf").string() +
                       " - | grep -a -c -E '(Tm|BT)$'",
                   dir.path);
    }();
    CHECK(q.out == "1\n");
}

TEST_CASE("a face drawing more than 256 glyphs: two-byte codes (Identity-H), text extracts the same") {
    // 52 + 128 + 64 + 25 distinct glyphs in one face.
    const std::string latin = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    auto add_range = [](std::string& out, char32_t from, char32_t to) {
        for (char32_t cp = from; cp <= to; ++cp) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        }
    };
    std::string ext, cyr, greek;
    add_range(ext, 0x100, 0x17F);  // Latin Extended-A
    add_range(cyr, 0x410, 0x44F);  // Cyrillic
    add_range(greek, 0x3B1, 0x3C9);  // Greek small
    const auto reg = "LiberationSerif-Regular.ttf";
    layout::Layout l;
    layout::Page p;
    p.items.push_back(text(20, 100, latin, reg, 6));
    p.items.push_back(text(20, 110, ext, reg, 6));
    p.items.push_back(text(20, 120, cyr, reg, 6));
    p.items.push_back(text(20, 130, greek, reg, 6));
    p.items.push_back(text(20, 150, "ağaç", "LiberationSerif-Bold.ttf"));
    l.pages = {p};
    TempDir dir;
    const std::string m = (dir.path / "m.pdf").string();
    spit(m, write(l));
    Run f = run("pdffonts " + m, dir.path);
    CHECK(f.err == "");
    std::istringstream lines(f.out);
    std::string line;
    int faces = 0;
    while (std::getline(lines, line)) {
        CAPTURE(line);
        if (contains(line, "+LiberationSerif ")) {
            ++faces;
            CHECK(contains(line, "Identity-H       yes yes yes"));
        }
        if (contains(line, "+LiberationSerif-Bold")) {
            ++faces;
            CHECK(contains(line, "Custom           yes yes yes"));
        }
    }
    CHECK(faces == 2);
    Run t = run("pdftotext -enc UTF-8 " + m + " -", dir.path);
    CAPTURE(t.out);
    CHECK(t.err == "");
    for (const std::string& s : std::vector<std::string>{latin, ext, cyr, greek}) CHECK(contains(t.out, s));
    CHECK(contains(t.out, "ağaç"));
    Run q = run("qpdf --check " + m, dir.path);
    CHECK(q.status == 0);
}

TEST_CASE("output is deterministic") {
    CHECK(write(sample()) == write(sample()));
    auto later = sample();
    later.info.date_epoch += 86400;
    CHECK(write(later) != write(sample()));
}

TEST_CASE("corrupt images throw core::Error naming the file, never abort") {
    for (const char* name : {"corrupt.png", "truncated.png", "truncated.jpg", "short-sof.jpg"}) {
        CAPTURE(name);
        layout::Layout l;
        l.pages.emplace_back();
        l.pages[0].items.push_back(layout::Image{10, 10, 20, 20, data(name)});
        try {
            write(l);
            FAIL("expected an error");
        } catch (const core::Error& e) {
            CHECK(e.loc().file == data(name).string());
        }
    }
    layout::Layout l;
    l.pages.emplace_back();
    l.pages[0].items.push_back(layout::Image{10, 10, 20, 20, source("fonts/README.md")});
    CHECK_THROWS_AS(write(l), core::Error);
    l.pages[0].items[0] = layout::Image{10, 10, 20, 20, data("no-such-file.png")};
    CHECK_THROWS_AS(write(l), core::Error);
}

TEST_CASE("bad input is an error, not a broken file") {
    layout::Layout l;
    CHECK_THROWS_AS(write(l), core::Error);  // no pages
    l.pages.emplace_back();
    l.pages[0].items.push_back(layout::Link{0, 0, 10, 10, "", 3, 0});
    CHECK_THROWS_AS(write(l), core::Error);  // link to a page that does not exist
    l.pages[0].items.clear();
    l.bookmarks.push_back({"Yok", 1, 5, 0});
    CHECK_THROWS_AS(write(l), core::Error);
    l.bookmarks.clear();
    CHECK_NOTHROW(write(l));
}

TEST_CASE("characters a font lacks are reported") {
    layout::Layout l;
    l.pages.emplace_back();
    l.pages[0].items.push_back(text(72, 72, "ab\u4E00c\U0001F600", "LiberationSerif-Regular.ttf"));
    core::WarningSink sink;
    const std::string bytes = write(l, &sink);
    REQUIRE(sink.items().size() == 2);
    CHECK(contains(sink.items()[0].message, "U+4E00"));
    CHECK(contains(sink.items()[1].message, "U+1F600"));
    CHECK(bytes.size() > 0);
}

TEST_CASE("a face without a visible soft hyphen: '-' drawn inside /ActualText") {
    TempDir dir;
    // A Liberation subset without U+00AD stands in for such a face.
    auto full = face("LiberationSerif-Regular.ttf");
    std::set<char32_t> cps;
    for (char32_t c : std::u32string(U"ilşkern-")) cps.insert(c);
    const fs::path sub = dir.path / "NoSoftHyphen.ttf";
    spit(sub, full->subset(cps));
    auto f = fonts::Font::load(sub);
    REQUIRE_FALSE(f->has(U'\u00AD'));

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
    const fs::path file = dir.path / "fallback.pdf";
    spit(file, write(l));

    Run t = run("pdftotext -enc UTF-8 " + file.string() + " -", dir.path);
    REQUIRE(t.status == 0);
    CHECK(t.err == "");
    CHECK(contains(t.out, "ilişki\u00AD\nlerin"));
    CHECK_FALSE(contains(t.out, "ilişki-"));
    Run q = run("qpdf --check " + file.string(), dir.path);
    CHECK(q.status == 0);
    CHECK_FALSE(contains(q.out + q.err, "WARNING"));
    Run i = run("pdfinfo " + file.string(), dir.path);
    CHECK(contains(i.out, "PDF version:     1.5\n"));  // /ActualText
    // The '-' is drawn: the rendered page differs from one without the hyphen.
    l.pages[0].items[0] = [&] { auto c = a; c.hyphen = false; return c; }();
    const fs::path plain = dir.path / "plain.pdf";
    spit(plain, write(l));
    run("pdftoppm -r 144 -gray " + file.string() + " " + (dir.path / "with").string(), dir.path);
    run("pdftoppm -r 144 -gray " + plain.string() + " " + (dir.path / "without").string(), dir.path);
    const std::string with = slurp(dir.path / "with-1.pgm"), without = slurp(dir.path / "without-1.pgm");
    REQUIRE(with.size() == without.size());
    REQUIRE(with.size() > 1000);
    CHECK(with != without);
}
