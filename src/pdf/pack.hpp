// Object streams: a tagged PDF has hundreds of small dictionaries (its structure elements), each
// an object with a 20-byte cross-reference entry when written as libharu writes them. Packing
// them into compressed object streams with a cross-reference stream (PDF 1.5) makes the tags
// cost a few kilobytes instead of tens. libharu 2.3.0 writes only a classic xref table, so this
// rewrites its saved file.
#pragma once
#include <string>
#include <string_view>

namespace briefmake::pdf {

// `pdf` as libharu saves it: a header, objects "N 0 obj ... endobj" numbered 1..n, a classic
// xref table and trailer. Returns the same objects, streams as they are (an indirect /Length made
// direct), every other object in FlateDecode object streams, and a cross-reference stream
// carrying the trailer's /Root, /Info and /ID. Deterministic. Throws core::Error on a file that
// is not shaped so.
std::string pack_objects(std::string_view pdf);

}  // namespace briefmake::pdf
