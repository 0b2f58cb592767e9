// The batch body's lines (see batch_lines.h).
#include "batch_lines.h"

#include <simdjson.h>


namespace boravak::server {

void batch_lines::feed(const char* bytes, std::size_t size, std::string& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (bytes[i] != '\n') continue;
    take(bytes + start, i - start);
    finish_line(out);
    start = i + 1;
  }
  take(bytes + start, size - start);
}

void batch_lines::end(std::string& out) {
  if (!pending_.empty() || skipping_) finish_line(out);
}

void batch_lines::refuse(const case_error& why, std::string& out) const { evaluator().refuse_line(why, out); }

void batch_lines::take(const char* bytes, std::size_t size) {
  if (skipping_) return;
  if (pending_.size() + size > longest_) {
    skipping_ = true;
    pending_.clear();
    return;
  }
  pending_.append(bytes, size);
}

void batch_lines::finish_line(std::string& out) {
  if (skipping_) {
    evaluator().refuse_line({error_code::invalid_json, "", {std::string(io::kLineTooLongKey), {}}}, out);
    if (on_line) on_line({}, true, false);
  } else {
    if (!pending_.empty() && pending_.back() == '\r') pending_.pop_back();
    const std::size_t length = pending_.size();
    pending_.append(simdjson::SIMDJSON_PADDING, '\0');
    const bool ok = evaluator().evaluate_case_line(std::string_view(pending_.data(), length), out);
    if (on_line) on_line(std::string_view(pending_.data(), length), false, ok);
  }
  pending_.clear();
  skipping_ = false;
}

app::case_line_evaluator& batch_lines::evaluator() const { return app::case_line_evaluator::for_this_thread(ctx_, lang_); }

}  // namespace boravak::server
