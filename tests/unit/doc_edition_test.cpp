// Tests for editions: the Myers diff, the canonical form, and the marks a new edition gets.
#include <doctest/doctest.h>

#include <random>

#include "doc/diff.hpp"
#include "doc/edition.hpp"

using namespace briefmake;
using namespace briefmake::doc;

namespace {

std::vector<uint64_t> seq(const std::string& s) {
    std::vector<uint64_t> v;
    for (char c : s) v.push_back(uint64_t(c));
    return v;
}

// Applies an edit script to `a`, taking inserted elements from `b`.
std::vector<uint64_t> apply(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, const std::vector<Edit>& es) {
    std::vector<uint64_t> out;
    size_t ai = 0;
    for (const auto& e : es) {
        if (e.kind == EditKind::Insert) { out.push_back(b[e.b]); continue; }
        CHECK(e.a == ai);
        ++ai;
        if (e.kind == EditKind::Equal) {
            CHECK(a[e.a] == b[e.b]);
            out.push_back(a[e.a]);
        }
    }
    CHECK(ai == a.size());
    return out;
}

size_t edits(const std::vector<Edit>& es) {
    size_t n = 0;
    for (const auto& e : es) n += e.kind != EditKind::Equal;
    return n;
}

Document sample() {
    Document d;
    d.meta.language = "tr";
    d.tmpl.labels["tr"] = {{"agenda", "Gündem"}, {"summary", "Özet"}, {"changes", "Değişiklikler"},
                           {"changes-since", "önceki baskı"}, {"change-added", "eklendi"},
                           {"change-removed", "çıkarıldı"}, {"change-updated", "güncellendi"},
                           {"changes-more", "{n} değişiklik daha"}};
    d.blocks.push_back({Heading{1, {Span{"Özet", 0, ""}}, "h-1"}, {}});
    d.blocks.push_back({Paragraph{"body", {Span{"Ticaret hacmi ", 0, ""}, Span{"8,95", Bold, ""}, Span{" milyar dolardır.", 0, ""}}}, {}});
    Figure f;
    f.label = "Tablo 1";
    f.caption = {Span{"Tablo 1. Ticaret", 0, ""}};
    Table t;
    t.rows = {{TableCell{{Span{"Ay", 0, ""}}}, TableCell{{Span{"İhracat", 0, ""}}}},
              {TableCell{{Span{"Mart 2025", 0, ""}}}, TableCell{{Span{"150,12", 0, ""}}, true, "150.12"}}};
    f.table = t;
    d.blocks.push_back({f, {}});
    return d;
}

std::string text(const Inlines& in, uint8_t skip) {
    std::string s;
    for (const auto& sp : in)
        if (sp.change != skip) s += sp.text;
    return s;
}

}  // namespace

TEST_CASE("diff: a minimal script that turns a into b") {
    struct Case {
        std::string a, b;
        size_t d;
    };
    for (const auto& c : {Case{"", "", 0}, Case{"abc", "abc", 0}, Case{"", "abc", 3}, Case{"abc", "", 3},
                          Case{"abcabba", "cbabac", 5}, Case{"kitten", "sitting", 5}, Case{"abcd", "acbd", 2}}) {
        auto a = seq(c.a), b = seq(c.b);
        auto es = diff(a, b);
        CHECK(apply(a, b, es) == b);
        CHECK(edits(es) == c.d);
    }
}

TEST_CASE("diff: random sequences, and the bounded fallback is still a correct script") {
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<uint64_t> a(rng() % 40), b;
        for (auto& x : a) x = rng() % 5;
        b = a;
        for (int k = 0; k < int(rng() % 6); ++k) {
            if (!b.empty() && rng() % 2) b.erase(b.begin() + long(rng() % b.size()));
            else b.insert(b.begin() + long(b.empty() ? 0 : rng() % b.size()), rng() % 5);
        }
        CHECK(apply(a, b, diff(a, b)) == b);
        CHECK(apply(a, b, diff(a, b, 1)) == b);
    }
}

TEST_CASE("word tokens keep their spaces") {
    auto t = word_tokens("İki  ülke arasında ");
    REQUIRE(t.size() == 3);
    CHECK(t[0] == "İki  ");
    CHECK(t[2] == "arasında ");
}

TEST_CASE("the canonical form reads back, and another form is refused") {
    Edition e = edition_of(sample());
    e.units.push_back(Unit{'v', "Şekil 1,\tx", "6.1\n", "6,10\\"});
    auto back = parse_edition(canonical(e));
    REQUIRE(back);
    CHECK(*back == e);
    CHECK_FALSE(parse_edition("briefmake-edition 2\ndate\t0\n"));
    CHECK_FALSE(parse_edition("briefmake-edition 1\ndate\t0\nq\ta\tb\tc\n"));
    CHECK_FALSE(parse_edition(""));
}

TEST_CASE("a changed figure marks that figure only; a changed cell lists old and new") {
    Document old = sample();
    Document now = sample();
    std::get<Paragraph>(now.blocks[1].v).content[1].text = "9,10";
    auto& cell = std::get<Figure>(now.blocks[2].v).table->rows[1][1];
    cell.content[0].text = "162,45";
    cell.raw = "162.45";
    auto changes = mark_changes(now, edition_of(old));
    REQUIRE(changes.size() == 2);
    CHECK(changes[0] == ChangeEntry{"Özet", "güncellendi"});
    CHECK(changes[1] == ChangeEntry{"Tablo 1, Mart 2025 / İhracat", "150,12 \xE2\x86\x92 162,45"});
    const Inlines& p = std::get<Paragraph>(now.blocks[1].v).content;
    CHECK(text(p, kDeleted) == "Ticaret hacmi 9,10 milyar dolardır.");
    CHECK(text(p, kInserted) == "Ticaret hacmi 8,95 milyar dolardır.");
    for (const auto& sp : p)
        if (sp.change) CHECK((sp.text == "8,95" || sp.text == "9,10"));
}

TEST_CASE("numbers compare as the brief gives them; an identical document has no changes") {
    Document old = sample();
    Document now = sample();
    // Another language's format of the same number is no change.
    std::get<Figure>(now.blocks[2].v).table->rows[1][1].content[0].text = "150.12";
    CHECK(mark_changes(now, edition_of(old)).empty());
}

TEST_CASE("removed text is kept as deleted beside where it was; the box is cut with a count") {
    Document old = sample();
    for (int i = 0; i < 20; ++i) old.blocks.push_back({Paragraph{"body", {Span{"Eski paragraf " + std::to_string(i), 0, ""}}}, {}});
    Document now = sample();
    auto changes = mark_changes(now, edition_of(old));
    CHECK(changes.size() == 1);  // the same place and what, listed once
    CHECK(changes[0].what == "çıkarıldı");
    add_changes_box(now, changes, 0);
    REQUIRE(now.blocks.size() == 4);
    CHECK(std::get<Table>(now.blocks[3].v).style == "changes");  // after the summary (here: at the end)
    now.tmpl.changes_max = 3;
    std::vector<ChangeEntry> many(10, ChangeEntry{"Gündem 1", "eklendi"});
    auto lines = changes_text(now, many, 0);
    REQUIRE(lines.size() == 4);
    CHECK(lines.front() == "Değişiklikler (önceki baskı: 1 Ocak 1970)");
    CHECK(lines.back() == "\xE2\x80\xA6 8 değişiklik daha");
}
