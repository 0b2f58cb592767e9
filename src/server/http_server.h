// `boravak serve`'s HTTP server: Boost.Beast over Asio, one coroutine per connection, on as
// many threads as the machine has cores. Work that waits on the database runs on a separate
// pool, so a slow disk never stalls the stay checks.
#pragma once

#include <string>

#include "app_state.h"
#include "router.h"

namespace boravak::server {

struct server_options {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;                   // 0: one per core
  int store_threads = 4;
  double rate_limit = 100;           // requests a second per client (client_address.h); 0 = no limit
  int header_timeout_seconds = 15;   // for a request's line and headers, also how long an idle
                                     // keep-alive connection stays open
  int body_timeout_seconds = 30;     // for a whole body; for the batch, the longest pause
  int batch_deadline_seconds = 900;  // a whole batch body, however it trickles
  std::size_t batch_min_bytes_per_second = 4096;  // after the first 10 seconds of a batch
  std::size_t max_connections = 0;   // 0: the file descriptor limit minus a reserve
  std::size_t max_connections_per_client = 64;
  std::string trusted_proxy;         // CIDR of a reverse proxy whose X-Forwarded-For we believe
  std::string webhook_path;          // the hosted webhook: its secret is checked before its body
  std::string webhook_secret;        // is read, and it alone skips the per-client rate limit
  bool access_log = false;           // method, route pattern, status, time: never paths or bodies
  std::string language = "en";       // answers' language when neither ?lang= nor Accept-Language says
};

// The connection cap when none is given: RLIMIT_NOFILE minus what the store, the logs and the
// listening socket need, and never below 16.
std::size_t default_max_connections();

// Serves until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish (up to
// 10 seconds) and returns 0. Returns 1 when the address cannot be bound.
int serve(app_state& app, const router& routes, const server_options& options);

}  // namespace boravak::server
