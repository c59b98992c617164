// The YAML::Node tree built from the parser's events while they are checked, so that a file is
// parsed once instead of twice (checks, then YAML::Load). yaml-cpp 0.7 keeps its own builder
// private (src/nodebuilder.h, not installed): this is that class, with the same name because
// YAML::Node befriends `YAML::NodeBuilder` for its node constructor. The library does not
// export its copy, so there is no clash; the tree is the one YAML::Load builds (same nodes,
// marks, tags and styles). After yaml-cpp 0.7.0, MIT licence, Copyright (c) 2008-2015 Jesse Beder.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/node/node.h>
#include <yaml-cpp/node/ptr.h>

namespace YAML {

class NodeBuilder : public EventHandler {
public:
    NodeBuilder();
    NodeBuilder(const NodeBuilder&) = delete;
    NodeBuilder& operator=(const NodeBuilder&) = delete;
    ~NodeBuilder() override;

    // The document's root; a Null node when nothing was built.
    Node Root();

    void OnDocumentStart(const Mark& mark) override;
    void OnDocumentEnd() override;
    void OnNull(const Mark& mark, anchor_t anchor) override;
    void OnAlias(const Mark& mark, anchor_t anchor) override;
    void OnScalar(const Mark& mark, const std::string& tag, anchor_t anchor, const std::string& value) override;
    void OnSequenceStart(const Mark& mark, const std::string& tag, anchor_t anchor, EmitterStyle::value style) override;
    void OnSequenceEnd() override;
    void OnMapStart(const Mark& mark, const std::string& tag, anchor_t anchor, EmitterStyle::value style) override;
    void OnMapEnd() override;

private:
    detail::node& Push(const Mark& mark, anchor_t anchor);
    void Push(detail::node& node);
    void Pop();

    detail::shared_memory_holder memory_;
    detail::node* root_ = nullptr;
    std::vector<detail::node*> stack_;
    std::vector<detail::node*> anchors_;
    std::vector<std::pair<detail::node*, bool>> keys_;  // a map's key, and whether its value came
    std::size_t map_depth_ = 0;
};

}  // namespace YAML
