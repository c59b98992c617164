// fuzz_csv: spec::parse_csv on arbitrary bytes; every field must lie inside the input.
#include <cstdlib>

#include "fuzz_common.hpp"
#include "spec/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmake;
    std::string text = fuzz::bytes(data, size);
    try {
        auto rows = spec::parse_csv(text, "fuzz.csv");
        std::size_t total = 0;
        for (const auto& row : rows) {
            if (row.empty()) std::abort();  // a record always has at least one field
            for (const auto& f : row) {
                total += f.text.size();
                if (f.loc.line < 1 || f.loc.column < 1) std::abort();
            }
        }
        if (total > text.size()) std::abort();  // fields are made of input bytes
    } catch (const core::Error& e) {
        if (e.loc().line < 1) std::abort();  // CSV errors are always located
    }
    return 0;
}
