// fuzz_reference: docx::parse_reference on arbitrary bytes. Input starting with "PK" is the
// archive itself (zip-level: sizes, bombs, damaged entries); any other input is split at lines
// "----" into styles.xml, document.xml, header1.xml and theme1.xml, zipped as a well-formed
// package, so the mutations reach the XML readers (styles, basedOn chains, theme, fields).
#include <string>
#include <vector>

#include "docx/package.hpp"
#include "docx/reference.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmake;
    std::string in = fuzz::bytes(data, size);
    docx::ReferenceLimits limits;
    limits.max_part = 1 << 20;  // keep each run small; the checks are the same
    limits.max_total = 4 << 20;
    try {
        if (in.rfind("PK", 0) == 0) {
            docx::parse_reference(in, "fuzz.docx", {}, limits);
            return 0;
        }
        std::vector<std::string> piece(4);
        size_t k = 0;
        for (size_t at = 0; at <= in.size() && k < piece.size();) {
            size_t sep = in.find("\n----\n", at);
            piece[k++] = in.substr(at, sep == std::string::npos ? std::string::npos : sep - at);
            if (sep == std::string::npos) break;
            at = sep + 6;
        }
        const std::string r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        auto rel = [&](const char* id, const char* type, const char* target) {
            return std::string("<Relationship Id=\"") + id + "\" Type=\"" + r + type + "\" Target=\"" + target + "\"/>";
        };
        auto rels = [](const std::string& body) {
            return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + body +
                   "</Relationships>";
        };
        std::vector<docx::Part> parts = {
            {"_rels/.rels", "", rels(rel("rId1", "officeDocument", "word/document.xml"))},
            {"word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", piece[1]},
            {"word/_rels/document.xml.rels", "",
             rels(rel("rIdS", "styles", "styles.xml") + rel("rIdH", "header", "header1.xml") +
                  rel("rIdT", "theme", "theme/theme1.xml"))},
            {"word/styles.xml", "", piece[0]},
            {"word/header1.xml", "", piece[2]},
            {"word/theme/theme1.xml", "", piece[3]},
        };
        docx::parse_reference(docx::zip_package(parts), "fuzz.docx", {}, limits);
    } catch (const core::Error&) {
    }
    return 0;
}
