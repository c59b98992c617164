// Test helper: the parts of a zip package (a DOCX, an embedded workbook) read in memory with
// libzip, checking the archive's consistency. Shared by the DOCX tests.
#pragma once

#include <doctest/doctest.h>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

namespace briefmake::test {

struct ZipParts {
    std::vector<std::string> names;  // in archive order
    std::map<std::string, std::string> parts;
};

inline ZipParts read_zip(const std::string& bytes) {
    ZipParts p;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    REQUIRE(src);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    REQUIRE_MESSAGE(z, "not a readable zip");
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        auto index = static_cast<zip_uint64_t>(i);
        std::string name = zip_get_name(z, index, 0);
        zip_stat_t st;
        REQUIRE(zip_stat_index(z, index, 0, &st) == 0);
        std::string data(static_cast<size_t>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(z, index, 0);
        REQUIRE(f);
        CHECK(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
        p.names.push_back(name);
        p.parts[name] = std::move(data);
    }
    zip_discard(z);
    return p;
}

}  // namespace briefmake::test
