#include "pdf/pdfa.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <variant>

#include "core/context.hpp"
#include "core/diag.hpp"
#include "core/i18n.hpp"

namespace briefmake::pdf {

void IdHasher::add(std::string_view bytes) {
    for (unsigned char c : bytes) {
        a_ = (a_ ^ c) * 0x100000001b3ull;
        b_ = (b_ ^ c) * 0x100000001b3ull;
        b_ ^= b_ >> 29;  // keeps the two halves from moving in lockstep
    }
    // A separator, so ("ab","c") and ("a","bc") differ.
    a_ = (a_ ^ 0xFF) * 0x100000001b3ull;
    b_ = (b_ ^ 0xFE) * 0x100000001b3ull;
}

void IdHasher::add_number(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    add(std::string_view(buf, size_t(r.ptr - buf)));
}

std::array<uint8_t, 16> IdHasher::digest() const {
    std::array<uint8_t, 16> out{};
    for (int i = 0; i < 8; ++i) {
        out[i] = uint8_t(a_ >> (56 - 8 * i));
        out[8 + i] = uint8_t(b_ >> (56 - 8 * i));
    }
    return out;
}

namespace {

void add_color(IdHasher& h, const layout::Color& c) { h.add(std::string{char(c.r), char(c.g), char(c.b)}); }
void add_opt_color(IdHasher& h, const std::optional<layout::Color>& c) {
    if (c)
        add_color(h, *c);
    else
        h.add("-");
}

struct ItemHasher {
    IdHasher& h;
    void operator()(const layout::TextRun& t) {
        h.add("T");
        for (double v : {t.x, t.y, t.size}) h.add_number(v);
        h.add(t.text);
        h.add(t.font ? t.font->postscript_name() : std::string());
        add_color(h, t.color);
        h.add(t.hyphen ? "1" : "0");
    }
    void operator()(const layout::Rule& r) {
        h.add("L");
        for (double v : {r.x1, r.y1, r.x2, r.y2, r.width}) h.add_number(v);
        add_color(h, r.color);
    }
    void operator()(const layout::Rect& r) {
        h.add("R");
        for (double v : {r.x, r.y, r.w, r.h, r.stroke_width}) h.add_number(v);
        add_opt_color(h, r.fill);
        add_opt_color(h, r.stroke);
    }
    void operator()(const layout::Path& p) {
        h.add("P");
        for (auto [x, y] : p.points) {
            h.add_number(x);
            h.add_number(y);
        }
        h.add(p.closed ? "1" : "0");
        add_opt_color(h, p.fill);
        add_opt_color(h, p.stroke);
        h.add_number(p.stroke_width);
    }
    void operator()(const layout::Sector& s) {
        h.add("S");
        for (double v : {s.cx, s.cy, s.r, s.start, s.end}) h.add_number(v);
        add_color(h, s.fill);
        add_opt_color(h, s.stroke);
    }
    void operator()(const layout::Link& k) {
        h.add("K");
        for (double v : {k.x, k.y, k.w, k.h, double(k.dest_page), k.dest_y}) h.add_number(v);
        h.add(k.uri);
    }
    void operator()(const layout::Image& i) {
        h.add("I");
        for (double v : {i.x, i.y, i.w, i.h}) h.add_number(v);
        h.add(i.file.string());
    }
};

std::string xml_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                // XML 1.0 allows no C0 controls other than tab, LF and CR.
                if (uint8_t(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += c;
        }
    }
    return out;
}

}  // namespace

void hash_layout(IdHasher& h, const layout::Layout& l) {
    for (const auto& p : l.pages) {
        h.add("page");
        h.add_number(p.width);
        h.add_number(p.height);
        for (const auto& item : p.items) std::visit(ItemHasher{h}, item);
    }
    for (const auto& b : l.bookmarks) {
        h.add("bookmark");
        h.add(b.title);
        for (double v : {double(b.level), double(b.page), b.y}) h.add_number(v);
    }
    for (const std::string* s : {&l.info.title, &l.info.author, &l.info.subject, &l.info.keywords, &l.info.creator,
                                 &l.info.language})
        h.add(*s);
    h.add_number(double(l.info.date_epoch));
}

std::string iso_date(int64_t epoch) {
    using namespace std::chrono;
    const sys_seconds t{seconds{epoch}};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{t - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), int(hms.hours().count()), int(hms.minutes().count()),
                  int(hms.seconds().count()));
    return buf;
}

std::string xmp_packet(const layout::Info& info, const std::string& producer, bool pdfa) {
    const std::string date = iso_date(info.date_epoch);
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        + std::string(pdfa ? "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n" : "") +
        "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    if (pdfa)
        x += "   <pdfaid:part>2</pdfaid:part>\n"
             "   <pdfaid:conformance>A</pdfaid:conformance>\n";
    x += "   <pdfuaid:part>1</pdfuaid:part>\n"
         "   <dc:format>application/pdf</dc:format>\n";
    if (!info.title.empty())
        x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.title) +
             "</rdf:li></rdf:Alt></dc:title>\n";
    if (!info.author.empty())
        x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!info.subject.empty())
        x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    if (!info.keywords.empty()) x += "   <pdf:Keywords>" + xml_escape(info.keywords) + "</pdf:Keywords>\n";
    if (!producer.empty()) x += "   <pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
    if (!info.creator.empty()) x += "   <xmp:CreatorTool>" + xml_escape(info.creator) + "</xmp:CreatorTool>\n";
    x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
    x += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
    x += "  </rdf:Description>\n";
    if (pdfa)  // PDF/A accepts only the schemas it knows, or those described like this
        x += "  <rdf:Description rdf:about=\"\"\n"
             "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
             "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
             "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
             "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
             "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
             "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
             "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
             "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
             "     <pdfaProperty:name>part</pdfaProperty:name>\n"
             "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
             "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
             "     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
             "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
             "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
             "  </rdf:Description>\n";
    x += " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>";
    return x;
}

std::string srgb_profile() {
    const std::filesystem::path p = "/usr/share/color/icc/sRGB.icc";
    std::error_code ec;
    if (!std::filesystem::exists(p, ec))
        throw core::Error({p.string(), 0, 0}, _("PDF/A needs an sRGB ICC profile"), _("install icc-profiles-free"));
    std::string icc = core::read_file(p);
    // An ICC header is 128 bytes; bytes 36..39 hold the 'acsp' signature, 16..19 the colour space.
    if (icc.size() < 132 || icc.compare(36, 4, "acsp") != 0 || icc.compare(16, 4, "RGB ") != 0)
        throw core::Error({p.string(), 0, 0}, _("not an RGB ICC profile"));
    return icc;
}

}  // namespace briefmake::pdf
