// The DOCX side of a reference document: its styles.xml with ours merged in, its header and
// footer parts with their images.
#pragma once
#include <string>
#include <vector>

#include "docx/package.hpp"
#include "docx/reference.hpp"

namespace briefmake::docx {

// The reference's styles.xml, with those of `ours` (a styles.xml we wrote) that it lacks added
// (based on its Normal). Styles both have keep the reference's definition.
std::string merge_styles(const Reference& r, const std::string& ours);

// The reference's header or footer as the part word/NAME, its relationships (images only,
// renamed into word/media/) and the images.
// `ours`: when not empty, a header (footer) part of ours whose first paragraph takes the place of
// the reference's first paragraph with text (`reference-header: beside`).
std::vector<Part> reference_furniture(const RefFurniture& f, const std::string& name, bool header,
                                      const std::string& ours = {});

}  // namespace briefmake::docx
