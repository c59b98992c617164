// CSV (RFC 4180) for figure data: comma-separated, fields optionally in double quotes (which may
// hold commas, line breaks and doubled quotes), LF or CRLF line ends, UTF-8 (a leading BOM is
// skipped). Blank lines are skipped. Malformed input throws core::Error at file:line:col.
#pragma once
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

// All records of `text`; `file_name` is used in locations. An empty text gives no rows.
std::vector<CsvRow> parse_csv(const std::string& text, const std::string& file_name);

}  // namespace briefmake::spec
