// fuzz_rich_text: doc::parse_rich_text (cmark and our walker) on any text a brief can hold: the
// brief reader admits only valid UTF-8 without control characters, so other inputs are skipped.
#include "doc/merge.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmake;
    std::string text = fuzz::bytes(data, size);
    try {
        core::check_text(text, "fuzz.yaml");
    } catch (const core::Error&) {
        return -1;  // not a text a brief can hold: keep it out of the corpus
    }
    spec::RichText rt{text, {"fuzz.yaml", 3, 10}};
    try {
        doc::parse_rich_text(rt, "body");
        doc::parse_rich_text(rt, "list", 3);
    } catch (const core::Error&) {
    }
    return 0;
}
