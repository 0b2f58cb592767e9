// The cache of profile answers (see profile_json_cache.h).
#include "profile_json_cache.h"

namespace boravak::server {

std::optional<std::string> profile_json_cache::find(const std::string& secret_hash, std::int64_t profile, std::int64_t version) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(secret_hash);
  if (it == entries_.end() || it->second.profile != profile || it->second.version != version) return std::nullopt;
  return it->second.json;
}

void profile_json_cache::keep(const std::string& secret_hash, std::int64_t profile, std::int64_t version, std::string json) {
  std::lock_guard lock(mutex_);
  // Bounded; when full it starts again: it is only a cache.
  if (entries_.size() >= kMostEntries && !entries_.contains(secret_hash)) entries_.clear();
  entries_[secret_hash] = {profile, version, std::move(json)};
}

}  // namespace boravak::server
