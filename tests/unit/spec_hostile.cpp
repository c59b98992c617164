// Hostile input for the brief and CSV readers: size and count limits, each a located error that
// says what was expected, reached quickly.
#include <doctest/doctest.h>


#include <filesystem>
#include <fstream>
#include <string>

#include "helpers.hpp"
#include "spec/csv.hpp"
#include "spec/reader.hpp"

using namespace briefmake;
using namespace briefmake::test;
namespace fs = std::filesystem;

namespace {
const std::string kMinimal = "brief: 1\ntitle: T\nmeeting:\n  name: M\n  date: 2026-02-02\nagenda: []\n";

}  // namespace

TEST_CASE("hostile csv: more fields than the limit is an error at the first field too many") {
    CHECK(error_of([] { spec::parse_csv("a,b\n1,2\n3,4\n", "d.csv", 6); }) == "");
    CHECK(error_of([] { spec::parse_csv("a,b\n1,2\n3,4\n5,6\n", "d.csv", 6); }) ==
          "d.csv:4:1: error: too many fields in a CSV file; expected at most 6");
    // The default limit holds for a file within the 4 MiB size limit: 300,000 one-digit fields.
    std::string big;
    for (int i = 0; i < 150000; ++i) big += "1,2\n";
    CHECK(big.size() < 4 * 1024 * 1024);
    CHECK(error_of([&] { spec::parse_csv(big, "big.csv"); }) ==
          "big.csv:100001:1: error: too many fields in a CSV file; expected at most 200000");
}

TEST_CASE("hostile csv: a brief's CSV files share one field limit, reported at the csv key") {
    TempDir dir("bm-hostile");
    std::string csv = "Year,Value\n";
    for (int i = 0; i < 59999; ++i) csv += "y" + std::to_string(i) + ",1\n";  // 120,000 fields
    dir.write("a.csv", csv);
    std::string fig = "figures:\n";
    for (const char* id : {"one", "two"})
        fig += std::string("  - id: ") + id + "\n    title: F\n    kind: table\n    csv: a.csv\n";
    std::string text = kMinimal + fig;
    CHECK(error_of([&] { spec::parse_brief(text, "b.yaml", dir.path, {}); }) ==
          "b.yaml:15:10: error: the brief's CSV files hold 240000 fields in all; expected at most 200000");
}

TEST_CASE("hostile csv: a CSV file over 4 MiB is refused before it is parsed") {
    TempDir dir("bm-hostile");
    dir.write("big.csv", "a\n" + std::string(4 * 1024 * 1024, 'x') + "\n");
    std::string text = kMinimal + "figures:\n  - id: f\n    title: F\n    kind: table\n    csv: big.csv\n";
    CHECK(error_of([&] { spec::parse_brief(text, "b.yaml", dir.path, {}); })
              .find("CSV file is too large; expected at most 4194304 bytes") != std::string::npos);
}

TEST_CASE("hostile brief: too large, too many nodes, too deep, alias bombs fail fast") {
    // 4 MiB and one byte, all in a comment.
    std::string huge = kMinimal + "# " + std::string(4 * 1024 * 1024, 'x') + "\n";
    CHECK(error_of([&] { spec::parse_brief(huge, "b.yaml", ".", {}); })
              .find("b.yaml: error: file is too large") == 0);
    // 200,001 scalars in one flow list.
    std::string many = kMinimal + "x-many: [";
    for (int i = 0; i < 200001; ++i) many += "1,";
    many += "]\n";
    CHECK(error_of([&] { spec::parse_brief(many, "b.yaml", ".", {}); })
              .find("error: too many YAML nodes; expected at most 200000") != std::string::npos);
    // Nine levels of ten aliases each: a billion nodes if expanded.
    std::string bomb = kMinimal + "x-0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
    for (int i = 1; i < 9; ++i) {
        bomb += "x-" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) bomb += "*l" + std::to_string(i - 1) + (k < 9 ? ", " : "");
        bomb += "]\n";
    }
    CHECK(error_of([&] { spec::parse_brief(bomb, "b.yaml", ".", {}); })
              .find("error: too many YAML nodes") != std::string::npos);
    // An alias nested in itself 65 times over, through anchors (depth counts through aliases).
    std::string deep = kMinimal + "x-a: &d0 [1]\n";
    for (int i = 1; i < 70; ++i)
        deep += "x-" + std::to_string(i) + ": &d" + std::to_string(i) + " [*d" + std::to_string(i - 1) + "]\n";
    CHECK(error_of([&] { spec::parse_brief(deep, "b.yaml", ".", {}); })
              .find("error: nesting is too deep; expected at most 64 levels") != std::string::npos);
}
