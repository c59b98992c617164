// Inline collection: spans -> the paragraph text (case transforms applied) -> Knuth-Plass pieces.
// Break opportunities come from UAX #14 (text::line_breaks); inside a word only hyphenation
// points (or, for a token wider than the line, character boundaries) allow a break.
#include <algorithm>

#include "doc/edition.hpp"
#include <cstdio>

#include "core/i18n.hpp"
#include "core/utf8.hpp"
#include "layout/internal.hpp"
#include "text/hyphenate.hpp"
#include "text/text.hpp"

namespace briefmake::layout::detail {

namespace {

constexpr double kHyphenPenalty = 100;
constexpr double kExplicitHyphenPenalty = 50;
constexpr double kCharBreakPenalty = 100;

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp == 0xAB || cp == 0xBB || cp == 0xD7 || cp == 0xF7) return false;
    return cp >= 0xC0 && cp < 0x2000;
}

bool ends_with_hyphen(std::string_view s) {
    if (s.empty()) return false;
    if (s.back() == '-') return true;
    // U+2010 hyphen, U+2013 en dash, U+2014 em dash: E2 80 90 / 93 / 94
    if (s.size() >= 3 && uint8_t(s[s.size() - 3]) == 0xE2 && uint8_t(s[s.size() - 2]) == 0x80) {
        auto b = uint8_t(s.back());
        return b == 0x90 || b == 0x93 || b == 0x94;
    }
    return false;
}

struct Range {
    uint32_t begin, end;
    uint16_t span;
    const fonts::Font* face;
};

class Collector {
public:
    Collector(Engine& e, const tmpl::Style& st, const CollectOptions& opt, const SourceLoc& loc, Collected& out)
        : e_(e), st_(st), opt_(opt), loc_(loc), text_(out.text), pieces_(out.pieces), deleted_(out.deleted_at),
          source_cp_(out.source_cp) {}

    void run(const doc::Inlines& content) {
        std::vector<uint32_t> hard;
        for (size_t i = 0; i < content.size(); ++i) {
            const auto& sp = content[i];
            if (sp.line_break) {
                hard.push_back(uint32_t(text_.size()));
                continue;
            }
            if (sp.change == doc::kDeleted) {  // gone since the last edition: only where it was counts
                deleted_.push_back(uint32_t(text_.size()));
                continue;
            }
            if (sp.text.empty()) continue;
            auto begin = uint32_t(text_.size());
            std::string shown = e_.transform(sp.text, st_.transform);
            append(shown, code_points(shown) == code_points(sp.text));
            auto face = e_.face(st_.font, st_.bold || (sp.flags & doc::Bold), st_.italic || (sp.flags & doc::Italic));
            ranges_.push_back({begin, uint32_t(text_.size()), uint16_t(i), face.get()});
        }
        if (ranges_.empty() && hard.empty()) return;

        // Break opportunities, with the hard breaks merged in (a hard break wins at an offset).
        std::vector<std::pair<uint32_t, bool>> cuts;
        if (!text_.empty())
            for (auto& b : text::line_breaks(text_, e_.lang)) cuts.emplace_back(uint32_t(b.offset), false);
        for (auto h : hard) cuts.emplace_back(h, true);
        for (auto z : zwsp_) cuts.emplace_back(z, false);
        cuts.emplace_back(uint32_t(text_.size()), false);
        std::sort(cuts.begin(), cuts.end(), [](auto& a, auto& b) {
            return a.first != b.first ? a.first < b.first : a.second > b.second;
        });

        uint32_t prev = 0;
        for (size_t ci = 0; ci < cuts.size(); ++ci) {
            auto [off, is_hard] = cuts[ci];
            if (off < prev) continue;
            if (off == prev && !is_hard) continue;
            uint32_t w = off;
            while (w > prev && text_[w - 1] == ' ') --w;
            word(prev, w);
            if (w < off) {
                const fonts::Font* f = last_face_ ? last_face_ : range_at(w).face;
                double sp = f->advance(U' ') * st_.size + track_;
                pieces_.push_back({Piece::Glue, false, false, sp, sp / 2, sp / 3});
            } else if (off < text_.size() && !is_hard && w > prev) {
                bool hy = ends_with_hyphen(std::string_view(text_).substr(prev, w - prev));
                Piece p{Piece::Penalty};
                p.penalty = hy ? kExplicitHyphenPenalty : 0;
                p.flagged = hy;
                pieces_.push_back(p);
            }
            if (is_hard) {
                strip_trailing_glue();
                pieces_.push_back({Piece::Glue, false, true});
                Piece p{Piece::Penalty};
                p.penalty = -kInf;
                pieces_.push_back(p);
            }
            prev = off;
        }
        strip_trailing_glue();
        if (!pieces_.empty() && pieces_.back().kind == Piece::Penalty && pieces_.back().penalty <= -kInf)
            return;  // ends with a hard break already
        pieces_.push_back({Piece::Glue, false, true});
        Piece p{Piece::Penalty};
        p.penalty = -kInf;
        pieces_.push_back(p);
    }

private:
    // Appends span text: line-end and tab characters become spaces; soft hyphens and zero-width
    // characters are not drawn but remembered (a soft hyphen is a hyphenation point, a zero-width
    // space a break opportunity).
    // `mapped`: code point n of `s` is code point n of the span's own text (source_cp).
    void append(std::string_view s, bool mapped) {
        uint32_t n = 0;
        for (size_t i = 0; i < s.size(); ++n) {
            size_t at = i;
            char32_t cp = core::next_code_point(s, i);
            switch (cp) {
                case U'\n': case U'\t': case U'\r': text_ += ' '; break;
                case 0x00AD: shy_.push_back(uint32_t(text_.size())); break;
                case 0x200B: zwsp_.push_back(uint32_t(text_.size())); break;
                case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: break;
                default: text_.append(s.substr(at, i - at));
            }
            source_cp_.resize(text_.size(), mapped ? n : kNoSource);
        }
    }

    static size_t code_points(std::string_view s) {
        size_t n = 0;
        for (char c : s) n += !core::is_utf8_continuation(uint8_t(c));
        return n;
    }

    const Range& range_at(uint32_t off) {
        while (ri_ + 1 < ranges_.size() && ranges_[ri_].end <= off) ++ri_;
        while (ri_ > 0 && ranges_[ri_].begin > off) --ri_;
        return ranges_[ri_];
    }

    void strip_trailing_glue() {
        while (!pieces_.empty() && pieces_.back().kind == Piece::Glue && !pieces_.back().fill) pieces_.pop_back();
    }

    // One unbreakable token [a, b): boxes split where the face or span changes, with hyphenation
    // penalties at hyphenation points, or character breaks when it is wider than the line.
    // Measured once, while its boxes are built; only a token too wide for the line is redone.
    void word(uint32_t a, uint32_t b) {
        if (a >= b) return;
        std::string_view w(text_.data() + a, b - a);
        const size_t mark = pieces_.size();
        breaks_.clear();  // (offset, kind): 1 hyphen, 2 character break
        if (opt_.hyphenate) add_hyphenation_points(w, a);
        add_soft_hyphens(a, b);
        double total = emit(w, a, b);
        if (opt_.min_measure > 0 && total > opt_.min_measure + 1e-6) {
            pieces_.resize(mark);
            if (!opt_.hyphenate) add_hyphenation_points(w, a);
            if (!fits_with_hyphens(w, a)) {  // no hyphenation makes it fit: break between characters
                breaks_.clear();
                std::string shown(w.substr(0, std::min<size_t>(w.size(), 40)));
                e_.ctx.warn(loc_, core::trf("'{}' is too wide for the line; broken", {shown + (w.size() > 40 ? "…" : "")}));
                double acc = 0;
                for (size_t i = 0; i < w.size();) {
                    uint32_t at = a + uint32_t(i);
                    char32_t cp = core::next_code_point(w, i);
                    double cw = advance(e_.pick(range_at(at).face, cp, loc_), cp);
                    if (acc > 0 && acc + cw > opt_.min_measure) {
                        breaks_.emplace_back(at, 2);
                        acc = 0;
                    }
                    acc += cw;
                }
            }
            emit(w, a, b);
        }
        last_face_ = pieces_.empty() || pieces_.back().kind != Piece::Box ? nullptr : pieces_.back().face;
        if (last_face_ && last_face_ == e_.fallback.get()) last_face_ = range_at(b - 1).face;
    }

    void add_hyphenation_points(std::string_view w, uint32_t a) {
        if (w.size() < 4) return;
        // The letters of the word without surrounding punctuation.
        size_t s = 0, t = w.size();
        while (s < t) {
            size_t i = s;
            if (is_letter(core::next_code_point(w, i))) break;
            s = i;
        }
        while (t > s) {
            size_t i = t - 1;
            while (i > s && core::is_utf8_continuation(uint8_t(w[i]))) --i;
            size_t j = i;
            if (is_letter(core::next_code_point(w, j))) break;
            t = i;
        }
        // Never hyphenate addresses, paths or abbreviations ("https://…", "a@b.tr", "T.C.").
        if (w.substr(s, t - s).find_first_of("/:@=?&_.") != std::string_view::npos) return;
        if (t - s < 4) return;
        size_t before = breaks_.size();
        for (size_t h : text::hyphenation_points(w.substr(s, t - s), e_.lang))
            if (h > 0 && h < t - s) breaks_.emplace_back(a + uint32_t(s + h), 1);
        if (before > 0 && breaks_.size() > before) sort_breaks();
    }

    void add_soft_hyphens(uint32_t a, uint32_t b) {
        if (shy_.empty()) return;
        for (auto sh : shy_)  // the author's soft hyphens
            if (sh > a && sh < b) breaks_.emplace_back(sh, 1);
        sort_breaks();
    }

    void sort_breaks() {
        std::sort(breaks_.begin(), breaks_.end());
        breaks_.erase(std::unique(breaks_.begin(), breaks_.end(), [](auto& x, auto& y) { return x.first == y.first; }),
                      breaks_.end());
    }

    // Pushes the boxes and break penalties of [a, b); returns the width of its boxes.
    double emit(std::string_view w, uint32_t a, uint32_t b) {
        double total = 0;
        size_t bi = 0;
        Piece box{Piece::Box};
        box.begin = a;
        box.face = nullptr;
        auto flush = [&](uint32_t at) {
            if (at > box.begin) {
                box.end = at;
                total += box.width;
                pieces_.push_back(box);
            }
            box = Piece{Piece::Box};
            box.begin = at;
        };
        for (size_t i = 0; i < w.size();) {
            uint32_t at = a + uint32_t(i);
            const Range& r = range_at(at);
            if (bi < breaks_.size() && breaks_[bi].first == at) {
                const fonts::Font* before = box.face;
                flush(at);
                Piece p{Piece::Penalty};
                if (breaks_[bi].second == 1) {
                    p.flagged = true;
                    p.penalty = kHyphenPenalty;
                    p.width = before ? before->advance(U'-') * st_.size + track_ : 0;
                } else {
                    p.penalty = kCharBreakPenalty;
                }
                pieces_.push_back(p);
                ++bi;
            }
            char32_t cp = core::next_code_point(w, i);
            const fonts::Font* f = e_.pick(r.face, cp, loc_);
            if (box.face && (f != box.face || r.span != box.span)) flush(at);
            box.face = f;
            box.span = r.span;
            box.width += advance(f, cp);
        }
        flush(b);
        return total;
    }

    // Whether every piece between hyphenation points (with its hyphen) fits the narrowest line.
    bool fits_with_hyphens(std::string_view w, uint32_t a) {
        if (breaks_.empty()) return false;
        double acc = 0;
        size_t bi = 0;
        const fonts::Font* f = nullptr;
        for (size_t i = 0; i < w.size();) {
            uint32_t at = a + uint32_t(i);
            if (bi < breaks_.size() && breaks_[bi].first == at) {
                if (acc + f->advance(U'-') * st_.size + track_ > opt_.min_measure) return false;
                acc = 0;
                ++bi;
            }
            char32_t cp = core::next_code_point(w, i);
            f = e_.pick(range_at(at).face, cp, loc_);
            acc += advance(f, cp);
        }
        return acc <= opt_.min_measure;
    }

    // A character's width in the paragraph: its glyph's (the tabular figure's where asked),
    // and the letter spacing.
    double advance(const fonts::Font* f, char32_t cp) const {
        return f->advance(opt_.tabular ? f->tabular(cp) : cp) * st_.size + track_;
    }

    Engine& e_;
    const tmpl::Style& st_;
    // Letter spacing: the PDF's Tc adds it after every drawn character, spaces and hyphens too.
    const double track_ = st_.tracking * st_.size;
    const CollectOptions& opt_;
    const SourceLoc& loc_;
    std::string& text_;
    std::vector<Piece>& pieces_;
    std::vector<uint32_t>& deleted_;
    std::vector<uint32_t>& source_cp_;
    std::vector<Range> ranges_;
    size_t ri_ = 0;
    const fonts::Font* last_face_ = nullptr;
    std::vector<std::pair<uint32_t, int>> breaks_;
    std::vector<uint32_t> shy_, zwsp_;
};

}  // namespace

Collected collect(Engine& e, const doc::Inlines& content, const tmpl::Style& st, const CollectOptions& opt,
                  const SourceLoc& loc) {
    Collected c;
    c.size = st.size;
    c.pieces.reserve(content.size() * 16);
    Collector(e, st, opt, loc, c).run(content);
    return c;
}

}  // namespace briefmake::layout::detail
