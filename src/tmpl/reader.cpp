// Reads layout templates (YAML). A template may `extends:` another (a shipped name or a path);
// the child is applied on top of its base key by key, so it changes only what it overrides.
#include <algorithm>
#include <cmath>
#include <set>

#include "core/ascii.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "text/text.hpp"
#include "tmpl/template.hpp"
#include "tmpl/contrast.hpp"
#include "yaml/yaml.hpp"

namespace briefmake::tmpl {
namespace fs = std::filesystem;
namespace y = yaml;

namespace {

// Style keys the pipeline uses; a template that lacks one gets a copy of "body".
const std::vector<std::string> kStyleKeys = {
    "letterhead", "title", "subtitle", "heading1", "heading2", "heading3", "body", "list", "meta",
    "meta-label", "caption", "source", "note", "table", "table-header", "header", "footer",
    "toc-title", "toc"};
const std::vector<std::string> kBlocks = {"letterhead", "title", "meeting", "toc", "summary",
                                          "agenda", "sections", "figures", "sources"};

bool is_shipped_name(const std::string& s) {
    return !s.empty() && s.find('/') == std::string::npos && s.find('.') == std::string::npos;
}

// A length: a number (points) or a text with a unit: pt, mm, cm, in.
double length(const y::Source& src, const YAML::Node& n) {
    if (y::is_number(n)) return y::get_number(src, n, "a length");
    std::string s = y::get_text(src, n, "a length such as 12pt or 25mm");
    static const std::vector<std::pair<std::string, double>> units = {
        {"pt", 1.0}, {"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"in", 72.0}};
    for (const auto& [u, f] : units) {
        if (s.size() > u.size() && s.compare(s.size() - u.size(), u.size(), u) == 0) {
            double v = 0;
            std::string num = s.substr(0, s.size() - u.size());
            while (!num.empty() && num.back() == ' ') num.pop_back();
            if (y::parse_number(num, v) && v >= 0 && v < 10000) return v * f;
        }
    }
    src.fail(n, core::trf("expected a length such as 12pt, 25mm, 2cm or 1in, got {}", {y::describe(n)}));
}

// Letter spacing: a number (em) or a text such as 0.05em; between -0.1 and 0.5 em.
double tracking(const y::Source& src, const YAML::Node& n) {
    double v = 0;
    bool ok = false;
    if (y::is_number(n)) {
        v = y::get_number(src, n, "a tracking in em");
        ok = true;
    } else {
        std::string s = y::get_text(src, n, "a tracking such as 0.05em");
        if (s.size() > 2 && s.compare(s.size() - 2, 2, "em") == 0) {
            std::string num = s.substr(0, s.size() - 2);
            while (!num.empty() && num.back() == ' ') num.pop_back();
            ok = y::parse_number(num, v);
        }
    }
    if (!ok || v < -0.1 || v > 0.5)
        src.fail(n, core::trf("expected a tracking between -0.1em and 0.5em such as 0.05em, got {}", {y::describe(n)}));
    return v;
}

Color color(const y::Source& src, const YAML::Node& n) {
    std::string s = y::get_text(src, n, "a colour");
    if (!s.empty() && s[0] == '#') s.erase(0, 1);
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (s.size() == 6 && std::all_of(s.begin(), s.end(), [&](char c) { return hex(c) >= 0; })) {
        return Color{static_cast<uint8_t>(hex(s[0]) * 16 + hex(s[1])), static_cast<uint8_t>(hex(s[2]) * 16 + hex(s[3])),
                     static_cast<uint8_t>(hex(s[4]) * 16 + hex(s[5]))};
    }
    src.fail(n, core::trf("expected a colour as six hex digits such as \"1F3864\", got {}", {y::describe(n)}));
}

Pattern pattern(const y::Source& src, const YAML::Node& n) {
    Pattern p;
    p.text = y::get_text(src, n, "a text");
    p.loc = src.loc(n);
    if (n.Tag() == "!" && p.loc.column > 0) ++p.loc.column;  // quoted: the text starts after the quote
    // Find each placeholder's "{{" in the file, from where the scalar starts: the k-th in the text
    // is the k-th in the file unless an escape spelt braces, which no one writes in a template.
    const std::string& file = src.text();
    size_t from = n.Mark().is_null() ? file.size() : static_cast<size_t>(n.Mark().pos);
    for (size_t i = p.text.find("{{"); i != std::string::npos; i = p.text.find("{{", i + 2)) {
        size_t at = file.find("{{", from);
        if (at == std::string::npos) break;
        size_t close = p.text.find("}}", i + 2);
        std::string_view inside = std::string_view(p.text).substr(i, close == std::string::npos ? close : close + 2 - i);
        p.opens.push_back({src.loc_at(at), file.compare(at, inside.size(), inside) == 0});
        from = at + 2;
    }
    return p;
}

class Reader {
public:
    // Template, font and logo paths must stay inside `base_dir` (the brief's folder), the shipped
    // templates (and fonts, for font files) or a folder of ctx.allowed_roots (--allow-path).
    // A `trusted` top-level path (named on the command line) is not checked, and its folder is
    // allowed too.
    Reader(const core::Context& ctx, const fs::path& base_dir) : ctx_(ctx) {
        add_root(ctx.templates_dir());
        add_root(base_dir.empty() ? fs::path(".") : base_dir);
        for (const auto& r : ctx.allowed_roots) add_root(r);
    }

    Template load(const std::string& name_or_path, const fs::path& base_dir, const SourceLoc& loc, bool trusted) {
        Template t;
        fs::path file = resolve(name_or_path, base_dir, loc, !trusted);
        if (trusted) add_root(file.parent_path());
        load_into(t, file, core::read_file(file), file.parent_path(), loc, 0);
        finish(t);
        return t;
    }

    Template parse(const std::string& text, const std::string& file_name, const fs::path& base_dir) {
        Template t;
        load_into(t, fs::path(file_name), text, base_dir, {file_name, 1, 1}, 0);
        finish(t);
        return t;
    }

private:
    void add_root(const fs::path& dir) {
        std::error_code ec;
        fs::path c = fs::canonical(dir, ec);
        if (!ec) roots_.push_back(c);
    }

    // Throws unless `name` (an existing file, relative to `dir`) is inside an allowed root (`extra`
    // counts as one).
    void check_path(const fs::path& dir, const std::string& name, std::string_view what, const SourceLoc& loc,
                    const fs::path& extra = {}) const {
        std::vector<fs::path> roots = roots_;
        if (!extra.empty()) roots.push_back(extra);
        const core::ConfinedPath c = core::confine_path(name, dir, roots);
        using Verdict = core::ConfinedPath::Verdict;
        if (c.verdict == Verdict::unresolved)
            throw core::Error(loc, core::trf("{} \"{}\" cannot be resolved: {}", {core::tr(what), name, c.error.message()}));
        if (c.verdict == Verdict::inside) return;
        if (c.verdict == Verdict::absolute)
            throw core::Error(loc,
                              core::trf("absolute path \"{}\" for a {}; expected a path relative to the brief's folder",
                                        {name, core::tr(what)}),
                              _("use --allow-path to permit another folder"));
        throw core::Error(loc,
                          core::trf("{} path \"{}\" leads outside the brief's folder (to {}); expected a file inside "
                                    "it or among the shipped templates",
                                    {core::tr(what), name, c.full.string()}),
                          _("use --allow-path to permit another folder"));
    }

    fs::path resolve(const std::string& name, const fs::path& base_dir, const SourceLoc& loc, bool check = true) const {
        std::error_code ec;
        if (is_shipped_name(name)) {
            fs::path p = ctx_.templates_dir() / (name + ".yaml");
            ctx_.depends_on(p);
            if (fs::is_regular_file(p, ec)) return p;
            std::vector<std::string> shipped;
            for (const auto& e : fs::directory_iterator(ctx_.templates_dir(), ec))
                if (e.path().extension() == ".yaml") shipped.push_back(e.path().stem().string());
            std::sort(shipped.begin(), shipped.end());
            std::string list;
            for (const auto& s : shipped) list += (list.empty() ? "" : ", ") + s;
            std::string hint = core::closest_match(name, shipped);
            throw core::Error(loc,
                              core::trf("unknown template \"{}\"; expected one of {} or a path to a .yaml file", {name, list}),
                              core::did_you_mean(hint));
        }
        fs::path p = fs::path(name).is_absolute() ? fs::path(name) : base_dir / name;
        ctx_.depends_on(p);  // also when missing: --watch waits for it
        if (!fs::is_regular_file(p, ec))
            throw core::Error(loc, core::trf("template file \"{}\" not found; expected a shipped template name or "
                                             "the path of a .yaml file",
                                             {name}));
        if (check) check_path(base_dir, name, "template", loc);
        return p;
    }

    // Reads `text`, the template `file`; `dir` resolves its extends, fonts and logo.
    void load_into(Template& t, const fs::path& file, const std::string& text, const fs::path& dir,
                   const SourceLoc& loc, int depth) {
        if (depth > 8) throw core::Error(loc, _("template inheritance is more than 8 levels deep"));
        fs::path canon = fs::weakly_canonical(file);
        if (std::find(visiting_.begin(), visiting_.end(), canon) != visiting_.end())
            throw core::Error(loc, core::trf("template \"{}\" extends itself (a loop)", {file.filename().string()}));
        visiting_.push_back(canon);
        y::Source src(file.string(), text);
        YAML::Node root = y::load(src);
        if (!root || root.IsNull()) throw core::Error({file.string(), 1, 1}, _("empty template; expected a mapping with page, fonts and styles"));
        y::expect_map(src, root, "a template (a mapping)");
        y::check_keys(src, root, "template",
                      {"name", "description", "extends", "page", "fonts", "styles", "colors", "header", "footer",
                       "first-page", "letterhead", "blocks", "toc", "logo", "labels", "changes",
                       "link-underline", "link-address", "figures", "reference-doc", "reference-header"});
        if (auto ext = y::find(root, "extends")) {
            std::string base = y::get_nonempty_text(src, ext, "a template name or path");
            fs::path base_file = resolve(base, dir, src.loc(ext));
            load_into(t, base_file, core::read_file(base_file), base_file.parent_path(), src.loc(ext), depth + 1);
        }
        t.chain.push_back(canon);
        t.file = canon;
        if (auto n = y::find(root, "name")) t.name = y::get_nonempty_text(src, n, "a template name");
        else if (t.name.empty()) t.name = file.stem().string();
        if (auto n = y::find(root, "page")) page(src, n, t.page);
        if (auto n = y::find(root, "fonts")) fonts(src, n, t, dir);
        if (auto n = y::find(root, "styles")) styles(src, n, t);
        if (auto n = y::find(root, "colors")) colors(src, n, t);
        if (auto n = y::find(root, "changes")) changes(src, n, t);
        if (auto n = y::find(root, "figures")) {
            y::expect_map(src, n, "a mapping with float");
            y::check_keys(src, n, "figures", {"float"});
            if (auto v = y::find(n, "float")) t.float_figures = y::get_bool(src, v);
        }
        if (auto n = y::find(root, "header")) slots(src, n, t.header, "header");
        if (auto n = y::find(root, "footer")) slots(src, n, t.footer, "footer");
        if (auto n = y::find(root, "first-page")) {
            y::expect_map(src, n, "a mapping with header and footer");
            y::check_keys(src, n, "first-page", {"header", "footer"});
            if (auto h = y::find(n, "header")) {
                Slots s;
                slots(src, h, s, "first-page header");
                t.first_header = s;
            }
            if (auto f = y::find(n, "footer")) {
                Slots s;
                slots(src, f, s, "first-page footer");
                t.first_footer = s;
            }
        }
        if (auto n = y::find(root, "letterhead")) {
            y::expect_seq(src, n, "a list of lines");
            t.letterhead.clear();
            for (const auto& line : n) t.letterhead.push_back(pattern(src, line));
        }
        if (auto n = y::find(root, "blocks")) {
            y::expect_seq(src, n, "a list of blocks");
            t.blocks.clear();
            std::set<std::string> seen;
            for (const auto& b : n) {
                std::string name = y::get_choice(src, b, "block", kBlocks);
                if (!seen.insert(name).second) src.fail(b, core::trf("block \"{}\" is listed twice", {name}));
                t.blocks.push_back(name);
            }
        }
        if (auto n = y::find(root, "toc")) t.toc = y::get_bool(src, n);
        if (auto n = y::find(root, "link-underline")) t.link_underline = y::get_bool(src, n);
        if (auto n = y::find(root, "link-address")) t.link_address = y::get_bool(src, n);
        if (auto n = y::find(root, "logo")) logo(src, n, t, dir);
        if (auto n = y::find(root, "reference-doc")) reference_doc(src, n, t, dir);
        if (auto n = y::find(root, "reference-header")) {
            std::string v = y::get_choice(src, n, "reference-header", {"replace", "beside"});
            t.reference_beside = v == "beside";
        }
        if (!y::find(root, "extends")) shipped_labels(canon, t);
        if (auto n = y::find(root, "labels")) labels(src, n, t);
        for (auto& p : collect_patterns(t)) patterns_.push_back(std::move(p));
        letterhead_patterns_.insert(letterhead_patterns_.end(), t.letterhead.begin(), t.letterhead.end());
        visiting_.pop_back();
    }

    static std::vector<Pattern> collect_patterns(const Template& t) {
        std::vector<Pattern> v;
        for (const Slots* s : {&t.header, &t.footer}) v.insert(v.end(), {s->left, s->center, s->right});
        if (t.first_header) v.insert(v.end(), {t.first_header->left, t.first_header->center, t.first_header->right});
        if (t.first_footer) v.insert(v.end(), {t.first_footer->left, t.first_footer->center, t.first_footer->right});
        return v;
    }

    void page(const y::Source& src, const YAML::Node& n, Page& p) {
        y::expect_map(src, n, "a page mapping");
        y::check_keys(src, n, "page", {"size", "orientation", "margins", "header", "footer"});
        if (auto s = y::find(n, "size")) {
            if (s.IsSequence()) {
                if (s.size() != 2) src.fail(s, _("expected [width, height]"));
                p.width = length(src, s[0]);
                p.height = length(src, s[1]);
            } else {
                std::string name = y::get_choice(src, s, "page size", {"A4", "A5", "A3", "Letter", "Legal"});
                static const std::map<std::string, std::pair<double, double>> sizes = {
                    {"A4", {595.276, 841.890}}, {"A5", {419.528, 595.276}}, {"A3", {841.890, 1190.551}},
                    {"Letter", {612, 792}}, {"Legal", {612, 1008}}};
                std::tie(p.width, p.height) = sizes.at(name);
            }
            if (p.width < 144 || p.height < 144) src.fail(s, _("page is too small; expected at least 2 inches each way"));
        }
        if (auto o = y::find(n, "orientation")) {
            std::string orient = y::get_choice(src, o, "orientation", {"portrait", "landscape"});
            bool landscape = p.width > p.height;
            if ((orient == "landscape") != landscape) std::swap(p.width, p.height);
        }
        if (auto m = y::find(n, "margins")) {
            if (m.IsMap()) {
                y::check_keys(src, m, "margins", {"top", "bottom", "left", "right"});
                if (auto v = y::find(m, "top")) p.margin_top = length(src, v);
                if (auto v = y::find(m, "bottom")) p.margin_bottom = length(src, v);
                if (auto v = y::find(m, "left")) p.margin_left = length(src, v);
                if (auto v = y::find(m, "right")) p.margin_right = length(src, v);
            } else {
                p.margin_top = p.margin_bottom = p.margin_left = p.margin_right = length(src, m);
            }
            if (p.margin_left + p.margin_right > p.width - 72 || p.margin_top + p.margin_bottom > p.height - 72)
                src.fail(m, _("margins leave less than an inch for the text"));
        }
        if (auto v = y::find(n, "header")) p.header_distance = length(src, v);
        if (auto v = y::find(n, "footer")) p.footer_distance = length(src, v);
    }

    fs::path font_file(const y::Source& src, const YAML::Node& n, const fs::path& dir) const {
        std::string name = y::get_nonempty_text(src, n, "a font file name");
        std::error_code ec;
        for (const fs::path& folder : {dir, ctx_.fonts_dir()}) {
            const fs::path candidate = folder / name;
            ctx_.depends_on(candidate);
            if (fs::is_regular_file(candidate, ec)) {
                check_path(folder, name, "font", src.loc(n), ctx_.fonts_dir());
                return fs::weakly_canonical(candidate);
            }
        }
        src.fail(n, core::trf("font file \"{}\" not found next to the template or in {}", {name, ctx_.fonts_dir().string()}));
    }

    void fonts(const y::Source& src, const YAML::Node& n, Template& t, const fs::path& dir) {
        y::expect_map(src, n, "a mapping of font families");
        for (const auto& kv : n) {
            std::string key = kv.first.as<std::string>();
            if (key.rfind("x-", 0) == 0) continue;
            if (key == "fallback") {
                t.fallback_font = font_file(src, kv.second, dir);
                continue;
            }
            const YAML::Node& fam = kv.second;
            y::expect_map(src, fam, "a font family (regular, bold, italic, bold-italic, docx)");
            y::check_keys(src, fam, "font family", {"regular", "bold", "italic", "bold-italic", "docx"});
            FontFamily& f = t.fonts[key];
            f.key = key;
            if (auto v = y::find(fam, "regular")) f.regular = font_file(src, v, dir);
            if (auto v = y::find(fam, "bold")) f.bold = font_file(src, v, dir);
            if (auto v = y::find(fam, "italic")) f.italic = font_file(src, v, dir);
            if (auto v = y::find(fam, "bold-italic")) f.bold_italic = font_file(src, v, dir);
            if (auto v = y::find(fam, "docx")) f.docx_name = y::get_nonempty_text(src, v, "a font name for Word");
            if (f.regular.empty()) src.fail(fam, core::trf("font family \"{}\" needs a regular face", {key}));
            // Missing faces fall back to the regular one.
            if (f.bold.empty()) f.bold = f.regular;
            if (f.italic.empty()) f.italic = f.regular;
            if (f.bold_italic.empty()) f.bold_italic = f.bold;
            if (f.docx_name.empty()) f.docx_name = f.regular.stem().string();
        }
    }

    void styles(const y::Source& src, const YAML::Node& n, Template& t) {
        y::expect_map(src, n, "a mapping of styles");
        for (const auto& kv : n) {
            std::string key = kv.first.as<std::string>();
            if (key.rfind("x-", 0) == 0) continue;
            if (std::find(kStyleKeys.begin(), kStyleKeys.end(), key) == kStyleKeys.end()) {
                std::string hint = core::closest_match(key, kStyleKeys);
                throw core::Error(src.loc(kv.first), core::trf("unknown style \"{}\"", {key}), core::did_you_mean(hint));
            }
            const YAML::Node& s = kv.second;
            y::expect_map(src, s, "a style mapping");
            y::check_keys(src, s, "style",
                          {"font", "size", "bold", "italic", "color", "space-before", "space-after", "leading",
                           "indent-left", "indent-first", "align", "transform", "keep-with-next", "docx-name",
                           "tracking"});
            auto it = t.styles.find(key);
            Style st = it != t.styles.end() ? it->second : (t.styles.count("body") ? t.styles.at("body") : Style{});
            if (it == t.styles.end()) st.docx_name.clear(), st.keep_with_next = false, st.transform = CaseTransform::None;
            if (auto v = y::find(s, "font")) {
                st.font = y::get_nonempty_text(src, v, "a font family key");
                font_refs_.push_back({src, v, st.font});
            }
            if (auto v = y::find(s, "size")) {
                st.size = y::get_number(src, v, "a size in points");
                if (st.size < 4 || st.size > 96) src.fail(v, _("expected a size between 4 and 96 points"));
            }
            if (auto v = y::find(s, "bold")) st.bold = y::get_bool(src, v);
            if (auto v = y::find(s, "italic")) st.italic = y::get_bool(src, v);
            if (auto v = y::find(s, "color")) st.color = color(src, v), color_locs_["style:" + key] = src.loc(v);
            if (auto v = y::find(s, "space-before")) st.space_before = length(src, v);
            if (auto v = y::find(s, "space-after")) st.space_after = length(src, v);
            if (auto v = y::find(s, "leading")) {
                st.leading = y::get_number(src, v, "a line height multiple such as 1.2");
                if (st.leading < 0.8 || st.leading > 4) src.fail(v, _("expected a line height multiple between 0.8 and 4"));
            }
            if (auto v = y::find(s, "indent-left")) st.indent_left = length(src, v);
            if (auto v = y::find(s, "indent-first")) st.indent_first = length(src, v);
            if (auto v = y::find(s, "align")) {
                std::string a = y::get_choice(src, v, "alignment", {"left", "center", "right", "justify"});
                st.align = a == "left" ? Align::Left : a == "center" ? Align::Center : a == "right" ? Align::Right : Align::Justify;
            }
            if (auto v = y::find(s, "transform")) {
                std::string a = y::get_choice(src, v, "transform", {"none", "upper", "lower"});
                st.transform = a == "upper" ? CaseTransform::Upper : a == "lower" ? CaseTransform::Lower : CaseTransform::None;
            }
            if (auto v = y::find(s, "keep-with-next")) st.keep_with_next = y::get_bool(src, v);
            if (auto v = y::find(s, "tracking")) {
                if (key != "header" && key != "footer")
                    src.fail(v, core::trf("tracking is laid out on the header and footer styles only, not on \"{}\"", {key}));
                st.tracking = tracking(src, v);
            }
            if (auto v = y::find(s, "docx-name")) st.docx_name = y::get_nonempty_text(src, v, "a Word style name");
            t.styles[key] = st;
        }
    }

    void colors(const y::Source& src, const YAML::Node& n, Template& t) {
        y::expect_map(src, n, "a mapping of colours");
        y::check_keys(src, n, "colors", {"rule", "table-header", "table-stripe", "table-rule", "chart", "change-bar", "link"});
        for (const auto& kv : n) {
            std::string key = kv.first.as<std::string>();
            if (key.rfind("x-", 0) == 0) continue;
            if (key == "chart") {
                y::expect_seq(src, kv.second, "a list of colours");
                t.chart_palette.clear();
                for (const auto& c : kv.second) t.chart_palette.push_back(color(src, c));
                if (t.chart_palette.empty()) src.fail(kv.second, _("expected at least one chart colour"));
            } else {
                t.colors[key] = color(src, kv.second);
                color_locs_["colors:" + key] = src.loc(kv.second);
            }
        }
    }

    // Editions: the change bar and the changes box.
    void changes(const y::Source& src, const YAML::Node& n, Template& t) {
        y::expect_map(src, n, "a mapping with bar-width, bar-gap and max-items");
        y::check_keys(src, n, "changes", {"bar-width", "bar-gap", "max-items"});
        if (auto v = y::find(n, "bar-width")) t.change_bar_width = length(src, v);
        if (auto v = y::find(n, "bar-gap")) t.change_bar_gap = length(src, v);
        if (auto v = y::find(n, "max-items")) {
            double m = y::get_number(src, v, "a whole number of changes (at least 2)");
            if (m < 2 || m > 10000 || m != std::floor(m)) src.fail(v, _("expected a whole number of changes (at least 2)"));
            t.changes_max = int(m);
        }
    }

    void slots(const y::Source& src, const YAML::Node& n, Slots& s, std::string_view what) {
        y::expect_map(src, n, "a mapping with left, center and right");
        y::check_keys(src, n, what, {"left", "center", "right"});
        if (auto v = y::find(n, "left")) s.left = pattern(src, v);
        if (auto v = y::find(n, "center")) s.center = pattern(src, v);
        if (auto v = y::find(n, "right")) s.right = pattern(src, v);
    }

    void logo(const y::Source& src, const YAML::Node& n, Template& t, const fs::path& dir) {
        y::expect_map(src, n, "a logo mapping (file, width, alt)");
        y::check_keys(src, n, "logo", {"file", "width", "alt"});
        YAML::Node f = y::require(src, n, "file", "logo");
        std::string name = y::get_nonempty_text(src, f, "an image file (PNG or JPEG)");
        fs::path p = dir / name;
        ctx_.depends_on(p);
        std::error_code ec;
        if (!fs::is_regular_file(p, ec))
            src.fail(f, core::trf("logo file \"{}\" not found next to the template; expected a PNG or JPEG file", {name}));
        check_path(dir, name, "logo", src.loc(f));
        std::string ext = p.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return core::ascii_lower(c); });
        if (ext != ".png" && ext != ".jpg" && ext != ".jpeg") src.fail(f, _("expected a PNG or JPEG logo"));
        t.logo = fs::weakly_canonical(p);
        if (auto w = y::find(n, "width")) t.logo_width = length(src, w);
        t.logo_alt.clear();  // a parent's words describe the parent's logo
        if (auto a = y::find(n, "alt")) t.logo_alt = y::get_text(src, a, "the logo's alternative text");
    }

    // `reference-doc: FILE`: a .docx/.dotx beside the template, confined like a logo. Read later
    // (docx::read_reference), so the template module stays free of the zip and XML libraries.
    void reference_doc(const y::Source& src, const YAML::Node& n, Template& t, const fs::path& dir) {
        std::string name = y::get_nonempty_text(src, n, "a .docx or .dotx file");
        fs::path p = dir / name;
        ctx_.depends_on(p);
        std::error_code ec;
        if (!fs::is_regular_file(p, ec))
            src.fail(n, core::trf("reference document \"{}\" not found next to the template; expected a .docx or .dotx file", {name}));
        check_path(dir, name, "reference document", src.loc(n));
        t.reference_doc = fs::weakly_canonical(p);
        t.reference_loc = src.loc(n);
    }

    // A template that extends nothing starts from the shipped default's labels, so one that
    // names a few labels (or none) still prints words, not keys, in every language we ship.
    void shipped_labels(const fs::path& canon, Template& t) {
        std::error_code ec;
        fs::path file = ctx_.templates_dir() / "default.yaml";
        if (!fs::is_regular_file(file, ec) || fs::weakly_canonical(file) == canon) return;
        y::Source src(file.string(), core::read_file(file));
        YAML::Node root = y::load(src);
        if (auto n = y::find(root, "labels")) labels(src, n, t);
    }

    void labels(const y::Source& src, const YAML::Node& n, Template& t) {
        y::expect_map(src, n, "a mapping of languages");
        for (const auto& kv : n) {
            std::string lang = kv.first.as<std::string>();
            if (lang.rfind("x-", 0) == 0) continue;
            if (!text::is_supported_language(lang))
                throw core::Error(src.loc(kv.first), core::trf("unknown language \"{}\"; expected tr, en, ru or kk", {lang}));
            y::expect_map(src, kv.second, "a mapping of labels");
            for (const auto& l : kv.second) {
                std::string key = l.first.as<std::string>();
                t.labels[lang][key] = y::get_text(src, l.second, "a label text");
            }
        }
    }

    // A text colour too faint on its background (WCAG 2.1 AA) is a warning naming the pair, where
    // the text colour was set, else the background, else the template.
    void check_contrast(const Template& t) const {
        for (const ContrastPair& p : contrast_pairs(t)) {
            if (p.passes()) continue;
            SourceLoc at{t.file.string(), 1, 1};
            if (auto it = color_locs_.find("style:" + p.style); !p.style.empty() && it != color_locs_.end()) at = it->second;
            else if (auto jt = color_locs_.find("colors:" + p.fill); !p.fill.empty() && jt != color_locs_.end()) at = jt->second;
            ctx_.warn(at, core::trf("low contrast: {} (WCAG 2.1 AA)", {describe(p)}),
                      _("choose a darker text colour or a lighter background"));
        }
    }

    void finish(Template& t) {
        if (t.fonts.empty()) throw core::Error({t.file.string(), 1, 1}, _("template has no fonts; expected a fonts mapping"));
        if (!t.styles.count("body")) throw core::Error({t.file.string(), 1, 1}, _("template has no \"body\" style"));
        for (const auto& key : kStyleKeys) {
            if (!t.styles.count(key)) {
                Style s = t.styles.at("body");
                s.docx_name.clear();
                t.styles[key] = s;
            }
        }
        for (const auto& ref : font_refs_) {
            if (!t.fonts.count(ref.family)) {
                std::vector<std::string> keys;
                for (const auto& [k, _] : t.fonts) keys.push_back(k);
                std::string hint = core::closest_match(ref.family, keys);
                throw core::Error(ref.loc, core::trf("unknown font family \"{}\"", {ref.family}), core::did_you_mean(hint));
            }
        }
        for (auto& [key, st] : t.styles) {
            if (!t.fonts.count(st.font)) {
                throw core::Error({t.file.string(), 0, 0},
                                  core::trf("style \"{}\" uses unknown font family \"{}\"", {key, st.font}));
            }
        }
        if (t.blocks.empty()) t.blocks = {"letterhead", "title", "meeting", "summary", "agenda", "sections", "figures", "sources"};
        check_contrast(t);
        // The default template's first colours: apart in greyscale too (see templates/default.yaml).
        if (t.chart_palette.empty()) t.chart_palette = {{0x1F, 0x38, 0x64}, {0xF0, 0xB4, 0x3C}, {0x4A, 0x7F, 0xC1}, {0xB8, 0x3C, 0x32}};
        // Every placeholder must name something known: check them now with every variable the
        // merge provides, so a typo in a template is reported even before a brief uses it.
        std::map<std::string, Value> vars;
        for (const char* k : {"title", "subtitle", "classification", "reference", "author", "edition", "language",
                              "meeting.name", "meeting.number", "meeting.date", "meeting.end_date", "meeting.time",
                              "meeting.location", "meeting.format"})
            vars[k] = "";
        vars["edition"] = vars["meeting.date"] = vars["meeting.end_date"] = "2000-01-01";
        for (const auto& [lang, ls] : t.labels)
            for (const auto& [k, _] : ls) vars["label." + k] = "";
        for (const auto& p : patterns_) expand(p, vars, "en");
        for (const auto& p : letterhead_patterns_) expand(p, vars, "en", false);
    }

    struct FontRef {
        SourceLoc loc;
        std::string family;
        FontRef(const y::Source& s, const YAML::Node& n, std::string f) : loc(s.loc(n)), family(std::move(f)) {}
    };

    const core::Context& ctx_;
    std::vector<fs::path> roots_;  // canonical folders that paths may lead into
    std::vector<Pattern> patterns_;             // header and footer slots
    std::vector<Pattern> letterhead_patterns_;  // lines printed once: no page numbers
    std::vector<FontRef> font_refs_;
    std::map<std::string, SourceLoc> color_locs_;  // "style:KEY" / "colors:KEY" -> where it was set
    std::vector<fs::path> visiting_;  // the extends chain being read, to catch loops
};

}  // namespace

Template load_template(const std::string& name_or_path, const fs::path& base_dir, const SourceLoc& loc,
                       const core::Context& ctx) {
    return Reader(ctx, base_dir).load(name_or_path, base_dir, loc, false);
}

Template load_trusted_template(const std::string& name_or_path, const fs::path& base_dir, const SourceLoc& loc,
                               const core::Context& ctx) {
    return Reader(ctx, base_dir).load(name_or_path, base_dir, loc, true);
}

Template parse_template(const std::string& text, const std::string& file_name, const fs::path& base_dir,
                        const core::Context& ctx) {
    return Reader(ctx, base_dir).parse(text, file_name, base_dir);
}

std::string Color::hex() const {
    static const char* d = "0123456789ABCDEF";
    std::string s;
    for (uint8_t c : {r, g, b}) {
        s += d[c >> 4];
        s += d[c & 15];
    }
    return s;
}

std::string Template::label(const std::string& lang, const std::string& key) const {
    std::string base = lang.substr(0, lang.find('-'));
    for (const std::string& l : {lang, base, std::string("en")}) {
        auto it = labels.find(l);
        if (it != labels.end()) {
            auto k = it->second.find(key);
            if (k != it->second.end()) return k->second;
        }
    }
    return key;
}

const Style& Template::style(const std::string& key) const {
    auto it = styles.find(key);
    if (it == styles.end()) throw core::Error({file.string(), 0, 0}, core::trf("template has no style \"{}\"", {key}));
    return it->second;
}

Color Template::color(const std::string& key, Color fallback) const {
    auto it = colors.find(key);
    return it == colors.end() ? fallback : it->second;
}

}  // namespace briefmake::tmpl
