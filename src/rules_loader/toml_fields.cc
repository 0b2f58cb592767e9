// Typed TOML fields with precise errors (see toml_fields.h).
#include "toml_fields.h"

#include <array>

namespace boravak::rules_loader {
namespace {

const toml::node* at(const toml::table& t, std::string_view key) { return t.get(key); }

std::string line_of(const toml::node* node) {
  if (node == nullptr) return "";
  return ":" + std::to_string(node->source().begin.line);
}

}  // namespace

void fail(const place& where, const std::string& what) {
  throw rules_error("rules/" + where.file + line_of(where.node) + ": " + what);
}

toml::table parse_rules_file(const std::filesystem::path& directory, const std::string& file) {
  const auto path = directory / file;
  if (!std::filesystem::exists(path)) {
    throw rules_error("rules/" + file + ": file is missing (looked in " + directory.string() + ")");
  }
  try {
    return toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    throw rules_error("rules/" + file + ":" + std::to_string(e.source().begin.line) + ": " +
                      std::string(e.description()));
  }
}

const toml::table& require_table(const toml::table& t, std::string_view key, const std::string& file) {
  const toml::node* node = at(t, key);
  if (node == nullptr || !node->is_table()) {
    fail({file, node ? node : &t}, "expected a table [" + std::string(key) + "]");
  }
  return *node->as_table();
}

std::optional<std::string> optional_string(const toml::table& t, std::string_view key, const std::string& file) {
  const toml::node* node = at(t, key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_string()) fail({file, node}, "\"" + std::string(key) + "\" must be a string");
  return node->as_string()->get();
}

std::string require_string(const toml::table& t, std::string_view key, const std::string& file) {
  auto value = optional_string(t, key, file);
  if (!value || value->empty()) fail({file, &t}, "\"" + std::string(key) + "\" is required and must not be empty");
  return *value;
}

std::optional<date> optional_date(const toml::table& t, std::string_view key, const std::string& file) {
  const toml::node* node = at(t, key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_date()) fail({file, node}, "\"" + std::string(key) + "\" must be a TOML date such as 2024-02-01");
  const toml::date d = node->as_date()->get();
  const std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{d.month},
                                        std::chrono::day{d.day}};
  if (!ymd.ok()) fail({file, node}, "\"" + std::string(key) + "\" is not a real date");
  return date{ymd};
}

date require_date(const toml::table& t, std::string_view key, const std::string& file) {
  auto value = optional_date(t, key, file);
  if (!value) fail({file, &t}, "\"" + std::string(key) + "\" (a date) is required");
  return *value;
}

std::optional<int> optional_positive_int(const toml::table& t, std::string_view key, const std::string& file) {
  const toml::node* node = at(t, key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer()) fail({file, node}, "\"" + std::string(key) + "\" must be a whole number");
  const std::int64_t n = node->as_integer()->get();
  if (n < 1 || n > kLargestCount) fail({file, node}, "\"" + std::string(key) + "\" must be from 1 to " + std::to_string(kLargestCount));
  return int(n);
}

int require_positive_int(const toml::table& t, std::string_view key, const std::string& file) {
  auto value = optional_positive_int(t, key, file);
  if (!value) fail({file, &t}, "\"" + std::string(key) + "\" (a whole number) is required");
  return *value;
}

bool optional_bool(const toml::table& t, std::string_view key, bool fallback, const std::string& file) {
  const toml::node* node = at(t, key);
  if (node == nullptr) return fallback;
  if (!node->is_boolean()) fail({file, node}, "\"" + std::string(key) + "\" must be true or false");
  return node->as_boolean()->get();
}

std::vector<std::string> string_list(const toml::table& t, std::string_view key, const std::string& file) {
  std::vector<std::string> out;
  const toml::node* node = at(t, key);
  if (node == nullptr) return out;
  if (!node->is_array()) fail({file, node}, "\"" + std::string(key) + "\" must be a list of strings");
  for (const toml::node& item : *node->as_array()) {
    if (!item.is_string()) fail({file, &item}, "\"" + std::string(key) + "\" must hold only strings");
    out.push_back(item.as_string()->get());
  }
  return out;
}

std::vector<const toml::table*> table_list(const toml::table& t, std::string_view key, const std::string& file) {
  std::vector<const toml::table*> out;
  const toml::node* node = at(t, key);
  if (node == nullptr) return out;
  if (!node->is_array_of_tables()) fail({file, node}, "\"" + std::string(key) + "\" must be written as [[" + std::string(key) + "]] tables");
  for (const toml::node& item : *node->as_array()) out.push_back(item.as_table());
  return out;
}

std::size_t require_one_of(const toml::table& t, std::string_view key, std::initializer_list<std::string_view> choices,
                           const std::string& file) {
  const std::string value = require_string(t, key, file);
  std::size_t index = 0;
  std::string listed;
  for (std::string_view choice : choices) {
    if (value == choice) return index;
    listed += (index == 0 ? "" : index + 1 == choices.size() ? " or " : ", ") + std::string(choice);
    ++index;
  }
  fail({file, t.get(key)}, "\"" + std::string(key) + "\" is \"" + value + "\"; it must be " + listed);
}

std::optional<int> optional_count(const toml::table& t, std::string_view key, const std::string& file) {
  const toml::node* node = at(t, key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer()) fail({file, node}, "\"" + std::string(key) + "\" must be a whole number");
  const std::int64_t n = node->as_integer()->get();
  if (n < 0 || n > kLargestCount) fail({file, node}, "\"" + std::string(key) + "\" must be from 0 to " + std::to_string(kLargestCount));
  return int(n);
}

int require_count(const toml::table& t, std::string_view key, const std::string& file) {
  auto value = optional_count(t, key, file);
  if (!value) fail({file, &t}, "\"" + std::string(key) + "\" (a whole number) is required");
  return *value;
}

std::vector<int> count_list(const toml::table& t, std::string_view key, const std::string& file) {
  std::vector<int> out;
  const toml::node* node = at(t, key);
  if (node == nullptr) return out;
  if (!node->is_array()) fail({file, node}, "\"" + std::string(key) + "\" must be a list of whole numbers");
  for (const toml::node& item : *node->as_array()) {
    if (!item.is_integer() || item.as_integer()->get() < 0 || item.as_integer()->get() > kLargestCount)
      fail({file, &item}, "\"" + std::string(key) + "\" must hold only whole numbers from 0 to " + std::to_string(kLargestCount));
    out.push_back(int(item.as_integer()->get()));
  }
  return out;
}

citation require_citation_named(const toml::table& t, std::string_view source_key, std::string_view confidence_key,
                                const std::string& file) {
  citation c{require_string(t, source_key, file), require_string(t, confidence_key, file)};
  // facts.md §0 marks, plus NOT CONFIRMED, which facts.md §4.3 uses for the payment code.
  static constexpr std::array<std::string_view, 7> kMarks{"C2", "S1", "SEED", "CONFLICT", "DERIVED", "NOT FOUND", "NOT CONFIRMED"};
  bool known = false;
  for (auto mark : kMarks) known = known || c.confidence == mark;
  if (!known) {
    fail({file, t.get(confidence_key)},
         "confidence \"" + c.confidence + "\" is not one of C2, S1, SEED, CONFLICT, DERIVED, NOT FOUND, NOT CONFIRMED");
  }
  return c;
}

citation require_citation(const toml::table& t, const std::string& file) {
  return require_citation_named(t, "source", "confidence", file);
}

}  // namespace boravak::rules_loader
