#include "core/diag.hpp"

#include <algorithm>

#include "core/i18n.hpp"

namespace briefmake::core {

std::string to_string(const SourceLoc& loc) {
    std::string s = loc.file.empty() ? std::string("<input>") : loc.file;
    if (loc.line > 0) {
        s += ':' + std::to_string(loc.line);
        if (loc.column > 0) s += ':' + std::to_string(loc.column);
    }
    return s;
}

std::string format(const Diagnostic& d) {
    std::string s = to_string(d.loc);
    s += d.severity == Severity::Error ? ": error: " : ": warning: ";
    s += d.message;
    if (!d.hint.empty()) s += " (" + d.hint + ")";
    return s;
}

Error::Error(SourceLoc loc, std::string message, std::string hint)
    : std::runtime_error(message), diag_{Severity::Error, std::move(loc), std::move(message), std::move(hint)} {}

void WarningSink::warn(SourceLoc loc, std::string message, std::string hint) {
    items_.push_back({Severity::Warning, std::move(loc), std::move(message), std::move(hint)});
}

namespace {
size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
            // transposition (Damerau): "titel" is one edit from "title"
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_d = SIZE_MAX;
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    // Close enough: at most a third of the word's letters differ (and at least one edit allowed).
    size_t limit = std::max<size_t>(1, std::max(word.size(), best.size()) / 3);
    return best_d <= limit ? best : std::string();
}

std::string did_you_mean(const std::string& best) {
    return best.empty() ? std::string() : trf("did you mean \"{}\"?", {best});
}

std::string first_at_line(int line) { return trf("first at line {}", {std::to_string(line)}); }

}  // namespace briefmake::core
