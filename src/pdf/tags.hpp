// The tagged PDF (PDF/UA-1): the structure tree built from Layout::structure. The pages' content
// marks each drawn item with the element it belongs to (BDC with an MCID) or as an /Artifact
// (Content asks mcid() while drawing); finish() then writes the elements, the ParentTree that
// leads back from each MCID and link annotation to its element, /MarkInfo, /Tabs /S on every
// page and /ViewerPreferences /DisplayDocTitle. libharu has no call for any of it: objects go
// through hpdf_internal.
#pragma once
#include <hpdf.h>

#include <string>
#include <vector>

#include "layout/frame.hpp"
#include "pdf/document.hpp"

namespace briefmake::pdf {

class Tagger {
public:
    // `pages` are libharu's pages for the layout's pages, same order; `elems` its structure.
    Tagger(Document& doc, std::vector<layout::StructElem> elems, const std::vector<HPDF_Page>& pages);

    // The structure type of element `elem` (for the BDC tag).
    const std::string& role(int elem) const { return elems_.at(size_t(elem)).role; }
    // The next MCID on page `page`, now belonging to element `elem`.
    int mcid(size_t page, int elem);
    // A link annotation on page `page` of the Link element `elem` (-1: a link the layout did not
    // tag gets a Link element of its own under the Document). Sets its /Contents too.
    void annotation(size_t page, int elem, HPDF_Annotation a, const std::string& fallback_contents);
    // Writes the tree; call once, after every page is drawn.
    void finish();

private:
    struct Kid {
        enum Kind { Mcr, Objr } kind = Mcr;
        size_t page = 0;
        int mcid = 0;                    // Mcr
        HPDF_Annotation annot = nullptr;  // Objr
        int key = 0;                     // Objr: its /StructParent
    };
    Document& doc_;
    const std::vector<HPDF_Page>& pages_;
    std::vector<layout::StructElem> elems_;
    std::vector<std::vector<Kid>> kids_;               // per element, in content order
    std::vector<std::vector<int>> page_mcids_;         // per page: the element of each MCID
    std::vector<int> annot_elems_;                     // per annotation key (after the pages')
};

}  // namespace briefmake::pdf
