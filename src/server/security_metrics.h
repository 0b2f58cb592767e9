// Counts of what a hostile or broken client made the server do: refused secrets, limits hit,
// connections cut. Served as Prometheus text at GET /v1/metrics, and each kind is logged at
// most once a second, with the client named only by its /24 or /48 (client_address.h) and
// never with a secret, a path or a body.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace boravak::server {

enum class security_event {
  failed_authentication,  // 401: no secret, an unknown one, a wrong webhook secret
  rate_limited,           // 429
  address_cap,            // a connection over the per-address cap, refused
  connection_evicted,     // the server was full: the idlest or slowest connection was closed
  request_timeout,        // 408: headers or a body too slow
  body_too_large,         // 413
  bad_framing,            // 400: Transfer-Encoding or Content-Length that could smuggle a request
  bad_request,            // 400: not HTTP, a malformed query escape
  accept_failed,          // accept() failed, e.g. out of file descriptors
};
inline constexpr std::size_t kSecurityEvents = 9;

class security_metrics {
 public:
  // Counts one event; returns true when it should also be logged (the first in this second).
  bool count(security_event e);
  std::uint64_t total(security_event e) const { return counts_[index(e)].load(std::memory_order_relaxed); }
  // Prometheus text exposition format, with the open connections as a gauge.
  std::string prometheus_text() const;
  std::atomic<std::size_t> open_connections{0};
  static std::string_view name(security_event e);

 private:
  static std::size_t index(security_event e) { return static_cast<std::size_t>(e); }
  std::array<std::atomic<std::uint64_t>, kSecurityEvents> counts_{};
  std::array<std::atomic<std::int64_t>, kSecurityEvents> last_logged_second_{};
};

}  // namespace boravak::server
