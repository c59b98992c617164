// fuzz_brief: spec::parse_brief on arbitrary bytes (YAML guard, reader, CSV files it names).
#include "fuzz_common.hpp"
#include "spec/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmake;
    try {
        spec::parse_brief(fuzz::bytes(data, size), "fuzz.yaml", fuzz::data_dir(), fuzz::context());
    } catch (const core::Error&) {
    }
    return 0;
}
