// A shortest edit script between two sequences (Myers, "An O(ND) Difference Algorithm", 1986),
// used by editions for blocks and, inside a changed block, for words.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace briefmake::doc {

enum class EditKind : uint8_t { Equal, Insert, Delete };

struct Edit {
    EditKind kind;
    size_t a = 0;  // index into the old sequence (Equal, Delete)
    size_t b = 0;  // index into the new sequence (Equal, Insert)
    bool operator==(const Edit&) const = default;
};

// The edit script turning `a` into `b`, in order (deletions before insertions at one place).
// Elements are compared as numbers (hashes of what they stand for). When more than `max_d`
// edits would be needed, the differing middle is given as all deleted, then all inserted:
// the answer stays correct, only not minimal, and the cost stays bounded.
std::vector<Edit> diff(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, size_t max_d = 2000);

// 64-bit FNV-1a.
uint64_t hash_text(std::string_view s);

// Words of `s`, each with the spaces after it, so the tokens concatenate back to `s`.
std::vector<std::string_view> word_tokens(std::string_view s);

}  // namespace briefmake::doc
