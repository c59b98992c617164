// Safe YAML loading and located, typed access for the brief and template readers.
// The only module that includes yaml-cpp: spec/ and tmpl/ read their files through it, and see
// yaml-cpp only as the YAML::Node this header hands them. Everything throws core::Error with a
// 1-based file:line:col (columns count characters, not bytes) and a message naming what was
// expected.
//
// Typical use:
//     yaml::Source src(file_name, text);
//     YAML::Node root = yaml::load(src);              // checks UTF-8, size, duplicates, aliases, depth
//     yaml::expect_map(src, root, "a template");
//     yaml::check_keys(src, root, "template", {"name", "page", "styles"});
//     std::string name = yaml::get_text(src, yaml::require(src, root, "name", "template"));
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diag.hpp"
#include "core/i18n.hpp"

namespace briefmake::yaml {

// Limits enforced before any tree walk, so hostile input fails fast.
struct Limits {
    std::size_t max_bytes = 4 * 1024 * 1024;
    int max_depth = 64;              // nested mappings/sequences, counting through aliases
    std::size_t max_nodes = 200000;  // nodes after expanding aliases (stops "billion laughs")
};

// One input file's name and text; turns yaml-cpp marks (0-based, byte columns) into SourceLocs.
class Source {
public:
    Source(std::string file, std::string text);
    const std::string& file() const { return file_; }
    const std::string& text() const { return text_; }

    // 1-based line and character column. A node without a mark (a missing key) gives
    // line 0 (unknown): prefer reporting the parent's location. An empty value (`title:`)
    // is located at its key.
    core::SourceLoc loc(const YAML::Node& node) const;
    core::SourceLoc loc(const YAML::Mark& mark) const;
    // From 0-based line and 0-based byte column.
    core::SourceLoc loc(int line0, int byte_column0) const;
    // From a 0-based byte offset into text().
    core::SourceLoc loc_at(std::size_t byte_offset) const;

    // Throws core::Error at the node.
    [[noreturn]] void fail(const YAML::Node& node, std::string message, std::string hint = {}) const;

private:
    friend YAML::Node load(const Source& src, const Limits& limits);
    std::string file_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
    // yaml-cpp marks an empty value (`title:`) at the next token, often on another line; load()
    // records such values' positions with their key's mark so errors point at the key instead.
    mutable std::unordered_map<int, YAML::Mark> empty_value_keys_;
};

// Checks the text (size, UTF-8, control characters), pre-parses it with an event handler that
// rejects duplicate keys, non-text keys, several documents, too deep nesting and too many nodes
// (aliases are counted with their expansion), then loads it. YAML syntax errors become located
// errors; tabs used for indentation get their own message. Returns a Null node when the text holds
// no document (empty or only comments); the caller says what it expected.
YAML::Node load(const Source& src, const Limits& limits = {});

// "a mapping", "a list", "nothing", or the scalar quoted ("\"2026-2-2\"", shortened if long).
std::string describe(const YAML::Node& node);

// Shape checks: throw "expected WHAT, got ..." at the node.
void expect_map(const Source& src, const YAML::Node& node, std::string_view what);
void expect_seq(const Source& src, const YAML::Node& node, std::string_view what);

// Throws `unknown key "K" in CONTEXT; expected one of KNOWN...` at the key (with "did you mean"
// when one is close).
// Keys starting with "x-" are reserved for users and ignored. `map` must be a mapping.
void check_keys(const Source& src, const YAML::Node& map, std::string_view context,
                const std::vector<std::string>& known);

// The value of a key, or an undefined node (test with `if (n)`) when the key is absent.
YAML::Node find(const YAML::Node& map, const std::string& key);
// The value of a required key; when absent throws `missing required key "K" in CONTEXT; expected
// "K:" in this mapping` at the map.
YAML::Node require(const Source& src, const YAML::Node& map, const std::string& key,
                   std::string_view context);

// Typed getters. `what` names the expected value in messages ("a title", "a date YYYY-MM-DD").
// Any scalar is text (plain `2026` is the text "2026"); null, mappings and lists are not.
std::string get_text(const Source& src, const YAML::Node& node, std::string_view what = N_("a text"));
// Same, but empty or all-blank text is an error.
std::string get_nonempty_text(const Source& src, const YAML::Node& node,
                              std::string_view what = N_("a text"));
// A plain (unquoted) decimal YAML integer within [min, max].
long long get_int(const Source& src, const YAML::Node& node, long long min, long long max,
                  std::string_view what = N_("an integer"));
// A plain (unquoted) finite decimal YAML number: 12, -3, 8.95, 1e3 (no .inf/.nan, no hex).
double get_number(const Source& src, const YAML::Node& node, std::string_view what = N_("a number"));
// Plain true/false.
bool get_bool(const Source& src, const YAML::Node& node, std::string_view what = N_("true or false"));
// A text that must be one of `choices`: throws `unknown KIND "v"; expected one of a, b, c`
// with a "did you mean" hint.
std::string get_choice(const Source& src, const YAML::Node& node, std::string_view kind,
                       const std::vector<std::string>& choices);

// True for a plain scalar that reads as a finite decimal number (see get_number).
bool is_number(const YAML::Node& node);
// Parses a decimal number written with a dot ("8.95", "-3", "1e3"); false if `s` is not one.
// Shared with the CSV reader so both accept the same numbers.
bool parse_number(std::string_view s, double& out);

}  // namespace briefmake::yaml
