// Loading what the server serves (see app_state.h).
#include "app_state.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "i18n/message_ids.h"

namespace boravak::server {
namespace {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream all;
  all << in.rdbuf();
  return all.str();
}

// The opening comment of a rules file says what it holds: its first sentence is the title.
std::string title_of(const std::string& text) {
  std::istringstream lines(text);
  std::string title;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("#", 0) != 0) break;
    const std::size_t start = line.find_first_not_of("# ");
    if (start == std::string::npos) {
      if (title.empty()) continue;
      break;
    }
    title += (title.empty() ? "" : " ") + line.substr(start);
    if (const std::size_t end = title.find(". "); end != std::string::npos) return title.substr(0, end + 1);
  }
  return title;
}

std::vector<rules_file> load_rules_files(const std::filesystem::path& folder) {
  std::vector<rules_file> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
    const std::string text = read_text(entry.path());
    std::ostringstream json;
    json << toml::json_formatter{toml::parse(text, entry.path().string())};
    auto name = std::filesystem::relative(entry.path(), folder).replace_extension().generic_string();
    files.push_back({std::move(name), title_of(text), nlohmann::json::parse(json.str()).dump()});
  }
  std::sort(files.begin(), files.end(), [](const rules_file& a, const rules_file& b) { return a.name < b.name; });
  return files;
}

}  // namespace

std::unique_ptr<app_state> load_app_state(const app::data_folders& folders, const web_folders& web) {
  auto state = std::make_unique<app_state>();
  app::load_app_context(*state, folders);
  state->rules_files = load_rules_files(folders.rules);

  const auto web_keys = i18n::message_ids(folders.locale, "en", "web.");
  for (const std::string& lang : i18n::supported_languages()) {
    const i18n::catalog& words = state->words(lang);
    nlohmann::json texts = nlohmann::json::object();
    for (const std::string& key : web_keys) texts[key] = words.get(key);
    state->texts_json[lang] = nlohmann::json{{"lang", lang}, {"texts", texts}}.dump();
  }

  state->openapi_json = read_text(web.openapi);
  if (!nlohmann::json::accept(state->openapi_json)) throw std::runtime_error(web.openapi.string() + " is not valid JSON");
  state->web.load(web.web);
  // Without the engine the page still works: it asks the server for every answer.
  state->web.add_folder(web.engine, "/static/wasm/");
  return state;
}

}  // namespace boravak::server
