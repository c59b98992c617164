// Typographic punctuation, as a typesetter (or Word's AutoFormat) sets it: apostrophes and
// quotes by language, en dashes in number ranges. Applied to the merged document, so the PDF
// and the DOCX print the same characters.
#pragma once
#include <string>
#include <string_view>

#include "doc/doc.hpp"

namespace briefmake::doc {

// What the pass keeps between the pieces of one paragraph: the previous character, whether a
// code span (`…`) is open, and the language's quotes.
struct QuoteState {
    char32_t prev = 0;
    bool in_code = false;
    std::string lang;
};

// One piece of text: U+0027 after a letter or digit becomes ’ (Grubu’nun), otherwise an opening
// ‘ when a letter follows; U+0022 opens “ (tr, en) or « (ru, kk) after a space, an opening
// bracket or the start, and closes ” or » otherwise; a hyphen between two numbers that make a
// token on their own (2019-2025, 12-13) becomes an en dash. Text inside backticks and tokens
// that look like addresses (://, @) keep their straight characters.
std::string typeset_text(std::string_view s, QuoteState& st);

// The whole document: every paragraph, heading, list, table cell, caption, source and note line,
// chart category and series name, and the title and subtitle.
void typeset_punctuation(Document& d);

}  // namespace briefmake::doc
