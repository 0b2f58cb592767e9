// Block-wise line reading (see line_reader.h).
#include "line_reader.h"

#include <cstring>

#include <simdjson.h>

namespace boravak::io {
namespace {
constexpr std::size_t kBlock = std::size_t{1} << 20;
}

line_reader::line_reader(std::FILE* input, std::size_t longest_line)
    : input_(input), longest_line_(longest_line), buffer_(kBlock + simdjson::SIMDJSON_PADDING) {}

bool line_reader::fill() {
  if (eof_ || error_) return false;
  // Keep the unread part, moved to the front, and read after it.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const std::size_t usable = buffer_.size() - simdjson::SIMDJSON_PADDING;
  if (end_ == usable) {
    // A line longer than the buffer: grow, up to the longest line we accept (plus one block).
    if (usable >= longest_line_ + kBlock) return false;
    buffer_.resize(buffer_.size() + kBlock);
  }
  const std::size_t room = buffer_.size() - simdjson::SIMDJSON_PADDING - end_;
  const std::size_t got = std::fread(buffer_.data() + end_, 1, room, input_);
  end_ += got;
  if (got == 0) {
    if (std::ferror(input_)) error_ = true; else eof_ = true;
    return false;
  }
  return true;
}

line_reader::status line_reader::next(std::string_view& line) {
  std::size_t scanned = begin_;
  bool skipping = false;  // inside a line that is too long
  while (true) {
    const char* start = buffer_.data() + scanned;
    const void* newline = std::memchr(start, '\n', end_ - scanned);
    if (newline != nullptr) {
      const std::size_t at = std::size_t(static_cast<const char*>(newline) - buffer_.data());
      const std::size_t from = begin_;
      begin_ = at + 1;
      if (skipping || at - from > longest_line_) return status::too_long;
      std::size_t length = at - from;
      if (length > 0 && buffer_[from + length - 1] == '\r') --length;
      line = std::string_view(buffer_.data() + from, length);
      return status::line;
    }
    if (!skipping && end_ - begin_ > longest_line_) skipping = true;
    if (skipping) {
      // Drop what we have of the over-long line and keep looking for its end. Dropping on every
      // pass (not only the first) keeps the buffer from filling up, which would end the search
      // before the line's "\n" and hand out the rest of the line as lines of its own.
      begin_ = end_;
    }
    scanned = end_ - begin_;
    if (!fill()) {
      if (error_) return status::read_error;
      if (skipping) {
        begin_ = end_;
        return status::too_long;
      }
      if (begin_ == end_) return status::end;
      // The last line has no "\n".
      const std::size_t from = begin_;
      std::size_t length = end_ - begin_;
      begin_ = end_;
      if (length > 0 && buffer_[from + length - 1] == '\r') --length;
      line = std::string_view(buffer_.data() + from, length);
      return status::line;
    }
    scanned = begin_ + scanned;
  }
}

}  // namespace boravak::io
