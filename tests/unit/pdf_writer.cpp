// The PDF writer: determinism, errors and warnings. What programs nobody here wrote (poppler,
// qpdf, Ghostscript, xmllint) read back from the sample layout, and from the samples of TJ
// positioning, two-byte codes and the soft-hyphen fallback, is checked by
// tests/integration/pdf_writer.sh (the files come from tests/integration/write_samples.cpp).
#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <variant>

#include "core/context.hpp"
#include "core/diag.hpp"
#include "layout/frame.hpp"
#include "pdf/pack.hpp"
#include "pdf/writer.hpp"
#include "pdf_sample.hpp"

using namespace briefmake;
using namespace pdf_sample;

namespace {

layout::TextRun text_run_missing() { return text(72, 72, "ab\u4E00c", "LiberationSerif-Regular.ttf"); }

std::string write(const layout::Layout& l, core::WarningSink* sink = nullptr) {
    core::Context ctx;
    ctx.warnings = sink;
    return pdf::write_pdf(l, pdf::Options{}, ctx);
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("the sample: no warnings, small (three subset faces, two pages)") {
    core::WarningSink sink;
    const std::string bytes = write(sample(), &sink);
    CHECK(sink.items().empty());
    CAPTURE(bytes.size());
    CHECK(bytes.size() < 30000);
}

TEST_CASE("PDF/A-2a: the same bytes twice, the XMP packet readable in the file, no .notdef") {
    core::Context ctx;
    pdf::Options opt;
    opt.pdfa = true;
    const std::string bytes = pdf::write_pdf(sample(), opt, ctx);
    CHECK(bytes == pdf::write_pdf(sample(), opt, ctx));

    // The metadata stream is not compressed: the packet is readable in the file itself.
    CHECK(contains(bytes, "<pdfaid:part>2</pdfaid:part>"));
    CHECK(contains(bytes, "<pdfaid:conformance>A</pdfaid:conformance>"));  // tagged: the accessible level
    CHECK(contains(bytes, "<pdfuaid:part>1</pdfuaid:part>"));
    CHECK(contains(bytes, "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));  // PDF/A knows pdfuaid so

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

TEST_CASE("objects are packed: object streams and a cross-reference stream, no classic table") {
    const std::string bytes = write(sample());
    CHECK(bytes.rfind("%PDF-1.7\n", 0) == 0);
    CHECK(contains(bytes, "/Type/ObjStm"));
    CHECK(contains(bytes, "/Type/XRef"));
    CHECK(contains(bytes, "/Root "));
    CHECK(!contains(bytes, "\nxref\n"));
    // No indirect lengths left ("/Length 12 0 R"): every length is the number itself.
    for (size_t at = bytes.find("/Length "); at != std::string::npos; at = bytes.find("/Length ", at + 1)) {
        size_t end = at + 8;
        while (end < bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[end]))) ++end;
        CHECK(bytes.compare(end, 4, " 0 R") != 0);
    }
    CHECK(bytes.size() > 9);
    CHECK(bytes.substr(bytes.size() - 6) == "%%EOF\n");
    // A file not shaped as libharu writes it is an error, not a broken file.
    CHECK_THROWS_AS(pdf::pack_objects("%PDF-1.7\nnothing here\n"), core::Error);
    CHECK_THROWS_AS(pdf::pack_objects("%PDF-1.7\nstartxref\n5\n%%EOF\n"), core::Error);
}
