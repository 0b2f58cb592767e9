// The body of POST /v1/stay/batch as it arrives in pieces: split into lines at '\n' (a '\r'
// before it dropped), each line answered by the thread's app::case_line_evaluator with the
// padding simdjson needs, and a line longer than `longest` answered as too long without being
// kept. No networking, so the fuzzer drives exactly what the server runs (batch_stream.cc).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "app/app_context.h"
#include "app/case_line.h"
#include "boravak/case_error.h"
#include "io/line_reader.h"

namespace boravak::server {

class batch_lines {
 public:
  batch_lines(const app::app_context& ctx, std::string lang, std::size_t longest = io::kLongestLine)
      : ctx_(ctx), lang_(std::move(lang)), longest_(longest) {}

  // Answers every complete line in `bytes` into `out`, keeping the unfinished end for later.
  void feed(const char* bytes, std::size_t size, std::string& out);
  // The last line, when the body does not end with a newline.
  void end(std::string& out);
  // One more answer line that refuses the rest of the batch.
  void refuse(const case_error& why, std::string& out) const;

  // Called after each line with the line as evaluated (empty when it was too long), whether it
  // was too long, and whether its answer was ok. For the fuzzer; the server leaves it empty.
  std::function<void(std::string_view line, bool too_long, bool ok)> on_line;

 private:
  void take(const char* bytes, std::size_t size);
  void finish_line(std::string& out);
  app::case_line_evaluator& evaluator() const;

  const app::app_context& ctx_;
  std::string lang_;
  std::size_t longest_;
  std::string pending_;
  bool skipping_ = false;
};

}  // namespace boravak::server
