// The brief reader: every key of format version 1 (docs/brief-format.md), with located errors.
#include "spec/reader.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <map>
#include <system_error>

#include "core/paths.hpp"
#include "spec/csv.hpp"
#include "yaml/yaml.hpp"

namespace briefmake::spec {

namespace fs = std::filesystem;

namespace {

using YAML::Node;

const std::vector<std::string> kLanguages = {"tr", "en", "en-GB", "en-US", "ru", "kk"};

// ISO 3166-1 alpha-2, officially assigned codes (from Debian's iso-codes 3166-1).
constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR "
    "BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ "
    "EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW "
    "GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY "
    "KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV "
    "MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY "
    "QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG "
    "TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM "
    "ZW";

const char* const kMonthNames[] = {N_("January"), N_("February"), N_("March"),     N_("April"),
                                   N_("May"),     N_("June"),     N_("July"),      N_("August"),
                                   N_("September"), N_("October"), N_("November"), N_("December")};

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::string date_string(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

// A figure id: [a-z0-9-]+ (ASCII lower-case letters, digits and hyphens), as docs/brief-format.md says.
bool is_figure_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

class Reader {
public:
    Reader(const yaml::Source& src, const fs::path& base_dir, const core::Context& ctx)
        : src_(src), base_dir_(base_dir), ctx_(ctx) {}

    Brief read(const Node& root) {
        Brief b;
        b.file = src_.file();
        if (root.IsNull())
            throw core::Error({src_.file(), 1, 1},
                              _("empty brief; expected a mapping with brief, title, meeting, agenda"));
        yaml::expect_map(src_, root, "a mapping with brief, title, meeting, agenda");

        const std::vector<std::string> keys = {
            "brief",   "title",   "subtitle", "language", "template", "classification", "reference",    "edition",
            "author",  "meeting", "summary",  "agenda",   "sections", "figures",        "sources",      "distribution"};
        // The version first: a newer brief may have keys this reader does not know. Unless it is
        // missing, when a misspelt "breif" deserves its did-you-mean.
        if (!yaml::find(root, "brief")) yaml::check_keys(src_, root, "brief", keys);
        Node version = yaml::require(src_, root, "brief", "brief");
        long long v = yaml::get_int(src_, version, LLONG_MIN, LLONG_MAX, "the format version 1");
        if (v != 1)
            src_.fail(version, core::trf("unsupported brief version {}; expected 1, the version this briefmake reads",
                                        {std::to_string(v)}));
        b.version = 1;

        yaml::check_keys(src_, root, "brief", keys);
        b.title = required_text(root, "title", "brief", "a title");
        b.subtitle = optional_text(root, "subtitle", "a subtitle");
        if (Node n = yaml::find(root, "language")) {
            b.language = yaml::get_choice(src_, n, "language", kLanguages);
            b.language_loc = src_.loc(n);
        }
        if (Node n = yaml::find(root, "template")) {
            b.template_name = yaml::get_nonempty_text(src_, n, "a template name or path");
            b.template_loc = src_.loc(n);
        }
        b.classification = optional_text(root, "classification", "a classification marking");
        b.reference = optional_text(root, "reference", "a document reference");
        if (Node n = yaml::find(root, "edition")) b.edition = date(n);
        b.author = optional_text(root, "author", "an author");
        b.meeting = meeting(yaml::require(src_, root, "meeting", "brief"));
        if (Node n = yaml::find(root, "summary")) b.summary = rich(n);

        Node agenda = yaml::require(src_, root, "agenda", "brief");
        yaml::expect_seq(src_, agenda, "a list of agenda items (may be empty: [])");
        for (const auto& item : agenda) b.agenda.push_back(agenda_item(item));

        // Figures before sections, so section references can be checked as they are read.
        if (Node n = yaml::find(root, "figures")) {
            yaml::expect_seq(src_, n, "a list of figures");
            for (const auto& f : n) b.figures.push_back(figure(f, b.inputs));
        }
        if (Node n = yaml::find(root, "sections")) {
            yaml::expect_seq(src_, n, "a list of sections");
            for (const auto& s : n) b.sections.push_back(section(s, b.figures));
        }
        if (Node n = yaml::find(root, "sources")) {
            yaml::expect_seq(src_, n, "a list of sources (texts)");
            for (const auto& s : n) b.sources.push_back(text(s, "a source (text)"));
        }
        if (Node n = yaml::find(root, "distribution")) b.distribution = distribution(n);
        return b;
    }

private:
    Text text(const Node& n, std::string_view what) { return {yaml::get_text(src_, n, what), src_.loc(n)}; }

    Text required_text(const Node& map, const std::string& key, std::string_view context, std::string_view what) {
        Node n = yaml::require(src_, map, key, context);
        return {yaml::get_nonempty_text(src_, n, what), src_.loc(n)};
    }

    std::optional<Text> optional_text(const Node& map, const std::string& key, std::string_view what) {
        Node n = yaml::find(map, key);
        if (!n) return std::nullopt;
        return text(n, what);
    }

    RichText rich(const Node& n) {
        return {yaml::get_text(src_, n, "rich text (a string of Markdown)"), src_.loc(n)};
    }

    Date date(const Node& n) {
        const char* what = N_("a date YYYY-MM-DD");
        std::string s = yaml::get_text(src_, n, what);
        if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s.substr(0, 4)) ||
            !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2)))
            src_.fail(n, core::trf("expected {}, got {}", {_(what), yaml::describe(n)}));
        Date d{to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2))};
        if (d.year < 1 || d.month < 1 || d.month > 12)
            src_.fail(n, core::trf("impossible date {}; expected {}", {yaml::describe(n), _(what)}),
                      _("months run from 01 to 12"));
        int days = days_in_month(d.year, d.month);
        if (d.day < 1 || d.day > days)
            src_.fail(n, core::trf("impossible date {}; expected {}", {yaml::describe(n), _(what)}),
                      core::trf("{} {} has {} days", {_(kMonthNames[d.month - 1]), std::to_string(d.year),
                                                      std::to_string(days)}));
        return d;
    }

    Time time(const Node& n) {
        std::string s = yaml::get_text(src_, n, "a time HH:MM");
        bool ok = s.size() == 5 && s[2] == ':' && all_digits(s.substr(0, 2)) && all_digits(s.substr(3, 2));
        Time t;
        if (ok) t = {to_int(s.substr(0, 2)), to_int(s.substr(3, 2))};
        if (!ok || t.hour > 23 || t.minute > 59)
            src_.fail(n, core::trf("expected a time HH:MM (00:00 to 23:59), got {}", {yaml::describe(n)}));
        return t;
    }

    Person person(const Node& n) {
        Person p;
        if (n.IsScalar()) {
            p.name = {yaml::get_nonempty_text(src_, n, "a person (a name, or {name, role, country})"), src_.loc(n)};
            return p;
        }
        if (!n.IsMap())
            src_.fail(n, core::trf("expected a person (a name, or {name, role, country}), got {}", {yaml::describe(n)}));
        yaml::check_keys(src_, n, "person", {"name", "role", "country"});
        p.name = required_text(n, "name", "person", "a name");
        p.role = optional_text(n, "role", "a role");
        if (Node c = yaml::find(n, "country")) {
            std::string code = yaml::get_text(src_, c, "a country code (ISO 3166 alpha-2, e.g. TR)");
            for (char& ch : code)
                if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
            bool ok = code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
                      std::isupper(static_cast<unsigned char>(code[1]));
            for (std::size_t i = 0; ok && i < kCountries.size(); i += 3)
                if (kCountries.substr(i, 2) == code) {
                    p.country = code;
                    break;
                }
            if (!p.country)
                src_.fail(c, core::trf("unknown country code {}; expected an ISO 3166 alpha-2 code such as TR or KZ",
                                       {yaml::describe(c)}));
        }
        return p;
    }

    std::vector<Person> persons(const Node& n, std::string_view what) {
        yaml::expect_seq(src_, n, what);
        std::vector<Person> out;
        for (const auto& p : n) out.push_back(person(p));
        return out;
    }

    Meeting meeting(const Node& n) {
        yaml::expect_map(src_, n, "a mapping with name and date");
        yaml::check_keys(src_, n, "meeting",
                         {"name", "number", "date", "end_date", "time", "location", "format", "chairs", "delegations"});
        Meeting m;
        m.loc = src_.loc(n);
        m.name = required_text(n, "name", "meeting", "a meeting name");
        if (Node k = yaml::find(n, "number"))
            m.number = static_cast<int>(yaml::get_int(src_, k, 1, 1000000, "a meeting number"));
        m.date = date(yaml::require(src_, n, "date", "meeting"));
        if (Node k = yaml::find(n, "end_date")) {
            m.end_date = date(k);
            if (*m.end_date < m.date)
                src_.fail(k, core::trf("end_date {} is before date {}; expected the same day or later",
                                       {date_string(*m.end_date), date_string(m.date)}));
        }
        if (Node k = yaml::find(n, "time")) m.time = time(k);
        m.location = optional_text(n, "location", "a location");
        m.format = optional_text(n, "format", "a meeting format");
        if (Node k = yaml::find(n, "chairs")) m.chairs = persons(k, "a list of persons");
        if (Node k = yaml::find(n, "delegations")) {
            yaml::expect_seq(src_, k, "a list of delegations ({country, members})");
            for (const auto& d : k) {
                yaml::expect_map(src_, d, "a delegation ({country, members})");
                yaml::check_keys(src_, d, "delegation", {"country", "members"});
                Delegation del;
                del.country = required_text(d, "country", "delegation", "a country");
                if (Node mem = yaml::find(d, "members")) del.members = persons(mem, "a list of persons");
                m.delegations.push_back(std::move(del));
            }
        }
        return m;
    }

    AgendaItem agenda_item(const Node& n) {
        AgendaItem a;
        const char* what = N_("an agenda item (a title, or {title, presenter, notes, points, items})");
        if (n.IsScalar()) {
            a.title = {yaml::get_nonempty_text(src_, n, what), src_.loc(n)};
            return a;
        }
        if (!n.IsMap()) src_.fail(n, core::trf("expected {}, got {}", {_(what), yaml::describe(n)}));
        yaml::check_keys(src_, n, "agenda item", {"title", "presenter", "notes", "points", "items"});
        a.title = required_text(n, "title", "agenda item", "an agenda item title");
        a.presenter = optional_text(n, "presenter", "a presenter");
        if (Node k = yaml::find(n, "notes")) a.notes = rich(k);
        if (Node k = yaml::find(n, "points")) {
            yaml::expect_seq(src_, k, "a list of talking points (rich text)");
            for (const auto& p : k) a.points.push_back(rich(p));
        }
        if (Node k = yaml::find(n, "items")) {
            yaml::expect_seq(src_, k, "a list of agenda items");
            for (const auto& i : k) a.items.push_back(agenda_item(i));
        }
        return a;
    }

    Section section(const Node& n, const std::vector<Figure>& figures) {
        yaml::expect_map(src_, n, "a section ({heading, body, sections, figures})");
        yaml::check_keys(src_, n, "section", {"heading", "body", "sections", "figures"});
        Section s;
        s.heading = required_text(n, "heading", "section", "a section heading");
        if (Node k = yaml::find(n, "body")) s.body = rich(k);
        if (Node k = yaml::find(n, "sections")) {
            yaml::expect_seq(src_, k, "a list of sections");
            for (const auto& sub : k) s.sections.push_back(section(sub, figures));
        }
        if (Node k = yaml::find(n, "figures")) {
            yaml::expect_seq(src_, k, "a list of figure ids");
            std::vector<std::string> ids;
            for (const auto& f : figures) ids.push_back(f.id);
            for (const auto& ref : k) {
                FigureRef r{yaml::get_text(src_, ref, "a figure id"), src_.loc(ref)};
                if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) {
                    std::string best = core::closest_match(r.id, ids);
                    src_.fail(ref, core::trf("unknown figure {}; expected the id of a figure in figures", {yaml::describe(ref)}),
                              core::did_you_mean(best));
                }
                // A figure is placed once; a second placement would be silently ambiguous.
                auto [it, inserted] = placed_.emplace(r.id, r.loc.line);
                if (!inserted)
                    src_.fail(ref,
                              core::trf("figure \"{}\" is already placed in a section; expected each figure in one section at most",
                                        {r.id}),
                              core::first_at_line(it->second));
                s.figures.push_back(std::move(r));
            }
        }
        return s;
    }

    Figure figure(const Node& n, std::vector<fs::path>& inputs) {
        yaml::expect_map(src_, n, "a figure ({id, title, kind, ...})");
        yaml::check_keys(src_, n, "figure",
                         {"id", "title", "kind", "unit", "source", "note", "decimals", "columns", "rows",
                          "categories", "series", "csv", "alt"});
        Figure f;
        f.loc = src_.loc(n);
        Node id = yaml::require(src_, n, "id", "figure");
        f.id = yaml::get_text(src_, id, "a figure id ([a-z0-9-]+)");
        if (!is_figure_id(f.id))
            src_.fail(id, core::trf("invalid figure id {}; expected lower-case letters, digits and '-' only ([a-z0-9-]+)",
                                    {yaml::describe(id)}));
        auto [it, inserted] = figure_ids_.emplace(f.id, src_.loc(id).line);
        if (!inserted)
            src_.fail(id, core::trf("duplicate figure id \"{}\"; expected a different id for each figure", {f.id}),
                      core::first_at_line(it->second));
        f.title = required_text(n, "title", "figure", "a figure title");
        Node kind = yaml::require(src_, n, "kind", "figure");
        std::string k = yaml::get_choice(src_, kind, "figure kind", {"table", "bar", "line", "pie"});
        f.kind = k == "table" ? FigureKind::Table : k == "bar" ? FigureKind::Bar : k == "line" ? FigureKind::Line
                                                                                                : FigureKind::Pie;
        f.unit = optional_text(n, "unit", "a unit");
        f.source = optional_text(n, "source", "a source");
        f.note = optional_text(n, "note", "a note");
        f.alt = optional_text(n, "alt", "an alternative text for screen readers");
        if (Node d = yaml::find(n, "decimals"))
            f.decimals = static_cast<int>(yaml::get_int(src_, d, 0, 6, "a number of decimals"));

        // Which data keys belong to which kind; a key for another kind is a mistake, not noise.
        bool table = f.kind == FigureKind::Table;
        const std::vector<std::string> own = table ? std::vector<std::string>{"columns", "rows"}
                                                   : std::vector<std::string>{"categories", "series"};
        const std::vector<std::string> other = table ? std::vector<std::string>{"categories", "series"}
                                                     : std::vector<std::string>{"columns", "rows"};
        std::string expected = table ? _("columns and rows, or csv") : _("categories and series, or csv");
        for (const auto& key : other)
            if (Node x = yaml::find(n, key))
                fail_key(n, key, core::trf("key \"{}\" does not apply to a {} figure; expected {}", {key, k, expected}));

        Node csv = yaml::find(n, "csv");
        if (csv) {
            for (const auto& key : own)
                if (yaml::find(n, key))
                    fail_key(n, key, core::trf("key \"{}\" given together with csv; expected either csv or {} and {}",
                                               {key, own[0], own[1]}));
            load_csv(f, csv, inputs);
        } else {
            if (!yaml::find(n, own[0]) && !yaml::find(n, own[1]))
                src_.fail(n, core::trf("figure \"{}\" has no data; expected {}", {f.id, expected}));
            if (table) table_data(f, n);
            else chart_data(f, n);
        }
        return f;
    }

    [[noreturn]] void fail_key(const Node& map, const std::string& key, std::string message) {
        for (const auto& kv : map)
            if (kv.first.Scalar() == key) src_.fail(kv.first, std::move(message));
        src_.fail(map, std::move(message));
    }

    Cell cell(const Node& n) {
        Cell c;
        c.loc = src_.loc(n);
        if (yaml::is_number(n)) {
            c.is_number = true;
            c.number = yaml::get_number(src_, n);
            c.text = n.Scalar();
        } else {
            c.text = yaml::get_text(src_, n, "a table cell (a number or a text; write \"\" for an empty cell)");
        }
        return c;
    }

    void table_data(Figure& f, const Node& n) {
        Node cols = yaml::require(src_, n, "columns", "table figure");
        yaml::expect_seq(src_, cols, "a list of column headings");
        if (cols.size() == 0) src_.fail(cols, _("expected at least one column, got an empty list"));
        for (const auto& c : cols) f.columns.push_back(yaml::get_text(src_, c, "a column heading"));
        Node rows = yaml::require(src_, n, "rows", "table figure");
        yaml::expect_seq(src_, rows, "a list of rows (each a list of cells)");
        for (const auto& r : rows) {
            yaml::expect_seq(src_, r, "a row (a list of cells)");
            if (r.size() != f.columns.size())
                src_.fail(r, core::ntrf("row has {n} cells; expected {} (one per column)",
                                        "row has {n} cells; expected {} (one per column)", r.size(),
                                        {std::to_string(f.columns.size())}));
            std::vector<Cell> row;
            for (const auto& c : r) row.push_back(cell(c));
            f.rows.push_back(std::move(row));
        }
    }

    void chart_data(Figure& f, const Node& n) {
        Node cats = yaml::require(src_, n, "categories", "chart figure");
        yaml::expect_seq(src_, cats, "a list of categories");
        if (cats.size() == 0) src_.fail(cats, _("expected at least one category, got an empty list"));
        for (const auto& c : cats) f.categories.push_back(yaml::get_text(src_, c, "a category"));
        Node series = yaml::require(src_, n, "series", "chart figure");
        yaml::expect_seq(src_, series, "a list of series ({name, values})");
        for (const auto& s : series) {
            yaml::expect_map(src_, s, "a series ({name, values})");
            yaml::check_keys(src_, s, "series", {"name", "values"});
            Series out;
            out.loc = src_.loc(s);
            out.name = required_text(s, "name", "series", "a series name").value;
            Node values = yaml::require(src_, s, "values", "series");
            yaml::expect_seq(src_, values, "a list of numbers");
            if (values.size() != f.categories.size())
                src_.fail(values, core::ntrf("series \"{}\" has {n} values; expected {} (one per category)",
                                             "series \"{}\" has {n} values; expected {} (one per category)",
                                             values.size(), {out.name, std::to_string(f.categories.size())}));
            for (const auto& v : values) out.values.push_back(yaml::get_number(src_, v));
            f.series.push_back(std::move(out));
        }
        check_series_count(f, series);
    }

    // Bar and line charts need a series; a pie is one series split into slices.
    void check_series_count(const Figure& f, const Node& where) {
        if (f.kind == FigureKind::Pie && f.series.size() != 1)
            src_.fail(where, core::ntrf("a pie figure has {n} series; expected exactly one",
                                        "a pie figure has {n} series; expected exactly one", f.series.size()));
        if (f.series.empty()) src_.fail(where, _("expected at least one series, got none"));
    }

    fs::path resolve(const Node& n, const std::string& rel) {
        fs::path p(rel);
        std::error_code ec;
        fs::path base = fs::canonical(base_dir_.empty() ? fs::path(".") : base_dir_, ec);
        if (ec) src_.fail(n, core::trf("cannot resolve the brief's folder: {}", {ec.message()}));
        ctx_.depends_on(p.is_absolute() ? p : base / p);  // also when missing: --watch waits for it
        std::vector<fs::path> roots{base};
        roots.insert(roots.end(), ctx_.allowed_roots.begin(), ctx_.allowed_roots.end());
        const core::ConfinedPath c = core::confine_path(p, base, roots);
        using Verdict = core::ConfinedPath::Verdict;
        if (c.verdict == Verdict::unresolved)
            src_.fail(n, core::trf("cannot read CSV file {}: {}; expected a CSV file in the brief's folder",
                                   {yaml::describe(n), c.error.message()}));
        // Absolute paths are only for files under an allowed root (--allow-path).
        if (c.verdict == Verdict::absolute)
            src_.fail(n, core::trf("absolute path {}; expected a path relative to the brief's folder", {yaml::describe(n)}));
        if (c.verdict == Verdict::outside)
            src_.fail(n,
                      core::trf("path {} leads outside the brief's folder (to {}); expected a file inside it",
                                {yaml::describe(n), c.full.string()}),
                      _("use --allow-path to permit another folder"));
        const fs::path& full = c.full;
        if (!fs::is_regular_file(full, ec))
            src_.fail(n, core::trf("CSV path {} is not a regular file; expected a CSV file", {yaml::describe(n)}));
        return full;
    }

    void load_csv(Figure& f, const Node& n, std::vector<fs::path>& inputs) {
        std::string rel = yaml::get_nonempty_text(src_, n, "a path to a CSV file");
        fs::path full = resolve(n, rel);
        std::string text;
        try {
            text = core::read_file(full);
        } catch (const core::Error& e) {
            src_.fail(n, core::trf("cannot read CSV file {}: {}", {yaml::describe(n), e.diagnostic().message}));
        }
        // CSV messages name the file as the brief wrote it, relative to the brief.
        std::string name = (fs::path(src_.file()).parent_path() / rel).lexically_normal().string();
        if (text.size() > yaml::Limits{}.max_bytes)
            throw core::Error({name, 0, 0}, core::trf("CSV file is too large; expected at most {} bytes",
                                                      {std::to_string(yaml::Limits{}.max_bytes)}));
        std::vector<CsvRow> rows = parse_csv(text, name);
        // One brief's CSV files together stay within the limit of one file.
        for (const auto& r : rows) csv_fields_ += r.size();
        if (csv_fields_ > kMaxCsvFields)
            src_.fail(n, core::trf("the brief's CSV files hold {} fields in all; expected at most {}",
                                   {std::to_string(csv_fields_), std::to_string(kMaxCsvFields)}));
        if (rows.empty()) throw core::Error({name, 1, 1}, _("empty CSV; expected a header row"));
        const CsvRow& header = rows[0];
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (rows[i].size() != header.size())
                throw core::Error(rows[i][0].loc,
                                  core::ntrf("row has {n} fields; expected {} like the header row",
                                             "row has {n} fields; expected {} like the header row", rows[i].size(),
                                             {std::to_string(header.size())}));
        f.csv = full;
        if (std::find(inputs.begin(), inputs.end(), full) == inputs.end()) inputs.push_back(full);

        if (f.kind == FigureKind::Table) {
            for (const auto& h : header) f.columns.push_back(h.text);
            for (std::size_t i = 1; i < rows.size(); ++i) {
                std::vector<Cell> row;
                for (const auto& field : rows[i]) {
                    Cell c;
                    c.loc = field.loc;
                    c.text = field.text;
                    c.is_number = yaml::parse_number(field.text, c.number);
                    row.push_back(std::move(c));
                }
                f.rows.push_back(std::move(row));
            }
            return;
        }
        if (header.size() < 2)
            throw core::Error(header[0].loc,
                              f.kind == FigureKind::Pie
                                  ? _("CSV for a pie has one column; expected categories, then one column per series")
                                  : _("CSV for a chart has one column; expected categories, then one column per series"));
        if (rows.size() < 2)
            throw core::Error(header[0].loc, _("CSV has only a header row; expected at least one category"));
        for (std::size_t j = 1; j < header.size(); ++j) f.series.push_back({header[j].text, {}, header[j].loc});
        for (std::size_t i = 1; i < rows.size(); ++i) {
            f.categories.push_back(rows[i][0].text);
            for (std::size_t j = 1; j < header.size(); ++j) {
                double v = 0;
                if (!yaml::parse_number(rows[i][j].text, v))
                    throw core::Error(rows[i][j].loc,
                                      core::trf("expected a number (written with a dot, e.g. 8.95), got \"{}\"",
                                                {rows[i][j].text}));
                f.series[j - 1].values.push_back(v);
            }
        }
        if (f.kind == FigureKind::Pie && f.series.size() != 1)
            throw core::Error(header[1].loc,
                              core::ntrf("CSV for a pie figure has {n} series columns; expected exactly one",
                                         "CSV for a pie figure has {n} series columns; expected exactly one",
                                         f.series.size()));
    }

    Distribution distribution(const Node& n) {
        yaml::expect_map(src_, n, "a mapping with to, cc, subject");
        yaml::check_keys(src_, n, "distribution", {"to", "cc", "subject"});
        Distribution d;
        auto list = [&](const char* key, std::vector<std::string>& out, std::vector<SourceLoc>& locs) {
            if (Node k = yaml::find(n, key)) {
                yaml::expect_seq(src_, k, "a list of addresses or names");
                for (const auto& a : k) {
                    out.push_back(yaml::get_nonempty_text(src_, a, "an address or name"));
                    locs.push_back(src_.loc(a));
                }
            }
        };
        list("to", d.to, d.to_locs);
        list("cc", d.cc, d.cc_locs);
        if (Node k = yaml::find(n, "subject")) d.subject = yaml::get_text(src_, k, "a subject");
        return d;
    }

    const yaml::Source& src_;
    fs::path base_dir_;
    const core::Context& ctx_;
    std::map<std::string, int> figure_ids_;  // id -> line of first definition
    std::map<std::string, int> placed_;      // figure id -> line of the section reference
    std::size_t csv_fields_ = 0;             // fields read from CSV files so far
};

}  // namespace

Brief parse_brief(const std::string& yaml_text, const std::string& file_name, const fs::path& base_dir,
                  const core::Context& ctx) {
    yaml::Source src(file_name, yaml_text);
    Node root = yaml::load(src);
    return Reader(src, base_dir, ctx).read(root);
}

Brief read_brief(const fs::path& path, const core::Context& ctx) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (!ec && size > yaml::Limits{}.max_bytes)
        throw core::Error({path.string(), 0, 0}, core::trf("file is too large ({} bytes); expected at most {} bytes",
                                                           {std::to_string(size),
                                                            std::to_string(yaml::Limits{}.max_bytes)}));
    std::string text = core::read_file(path);
    fs::path base = path.parent_path();
    Brief b = parse_brief(text, path.string(), base.empty() ? fs::path(".") : base, ctx);
    b.file = path;
    return b;
}

}  // namespace briefmake::spec
