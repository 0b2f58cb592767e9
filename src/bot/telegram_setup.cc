// The bot's start-up with the Bot API (see telegram_setup.h).
#include "telegram_setup.h"

#include <mutex>

#include <spdlog/spdlog.h>

#include <thread>

namespace boravak::bot {
namespace {

// Telegram's language_code for each of our languages; Serbian Cyrillic is Telegram's plain "sr"
// (language_for() in dialog_engine.cc reads it the same way), Latin has no code of its own.
struct menu_language {
  const char* lang;
  const char* telegram_code;  // empty: the default menu
};
constexpr menu_language kMenus[] = {{"en", ""}, {"ru", "ru"}, {"uk", "uk"}, {"sr-Cyrl", "sr"}};

void wait_unless_stopped(int seconds, const std::atomic<bool>& stop) {
  for (int i = 0; i < seconds * 10 && !stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

}  // namespace

const std::vector<std::string>& menu_commands() {
  static const std::vector<std::string> kCommands{"status", "in",       "out",    "trip",  "filed",  "plan",   "permit", "deadlines",
                                                  "remind", "guide",  "language", "link",   "webcode", "export", "delete", "help",   "cancel"};
  return kCommands;
}

void publish_commands(telegram_client& client, const app::app_context& app) {
  for (const menu_language& m : kMenus) {
    const i18n::catalog& words = app.words(m.lang);
    nlohmann::json commands = nlohmann::json::array();
    for (const std::string& name : menu_commands()) commands.push_back({{"command", name}, {"description", words.get("bot.command." + name)}});
    nlohmann::json params{{"commands", commands}};
    if (*m.telegram_code) params["language_code"] = m.telegram_code;
    const api_answer a = client.call("setMyCommands", params, std::chrono::seconds(10));
    if (!a.ok()) spdlog::warn("the Bot API did not take the {} commands menu (status {})", m.lang, a.status);
  }
}

namespace {
std::mutex username_mutex;
std::string username;
}  // namespace

std::string known_bot_username() {
  std::lock_guard lock(username_mutex);
  return username;
}

bool prepare_bot(telegram_client& client, const app::app_context& app, bool polling, const std::atomic<bool>& stop) {
  for (int failures = 0; !stop; ++failures) {
    const api_answer me = client.call("getMe", nlohmann::json::object(), std::chrono::seconds(10));
    if (me.ok()) {
      const std::string name = me.body["result"].is_object() ? me.body["result"].value("username", "") : std::string();
      spdlog::info("connected to the Bot API at {} as @{}", client.base_url(), name.empty() ? "?" : name);
      {
        std::lock_guard lock(username_mutex);
        username = name;
      }
      break;
    }
    // 401 is Telegram's answer to a wrong token. A server that does not know getMe (404: a
    // minimal self-hosted or test server) is not a reason to stop: polling will tell.
    if (me.status == 404) {
      spdlog::warn("the Bot API at {} does not answer getMe (404); going on without the bot's name", client.base_url());
      break;
    }
    if (me.status == 401) {
      spdlog::error("the Bot API at {} refused the token (status {}): check BORAVAK_TELEGRAM_TOKEN or --token-file",
                    client.base_url(), me.status);
      return false;
    }
    const int wait = std::min(60, 1 << std::min(failures, 6));
    if (me.status == 0)
      spdlog::error("cannot reach the Bot API at {} (no answer); trying again in {} s: check --telegram-api and the network",
                    client.base_url(), wait);
    else
      spdlog::error("the Bot API at {} answered getMe with status {}; trying again in {} s", client.base_url(), me.status, wait);
    wait_unless_stopped(wait, stop);
  }
  if (stop) return false;
  publish_commands(client, app);
  if (polling) {
    // A webhook left registered makes every getUpdates fail with 409.
    const api_answer info = client.call("getWebhookInfo", nlohmann::json::object(), std::chrono::seconds(10));
    if (info.ok() && !info.body["result"].value("url", "").empty()) {
      spdlog::warn("a webhook is registered for this bot, which blocks polling: removing it (deleteWebhook)");
      const api_answer removed = client.call("deleteWebhook", {{"drop_pending_updates", false}}, std::chrono::seconds(10));
      if (!removed.ok()) spdlog::error("deleteWebhook failed (status {}); polling will fail until the webhook is removed", removed.status);
    }
  }
  return true;
}

}  // namespace boravak::bot
