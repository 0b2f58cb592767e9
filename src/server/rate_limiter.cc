// The token buckets (see rate_limiter.h).
#include "rate_limiter.h"

#include <cmath>
#include <functional>

namespace boravak::server {

bool rate_limiter::allow(const std::string& address, clock::time_point now, int& retry_after) {
  if (rate_ <= 0) return true;
  shard& s = shards_[std::hash<std::string>{}(address) % kShards];
  std::lock_guard lock(s.mutex);
  if (now - s.last_sweep > std::chrono::minutes(1)) {
    // Forget clients whose bucket has refilled: memory stays bounded by recent clients.
    std::erase_if(s.buckets, [&](const auto& entry) {
      const double seconds = std::chrono::duration<double>(now - entry.second.last).count();
      return entry.second.tokens + seconds * rate_ >= burst_;
    });
    s.last_sweep = now;
  }
  auto [it, fresh] = s.buckets.try_emplace(address, bucket{burst_, now});
  bucket& b = it->second;
  if (!fresh) {
    const double seconds = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + seconds * rate_);
    b.last = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  retry_after = static_cast<int>(std::ceil((1 - b.tokens) / rate_));
  if (retry_after < 1) retry_after = 1;
  return false;
}

}  // namespace boravak::server
