// Diagnostics: one error type with a source location, and a sink for warnings.
// Library code never prints and never exits; it throws Error or reports to a WarningSink.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace briefmake::core {

// A place in an input file. line and column are 1-based; 0 means "unknown".
struct SourceLoc {
    std::string file;
    int line = 0;
    int column = 0;

    bool known() const { return line > 0; }
    bool operator==(const SourceLoc&) const = default;
};

// "file:line:col" (or "file" when the position is unknown).
std::string to_string(const SourceLoc& loc);

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc loc;
    std::string message;
    std::string hint;  // optional second line, e.g. "did you mean 'title'?"
};

// GNU form: "file:line:col: error: message" (+ " (hint)" if any).
std::string format(const Diagnostic& d);

// The one error type. Carries a location and a message naming what was expected.
class Error : public std::runtime_error {
public:
    Error(SourceLoc loc, std::string message, std::string hint = {});
    const Diagnostic& diagnostic() const { return diag_; }
    const SourceLoc& loc() const { return diag_.loc; }

private:
    Diagnostic diag_;
};

// Warnings are collected, never printed by library code.
class WarningSink {
public:
    void warn(SourceLoc loc, std::string message, std::string hint = {});
    const std::vector<Diagnostic>& items() const { return items_; }
    void clear() { items_.clear(); }

private:
    std::vector<Diagnostic> items_;
};

// "did you mean" helper: the closest candidate by edit distance, or "" if none is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// The hint for closest_match's answer: "did you mean \"best\"?" in the user's language, or ""
// when there is none.
std::string did_you_mean(const std::string& best);

// The hint naming where a duplicate was first seen: "first at line N".
std::string first_at_line(int line);

}  // namespace briefmake::core
