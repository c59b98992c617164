// docProps/core.xml and docProps/app.xml, word/settings.xml and word/fontTable.xml.
#pragma once
#include <cstdint>
#include <string>

#include "doc/doc.hpp"
#include "docx/writer.hpp"

namespace briefmake::docx {

// "2026-02-02T09:30:00Z" (W3CDTF, UTC) from Unix seconds.
std::string w3cdtf(int64_t epoch);

std::string core_xml(const doc::Meta& m);
std::string app_xml(const doc::Meta& m, const Options& opt);
// No automatic hyphenation (soft hyphens at the PDF's breaks only), the document language for theme fonts, no field-update prompt.
std::string settings_xml(const doc::Meta& m);
// The Word font names of the template's families.
std::string font_table_xml(const tmpl::Template& t);

}  // namespace briefmake::docx
