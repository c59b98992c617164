#include "yaml/node_builder.hpp"

#include <yaml-cpp/node/detail/memory.h>
#include <yaml-cpp/node/detail/node.h>
#include <yaml-cpp/node/impl.h>

namespace YAML {

NodeBuilder::NodeBuilder() : memory_(new detail::memory_holder) {
    anchors_.push_back(nullptr);  // anchors count from 1
}

NodeBuilder::~NodeBuilder() = default;

Node NodeBuilder::Root() {
    if (!root_) return Node();
    return Node(*root_, memory_);
}

void NodeBuilder::OnDocumentStart(const Mark&) {}
void NodeBuilder::OnDocumentEnd() {}

void NodeBuilder::OnNull(const Mark& mark, anchor_t anchor) {
    Push(mark, anchor).set_null();
    Pop();
}

void NodeBuilder::OnAlias(const Mark&, anchor_t anchor) {
    Push(*anchors_.at(anchor));
    Pop();
}

void NodeBuilder::OnScalar(const Mark& mark, const std::string& tag, anchor_t anchor, const std::string& value) {
    detail::node& node = Push(mark, anchor);
    node.set_scalar(value);
    node.set_tag(tag);
    Pop();
}

void NodeBuilder::OnSequenceStart(const Mark& mark, const std::string& tag, anchor_t anchor,
                                  EmitterStyle::value style) {
    detail::node& node = Push(mark, anchor);
    node.set_tag(tag);
    node.set_type(NodeType::Sequence);
    node.set_style(style);
}

void NodeBuilder::OnSequenceEnd() { Pop(); }

void NodeBuilder::OnMapStart(const Mark& mark, const std::string& tag, anchor_t anchor, EmitterStyle::value style) {
    detail::node& node = Push(mark, anchor);
    node.set_type(NodeType::Map);
    node.set_tag(tag);
    node.set_style(style);
    ++map_depth_;
}

void NodeBuilder::OnMapEnd() {
    --map_depth_;
    Pop();
}

detail::node& NodeBuilder::Push(const Mark& mark, anchor_t anchor) {
    detail::node& node = memory_->create_node();
    node.set_mark(mark);
    if (anchor) {
        if (anchor != anchors_.size()) anchors_.resize(anchor, nullptr);
        anchors_.push_back(&node);
    }
    Push(node);
    return node;
}

void NodeBuilder::Push(detail::node& node) {
    const bool needs_key = !stack_.empty() && stack_.back()->type() == NodeType::Map && keys_.size() < map_depth_;
    stack_.push_back(&node);
    if (needs_key) keys_.emplace_back(&node, false);
}

void NodeBuilder::Pop() {
    if (stack_.size() == 1) {
        root_ = stack_[0];
        stack_.pop_back();
        return;
    }
    detail::node& node = *stack_.back();
    stack_.pop_back();
    detail::node& collection = *stack_.back();
    if (collection.type() == NodeType::Sequence) {
        collection.push_back(node, memory_);
    } else if (collection.type() == NodeType::Map) {
        auto& key = keys_.back();
        if (key.second) {
            collection.insert(*key.first, node, memory_);
            keys_.pop_back();
        } else {
            key.second = true;
        }
    } else {
        stack_.clear();
    }
}

}  // namespace YAML
