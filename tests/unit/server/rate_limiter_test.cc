// The per-address token bucket: a burst, then refusals with a wait, then refill over time;
// addresses do not share a bucket.
#include <gtest/gtest.h>

#include "server/rate_limiter.h"

namespace boravak::server {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiter, AllowsABurstThenAsksToWait) {
  rate_limiter limiter(5, 5);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  int wait = 0;
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.allow("10.0.0.1", t0, wait)) << i;
  EXPECT_FALSE(limiter.allow("10.0.0.1", t0, wait));
  EXPECT_EQ(wait, 1);
  EXPECT_TRUE(limiter.allow("10.0.0.2", t0, wait));  // another address has its own bucket
}

TEST(RateLimiter, RefillsAtItsRate) {
  rate_limiter limiter(2, 2);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  int wait = 0;
  EXPECT_TRUE(limiter.allow("a", t0, wait));
  EXPECT_TRUE(limiter.allow("a", t0, wait));
  EXPECT_FALSE(limiter.allow("a", t0 + 499ms, wait));
  EXPECT_TRUE(limiter.allow("a", t0 + 600ms, wait));   // 0.6 s at 2 a second: 1.2 tokens
  EXPECT_FALSE(limiter.allow("a", t0 + 600ms, wait));  // 0.2 left
}

TEST(RateLimiter, ZeroMeansNoLimit) {
  rate_limiter limiter(0, 0);
  int wait = 0;
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.allow("a", rate_limiter::clock::now(), wait));
}

}  // namespace
}  // namespace boravak::server
