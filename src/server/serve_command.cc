// `boravak serve` (see serve_command.h).
#include "serve_command.h"

#include <chrono>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/app_setup.h"
#include "app/profile_service.h"
#include "app_setup.h"
#include "store/utc_time.h"

namespace boravak::server {
namespace {

void add_hosted_route(router& routes, const hosted_endpoint& endpoint) {
  // The session proves the secret (server_options::webhook_secret) before it reads the body, so
  // the route only ever sees proven requests.
  routes.add({"POST", endpoint.path, route_kind::store, 1024 * 1024, [endpoint](app_state& app, const api_request& r) {
                if (!endpoint.handle(app, std::string(r.body))) throw request_error{400, "invalid_json", {"api.error.webhook_body", {}}, ""};
                return json_answer("{\"ok\":true}");
              }});
}

// The retention rule (docs/deploy.md): every hour, profiles unused for `days` and expired
// link codes are removed. Only counts are logged.
void keep_retention(app_state& app, int days, const std::atomic<bool>& stop) {
  using namespace std::chrono;
  auto next = steady_clock::now() + seconds(5);
  while (!stop) {
    if (steady_clock::now() >= next) {
      try {
        const auto swept = app::profile_service(app).sweep_unused(days);
        if (swept.profiles > 0 || swept.link_codes > 0)
          spdlog::info("retention: removed {} profiles unused for {} days and {} expired link codes", swept.profiles, days,
                       swept.link_codes);
        // An agency's clients not changed for as long go too (docs/contracts/agency-api.md).
        const auto before = store::utc_text(app.now->now() - std::chrono::days(days));
        if (const auto clients = app.store->sweep_agency_clients(before); clients > 0)
          spdlog::info("retention: removed {} agency clients not changed for {} days", clients, days);
      } catch (const std::exception&) {
        spdlog::warn("retention: the store failed; trying again in an hour");
      }
      next = steady_clock::now() + hours(1);
    }
    std::this_thread::sleep_for(milliseconds(200));
  }
}

}  // namespace

CLI::App* add_serve_command(CLI::App& app, serve_options& o) {
  CLI::App* serve = app.add_subcommand("serve", "the web app and the JSON API (docs/api.md)");
  serve->add_option("--listen", o.server.listen, "HOST:PORT to listen on (port 0 picks a free one)");
  serve->add_option("--db", o.db, "sqlite:PATH or postgresql://USER@HOST:PORT/DB (default: SQLite in $BORAVAK_DATA)");
  serve->add_option("--web", o.web_dir, "folder with the web page (default: web/ beside the rules)");
  serve->add_option("--threads", o.server.threads, "I/O threads (default: one per core)");
  serve->add_option("--store-threads", o.server.store_threads,
                    "threads for database work, and the PostgreSQL pool's connections (default 4)")
      ->check(CLI::Range(1, 256));
  serve->add_option("--rate-limit", o.server.rate_limit, "requests a second per client address, also the burst; 0: no limit");
  serve->add_option("--header-timeout", o.server.header_timeout_seconds, "seconds a client has to send its request line and headers");
  serve->add_option("--body-timeout", o.server.body_timeout_seconds,
                    "seconds a client has to send a whole body (for a batch: the longest pause)");
  serve->add_option("--batch-deadline", o.server.batch_deadline_seconds, "seconds a whole batch body may take");
  serve->add_option("--max-connections", o.server.max_connections,
                    "open connections at most; when full, the slowest is closed (default: the file descriptor limit minus 48)");
  serve->add_option("--max-connections-per-client", o.server.max_connections_per_client,
                    "open connections at most from one IPv4 address or IPv6 /64");
  serve->add_option("--trusted-proxy", o.server.trusted_proxy,
                    "CIDR of a reverse proxy (e.g. 127.0.0.1/32): its X-Forwarded-For names the client (docs/deploy.md)");
  serve->add_option("--retention-days", o.retention_days,
                    "remove profiles unused for this many days, and expired link codes, every hour; 0: keep everything")
      ->check(CLI::Range(0, 36500));
  serve->add_flag("--access-log", o.server.access_log, "log method, route, status and time of each request (never paths or bodies)");
  serve->add_flag("--print-routes", o.print_routes, "print the API's routes and exit");
  return serve;
}

int run_serve_command(const serve_options& o, const std::string& rules_dir, const serve_extras& extras) {
  app::log_to_stderr();
  router routes = make_api_router();
  server_options server = o.server;
  if (extras.endpoint) {
    add_hosted_route(routes, *extras.endpoint);
    server.webhook_path = extras.endpoint->path;
    server.webhook_secret = extras.endpoint->secret;
  }
  if (o.print_routes) {
    for (const std::string& line : routes.listing()) std::cout << line << "\n";
    return 0;
  }
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<app_state> app = open_app(o.db, rules_dir, o.web_dir, o.server.store_threads);
  if (!app) return 3;
  const auto ready = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  spdlog::info("loaded rules, {} guides, {} web files in {} ms", app->guides.size(), app->web.size(), ready.count());
  std::atomic<bool> stop{false};
  std::thread beside;
  if (extras.background) beside = std::thread([&] { extras.background(*app, stop); });
  std::thread retention;
  if (o.retention_days > 0) retention = std::thread([&] { keep_retention(*app, o.retention_days, stop); });
  const int code = serve(*app, routes, server);
  stop = true;
  if (beside.joinable()) beside.join();
  if (retention.joinable()) retention.join();
  return code;
}

}  // namespace boravak::server
