// libFuzzer target for POST /v1/stay/batch as the server answers it: the body arrives in pieces,
// is split into lines at '\n' (a '\r' before it dropped), and each line goes to the thread's
// app::case_line_evaluator with SIMDJSON_PADDING bytes after it: server::batch_lines, the very
// class src/server/batch_stream.cc runs. The first byte picks the
// answers' language and whether lines are capped at a few hundred bytes instead of 8 MiB (so the
// "line too long" answer runs too); the second says how many of the next bytes give the sizes
// of the pieces the body arrives in. Invariants, each a crash when broken:
//  - exactly one answer line per line of the body (a last line without '\n' counts);
//  - every answer is one valid JSON object (simdjson) with an "id" and a boolean "ok", and
//    evaluate_case_line returned that "ok"; a refusal carries an error whose message is a
//    catalog text (never "[a.missing.key]");
//  - a line's answer does not depend on the lines before it: an evaluator that sees only that
//    line writes the same bytes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "app/app_context.h"
#include "app/case_line.h"
#include "io/line_reader.h"
#include "server/batch_lines.h"

namespace {

const boravak::app::app_context& context() {
  static const auto* ctx = [] {
    auto* c = new boravak::app::app_context;
    boravak::app::load_app_context(*c, {BORAVAK_FUZZ_RULES_DIR, BORAVAK_FUZZ_LOCALE_DIR});
    c->now = std::make_unique<boravak::app::fixed_clock>(
        std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 12 / 6}});
    return c;
  }();
  return *ctx;
}

// Checks one answer line (without its '\n'); returns its "ok".
bool check_answer(const std::string& line) {
  static simdjson::dom::parser parser;
  simdjson::dom::element doc;
  simdjson::dom::object object;
  if (parser.parse(line).get(doc) || doc.get_object().get(object)) __builtin_trap();
  simdjson::dom::element id;
  if (object["id"].get(id)) __builtin_trap();
  bool ok = false;
  if (object["ok"].get_bool().get(ok)) __builtin_trap();
  if (!ok) {
    std::string_view message;
    if (object["error"]["message"].get_string().get(message)) __builtin_trap();
    if (message.empty() || message.front() == '[') __builtin_trap();
    std::string_view code;
    if (object["error"]["code"].get_string().get(code) || code.empty()) __builtin_trap();
  }
  return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const char* const kLanguages[] = {"en", "ru", "uk", "sr", "sr-Cyrl"};
  const std::string lang = kLanguages[data[0] % 5];
  const std::size_t longest = (data[0] & 0x80) != 0 ? std::size_t{64} + data[1] : boravak::io::kLongestLine;
  std::size_t at = 2;
  std::vector<std::size_t> pieces;
  for (std::size_t n = data[1] % 8; n > 0 && at < size; --n) pieces.push_back(1 + data[at++]);
  const std::string_view body(reinterpret_cast<const char*>(data) + at, size - at);

  const boravak::app::app_context& ctx = context();
  boravak::server::batch_lines split(ctx, lang, longest);
  // Each line as the evaluator saw it, whether it was refused as too long, and its "ok".
  std::vector<std::string> lines;
  std::vector<bool> too_long;
  std::vector<bool> ok;
  split.on_line = [&](std::string_view line, bool was_too_long, bool was_ok) {
    lines.emplace_back(line);
    too_long.push_back(was_too_long);
    ok.push_back(was_ok);
  };
  std::string out;
  std::size_t done = 0;
  for (std::size_t i = 0; done < body.size(); ++i) {
    const std::size_t piece = pieces.empty() ? body.size() : std::min(pieces[i % pieces.size()], body.size() - done);
    split.feed(body.data() + done, piece, out);
    done += piece;
  }
  split.end(out);

  // One answer per line: every '\n', and the unfinished end when there is one.
  std::size_t expected = 0;
  for (char c : body) expected += c == '\n';
  if (!body.empty() && body.back() != '\n') ++expected;
  if (lines.size() != expected) __builtin_trap();
  if (!out.empty() && out.back() != '\n') __builtin_trap();

  std::vector<std::string> answers;
  for (std::size_t start = 0; start < out.size();) {
    const std::size_t nl = out.find('\n', start);
    answers.push_back(out.substr(start, nl - start));
    start = nl + 1;
  }
  if (answers.size() != expected) __builtin_trap();
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (check_answer(answers[i]) != ok[i]) __builtin_trap();
  }

  // The first lines again, each alone with a new evaluator: the same bytes.
  for (std::size_t i = 0; i < answers.size() && i < 8; ++i) {
    if (too_long[i]) continue;
    auto fresh = std::make_unique<boravak::app::case_line_evaluator>(ctx, lang);
    std::string line = lines[i];
    const std::size_t length = line.size();
    line.append(simdjson::SIMDJSON_PADDING, '\0');
    std::string alone;
    fresh->evaluate_case_line(std::string_view(line.data(), length), alone);
    if (alone != answers[i] + "\n") __builtin_trap();
  }
  return 0;
}
