// fuzz_template: tmpl::parse_template on arbitrary bytes, as a template in the shipped templates
// folder (so `extends: default` and the shipped fonts resolve), placeholders checked.
#include "fuzz_common.hpp"
#include "tmpl/template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmake;
    const auto& ctx = fuzz::context();
    try {
        tmpl::Template t = tmpl::parse_template(fuzz::bytes(data, size), "fuzz-template.yaml", ctx.templates_dir(), ctx);
        // What the merge does with every pattern: expand it with values and filters.
        std::map<std::string, tmpl::Value> vars = {{"title", "Başlık"}, {"meeting.date", "2026-02-02"},
                                                   {"edition", "2026-02-29"}, {"classification", "HİZMETE ÖZEL"}};
        for (const auto& [lang, labels] : t.labels)
            for (const auto& [k, v] : labels) vars["label." + k] = v;
        for (const tmpl::Slots* s : {&t.header, &t.footer})
            for (const tmpl::Pattern* p : {&s->left, &s->center, &s->right}) {
                try {
                    tmpl::expand(*p, vars, "tr");
                } catch (const core::Error&) {
                }
            }
    } catch (const core::Error&) {
    }
    return 0;
}
