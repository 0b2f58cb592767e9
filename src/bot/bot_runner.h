// Running the bot against Telegram: long polling (getUpdates) by default, or a webhook on the
// web server, which checks Telegram's secret-token header; and, beside either, the reminder
// sender, which takes due reminders from the store and sends each once.
#pragma once

#include <atomic>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "dialog_engine.h"

namespace boravak::bot {

struct telegram_settings {
  std::string api_base = "https://api.telegram.org";
  std::string token;            // from $BORAVAK_TELEGRAM_TOKEN or a file; never logged
  std::string webhook_secret;   // the X-Telegram-Bot-Api-Secret-Token Telegram sends us
  int poll_seconds = 25;        // getUpdates long-poll timeout
  int reminder_every_seconds = 15;
  int reminders_per_round = 100;
};

// The update's chat, text or button, and language; false for updates we do not handle.
bool read_update(const nlohmann::json& update, incoming& out);

// Reads one update, runs it through the dialogs and sends the answers through the Bot API.
class telegram_client;
void handle_update(const app::app_context& app, dialog_engine& engine, telegram_client& client, const nlohmann::json& update);

// Polls until `stop` is set (SIGINT/SIGTERM). Returns the process's exit code.
int run_polling(app::app_context& app, const telegram_settings& telegram, const engine_options& options, std::atomic<bool>& stop);

// Sends the reminders due now, each worded for the day it arrives on; returns how many it took.
// Used by the sender loop and tests.
int send_due_reminders_once(app::app_context& app, telegram_client& client, int limit);

// Plans the reminders of every linked chat again when its profile changed (from the web page,
// the API or another chat) or a new day began in Belgrade since it last did.
class reminder_planner {
 public:
  void plan_changed(app::app_context& app, const reminder_options& options);

 private:
  struct planned_from {
    std::int64_t profile = 0;
    std::int64_t version = 0;
    date day{};
    bool operator==(const planned_from&) const = default;
  };
  std::map<std::int64_t, planned_from> planned_;  // by chat
};

// Runs the reminder sender, with its planner, until `stop` is set.
void run_reminder_sender(app::app_context& app, const telegram_settings& telegram, const reminder_options& options,
                         std::atomic<bool>& stop);

// Beside the webhook (`boravak serve --telegram-webhook`): the commands menu at start, then the
// reminder sender, until `stop` is set; then the webhook's worker ends.
void run_webhook_companion(app::app_context& app, const telegram_settings& telegram, const engine_options& options,
                           std::atomic<bool>& stop);

// One update that Telegram posted to the webhook (`boravak serve --telegram-webhook`, which
// has checked Telegram's secret token); false when the body is not one JSON object.
bool handle_webhook_update(app::app_context& app, const telegram_settings& telegram, const engine_options& options,
                           const std::string& body);

}  // namespace boravak::bot
