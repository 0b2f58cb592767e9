// libFuzzer target: one batch line through the case reader and, when it is valid, the engine
// and the result writer. Any crash, leak, hang or undefined behaviour is a bug: bad input must
// always end in an error line (contract "Errors").
#include <cstdint>
#include <cstdlib>
#include <string>

#include <simdjson.h>

#include "../src/io/case_json_reader.h"
#include "../src/io/result_json_writer.h"
#include "../src/rules_loader/rules_loader.h"
#include "boravak/citizenship.h"
#include "boravak/stay_engine.h"

namespace {
const boravak::rule_set& rules() {
  static const boravak::rule_set loaded = boravak::rules_loader::load_rules(BORAVAK_FUZZ_RULES_DIR);
  return loaded;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static boravak::io::case_json_reader reader(rules());
  static boravak::stay_calculator calculator;
  static std::vector<boravak::reading_answer> answers;
  std::string line(reinterpret_cast<const char*>(data), size);
  line.append(simdjson::SIMDJSON_PADDING, ' ');
  boravak::io::parsed_case parsed;
  std::string out;
  if (auto error = reader.read(std::string_view(line.data(), size), parsed)) {
    if (error->message.key.empty()) std::abort();  // every error must say something
    boravak::io::append_error_line(out, parsed.id_json, *error, error->message.key);
  } else if (parsed.readings_from != nullptr) {
    boravak::evaluate_readings(calculator, parsed.data, rules(), *parsed.readings_from, answers);
    boravak::io::append_result_line(out, parsed.id_json, answers.front().result);
  } else {
    boravak::stay_result result;
    calculator.evaluate(parsed.data, result);
    if (result.days_left < 0 || result.overstay_days < 0) std::abort();
    boravak::io::append_result_line(out, parsed.id_json, result);
  }
  // The output must itself be one valid JSON line.
  simdjson::dom::parser check;
  simdjson::dom::element ignored;
  if (check.parse(out).get(ignored)) std::abort();
  return 0;
}
