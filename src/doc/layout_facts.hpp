// What briefmake's own layout decided that the DOCX writer follows, so that Word breaks and
// aligns the document as the PDF does: the one hand-off from layout to DOCX. The layout fills it
// (layout::Layout::facts) and the DOCX writer reads it (docx::Options::layout), whole. It lives
// here because both stages sit on doc/ and neither may include the other.
//
// The keys are nodes of the doc::Document that was laid out, so they hold for that very object
// (not a copy of it): the one render::render gives the DOCX writer.
#pragma once
#include <cstddef>
#include <map>
#include <set>
#include <utility>

namespace briefmake::doc {

// Declared in doc/doc.hpp. Only their addresses are needed here, so this header does not bring
// the document tree to the PDF writer, which sees it through layout::Layout.
struct Table;
struct TableCell;
struct Chart;
struct Span;
struct Block;

struct LayoutFacts {
    // Table rows cut across pages because they are taller than a page: (table, row index). The
    // DOCX lets exactly these rows break too and keeps every other row whole (w:cantSplit), as
    // in the PDF; Word cuts off a row it may not break.
    std::set<std::pair<const Table*, size_t>> split_rows;
    // Numeric table cells moved left so their decimal mark lines up with the rest of their
    // column (a shorter fraction than the column's widest): by how much, points. The DOCX gives
    // them the same right indent.
    std::map<const TableCell*, double> decimal_indents;
    // Bar charts drawn without value labels, which did not fit over their bars even at the
    // smallest size. The DOCX leaves them out too.
    std::set<const Chart*> unlabelled_charts;
    // The header's and footer's font ascent at their size (points; 0: unknown). The PDF sets the
    // header and footer lines on baselines at the template's distances from the page edges;
    // Word puts the top of the header line and the bottom of the footer line there, so the DOCX
    // moves them by these.
    double header_ascent = 0, footer_ascent = 0;
    // Where the PDF hyphenated a line end: (span, index of the code point in the span's text
    // before which the hyphen falls). The DOCX puts a w:softHyphen there and nowhere else, so
    // Word and LibreOffice break those lines as the PDF does and the text stays free of U+00AD.
    std::set<std::pair<const Span*, size_t>> hyphen_breaks;
    // Where the PDF ended a line inside a token without a hyphen (a long address broken after a
    // '/', a word too wide for the line): the DOCX puts a zero-width space there, so Word and
    // LibreOffice may break the line there too.
    std::set<std::pair<const Span*, size_t>> word_breaks;
    // Figures the PDF floated to the top of the next page (the template's figures.float), each
    // with the block after which it stands there: the last block of the text that filled the gap
    // it left. The DOCX writes the figure after that block, so Word and LibreOffice meet it where
    // the PDF shows it; its caption and number stay its own (figures never pass one another).
    std::map<const Block*, const Block*> floated_figures;
    // Numbers in table cells were set in the font's tabular figures, which differ from its
    // default ones (fonts::Font::tabular): the DOCX asks Word for them too (w14:numSpacing).
    bool tabular_figures = false;
    bool operator==(const LayoutFacts&) const = default;
};

}  // namespace briefmake::doc
