// Word tables: the named table style, repeating header rows, rows that do not split, column
// widths scaled to the text width, numeric cells right-aligned.
#pragma once
#include <string>

#include <pugixml.hpp>

#include "doc/doc.hpp"

namespace briefmake::docx {

struct State;

// `caption` and `description` go to w:tblCaption and w:tblDescription (the table's alternative
// text, which Word's Accessibility Checker asks for), when not empty.
void add_table(pugi::xml_node parent, const doc::Table& t, State& s, const std::string& caption = {},
               const std::string& description = {});

// Column widths in twips summing exactly to `total`, from relative weights (equal if the
// weights are missing, wrong in number, or not positive).
std::vector<long> column_widths(const std::vector<double>& weights, size_t columns, long total);

}  // namespace briefmake::docx
