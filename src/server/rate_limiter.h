// A token bucket per client address: `rate` requests a second on average, bursts of `burst`.
// Sharded by address so the threads rarely meet on one lock. Addresses live in memory only,
// never in a log, and a full bucket is forgotten after a minute.
#pragma once

#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace boravak::server {

class rate_limiter {
 public:
  using clock = std::chrono::steady_clock;

  // rate 0 turns the limit off.
  rate_limiter(double rate, double burst) : rate_(rate), burst_(burst) {}

  // True when the request may go ahead; otherwise `retry_after` is the seconds to wait.
  bool allow(const std::string& address, clock::time_point now, int& retry_after);

 private:
  struct bucket {
    double tokens = 0;
    clock::time_point last;
  };
  struct shard {
    std::mutex mutex;
    std::unordered_map<std::string, bucket> buckets;
    clock::time_point last_sweep;
  };
  static constexpr std::size_t kShards = 16;

  double rate_;
  double burst_;
  std::array<shard, kShards> shards_;
};

}  // namespace boravak::server
