#include "docx/metadata.hpp"

#include <chrono>
#include <cstdio>
#include <set>

#include "docx/xml.hpp"

namespace briefmake::docx {

std::string w3cdtf(int64_t epoch) {
    using namespace std::chrono;
    sys_seconds t{seconds{epoch}};
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss hms{t - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::string core_xml(const doc::Meta& m) {
    pugi::xml_document doc;
    auto root = new_part(doc, "cp:coreProperties");
    attr(root, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    attr(root, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    attr(root, "xmlns:dcterms", "http://purl.org/dc/terms/");
    attr(root, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
    attr(root, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    auto text = [&](const char* name, const std::string& v) {
        if (!v.empty()) el(root, name).text().set(clean_text(v).c_str());
    };
    text("dc:title", m.title);
    text("dc:subject", m.subject);
    text("dc:creator", m.author);
    text("cp:keywords", m.keywords);
    text("dc:language", m.locale.empty() ? m.language : m.locale);
    for (const char* name : {"dcterms:created", "dcterms:modified"}) {
        auto n = el(root, name);
        attr(n, "xsi:type", "dcterms:W3CDTF");
        n.text().set(w3cdtf(m.date_epoch).c_str());
    }
    return to_string(doc);
}

std::string app_xml(const doc::Meta& m, const Options& opt) {
    pugi::xml_document doc;
    auto root = new_part(doc, "Properties");
    attr(root, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    attr(root, "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
    el(root, "Application").text().set("briefmake");
    el(root, "DocSecurity").text().set("0");
    if (opt.page_count > 0) el(root, "Pages").text().set(std::to_string(opt.page_count).c_str());
    (void)m;
    return to_string(doc);
}

std::string settings_xml(const doc::Meta& m) {
    pugi::xml_document doc;
    auto root = new_part(doc, "w:settings");
    attr(root, "xmlns:w", kNsW);
    attr(el(root, "w:zoom"), "w:percent", "100");
    el(root, "w:defaultTabStop", "709");
    // No automatic hyphenation: Word and LibreOffice break words only at the soft hyphens where
    // the PDF hyphenated a line end, so they break lines as the PDF does (README: editing the DOCX).
    el(root, "w:hyphenationZone", "284");
    el(root, "w:characterSpacingControl", "doNotCompress");
    auto compat = el(root, "w:compat");
    // A justified line that ends in a hard line break is not stretched (as in the PDF).
    el(compat, "w:doNotExpandShiftReturn");
    el(compat, "w:doNotUseHTMLParagraphAutoSpacing");
    auto cs = el(compat, "w:compatSetting");
    attr(cs, "w:name", "compatibilityMode");
    attr(cs, "w:uri", "http://schemas.microsoft.com/office/word");
    attr(cs, "w:val", "15");
    std::string lang = clean_text(m.locale.empty() ? m.language : m.locale);
    if (!lang.empty()) {
        auto t = el(root, "w:themeFontLang", lang);
        attr(t, "w:eastAsia", lang);
        attr(t, "w:bidi", lang);
    }
    return to_string(doc);
}

std::string font_table_xml(const tmpl::Template& t) {
    pugi::xml_document doc;
    auto root = new_part(doc, "w:fonts");
    attr(root, "xmlns:w", kNsW);
    std::set<std::string> seen;
    for (const auto& [key, family] : t.fonts) {
        std::string name = clean_text(family.docx_name);
        if (name.empty() || !seen.insert(name).second) continue;
        auto f = el(root, "w:font");
        attr(f, "w:name", name);
        el(f, "w:charset", "00");
        // serif families are "roman" to Word, the others "swiss"
        el(f, "w:family", key.find("sans") != std::string::npos || key.find("mono") != std::string::npos
                               ? (key.find("mono") != std::string::npos ? "modern" : "swiss")
                               : "roman");
        el(f, "w:pitch", key.find("mono") != std::string::npos ? "fixed" : "variable");
    }
    return to_string(doc);
}

}  // namespace briefmake::docx
