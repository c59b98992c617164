// The document-level parts of a PDF beside its pages: the outline (bookmarks), the info
// dictionary and /Lang, the trailer /ID, the XMP metadata (PDF/UA-1, PDF/A-2a) and output intent.
#pragma once
#include <hpdf.h>

#include <vector>

#include "layout/frame.hpp"
#include "pdf/document.hpp"
#include "pdf/pdfa.hpp"

namespace briefmake::pdf {

// One outline item per bookmark, nested by level, each pointing at the top of its target.
// `pages` are libharu's pages for l.pages.
void add_bookmarks(Document& doc, const layout::Layout& l, const std::vector<HPDF_Page>& pages);

// Title, author, subject, keywords, creator, both dates from info.date_epoch (never the clock),
// and the catalog's /Lang.
void set_info(Document& doc, const layout::Info& info);

// A trailer /ID from the content (layout, font subsets, image bytes): same input, same bytes.
void set_id(Document& doc, const IdHasher& id);

// XMP metadata (uncompressed with `pdfa`, as PDF/A wants) matching the info dictionary, claiming PDF/UA-1,
// and with `pdfa` PDF/A-2a. Call after set_info.
void add_xmp(Document& doc, const layout::Info& info, bool pdfa);

// PDF/A-2a beyond the XMP: an sRGB output intent for the DeviceRGB/DeviceGray content.
void add_pdfa(Document& doc, const layout::Info& info);

}  // namespace briefmake::pdf
