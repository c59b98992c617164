// The logical structure a tagged PDF carries (Layout::structure): elements in document order,
// and the items that belong to each. Pages may place items in another order (a figure that
// floats); the structure keeps the document's.
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
