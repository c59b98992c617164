// CSV (RFC 4180) for figure data: comma-separated, fields optionally in double quotes (which may
// hold commas, line breaks and doubled quotes), LF or CRLF line ends, UTF-8 (a leading BOM is
// skipped). Blank lines are skipped. Malformed input throws core::Error at file:line:col.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace briefmake::spec {

struct CsvField {
    std::string text;
    core::SourceLoc loc;  // where the field starts (its opening quote, if quoted)
    bool quoted = false;
};

using CsvRow = std::vector<CsvField>;

// At most this many fields in one CSV file (as many as a brief may have YAML nodes): a 4 MiB
// file of "1," would otherwise give two million table cells to lay out.
constexpr std::size_t kMaxCsvFields = 200000;

// All records of `text`; `file_name` is used in locations. An empty text gives no rows. More than
// `max_fields` fields is an error located at the first field too many.
std::vector<CsvRow> parse_csv(const std::string& text, const std::string& file_name,
                              std::size_t max_fields = kMaxCsvFields);

}  // namespace briefmake::spec
