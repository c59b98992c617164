#include "docx/numbering.hpp"

#include <algorithm>

#include "docx/xml.hpp"

namespace briefmake::docx {

NumberingKind numbering_kind(const doc::List& l) {
    if (l.style == "agenda") return NumberingKind::Agenda;
    if (l.kind == doc::ListKind::Bullet || l.style == "bullet") return NumberingKind::Bullet;
    return NumberingKind::Decimal;
}

Numbering::Numbering(double list_indent_pt) : base_(std::max(360L, twips(list_indent_pt))) {}

int Numbering::start_list(const doc::List& l) {
    NumberingKind kind = numbering_kind(l);
    if (kind != NumberingKind::Bullet && l.start != 1) {
        auto it = last_.find(kind);
        if (it != last_.end() && it->second.second == l.start) return it->second.first;
    }
    nums_.push_back({kind, l.start, std::vector<int>(kMaxListLevel + 1, 0)});
    int id = static_cast<int>(nums_.size());
    last_[kind] = {id, l.start};
    return id;
}

int Numbering::add_style_num(NumberingKind kind) {
    nums_.push_back({kind, 1, std::vector<int>(kMaxListLevel + 1, 0)});
    return static_cast<int>(nums_.size());
}

std::string Numbering::add_item(int num_id, int level) {
    Instance& in = nums_.at(static_cast<size_t>(num_id - 1));
    level = std::clamp(level, 0, kMaxListLevel);
    // Word's default lvlRestart: a level restarts after any item of a higher level.
    in.counters[static_cast<size_t>(level)] =
        in.counters[static_cast<size_t>(level)] == 0 ? (level == 0 ? in.start : 1) : in.counters[static_cast<size_t>(level)] + 1;
    for (size_t k = static_cast<size_t>(level) + 1; k < in.counters.size(); ++k) in.counters[k] = 0;
    if (level == 0)
        for (auto& [kind, last] : last_)
            if (last.first == num_id) last.second = in.counters[0] + 1;

    switch (in.kind) {
        case NumberingKind::Bullet:
            return static_cast<size_t>(level) < bullets_.size() && !bullets_[static_cast<size_t>(level)].empty()
                       ? bullets_[static_cast<size_t>(level)]
                       : "\u2022";
        case NumberingKind::Decimal: return std::to_string(std::max(1, in.counters[static_cast<size_t>(level)])) + ".";
        case NumberingKind::Agenda: break;
    }
    std::string label;
    for (int k = 0; k <= level; ++k) label += std::to_string(std::max(1, in.counters[static_cast<size_t>(k)])) + ".";
    return label;
}

void Numbering::use_bullet(int level, const std::string& label) {
    level = std::clamp(level, 0, kMaxListLevel);
    if (bullets_.size() <= static_cast<size_t>(level)) bullets_.resize(static_cast<size_t>(level) + 1);
    if (bullets_[static_cast<size_t>(level)].empty()) bullets_[static_cast<size_t>(level)] = clean_text(label);
}

Indent Numbering::indent(NumberingKind k, int level) const {
    level = std::clamp(level, 0, kMaxListLevel);
    if (k != NumberingKind::Agenda) return {base_ * (level + 1), base_};
    // Agenda labels grow with the level (1. / 1.1. / 1.1.1.); each level's label starts where
    // its parent's text starts.
    Indent in{0, 0};
    for (int l = 0; l <= level; ++l) {
        in.hanging = base_ + 227L * l;
        in.left += in.hanging;
    }
    return in;
}

std::string Numbering::xml() const {
    pugi::xml_document doc;
    auto root = new_part(doc, "w:numbering");
    attr(root, "xmlns:w", kNsW);

    for (NumberingKind kind : {NumberingKind::Agenda, NumberingKind::Decimal, NumberingKind::Bullet}) {
        auto an = el(root, "w:abstractNum");
        attr(an, "w:abstractNumId", num(static_cast<int>(kind)));
        el(an, "w:multiLevelType", kind == NumberingKind::Agenda ? "multilevel" : "hybridMultilevel");
        el(an, "w:name", kind == NumberingKind::Agenda ? "Brief Agenda" : kind == NumberingKind::Decimal ? "Brief Numbered" : "Brief Bullet");
        for (int level = 0; level <= kMaxListLevel; ++level) {
            auto lvl = el(an, "w:lvl");
            attr(lvl, "w:ilvl", num(level));
            el(lvl, "w:start", "1");
            std::string text;
            if (kind == NumberingKind::Bullet) {
                el(lvl, "w:numFmt", "bullet");
                text = static_cast<size_t>(level) < bullets_.size() && !bullets_[static_cast<size_t>(level)].empty()
                           ? bullets_[static_cast<size_t>(level)]
                           : "\u2022";
            } else {
                el(lvl, "w:numFmt", "decimal");
                if (kind == NumberingKind::Agenda)
                    for (int k = 1; k <= level + 1; ++k) text += "%" + num(k) + ".";
                else
                    text = "%" + num(level + 1) + ".";
            }
            el(lvl, "w:lvlText", text);
            el(lvl, "w:lvlJc", "left");
            Indent in = indent(kind, level);
            auto ind = el(el(lvl, "w:pPr"), "w:ind");
            attr(ind, "w:left", num(in.left));
            attr(ind, "w:hanging", num(in.hanging));
        }
    }
    for (size_t i = 0; i < nums_.size(); ++i) {
        auto n = el(root, "w:num");
        attr(n, "w:numId", num(static_cast<long>(i + 1)));
        el(n, "w:abstractNumId", num(static_cast<int>(nums_[i].kind)));
        // Instances of one abstract definition continue each other in Word unless told to
        // restart: every instance restarts explicitly.
        for (int level = 0; level <= kMaxListLevel; ++level) {
            auto o = el(n, "w:lvlOverride");
            attr(o, "w:ilvl", num(level));
            el(o, "w:startOverride", num(level == 0 ? nums_[i].start : 1));
        }
    }
    return to_string(doc);
}

}  // namespace briefmake::docx
