// Reading a CSV table with libcsv (see csv_table.h).
#include "csv_table.h"

#include <csv.h>

#include <algorithm>

namespace boravak::io {
namespace {

// What libcsv's callbacks build: the row under way and the line it began on.
struct building {
  csv_table* table = nullptr;
  std::size_t line = 1;        // the physical line being fed
  std::size_t row_line = 0;    // where the row under way began
  csv_row row;
};

void on_field(void* data, std::size_t length, void* state) {
  auto& b = *static_cast<building*>(state);
  std::string field(static_cast<const char*>(data), data ? length : 0);
  // A quoted field may hold line breaks: the row began that many lines earlier.
  if (b.row.fields.empty()) b.row_line = b.line - static_cast<std::size_t>(std::count(field.begin(), field.end(), '\n'));
  b.row.fields.push_back(std::move(field));
}

void on_row(int, void* state) {
  auto& b = *static_cast<building*>(state);
  const bool blank = b.row.fields.empty() || (b.row.fields.size() == 1 && b.row.fields[0].empty());
  if (!blank) {
    b.row.line = b.row_line;
    b.table->rows.push_back(std::move(b.row));
  }
  b.row = {};
}

}  // namespace

csv_table read_csv_table(std::string_view text) {
  csv_table table;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string_view header = text.substr(0, text.find('\n'));
  table.separator = std::count(header.begin(), header.end(), ';') > std::count(header.begin(), header.end(), ',') ? ';' : ',';

  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0) return table;
  csv_set_delim(&parser, static_cast<unsigned char>(table.separator));
  building b;
  b.table = &table;
  // Fed line by line, so a row knows the line it starts on.
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view piece = end == std::string_view::npos ? text : text.substr(0, end + 1);
    if (csv_parse(&parser, piece.data(), piece.size(), on_field, on_row, &b) != piece.size()) {
      table.malformed = true;
      table.malformed_line = b.line;
      break;
    }
    text.remove_prefix(piece.size());
    // A last line without its line break is still that line when libcsv ends it (csv_fini).
    if (piece.back() == '\n') ++b.line;
  }
  if (!table.malformed && csv_fini(&parser, on_field, on_row, &b) != 0) {
    table.malformed = true;
    table.malformed_line = b.row_line ? b.row_line : b.line;
  }
  csv_free(&parser);
  return table;
}

}  // namespace boravak::io
