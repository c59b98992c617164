// merge(brief, template) -> document tree. A pure function: everything it needs comes in as
// arguments; numbers, dates and labels are formatted here, once, for both writers.
#include "doc/merge.hpp"
#include "core/i18n.hpp"
#include "doc/typography.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "doc/alt_text.hpp"
#include "doc/link_address.hpp"
#include "text/date_range.hpp"
#include "text/text.hpp"

namespace briefmake::doc {
namespace {

Inlines plain(const std::string& s, uint8_t flags = 0) {
    if (s.empty()) return {};
    return {Span{s, flags, "", false}};
}

int64_t days_from_civil(int y, int m, int d) {
    // Howard Hinnant's algorithm: days since 1970-01-01 in the proleptic Gregorian calendar.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string iso(const spec::Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

class Merger {
public:
    Merger(const spec::Brief& b, const tmpl::Template& t, const core::Context& ctx)
        : b_(b), t_(t), ctx_(ctx), lang_(b.language) {}

    Document run() {
        Document d;
        d.tmpl = t_;
        d.meta = meta();
        vars_ = variables();
        d.meta.logo_alt = logo_alt();
        d.header = furniture(t_.header);
        d.footer = furniture(t_.footer);
        if (t_.first_header) d.first_header = furniture(*t_.first_header);
        if (t_.first_footer) d.first_footer = furniture(*t_.first_footer);
        collect_references();
        bool toc_placed = false;
        for (const std::string& block : t_.blocks) {
            if (block == "letterhead") letterhead();
            else if (block == "title") title();
            else if (block == "meeting") meeting();
            else if (block == "toc") { toc(); toc_placed = true; }
            else if (block == "summary") summary();
            else if (block == "agenda") agenda();
            else if (block == "sections") sections();
            else if (block == "figures") remaining_figures();
            else if (block == "sources") sources();
            if (block == "meeting" && t_.toc && !toc_placed &&
                std::find(t_.blocks.begin(), t_.blocks.end(), "toc") == t_.blocks.end()) {
                toc();
                toc_placed = true;
            }
        }
        d.blocks = std::move(blocks_);
        typeset_punctuation(d);  // ’ “…” «…» and number ranges with en dashes, for both outputs
        add_link_addresses(d);   // after it: an address keeps its straight characters
        return d;
    }

private:
    std::string label(const std::string& key) const { return t_.label(lang_, key); }
    std::string date(const spec::Date& d) const { return text::format_date(d.year, d.month, d.day, lang_); }

    Meta meta() const {
        Meta m;
        m.title = b_.title.value;
        m.subtitle = b_.subtitle ? b_.subtitle->value : "";
        m.author = b_.author ? b_.author->value : "";
        m.subject = b_.meeting.name.value;
        m.keywords = b_.reference ? b_.reference->value : "";
        m.language = lang_;
        m.locale = text::locale_tag(lang_);
        m.classification = b_.classification ? b_.classification->value : "";
        m.reference = b_.reference ? b_.reference->value : "";
        // File dates: SOURCE_DATE_EPOCH when the user sets it, else the edition, else the
        // meeting date (noon UTC, so every time zone shows the same day). Never the clock.
        const spec::Date& dd = b_.edition ? *b_.edition : b_.meeting.date;
        m.edition_epoch = days_from_civil(dd.year, dd.month, dd.day) * 86400 + 12 * 3600;
        m.date_epoch = ctx_.source_date_epoch ? *ctx_.source_date_epoch : m.edition_epoch;
        return m;
    }

    // The logo's words for a screen reader: the template's `alt`, else the organisation's name
    // as the letterhead spells it, else the author. None of them: a warning.
    std::string logo_alt() const {
        if (!t_.logo) return "";
        if (!t_.logo_alt.empty()) return t_.logo_alt;
        std::string name;
        for (const auto& p : t_.letterhead) {
            std::string line = literal(tmpl::expand(p, vars_, lang_, false));
            if (!line.empty()) name += (name.empty() ? "" : " ") + line;
        }
        if (name.empty() && b_.author) name = b_.author->value;
        if (name.empty())
            ctx_.warn({t_.file.string(), 1, 1}, _("the template's logo has no alternative text"),
                      _("add alt: to the template's logo, or a letterhead naming the organisation"));
        return name;
    }

    std::map<std::string, tmpl::Value> variables() const {
        std::map<std::string, tmpl::Value> v;
        v["title"] = b_.title.value;
        v["subtitle"] = b_.subtitle ? b_.subtitle->value : "";
        v["classification"] = b_.classification ? b_.classification->value : "";
        v["reference"] = b_.reference ? b_.reference->value : "";
        v["author"] = b_.author ? b_.author->value : "";
        v["edition"] = b_.edition ? iso(*b_.edition) : "";
        v["language"] = lang_;
        v["meeting.name"] = b_.meeting.name.value;
        v["meeting.number"] = b_.meeting.number ? std::to_string(*b_.meeting.number) : "";
        v["meeting.date"] = iso(b_.meeting.date);
        v["meeting.end_date"] = b_.meeting.end_date ? iso(*b_.meeting.end_date) : "";
        v["meeting.time"] = b_.meeting.time ? text::format_time(b_.meeting.time->hour, b_.meeting.time->minute, lang_) : "";
        v["meeting.location"] = b_.meeting.location ? b_.meeting.location->value : "";
        v["meeting.format"] = b_.meeting.format ? b_.meeting.format->value : "";
        auto add_labels = [&](const std::map<std::string, std::string>& labels) {
            for (const auto& [k, _] : labels) v["label." + k] = label(k);
        };
        if (auto it = t_.labels.find("en"); it != t_.labels.end()) add_labels(it->second);
        if (auto it = t_.labels.find(lang_); it != t_.labels.end()) add_labels(it->second);
        return v;
    }

    Furniture furniture(const tmpl::Slots& s) const {
        return Furniture{tmpl::expand(s.left, vars_, lang_), tmpl::expand(s.center, vars_, lang_),
                         tmpl::expand(s.right, vars_, lang_)};
    }

    static std::string literal(const std::vector<tmpl::Part>& parts) {
        std::string s;
        for (const auto& p : parts) s += p.text;
        return s;
    }

    void add(Block b) { blocks_.push_back(std::move(b)); }

    void heading(int level, const std::string& text, const SourceLoc& loc) {
        Heading h;
        h.level = std::clamp(level, 1, 3);
        h.content = plain(text);
        h.anchor = "h-" + std::to_string(++heading_count_);
        add({std::move(h), loc});
    }

    void letterhead() {
        for (const auto& p : t_.letterhead) {
            std::string line = literal(tmpl::expand(p, vars_, lang_, false));
            if (!line.empty()) add({Paragraph{"letterhead", plain(line)}, p.loc});
        }
    }

    void title() {
        add({Paragraph{"title", plain(b_.title.value)}, b_.title.loc});
        if (b_.subtitle) add({Paragraph{"subtitle", plain(b_.subtitle->value)}, b_.subtitle->loc});
    }

    static std::string person(const spec::Person& p) {
        return p.role ? p.name.value + ", " + p.role->value : p.name.value;
    }

    void meeting() {
        const spec::Meeting& m = b_.meeting;
        Table t;
        t.style = "meta";
        t.header_rows = 0;
        t.widths = {1, 3};
        auto row = [&](const std::string& key, Inlines value) {
            t.rows.push_back({TableCell{plain(label(key)), false}, TableCell{std::move(value), false}});
        };
        row("meeting-name", plain(m.name.value));
        if (m.number) row("number", plain(std::to_string(*m.number)));
        // A meeting over several days: CLDR's interval (12–13 Mart 2026, 30 Mart – 2 Nisan 2026).
        const spec::Date& last = m.end_date ? *m.end_date : m.date;
        std::string when = text::format_date_range(m.date.year, m.date.month, m.date.day, last.year, last.month,
                                                   last.day, lang_);
        row("date", plain(when));
        if (m.time) row("time", plain(text::format_time(m.time->hour, m.time->minute, lang_)));
        if (m.location) row("location", plain(m.location->value));
        if (m.format) row("format", plain(m.format->value));
        if (!m.chairs.empty()) {
            Inlines v;
            for (size_t i = 0; i < m.chairs.size(); ++i) {
                if (i) v.push_back(Span{"", 0, "", true});
                v.push_back(Span{person(m.chairs[i]), 0, "", false});
            }
            row("chairs", std::move(v));
        }
        if (!m.delegations.empty()) {
            Inlines v;
            for (size_t i = 0; i < m.delegations.size(); ++i) {
                if (i) v.push_back(Span{"", 0, "", true});
                const auto& del = m.delegations[i];
                v.push_back(Span{del.country.value + ": ", Bold, "", false});
                std::string names;
                for (size_t k = 0; k < del.members.size(); ++k) names += (k ? "; " : "") + person(del.members[k]);
                v.push_back(Span{names, 0, "", false});
            }
            row("delegations", std::move(v));
        }
        if (b_.edition) row("edition", plain(date(*b_.edition)));
        add({std::move(t), m.loc});
    }

    void toc() { add({Toc{label("contents")}, {}}); }

    void summary() {
        if (!b_.summary) return;
        heading(1, label("summary"), b_.summary->loc);
        for (Block& blk : parse_rich_text(*b_.summary, "body")) add(std::move(blk));
    }

    ListItem agenda_item(const spec::AgendaItem& item, const std::string& number, int level) {
        ListItem li;
        li.label = number + ".";
        // The item's title stands out from its notes and talking points.
        Inlines title = plain(item.title.value, Bold);
        if (item.presenter) {
            title.push_back(Span{" (" + label("presenter") + ": " + item.presenter->value + ")", Italic, "", false});
        }
        li.blocks.push_back({Paragraph{"list", std::move(title)}, item.title.loc});
        if (item.notes) {
            for (Block& blk : parse_rich_text(*item.notes, "list", level + 1)) li.blocks.push_back(std::move(blk));
        }
        if (!item.points.empty()) {
            List points;
            points.kind = ListKind::Bullet;
            points.style = "bullet";
            points.level = level + 1;
            for (const auto& p : item.points) {
                ListItem pi;
                pi.label = "•";
                pi.blocks = parse_rich_text(p, "list", level + 2);
                points.items.push_back(std::move(pi));
            }
            li.blocks.push_back({std::move(points), item.points.front().loc});
        }
        if (!item.items.empty()) li.blocks.push_back({agenda_list(item.items, number + ".", level + 1), item.items.front().title.loc});
        return li;
    }

    List agenda_list(const std::vector<spec::AgendaItem>& items, const std::string& prefix, int level) {
        List l;
        l.kind = ListKind::Ordered;
        l.style = "agenda";
        l.level = level;
        for (size_t i = 0; i < items.size(); ++i) {
            l.items.push_back(agenda_item(items[i], prefix + std::to_string(i + 1), level));
        }
        return l;
    }

    void agenda() {
        if (b_.agenda.empty()) return;
        heading(1, label("agenda"), b_.agenda.front().title.loc);
        add({agenda_list(b_.agenda, "", 0), b_.agenda.front().title.loc});
    }

    void section(const spec::Section& s, int depth) {
        heading(depth, s.heading.value, s.heading.loc);
        if (s.body) {
            for (Block& blk : parse_rich_text(*s.body, "body")) add(std::move(blk));
        }
        for (const auto& ref : s.figures) {
            if (placed_.insert(ref.id).second) add(figure(*find_figure(ref.id), ref.loc));
            else ctx_.warn(ref.loc, core::trf("figure \"{}\" is already placed; shown once", {ref.id}));
        }
        for (const auto& sub : s.sections) section(sub, depth + 1);
    }

    void sections() {
        for (const auto& s : b_.sections) section(s, 1);
    }

    void remaining_figures() {
        std::vector<const spec::Figure*> rest;
        for (const auto& f : b_.figures) {
            if (!referenced_.count(f.id)) rest.push_back(&f);
        }
        if (rest.empty()) return;
        heading(1, label("figures"), rest.front()->loc);
        for (const auto* f : rest) {
            placed_.insert(f->id);
            add(figure(*f, f->loc));
        }
    }

    void sources() {
        if (b_.sources.empty()) return;
        heading(1, label("sources"), b_.sources.front().loc);
        List l;
        l.kind = ListKind::Bullet;
        l.style = "bullet";
        for (const auto& s : b_.sources) {
            ListItem li;
            li.label = "•";
            li.blocks.push_back({Paragraph{"list", plain(s.value)}, s.loc});
            l.items.push_back(std::move(li));
        }
        add({std::move(l), b_.sources.front().loc});
    }

    const spec::Figure* find_figure(const std::string& id) const {
        for (const auto& f : b_.figures)
            if (f.id == id) return &f;
        throw core::Error({}, core::trf("unknown figure \"{}\"", {id}));  // the reader checks references
    }

    // Figures named by a section are placed there (when the template shows sections); the
    // others go to the figures block.
    void collect_references() {
        if (std::find(t_.blocks.begin(), t_.blocks.end(), "sections") == t_.blocks.end()) return;
        auto walk = [&](auto&& self, const spec::Section& s) -> void {
            for (const auto& ref : s.figures) referenced_.insert(ref.id);
            for (const auto& sub : s.sections) self(self, sub);
        };
        for (const auto& s : b_.sections) walk(walk, s);
    }

    std::string number(double v, const std::optional<int>& decimals) const {
        return text::format_number(v, decimals ? *decimals : -1, lang_);
    }

    Block figure(const spec::Figure& f, const SourceLoc& at) {
        Figure fig;
        fig.id = f.id;
        fig.kind = f.kind;
        // Numbered per kind in the order of placement, which is the reading order.
        fig.label = f.kind == spec::FigureKind::Table ? label("table") + " " + std::to_string(++tables_)
                                                      : label("figure") + " " + std::to_string(++charts_);
        std::string caption = fig.label + ". " + f.title.value;
        // The unit, once: in the caption of tables and pies; bars and lines carry it on their value axis.
        if ((f.kind == spec::FigureKind::Table || f.kind == spec::FigureKind::Pie) && f.unit)
            caption += " (" + f.unit->value + ")";
        fig.caption = plain(caption);
        if (f.kind == spec::FigureKind::Table) {
            Table t;
            t.style = "table";
            t.header_rows = 1;
            std::vector<TableCell> header;
            for (const auto& c : f.columns) header.push_back(TableCell{plain(c), false});
            t.rows.push_back(std::move(header));
            std::vector<size_t> longest(f.columns.size(), 4);
            for (size_t i = 0; i < f.columns.size(); ++i) longest[i] = std::max(longest[i], f.columns[i].size());
            for (const auto& r : f.rows) {
                std::vector<TableCell> row;
                for (size_t i = 0; i < r.size(); ++i) {
                    const spec::Cell& c = r[i];
                    std::string s = c.is_number ? number(c.number, f.decimals) : c.text;
                    if (i < longest.size()) longest[i] = std::max(longest[i], s.size());
                    row.push_back(TableCell{plain(s), c.is_number, c.is_number ? c.text : std::string()});
                }
                t.rows.push_back(std::move(row));
            }
            // Column weights follow the longest entry, damped so no column is starved.
            for (size_t n : longest) t.widths.push_back(std::sqrt(static_cast<double>(std::min<size_t>(n, 60))));
            fig.table = std::move(t);
        } else {
            Chart c;
            c.kind = f.kind;
            c.categories = f.categories;
            if (f.decimals) {
                c.decimals = *f.decimals;
            } else {
                c.decimals = 0;
                for (const auto& s : f.series)
                    for (double v : s.values) c.decimals = std::max(c.decimals, text::fraction_digits(v, kMaxAutoDecimals));
            }
            c.value_axis_title = f.unit ? f.unit->value : "";
            for (const auto& s : f.series) {
                ChartSeries cs;
                cs.name = s.name;
                cs.values = s.values;
                for (double v : s.values) cs.labels.push_back(number(v, c.decimals));
                c.series.push_back(std::move(cs));
            }
            if (f.kind == spec::FigureKind::Pie && !f.series.empty()) {
                double total = 0;
                for (double v : f.series.front().values) total += std::max(0.0, v);
                for (double v : f.series.front().values)
                    c.shares.push_back(text::format_percent(total > 0 ? 100 * std::max(0.0, v) / total : 0, 1, lang_));
            }
            fig.chart = std::move(c);
        }
        // What a screen reader says for the figure: the brief's own words, else the data's.
        const std::string unit = f.unit ? f.unit->value : "";
        if (f.alt) fig.alt = f.alt->value;
        else if (fig.table) fig.alt = table_alt(f.title.value, unit, *fig.table, lang_);
        else if (fig.chart) fig.alt = chart_alt(f.title.value, unit, *fig.chart, lang_);
        if (f.source) fig.source = plain(label("source") + ": " + f.source->value);
        if (f.note) fig.note = plain(label("note") + ": " + f.note->value);
        return {std::move(fig), at};
    }

    const spec::Brief& b_;
    const tmpl::Template& t_;
    const core::Context& ctx_;
    std::string lang_;
    std::map<std::string, tmpl::Value> vars_;
    std::vector<Block> blocks_;
    std::set<std::string> placed_, referenced_;
    int heading_count_ = 0;
    int tables_ = 0, charts_ = 0;
};

}  // namespace

Document merge(const spec::Brief& brief, const tmpl::Template& tmpl, const core::Context& ctx) {
    return Merger(brief, tmpl, ctx).run();
}

}  // namespace briefmake::doc
