// io::line_reader: lines out of a stream read in 1 MiB blocks, with bounded memory and
// SIMDJSON_PADDING readable bytes after every line.
#include "io/line_reader.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace boravak::io {
namespace {

struct file_closer {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using file_handle = std::unique_ptr<std::FILE, file_closer>;

file_handle temporary_file_with(const std::string& content) {
  file_handle f(std::tmpfile());
  if (!f) throw std::runtime_error("std::tmpfile failed");
  if (!content.empty() && std::fwrite(content.data(), 1, content.size(), f.get()) != content.size()) {
    throw std::runtime_error("writing the temporary file failed");
  }
  std::rewind(f.get());
  return f;
}

// What the reader returns, one entry per call: the line, or "<too_long>", until the end.
std::vector<std::string> read_all(const std::string& content, std::size_t longest_line = std::size_t{8} << 20) {
  file_handle f = temporary_file_with(content);
  line_reader reader(f.get(), longest_line);
  std::vector<std::string> out;
  std::string_view line;
  for (;;) {
    const line_reader::status s = reader.next(line);
    if (s == line_reader::status::end) break;
    if (s == line_reader::status::read_error) {
      out.push_back("<read_error>");
      break;
    }
    if (s == line_reader::status::too_long) {
      out.push_back("<too_long>");
      continue;
    }
    // The padding after the line must be readable (simdjson parses lines in place).
    volatile char touch = line.data()[line.size() + simdjson::SIMDJSON_PADDING - 1];
    (void)touch;
    out.emplace_back(line);
  }
  return out;
}

TEST(LineReaderTest, SmallInputs) {
  struct row {
    std::string name;
    std::string content;
    std::size_t longest_line;
    std::vector<std::string> expected;
  };
  const std::size_t big = std::size_t{8} << 20;
  const std::string long_line(40, 'x');
  const std::vector<row> rows = {
      {"Lines ending in \\n are returned without it.", "a\nbb\nccc\n", big, {"a", "bb", "ccc"}},
      {"Lines ending in \\r\\n are returned without both.", "a\r\nbb\r\n", big, {"a", "bb"}},
      {"Mixed endings are handled line by line.", "a\r\nbb\ncc\r\n", big, {"a", "bb", "cc"}},
      {"A last line without a newline is still returned.", "a\nlast", big, {"a", "last"}},
      {"A last line without a newline loses a trailing \\r.", "a\nlast\r", big, {"a", "last"}},
      {"Empty lines are returned as empty lines.", "a\n\n\nb\n", big, {"a", "", "", "b"}},
      {"A file of one newline is one empty line.", "\n", big, {""}},
      {"An empty file has no lines.", "", big, {}},
      {"A \\r inside a line is kept.", "a\rb\n", big, {"a\rb"}},
      {"A line of exactly the longest length is accepted.", std::string(16, 'y') + "\nz\n", 16,
       {std::string(16, 'y'), "z"}},
      {"A line one byte over the longest length is too long.", std::string(17, 'y') + "\nz\n", 16, {"<too_long>", "z"}},
      {"An over-long line is reported as too long and the next line is still read.",
       "short\n" + long_line + "\nafter\n", 16, {"short", "<too_long>", "after"}},
      {"Two over-long lines in a row are two reports.", long_line + "\n" + long_line + "\nend", 16,
       {"<too_long>", "<too_long>", "end"}},
      {"An over-long last line without a newline is reported as too long.", "ok\n" + long_line, 16, {"ok", "<too_long>"}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(read_all(r.content, r.longest_line), r.expected);
  }
}

// Lines that straddle the 1 MiB block boundary, at every offset near it.
TEST(LineReaderTest, LinesAcrossTheBlockBoundary) {
  const std::size_t block = std::size_t{1} << 20;
  struct row {
    std::string name;
    std::size_t first_length;  // the first line's length; the second line follows it
    bool crlf;                 // the first line ends in \r\n
  };
  const std::vector<row> rows = {
      {"A first line ending two bytes before the boundary.", block - 2, false},
      {"A first line whose newline is the block's last byte.", block - 1, false},
      {"A first line whose newline is the next block's first byte.", block, false},
      {"A first line one byte longer than a block.", block + 1, false},
      {"A \\r\\n split across the boundary: \\r is the block's last byte.", block - 1, true},
      {"A \\r\\n whose \\r is the block's second-to-last byte.", block - 2, true},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const std::string first(r.first_length, 'a');
    const std::string second = "second line";
    const std::string content = first + (r.crlf ? "\r\n" : "\n") + second + "\n" + "third";
    const auto lines = read_all(content);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].size(), first.size());
    EXPECT_EQ(lines[0], first);
    EXPECT_EQ(lines[1], second);
    EXPECT_EQ(lines[2], "third");
  }
}

TEST(LineReaderTest, ManyLinesOverSeveralBlocks) {
  // About 3.5 MiB of numbered lines of varying length: every line comes back intact, in order.
  std::string content;
  std::vector<std::string> expected;
  for (int i = 0; content.size() < (std::size_t{7} << 19); ++i) {
    std::string line = "{\"id\":\"" + std::to_string(i) + "\",\"pad\":\"" + std::string(std::size_t(i % 997), 'p') + "\"}";
    content += line + (i % 3 == 0 ? "\r\n" : "\n");
    expected.push_back(std::move(line));
  }
  EXPECT_EQ(read_all(content), expected);
}

TEST(LineReaderTest, LongLinesGrowTheBufferUpToTheLimit) {
  const std::size_t block = std::size_t{1} << 20;
  struct row {
    std::string name;
    std::size_t line_length;
    std::size_t longest_line;
    bool too_long;
  };
  const std::vector<row> rows = {
      {"A 2.5 MiB line is read whole when up to 8 MiB are allowed.", block * 5 / 2, std::size_t{8} << 20, false},
      {"A 3 MiB line is too long when 16 bytes are allowed, and the next line is still read.", block * 3, 16, true},
      {"A 2.5 MiB line is too long when 2 MiB are allowed.", block * 5 / 2, block * 2, true},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    std::string content(r.line_length, 'L');
    content += "\nnext\n";
    const auto lines = read_all(content, r.longest_line);
    ASSERT_EQ(lines.size(), 2u);
    if (r.too_long) {
      EXPECT_EQ(lines[0], "<too_long>");
    } else {
      EXPECT_EQ(lines[0].size(), r.line_length);
    }
    EXPECT_EQ(lines[1], "next");
  }
}

}  // namespace
}  // namespace boravak::io
