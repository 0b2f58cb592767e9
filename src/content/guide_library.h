// Topic guides: short articles kept as data (guides/*.toml list the keys, the catalogs
// hold the words). guide_search.h finds them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "boravak/rule_set.h"
#include "i18n/catalog.h"

namespace boravak::content {

struct guide {
  std::string id;
  std::string title_key;
  std::vector<std::string> paragraph_keys;
  std::string keywords_key;
  std::vector<std::string> rules;  // rules files behind it (paths under rules/)
  std::vector<citation> sources;
};

// Reads every guides/*.toml, which sit beside the rules folder (<rules>/../guides/), with the
// rules loader's checks. Throws rules_loader::rules_error naming the file and line.
std::vector<guide> load_guides(const std::filesystem::path& rules_directory);

struct guide_hit {
  const guide* topic = nullptr;
  int score = 0;
};

}  // namespace boravak::content
