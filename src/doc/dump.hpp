#pragma once
#include <string>

#include "doc/doc.hpp"

namespace briefmake::doc {
// A stable, indented text form of the tree, for golden tests.
std::string dump(const Document& d);
}  // namespace briefmake::doc
