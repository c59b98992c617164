// Tests for the brief reader: a full valid brief, and every kind of error with its location.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "helpers.hpp"
#include "spec/reader.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

namespace {
const fs::path kData = fs::path(BRIEFMAKE_TEST_DATA) / "data" / "spec";

// A minimal valid brief; tests append or replace lines to break it in one place.
const std::string kMinimal =
    "brief: 1\n"                 // 1
    "title: T\n"                 // 2
    "meeting:\n"                 // 3
    "  name: M\n"                // 4
    "  date: 2026-02-02\n"       // 5
    "agenda: []\n";              // 6

spec::Brief parse(const std::string& text, const core::Context& ctx = {}) {
    return spec::parse_brief(text, "b.yaml", kData, ctx);
}

std::string err(const std::string& text, const core::Context& ctx = {}) {
    return error_of([&] { parse(text, ctx); });
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

// A figure list holding one figure whose body is `body` (indented by four spaces).
std::string with_figure(const std::string& body) { return kMinimal + "figures:\n  - id: f\n    title: F\n" + body; }
}  // namespace

TEST_CASE("reader: a full valid brief") {
    core::Context ctx;
    spec::Brief b = spec::read_brief(kData / "full.yaml", ctx);
    CHECK(b.version == 1);
    CHECK(b.title.value == "Türkiye-Kazakistan OSPG 8. Toplantısı");
    CHECK(b.title.loc == core::SourceLoc{(kData / "full.yaml").string(), 3, 8});
    CHECK(b.subtitle->value == "Bilgi Notu");
    CHECK(b.language == "en-GB");
    CHECK(b.language_loc.line == 5);
    CHECK(b.template_name == "templates/ministry.yaml");
    CHECK(b.template_loc.line == 6);
    CHECK(b.classification->value == "HİZMETE ÖZEL");
    CHECK(b.reference->value == "OSPG-8/2026");
    CHECK(b.edition == spec::Date{2026, 2, 1});
    CHECK(b.author->value == "İkili Siyasi İşler Genel Müdürlüğü");

    const spec::Meeting& m = b.meeting;
    CHECK(m.name.value == "Türkiye-Kazakistan Ortak Stratejik Planlama Grubu");
    CHECK(m.number == 8);
    CHECK(m.date == spec::Date{2026, 2, 2});
    CHECK(m.end_date == spec::Date{2026, 2, 3});
    CHECK(m.time == spec::Time{9, 30});
    CHECK(m.location->value == "Ankara");
    CHECK(m.format->value == "Bakanlar düzeyinde");
    REQUIRE(m.chairs.size() == 2);
    CHECK(m.chairs[0].name.value == "Hakan Fidan");
    CHECK(!m.chairs[0].role);
    CHECK(m.chairs[1].role->value == "Dışişleri Bakanı");
    CHECK(m.chairs[1].country == "KZ");  // written "kz"
    REQUIRE(m.delegations.size() == 1);
    CHECK(m.delegations[0].country.value == "Kazakistan");
    REQUIRE(m.delegations[0].members.size() == 2);
    CHECK(m.delegations[0].members[1].name.value == "B. Person");

    REQUIRE(b.summary);
    CHECK(b.summary->markdown ==
          "**8th meeting**, see [the ministry](https://www.mfa.gov.tr).\n\nSecond paragraph.\n");

    REQUIRE(b.agenda.size() == 2);
    CHECK(b.agenda[0].title.value == "Opening");
    const spec::AgendaItem& a = b.agenda[1];
    CHECK(a.title.value == "Bilateral cooperation");
    CHECK(a.presenter->value == "Director General");
    CHECK(a.notes->markdown == "Trade reached **USD 8.95 billion**.");
    REQUIRE(a.points.size() == 2);
    CHECK(a.points[1].markdown == "Second *point*");
    REQUIRE(a.items.size() == 2);
    CHECK(a.items[1].title.value == "Transport");
    REQUIRE(a.items[1].items.size() == 1);
    CHECK(a.items[1].items[0].title.value == "Middle Corridor");

    REQUIRE(b.sections.size() == 2);
    CHECK(b.sections[0].heading.value == "Background");
    CHECK(b.sections[0].body->markdown == "Some background.");
    REQUIRE(b.sections[0].figures.size() == 1);
    CHECK(b.sections[0].figures[0].id == "trade");
    CHECK(b.sections[0].figures[0].loc.line == 51);
    REQUIRE(b.sections[0].sections.size() == 1);
    CHECK(b.sections[0].sections[0].figures[0].id == "exports");
    CHECK(!b.sections[1].body);

    REQUIRE(b.figures.size() == 5);
    const spec::Figure& t = b.figures[0];
    CHECK(t.kind == spec::FigureKind::Table);
    CHECK(t.unit->value == "USD billion");
    CHECK(t.source->value == "TÜİK");
    CHECK(t.note->value == "first 11 months");
    CHECK(t.decimals == 2);
    CHECK(t.columns == std::vector<std::string>{"Year", "Exports", "Imports"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][0].is_number);
    CHECK(t.rows[0][0].number == 2024);
    CHECK(t.rows[0][2].text == "5.75");
    CHECK(!t.rows[1][0].is_number);
    CHECK(t.rows[1][0].text == "2025 (11 months)");
    CHECK(!t.csv);

    const spec::Figure& bar = b.figures[1];
    CHECK(bar.kind == spec::FigureKind::Bar);
    CHECK(bar.categories == std::vector<std::string>{"2023", "2024"});
    REQUIRE(bar.series.size() == 2);
    CHECK(bar.series[1].name == "Imports");
    CHECK(bar.series[1].values == std::vector<double>{5, -15});
    CHECK(b.figures[2].kind == spec::FigureKind::Pie);

    const spec::Figure& ct = b.figures[3];
    CHECK(ct.csv == fs::canonical(kData / "data" / "table.csv"));
    CHECK(ct.columns == std::vector<std::string>{"Name", "Note", "Value"});  // BOM skipped
    REQUIRE(ct.rows.size() == 2);
    CHECK(ct.rows[0][0].text == "Smith, J.");
    CHECK(ct.rows[0][1].text == "said \"yes\"\r\non two lines");
    CHECK(ct.rows[0][2].is_number);
    CHECK(ct.rows[0][2].number == 1.5);
    CHECK(ct.rows[1][1].text == "");
    CHECK(ct.rows[1][2].number == -2);

    const spec::Figure& cl = b.figures[4];
    CHECK(cl.kind == spec::FigureKind::Line);
    CHECK(cl.categories == std::vector<std::string>{"2023", "2024"});
    REQUIRE(cl.series.size() == 2);
    CHECK(cl.series[0].name == "Exports");
    CHECK(cl.series[1].values == std::vector<double>{5, 6.04});
    CHECK(b.inputs == std::vector<fs::path>{fs::canonical(kData / "data" / "table.csv"),
                                            fs::canonical(kData / "data" / "series.csv")});

    REQUIRE(b.sources.size() == 2);
    CHECK(b.sources[1].value == "Dışişleri Bakanlığı");
    REQUIRE(b.distribution);
    CHECK(b.distribution->to == std::vector<std::string>{"a@example.org", "B. Person"});
    CHECK(b.distribution->cc.empty());
    CHECK(b.distribution->subject == "OSPG-8 brief");

    // Reading twice gives equal values (no hidden state).
    CHECK(spec::read_brief(kData / "full.yaml", ctx) == b);
}

TEST_CASE("reader: defaults of a minimal brief") {
    spec::Brief b = parse(kMinimal);
    CHECK(b.language == "tr");
    CHECK(b.template_name == "default");
    CHECK(b.agenda.empty());
    CHECK(b.figures.empty());
    CHECK(b.inputs.empty());
    CHECK(!b.distribution);
}

TEST_CASE("reader: the sample briefs in briefs/ follow the format") {
    for (const char* name : {"ospg-8.yaml", "ospg-8-en.yaml"}) {
        fs::path p = fs::path(BRIEFMAKE_SOURCE_DIR) / "briefs" / name;
        if (!fs::exists(p)) continue;
        CAPTURE(name);
        CHECK(error_of([&] { spec::read_brief(p, core::Context{}); }) == "");
    }
}

TEST_CASE("reader: whole-file errors") {
    CHECK(err("") == "b.yaml:1:1: error: empty brief; expected a mapping with brief, title, meeting, agenda");
    CHECK(err("# only a comment\n") ==
          "b.yaml:1:1: error: empty brief; expected a mapping with brief, title, meeting, agenda");
    CHECK(err("- a\n- b\n") == "b.yaml:1:1: error: expected a mapping with brief, title, meeting, agenda, got a list");
    CHECK(err("brief: 1\ntitle: \xC3\n") == "b.yaml:2:8: error: invalid UTF-8 sequence; expected UTF-8 text");
    CHECK(err("brief: 1\ntitle: [a\n") == "b.yaml:3:1: error: invalid YAML: end of sequence flow not found; expected ']' to close a list opened with '['");
    CHECK(err("brief: 1\nmeeting:\n\tname: M\n") ==
          "b.yaml:3:1: error: tab used for indentation; expected spaces (YAML indents with spaces only)");
    CHECK(err(replace(kMinimal, "title: T\n", "title: T\ntitle: U\n")) ==
          "b.yaml:3:1: error: duplicate key \"title\"; expected each key once in a mapping (first at line 2)");
}

TEST_CASE("reader: version, keys and required keys") {
    CHECK(err(replace(kMinimal, "brief: 1", "brief: 2")) ==
          "b.yaml:1:8: error: unsupported brief version 2; expected 1, the version this briefmake reads");
    CHECK(err(replace(kMinimal, "brief: 1", "brief: \"1\"")) ==
          "b.yaml:1:8: error: expected the format version 1, got \"1\" (quoted values are text; remove the quotes)");
    CHECK(err(replace(kMinimal, "brief: 1\n", "")) == "b.yaml:1:1: error: missing required key \"brief\" in brief; expected \"brief:\" in this mapping");
    CHECK(err(replace(kMinimal, "brief: 1", "breif: 1")) ==
          "b.yaml:1:1: error: unknown key \"breif\" in brief; expected one of brief, title, subtitle, language, template, classification, reference, edition, author, meeting, summary, agenda, sections, figures, sources, distribution (did you mean \"brief\"?)");
    // A future version is reported before keys this reader does not know.
    CHECK(err(replace(kMinimal, "brief: 1", "brief: 2\nappendix: x")) ==
          "b.yaml:1:8: error: unsupported brief version 2; expected 1, the version this briefmake reads");
    CHECK(err(replace(kMinimal, "title: T", "titel: T")) ==
          "b.yaml:2:1: error: unknown key \"titel\" in brief; expected one of brief, title, subtitle, language, template, classification, reference, edition, author, meeting, summary, agenda, sections, figures, sources, distribution (did you mean \"title\"?)");
    CHECK(err(kMinimal + "x-anything: [1, 2]\n") == "");
    CHECK(err(replace(kMinimal, "title: T\n", "")) == "b.yaml:1:1: error: missing required key \"title\" in brief; expected \"title:\" in this mapping");
    CHECK(err(replace(kMinimal, "title: T", "title: \"  \"")) == "b.yaml:2:8: error: expected a title, got an empty text");
    CHECK(err(replace(kMinimal, "title: T", "title:")) == "b.yaml:2:1: error: expected a title, got nothing");
    CHECK(err(replace(kMinimal, "  name: M\n", "")) == "b.yaml:4:3: error: missing required key \"name\" in meeting; expected \"name:\" in this mapping");
    CHECK(err(replace(kMinimal, "  name: M", "  nmae: M")) ==
          "b.yaml:4:3: error: unknown key \"nmae\" in meeting; expected one of name, number, date, end_date, time, location, format, chairs, delegations (did you mean \"name\"?)");
    CHECK(err(replace(kMinimal, "agenda: []\n", "")) == "b.yaml:1:1: error: missing required key \"agenda\" in brief; expected \"agenda:\" in this mapping");
    CHECK(err(replace(kMinimal, "agenda: []", "agenda: none")) ==
          "b.yaml:6:9: error: expected a list of agenda items (may be empty: []), got \"none\"");
    CHECK(err(replace(kMinimal, "meeting:\n", "meeting: 5\nx-old:\n")) ==
          "b.yaml:3:10: error: expected a mapping with name and date, got \"5\"");
}

TEST_CASE("reader: language and template") {
    CHECK(parse(kMinimal + "language: kk\n").language == "kk");
    CHECK(parse(kMinimal + "language: en-US\n").language == "en-US");
    CHECK(err(kMinimal + "language: fr\n") ==
          "b.yaml:7:11: error: unknown language \"fr\"; expected one of tr, en, en-GB, en-US, ru, kk (did you mean \"tr\"?)");
    CHECK(err(kMinimal + "language: en_US\n") ==
          "b.yaml:7:11: error: unknown language \"en_US\"; expected one of tr, en, en-GB, en-US, ru, kk (did you mean \"en-US\"?)");
    spec::Brief b = parse(kMinimal + "template: ministry\n");
    CHECK(b.template_name == "ministry");
    CHECK(b.template_loc == core::SourceLoc{"b.yaml", 7, 11});
}

TEST_CASE("reader: dates and times") {
    CHECK(err(replace(kMinimal, "2026-02-02", "2026-2-2")) ==
          "b.yaml:5:9: error: expected a date YYYY-MM-DD, got \"2026-2-2\"");
    CHECK(err(replace(kMinimal, "2026-02-02", "2026-02-30")) ==
          "b.yaml:5:9: error: impossible date \"2026-02-30\"; expected a date YYYY-MM-DD (February 2026 has 28 days)");
    CHECK(err(replace(kMinimal, "2026-02-02", "2026-13-01")) ==
          "b.yaml:5:9: error: impossible date \"2026-13-01\"; expected a date YYYY-MM-DD (months run from 01 to 12)");
    CHECK(parse(replace(kMinimal, "2026-02-02", "2028-02-29")).meeting.date == spec::Date{2028, 2, 29});
    CHECK(err(replace(kMinimal, "2026-02-02", "2100-02-29")).find("February 2100 has 28 days") != std::string::npos);
    CHECK(err(replace(kMinimal, "  date: 2026-02-02\n", "  date: 2026-02-02\n  end_date: 2026-02-01\n")) ==
          "b.yaml:6:13: error: end_date 2026-02-01 is before date 2026-02-02; expected the same day or later");
    CHECK(parse(replace(kMinimal, "  date: 2026-02-02\n", "  date: 2026-02-02\n  end_date: 2026-02-02\n"))
              .meeting.end_date == spec::Date{2026, 2, 2});
    CHECK(err(kMinimal + "edition: 1 Feb 2026\n") == "b.yaml:7:10: error: expected a date YYYY-MM-DD, got \"1 Feb 2026\"");
    CHECK(parse(replace(kMinimal, "  name: M\n", "  name: M\n  time: 23:59\n")).meeting.time == spec::Time{23, 59});
    CHECK(err(replace(kMinimal, "  name: M\n", "  name: M\n  time: 9:30\n")) ==
          "b.yaml:5:9: error: expected a time HH:MM (00:00 to 23:59), got \"9:30\"");
    CHECK(err(replace(kMinimal, "  name: M\n", "  name: M\n  time: 24:00\n")) ==
          "b.yaml:5:9: error: expected a time HH:MM (00:00 to 23:59), got \"24:00\"");
    CHECK(err(replace(kMinimal, "  name: M\n", "  name: M\n  number: eight\n")) ==
          "b.yaml:5:11: error: expected a meeting number, got \"eight\"");
}

TEST_CASE("reader: persons, agenda items, sections") {
    std::string chairs = replace(kMinimal, "  name: M\n", "  name: M\n  chairs:\n    - name: A\n      country: XX\n");
    CHECK(err(chairs) ==
          "b.yaml:7:16: error: unknown country code \"XX\"; expected an ISO 3166 alpha-2 code such as TR or KZ");
    CHECK(err(replace(chairs, "country: XX", "role: R")).empty());
    CHECK(err(replace(chairs, "    - name: A\n      country: XX\n", "    - [A]\n")) ==
          "b.yaml:6:7: error: expected a person (a name, or {name, role, country}), got a list");
    CHECK(err(replace(chairs, "    - name: A\n", "    - nam: A\n")) ==
          "b.yaml:6:7: error: unknown key \"nam\" in person; expected one of name, role, country (did you mean \"name\"?)");
    CHECK(err(replace(kMinimal, "  name: M\n", "  name: M\n  delegations:\n    - members: [A]\n")) ==
          "b.yaml:6:7: error: missing required key \"country\" in delegation; expected \"country:\" in this mapping");

    CHECK(err(replace(kMinimal, "agenda: []", "agenda:\n  - presenter: P")) ==
          "b.yaml:7:5: error: missing required key \"title\" in agenda item; expected \"title:\" in this mapping");
    CHECK(err(replace(kMinimal, "agenda: []", "agenda:\n  - title: A\n    items:\n      - title: B\n        point: [x]")) ==
          "b.yaml:10:9: error: unknown key \"point\" in agenda item; expected one of title, presenter, notes, points, items (did you mean \"points\"?)");
    CHECK(err(replace(kMinimal, "agenda: []", "agenda:\n  - title: A\n    notes: [x]")) ==
          "b.yaml:8:12: error: expected rich text (a string of Markdown), got a list");

    CHECK(err(kMinimal + "sections:\n  - body: B\n") == "b.yaml:8:5: error: missing required key \"heading\" in section; expected \"heading:\" in this mapping");
    CHECK(err(kMinimal + "sections:\n  - heading: H\n    sections:\n      - heading: I\n        figure: [a]\n") ==
          "b.yaml:11:9: error: unknown key \"figure\" in section; expected one of heading, body, sections, figures (did you mean \"figures\"?)");
}

TEST_CASE("reader: figures from YAML") {
    CHECK(err(with_figure("    kind: bar\n    categories: [a, b]\n    series:\n      - name: s\n        values: [1, 2, 3]\n")) ==
          "b.yaml:14:17: error: series \"s\" has 3 values; expected 2 (one per category)");
    CHECK(err(with_figure("    kind: bar\n    categories: [a, b]\n    series:\n      - name: s\n        values: [1, \"2\"]\n")) ==
          "b.yaml:14:21: error: expected a number, got \"2\" (quoted values are text; remove the quotes)");
    CHECK(err(with_figure("    kind: line\n    categories: [a]\n    series:\n      - name: s\n        values:\n          - 3,5\n")) ==
          "b.yaml:15:13: error: expected a number, got \"3,5\" (write decimals with a dot and no thousands separator)");
    CHECK(err(with_figure("    kind: pie\n    categories: [a]\n    series:\n      - {name: s, values: [1]}\n      - {name: t, values: [2]}\n")) ==
          "b.yaml:13:7: error: a pie figure has 2 series; expected exactly one");
    CHECK(err(with_figure("    kind: table\n    columns: [a, b]\n    rows:\n      - [1, 2]\n      - [3]\n")) ==
          "b.yaml:14:9: error: row has 1 cells; expected 2 (one per column)");
    CHECK(err(with_figure("    kind: table\n    columns: [a, b]\n    rows:\n      - [1, ~]\n")) ==
          "b.yaml:13:13: error: expected a table cell (a number or a text; write \"\" for an empty cell), got nothing");
    CHECK(err(with_figure("    kind: chart\n")) ==
          "b.yaml:10:11: error: unknown figure kind \"chart\"; expected one of table, bar, line, pie");
    CHECK(err(with_figure("    kind: table\n    categories: [a]\n")) ==
          "b.yaml:11:5: error: key \"categories\" does not apply to a table figure; expected columns and rows, or csv");
    CHECK(err(with_figure("    kind: table\n")) ==
          "b.yaml:8:5: error: figure \"f\" has no data; expected columns and rows, or csv");
    CHECK(err(with_figure("    kind: table\n    columns: [a]\n")) ==
          "b.yaml:8:5: error: missing required key \"rows\" in table figure; expected \"rows:\" in this mapping");
    CHECK(err(with_figure("    kind: table\n    decimals: 7\n    columns: [a]\n    rows: []\n")) ==
          "b.yaml:11:15: error: expected a number of decimals from 0 to 6, got 7");
    CHECK(err(with_figure("    kind: table\n    colums: [a]\n")) ==
          "b.yaml:11:5: error: unknown key \"colums\" in figure; expected one of id, title, kind, unit, source, note, decimals, columns, rows, categories, series, csv, alt (did you mean \"columns\"?)");

    std::string two = kMinimal + "figures:\n  - {id: g, title: G, kind: table, columns: [a], rows: []}\n"
                                 "  - {id: g, title: H, kind: table, columns: [a], rows: []}\n";
    CHECK(err(two) == "b.yaml:9:10: error: duplicate figure id \"g\"; expected a different id for each figure (first at line 8)");
    CHECK(err(replace(two, "id: g, title: H", "id: Gdp_1, title: H")) ==
          "b.yaml:9:10: error: invalid figure id \"Gdp_1\"; expected lower-case letters, digits and '-' only ([a-z0-9-]+)");
    std::string placed = replace(two, "id: g, title: H", "id: gdp-growth, title: H") + "sections:\n  - heading: S\n    figures: [gdp-growht]\n";
    CHECK(err(placed) == "b.yaml:12:15: error: unknown figure \"gdp-growht\"; expected the id of a figure in figures (did you mean \"gdp-growth\"?)");
    CHECK(err(replace(placed, "[gdp-growht]", "[g, g]")) ==
          "b.yaml:12:18: error: figure \"g\" is already placed in a section; expected each figure in one section at most (first at line 12)");
}

TEST_CASE("reader: figures from CSV") {
    std::string csv = with_figure("    kind: bar\n    csv: data/bad_number.csv\n");
    CHECK(err(csv) == "data/bad_number.csv:2:6: error: expected a number (written with a dot, e.g. 8.95), got \"8,95\"");
    CHECK(err(replace(csv, "bad_number", "bad_after_quote")) ==
          "data/bad_after_quote.csv:2:6: error: unexpected text after a closing quote; expected ',' or the end of the line (inside quotes, write a quote as \"\")");
    CHECK(err(replace(csv, "bad_number", "bad_unterminated")) ==
          "data/bad_unterminated.csv:2:3: error: unterminated quoted field; expected a closing '\"'");
    CHECK(err(replace(csv, "bad_number", "bad_bare_quote")) ==
          "data/bad_bare_quote.csv:2:4: error: quote inside an unquoted field; expected the whole field in quotes (write \"a \"\"b\"\" c\" for a \"b\" c)");
    CHECK(err(replace(csv, "bad_number", "bad_ragged")) ==
          "data/bad_ragged.csv:3:1: error: row has 2 fields; expected 3 like the header row");
    CHECK(err(replace(csv, "data/bad_number.csv", "data/missing.csv")).rfind(
              "b.yaml:11:10: error: cannot read CSV file \"data/missing.csv\": ", 0) == 0);
    CHECK(err(with_figure("    kind: pie\n    csv: data/series.csv\n")) ==
          "data/series.csv:1:6: error: CSV for a pie figure has 2 series columns; expected exactly one");
    CHECK(err(with_figure("    kind: table\n    csv: data/table.csv\n    rows: []\n")) ==
          "b.yaml:12:5: error: key \"rows\" given together with csv; expected either csv or columns and rows");
}

TEST_CASE("reader: CSV paths may not leave the brief's folder") {
    // The brief lives in inner/: data/ is outside it.
    auto in_inner = [](const std::string& path, const core::Context& ctx = {}) {
        std::string text = with_figure("    kind: bar\n    csv: " + path + "\n");
        return error_of([&] { spec::parse_brief(text, "b.yaml", kData / "inner", ctx); });
    };
    CHECK(in_inner("ok.csv") == "");
    CHECK(in_inner("../data/series.csv").rfind(
              "b.yaml:11:10: error: path \"../data/series.csv\" leads outside the brief's folder (to ", 0) == 0);
    std::string abs = fs::canonical(kData / "data" / "series.csv").string();
    // Messages quote at most 40 characters of a value (the checkout's path length varies).
    std::string quoted = abs.size() > 40 ? abs.substr(0, 40) + "..." : abs;
    CHECK(in_inner(abs) == "b.yaml:11:10: error: absolute path \"" + quoted +
                               "\"; expected a path relative to the brief's folder");
    CHECK(in_inner("/etc/passwd").rfind("b.yaml:11:10: error: absolute path \"/etc/passwd\"", 0) == 0);

    // --allow-path opens another folder, for relative and absolute paths alike.
    core::Context allow;
    allow.allowed_roots.push_back(kData / "data");
    CHECK(in_inner("../data/series.csv", allow) == "");
    CHECK(in_inner(abs, allow) == "");

    // A symlink inside the folder that points out of it is caught after resolving.
    fs::path tmp = fs::temp_directory_path() / ("bm-spec-test-" + std::to_string(::getpid()));
    fs::remove_all(tmp);
    fs::create_directories(tmp / "brief");
    fs::create_symlink(fs::canonical(kData / "data" / "series.csv"), tmp / "brief" / "link.csv");
    fs::copy_file(kData / "inner" / "ok.csv", tmp / "brief" / "real.csv");
    fs::create_symlink(tmp / "brief" / "real.csv", tmp / "brief" / "inside-link.csv");
    std::string text = with_figure("    kind: bar\n    csv: link.csv\n");
    CHECK(error_of([&] { spec::parse_brief(text, "b.yaml", tmp / "brief", {}); })
              .rfind("b.yaml:11:10: error: path \"link.csv\" leads outside the brief's folder", 0) == 0);
    text = with_figure("    kind: bar\n    csv: inside-link.csv\n");
    spec::Brief b = spec::parse_brief(text, "b.yaml", tmp / "brief", {});
    CHECK(b.figures[0].csv == fs::canonical(tmp / "brief" / "real.csv"));
    fs::remove_all(tmp);
}
