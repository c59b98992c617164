#include "docx/chart.hpp"

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"
#include "docx/content.hpp"
#include "docx/package.hpp"
#include "docx/workbook.hpp"
#include "text/text.hpp"
#include "tmpl/contrast.hpp"

namespace briefmake::docx {

namespace {

constexpr tmpl::Color kGrid{0xD9, 0xD9, 0xD9};  // gridlines, as the PDF draws them
constexpr tmpl::Color kAxis{0x8C, 0x8C, 0x8C};
constexpr tmpl::Color kText = tmpl::kChartText;  // checked for contrast with every template (tmpl/contrast)
constexpr tmpl::Color kWhite{0xFF, 0xFF, 0xFF};
// Axis ids only need to be unique within one chart; fixed values keep the bytes stable.
constexpr const char* kCatAxisId = "500000001";
constexpr const char* kValAxisId = "500000002";
constexpr long kEmuPerPoint = 12700, kEmuPerTwip = 635;

// A DrawingML element with a val attribute (c:barDir val="col").
pugi::xml_node cv(pugi::xml_node parent, const char* name, const std::string& val) {
    auto n = el(parent, name);
    attr(n, "val", val);
    return n;
}

std::string int_text(long v) { return std::to_string(v); }

size_t utf8_length(const std::string& s) { return core::count_code_points(s); }

void solid_fill(pugi::xml_node parent, const tmpl::Color& c) {
    cv(el(parent, "a:solidFill"), "a:srgbClr", hex(c));
}

// a:ln of `width_emu` in `color`.
void line(pugi::xml_node sp_pr, long width_emu, const tmpl::Color& c) {
    auto ln = el(sp_pr, "a:ln");
    attr(ln, "w", int_text(width_emu));
    attr(ln, "cap", "flat");
    solid_fill(ln, c);
    el(ln, "a:round");
}

void no_line(pugi::xml_node sp_pr) { el(el(sp_pr, "a:ln"), "a:noFill"); }

// Character properties: size in points (0: inherit), colour, the template's font, the language.
void char_props(pugi::xml_node rpr, const ChartLook& look, double size, bool bold = false) {
    if (size > 0) attr(rpr, "sz", int_text(std::lround(size * 100)));
    attr(rpr, "b", bold ? "1" : "0");
    if (!look.locale.empty()) attr(rpr, "lang", look.locale);
    solid_fill(rpr, kText);
    if (!look.font.empty()) {
        attr(el(rpr, "a:latin"), "typeface", look.font);
        attr(el(rpr, "a:cs"), "typeface", look.font);
    }
}

// c:txPr: the default look of an element's text. rot: rotation in 60000ths of a degree.
void text_props(pugi::xml_node parent, const ChartLook& look, double size, const char* rot = nullptr) {
    auto tx = el(parent, "c:txPr");
    auto body = el(tx, "a:bodyPr");
    if (rot) {
        attr(body, "rot", rot);
        attr(body, "vert", "horz");
    }
    el(tx, "a:lstStyle");
    auto p = el(tx, "a:p");
    char_props(el(el(p, "a:pPr"), "a:defRPr"), look, size);
    auto end = el(p, "a:endParaRPr");
    if (!look.locale.empty()) attr(end, "lang", look.locale);
}

// A string cache (c:strRef) for a range of Sheet1.
void str_ref(pugi::xml_node parent, const std::string& formula, const std::vector<std::string>& texts) {
    auto ref = el(parent, "c:strRef");
    el(ref, "c:f").text().set(formula.c_str());
    auto cache = el(ref, "c:strCache");
    cv(cache, "c:ptCount", int_text(static_cast<long>(texts.size())));
    for (size_t i = 0; i < texts.size(); ++i) {
        auto pt = el(cache, "c:pt");
        attr(pt, "idx", int_text(static_cast<long>(i)));
        el(pt, "c:v").text().set(clean_text(texts[i]).c_str());
    }
}

void num_ref(pugi::xml_node parent, const std::string& formula, const std::vector<double>& values,
             const std::string& format_code) {
    auto ref = el(parent, "c:numRef");
    el(ref, "c:f").text().set(formula.c_str());
    auto cache = el(ref, "c:numCache");
    el(cache, "c:formatCode").text().set(format_code.c_str());
    cv(cache, "c:ptCount", int_text(static_cast<long>(values.size())));
    for (size_t i = 0; i < values.size(); ++i) {
        auto pt = el(cache, "c:pt");
        attr(pt, "idx", int_text(static_cast<long>(i)));
        el(pt, "c:v").text().set(number_text(values[i]).c_str());
    }
}

void num_fmt(pugi::xml_node parent, const std::string& code) {
    auto nf = el(parent, "c:numFmt");
    attr(nf, "formatCode", code);
    attr(nf, "sourceLinked", "0");
}

// The c:show* flags of a data label (c:dLbl) or of a series' labels (c:dLbls): the value only.
void show_value_only(pugi::xml_node d) {
    cv(d, "c:showLegendKey", "0");
    cv(d, "c:showVal", "1");
    cv(d, "c:showCatName", "0");
    cv(d, "c:showSerName", "0");
    cv(d, "c:showPercent", "0");
    cv(d, "c:showBubbleSize", "0");
}

// Data labels showing the value in the chart's number format, `size` points; `pos` as the
// schema allows for the chart type ("outEnd" bars and pies, "t"/"b" lines); `show` false hides them.
// `texts`, when given, are the labels' own texts, point by point (a pie's "45,30 (%45,3)"): one
// number format cannot show a value and its share each in its own format (LibreOffice applies
// it to both and printed "0,45" for 45 %), so the text the PDF prints is written out. Word and
// LibreOffice show it as it is; editing the data does not update it.
void data_labels(pugi::xml_node parent, const ChartLook& look, const std::string& format_code, const char* pos,
                 double size, bool show, const std::vector<std::string>* texts = nullptr) {
    auto d = el(parent, "c:dLbls");
    if (!show) {
        cv(d, "c:delete", "1");
        return;
    }
    for (size_t i = 0; texts && i < texts->size(); ++i) {
        auto one = el(d, "c:dLbl");
        cv(one, "c:idx", int_text(static_cast<long>(i)));
        auto rich = el(el(one, "c:tx"), "c:rich");
        el(rich, "a:bodyPr");
        el(rich, "a:lstStyle");
        auto p = el(rich, "a:p");
        char_props(el(el(p, "a:pPr"), "a:defRPr"), look, size);
        auto r = el(p, "a:r");
        char_props(el(r, "a:rPr"), look, size);
        el(r, "a:t").text().set(clean_text((*texts)[i]).c_str());
        auto sp = el(one, "c:spPr");
        el(sp, "a:noFill");
        no_line(sp);
        cv(one, "c:dLblPos", pos);
        show_value_only(one);
    }
    num_fmt(d, format_code);
    auto sp = el(d, "c:spPr");
    el(sp, "a:noFill");
    no_line(sp);
    text_props(d, look, size);
    cv(d, "c:dLblPos", pos);
    show_value_only(d);
}

struct Writer {
    const doc::Chart& c;
    const ChartLook& look;
    std::string format;  // the values' number format code
    size_t rows;         // categories

    tmpl::Color color(size_t i) const {
        if (look.palette.empty()) return kText;
        return look.palette[i % look.palette.size()];
    }

    double mean(size_t j) const {
        const auto& v = c.series[j].values;
        double sum = 0;
        for (double x : v) sum += std::isfinite(x) ? x : 0;
        return v.empty() ? 0 : sum / static_cast<double>(v.size());
    }

    // Value labels over grouped bars shrink (to 5 pt, the PDF's smallest) so the longest fits
    // its bar, as in the PDF: bar width from the plot width (less the value axis), categories,
    // series and gap; a label is about half an em per character. Whether they fit at all is the
    // PDF layout's call (look.value_labels).
    double bar_label_size() const {
        size_t chars = 1;
        for (const auto& s : c.series) {
            for (const auto& l : s.labels) chars = std::max(chars, utf8_length(l));
            if (s.labels.empty())
                for (double v : s.values) chars = std::max(chars, number_text(v).size());
        }
        double plot = std::max(look.width - 50, 50.0);
        double gap = c.series.size() > 1 ? 0.8 : 1.2;  // c:gapWidth / 100
        double bar = plot / static_cast<double>(std::max<size_t>(rows, 1)) /
                     (static_cast<double>(c.series.size()) + gap);
        double fit = std::floor(2 * bar / (0.5 * static_cast<double>(chars))) / 2;  // half points
        return std::clamp(fit, 5.0, look.font_size - 1);
    }

    // idx, order, tx (the series name from B1, C1, ...).
    void series_head(pugi::xml_node ser, size_t j) {
        cv(ser, "c:idx", int_text(static_cast<long>(j)));
        cv(ser, "c:order", int_text(static_cast<long>(j)));
        str_ref(el(ser, "c:tx"), sheet_range(j + 1, 0, 0), {c.series[j].name});
    }

    // cat and val: categories A2.., values in the series' column.
    void series_data(pugi::xml_node ser, size_t j) {
        std::vector<double> values = c.series[j].values;
        values.resize(rows, 0.0);
        str_ref(el(ser, "c:cat"), sheet_range(0, 1, rows), c.categories);
        num_ref(el(ser, "c:val"), sheet_range(j + 1, 1, rows), values, format);
    }

    void bar_chart(pugi::xml_node plot) {
        auto bar = el(plot, "c:barChart");
        cv(bar, "c:barDir", "col");
        cv(bar, "c:grouping", "clustered");
        cv(bar, "c:varyColors", "0");
        for (size_t j = 0; j < c.series.size(); ++j) {
            auto ser = el(bar, "c:ser");
            series_head(ser, j);
            auto sp = el(ser, "c:spPr");
            solid_fill(sp, color(j));
            no_line(sp);
            cv(ser, "c:invertIfNegative", "0");
            data_labels(ser, look, format, "outEnd", bar_label_size(), look.value_labels);
            series_data(ser, j);
        }
        cv(bar, "c:gapWidth", c.series.size() > 1 ? "80" : "120");
        cv(bar, "c:overlap", "0");
        cv(bar, "c:axId", kCatAxisId);
        cv(bar, "c:axId", kValAxisId);
    }

    void line_chart(pugi::xml_node plot) {
        auto lc = el(plot, "c:lineChart");
        cv(lc, "c:grouping", "standard");
        cv(lc, "c:varyColors", "0");
        for (size_t j = 0; j < c.series.size(); ++j) {
            auto ser = el(lc, "c:ser");
            series_head(ser, j);
            auto sp = el(ser, "c:spPr");
            line(sp, 19050, color(j));  // 1.5 pt
            auto marker = el(ser, "c:marker");
            cv(marker, "c:symbol", "square");
            cv(marker, "c:size", "5");
            auto msp = el(marker, "c:spPr");
            solid_fill(msp, color(j));
            no_line(msp);
            // Like the PDF: values at the points only while they cannot collide (two series),
            // and then the lower line's values below it.
            const char* pos = c.series.size() == 2 && mean(j) < mean(1 - j) ? "b" : "t";
            data_labels(ser, look, format, pos, look.font_size - 1, c.series.size() <= 2);
            series_data(ser, j);
            cv(ser, "c:smooth", "0");
        }
        cv(lc, "c:marker", "1");
        cv(lc, "c:axId", kCatAxisId);
        cv(lc, "c:axId", kValAxisId);
    }

    void pie_chart(pugi::xml_node plot) {
        auto pie = el(plot, "c:pieChart");
        cv(pie, "c:varyColors", "1");
        if (!c.series.empty()) {
            auto ser = el(pie, "c:ser");
            series_head(ser, 0);
            for (size_t i = 0; i < rows; ++i) {
                auto pt = el(ser, "c:dPt");
                cv(pt, "c:idx", int_text(static_cast<long>(i)));
                cv(pt, "c:bubble3D", "0");
                auto sp = el(pt, "c:spPr");
                solid_fill(sp, color(i));
                line(sp, 12700, kWhite);  // white edges between slices, as in the PDF
            }
            // Outside the slices: dark text stays readable on every slice colour. Value and share,
            // as the PDF's legend gives them.
            std::vector<std::string> texts;
            const auto& labels = c.series[0].labels;
            if (c.shares.size() == rows && labels.size() >= rows)
                for (size_t i = 0; i < rows; ++i) texts.push_back(labels[i] + " (" + c.shares[i] + ")");
            data_labels(ser, look, format, "outEnd", look.font_size - 1, true, texts.empty() ? nullptr : &texts);
            series_data(ser, 0);
        }
        cv(pie, "c:firstSliceAng", "0");
    }

    void category_axis(pugi::xml_node plot) {
        auto ax = el(plot, "c:catAx");
        cv(ax, "c:axId", kCatAxisId);
        cv(el(ax, "c:scaling"), "c:orientation", "minMax");
        cv(ax, "c:delete", "0");
        cv(ax, "c:axPos", "b");
        cv(ax, "c:majorTickMark", "none");
        cv(ax, "c:minorTickMark", "none");
        cv(ax, "c:tickLblPos", "low");  // under the plot even when values are negative
        line(el(ax, "c:spPr"), 9525, kAxis);
        text_props(ax, look, look.font_size);
        cv(ax, "c:crossAx", kValAxisId);
        cv(ax, "c:crosses", "autoZero");
        cv(ax, "c:auto", "1");
        cv(ax, "c:lblAlgn", "ctr");
        cv(ax, "c:lblOffset", "100");
        cv(ax, "c:noMultiLvlLbl", "0");
    }

    void value_axis_el(pugi::xml_node plot) {
        ValueAxis va = value_axis(c);
        auto ax = el(plot, "c:valAx");
        cv(ax, "c:axId", kValAxisId);
        auto scaling = el(ax, "c:scaling");
        cv(scaling, "c:orientation", "minMax");
        cv(scaling, "c:max", number_text(va.max));
        cv(scaling, "c:min", number_text(va.min));
        cv(ax, "c:delete", "0");
        cv(ax, "c:axPos", "l");
        line(el(el(ax, "c:majorGridlines"), "c:spPr"), 6350, kGrid);
        if (!c.value_axis_title.empty()) {
            auto title = el(ax, "c:title");
            auto rich = el(el(title, "c:tx"), "c:rich");
            auto body = el(rich, "a:bodyPr");
            attr(body, "rot", "-5400000");
            attr(body, "vert", "horz");
            el(rich, "a:lstStyle");
            auto p = el(rich, "a:p");
            char_props(el(el(p, "a:pPr"), "a:defRPr"), look, look.font_size);
            auto r = el(p, "a:r");
            char_props(el(r, "a:rPr"), look, look.font_size);
            el(r, "a:t").text().set(clean_text(c.value_axis_title).c_str());
            cv(title, "c:overlay", "0");
        }
        num_fmt(ax, number_format_code(va.decimals, look.locale));
        cv(ax, "c:majorTickMark", "none");
        cv(ax, "c:minorTickMark", "none");
        cv(ax, "c:tickLblPos", "nextTo");
        no_line(el(ax, "c:spPr"));
        text_props(ax, look, look.font_size - 1);
        cv(ax, "c:crossAx", kCatAxisId);
        cv(ax, "c:crosses", "autoZero");
        cv(ax, "c:crossBetween", "between");
        cv(ax, "c:majorUnit", number_text(va.step));
    }

    void legend(pugi::xml_node chart, bool pie) {
        auto lg = el(chart, "c:legend");
        cv(lg, "c:legendPos", pie ? "r" : "b");
        cv(lg, "c:overlay", "0");
        text_props(lg, look, look.font_size);
    }
};

// The LCID Excel format codes use to name a locale ("[$-41F]"), for the locales briefmake
// writes; empty for others.
std::string lcid(const std::string& locale) {
    static const std::pair<const char*, const char*> known[] = {
        {"tr-TR", "41F"}, {"en-GB", "809"}, {"en-US", "409"}, {"ru-RU", "419"}, {"kk-KZ", "43F"},
        {"tr", "41F"},    {"en", "809"},    {"ru", "419"},    {"kk", "43F"}};
    for (const auto& [tag, id] : known)
        if (locale == tag) return id;
    return {};
}

}  // namespace

int value_decimals(const doc::Chart& c) {
    if (c.decimals >= 0) return std::min(c.decimals, 15);
    int needed = 0;  // a chart built by hand: the merge's rule
    for (const auto& s : c.series)
        for (double v : s.values) needed = std::max(needed, text::fraction_digits(v, doc::kMaxAutoDecimals));
    return needed;
}

std::string number_format_code(int decimals, const std::string& locale) {
    std::string code;
    std::string id = lcid(locale);
    if (!id.empty()) code.append("[$-").append(id).append("]");
    code.append("#,##0");
    if (decimals > 0) code.append(".").append(static_cast<size_t>(decimals), '0');
    return code;
}

ValueAxis value_axis(const doc::Chart& c) {
    double lo = 0, hi = 0;
    for (const auto& s : c.series)
        for (double v : s.values)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (hi - lo < 1e-12) hi = lo + 1;
    double raw = (hi - lo) / 5;
    double mag = std::pow(10, std::floor(std::log10(raw)));
    double norm = raw / mag;
    ValueAxis a;
    a.step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
    a.min = std::floor(lo / a.step + 1e-9) * a.step;
    a.max = std::ceil(hi / a.step - 1e-9) * a.step;
    if (a.max <= a.min) a.max = a.min + a.step;
    a.decimals = a.step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(a.step) - 1e-9));
    // Bounds and step as the decimal numbers they stand for (0.30000000000000004 -> 0.3).
    auto tidy = [&](double v) {
        double f = std::pow(10.0, a.decimals);
        return std::round(v * f) / f;
    };
    a.step = tidy(a.step), a.min = tidy(a.min), a.max = tidy(a.max);
    return a;
}

std::string chart_xml(const doc::Chart& c, const ChartLook& look, const std::string& workbook_rid) {
    pugi::xml_document doc;
    auto root = new_part(doc, "c:chartSpace");
    attr(root, "xmlns:c", kNsC);
    attr(root, "xmlns:a", kNsA);
    attr(root, "xmlns:r", kNsR);
    cv(root, "c:date1904", "0");
    if (!look.locale.empty()) cv(root, "c:lang", look.locale);
    cv(root, "c:roundedCorners", "0");

    Writer w{c, look, number_format_code(value_decimals(c), look.locale), c.categories.size()};
    bool pie = c.kind == spec::FigureKind::Pie;
    auto chart = el(root, "c:chart");
    // The caption is a paragraph of its own above the chart.
    cv(chart, "c:autoTitleDeleted", "1");
    auto plot = el(chart, "c:plotArea");
    el(plot, "c:layout");
    if (pie) {
        w.pie_chart(plot);
    } else {
        if (c.kind == spec::FigureKind::Line)
            w.line_chart(plot);
        else
            w.bar_chart(plot);
        w.category_axis(plot);
        w.value_axis_el(plot);
    }
    auto plot_sp = el(plot, "c:spPr");
    el(plot_sp, "a:noFill");
    no_line(plot_sp);
    if (pie || c.series.size() > 1) w.legend(chart, pie);
    cv(chart, "c:plotVisOnly", "1");
    cv(chart, "c:dispBlanksAs", "gap");

    auto sp = el(root, "c:spPr");
    solid_fill(sp, kWhite);
    no_line(sp);
    text_props(root, look, look.font_size);
    auto ext = el(root, "c:externalData");
    attr(ext, "r:id", workbook_rid);
    cv(ext, "c:autoUpdate", "0");
    return to_string(doc);
}

void add_chart(pugi::xml_node parent, const doc::Chart& c, const std::string& description, State& s) {
    if (c.categories.empty() || c.series.empty()) return;
    int n = ++s.charts;
    std::string number = std::to_string(n);
    std::string chart_name = "charts/chart" + number + ".xml";
    std::string workbook_name = "embeddings/Microsoft_Excel_Worksheet" + number + ".xlsx";

    ChartLook look;
    look.locale = s.d.meta.locale.empty() ? s.d.meta.language : s.d.meta.locale;
    look.palette = s.d.tmpl.chart_palette;
    if (const tmpl::Style* st = s.styles.style("table")) {
        auto f = s.d.tmpl.fonts.find(st->font);
        if (f != s.d.tmpl.fonts.end()) look.font = clean_text(f->second.docx_name);
        look.font_size = std::clamp(st->size - 1, 7.0, 11.0);
    }
    look.width = static_cast<double>(s.text_width) / 20.0;
    look.value_labels = !s.opt.layout.unlabelled_charts.count(&c);

    Rels chart_rels;
    std::string workbook_rid = chart_rels.add("package", "../" + workbook_name);
    std::string format = number_format_code(value_decimals(c), look.locale);
    s.parts.push_back({"word/" + chart_name, kChartContentType, chart_xml(c, look, workbook_rid)});
    s.parts.push_back({"word/charts/_rels/chart" + number + ".xml.rels", "", chart_rels.xml()});
    s.parts.push_back({"word/" + workbook_name, kXlsxContentType, chart_workbook(c, format)});
    std::string rid = s.rels->add("chart", chart_name);

    // Size: the text width; the height the PDF gives the same kind of chart.
    double height_pt = c.kind == spec::FigureKind::Pie ? std::clamp(look.width * 0.45, 160.0, 240.0)
                                                       : std::clamp(look.width * 0.5, 160.0, 260.0);
    long cx = s.text_width * kEmuPerTwip, cy = std::lround(height_pt) * kEmuPerPoint;

    auto p = add_paragraph(parent, "body", s);
    auto ppr = paragraph_props(p);
    auto spacing = el(ppr, "w:spacing");
    attr(spacing, "w:before", "0");
    attr(spacing, "w:after", "0");
    attr(spacing, "w:line", "240");  // single: a multiple would add space above the drawing
    attr(spacing, "w:lineRule", "auto");
    auto ind = el(ppr, "w:ind");
    attr(ind, "w:left", "0");
    attr(ind, "w:right", "0");
    attr(ind, "w:firstLine", "0");
    el(ppr, "w:jc", "center");

    auto inl = el(el(el(p, "w:r"), "w:drawing"), "wp:inline");
    for (const char* d : {"distT", "distB", "distL", "distR"}) attr(inl, d, "0");
    auto extent = el(inl, "wp:extent");
    attr(extent, "cx", int_text(cx));
    attr(extent, "cy", int_text(cy));
    auto effect = el(inl, "wp:effectExtent");
    for (const char* e : {"l", "t", "r", "b"}) attr(effect, e, "0");
    auto pr = el(inl, "wp:docPr");
    attr(pr, "id", int_text(++s.drawing_ids));
    attr(pr, "name", "Chart " + number);
    if (!description.empty()) attr(pr, "descr", clean_text(description));
    el(inl, "wp:cNvGraphicFramePr");
    auto graphic = el(inl, "a:graphic");
    attr(graphic, "xmlns:a", kNsA);
    auto data = el(graphic, "a:graphicData");
    attr(data, "uri", kNsC);
    auto ref = el(data, "c:chart");
    attr(ref, "xmlns:c", kNsC);
    attr(ref, "r:id", rid);
}

}  // namespace briefmake::docx
