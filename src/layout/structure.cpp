// The logical structure a tagged PDF carries (Layout::structure): elements in reading order,
// and the items that belong to each. That is the document's order, but for a figure that
// floated to the next page: it is read where the page shows it and the DOCX writes it, after
// the text that took its place.
#include "layout/internal.hpp"

namespace briefmake::layout::detail {

int add_elem(Engine& e, std::string role, int parent, std::string alt, std::string scope) {
    e.structure.push_back(StructElem{std::move(role), parent, std::move(alt), std::move(scope)});
    return int(e.structure.size()) - 1;
}

void tag_items(Engine& e, std::vector<Item>& items, int elem, size_t from, const std::string& link_text) {
    for (size_t i = from; i < items.size(); ++i) {
        std::visit(
            [&](auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, Link>) {
                    if (v.tag < 0) v.tag = add_elem(e, "Link", elem, link_text.empty() ? v.uri : link_text);
                } else if constexpr (!std::is_same_v<T, Rule>) {
                    if (v.tag < 0) v.tag = elem;
                }
            },
            items[i]);
    }
}

void tag_boxes(Engine& e, std::vector<VBox>& boxes, int elem, const std::string& link_text) {
    for (auto& b : boxes) tag_items(e, b.items, elem, 0, link_text);
}

void reorder_structure(Engine& e, Layout& out) {
    if (e.elem_moves.empty()) return;
    std::vector<int> to_new(e.structure.size());
    for (size_t i = 0; i < to_new.size(); ++i) to_new[i] = int(i);
    for (const auto& m : e.elem_moves) {
        // Elements are added in document order, a block's children after it: the figure's
        // [from, text) and the text's [text, to) are whole subtrees, side by side.
        if (m.from < 0 || m.from > m.text || m.text > m.to || m.to > int(to_new.size())) continue;
        for (int i = m.from; i < m.to; ++i)
            to_new[size_t(i)] = i < m.text ? i + (m.to - m.text) : i - (m.text - m.from);
    }
    std::vector<StructElem> moved(e.structure.size());
    for (size_t i = 0; i < e.structure.size(); ++i) {
        StructElem el = std::move(e.structure[i]);
        if (el.parent >= 0) el.parent = to_new[size_t(el.parent)];
        moved[size_t(to_new[i])] = std::move(el);
    }
    e.structure = std::move(moved);
    for (auto& page : out.pages)
        for (auto& item : page.items)
            std::visit(
                [&](auto& v) {
                    if constexpr (!std::is_same_v<std::decay_t<decltype(v)>, Rule>)
                        if (v.tag >= 0) v.tag = to_new[size_t(v.tag)];
                },
                item);
}

void untag(std::vector<VBox>& boxes) {
    for (auto& b : boxes)
        for (auto& it : b.items)
            std::visit(
                [](auto& v) {
                    if constexpr (!std::is_same_v<std::decay_t<decltype(v)>, Rule>) v.tag = -1;
                },
                it);
}

}  // namespace briefmake::layout::detail
