// The security counters (see security_metrics.h).
#include "security_metrics.h"

namespace boravak::server {

std::string_view security_metrics::name(security_event e) {
  switch (e) {
    case security_event::failed_authentication: return "failed_authentication";
    case security_event::rate_limited: return "rate_limited";
    case security_event::address_cap: return "address_cap";
    case security_event::connection_evicted: return "connection_evicted";
    case security_event::request_timeout: return "request_timeout";
    case security_event::body_too_large: return "body_too_large";
    case security_event::bad_framing: return "bad_framing";
    case security_event::bad_request: return "bad_request";
    case security_event::accept_failed: return "accept_failed";
  }
  return "unknown";
}

bool security_metrics::count(security_event e) {
  counts_[index(e)].fetch_add(1, std::memory_order_relaxed);
  const std::int64_t second =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  std::int64_t last = last_logged_second_[index(e)].load(std::memory_order_relaxed);
  return last != second && last_logged_second_[index(e)].compare_exchange_strong(last, second, std::memory_order_relaxed);
}

std::string security_metrics::prometheus_text() const {
  std::string out =
      "# HELP boravak_security_events_total What hostile or broken clients made the server do.\n"
      "# TYPE boravak_security_events_total counter\n";
  for (std::size_t i = 0; i < kSecurityEvents; ++i) {
    const auto e = static_cast<security_event>(i);
    out += "boravak_security_events_total{event=\"";
    out += name(e);
    out += "\"} " + std::to_string(total(e)) + "\n";
  }
  out += "# HELP boravak_open_connections Connections open now.\n# TYPE boravak_open_connections gauge\n";
  out += "boravak_open_connections " + std::to_string(open_connections.load(std::memory_order_relaxed)) + "\n";
  return out;
}

}  // namespace boravak::server
