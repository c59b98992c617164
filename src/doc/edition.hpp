// Editions: what changed since the last brief. The canonical form of a document is its content
// only (text, table cells with numbers as the brief gives them, chart values), one unit per
// paragraph, cell or value in reading order, with where it is; no template or language. The
// state beside the outputs keeps it (batch/state.hpp) as the previous edition. mark_changes
// compares a new document with it (blocks, then words within a changed block: doc/diff.hpp),
// marks the spans (Span::change) and returns the list the changes box, the mail and the tests
// show.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "doc/doc.hpp"

namespace briefmake::doc {

struct Unit {
    char kind = 'p';    // 'p' a paragraph, heading, caption or list item's text; 'c' a table cell; 'v' a chart value
    std::string where;  // "Gündem 2.1", "Tablo 1, Mart 2025 / Kazakistan / İhracat", "Özet"
    std::string text;   // what is compared (numbers as the brief gives them)
    std::string shown;  // what the reader saw (numbers formatted)
    bool operator==(const Unit&) const = default;
};

struct Edition {
    int64_t date_epoch = 0;  // the document's date (Meta::date_epoch)
    std::vector<Unit> units;
    bool operator==(const Edition&) const = default;
};

inline constexpr uint8_t kInserted = 1, kDeleted = 2;

Edition edition_of(const Document& d);
std::string canonical(const Edition& e);
// nullopt when `text` is not a canonical form of this version.
std::optional<Edition> parse_edition(const std::string& text);

struct ChangeEntry {
    std::string where;
    std::string what;  // "eklendi", "150,12 → 162,40", ...
    bool operator==(const ChangeEntry&) const = default;
};

// Marks the spans of `d` that changed since `previous` (inserted words, and deleted words kept
// as kDeleted spans beside where they were) and lists the changes in reading order.
std::vector<ChangeEntry> mark_changes(Document& d, const Edition& previous);

// The changes box: a table of style "changes" (title with the previous edition's date, then one
// row per change, cut at the template's changes_max with "+N more") placed after the summary.
void add_changes_box(Document& d, const std::vector<ChangeEntry>& changes, int64_t previous_date);

// "Değişiklikler (önceki baskı: 3 Mart 2025)" and the lines of the box, for the mail body.
std::vector<std::string> changes_text(const Document& d, const std::vector<ChangeEntry>& changes, int64_t previous_date);

}  // namespace briefmake::doc
