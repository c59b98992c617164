// DEFLATE for the writers: the PDF's streams (pdf/pack.cpp, and libharu's own through
// pdf/hpdf_internal.cpp) and the DOCX's zip entries (docx/package.cpp). Whole buffers through
// libdeflate (Debian's libdeflate-dev), the only module that includes it. At level 6 it wrote
// the sample brief's streams and parts 0.6 % smaller than zlib at level 6 (and smaller than zlib
// at level 9) in 60 % of the instructions, chiefly because it does not clear a fresh 64-128 KB
// hash table with each stream as zlib's deflateInit and deflateReset do. Output is a function of
// the input and the level alone (the same bytes on every run and thread).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace briefmake::deflate {

enum class Format {
    Raw,   // RFC 1951 (zip entries)
    Zlib,  // RFC 1950: a two-byte header and an Adler-32 trailer (PDF /FlateDecode)
};

// libdeflate's levels run 1-12 (10-12 search for the best parse, at many times the cost).
constexpr int kDefaultLevel = 6;

// Appends `data` compressed to `out`. Each thread keeps one compressor per level it has used, so
// a stream costs no allocation after its thread's first. Throws core::Error if the compressor
// cannot be made (out of memory).
void compress(Format format, std::string_view data, std::string& out, int level = kDefaultLevel);
std::string compress(Format format, std::string_view data, int level = kDefaultLevel);

// A run that writes many documents (a batch) compresses many identical streams and parts: the
// DOCX's styles and numbering, the PDF's font subsets of briefs that draw the same characters.
// With a capacity, compress() keeps up to that many bytes of recent inputs of 2-256 KB with
// their output, and a repeated input (same bytes, format and level) is copied, not compressed
// again: the same bytes either way. Off (0) by default; thread-safe.
void remember_repeats(size_t capacity_bytes);

// The CRC-32 of zip headers (ISO 3309, as zlib's crc32).
uint32_t crc32(std::string_view data);

}  // namespace briefmake::deflate
