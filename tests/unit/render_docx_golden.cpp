// Golden test: the DOCX parts of real briefs, compared as parsed XML (element names, attributes
// as sets, text; whitespace-only text between elements ignored), not as bytes. The goldens are
// the parts pretty-printed under tests/golden/docx/<brief>/, with parts.txt listing every part
// of the package in archive order. Regenerate after a deliberate change, and read the diff:
//
//     BRIEFMAKE_UPDATE_GOLDEN=1 build/tests/unit_render -tc='golden: DOCX*'
#include <doctest/doctest.h>
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "helpers.hpp"
#include "render/render.hpp"
#include "zip_parts.hpp"

using namespace briefmake;
namespace fs = std::filesystem;

namespace {

// Goldens keep pretty-printing whitespace, parts keep `<w:t> </w:t>`: both parse the same way
// with parse_ws_pcdata_single (whitespace-only text is kept only as an element's sole child).
constexpr unsigned kParse = pugi::parse_default | pugi::parse_ws_pcdata_single;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// An element's own text (its text children, concatenated); whitespace beside child elements
// is layout, not content.
std::string own_text(pugi::xml_node n, bool& has_elements) {
    std::string text;
    has_elements = false;
    for (auto c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
        else if (c.type() == pugi::node_element) has_elements = true;
    }
    return has_elements && blank(text) ? std::string() : text;
}

std::vector<pugi::xml_node> child_elements(pugi::xml_node n) {
    std::vector<pugi::xml_node> out;
    for (auto c : n.children())
        if (c.type() == pugi::node_element) out.push_back(c);
    return out;
}

// The path step to the k-th child element: "w:p[12]" (1-based among the siblings of that
// name), or "w:t" when neither tree has another of that name there.
std::string step(const std::vector<pugi::xml_node>& got, const std::vector<pugi::xml_node>& want, size_t k) {
    const auto& side = k < want.size() ? want : got;
    std::string name = side[k].name();
    auto count = [&](const std::vector<pugi::xml_node>& v, size_t end) {
        size_t n = 0;
        for (size_t i = 0; i < end && i < v.size(); ++i) n += name == v[i].name();
        return n;
    };
    size_t index = count(side, k + 1), total = std::max(count(got, got.size()), count(want, want.size()));
    return total > 1 ? name + "[" + std::to_string(index) + "]" : name;
}

std::map<std::string, std::string> attributes(pugi::xml_node n) {
    std::map<std::string, std::string> out;
    for (auto a : n.attributes()) out[a.name()] = a.value();
    return out;
}

// The first difference between two elements, as "PATH: GOT vs WANT"; empty if none.
std::string first_difference(pugi::xml_node got, pugi::xml_node want, const std::string& path) {
    if (std::string(got.name()) != want.name())
        return path + ": element <" + got.name() + "> vs <" + want.name() + ">";
    auto ga = attributes(got), wa = attributes(want);
    for (const auto& [name, value] : wa) {
        auto it = ga.find(name);
        if (it == ga.end()) return path + "/@" + name + ": (none) vs " + in_quotes(value);
        if (it->second != value) return path + "/@" + name + ": " + in_quotes(it->second) + " vs " + in_quotes(value);
    }
    for (const auto& [name, value] : ga)
        if (!wa.count(name)) return path + "/@" + name + ": " + in_quotes(value) + " vs (none)";
    bool got_elements = false, want_elements = false;
    std::string gt = own_text(got, got_elements), wt = own_text(want, want_elements);
    if (gt != wt) return path + ": " + in_quotes(gt) + " vs " + in_quotes(wt);
    auto gc = child_elements(got), wc = child_elements(want);
    for (size_t k = 0; k < gc.size() && k < wc.size(); ++k) {
        std::string d = first_difference(gc[k], wc[k], path + "/" + step(gc, wc, k));
        if (!d.empty()) return d;
    }
    if (gc.size() > wc.size()) return path + "/" + step(gc, wc, wc.size()) + ": an element the golden does not have";
    if (wc.size() > gc.size()) return path + "/" + step(gc, wc, gc.size()) + ": missing (the golden has it)";
    return {};
}

std::string compare_xml(const std::string& got, const std::string& want) {
    pugi::xml_document g, w;
    auto rg = g.load_buffer(got.data(), got.size(), kParse);
    if (!rg) return std::string("the output is not well-formed: ") + rg.description();
    auto rw = w.load_buffer(want.data(), want.size(), kParse);
    if (!rw) return std::string("the golden is not well-formed: ") + rw.description();
    pugi::xml_node gr = g.document_element(), wr = w.document_element();
    return first_difference(gr, wr, "/" + std::string(wr.name()));
}

std::string pretty(const std::string& xml) {
    pugi::xml_document d;
    REQUIRE(d.load_buffer(xml.data(), xml.size(), kParse | pugi::parse_declaration));
    std::ostringstream out;
    d.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
}

using Package = test::ZipParts;
Package unzip(const std::string& bytes) { return test::read_zip(bytes); }

bool is_xml(const std::string& name) { return name.ends_with(".xml") || name.ends_with(".rels"); }

std::string render_docx(const fs::path& brief) {
    core::Context ctx;
    ctx.resource_dir = BRIEFMAKE_SOURCE_DIR;
    // No SOURCE_DATE_EPOCH: the file dates come from the brief (its edition or meeting date),
    // as a plain `briefmake BRIEF` writes them.
    fonts::FontSet fonts;
    render::Request req;
    req.brief = brief;
    req.want_pdf = false;
    return render::render(req, fonts, ctx).docx;
}

void check_golden(const fs::path& brief) {
    const std::string stem = brief.stem().string();
    const fs::path dir = test::golden_path("docx/" + stem);
    Package p = unzip(render_docx(brief));
    std::string listing;
    for (const auto& name : p.names) listing += name + "\n";

    if (test::update_golden()) {
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ofstream(dir / "parts.txt", std::ios::binary) << listing;
        for (const auto& name : p.names) {
            if (!is_xml(name)) continue;
            fs::create_directories((dir / name).parent_path());
            std::ofstream(dir / name, std::ios::binary) << pretty(p.parts[name]);
        }
    }

    // Every part, binary ones included, in the same order; then each XML part as a tree.
    CHECK_MESSAGE(listing == core::read_file(dir / "parts.txt"), stem << ": the package's parts differ from parts.txt");
    int compared = 0;
    for (const auto& name : p.names) {
        if (!is_xml(name)) continue;
        fs::path golden = dir / name;
        if (!fs::exists(golden)) {
            FAIL_CHECK(stem << ": no golden for " << name);
            continue;
        }
        std::string d = compare_xml(p.parts[name], core::read_file(golden));
        CHECK_MESSAGE(d.empty(), stem << ": " << name << " differs from the golden (output vs golden): " << d);
        ++compared;
    }
    CHECK(compared >= 10);
}

}  // namespace

TEST_CASE("golden: DOCX parts of ospg-8") { check_golden(fs::path(BRIEFMAKE_SOURCE_DIR) / "briefs" / "ospg-8.yaml"); }

TEST_CASE("golden: DOCX parts of figures-tr (charts)") {
    check_golden(fs::path(BRIEFMAKE_TEST_DATA) / "briefs" / "figures-tr.yaml");
}

TEST_CASE("golden comparison: the first difference, with its path") {
    const std::string base =
        R"(<w:document xmlns:w="W"><w:body><w:p><w:r><w:t>A</w:t></w:r></w:p>)"
        R"(<w:p><w:r><w:t>B</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:body></w:document>)";
    // the same tree pretty-printed, attributes in another order
    const std::string same =
        "<w:document xmlns:w=\"W\">\n  <w:body>\n    <w:p>\n      <w:r>\n        <w:t>A</w:t>\n      </w:r>\n"
        "    </w:p>\n    <w:p>\n      <w:r>\n        <w:t>B</w:t>\n      </w:r>\n      <w:r>\n"
        "        <w:t xml:space=\"preserve\"> </w:t>\n      </w:r>\n    </w:p>\n  </w:body>\n</w:document>\n";
    CHECK(compare_xml(base, same) == "");
    CHECK(compare_xml(pretty(base), base) == "");

    auto changed = [&](const std::string& from, const std::string& to) {
        std::string s = base;
        s.replace(s.find(from), from.size(), to);
        return compare_xml(s, base);
    };
    CHECK(changed("<w:t>B</w:t>", "<w:t>X</w:t>") == R"(/w:document/w:body/w:p[2]/w:r[1]/w:t: "X" vs "B")");
    CHECK(changed("> </w:t>", "></w:t>") == R"(/w:document/w:body/w:p[2]/w:r[2]/w:t: "" vs " ")");
    CHECK(changed("<w:t>A</w:t>", "<w:t w:x=\"1\">A</w:t>") == R"(/w:document/w:body/w:p[1]/w:r/w:t/@w:x: "1" vs (none))");
    CHECK(changed(R"(xml:space="preserve")", R"(xml:space="default")") ==
          R"(/w:document/w:body/w:p[2]/w:r[2]/w:t/@xml:space: "default" vs "preserve")");
    CHECK(changed("<w:r><w:t>A</w:t></w:r>", "<w:r><w:tab/></w:r>") ==
          "/w:document/w:body/w:p[1]/w:r/w:t: element <w:tab> vs <w:t>");
    CHECK(changed("</w:body>", "<w:p/></w:body>") == "/w:document/w:body/w:p[3]: an element the golden does not have");
    CHECK(changed("<w:p><w:r><w:t>A</w:t></w:r></w:p>", "") ==
          R"(/w:document/w:body/w:p[1]/w:r[1]/w:t: "B" vs "A")");
}
