// GET /v1/profile's answer, kept while the profile is unchanged. One profile read again and
// again (a page that polls, a script, an attacker with its secret) would otherwise rebuild a few
// hundred kilobytes of JSON each time and take the CPU from everyone else. Each request still
// checks the secret and reads the profile's version from the store (profile_store.h), which
// every change raises on every instance sharing the database, so an answer is never stale.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace boravak::server {

class profile_json_cache {
 public:
  static constexpr std::size_t kMostEntries = 256;

  // The kept answer for this version of the profile, if any.
  std::optional<std::string> find(std::int64_t profile, std::int64_t version);
  void keep(std::int64_t profile, std::int64_t version, std::string json);

 private:
  struct entry {
    std::int64_t version = 0;
    std::string json;
  };
  std::mutex mutex_;
  std::unordered_map<std::int64_t, entry> entries_;
};

}  // namespace boravak::server
