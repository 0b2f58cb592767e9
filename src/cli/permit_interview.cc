// The guided interview for `boravak permit plan --interactive`: one question at a time, in the
// reader's language, each with a default in [brackets] and a clear word when an answer does
// not fit.
#include <iostream>
#include <string>

#include "boravak/civil_date.h"
#include "permit_situation_build.h"

namespace boravak::cli {
namespace {

std::string ask(const i18n::catalog& w, const std::string& question, const std::string& fallback) {
  std::cout << question << (fallback.empty() ? "" : " [" + fallback + "]") << ": " << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) throw std::runtime_error(w.get("cli.error.input_ended"));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line.empty() ? fallback : line;
}

int ask_number(const i18n::catalog& w, const std::string& question, int fallback, int low, int high) {
  for (;;) {
    const std::string answer = ask(w, question, std::to_string(fallback));
    try {
      std::size_t used = 0;
      const int n = std::stoi(answer, &used);
      if (used == answer.size() && n >= low && n <= high) return n;
    } catch (const std::exception&) {
    }
    std::cout << w.format("interview.invalid", {std::to_string(low) + "–" + std::to_string(high)}) << "\n";
  }
}

std::string ask_date(const i18n::catalog& w, const std::string& question) {
  for (;;) {
    const std::string answer = ask(w, question, "");
    if (answer.empty() || parse_written_date(answer)) return answer;
    std::cout << w.format("interview.invalid", {"YYYY-MM-DD / DD.MM.YYYY"}) << "\n";
  }
}

}  // namespace

void run_interview(permit_options& o, const i18n::catalog& w) {
  std::cout << w.get("interview.intro") << "\n";
  o.citizenship = ask(w, w.get("interview.citizenship"), o.citizenship.empty() ? "RU" : o.citizenship);
  o.ground = ask(w, w.get("interview.ground"), o.ground.empty() ? "employment" : o.ground);
  for (;;) {
    o.kind = ask(w, w.get("interview.kind"), o.kind);
    if (o.kind == "first" || o.kind == "renewal") break;
    std::cout << w.format("interview.invalid", {"first / renewal"}) << "\n";
  }
  o.city = ask(w, w.get("interview.city"), o.city);
  o.age = ask_number(w, w.get("interview.age"), o.age.value_or(30), 0, 120);
  const int members = ask_number(w, w.get("interview.family_count"), 0, 0, 20);
  o.family.clear();
  for (int i = 1; i <= members; ++i) {
    std::string relation;
    for (;;) {
      relation = ask(w, w.format("interview.member_relation", {std::to_string(i)}), "child");
      if (relation == "spouse" || relation == "partner" || relation == "child") break;
      std::cout << w.format("interview.invalid", {"spouse / partner / child"}) << "\n";
    }
    const int age = ask_number(w, w.format("interview.member_age", {std::to_string(i)}), relation == "child" ? 8 : 30, 0, 120);
    o.family.push_back(relation + ":" + std::to_string(age));
  }
  if (o.kind == "renewal") o.permit_expires = ask_date(w, w.get("interview.permit_expires"));
  else o.last_entry = ask_date(w, w.get("interview.last_entry"));
}

}  // namespace boravak::cli
