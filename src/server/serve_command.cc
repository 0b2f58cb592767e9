// `boravak serve` (see serve_command.h).
#include "serve_command.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "app_setup.h"

namespace boravak::server {
CLI::App* add_serve_command(CLI::App& app, serve_options& o) {
  CLI::App* serve = app.add_subcommand("serve", "the web app and the JSON API (docs/api.md)");
  serve->add_option("--listen", o.server.listen, "HOST:PORT to listen on (port 0 picks a free one)");
  serve->add_option("--db", o.db, "sqlite:PATH or postgresql://USER@HOST:PORT/DB (default: SQLite in $BORAVAK_DATA)");
  serve->add_option("--web", o.web_dir, "folder with the web page (default: web/ beside the rules)");
  serve->add_option("--threads", o.server.threads, "I/O threads (default: one per core)");
  serve->add_option("--rate-limit", o.server.rate_limit, "requests a second per client address, also the burst; 0: no limit");
  serve->add_option("--header-timeout", o.server.header_timeout_seconds, "seconds a client has to send its request line and headers");
  serve->add_option("--body-timeout", o.server.body_timeout_seconds, "seconds a client has to send each part of its body");
  serve->add_flag("--access-log", o.server.access_log, "log method, route, status and time of each request (never paths or bodies)");
  serve->add_flag("--print-routes", o.print_routes, "print the API's routes and exit");
  serve->add_flag("--telegram-webhook", o.telegram_webhook,
                  "also take the Telegram bot's updates at POST /telegram/webhook and send its reminders");
  serve->add_option("--webhook-secret-file", o.bot.webhook_secret_file,
                    "file holding the webhook's secret token (else $BORAVAK_TELEGRAM_WEBHOOK_SECRET)");
  bot::add_telegram_options(serve, o.bot);
  return serve;
}

int run_serve_command(const serve_options& o, const std::string& rules_dir) {
  log_to_stderr();
  router routes = make_api_router();
  if (o.print_routes) {
    for (const std::string& line : routes.listing()) std::cout << line << "\n";
    return 0;
  }
  bot::bot_options bot_options = o.bot;
  if (o.telegram_webhook) {
    if (const std::string problem = bot::finish_bot_options(bot_options, true); !problem.empty()) {
      spdlog::error("boravak serve --telegram-webhook: {}", problem);
      return 2;
    }
    bot::add_webhook_route(routes, bot_options.telegram, bot_options.engine);
  }
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<app_state> app = open_app(o.db, rules_dir, o.web_dir);
  if (!app) return 3;
  const auto ready = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  spdlog::info("loaded rules, {} guides, {} web files in {} ms", app->guides.size(), app->web.size(), ready.count());
  std::atomic<bool> stop{false};
  std::thread reminders;
  if (o.telegram_webhook) reminders = std::thread([&] { bot::run_reminder_sender(*app, bot_options.telegram, stop); });
  const int code = serve(*app, routes, o.server);
  stop = true;
  if (reminders.joinable()) reminders.join();
  return code;
}

}  // namespace boravak::server
