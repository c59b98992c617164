#include "doc/edition.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>

#include "doc/diff.hpp"
#include "text/text.hpp"

namespace briefmake::doc {
namespace {

std::string inline_text(const Inlines& in) {
    std::string s;
    for (const auto& sp : in) {
        if (sp.change == kDeleted) continue;
        s += sp.line_break ? std::string(" ") : sp.text;
    }
    return s;
}

std::string value_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

// Walks the units of a document in reading order; `inl` is null for chart values.
class Walker {
public:
    using Visit = std::function<void(const Unit&, Inlines*)>;
    Walker(Document& d, Visit visit) : d_(d), visit_(std::move(visit)), lang_(d.meta.language) {}

    void run() { blocks(d_.blocks, ""); }

private:
    std::string label(const std::string& key) const { return d_.tmpl.label(lang_, key); }

    void para(Inlines& in, const std::string& where) {
        std::string t = inline_text(in);
        if (t.empty()) return;
        visit_(Unit{'p', where.empty() ? excerpt(t) : where, t, t}, &in);
    }

    // A paragraph before the first heading (letterhead, title) is named by its first words.
    static std::string excerpt(const std::string& t) {
        auto words = word_tokens(t);
        std::string s;
        for (size_t i = 0; i < words.size() && i < 5; ++i) s += words[i];
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return words.size() > 5 ? s + "\xE2\x80\xA6" : s;
    }

    void blocks(std::vector<Block>& bs, const std::string& item_where) {
        for (auto& b : bs) {
            std::string where = item_where.empty() ? context_ : item_where;
            if (auto* h = std::get_if<Heading>(&b.v)) {
                context_ = inline_text(h->content);
                para(h->content, context_);
            } else if (auto* p = std::get_if<Paragraph>(&b.v)) {
                para(p->content, where);
            } else if (auto* l = std::get_if<List>(&b.v)) {
                for (auto& it : l->items) {
                    std::string w = where;
                    if (l->style == "agenda") {
                        std::string n = it.label;
                        if (!n.empty() && n.back() == '.') n.pop_back();
                        w = label("agenda") + " " + n;
                    }
                    blocks(it.blocks, w);
                }
            } else if (auto* t = std::get_if<Table>(&b.v)) {
                table(*t, where);
            } else if (auto* f = std::get_if<Figure>(&b.v)) {
                para(f->caption, f->label);
                if (f->table) table(*f->table, f->label);
                if (f->chart) chart(*f->chart, f->label);
                para(f->source, f->label);
                para(f->note, f->label);
            }
        }
    }

    void table(Table& t, const std::string& where) {
        const bool meta = t.style == "meta";
        for (size_t r = 0; r < t.rows.size(); ++r) {
            auto& row = t.rows[r];
            // A cell is named by its row's text cells and its column's header.
            std::string meta_key = meta && !row.empty() ? inline_text(row[0].content) : "";
            for (size_t c = 0; c < row.size(); ++c) {
                // ... by the text cells left of it ("Mart 2025 / Kazakistan"), then its column.
                std::string row_key = c == 0 ? std::to_string(r + 1 - size_t(std::max(0, t.header_rows))) : "";
                for (size_t k = 0; k < c && int(r) >= t.header_rows; ++k) {
                    std::string s = inline_text(row[k].content);
                    if (row[k].numeric || s.empty()) continue;
                    row_key += (row_key.empty() ? "" : " / ") + s;
                }
                std::string w;
                if (meta) {
                    w = meta_key;
                } else {
                    std::string col = t.header_rows > 0 && !t.rows.empty() && c < t.rows[0].size()
                                          ? inline_text(t.rows[0][c].content) : std::to_string(c + 1);
                    w = where + ", " + (int(r) < t.header_rows ? col : row_key + (row_key.empty() ? "" : " / ") + col);
                }
                std::string shown = inline_text(row[c].content);
                std::string compared = row[c].numeric && !row[c].raw.empty() ? row[c].raw : shown;
                if (shown.empty()) continue;
                visit_(Unit{'c', w, compared, shown}, &row[c].content);
            }
        }
    }

    void chart(Chart& c, const std::string& where) {
        for (const auto& s : c.series)
            for (size_t i = 0; i < s.values.size(); ++i) {
                std::string cat = i < c.categories.size() ? c.categories[i] : std::to_string(i + 1);
                std::string shown = i < s.labels.size() ? s.labels[i] : value_text(s.values[i]);
                visit_(Unit{'v', where + ", " + cat + (s.name.empty() ? "" : " / " + s.name), value_text(s.values[i]), shown},
                       nullptr);
            }
    }

    Document& d_;
    Visit visit_;
    std::string lang_;
    std::string context_;
};

std::string escape(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '\\') o += "\\\\";
        else if (c == '\t') o += "\\t";
        else if (c == '\n') o += "\\n";
        else o += c;
    }
    return o;
}

std::string unescape(std::string_view s) {
    std::string o;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char n = s[++i];
            o += n == 't' ? '\t' : n == 'n' ? '\n' : n;
        } else {
            o += s[i];
        }
    }
    return o;
}

// How many removed units a changed one is compared with, in order, to find what it was.
constexpr size_t kPairWindow = 16;

uint64_t unit_hash(const Unit& u) {
    // Paragraphs match wherever they are (a renumbered agenda item is unchanged); cells and
    // values only in their own place.
    return hash_text(std::string(1, u.kind) + '\x1f' + (u.kind == 'p' ? std::string() : u.where) + '\x1f' + u.text);
}

std::string trimmed(std::string_view t) {
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    return std::string(t);
}

double similarity(const std::string& a, const std::string& b) {
    std::map<std::string, int> count;
    auto ta = word_tokens(a), tb = word_tokens(b);
    for (auto t : ta) ++count[trimmed(t)];
    size_t common = 0;
    for (auto t : tb)
        if (auto it = count.find(trimmed(t)); it != count.end() && it->second > 0) --it->second, ++common;
    size_t most = std::max(ta.size(), tb.size());
    return most ? double(common) / double(most) : 1.0;
}

// Word-level marks: the new inlines with inserted words marked and the old words that are gone
// put back as deleted spans where they were.
Inlines mark_words(const Inlines& now, const std::string& old_text) {
    struct Tok {
        std::string text;
        size_t span;
    };
    std::vector<Tok> nt;
    for (size_t i = 0; i < now.size(); ++i) {
        if (now[i].line_break || now[i].change == kDeleted) continue;
        for (auto t : word_tokens(now[i].text)) nt.push_back({std::string(t), i});
    }
    // Spaces alone (a span that starts with one, after a bold word) are no words: they pass
    // through unchanged where they are.
    std::vector<std::string_view> ot;
    for (auto t : word_tokens(old_text))
        if (!trimmed(t).empty()) ot.push_back(t);
    std::vector<uint64_t> ha, hb;
    std::vector<size_t> word_at;  // diff index -> index in nt
    for (auto t : ot) ha.push_back(hash_text(trimmed(t)));
    for (size_t i = 0; i < nt.size(); ++i) {
        std::string w = trimmed(nt[i].text);
        if (w.empty()) continue;
        hb.push_back(hash_text(w));
        word_at.push_back(i);
    }
    Inlines out;
    auto push = [&](Span s) {
        if (!out.empty() && !s.line_break && !out.back().line_break && out.back().flags == s.flags &&
            out.back().link == s.link && out.back().change == s.change) {
            out.back().text += s.text;
            return;
        }
        out.push_back(std::move(s));
    };
    size_t next_span = 0;  // spans before this are written (line breaks pass through)
    auto reach = [&](size_t span) {
        for (; next_span < span; ++next_span)
            if (now[next_span].line_break) push(now[next_span]);
    };
    size_t cur_span = 0;
    size_t next_tok = 0;  // tokens before this are written
    auto emit = [&](size_t i, uint8_t change) {
        const Tok& t = nt[i];
        reach(t.span);
        cur_span = t.span;
        Span s = now[t.span];
        s.text = t.text;
        s.change = change;
        push(std::move(s));
    };
    auto spaces_until = [&](size_t i) {
        for (; next_tok < i; ++next_tok) emit(next_tok, 0);
    };
    const std::vector<Edit> script = diff(ha, hb, 400);
    for (size_t k = 0; k < script.size(); ++k) {
        const Edit& e = script[k];
        if (e.kind == EditKind::Delete) {
            Span s;
            s.text = std::string(ot[e.a]);
            // The last word of a deletion gives up its space when the text it comes back before
            // has one of its own (a span starting with a space), so Reject All spaces words once.
            bool last = k + 1 == script.size() || script[k + 1].kind != EditKind::Delete;
            if (last) {
                size_t q = k + 1;
                while (q < script.size() && script[q].kind != EditKind::Equal) ++q;
                bool spaced = q == script.size() ||
                              (word_at[script[q].b] > 0 && trimmed(nt[word_at[script[q].b] - 1].text).empty());
                if (spaced) s.text = trimmed(s.text);
            }
            s.flags = cur_span < now.size() ? now[cur_span].flags : 0;
            s.change = kDeleted;
            push(std::move(s));
            continue;
        }
        spaces_until(word_at[e.b]);
        emit(word_at[e.b], e.kind == EditKind::Insert ? kInserted : 0);
        next_tok = word_at[e.b] + 1;
    }
    spaces_until(nt.size());
    reach(now.size());
    return out;
}

void mark_all(Inlines& in) {
    for (auto& s : in)
        if (s.change != kDeleted) s.change = kInserted;
}

std::string date_text(int64_t epoch, const std::string& lang) {
    using namespace std::chrono;
    const year_month_day ymd{floor<days>(sys_seconds{seconds{epoch}})};
    return text::format_date(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())), lang);
}

}  // namespace

Edition edition_of(const Document& d) {
    Edition e;
    e.date_epoch = d.meta.edition_epoch;
    Document& mut = const_cast<Document&>(d);  // the walker only reads when nothing is marked
    Walker(mut, [&](const Unit& u, Inlines*) { e.units.push_back(u); }).run();
    return e;
}

std::string canonical(const Edition& e) {
    std::string s = "briefmake-edition 1\ndate\t" + std::to_string(e.date_epoch) + "\n";
    for (const auto& u : e.units)
        s += std::string(1, u.kind) + "\t" + escape(u.where) + "\t" + escape(u.text) + "\t" + escape(u.shown) + "\n";
    return s;
}

std::optional<Edition> parse_edition(const std::string& text) {
    Edition e;
    size_t i = 0;
    int line_no = 0;
    while (i < text.size()) {
        size_t nl = text.find('\n', i);
        if (nl == std::string::npos) return std::nullopt;
        std::string_view line(text.data() + i, nl - i);
        i = nl + 1;
        std::vector<std::string_view> f;
        size_t a = 0;
        for (size_t t; (t = line.find('\t', a)) != std::string_view::npos; a = t + 1) f.push_back(line.substr(a, t - a));
        f.push_back(line.substr(a));
        if (line_no++ == 0) {
            if (line != "briefmake-edition 1") return std::nullopt;
        } else if (line_no == 2) {
            if (f.size() != 2 || f[0] != "date") return std::nullopt;
            try {
                e.date_epoch = std::stoll(std::string(f[1]));
            } catch (...) {
                return std::nullopt;
            }
        } else {
            if (f.size() != 4 || f[0].size() != 1 || std::string_view("pcv").find(f[0][0]) == std::string_view::npos)
                return std::nullopt;
            e.units.push_back(Unit{f[0][0], unescape(f[1]), unescape(f[2]), unescape(f[3])});
        }
    }
    if (line_no < 2) return std::nullopt;
    return e;
}

std::vector<ChangeEntry> mark_changes(Document& d, const Edition& previous) {
    std::vector<Unit> now;
    std::vector<Inlines*> where_now;
    Walker(d, [&](const Unit& u, Inlines* in) {
        now.push_back(u);
        where_now.push_back(in);
    }).run();
    const std::vector<Unit>& old = previous.units;
    std::vector<uint64_t> ha, hb;
    for (const auto& u : old) ha.push_back(unit_hash(u));
    for (const auto& u : now) hb.push_back(unit_hash(u));
    const std::string lang = d.meta.language;
    auto label = [&](const char* key) { return d.tmpl.label(lang, key); };

    enum class St { Same, Added, Modified };
    std::vector<St> status(now.size(), St::Same);
    std::vector<const Unit*> was(now.size(), nullptr);
    std::vector<std::vector<const Unit*>> before(now.size());  // removed text shown before unit j
    std::vector<const Unit*> at_end;
    std::vector<std::pair<size_t, ChangeEntry>> entries;  // (reading position * 2 (+1 removed), entry)

    auto edits = diff(ha, hb, 1000);
    for (size_t i = 0; i < edits.size();) {
        if (edits[i].kind == EditKind::Equal) { ++i; continue; }
        std::vector<size_t> dels, ins;
        size_t j = i;
        for (; j < edits.size() && edits[j].kind != EditKind::Equal; ++j)
            (edits[j].kind == EditKind::Delete ? dels : ins).push_back(edits[j].kind == EditKind::Delete ? edits[j].a : edits[j].b);
        const size_t gap_at = j < edits.size() ? edits[j].b : now.size();  // the new unit after the gap
        i = j;
        std::vector<bool> used(dels.size(), false);
        size_t from = 0;
        for (size_t nb : ins) {
            const Unit& u = now[nb];
            // A window of candidates keeps a gap of thousands (a brief rewritten) linear.
            for (size_t k = from; k < dels.size() && k < from + kPairWindow; ++k) {
                const Unit& o = old[dels[k]];
                if (o.kind != u.kind) continue;
                if (u.kind == 'p' ? similarity(o.text, u.text) < 0.34 : o.where != u.where) continue;
                used[k] = true;
                from = k + 1;
                status[nb] = St::Modified;
                was[nb] = &o;
                break;
            }
            if (status[nb] == St::Same) status[nb] = St::Added;
            if (status[nb] == St::Modified && u.kind != 'p')
                entries.push_back({nb * 2, {u.where, was[nb]->shown + " \xE2\x86\x92 " + u.shown}});
            else
                entries.push_back({nb * 2, {u.where, label(status[nb] == St::Added ? "change-added" : "change-updated")}});
        }
        // The removed: text attaches to the next unit that has text (or the last one before).
        size_t target = gap_at;
        while (target < now.size() && !where_now[target]) ++target;
        for (size_t k = 0; k < dels.size(); ++k) {
            if (used[k]) continue;
            const Unit& o = old[dels[k]];
            entries.push_back({std::min(gap_at, now.size()) * 2 - (gap_at > 0 ? 1 : 0), {o.where, label("change-removed")}});
            if (o.kind == 'v') continue;
            if (target < now.size()) before[target].push_back(&o);
            else at_end.push_back(&o);
        }
    }

    for (size_t j = 0; j < now.size(); ++j) {
        Inlines* in = where_now[j];
        if (!in) continue;
        if (status[j] == St::Added) mark_all(*in);
        else if (status[j] == St::Modified) *in = mark_words(*in, was[j]->shown);
        if (!before[j].empty()) {
            Inlines pre;
            for (const Unit* o : before[j]) pre.push_back(Span{o->shown + " ", 0, "", false, kDeleted});
            in->insert(in->begin(), pre.begin(), pre.end());
        }
    }
    if (!at_end.empty()) {
        for (size_t j = now.size(); j-- > 0;) {
            if (!where_now[j]) continue;
            for (const Unit* o : at_end) where_now[j]->push_back(Span{" " + o->shown, 0, "", false, kDeleted});
            break;
        }
    }

    std::stable_sort(entries.begin(), entries.end(), [](auto& a, auto& b) { return a.first < b.first; });
    std::vector<ChangeEntry> out;
    for (auto& [pos, e] : entries)
        if (out.empty() || !(out.back() == e)) out.push_back(std::move(e));
    return out;
}

std::vector<std::string> changes_text(const Document& d, const std::vector<ChangeEntry>& changes, int64_t previous_date) {
    const std::string& lang = d.meta.language;
    std::vector<std::string> lines;
    lines.push_back(d.tmpl.label(lang, "changes") + " (" + d.tmpl.label(lang, "changes-since") + ": " +
                    date_text(previous_date, lang) + ")");
    const size_t cap = size_t(std::max(1, d.tmpl.changes_max));
    const size_t shown = changes.size() > cap ? cap - 1 : changes.size();
    for (size_t i = 0; i < shown; ++i) lines.push_back(changes[i].where + ": " + changes[i].what);
    if (shown < changes.size()) {
        std::string more = d.tmpl.label(lang, "changes-more");
        std::string n = std::to_string(changes.size() - shown);
        if (auto p = more.find("{n}"); p != std::string::npos) more.replace(p, 3, n);
        else more = "+" + n + " " + more;
        lines.push_back("\xE2\x80\xA6 " + more);
    }
    return lines;
}

void add_changes_box(Document& d, const std::vector<ChangeEntry>& changes, int64_t previous_date) {
    if (changes.empty()) return;
    Table t;
    t.style = "changes";
    t.header_rows = 1;
    t.widths = {1};
    for (const auto& line : changes_text(d, changes, previous_date))
        t.rows.push_back({TableCell{{Span{line, 0, "", false}}, false, ""}});
    // After the summary: before the heading that follows it; else after the meeting table;
    // else after the title.
    const std::string summary = d.tmpl.label(d.meta.language, "summary");
    size_t at = d.blocks.size();
    bool found = false;
    for (size_t i = 0; i < d.blocks.size() && !found; ++i) {
        auto* h = std::get_if<Heading>(&d.blocks[i].v);
        if (!h || inline_text(h->content) != summary) continue;
        found = true;
        at = i + 1;
        while (at < d.blocks.size() && !std::holds_alternative<Heading>(d.blocks[at].v)) ++at;
    }
    if (!found) {
        at = 0;
        for (size_t i = 0; i < d.blocks.size(); ++i) {
            if (auto* tb = std::get_if<Table>(&d.blocks[i].v); tb && tb->style == "meta") { at = i + 1; break; }
            if (auto* p = std::get_if<Paragraph>(&d.blocks[i].v);
                p && (p->style == "title" || p->style == "subtitle" || p->style == "letterhead"))
                at = i + 1;
        }
    }
    d.blocks.insert(d.blocks.begin() + long(at), Block{std::move(t), {}});
}

}  // namespace briefmake::doc
