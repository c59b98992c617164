#include "pdf/tags.hpp"

#include "core/diag.hpp"
#include "pdf/hpdf_internal.hpp"

namespace briefmake::pdf {

Tagger::Tagger(Document& doc, std::vector<layout::StructElem> elems, const std::vector<HPDF_Page>& pages)
    : doc_(doc), pages_(pages), elems_(std::move(elems)), page_mcids_(pages.size()) {
    if (elems_.empty()) elems_.push_back(layout::StructElem{"Document", -1, {}, {}});
    for (size_t i = 1; i < elems_.size(); ++i)
        if (elems_[i].parent < 0 || size_t(elems_[i].parent) >= i)
            throw core::Error({}, "PDF writer: structure element " + std::to_string(i) + " has no earlier parent");
    kids_.resize(elems_.size());
}

int Tagger::mcid(size_t page, int elem) {
    if (elem < 0 || size_t(elem) >= elems_.size())
        throw core::Error({}, "PDF writer: an item points to structure element " + std::to_string(elem) + " of " +
                                  std::to_string(elems_.size()));
    auto& ids = page_mcids_.at(page);
    const int id = int(ids.size());
    ids.push_back(elem);
    kids_[size_t(elem)].push_back(Kid{Kid::Mcr, page, id, nullptr, 0});
    return id;
}

void Tagger::annotation(size_t page, int elem, HPDF_Annotation a, const std::string& fallback_contents) {
    if (elem < 0 || size_t(elem) >= elems_.size() || elems_[size_t(elem)].role != "Link") {
        elems_.push_back(layout::StructElem{"Link", 0, fallback_contents, {}});
        kids_.emplace_back();
        elem = int(elems_.size()) - 1;
    }
    const std::string& contents = elems_[size_t(elem)].alt.empty() ? fallback_contents : elems_[size_t(elem)].alt;
    const char* what = "tagging a link";
    hpdf::put(doc_, a, "Contents", hpdf::new_text(doc_, contents.c_str(), what), what);
    const int key = int(pages_.size() + annot_elems_.size());
    hpdf::put_number(doc_, a, "StructParent", key, what);
    annot_elems_.push_back(elem);
    kids_[size_t(elem)].push_back(Kid{Kid::Objr, page, 0, a, key});
}

void Tagger::finish() {
    const char* what = "writing the structure tree";
    const size_t n = elems_.size();
    // Elements that hold nothing (an empty list label) are left out, with their empty parents.
    std::vector<bool> live(n, false);
    for (size_t i = n; i-- > 0;) {
        if (!kids_[i].empty()) live[i] = true;
        if (live[i] && elems_[i].parent >= 0) live[size_t(elems_[i].parent)] = true;
    }
    live[0] = true;
    std::vector<std::vector<int>> children(n);
    for (size_t i = 1; i < n; ++i)
        if (live[i]) children[size_t(elems_[i].parent)].push_back(int(i));

    HPDF_Dict root = hpdf::new_object(doc_, what);
    hpdf::put_name(doc_, root, "Type", "StructTreeRoot", what);
    std::vector<HPDF_Dict> dicts(n, nullptr);
    for (size_t i = 0; i < n; ++i)
        if (live[i]) dicts[i] = hpdf::new_object(doc_, what);

    for (size_t i = 0; i < n; ++i) {
        if (!live[i]) continue;
        const layout::StructElem& e = elems_[i];
        HPDF_Dict d = dicts[i];
        hpdf::put_name(doc_, d, "S", e.role.c_str(), what);
        hpdf::put(doc_, d, "P", i == 0 ? root : dicts[size_t(e.parent)], what);
        if (e.role == "Figure" || e.role == "Formula")
            hpdf::put(doc_, d, "Alt", hpdf::new_text(doc_, e.alt.c_str(), what), what);
        if (!e.scope.empty()) {
            HPDF_Dict attr = hpdf::new_dict(doc_, what);
            hpdf::put_name(doc_, attr, "O", "Table", what);
            hpdf::put_name(doc_, attr, "Scope", e.scope.c_str(), what);
            hpdf::put(doc_, d, "A", attr, what);
        }
        // Marked content on the element's page is a bare MCID; elsewhere an MCR naming its page.
        const auto& kids = kids_[i];
        size_t pg = 0;
        bool has_pg = false;
        for (const Kid& k : kids)
            if (k.kind == Kid::Mcr) {
                pg = k.page;
                has_pg = true;
                break;
            }
        if (has_pg) hpdf::put(doc_, d, "Pg", pages_[pg], what);
        const size_t count = kids.size() + children[i].size();
        if (count == 1 && !kids.empty() && kids[0].kind == Kid::Mcr) {
            hpdf::put_number(doc_, d, "K", kids[0].mcid, what);
            continue;
        }
        if (count == 1 && kids.empty()) {
            hpdf::put(doc_, d, "K", dicts[size_t(children[i][0])], what);
            continue;
        }
        HPDF_Array arr = hpdf::new_array(doc_, what);
        hpdf::put(doc_, d, "K", arr, what);
        for (const Kid& k : kids) {
            if (k.kind == Kid::Mcr && k.page == pg) {
                hpdf::push_number(doc_, arr, k.mcid, what);
                continue;
            }
            HPDF_Dict ref = hpdf::new_dict(doc_, what);
            if (k.kind == Kid::Mcr) {
                hpdf::put_name(doc_, ref, "Type", "MCR", what);
                hpdf::put(doc_, ref, "Pg", pages_[k.page], what);
                hpdf::put_number(doc_, ref, "MCID", k.mcid, what);
            } else {
                hpdf::put_name(doc_, ref, "Type", "OBJR", what);
                hpdf::put(doc_, ref, "Pg", pages_[k.page], what);
                hpdf::put(doc_, ref, "Obj", k.annot, what);
            }
            hpdf::push(doc_, arr, ref, what);
        }
        for (int c : children[i]) hpdf::push(doc_, arr, dicts[size_t(c)], what);
    }

    // The ParentTree: page i's MCIDs under key i, then each annotation under its /StructParent.
    HPDF_Dict tree = hpdf::new_dict(doc_, what);
    HPDF_Array nums = hpdf::new_array(doc_, what);
    hpdf::put(doc_, tree, "Nums", nums, what);
    for (size_t p = 0; p < pages_.size(); ++p) {
        hpdf::put_name(doc_, pages_[p], "Tabs", "S", what);
        if (page_mcids_[p].empty()) continue;
        hpdf::put_number(doc_, pages_[p], "StructParents", int32_t(p), what);
        HPDF_Array ids = hpdf::new_array(doc_, what);
        for (int e : page_mcids_[p]) hpdf::push(doc_, ids, dicts[size_t(e)], what);
        hpdf::push_number(doc_, nums, int32_t(p), what);
        hpdf::push(doc_, nums, ids, what);
    }
    for (size_t k = 0; k < annot_elems_.size(); ++k) {
        hpdf::push_number(doc_, nums, int32_t(pages_.size() + k), what);
        hpdf::push(doc_, nums, dicts[size_t(annot_elems_[k])], what);
    }
    hpdf::put(doc_, root, "ParentTree", tree, what);
    hpdf::put_number(doc_, root, "ParentTreeNextKey", int32_t(pages_.size() + annot_elems_.size()), what);
    hpdf::put(doc_, root, "K", dicts[0], what);

    HPDF_Dict cat = hpdf::catalog(doc_.get());
    hpdf::put(doc_, cat, "StructTreeRoot", root, what);
    HPDF_Dict mark = hpdf::new_dict(doc_, what);
    hpdf::put(doc_, mark, "Marked", hpdf::new_bool(doc_, true, what), what);
    hpdf::put(doc_, cat, "MarkInfo", mark, what);
    HPDF_Dict prefs = hpdf::new_dict(doc_, what);
    hpdf::put(doc_, prefs, "DisplayDocTitle", hpdf::new_bool(doc_, true, what), what);
    hpdf::put(doc_, cat, "ViewerPreferences", prefs, what);
}

}  // namespace briefmake::pdf
