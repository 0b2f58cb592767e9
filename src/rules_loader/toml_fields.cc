// Typed TOML fields with precise errors (see toml_fields.h).
#include "toml_fields.h"

#include <algorithm>

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

citation require_citation_prefixed(const toml::table& t, std::string_view prefix, const rules_file& file) {
  const std::string p(prefix);
  citation c;
  const std::vector<std::string> ids = string_list(t, p + "sources", file);
  if (ids.empty()) fail({file, &t}, "\"" + p + "sources\" is required: a list of one or more source ids from rules/sources/");
  for (const std::string& id : ids) {
    const auto found = file.sources.by_id.find(id);
    if (found == file.sources.by_id.end()) fail({file, t.get(p + "sources")}, "source \"" + id + "\" is not in rules/sources/");
    c.sources.push_back(found->second);
  }
  const std::string level = require_string(t, p + "confidence", file);
  if (!parse_confidence(level, c.level)) {
    fail({file, t.get(p + "confidence")},
         "confidence \"" + level + "\" is not one of primary, two_secondary, one_secondary, disputed");
  }
  c.checked = require_date(t, p + "checked", file);
  const bool has_primary = std::any_of(c.sources.begin(), c.sources.end(),
                                       [](const auto& s) { return s->kind == standing::primary; });
  if (c.level == confidence::primary && !has_primary) {
    fail({file, t.get(p + "confidence")}, "confidence \"primary\" needs a primary source among \"" + p + "sources\"");
  }
  if (c.level == confidence::two_secondary && c.sources.size() < 2) {
    fail({file, t.get(p + "confidence")}, "confidence \"two_secondary\" needs two sources in \"" + p + "sources\"");
  }
  return c;
}

citation require_citation(const toml::table& t, const rules_file& file) {
  return require_citation_prefixed(t, "", file);
}

source_registry load_source_registry(const std::filesystem::path& rules_directory) {
  const std::filesystem::path folder = rules_directory / "sources";
  if (!std::filesystem::is_directory(folder)) throw rules_error("rules/sources/: folder is missing (looked in " + folder.string() + ")");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".toml") files.push_back("sources/" + entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<toml::table> docs;
  source_registry registry;
  // Publishers first: a source may name a publisher listed in another file.
  for (const std::string& file : files) {
    docs.push_back(parse_rules_file(rules_directory, file));
    if (const toml::node* node = docs.back().get("publishers")) {
      if (!node->is_table()) fail({file, node}, "[publishers] must be a table");
      for (const auto& [id, name] : *node->as_table()) {
        if (!name.is_string() || name.as_string()->get().empty()) fail({file, &name}, "publisher \"" + std::string(id.str()) + "\" needs a name");
        if (!registry.publishers.insert(std::string(id.str())).second) fail({file, &name}, "publisher \"" + std::string(id.str()) + "\" is listed twice");
      }
    }
  }
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::string& file = files[f];
    const toml::node* all = docs[f].get("source");
    if (all == nullptr) continue;
    if (!all->is_table()) fail({file, all}, "sources are written as [source.<id>] tables");
    for (const auto& [key, node] : *all->as_table()) {
      const std::string id(key.str());
      if (!node.is_table()) fail({file, &node}, "source \"" + id + "\" must be a [source." + id + "] table");
      const toml::table& t = *node.as_table();
      auto s = std::make_shared<source>();
      s->id = id;
      s->publisher = require_string(t, "publisher", file);
      if (registry.publishers.count(s->publisher) == 0) fail({file, t.get("publisher")}, "publisher \"" + s->publisher + "\" is not in any [publishers] table");
      s->title = require_string(t, "title", file);
      s->gazette = optional_string(t, "gazette", file).value_or("");
      s->article = optional_string(t, "article", file).value_or("");
      s->url = optional_string(t, "url", file).value_or("");
      if (s->url.empty() && s->gazette.empty()) fail({file, &t}, "source \"" + id + "\" needs a \"url\" or a \"gazette\" a person can follow");
      if (!s->url.empty() && !s->url.starts_with("https://") && !s->url.starts_with("http://")) {
        fail({file, t.get("url")}, "\"url\" must start with https:// or http://");
      }
      s->published = optional_date(t, "published", file);
      s->read = require_date(t, "read", file);
      s->kind = require_one_of(t, "standing", {"primary", "secondary"}, file) == 0 ? standing::primary : standing::secondary;
      if (!registry.by_id.emplace(id, std::move(s)).second) fail({file, &t}, "source \"" + id + "\" is defined twice");
    }
  }
  return registry;
}

}  // namespace boravak::rules_loader
