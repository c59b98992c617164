// The one seam past libharu 2.3.0's public API. hpdf.h draws pages and makes fonts, images,
// links and outlines, but has no call to add a dictionary or array of one's own, to put a key on
// an object libharu made, to write bytes into a stream, to write an operator it does not know
// (TJ arrays, BDC/EMC marked content), or to reach a font's CID dictionaries. All of that lives
// in its object layer (hpdf_objects.h, hpdf_streams.h) and in the private structs behind HPDF_Doc,
// HPDF_Page, HPDF_Font and HPDF_Encoder. Only hpdf_internal.cpp touches those; the rest of
// src/pdf uses hpdf.h's public calls and this header (hpdf.h declares the structs too, so this
// is a rule, not something the compiler enforces). Each function says why it is needed.
//
// Every call checks libharu's error state through `doc` and throws core::Error naming `what`.
// Objects made by new_* belong to the document (libharu frees them with it). A "direct" object is
// written inside whatever holds it; an "indirect" one is numbered in the xref and written once.
#pragma once
#include <hpdf.h>

#include <cstdint>
#include <span>
#include <string_view>

#include "pdf/document.hpp"

namespace briefmake::pdf::hpdf {

// ---- Objects: hpdf.h builds only the objects libharu itself knows; these are its internal
// object layer (hpdf_objects.h), and reach HPDF_Doc_Rec's memory manager and xref. ----

// A direct dictionary: CIDSystemInfo, an output intent.
HPDF_Dict new_dict(Document& doc, const char* what);
// An indirect dictionary: a font descriptor; for tagging, the structure tree's elements.
HPDF_Dict new_object(Document& doc, const char* what);
// /W and its runs, bookmark destinations, /ID, /OutputIntents; for tagging, /K and /Nums.
HPDF_Array new_array(Document& doc, const char* what);
// A text string, written as libharu writes strings (no encoder: the bytes as given): /Lang,
// CIDSystemInfo, the output intent's names.
void* new_string(Document& doc, const char* text, const char* what);
// A text string from UTF-8 (written as UTF-16BE with a byte order mark, through libharu's UTF-8
// encoder, as the info dictionary's strings): /Alt and /Contents for tagging.
void* new_text(Document& doc, const char* utf8, const char* what);
// A boolean: /MarkInfo /Marked, /DisplayDocTitle.
void* new_bool(Document& doc, bool value, const char* what);
// The trailer /ID's two 16-byte strings.
void* new_binary(Document& doc, std::span<const uint8_t> bytes, const char* what);

// Dictionary keys, set or replaced, on our objects and on libharu's own (fonts, pages,
// annotations, outline items, the catalog and trailer), which hpdf.h gives no setter for.
void put(Document& doc, HPDF_Dict dict, const char* key, void* object, const char* what);
void put_name(Document& doc, HPDF_Dict dict, const char* key, const char* name, const char* what);
void put_number(Document& doc, HPDF_Dict dict, const char* key, int32_t value, const char* what);
void put_box(Document& doc, HPDF_Dict dict, const char* key, HPDF_Box box, const char* what);
// Removes keys libharu writes wrongly or needlessly (/Type on outline items).
void remove(Document& doc, HPDF_Dict dict, const char* key, const char* what);
// The dictionary under `key` (a page's /Resources, a font's /ToUnicode); throws when there is none.
HPDF_Dict get_dict(Document& doc, HPDF_Dict dict, const char* key, const char* what);
// Removes `key` if it holds an array (a page's /ProcSet).
void remove_array(Document& doc, HPDF_Dict dict, const char* key, const char* what);

void push(Document& doc, HPDF_Array array, void* object, const char* what);
void push_number(Document& doc, HPDF_Array array, int32_t value, const char* what);
void push_real(Document& doc, HPDF_Array array, HPDF_REAL value, const char* what);
void push_name(Document& doc, HPDF_Array array, const char* name, const char* what);
void push_null(Document& doc, HPDF_Array array, const char* what);

// ---- Streams: a stream's bytes and filter are fields of libharu's private HPDF_Dict_Rec, and
// hpdf.h makes no stream of one's own. Needed for the embedded font program, the one-byte CMap,
// ToUnicode and CIDToGIDMap data, XMP metadata and the ICC profile. ----

enum class Filter { None, Flate };
// An indirect stream dictionary, empty, with `filter` applied when saving.
HPDF_Dict new_stream(Document& doc, Filter filter, const char* what);
void set_filter(HPDF_Dict stream, Filter filter);
bool has_stream(HPDF_Dict dict);
// Appends `bytes` to the stream's data.
void write(Document& doc, HPDF_Dict stream, std::string_view bytes, const char* what);
// Drops the stream's data (libharu writes the object anyway, then as an empty stream).
void clear(HPDF_Dict stream);
// clear, then write: replaces data libharu wrote when it made the object.
void rewrite(Document& doc, HPDF_Dict stream, std::string_view bytes, const char* what);

// ---- Pages: the content stream is in libharu's private HPDF_PageAttr_Rec. ----

// Appends operators to the page's content stream as they are (libharu's HPDF_Page_* calls
// cover only the operators it knows, and check them against its own graphics mode). The page
// must be outside any text or path object libharu opened, or the operators must fit inside it.
void write_content(Document& doc, HPDF_Page page, std::string_view ops, const char* what);

// ---- The document: its catalog, trailer and version are fields of HPDF_Doc_Rec. ----

// For /Lang, /Metadata, /OutputIntents; for tagging, /StructTreeRoot and /MarkInfo.
HPDF_Dict catalog(HPDF_Doc pdf);
// For /ID, which hpdf.h has no call for.
HPDF_Dict trailer(HPDF_Doc pdf);
// libharu writes %PDF-1.3 whatever the content needs.
void set_version(HPDF_Doc pdf, HPDF_PDFVer version);

// ---- Fonts: a TrueType font's CID dictionaries and metrics are in HPDF_FontAttr_Rec and the
// font definition's private attributes; libharu exposes no call for any of them. ----

// The descendant CIDFontType2 dictionary of a Type0 font, or null.
HPDF_Dict cid_font(HPDF_Font font);
// The CIDToGIDMap stream libharu made for the font, or null.
HPDF_Dict cid_to_gid_map(HPDF_Font font);
// Same, and detaches it so libharu does not refill it when saving (the object itself stays in
// the xref and is still written).
HPDF_Dict take_cid_to_gid_map(HPDF_Font font);
// The advance of `cp` in 1/1000 em and its glyph id, as libharu's text measuring sees them.
int glyph_width(HPDF_Font font, char32_t cp);
unsigned glyph_id(HPDF_Font font, char32_t cp);

struct FontMetrics {
    const char* base_font = "";  // the subset's /BaseFont, e.g. "ABCDEF+LiberationSans"
    int32_t ascent = 0, descent = 0, flags = 0, italic_angle = 0, stemv = 0, x_height = 0;
    HPDF_Box bbox{};
};
FontMetrics font_metrics(HPDF_Font font);
// Makes `descriptor` the descendant CIDFont's /FontDescriptor, with the subset's /BaseFont
// before it (the two keys libharu's own Type0 fonts get when saved).
void set_descriptor(Document& doc, HPDF_Font font, HPDF_Dict descriptor);

// A Type0 font over the TrueType font definition `font_name` (HPDF_LoadTTFontFromFile's name)
// and the double-byte encoding `encoding`: the objects HPDF_GetFont makes for that pair, in the
// same order and with the same keys, but with /W empty, the CIDToGIDMap and ToUnicode streams
// empty and no CIDSystemInfo entries, for the caller to fill. HPDF_GetFont walks all 65,536
// codes of the encoding to fill them (1.3 M instructions per face, a tenth of a two-page PDF)
// and the writer replaced all of it. Usable by every hpdf.h call that takes a font
// (HPDF_Page_SetFontAndSize, HPDF_Page_TextWidth: two-byte codes, CID = code point).
HPDF_Font new_type0_font(Document& doc, const char* font_name, const char* encoding, const char* what);

}  // namespace briefmake::pdf::hpdf
