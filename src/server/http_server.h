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
  double rate_limit = 100;           // requests a second per client address; 0 = no limit
  int header_timeout_seconds = 15;   // also how long an idle keep-alive connection stays open
  int body_timeout_seconds = 30;
  bool access_log = false;           // method, route pattern, status, time: never paths or bodies
  std::string language = "en";       // answers' language when neither ?lang= nor Accept-Language says
};

// Serves until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish (up to
// 10 seconds) and returns 0. Returns 1 when the address cannot be bound.
int serve(app_state& app, const router& routes, const server_options& options);

}  // namespace boravak::server
