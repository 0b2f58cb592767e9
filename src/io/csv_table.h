// A CSV text (RFC 4180 quoting, read by libcsv) as rows of fields, each row with the line it
// starts on. The separator is the header's: `;` when the first line has more of them than
// commas, else `,`. A UTF-8 byte-order mark is skipped. Agencies' client lists come this way
// (docs/contracts/agency-api.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace boravak::io {

struct csv_row {
  std::size_t line = 0;  // 1 for the header
  std::vector<std::string> fields;
};

struct csv_table {
  char separator = ',';
  std::vector<csv_row> rows;  // the header first; blank lines are left out
  bool malformed = false;     // a quote was never closed: the rows up to it are kept
  std::size_t malformed_line = 0;
};

csv_table read_csv_table(std::string_view text);

}  // namespace boravak::io
