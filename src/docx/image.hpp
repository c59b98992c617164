// The template's logo as a picture part, drawn like the PDF draws it: centred above the first
// block of page 1, logo_width wide (or its natural size at 72 dpi), never wider than the text.
#pragma once
#include <pugixml.hpp>

#include "docx/content.hpp"

namespace briefmake::docx {

// Adds word/media/logo.png|jpeg to s.parts and its paragraph to `body` (nothing without a logo).
void add_logo(pugi::xml_node body, State& s);

}  // namespace briefmake::docx
