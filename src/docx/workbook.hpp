// The workbook embedded beside each chart (word/embeddings/Microsoft_Excel_WorksheetN.xlsx):
// a minimal SpreadsheetML package, so Word's "Edit Data" opens the chart's numbers. Sheet1
// holds the categories in A2.., the series names in B1, C1, .. and the values below them.
#pragma once
#include <cstddef>
#include <string>

#include "doc/doc.hpp"

namespace briefmake::docx {

inline constexpr const char* kSheetName = "Sheet1";

// Spreadsheet column letters for a 0-based index: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_letters(std::size_t index);

// An absolute reference into Sheet1, "Sheet1!$B$2:$B$4" (or one cell, "Sheet1!$B$1").
// Columns and rows are 0-based here; the text is 1-based as spreadsheets write it.
std::string sheet_range(std::size_t col, std::size_t row0, std::size_t row1);

// Shortest text that reads back as the same double ("2.91", "1234.56", "-0.5"), never
// depending on the process locale. Non-finite values give "0".
std::string number_text(double v);

// The .xlsx bytes for the chart's data; value cells carry `format_code` ("#,##0.00").
// Deterministic: fixed part order and zip times.
std::string chart_workbook(const doc::Chart& c, const std::string& format_code);

}  // namespace briefmake::docx
