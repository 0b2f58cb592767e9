// Evaluating one case line (see case_line.h).
#include "case_line.h"

#include <memory>

#include "io/result_json_writer.h"

namespace boravak::app {

bool case_line_evaluator::evaluate_case_line(std::string_view line, std::string& out) {
  if (auto error = reader_.read(line, parsed_)) {
    io::append_error_line(out, parsed_.id_json, *error, ctx_.words(lang_).render(error->message));
    return false;
  }
  if (parsed_.readings_from != nullptr) {
    // Every field's stricter reading (citizenship.h).
    evaluate_readings(calculator_, parsed_.data, ctx_.stay_rules, *parsed_.readings_from, answers_);
    io::append_readings_result_line(out, parsed_.id_json, answers_);
  } else {
    calculator_.evaluate(parsed_.data, result_);
    io::append_result_line(out, parsed_.id_json, result_);
  }
  return true;
}

void case_line_evaluator::refuse_line(const case_error& why, std::string& out) {
  io::append_error_line(out, "null", why, ctx_.words(lang_).render(why.message));
}

case_line_evaluator& case_line_evaluator::for_this_thread(const app_context& ctx, const std::string& lang) {
  thread_local std::unique_ptr<case_line_evaluator> evaluator;
  if (!evaluator || &evaluator->ctx_ != &ctx || evaluator->lang_ != lang) evaluator = std::make_unique<case_line_evaluator>(ctx, lang);
  return *evaluator;
}

}  // namespace boravak::app
