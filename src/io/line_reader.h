// Reads a stream line by line in large blocks, with memory bounded by the longest line we
// accept, and with SIMDJSON_PADDING readable bytes after every line it hands out, so each
// line can be parsed in place without a copy.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string_view>
#include <vector>

namespace boravak::io {

// The error every batch reader (CLI and server) gives for a line over the 8 MiB limit, as a
// catalog key.
inline constexpr std::string_view kLineTooLongKey = "case.error.line_too_long";
inline constexpr std::size_t kLongestLine = std::size_t{8} << 20;

class line_reader {
 public:
  // Lines longer than `longest_line` bytes are reported as too long and skipped.
  explicit line_reader(std::FILE* input, std::size_t longest_line = kLongestLine);

  enum class status { line, too_long, end, read_error };
  // The next line without its "\n" (and without a "\r" before it).
  status next(std::string_view& line);

 private:
  bool fill();  // reads more; false at end of input or on error

  std::FILE* input_;
  std::size_t longest_line_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // first unread byte
  std::size_t end_ = 0;    // one past the last byte read
  bool eof_ = false;
  bool error_ = false;
};

}  // namespace boravak::io
