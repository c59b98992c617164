// RAII around HPDF_Doc. libharu reports errors through a C callback; it records them here and
// never throws through C frames. Errors are sticky in libharu, so every step is checked.
#pragma once
#include <hpdf.h>

#include <string>

namespace briefmake::pdf {

class Document {
public:
    Document();
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    HPDF_Doc get() const { return doc_; }

    // Throws core::Error if libharu has recorded an error (in the callback or as its sticky
    // state) or `status` is not HPDF_OK; `what` names the step.
    void check(const char* what, HPDF_STATUS status = HPDF_OK);
    // Same, and also fails on a null handle (some calls report failure only that way).
    template <class T>
    T check_handle(const char* what, T handle) {
        check(what);
        if (!handle) fail(what, 0, 0);
        return handle;
    }

    // Serialises to memory (never to a file).
    std::string save();
    // Frees libharu's document and everything made from it, before this object goes (a long
    // brief's objects are most of the memory the PDF takes); nothing of it may be used after.
    void release();

private:
    [[noreturn]] void fail(const char* what, HPDF_STATUS code, HPDF_STATUS detail);
    static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* self);

    HPDF_Doc doc_ = nullptr;
    HPDF_STATUS first_code_ = HPDF_OK;
    HPDF_STATUS first_detail_ = 0;
};

}  // namespace briefmake::pdf
