// The seam into libharu's internals (pdf/hpdf_internal.hpp), checked as the tagging work will use
// it: raw marked-content operators in a page's content stream, dictionaries of our own hung on the
// catalog and a page, stream data replaced, the version set. The saved file is read back with qpdf.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/diag.hpp"
#include "pdf/document.hpp"
#include "pdf/hpdf_internal.hpp"

using namespace briefmake;
namespace fs = std::filesystem;

namespace {

// `text` with every run of white space made one space, and none just inside [ ]: so that a
// dictionary reads the same however qpdf spaces it (no <regex>: GCC's ASan build warns in it).
std::string squeeze(const std::string& text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space) {
            if (!out.empty() && out.back() != ' ' && out.back() != '[') out += ' ';
        } else {
            if (c == ']' && !out.empty() && out.back() == ' ') out.pop_back();
            out += c;
        }
    }
    return out;
}

// Whether `text` holds `key N 0 R` (an indirect reference) for some object number N.
bool has_reference(const std::string& text, const std::string& key) {
    for (size_t at = text.find(key + " "); at != std::string::npos; at = text.find(key + " ", at + 1)) {
        size_t i = at + key.size() + 1, digits = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        if (i > digits && text.compare(i, 4, " 0 R") == 0) return true;
    }
    return false;
}

// Runs `cmd`; returns its exit status and stdout.
std::pair<int, std::string> capture(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    const int st = pclose(p);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

// The file as qpdf's QDF form: streams uncompressed, one object per block, in plain text.
std::string qdf(const std::string& pdf) {
    std::string dir = (fs::temp_directory_path() / "briefmake_hpdf_XXXXXX").string();
    REQUIRE(mkdtemp(dir.data()) != nullptr);
    const fs::path in = fs::path(dir) / "in.pdf", out = fs::path(dir) / "out.pdf";
    std::ofstream(in, std::ios::binary) << pdf;
    auto [check_status, check_out] = capture("qpdf --check " + in.string() + " 2>&1");
    INFO(check_out);
    CHECK(check_status == 0);
    auto [status, ignored] =
        capture("qpdf --qdf --normalize-content=n --object-streams=disable " + in.string() + " " + out.string());
    REQUIRE(status == 0);
    std::ostringstream s;
    s << std::ifstream(out, std::ios::binary).rdbuf();
    fs::remove_all(dir);
    return s.str();
}

}  // namespace

TEST_CASE("hpdf seam: marked content, objects of our own and replaced streams reach the file") {
    pdf::Document doc;
    HPDF_Doc pdf = doc.get();
    doc.check("compression", HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL));
    HPDF_Page page = doc.check_handle("page", HPDF_AddPage(pdf));

    // Marked content around a path, as tagging will write it.
    pdf::hpdf::write_content(doc, page, "/P <</MCID 0>> BDC\n72 72 m 144 144 l S\nEMC\n", "content");
    doc.check("path", HPDF_Page_MoveTo(page, 10, 10));  // libharu's own operators still follow
    doc.check("path", HPDF_Page_LineTo(page, 20, 20));
    doc.check("path", HPDF_Page_Stroke(page));

    // A structure tree root (indirect) with a direct /K array, and the page's /StructParents.
    HPDF_Dict root = pdf::hpdf::new_object(doc, "root");
    pdf::hpdf::put_name(doc, root, "Type", "StructTreeRoot", "root");
    HPDF_Array kids = pdf::hpdf::new_array(doc, "kids");
    pdf::hpdf::push_number(doc, kids, 7, "kids");
    pdf::hpdf::push_real(doc, kids, 1.5f, "kids");
    pdf::hpdf::push_name(doc, kids, "Sect", "kids");
    pdf::hpdf::push_null(doc, kids, "kids");
    pdf::hpdf::put(doc, root, "K", kids, "root");
    pdf::hpdf::put(doc, pdf::hpdf::catalog(pdf), "StructTreeRoot", root, "catalog");
    pdf::hpdf::put_number(doc, page, "StructParents", 0, "page");
    pdf::hpdf::put(doc, pdf::hpdf::catalog(pdf), "Lang", pdf::hpdf::new_string(doc, "tr-TR", "lang"), "lang");

    // A stream written, then replaced as a whole.
    HPDF_Dict stream = pdf::hpdf::new_stream(doc, pdf::hpdf::Filter::Flate, "stream");
    pdf::hpdf::write(doc, stream, "first bytes, to be dropped", "stream");
    pdf::hpdf::rewrite(doc, stream, "the bytes that stay", "stream");
    CHECK(pdf::hpdf::has_stream(stream));
    pdf::hpdf::put(doc, root, "XTestData", stream, "root");

    pdf::hpdf::set_version(pdf, HPDF_VER_17);
    const std::string bytes = doc.save();
    CHECK(bytes.rfind("%PDF-1.7", 0) == 0);

    const std::string q = qdf(bytes);
    CHECK(q.find("/P <</MCID 0>> BDC\n72 72 m 144 144 l S\nEMC\n") != std::string::npos);
    CHECK(q.find("10 10 m") != std::string::npos);
    const std::string flat = squeeze(q);
    CHECK(has_reference(flat, "/StructTreeRoot"));
    CHECK(flat.find("/Type /StructTreeRoot") != std::string::npos);
    CHECK(flat.find("/K [7 1.5 /Sect null]") != std::string::npos);
    CHECK(flat.find("/StructParents 0") != std::string::npos);
    CHECK(q.find("/Lang (tr-TR)") != std::string::npos);
    CHECK(q.find("the bytes that stay") != std::string::npos);
    CHECK(q.find("first bytes") == std::string::npos);
}

TEST_CASE("hpdf seam: a missing dictionary is an error naming the step") {
    pdf::Document doc;
    HPDF_Page page = doc.check_handle("page", HPDF_AddPage(doc.get()));
    CHECK(pdf::hpdf::get_dict(doc, page, "Resources", "finding resources") != nullptr);
    try {
        pdf::hpdf::get_dict(doc, page, "NoSuchKey", "finding the test dictionary");
        FAIL("no error");
    } catch (const core::Error& e) {
        CHECK(std::string(e.what()).find("finding the test dictionary") != std::string::npos);
    }
}

TEST_CASE("hpdf seam: a Type0 font made without HPDF_GetFont draws, measures and is written whole") {
    pdf::Document doc;
    HPDF_Doc pdf = doc.get();
    doc.check("compression", HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL));
    const std::string file = std::string(BRIEFMAKE_SOURCE_DIR) + "/fonts/LiberationSans-Regular.ttf";
    const char* name = doc.check_handle("font", HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE));
    doc.check("encodings", HPDF_UseUTFEncodings(pdf));
    HPDF_Font font = pdf::hpdf::new_type0_font(doc, name, "UTF-8", "font");

    // Two-byte codes, CID = code point: widths as libharu's font definition gives them.
    const int a = pdf::hpdf::glyph_width(font, U'A'), space = pdf::hpdf::glyph_width(font, U' ');
    CHECK(a == 666);  // Liberation Sans: 1366 of 2048 units, libharu rounding down
    const HPDF_BYTE text[] = {0x00, 'A', 0x00, ' ', 0x01, 0x30, 0x01, 0x31};  // "A İı"
    HPDF_TextWidth tw = HPDF_Font_TextWidth(font, text, sizeof text);
    CHECK(tw.numchars == 4);
    CHECK(tw.numspace == 1);
    CHECK(tw.numwords == 2);
    CHECK(tw.width == HPDF_UINT(a + space + pdf::hpdf::glyph_width(font, U'İ') + pdf::hpdf::glyph_width(font, U'ı')));
    const HPDF_BYTE four[] = {0x00, 'A', 0x00, 'A', 0x00, 'A', 0x00, 'A'};
    HPDF_REAL used = 0;
    // At size 1000 each A is `a` wide: two and a half fit in 2.5 a, so two codes (four bytes).
    CHECK(HPDF_Font_MeasureText(font, four, sizeof four, 2.5f * a, 1000, 0, 0, HPDF_FALSE, &used) == 4);
    CHECK(used == doctest::Approx(2 * a));
    CHECK(HPDF_Font_MeasureText(font, four, sizeof four, 10.0f * a, 1000, 0, 0, HPDF_FALSE, &used) == 8);

    HPDF_Page page = doc.check_handle("page", HPDF_AddPage(pdf));
    doc.check("text", HPDF_Page_BeginText(page));
    doc.check("font", HPDF_Page_SetFontAndSize(page, font, 12));
    pdf::hpdf::write_content(doc, page, "<0041> Tj\n", "text");
    doc.check("text", HPDF_Page_EndText(page));
    // What the writer adds (pdf/fonts.cpp): widths, the glyph map, the descriptor.
    HPDF_Array w = pdf::hpdf::new_array(doc, "W");
    pdf::hpdf::push_number(doc, w, 65, "W");
    pdf::hpdf::push_number(doc, w, 65, "W");
    pdf::hpdf::push_number(doc, w, a, "W");
    pdf::hpdf::put(doc, pdf::hpdf::cid_font(font), "W", w, "W");
    pdf::hpdf::rewrite(doc, pdf::hpdf::cid_to_gid_map(font), std::string("\0\0", 2), "map");
    HPDF_Dict desc = pdf::hpdf::new_object(doc, "descriptor");
    pdf::hpdf::put_name(doc, desc, "Type", "FontDescriptor", "descriptor");
    pdf::hpdf::set_descriptor(doc, font, desc);

    const std::string flat = squeeze(qdf(doc.save()));
    CHECK(flat.find("/F1 12 Tf") != std::string::npos);
    CHECK(has_reference(flat, "/F1"));
    CHECK(flat.find("/Subtype /Type0") != std::string::npos);
    CHECK(flat.find("/Encoding /Identity-H") != std::string::npos);
    CHECK(has_reference(flat, "/ToUnicode"));
    CHECK(flat.find("/Subtype /CIDFontType2") != std::string::npos);
    CHECK(flat.find("/W [65 65 666]") != std::string::npos);
    CHECK(has_reference(flat, "/CIDToGIDMap"));
    CHECK(has_reference(flat, "/FontDescriptor"));
    CHECK(flat.find("/Registry (Adobe)") != std::string::npos);
}

TEST_CASE("hpdf seam: a Type0 font needs a TrueType definition and a double-byte encoding") {
    pdf::Document doc;
    HPDF_Doc pdf = doc.get();
    const std::string file = std::string(BRIEFMAKE_SOURCE_DIR) + "/fonts/LiberationSans-Regular.ttf";
    const char* name = doc.check_handle("font", HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE));
    CHECK_THROWS_AS(pdf::hpdf::new_type0_font(doc, name, "WinAnsiEncoding", "a single-byte encoding"), core::Error);
}
