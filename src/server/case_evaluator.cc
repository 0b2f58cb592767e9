// Evaluating one case line (see case_evaluator.h); the loop body of cli/batch_command.cc.
#include "case_evaluator.h"

#include <memory>

#include "io/result_json_writer.h"

namespace boravak::server {

bool case_evaluator::evaluate(std::string_view line, std::string& out) {
  if (auto error = reader_.read(line, parsed_)) {
    io::append_error_line(out, parsed_.id_json, *error);
    return false;
  }
  if (parsed_.readings_from != nullptr) {
    // Every field's stricter reading (citizenship.h), as in `boravak batch`.
    evaluate_readings(calculator_, parsed_.data, rules_, *parsed_.readings_from, answers_);
    io::append_readings_result_line(out, parsed_.id_json, answers_);
  } else {
    calculator_.evaluate(parsed_.data, result_);
    io::append_result_line(out, parsed_.id_json, result_);
  }
  return true;
}

case_evaluator& case_evaluator::for_this_thread(const rule_set& rules) {
  thread_local std::unique_ptr<case_evaluator> evaluator;
  if (!evaluator || &evaluator->rules_ != &rules) evaluator = std::make_unique<case_evaluator>(rules);
  return *evaluator;
}

}  // namespace boravak::server
