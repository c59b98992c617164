#include "pdf/document.hpp"

#include <cstdio>

#include "core/diag.hpp"

namespace briefmake::pdf {

Document::Document() {
    doc_ = HPDF_New(&Document::on_error, this);
    if (!doc_) throw core::Error({}, "PDF writer: libharu could not create a document (out of memory)");
}

Document::~Document() { release(); }

void Document::release() {
    if (doc_) HPDF_Free(doc_);
    doc_ = nullptr;
}

void Document::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* self) {
    auto* d = static_cast<Document*>(self);
    if (d->first_code_ == HPDF_OK) {
        d->first_code_ = code;
        d->first_detail_ = detail;
    }
}

void Document::fail(const char* what, HPDF_STATUS code, HPDF_STATUS detail) {
    char buf[96];
    if (code != HPDF_OK)
        std::snprintf(buf, sizeof buf, " (libharu error 0x%04lX, detail %lu)", static_cast<unsigned long>(code),
                      static_cast<unsigned long>(detail));
    else
        std::snprintf(buf, sizeof buf, " (libharu returned no object)");
    throw core::Error({}, std::string("PDF writer: ") + what + " failed" + buf);
}

void Document::check(const char* what, HPDF_STATUS status) {
    if (first_code_ != HPDF_OK) fail(what, first_code_, first_detail_);
    HPDF_STATUS sticky = HPDF_GetError(doc_);
    if (sticky != HPDF_OK) fail(what, sticky, HPDF_GetErrorDetail(doc_));
    if (status != HPDF_OK) fail(what, status, 0);
}

std::string Document::save() {
    check("saving the document", HPDF_SaveToStream(doc_));
    HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
    check("measuring the document");
    std::string out(size, '\0');
    HPDF_UINT32 got = size;
    // Reading exactly the stream size returns HPDF_OK; reading past it would raise STREAM_EOF.
    check("reading the document", HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data()), &got));
    if (got != size) fail("reading the document", HPDF_OK, 0);
    return out;
}

}  // namespace briefmake::pdf
