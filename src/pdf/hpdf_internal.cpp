#include "pdf/hpdf_internal.hpp"

// libharu's internal headers (hpdf.h pulls most of them in too, but only this file may use them).
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/diag.hpp"
#include "deflate/deflate.hpp"

namespace briefmake::pdf::hpdf {

namespace {

HPDF_MMgr mmgr(Document& doc) { return doc.get()->mmgr; }

HPDF_UINT16 filter_bits(Filter f) {
    return f == Filter::Flate ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
}

HPDF_FontAttr font_attr(HPDF_Font font) { return static_cast<HPDF_FontAttr>(font->attr); }

}  // namespace

HPDF_Dict new_dict(Document& doc, const char* what) { return doc.check_handle(what, HPDF_Dict_New(mmgr(doc))); }

HPDF_Dict new_object(Document& doc, const char* what) {
    HPDF_Dict d = new_dict(doc, what);
    doc.check(what, HPDF_Xref_Add(doc.get()->xref, d));
    return d;
}

HPDF_Array new_array(Document& doc, const char* what) { return doc.check_handle(what, HPDF_Array_New(mmgr(doc))); }

void* new_string(Document& doc, const char* text, const char* what) {
    return doc.check_handle(what, HPDF_String_New(mmgr(doc), text, nullptr));
}

void* new_text(Document& doc, const char* utf8, const char* what) {
    HPDF_Encoder utf = doc.check_handle(what, HPDF_GetEncoder(doc.get(), "UTF-8"));
    return doc.check_handle(what, HPDF_String_New(mmgr(doc), utf8, utf));
}

void* new_bool(Document& doc, bool value, const char* what) {
    return doc.check_handle(what, HPDF_Boolean_New(mmgr(doc), value ? HPDF_TRUE : HPDF_FALSE));
}

void* new_binary(Document& doc, std::span<const uint8_t> bytes, const char* what) {
    return doc.check_handle(what,
                            HPDF_Binary_New(mmgr(doc), const_cast<HPDF_BYTE*>(bytes.data()), HPDF_UINT(bytes.size())));
}

void put(Document& doc, HPDF_Dict dict, const char* key, void* object, const char* what) {
    doc.check(what, HPDF_Dict_Add(dict, key, object));
}

void put_name(Document& doc, HPDF_Dict dict, const char* key, const char* name, const char* what) {
    doc.check(what, HPDF_Dict_AddName(dict, key, name));
}

void put_number(Document& doc, HPDF_Dict dict, const char* key, int32_t value, const char* what) {
    doc.check(what, HPDF_Dict_AddNumber(dict, key, value));
}

void put_box(Document& doc, HPDF_Dict dict, const char* key, HPDF_Box box, const char* what) {
    doc.check(what, HPDF_Dict_Add(dict, key, HPDF_Box_Array_New(mmgr(doc), box)));
}

void remove(Document& doc, HPDF_Dict dict, const char* key, const char* what) {
    doc.check(what, HPDF_Dict_RemoveElement(dict, key));
}

HPDF_Dict get_dict(Document& doc, HPDF_Dict dict, const char* key, const char* what) {
    return doc.check_handle(what, static_cast<HPDF_Dict>(HPDF_Dict_GetItem(dict, key, HPDF_OCLASS_DICT)));
}

void remove_array(Document& doc, HPDF_Dict dict, const char* key, const char* what) {
    if (HPDF_Dict_GetItem(dict, key, HPDF_OCLASS_ARRAY)) remove(doc, dict, key, what);
    doc.check(what);  // a key holding something else is an error libharu records
}

void push(Document& doc, HPDF_Array array, void* object, const char* what) {
    doc.check(what, HPDF_Array_Add(array, object));
}

void push_number(Document& doc, HPDF_Array array, int32_t value, const char* what) {
    doc.check(what, HPDF_Array_AddNumber(array, value));
}

void push_real(Document& doc, HPDF_Array array, HPDF_REAL value, const char* what) {
    doc.check(what, HPDF_Array_AddReal(array, value));
}

void push_name(Document& doc, HPDF_Array array, const char* name, const char* what) {
    doc.check(what, HPDF_Array_AddName(array, name));
}

void push_null(Document& doc, HPDF_Array array, const char* what) {
    doc.check(what, HPDF_Array_Add(array, HPDF_Null_New(mmgr(doc))));
}

HPDF_Dict new_stream(Document& doc, Filter filter, const char* what) {
    HPDF_Dict d = doc.check_handle(what, HPDF_DictStream_New(mmgr(doc), doc.get()->xref));
    set_filter(d, filter);
    return d;
}

void set_filter(HPDF_Dict stream, Filter filter) { stream->filter = filter_bits(filter); }

bool has_stream(HPDF_Dict dict) { return dict && dict->stream; }

void write(Document& doc, HPDF_Dict stream, std::string_view bytes, const char* what) {
    doc.check(what, HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                      HPDF_UINT(bytes.size())));
}

void clear(HPDF_Dict stream) { HPDF_MemStream_FreeData(stream->stream); }

void rewrite(Document& doc, HPDF_Dict stream, std::string_view bytes, const char* what) {
    clear(stream);
    write(doc, stream, bytes, what);
}

void write_content(Document& doc, HPDF_Page page, std::string_view ops, const char* what) {
    auto attr = static_cast<HPDF_PageAttr>(page->attr);
    doc.check(what, HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                                      HPDF_UINT(ops.size())));
}

HPDF_Dict catalog(HPDF_Doc pdf) { return pdf->catalog; }

HPDF_Dict trailer(HPDF_Doc pdf) { return pdf->trailer; }

void set_version(HPDF_Doc pdf, HPDF_PDFVer version) { pdf->pdf_version = version; }

HPDF_Dict cid_font(HPDF_Font font) { return font_attr(font)->descendant_font; }

HPDF_Dict cid_to_gid_map(HPDF_Font font) {
    HPDF_FontAttr attr = font_attr(font);
    return attr ? attr->map_stream : nullptr;
}

HPDF_Dict take_cid_to_gid_map(HPDF_Font font) {
    HPDF_FontAttr attr = font_attr(font);
    HPDF_Dict map = attr->map_stream;
    attr->map_stream = nullptr;
    return map;
}

int glyph_width(HPDF_Font font, char32_t cp) {
    return HPDF_TTFontDef_GetCharWidth(font_attr(font)->fontdef, HPDF_UNICODE(cp));
}

unsigned glyph_id(HPDF_Font font, char32_t cp) {
    return HPDF_TTFontDef_GetGlyphid(font_attr(font)->fontdef, HPDF_UINT16(cp));
}

FontMetrics font_metrics(HPDF_Font font) {
    HPDF_FontDef def = font_attr(font)->fontdef;
    FontMetrics m;
    m.base_font = static_cast<HPDF_TTFontDefAttr>(def->attr)->base_font;
    m.ascent = def->ascent;
    m.descent = def->descent;
    m.flags = int32_t(def->flags);
    m.italic_angle = def->italic_angle;
    m.stemv = def->stemv;
    m.x_height = def->x_height;
    m.bbox = def->font_bbox;
    return m;
}

void set_descriptor(Document& doc, HPDF_Font font, HPDF_Dict descriptor) {
    HPDF_FontAttr attr = font_attr(font);
    attr->fontdef->descriptor = descriptor;
    const char* what = "setting a font descriptor";
    put_name(doc, attr->descendant_font, "BaseFont", static_cast<HPDF_TTFontDefAttr>(attr->fontdef->attr)->base_font,
             what);
    put(doc, attr->descendant_font, "FontDescriptor", descriptor, what);
}

namespace {

void free_font_attr(HPDF_Dict font) {
    if (font->attr) HPDF_FreeMem(font->mmgr, font->attr);
    font->attr = nullptr;
}

// The advance of the code at text[i..i+1] (a two-byte code: the code point), in 1/1000 em.
HPDF_UINT code_width(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT i, HPDF_UINT len) {
    if (i + 1 >= len) return 0;  // a lone last byte is no code
    const HPDF_UNICODE cp = HPDF_UNICODE((text[i] << 8) | text[i + 1]);
    return HPDF_UINT(std::max(0, int(HPDF_TTFontDef_GetCharWidth(font_attr(font)->fontdef, cp))));
}

bool white(HPDF_UNICODE code) { return code == 0x00 || code == 0x09 || code == 0x0A || code == 0x0C || code == 0x0D || code == 0x20; }

// libharu's Type0 text measuring for this encoding: every code two bytes, its code point the CID.
HPDF_TextWidth type0_text_width(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT len) {
    HPDF_TextWidth tw{0, 0, 0, 0};
    HPDF_UNICODE last = 0;
    for (HPDF_UINT i = 0; i + 1 < len; i += 2) {
        last = HPDF_UNICODE((text[i] << 8) | text[i + 1]);
        tw.width += code_width(font, text, i, len);
        ++tw.numchars;
        if (white(last)) {
            ++tw.numwords;
            ++tw.numspace;
        }
    }
    if (tw.numchars && !white(last)) ++tw.numwords;
    return tw;
}

// How many bytes of `text` fit in `width` (at whole codes; with `wordwrap`, up to and with the
// last white space that fits), as libharu's HPDF_Font_MeasureText reports it.
HPDF_UINT type0_measure_text(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT len, HPDF_REAL width,
                             HPDF_REAL font_size, HPDF_REAL char_space, HPDF_REAL word_space, HPDF_BOOL wordwrap,
                             HPDF_REAL* real_width) {
    HPDF_REAL w = 0;
    HPDF_UINT fits = 0;
    for (HPDF_UINT i = 0; i + 1 < len; i += 2) {
        const HPDF_UNICODE code = HPDF_UNICODE((text[i] << 8) | text[i + 1]);
        if (white(code) || !wordwrap) {
            fits = white(code) ? i + 2 : i;
            if (real_width) *real_width = w;
        }
        if (white(code)) w += word_space;
        if (i > 0) w += char_space;
        w += HPDF_REAL(double(code_width(font, text, i, len)) * font_size / 1000);
        if (w > width || code == 0x0A) return fits;
    }
    if (real_width) *real_width = w;
    return len;
}

}  // namespace

HPDF_Font new_type0_font(Document& doc, const char* font_name, const char* encoding, const char* what) {
    HPDF_Doc pdf = doc.get();
    HPDF_FontDef def = doc.check_handle(what, HPDF_GetFontDef(pdf, font_name));
    HPDF_Encoder enc = doc.check_handle(what, HPDF_GetEncoder(pdf, encoding));
    if (def->type != HPDF_FONTDEF_TYPE_TRUETYPE || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || !enc->attr)
        throw core::Error({}, std::string("PDF writer: ") + what + ": not a TrueType font with a double-byte encoding");
    const auto* enc_attr = static_cast<HPDF_CMapEncoderAttr>(enc->attr);
    HPDF_Xref xref = pdf->xref;

    HPDF_Dict font = new_dict(doc, what);
    auto attr = static_cast<HPDF_FontAttr>(HPDF_GetMem(mmgr(doc), sizeof(HPDF_FontAttr_Rec)));
    if (!attr) {
        HPDF_Dict_Free(font);
        doc.check(what);
        throw core::Error({}, std::string("PDF writer: ") + what + ": out of memory");
    }
    std::memset(attr, 0, sizeof *attr);
    font->header.obj_class |= HPDF_OSUBCLASS_FONT;
    font->free_fn = free_font_attr;
    font->attr = attr;
    attr->type = HPDF_FONT_TYPE0_TT;
    attr->writing_mode = enc_attr->writing_mode;
    attr->text_width_fn = type0_text_width;
    attr->measure_text_fn = type0_measure_text;
    attr->fontdef = def;
    attr->encoder = enc;
    attr->xref = xref;
    doc.check(what, HPDF_Xref_Add(xref, font));  // from here the document owns it

    const char* base_font = static_cast<HPDF_TTFontDefAttr>(def->attr)->base_font;
    put_name(doc, font, "Type", "Font", what);
    put_name(doc, font, "BaseFont", base_font, what);
    put_name(doc, font, "Subtype", "Type0", what);
    put_name(doc, font, "Encoding", "Identity-H", what);
    // Streams made here are deflated when saved, as libharu's font streams are under
    // HPDF_COMP_ALL (pdf/writer.cpp).
    attr->cmap_stream = new_stream(doc, Filter::Flate, what);
    put(doc, font, "ToUnicode", attr->cmap_stream, what);
    HPDF_Array descendants = new_array(doc, what);
    put(doc, font, "DescendantFonts", descendants, what);

    HPDF_Dict cid = new_object(doc, what);
    put_name(doc, cid, "Type", "Font", what);
    put_name(doc, cid, "Subtype", "CIDFontType2", what);
    put_number(doc, cid, "DW", def->missing_width, what);
    put(doc, cid, "W", new_array(doc, what), what);
    attr->map_stream = new_stream(doc, Filter::Flate, what);
    put(doc, cid, "CIDToGIDMap", attr->map_stream, what);
    HPDF_Dict info = new_dict(doc, what);
    put(doc, cid, "CIDSystemInfo", info, what);
    put(doc, info, "Registry", new_string(doc, enc_attr->registry, what), what);
    put(doc, info, "Ordering", new_string(doc, enc_attr->ordering, what), what);
    put_number(doc, info, "Supplement", enc_attr->suppliment, what);
    attr->descendant_font = cid;
    push(doc, descendants, cid, what);
    return font;
}

}  // namespace briefmake::pdf::hpdf

// libharu's memory helpers, defined again with the C library's memset and memmove. Debian's
// libharu copies and clears a byte at a time (HPDF_MemSet over a 128 KB glyph map per font face,
// 256 KB per CMap encoder; HPDF_MemCpy for every stream it writes): about 6 M instructions for
// the sample brief. libharu calls both through its PLT, so the executable's definitions take
// their place (they are exported: CMakeLists.txt). Same results, same return values (the end of
// the range written).
extern "C" {

HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
    if (n) std::memmove(out, in, n);
    return out + n;
}

void* HPDF_MemSet(void* s, HPDF_BYTE c, HPDF_UINT n) {
    if (n) std::memset(s, c, n);
    return static_cast<HPDF_BYTE*>(s) + n;
}

// libharu deflates each /FlateDecode stream as it saves (fonts, content, ToUnicode, images) with
// a fresh zlib state per stream, and zlib clears a 64 KB hash table for each: for the sample
// brief that was a quarter of the PDF's instructions. The stream's bytes are compressed here in
// one piece with libdeflate at zlib's default level, 6 (src/deflate): the same /FlateDecode data
// for any reader, 0.6 % smaller, in about half the instructions. Same contract as libharu's: the
// whole of `src` from its start, appended to `dst` (encrypted through `e` when there is one);
// errors are recorded on `src`'s error as libharu records a zlib error. Reached through
// libharu's PLT as HPDF_MemCpy is; a libharu that calls its own directly still writes valid
// streams, with zlib.
HPDF_STATUS HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt e) {
    // No exception may cross back into libharu's C frames.
    try {
        HPDF_STATUS ret = HPDF_Stream_Seek(src, 0, HPDF_SEEK_SET);
        if (ret != HPDF_OK) return ret;
        std::string in(HPDF_Stream_Size(src), '\0');
        if (!in.empty()) {
            HPDF_UINT got = HPDF_UINT(in.size());
            // Reading exactly the size returns HPDF_OK; an error is on the stream's record.
            ret = HPDF_Stream_Read(src, reinterpret_cast<HPDF_BYTE*>(in.data()), &got);
            if (ret != HPDF_OK) return ret;
            if (got != in.size()) return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, 0);
        }
        std::string out = briefmake::deflate::compress(briefmake::deflate::Format::Zlib, in);
        if (e) {
            std::string crypted(out.size(), '\0');
            HPDF_Encrypt_CryptBuf(e, reinterpret_cast<const HPDF_BYTE*>(out.data()),
                                  reinterpret_cast<HPDF_BYTE*>(crypted.data()), HPDF_UINT(out.size()));
            out.swap(crypted);
        }
        return HPDF_Stream_Write(dst, reinterpret_cast<const HPDF_BYTE*>(out.data()), HPDF_UINT(out.size()));
    } catch (...) {
        return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, 0);
    }
}

}  // extern "C"
