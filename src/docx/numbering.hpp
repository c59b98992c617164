// word/numbering.xml: real Word numbering, so Word renumbers lists when they are edited.
// Three abstract definitions (agenda 1. / 1.1. / 1.1.1., decimal, bullet); one w:num per list
// instance, restarting unless the list continues the previous one of its style.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "doc/doc.hpp"

namespace briefmake::docx {

enum class NumberingKind { Agenda = 1, Decimal = 2, Bullet = 3 };  // value = abstractNumId

NumberingKind numbering_kind(const doc::List& l);

struct Indent {
    long left = 0;     // twips, where the text starts
    long hanging = 0;  // twips, the label hangs this far to the left
};

class Numbering {
public:
    // `list_indent_pt`: the template's list indent (the width of a level's label column).
    explicit Numbering(double list_indent_pt);

    // A w:num for a top-level list: a new instance restarting at l.start, or the previous
    // instance of the same kind if this list continues it (l.start is where that one stopped).
    int start_list(const doc::List& l);
    // Records an item at `level` of instance `num_id` and returns the label Word will print,
    // so the writer can check it against the label briefmake computed.
    std::string add_item(int num_id, int level);
    // A w:num of its own for a list style (List Number, List Bullet), restarting at 1: the
    // style's w:numPr points at it, so a paragraph given the style in Word is numbered. Call
    // after the content (list instances keep their ids 1, 2, ...).
    int add_style_num(NumberingKind kind);
    // Bullet characters come from the document's own labels, per level, first seen wins.
    void use_bullet(int level, const std::string& label);

    Indent indent(NumberingKind k, int level) const;
    std::string xml() const;

private:
    struct Instance {
        NumberingKind kind;
        int start;
        std::vector<int> counters;  // per level; 0: not started
    };
    std::vector<Instance> nums_;
    std::map<NumberingKind, std::pair<int, int>> last_;  // kind -> (numId, next number)
    std::vector<std::string> bullets_;
    long base_;
};

inline constexpr int kMaxListLevel = 8;

}  // namespace briefmake::docx
