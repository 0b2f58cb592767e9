// The batch loop: stream lines in, results out, memory bounded (see batch_command.h).
#include "batch_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "app/case_line.h"
#include "io/line_reader.h"

namespace boravak::cli {
namespace {

constexpr std::size_t kFlushAt = std::size_t{1} << 20;

struct file_closer {
  void operator()(std::FILE* f) const {
    if (f != nullptr && f != stdin && f != stdout) std::fclose(f);
  }
};
using file_handle = std::unique_ptr<std::FILE, file_closer>;

bool write_all(std::FILE* out, std::string& buffer) {
  const bool ok = std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
  buffer.clear();
  return ok;
}

}  // namespace

int run_batch(const app::app_context& ctx, const std::string& lang, const std::string& input, const std::string& output) {
  file_handle in(input == "-" ? stdin : std::fopen(input.c_str(), "rb"));
  if (!in) {
    std::fprintf(stderr, "boravak batch: cannot read %s: %s\n", input.c_str(), std::strerror(errno));
    return 2;
  }
  file_handle out(output == "-" ? stdout : std::fopen(output.c_str(), "wb"));
  if (!out) {
    std::fprintf(stderr, "boravak batch: cannot write %s: %s\n", output.c_str(), std::strerror(errno));
    return 2;
  }

  io::line_reader lines(in.get());
  app::case_line_evaluator evaluator(ctx, lang);
  std::string buffer;
  buffer.reserve(kFlushAt + 4096);

  std::string_view line;
  for (;;) {
    const io::line_reader::status got = lines.next(line);
    if (got == io::line_reader::status::end) break;
    if (got == io::line_reader::status::read_error) {
      write_all(out.get(), buffer);
      std::fprintf(stderr, "boravak batch: reading %s failed: %s\n", input.c_str(), std::strerror(errno));
      return 2;
    }
    if (got == io::line_reader::status::too_long) {
      evaluator.refuse_line({error_code::invalid_json, "", {std::string(io::kLineTooLongKey), {}}}, buffer);
    } else {
      evaluator.evaluate_case_line(line, buffer);
    }
    if (buffer.size() >= kFlushAt && !write_all(out.get(), buffer)) {
      std::fprintf(stderr, "boravak batch: writing %s failed: %s\n", output.c_str(), std::strerror(errno));
      return 2;
    }
  }
  if (!write_all(out.get(), buffer) || std::fflush(out.get()) != 0) {
    std::fprintf(stderr, "boravak batch: writing %s failed: %s\n", output.c_str(), std::strerror(errno));
    return 2;
  }
  return 0;
}

}  // namespace boravak::cli
