#include "pdf/metadata.hpp"

#include <chrono>
#include <cmath>
#include <string>
#include <utility>

#include "core/diag.hpp"
#include "pdf/hpdf_internal.hpp"

namespace briefmake::pdf {

namespace {

HPDF_Date to_pdf_date(int64_t epoch) {
    using namespace std::chrono;
    const sys_seconds t{seconds{epoch}};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{t - day};
    HPDF_Date d{};
    d.year = int(ymd.year());
    d.month = int(unsigned(ymd.month()));
    d.day = int(unsigned(ymd.day()));
    d.hour = int(hms.hours().count());
    d.minutes = int(hms.minutes().count());
    d.seconds = int(hms.seconds().count());
    d.ind = 'Z';
    return d;
}

// [page /XYZ null top null]: the top of the target at the window's top, zoom unchanged; a
// direct array (libharu makes each destination an object of its own).
HPDF_Array direct_destination(Document& doc, const layout::Layout& l, const std::vector<HPDF_Page>& pages, int page,
                              double top_down_y) {
    if (page < 0 || size_t(page) >= pages.size())
        throw core::Error({}, "PDF writer: a bookmark points to page " + std::to_string(page + 1) + " of " +
                                  std::to_string(pages.size()));
    const char* what = "setting a bookmark target";
    HPDF_Array d = hpdf::new_array(doc, what);
    hpdf::push(doc, d, pages[size_t(page)], what);
    hpdf::push_name(doc, d, "XYZ", what);
    hpdf::push_null(doc, d, what);
    const double top = std::round((l.pages[size_t(page)].height - top_down_y) * 100) / 100;
    hpdf::push_real(doc, d, HPDF_REAL(top), what);
    hpdf::push_null(doc, d, what);
    return d;
}

}  // namespace

void add_bookmarks(Document& doc, const layout::Layout& l, const std::vector<HPDF_Page>& pages) {
    if (l.bookmarks.empty()) return;
    HPDF_Doc pdf = doc.get();
    HPDF_Encoder utf8 = doc.check_handle("finding the UTF-8 encoder", HPDF_GetEncoder(pdf, "UTF-8"));
    std::vector<std::pair<int, HPDF_Outline>> open;  // the chain of ancestors, by level
    for (const auto& b : l.bookmarks) {
        while (!open.empty() && open.back().first >= b.level) open.pop_back();
        HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
        HPDF_Outline o = doc.check_handle("adding a bookmark", HPDF_CreateOutline(pdf, parent, b.title.c_str(), utf8));
        doc.check("opening a bookmark", HPDF_Outline_SetOpened(o, HPDF_TRUE));
        // libharu marks items /Type /Outlines, which only the root may carry.
        hpdf::remove(doc, o, "Type", "adding a bookmark");
        hpdf::put(doc, o, "Dest", direct_destination(doc, l, pages, b.page, b.y), "setting a bookmark target");
        open.emplace_back(b.level, o);
    }
    doc.check("showing bookmarks", HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE));
}

void set_info(Document& doc, const layout::Info& info) {
    HPDF_Doc pdf = doc.get();
    doc.check("selecting UTF-8 for the info dictionary", HPDF_SetCurrentEncoder(pdf, "UTF-8"));
    const std::pair<HPDF_InfoType, const std::string*> attrs[] = {
        {HPDF_INFO_TITLE, &info.title},     {HPDF_INFO_AUTHOR, &info.author},   {HPDF_INFO_SUBJECT, &info.subject},
        {HPDF_INFO_KEYWORDS, &info.keywords}, {HPDF_INFO_CREATOR, &info.creator},
    };
    for (auto [type, value] : attrs)
        if (!value->empty()) doc.check("setting document information", HPDF_SetInfoAttr(pdf, type, value->c_str()));
    const HPDF_Date date = to_pdf_date(info.date_epoch);
    doc.check("setting the creation date", HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date));
    doc.check("setting the modification date", HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date));
    if (!info.language.empty()) {
        // libharu has no call for the catalog's /Lang.
        const char* what = "setting the document language";
        hpdf::put(doc, hpdf::catalog(pdf), "Lang", hpdf::new_string(doc, info.language.c_str(), what), what);
    }
}

void set_id(Document& doc, const IdHasher& id) {
    const auto digest = id.digest();
    HPDF_Array ids = hpdf::new_array(doc, "creating the document ID");
    hpdf::put(doc, hpdf::trailer(doc.get()), "ID", ids, "setting the document ID");
    for (int i = 0; i < 2; ++i)
        hpdf::push(doc, ids, hpdf::new_binary(doc, digest, "creating the document ID"), "setting the document ID");
}

void add_xmp(Document& doc, const layout::Info& info, bool pdfa) {
    HPDF_Doc pdf = doc.get();
    const char* producer = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
    doc.check("reading the producer");
    const std::string xmp = xmp_packet(info, producer ? producer : "", pdfa);
    // PDF/A wants the packet readable as it is; otherwise it is compressed like the rest.
    HPDF_Dict meta = hpdf::new_stream(doc, pdfa ? hpdf::Filter::None : hpdf::Filter::Flate, "creating XMP metadata");
    hpdf::put_name(doc, meta, "Type", "Metadata", "creating XMP metadata");
    hpdf::put_name(doc, meta, "Subtype", "XML", "creating XMP metadata");
    hpdf::write(doc, meta, xmp, "writing XMP metadata");
    hpdf::put(doc, hpdf::catalog(pdf), "Metadata", meta, "adding XMP metadata");
}

void add_pdfa(Document& doc, const layout::Info&) {
    HPDF_Doc pdf = doc.get();

    const std::string icc = srgb_profile();
    const char* what = "creating the output intent";
    HPDF_Dict profile = hpdf::new_stream(doc, hpdf::Filter::Flate, what);
    hpdf::put_number(doc, profile, "N", 3, what);
    hpdf::write(doc, profile, icc, "writing the ICC profile");
    HPDF_Dict intent = hpdf::new_dict(doc, what);
    hpdf::put_name(doc, intent, "Type", "OutputIntent", what);
    hpdf::put_name(doc, intent, "S", "GTS_PDFA1", what);
    for (const char* key : {"OutputConditionIdentifier", "Info"})
        hpdf::put(doc, intent, key, hpdf::new_string(doc, "sRGB IEC61966-2.1", what), what);
    hpdf::put(doc, intent, "RegistryName", hpdf::new_string(doc, "http://www.color.org", what), what);
    hpdf::put(doc, intent, "DestOutputProfile", profile, what);
    HPDF_Array intents = hpdf::new_array(doc, what);
    hpdf::push(doc, intents, intent, what);
    hpdf::put(doc, hpdf::catalog(pdf), "OutputIntents", intents, "adding the output intent");
}

}  // namespace briefmake::pdf
