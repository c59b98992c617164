// Attachment names from a pattern such as "{reference}-{meeting.date}" (--name).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "spec/spec.hpp"

namespace briefmake::batch {

class NamePattern {
public:
    // Checks the pattern: every {field} must be known ("{{" and "}}" are literal braces).
    // Throws core::Error (without a place: the pattern is an option) naming the problem and the
    // known fields.
    explicit NamePattern(std::string_view pattern = "{stem}");

    // The name (without extension) for a brief; `stem` is the brief's file name without
    // ".yaml". Missing optional values expand to nothing; '/' and '\' in values become '-',
    // control characters are dropped. An empty result, or one starting with '.', falls back to
    // the stem.
    std::string expand(const spec::Brief& brief, const std::string& stem) const;

    static const std::vector<std::string>& fields();
    const std::string& text() const { return text_; }

private:
    struct Part {
        bool field = false;
        std::string text;  // literal text, or the field name
    };
    std::string text_;
    std::vector<Part> parts_;
};

}  // namespace briefmake::batch
