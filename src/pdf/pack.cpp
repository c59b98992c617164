#include "pdf/pack.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <vector>

#include "core/diag.hpp"
#include "deflate/deflate.hpp"

namespace briefmake::pdf {

namespace {

[[noreturn]] void bad(const std::string& what) {
    throw core::Error({}, "PDF writer: cannot pack the saved file: " + what);
}

size_t number_at(std::string_view s, size_t& pos) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\n' || s[pos] == '\r')) ++pos;
    size_t v = 0;
    auto r = std::from_chars(s.data() + pos, s.data() + s.size(), v);
    if (r.ec != std::errc()) bad("a number expected at byte " + std::to_string(pos));
    pos = size_t(r.ptr - s.data());
    return v;
}

void put_be(std::string& out, uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out += char((v >> (8 * i)) & 0xFF);
}

struct Object {
    size_t offset = 0;
    std::string_view body;  // between "N 0 obj\n" and "endobj"
    bool stream = false;
};

}  // namespace

constexpr size_t kPerStream = 1000;
// Object streams at libdeflate's level 6 like every other stream: the sample brief's PDF is then
// 0.5 % smaller than with zlib at level 9, as before; level 9 would save 127 more bytes (0.4 %)
// for 4 % more of the whole run's instructions.

// Bytes a field of the cross-reference stream needs to hold v.
int width_of(uint64_t v) {
    int w = 1;
    while (v >>= 8) ++w;
    return w;
}

std::string pack_objects(std::string_view pdf) {
    // The classic table: "xref\n0 N\n" and N entries "oooooooooo ggggg n\r\n".
    const size_t sx = pdf.rfind("startxref");
    if (sx == std::string_view::npos) bad("no startxref");
    size_t pos = sx + 9;
    const size_t xref_at = number_at(pdf, pos);
    if (pdf.substr(xref_at, 4) != "xref") bad("no xref table");
    pos = xref_at + 4;
    if (number_at(pdf, pos) != 0) bad("the xref table does not start at object 0");
    const size_t count = number_at(pdf, pos);
    std::vector<Object> objs(count);
    for (size_t i = 0; i < count; ++i) {
        const size_t off = number_at(pdf, pos);
        number_at(pdf, pos);  // generation
        while (pos < pdf.size() && pdf[pos] == ' ') ++pos;
        if (pos >= pdf.size()) bad("a truncated xref table");
        const char kind = pdf[pos++];
        if (i == 0) continue;
        if (kind != 'n') bad("object " + std::to_string(i) + " is not in use");
        objs[i].offset = off;
    }
    const size_t trailer_at = pdf.find("trailer", pos);
    if (trailer_at == std::string_view::npos) bad("no trailer");
    const size_t tb = pdf.find("<<", trailer_at), te = pdf.rfind(">>", sx);
    if (tb == std::string_view::npos || te == std::string_view::npos || te < tb) bad("no trailer dictionary");
    const std::string_view trailer = pdf.substr(tb + 2, te - tb - 2);

    // Each object runs to the next one's offset (libharu writes them in order, then the table).
    std::vector<size_t> order;
    for (size_t i = 1; i < count; ++i) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return objs[a].offset < objs[b].offset; });
    for (size_t k = 0; k < order.size(); ++k) {
        Object& o = objs[order[k]];
        const size_t end = k + 1 < order.size() ? objs[order[k + 1]].offset : xref_at;
        const std::string head = std::to_string(order[k]) + " 0 obj";
        if (o.offset >= end || pdf.substr(o.offset, head.size()) != head) bad("object " + std::to_string(order[k]));
        std::string_view text = pdf.substr(o.offset + head.size(), end - o.offset - head.size());
        const size_t eo = text.rfind("endobj");
        if (eo == std::string_view::npos) bad("object " + std::to_string(order[k]) + " has no endobj");
        text = text.substr(0, eo);
        while (!text.empty() && (text.front() == '\n' || text.front() == '\r' || text.front() == ' '))
            text.remove_prefix(1);
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
        o.body = text;
        o.stream = text.size() >= 9 && text.substr(text.size() - 9) == "endstream";
    }

    const size_t first = order.empty() ? pdf.find("1 0 obj") : objs[order[0]].offset;
    std::string out(pdf.substr(0, first));
    std::vector<std::pair<int, size_t>> entry(count);  // (type, field 2); field 3 separately
    std::vector<size_t> index(count, 0);
    entry[0] = {0, 0};

    // Streams stay objects of their own; an indirect /Length becomes the number itself.
    for (size_t i = 1; i < count; ++i) {
        if (!objs[i].stream) continue;
        std::string body(objs[i].body);
        const size_t dict_end = body.find("stream");
        const size_t l = body.find("/Length ");
        if (l != std::string::npos && l < dict_end) {
            size_t p = l + 8;
            std::string_view bv(body);
            const size_t ref = number_at(bv, p);
            size_t q = p;
            while (q < bv.size() && bv[q] == ' ') ++q;
            if (bv.substr(q, 3) == "0 R" && ref < count && !objs[ref].stream) {
                std::string value(objs[ref].body);
                body.replace(l + 8, q + 3 - (l + 8), value);
            }
        }
        entry[i] = {1, out.size()};
        out += std::to_string(i) + " 0 obj\n" + body + "\nendobj\n";
    }

    // Everything else into object streams of at most kPerStream objects, numbered after the last:
    // one stream compresses better than several, and a reader still finds an object without
    // inflating more than one stream.
    size_t next = count;
    std::vector<size_t> small;
    for (size_t i = 1; i < count; ++i)
        if (!objs[i].stream) small.push_back(i);
    for (size_t from = 0; from < small.size(); from += kPerStream) {
        const size_t to = std::min(small.size(), from + kPerStream);
        const size_t stm = next++;
        std::string head, data;
        for (size_t k = from; k < to; ++k) {
            const size_t i = small[k];
            head += std::to_string(i) + " " + std::to_string(data.size()) + (k + 1 < to ? " " : "\n");
            data += objs[i].body;
            data += '\n';
            entry[i] = {2, stm};
            index[i] = k - from;
        }
        const std::string z = deflate::compress(deflate::Format::Zlib, head + data);
        entry.emplace_back(1, out.size());
        index.push_back(0);
        out += std::to_string(stm) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(to - from) + "/First " +
               std::to_string(head.size()) + "/Filter/FlateDecode/Length " + std::to_string(z.size()) +
               ">>\nstream\n" + z + "\nendstream\nendobj\n";
    }

    // The cross-reference stream, with the trailer's entries but /Size.
    const size_t xs = next++;
    entry.emplace_back(1, out.size());
    index.push_back(0);
    // Each field as wide as its largest value needs (/W), so the table stays small.
    uint64_t max2 = 0, max3 = 0;
    for (size_t i = 1; i < entry.size(); ++i) {
        max2 = std::max<uint64_t>(max2, entry[i].second);
        max3 = std::max<uint64_t>(max3, index[i]);
    }
    const int w2 = width_of(max2), w3 = width_of(max3);
    std::string table;
    for (size_t i = 0; i < entry.size(); ++i) {
        put_be(table, uint64_t(entry[i].first), 1);
        put_be(table, entry[i].second, w2);
        put_be(table, i == 0 ? 0 : index[i], w3);
    }
    // Each row as its difference from the row above (PNG's Up predictor, /Predictor 12, as qpdf
    // and Acrobat write cross-reference streams): offsets grow steadily, so most bytes become
    // small and repeat. It pays from about a hundred objects on (the 1,001-page brief's table
    // deflates to a third); below, the /DecodeParms it needs cost more than it saves, so the
    // smaller of the two is written.
    const size_t columns = size_t(1 + w2 + w3);
    std::string rows;
    rows.reserve(table.size() + entry.size());
    for (size_t r = 0; r * columns < table.size(); ++r) {
        rows += char(2);  // the row's PNG filter type: Up
        for (size_t c = 0; c < columns; ++c) {
            const size_t at = r * columns + c;
            const unsigned char above = r == 0 ? 0 : static_cast<unsigned char>(table[at - columns]);
            rows += char(static_cast<unsigned char>(table[at]) - above);
        }
    }
    std::string keys;
    for (size_t p = 0; p < trailer.size();) {
        size_t e = trailer.find('\n', p);
        if (e == std::string_view::npos) e = trailer.size();
        std::string_view line = trailer.substr(p, e - p);
        if (!line.empty() && line.substr(0, 5) != "/Size" && line.substr(0, 5) != "/Prev") {
            keys += line;
            keys += '\n';
        }
        p = e + 1;
    }
    std::string z = deflate::compress(deflate::Format::Zlib, table), parms;
    std::string predicted = deflate::compress(deflate::Format::Zlib, rows);
    std::string predicted_parms = "/DecodeParms<</Columns " + std::to_string(columns) + "/Predictor 12>>";
    if (predicted.size() + predicted_parms.size() < z.size()) {
        z.swap(predicted);
        parms.swap(predicted_parms);
    }
    const size_t xref_offset = out.size();
    out += std::to_string(xs) + " 0 obj\n<</Type/XRef/Size " + std::to_string(next) + "/W[1 " + std::to_string(w2) +
           " " + std::to_string(w3) + "]\n" + keys + "/Filter/FlateDecode" + parms + "/Length " +
           std::to_string(z.size()) + ">>\nstream\n" + z + "\nendstream\nendobj\n";
    out += "startxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
    return out;
}

}  // namespace briefmake::pdf
