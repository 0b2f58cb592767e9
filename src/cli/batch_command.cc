// The batch loop: stream lines in, results out, memory bounded (see batch_command.h).
#include "batch_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "../io/case_json_reader.h"
#include "../io/line_reader.h"
#include "../io/result_json_writer.h"
#include "boravak/citizenship.h"
#include "boravak/stay_engine.h"

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

int run_batch(const rule_set& rules, const std::string& input, const std::string& output) {
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
  io::case_json_reader reader(rules);
  io::parsed_case parsed;
  stay_calculator calculator;
  stay_result result;
  std::vector<reading_answer> answers;
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
      io::append_error_line(buffer, "null",
                            {error_code::invalid_json, "", std::string(io::kLineTooLongMessage)});
    } else if (auto error = reader.read(line, parsed)) {
      io::append_error_line(buffer, parsed.id_json, *error);
    } else if (parsed.readings_from != nullptr) {
      evaluate_readings(calculator, parsed.data, rules, *parsed.readings_from, answers);
      io::append_readings_result_line(buffer, parsed.id_json, answers);
    } else {
      calculator.evaluate(parsed.data, result);
      io::append_result_line(buffer, parsed.id_json, result);
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
