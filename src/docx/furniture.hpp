// Header and footer parts (left / centre / right slots on tab stops, PAGE and NUMPAGES fields)
// and the section properties that reference them: page size, margins, first-page variants.
#pragma once
#include <vector>

#include <pugixml.hpp>

#include "docx/package.hpp"

namespace briefmake::docx {

struct State;

// Appends w:sectPr to `body`, adds header/footer relationships to s.rels, and returns the
// header and footer parts (word/header1.xml, ..., word/footer1.xml, ...).
std::vector<Part> add_furniture(pugi::xml_node body, State& s);

}  // namespace briefmake::docx
