// Test helpers shared by the unit tests (zip_parts.hpp reads DOCX packages, layout_fixture.hpp
// builds layouts): a context on the source tree's resources, the diagnostic an error prints, a
// private temporary folder, and the golden files' place and update switch.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/context.hpp"
#include "core/diag.hpp"

namespace briefmake::test {

// A context whose resources (templates, fonts) are the source tree's.
inline core::Context context() {
    core::Context ctx;
    ctx.resource_dir = BRIEFMAKE_SOURCE_DIR;
    return ctx;
}

// The formatted diagnostic of the core::Error that `f` throws ("FILE:LINE:COL: error: ..."), or
// "" when it throws none.
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const core::Error& e) {
        return core::format(e.diagnostic());
    }
    return "";
}

// Writes `bytes` to `p` as they are.
inline void write_file(const std::filesystem::path& p, std::string_view bytes) {
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A private folder under the system's temporary folder (mkdtemp), removed with what it holds.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& prefix = "briefmake-test") {
        std::string t = (std::filesystem::temp_directory_path() / (prefix + ".XXXXXX")).string();
        REQUIRE(::mkdtemp(t.data()) != nullptr);
        path = t;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    void write(const std::string& name, std::string_view text) const { write_file(path / name, text); }
};

// Golden files live under tests/golden/. BRIEFMAKE_UPDATE_GOLDEN=1 (exactly "1") makes the golden
// tests rewrite them from what the code gives now; read the diff before committing.
inline std::filesystem::path golden_path(const std::string& relative) {
    return std::filesystem::path(BRIEFMAKE_TEST_DATA) / "golden" / relative;
}
inline bool update_golden() {
    const char* u = std::getenv("BRIEFMAKE_UPDATE_GOLDEN");
    return u != nullptr && std::string_view(u) == "1";
}

}  // namespace briefmake::test
