// Shared set-up for the libFuzzer targets: a Context pinned to the source tree's resources, no
// clock, no --allow-path. Each target feeds bytes to one entry point; core::Error is the expected
// way to reject input, anything else escaping (another exception, a sanitizer report, a hang) is
// a finding.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/context.hpp"

namespace briefmake::fuzz {

inline const core::Context& context() {
    static const core::Context ctx = [] {
        core::Context c;
        c.resource_dir = BRIEFMAKE_SOURCE_DIR;
        c.source_date_epoch = 1767225600;  // 2026-01-01, so nothing depends on the clock
        return c;
    }();
    return ctx;
}

// Where relative paths in fuzzed briefs and templates resolve: the spec test data (it holds
// CSV files, so `csv:` keys reach the CSV reader).
inline std::filesystem::path data_dir() { return std::filesystem::path(BRIEFMAKE_SOURCE_DIR) / "tests/data/spec"; }

inline std::string bytes(const uint8_t* data, size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace briefmake::fuzz
