// GET /v1/profile's answer, kept while the profile is unchanged. One profile read again and
// again (a page that polls, a script, an attacker with its secret) would otherwise rebuild a few
// hundred kilobytes of JSON each time and take the CPU from everyone else. Each request still
// checks the secret and reads the profile's version from the store (profile_store.h), which
// every change raises on every instance sharing the database, so an answer is never stale.
// Entries are keyed by the hash of the secret that opened them, not by the profile's id alone:
// SQLite gives a deleted profile's id to the next new one, whose version climbs the same way,
// and its owner must never be handed the deleted person's answer.
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

  // The kept answer for this version of the profile opened by the secret whose hash is
  // `secret_hash` (store/secret.h), if any.
  std::optional<std::string> find(const std::string& secret_hash, std::int64_t profile, std::int64_t version);
  void keep(const std::string& secret_hash, std::int64_t profile, std::int64_t version, std::string json);

 private:
  struct entry {
    std::int64_t profile = 0;
    std::int64_t version = 0;
    std::string json;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, entry> entries_;
};

}  // namespace boravak::server
