#include "yaml/yaml.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "core/context.hpp"
#include "core/i18n.hpp"
#include "core/utf8.hpp"
#include "yaml/events.hpp"
#include "yaml/node_builder.hpp"

namespace briefmake::yaml {

// ---------------------------------------------------------------------------------------------
// Source

Source::Source(std::string file, std::string text) : file_(std::move(file)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

core::SourceLoc Source::loc(int line0, int byte_column0) const {
    if (line0 < 0) return {file_, 0, 0};
    if (static_cast<std::size_t>(line0) >= line_starts_.size()) return {file_, line0 + 1, byte_column0 + 1};
    // yaml-cpp counts bytes; people (and core::check_text) count characters.
    std::size_t start = line_starts_[static_cast<std::size_t>(line0)];
    std::size_t end = std::min(text_.size(), start + static_cast<std::size_t>(std::max(0, byte_column0)));
    int col = 1 + static_cast<int>(core::count_code_points(std::string_view(text_).substr(start, end - start)));
    return {file_, line0 + 1, col};
}

core::SourceLoc Source::loc_at(std::size_t byte_offset) const {
    auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
    int line0 = static_cast<int>(next - line_starts_.begin()) - 1;
    return loc(line0, static_cast<int>(byte_offset - line_starts_[static_cast<std::size_t>(line0)]));
}

core::SourceLoc Source::loc(const YAML::Mark& mark) const {
    if (mark.is_null()) return {file_, 0, 0};
    return loc(mark.line, mark.column);
}

core::SourceLoc Source::loc(const YAML::Node& node) const {
    if (!node.IsDefined()) return {file_, 0, 0};
    if (node.IsNull()) {
        auto it = empty_value_keys_.find(node.Mark().pos);
        if (it != empty_value_keys_.end()) return loc(it->second);
    }
    return loc(node.Mark());
}

void Source::fail(const YAML::Node& node, std::string message, std::string hint) const {
    throw core::Error(loc(node), std::move(message), std::move(hint));
}

// ---------------------------------------------------------------------------------------------
// Pre-pass over parser events: what yaml-cpp's loader would silently accept or take for ever on.

namespace {

class GuardHandler : public YAML::EventHandler {
public:
    GuardHandler(const Source& src, const Limits& limits) : src_(src), limits_(limits) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1)
            throw core::Error(src_.loc(mark), _("a second YAML document; expected exactly one document"),
                              _("remove the extra '---'"));
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        begin_node(mark, nullptr, N_("nothing (null)"));
        if (!stack_.empty() && stack_.back().is_map && !stack_.back().expect_key && !explicit_null(mark))
            empty_values_[mark.pos] = stack_.back().key_mark;
        end_leaf(mark, anchor, 1, 0);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        begin_node(mark, nullptr, N_("an alias"));
        auto it = anchors_.find(anchor);
        if (it == anchors_.end())
            throw core::Error(src_.loc(mark), _("alias refers to a node that contains it; expected a finished anchor"));
        // An alias stands for a copy of its anchor: count it that way, so that aliases of
        // aliases ("billion laughs") hit the node limit here, before any tree walk.
        if (static_cast<int>(stack_.size()) + it->second.height > limits_.max_depth) too_deep(mark);
        end_leaf(mark, 0, it->second.size, it->second.height);
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string& value) override {
        begin_node(mark, &value, "");
        end_leaf(mark, anchor, 1, 0);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        begin_node(mark, nullptr, N_("a list"));
        open(mark, anchor, false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        begin_node(mark, nullptr, N_("a mapping"));
        open(mark, anchor, true);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        bool is_map = false;
        bool expect_key = true;
        YAML::anchor_t anchor = 0;
        std::size_t size = 1;  // nodes in this subtree, aliases expanded
        int height = 0;        // levels below this node, aliases expanded
        YAML::Mark key_mark;   // of the last key read (maps)
        std::unordered_map<std::string, int> keys;  // key -> 1-based line of first use
    };
    struct AnchorInfo {
        std::size_t size;
        int height;
    };

    // Called at the start of every node: checks its role as a mapping key.
    void begin_node(const YAML::Mark& mark, const std::string* scalar, const char* kind) {
        if (stack_.empty() || !stack_.back().is_map || !stack_.back().expect_key) return;
        if (!scalar)
            throw core::Error(src_.loc(mark), core::trf("expected a text key, got {}", {core::tr(kind)}));
        stack_.back().key_mark = mark;
        auto [it, inserted] = stack_.back().keys.emplace(*scalar, src_.loc(mark).line);
        if (!inserted)
            throw core::Error(src_.loc(mark), core::trf("duplicate key \"{}\"; expected each key once in a mapping", {*scalar}),
                              core::first_at_line(it->second));
    }

    void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool is_map) {
        if (static_cast<int>(stack_.size()) >= limits_.max_depth) too_deep(mark);
        count(mark, 1);
        Frame f;
        f.is_map = is_map;
        f.anchor = anchor;
        stack_.push_back(std::move(f));
    }

    void close() {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        if (f.anchor) anchors_[f.anchor] = {f.size, f.height};
        attach(f.size, f.height);
    }

    // A scalar, null or alias: `size` nodes (an alias counts as the whole subtree it names).
    void end_leaf(const YAML::Mark& mark, YAML::anchor_t anchor, std::size_t size, int height) {
        if (anchor) anchors_[anchor] = {size, height};
        count(mark, size);
        attach(size, height);
    }

    void attach(std::size_t size, int height) {
        if (stack_.empty()) return;
        Frame& parent = stack_.back();
        parent.size += size;
        parent.height = std::max(parent.height, height + 1);
        if (parent.is_map) parent.expect_key = !parent.expect_key;
    }

    void count(const YAML::Mark& mark, std::size_t n) {
        total_ += n;
        if (total_ > limits_.max_nodes) too_many(mark);
    }

    // `~` or `null` written out, as opposed to nothing at all.
    bool explicit_null(const YAML::Mark& mark) const {
        const std::string& t = src_.text();
        if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= t.size()) return false;
        char c = t[static_cast<std::size_t>(mark.pos)];
        return c == '~' || c == 'n' || c == 'N';
    }

    [[noreturn]] void too_deep(const YAML::Mark& mark) const {
        throw core::Error(src_.loc(mark), core::trf("nesting is too deep; expected at most {} levels",
                                                        {std::to_string(limits_.max_depth)}));
    }
    [[noreturn]] void too_many(const YAML::Mark& mark) const {
        throw core::Error(src_.loc(mark), core::trf("too many YAML nodes; expected at most {} (aliases count as copies of what they name)",
                                                        {std::to_string(limits_.max_nodes)}));
    }

public:
    std::unordered_map<int, YAML::Mark> empty_values_;

private:
    const Source& src_;
    const Limits& limits_;
    int documents_ = 0;
    std::size_t total_ = 0;
    std::vector<Frame> stack_;
    std::unordered_map<YAML::anchor_t, AnchorInfo> anchors_;
};

// Hands each event to the guard, then to the tree builder: one parse gives both the checks and
// the tree (the guard throws before anything it rejects is built).
class GuardedBuilder : public YAML::EventHandler {
public:
    GuardedBuilder(GuardHandler& guard, YAML::NodeBuilder& builder) : guard_(guard), builder_(builder) {}
    void OnDocumentStart(const YAML::Mark& mark) override {
        guard_.OnDocumentStart(mark);
        builder_.OnDocumentStart(mark);
    }
    void OnDocumentEnd() override {
        guard_.OnDocumentEnd();
        builder_.OnDocumentEnd();
    }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        guard_.OnNull(mark, anchor);
        builder_.OnNull(mark, anchor);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        guard_.OnAlias(mark, anchor);
        builder_.OnAlias(mark, anchor);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        guard_.OnScalar(mark, tag, anchor, value);
        builder_.OnScalar(mark, tag, anchor, value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        guard_.OnSequenceStart(mark, tag, anchor, style);
        builder_.OnSequenceStart(mark, tag, anchor, style);
    }
    void OnSequenceEnd() override {
        guard_.OnSequenceEnd();
        builder_.OnSequenceEnd();
    }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        guard_.OnMapStart(mark, tag, anchor, style);
        builder_.OnMapStart(mark, tag, anchor, style);
    }
    void OnMapEnd() override {
        guard_.OnMapEnd();
        builder_.OnMapEnd();
    }

private:
    GuardHandler& guard_;
    YAML::NodeBuilder& builder_;
};

// yaml-cpp reports tab indentation as "illegal map value" or the like; say what is wrong.
void check_tab_indent(const Source& src, int error_line0) {
    const std::string& t = src.text();
    std::size_t line_start = 0;
    for (int line = 0; line <= error_line0 && line_start <= t.size(); ++line) {
        std::size_t line_end = t.find('\n', line_start);
        if (line_end == std::string::npos) line_end = t.size();
        if (line >= error_line0 - 1) {
            for (std::size_t i = line_start; i < line_end && (t[i] == ' ' || t[i] == '\t'); ++i)
                if (t[i] == '\t')
                    throw core::Error(src.loc(line, static_cast<int>(i - line_start)),
                                      _("tab used for indentation; expected spaces (YAML indents with spaces only)"));
        }
        line_start = line_end + 1;
    }
}

// What the parser wanted where yaml-cpp gave up, in the words of a brief's author.
std::string expected_syntax(const std::string& msg) {
    static const std::pair<const char*, const char*> kExpected[] = {
        {"end of sequence flow not found", N_("expected ']' to close a list opened with '['")},
        {"end of map flow not found", N_("expected '}' to close a mapping opened with '{'")},
        {"illegal flow end", N_("expected ']' or '}' only to close a list or mapping opened on the left")},
        {"end of map not found", N_("expected the next key at the mapping's indentation")},
        {"end of sequence not found", N_("expected the next '- ' item at the list's indentation")},
        {"illegal map value", N_("expected 'key: value' with the key at its siblings' indentation; quote texts holding ': '")},
        {"illegal map key", N_("expected a key at the mapping's indentation")},
        {"illegal block entry", N_("expected '- ' items only where a list may start")},
        {"illegal EOF in scalar", N_("expected the closing quote of a quoted text")},
        {"illegal document indicator in scalar", N_("expected '---' or '...' only between documents; quote such texts")},
        {"unknown escape character", N_("expected one of the escapes \\\\ \\\" \\n \\t \\uXXXX in a double-quoted text")},
        {"the referenced anchor is not defined", N_("expected an alias (*name) to follow its anchor (&name)")},
    };
    for (const auto& [m, expected] : kExpected)
        if (msg.rfind(m, 0) == 0) return core::tr(expected);
    return _("expected well-formed YAML: 'key: value' lines, '- ' list items, spaces for indentation");
}

[[noreturn]] void syntax_error(const Source& src, const YAML::Exception& e) {
    if (!e.mark.is_null()) check_tab_indent(src, e.mark.line);
    core::SourceLoc loc = src.loc(e.mark);
    if (!loc.known()) loc = {src.file(), 1, 1};
    // yaml-cpp's own words (e.msg) stay English: they name the parser's state.
    throw core::Error(loc, core::trf("invalid YAML: {}; {}", {e.msg, expected_syntax(e.msg)}));
}

}  // namespace

YAML::Node load(const Source& src, const Limits& limits) {
    if (src.text().size() > limits.max_bytes)
        throw core::Error({src.file(), 0, 0}, core::trf("file is too large ({} bytes); expected at most {} bytes",
                                                            {std::to_string(src.text().size()),
                                                             std::to_string(limits.max_bytes)}));
    core::check_text(src.text(), src.file());

    GuardHandler guard(src, limits);
    YAML::NodeBuilder builder;  // the tree YAML::Load would build, from the same parse
    GuardedBuilder guarded(guard, builder);
    bool any = false;
    if (std::string_view events = recorded_events(src.text()); !events.empty()) {
        replay(events, guarded);  // a shipped template, parsed at build time: one document
        any = true;
    } else {
        std::istringstream in(src.text());
        YAML::Parser parser(in);
        try {
            any = parser.HandleNextDocument(guarded);
            if (any) parser.HandleNextDocument(guard);  // only to reject a second document
        } catch (const YAML::Exception& e) {
            syntax_error(src, e);
        }
    }
    src.empty_value_keys_ = std::move(guard.empty_values_);
    if (!any) return YAML::Node(YAML::NodeType::Null);
    return builder.Root();
}

// ---------------------------------------------------------------------------------------------
// Access helpers

std::string describe(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return _("nothing");
    if (node.IsMap()) return _("a mapping");
    if (node.IsSequence()) return _("a list");
    const std::string& s = node.Scalar();
    std::string out = "\"";
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (++chars > 40) {
            out += "...";
            break;
        }
        const std::size_t start = i;
        core::next_code_point(s, i);
        if (s[start] == '"' || s[start] == '\\') out += '\\';
        if (s[start] == '\n') out += "\\n";
        else out.append(s, start, i - start);
    }
    return out + "\"";
}

void expect_map(const Source& src, const YAML::Node& node, std::string_view what) {
    if (!node.IsMap()) src.fail(node, core::trf("expected {}, got {}", {core::tr(what), describe(node)}));
}

void expect_seq(const Source& src, const YAML::Node& node, std::string_view what) {
    if (!node.IsSequence()) src.fail(node, core::trf("expected {}, got {}", {core::tr(what), describe(node)}));
}

void check_keys(const Source& src, const YAML::Node& map, std::string_view context,
                const std::vector<std::string>& known) {
    for (const auto& kv : map) {
        const std::string& key = kv.first.Scalar();
        if (key.rfind("x-", 0) == 0) continue;
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string best = core::closest_match(key, known);
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        src.fail(kv.first, core::trf("unknown key \"{}\" in {}; expected one of {}", {key, core::tr(context), list}),
                 core::did_you_mean(best));
    }
}

YAML::Node find(const YAML::Node& map, const std::string& key) {
    if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    for (const auto& kv : map)
        if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node require(const Source& src, const YAML::Node& map, const std::string& key,
                   std::string_view context) {
    YAML::Node n = find(map, key);
    if (!n.IsDefined())
        src.fail(map, core::trf("missing required key \"{1}\" in {2}; expected \"{1}:\" in this mapping",
                                {key, core::tr(context)}));
    return n;
}

namespace {
bool plain(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "?"; }

std::string quoted_hint(const YAML::Node& node) {
    return node.IsScalar() && !plain(node) ? _("quoted values are text; remove the quotes") : std::string();
}
}  // namespace

std::string get_text(const Source& src, const YAML::Node& node, std::string_view what) {
    if (!node.IsScalar()) src.fail(node, core::trf("expected {}, got {}", {core::tr(what), describe(node)}));
    return node.Scalar();
}

std::string get_nonempty_text(const Source& src, const YAML::Node& node, std::string_view what) {
    std::string s = get_text(src, node, what);
    if (s.find_first_not_of(" \t\r\n") == std::string::npos)
        src.fail(node, core::trf("expected {}, got an empty text", {core::tr(what)}));
    return s;
}

long long get_int(const Source& src, const YAML::Node& node, long long min, long long max,
                  std::string_view what) {
    long long v = 0;
    bool ok = plain(node);
    if (ok) {
        std::string_view s = node.Scalar();
        if (!s.empty() && s[0] == '+') s.remove_prefix(1);
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        ok = !s.empty() && ec == std::errc() && p == s.data() + s.size();
    }
    if (!ok) src.fail(node, core::trf("expected {}, got {}", {core::tr(what), describe(node)}), quoted_hint(node));
    if (v < min || v > max)
        src.fail(node, core::trf("expected {} from {} to {}, got {}",
                                 {core::tr(what), std::to_string(min), std::to_string(max), std::to_string(v)}));
    return v;
}

bool parse_number(std::string_view s, double& out) {
    // YAML 1.2 core-schema decimal floats and integers; nothing locale-dependent.
    std::size_t i = 0, n = s.size();
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    std::size_t digits = 0;
    std::size_t body = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    if (i != n) return false;
    double v = 0;
    std::string_view b = s.substr(body);
    auto [p, ec] = std::from_chars(b.data(), b.data() + b.size(), v);
    if (ec != std::errc() || p != b.data() + b.size() || !std::isfinite(v)) return false;
    out = neg ? -v : v;
    return true;
}

bool is_number(const YAML::Node& node) {
    double v;
    return plain(node) && parse_number(node.Scalar(), v);
}

double get_number(const Source& src, const YAML::Node& node, std::string_view what) {
    double v = 0;
    if (!plain(node) || !parse_number(node.Scalar(), v)) {
        std::string hint = quoted_hint(node);
        if (hint.empty() && node.IsScalar() && node.Scalar().find(',') != std::string::npos)
            hint = _("write decimals with a dot and no thousands separator");
        src.fail(node, core::trf("expected {}, got {}", {core::tr(what), describe(node)}), hint);
    }
    return v;
}

bool get_bool(const Source& src, const YAML::Node& node, std::string_view what) {
    if (plain(node)) {
        const std::string& s = node.Scalar();
        if (s == "true" || s == "True" || s == "TRUE") return true;
        if (s == "false" || s == "False" || s == "FALSE") return false;
    }
    src.fail(node, core::trf("expected {}, got {}", {core::tr(what), describe(node)}), quoted_hint(node));
}

std::string get_choice(const Source& src, const YAML::Node& node, std::string_view kind,
                       const std::vector<std::string>& choices) {
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    std::string v = get_text(src, node, core::trf("{} (one of {})", {core::tr(kind), list}));
    if (std::find(choices.begin(), choices.end(), v) != choices.end()) return v;
    std::string best = core::closest_match(v, choices);
    src.fail(node, core::trf("unknown {} {}; expected one of {}", {core::tr(kind), describe(node), list}),
             core::did_you_mean(best));
}

}  // namespace briefmake::yaml
