// `boravak bot` (see bot_command.h).
#include "bot_command.h"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/app_setup.h"

namespace boravak::bot {
namespace {

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) { stop_requested = true; }

std::string secret_from(const char* variable, const std::string& file) {
  if (const char* v = std::getenv(variable); v && *v) return v;
  if (file.empty()) return {};
  std::ifstream in(file);
  std::string value;
  std::getline(in, value);
  while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
  return value;
}

}  // namespace

void add_telegram_options(CLI::App* c, bot_options& o) {
  c->add_option("--telegram-api", o.telegram.api_base, "the Bot API's address: Telegram's, or a self-hosted Bot API server");
  c->add_option("--token-file", o.token_file, "file holding the bot's token (else $BORAVAK_TELEGRAM_TOKEN)");
  c->add_option("--remind-days", o.engine.reminders.default_lead_days,
                "days before each deadline to remind, besides the day itself, for people who chose none (default 60 30 15 10 5)");
  c->add_option("--remind-hour", o.engine.reminders.send_hour, "local hour (Belgrade) for reminders about a day");
  c->add_option("--quiet-hours", o.quiet_hours, "no reminders between these local hours, e.g. 22-8");
  c->add_option("--reminder-every", o.telegram.reminder_every_seconds, "seconds between looks for due reminders");

}

CLI::App* add_bot_command(CLI::App& app, bot_options& o) {
  CLI::App* bot = app.add_subcommand("bot", "the Telegram bot, with long polling (the webhook is `boravak serve --telegram-webhook`)");
  bot->add_option("--db", o.db, "sqlite:PATH or postgresql://… (default: SQLite in $BORAVAK_DATA)");
  bot->add_option("--poll-seconds", o.telegram.poll_seconds, "how long each getUpdates call waits for news");
  bot->add_option("--now", o.now, "start the clock at this moment, e.g. 2026-12-05T23:59:00+01:00, then run at real speed "
                                   "(else $BORAVAK_NOW; for tests)");
  add_telegram_options(bot, o);
  return bot;
}

std::string finish_bot_options(bot_options& o, bool webhook) {
  if (o.now.empty()) {
    if (const char* now = std::getenv("BORAVAK_NOW"); now && *now) o.now = now;
  }
  o.telegram.token = secret_from("BORAVAK_TELEGRAM_TOKEN", o.token_file);
  if (o.telegram.token.empty()) return "no bot token: set BORAVAK_TELEGRAM_TOKEN or give --token-file";
  if (webhook) {
    o.telegram.webhook_secret = secret_from("BORAVAK_TELEGRAM_WEBHOOK_SECRET", o.webhook_secret_file);
    if (o.telegram.webhook_secret.size() < 16)
      return "the webhook needs a secret of at least 16 characters: set BORAVAK_TELEGRAM_WEBHOOK_SECRET or give --webhook-secret-file";
  }
  const std::size_t dash = o.quiet_hours.find('-');
  try {
    if (dash == std::string::npos) throw std::invalid_argument("no dash");
    o.engine.reminders.quiet_from_hour = std::stoi(o.quiet_hours.substr(0, dash));
    o.engine.reminders.quiet_to_hour = std::stoi(o.quiet_hours.substr(dash + 1));
  } catch (const std::exception&) {
    return "--quiet-hours \"" + o.quiet_hours + "\" must be FROM-TO in whole hours, e.g. 22-8";
  }
  for (int h : {o.engine.reminders.quiet_from_hour, o.engine.reminders.quiet_to_hour, o.engine.reminders.send_hour})
    if (h < 0 || h > 23) return "hours must be from 0 to 23";
  return {};
}

int run_bot_command(bot_options o, const std::string& rules_dir) {
  app::log_to_stderr();
  if (const std::string problem = finish_bot_options(o, false); !problem.empty()) {
    spdlog::error("boravak bot: {}", problem);
    return 2;
  }
  auto app = std::make_unique<app::app_context>();
  // Before the store opens: it stamps its rows with this clock.
  if (!o.now.empty()) {
    const auto moment = app::parse_moment(o.now);
    if (!moment) {
      spdlog::error("boravak bot: --now \"{}\" must be a moment such as 2026-12-05T23:59:00+01:00", o.now);
      return 2;
    }
    app->now = std::make_unique<app::started_clock>(*moment);
  }
  if (!app::open_app_context(*app, app::default_folders(rules_dir), o.db)) return 3;
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  std::thread reminders([&] { run_reminder_sender(*app, o.telegram, o.engine.reminders, stop_requested); });
  const int code = run_polling(*app, o.telegram, o.engine, stop_requested);
  stop_requested = true;
  reminders.join();
  spdlog::info("stopped");
  return code;
}

}  // namespace boravak::bot
