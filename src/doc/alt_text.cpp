#include "doc/alt_text.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string_view>

#include "text/text.hpp"

namespace briefmake::doc {
namespace {

// The phrases, per language; the brief's language picks a row ("en-US" reads as "en").
struct Phrases {
    const char* bar;
    const char* line;
    const char* pie;
    const char* table;
    const char* rows;     // "%n satır": %n is the count
    const char* columns;  // "sütunlar: "
    const char* highest;  // "en yüksek "
    const char* lowest;
    const char* shares;  // "en büyük paylar: "
};

const Phrases kTr{"Sütun grafik", "Çizgi grafik", "Pasta grafik", "Tablo", "%n satır", "sütunlar: ",
                  "en yüksek ", "en düşük ", "en büyük paylar: "};
const Phrases kEn{"Bar chart", "Line chart", "Pie chart", "Table", "%n rows", "columns: ",
                  "highest ", "lowest ", "largest shares: "};
const Phrases kRu{"Столбчатая диаграмма", "Линейная диаграмма", "Круговая диаграмма", "Таблица", "строк: %n",
                  "столбцы: ", "максимум — ", "минимум — ", "наибольшие доли: "};
const Phrases kKk{"Бағаналы диаграмма", "Сызықтық диаграмма", "Дөңгелек диаграмма", "Кесте", "жол саны: %n",
                  "бағандар: ", "ең жоғары — ", "ең төмен — ", "ең үлкен үлестер: "};

std::string base_language(const std::string& lang) { return lang.substr(0, lang.find('-')); }

const Phrases& phrases(const std::string& lang) {
    const std::string l = base_language(lang);
    return l == "tr" ? kTr : l == "ru" ? kRu : l == "kk" ? kKk : kEn;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

// The categories: the first and the last ("2019–2025") when many or on a line's ordered axis,
// else all of them in parentheses, apart by "; " when one holds a comma ("Makine, cihaz").
std::string categories(const std::vector<std::string>& cats, bool ordered) {
    if (cats.size() == 1) return ", " + cats.front();
    if (ordered || cats.size() > 4) return ", " + cats.front() + "–" + cats.back();
    bool comma = std::any_of(cats.begin(), cats.end(), [](const std::string& c) { return c.find(',') != std::string::npos; });
    return " (" + join(cats, comma ? "; " : ", ") + ")";
}

std::string label_of(const ChartSeries& s, size_t i) {
    return i < s.labels.size() ? s.labels[i] : std::to_string(s.values[i]);
}

// How a line runs, from its first value to its last.
std::string trend(const ChartSeries& s, const std::string& lang) {
    const std::string a = label_of(s, 0), b = label_of(s, s.values.size() - 1);
    const double first = s.values.front(), last = s.values.back();
    const std::string l = base_language(lang);
    // Equal labels read as unchanged, whatever the digits the chart does not show.
    const int dir = a == b ? 0 : last > first ? 1 : -1;
    if (l == "tr") {
        if (dir == 0) return a + turkish_number_case(a, 'l') + " sabit kalıyor";
        return a + turkish_number_case(a, 'b') + " " + b + turkish_number_case(b, 'a') + (dir > 0 ? " yükseliyor" : " düşüyor");
    }
    if (l == "ru") {
        if (dir == 0) return "без изменений, " + a;
        return (dir > 0 ? "растёт с " : "снижается с ") + a + " до " + b;
    }
    if (l == "kk") {
        if (dir == 0) return a + " деңгейінде өзгеріссіз";
        return a + " мәнінен " + b + " мәніне дейін " + (dir > 0 ? "өседі" : "төмендейді");
    }
    if (dir == 0) return "steady at " + a;
    return (dir > 0 ? "rising from " : "falling from ") + a + " to " + b;
}

// A bar series: its highest and lowest category (the first of equals).
std::string extremes(const ChartSeries& s, const std::vector<std::string>& cats, const Phrases& p) {
    const size_t n = std::min(s.values.size(), cats.size());
    if (n == 1) return cats[0] + " (" + label_of(s, 0) + ")";
    size_t hi = 0, lo = 0;
    for (size_t i = 1; i < n; ++i) {
        if (s.values[i] > s.values[hi]) hi = i;
        if (s.values[i] < s.values[lo]) lo = i;
    }
    return p.highest + cats[hi] + " (" + label_of(s, hi) + "), " + p.lowest + cats[lo] + " (" + label_of(s, lo) + ")";
}

// A pie: its three largest slices with their shares.
std::string leading_shares(const Chart& c, const Phrases& p) {
    const ChartSeries& s = c.series.front();
    const size_t n = std::min(s.values.size(), c.categories.size());
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s.values[a] > s.values[b]; });
    std::vector<std::string> parts;
    for (size_t k = 0; k < n && k < 3; ++k) {
        const size_t i = order[k];
        parts.push_back(c.categories[i] + " " + (i < c.shares.size() ? c.shares[i] : label_of(s, i)));
    }
    return p.shares + join(parts, ", ");
}

}  // namespace

std::string chart_alt(const std::string& title, const std::string& unit, const Chart& c, const std::string& lang) {
    const Phrases& p = phrases(lang);
    std::string out = c.kind == spec::FigureKind::Line ? p.line : c.kind == spec::FigureKind::Pie ? p.pie : p.bar;
    out += ": " + title;
    if (!c.categories.empty() && c.kind != spec::FigureKind::Pie)
        out += categories(c.categories, c.kind == spec::FigureKind::Line);
    // A pie is told by its shares, so its unit would only stand alone (", %;").
    if (!unit.empty() && c.kind != spec::FigureKind::Pie) out += ", " + unit;
    std::vector<std::string> statements;
    if (c.kind == spec::FigureKind::Pie) {
        if (!c.series.empty() && !c.series.front().values.empty() && !c.categories.empty())
            statements.push_back(leading_shares(c, p));
    } else {
        for (const ChartSeries& s : c.series) {
            if (s.values.empty() || c.categories.empty()) continue;
            std::string st = c.kind == spec::FigureKind::Line ? trend(s, lang) : extremes(s, c.categories, p);
            // One series needs no name; several are told apart by theirs.
            statements.push_back(c.series.size() > 1 && !s.name.empty() ? s.name + ": " + st : st);
        }
    }
    if (!statements.empty()) out += "; " + join(statements, "; ");
    return out + ".";
}

std::string table_alt(const std::string& title, const std::string& unit, const Table& t, const std::string& lang) {
    const Phrases& p = phrases(lang);
    std::string out = std::string(p.table) + ": " + title;
    if (!unit.empty()) out += ", " + unit;
    const size_t body = t.rows.size() > size_t(std::max(0, t.header_rows)) ? t.rows.size() - size_t(std::max(0, t.header_rows)) : 0;
    std::string rows = p.rows;
    rows.replace(rows.find("%n"), 2, std::to_string(body));
    out += "; " + rows;
    if (t.header_rows > 0 && !t.rows.empty()) {
        std::vector<std::string> names;
        for (const TableCell& cell : t.rows.front()) {
            std::string s;
            for (const Span& span : cell.content) s += span.line_break ? std::string(" ") : span.text;
            names.push_back(s);
        }
        out += "; " + std::string(p.columns) + join(names, ", ");
    }
    return out + ".";
}

std::string turkish_number_case(const std::string& number, char kase) {
    // The digits before and after the decimal comma (grouping dots, signs and % dropped).
    std::string whole, fraction;
    bool after = false;
    for (char ch : number) {
        if (ch == ',') after = true;
        else if (ch >= '0' && ch <= '9') (after ? fraction : whole) += ch;
    }
    // "14,7" is read "on dört virgül yedi", "112,40" "… virgül kırk": the last word is the
    // fraction's, read as a number, its zeros included (the label shows them).
    const std::string& digits = fraction.empty() ? whole : fraction;
    uint64_t n = 0;
    for (char ch : digits.substr(digits.size() > 18 ? digits.size() - 18 : 0)) n = n * 10 + uint64_t(ch - '0');
    static const char* ones[] = {"sıfır", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"};
    static const char* tens[] = {"", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"};
    std::string word;
    if (n == 0) word = ones[0];
    else if (n % 10) word = ones[n % 10];
    else if (n / 10 % 10) word = tens[n / 10 % 10];
    else if (n / 100 % 10) word = "yüz";
    else if (n % 1000000) word = "bin";
    else if (n % 1000000000) word = "milyon";
    else word = "milyar";
    // Vowel harmony: the last vowel is back (a ı o u) or front (e i ö ü).
    bool back = false;
    const std::u32string w = text::to_u32(word);
    for (char32_t ch : w) {
        if (ch == U'a' || ch == U'ı' || ch == U'o' || ch == U'u') back = true;
        else if (ch == U'e' || ch == U'i' || ch == U'ö' || ch == U'ü') back = false;
    }
    const char32_t last = w.back();
    const bool vowel = std::u32string_view(U"aıoueiöü").find(last) != std::u32string_view::npos;
    const bool voiceless = std::u32string_view(U"fstkçşhp").find(last) != std::u32string_view::npos;
    const std::string a = back ? "a" : "e";
    std::string ending;
    if (kase == 'a') ending = (vowel ? "y" : "") + a;
    else ending = std::string(voiceless ? "t" : "d") + a + (kase == 'b' ? "n" : "");
    return "’" + ending;
}

}  // namespace briefmake::doc
