// Polling, the webhook and the reminder sender (see bot_runner.h).
#include "bot_runner.h"

#include <thread>

#include <spdlog/spdlog.h>

#include "store/utc_time.h"
#include "telegram_client.h"
#include "telegram_setup.h"
#include "reminder_text.h"
#include "webhook_worker.h"

namespace boravak::bot {

void handle_update(const app::app_context& app, dialog_engine& engine, telegram_client& client, const nlohmann::json& update) {
  incoming in;
  if (!read_update(update, in)) return;
  for (const outgoing& out : engine.handle(in, app.today(), store::utc_text(app.now->now()))) deliver(client, in.chat_id, out);
}

namespace {

}  // namespace

namespace {

// The field as text, or "" when it is missing or of another type: updates are outside input.
std::string text_field(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return {};
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const nlohmann::json* object_field(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(name);
  return it != object.end() && it->is_object() ? &*it : nullptr;
}

}  // namespace

bool read_update(const nlohmann::json& u, incoming& out) {
  const nlohmann::json* message = nullptr;
  const nlohmann::json* from = nullptr;
  if (const nlohmann::json* q = object_field(u, "callback_query")) {
    message = object_field(*q, "message");
    from = object_field(*q, "from");
    out.callback_id = text_field(*q, "id");
    out.callback_data = text_field(*q, "data");
    if (out.callback_data.empty()) return false;
  } else if ((message = object_field(u, "message")) != nullptr) {
    from = object_field(*message, "from");
    out.text = text_field(*message, "text");
    if (out.text.empty()) return false;  // stickers, photos: nothing to answer
  }
  if (message == nullptr) return false;
  out.language_code = from ? text_field(*from, "language_code") : std::string();
  const nlohmann::json* chat = object_field(*message, "chat");
  if (chat == nullptr || !chat->contains("id") || !(*chat)["id"].is_number_integer()) return false;
  out.chat_id = (*chat)["id"].get<std::int64_t>();
  // Telegram always says the type; an update without one is treated as the safer kind, a group.
  out.chat_type = text_field(*chat, "type");
  if (out.chat_type.empty()) out.chat_type = "group";
  if (!out.callback_id.empty() && message->contains("message_id") && (*message)["message_id"].is_number_integer())
    out.message_id = (*message)["message_id"].get<std::int64_t>();
  return true;
}

int run_polling(app::app_context& app, const telegram_settings& telegram, const engine_options& options, std::atomic<bool>& stop) {
  telegram_client client(telegram.api_base, telegram.token);
  client.cancel_when(&stop);  // SIGTERM ends the long poll at once
  if (!prepare_bot(client, app, true, stop)) return stop ? 0 : 2;
  engine_options named = options;
  named.bot_username = known_bot_username();
  dialog_engine engine(app, named);
  std::int64_t offset = 0;
  int failures = 0;
  spdlog::info("polling Telegram for updates");
  while (!stop) {
    const api_answer a = client.call("getUpdates",
                                     {{"offset", offset}, {"timeout", telegram.poll_seconds}, {"allowed_updates", {"message", "callback_query"}}},
                                     std::chrono::seconds(telegram.poll_seconds + 10));
    if (stop) break;
    if (!a.ok()) {
      if (a.status == 401 || a.status == 404) {
        spdlog::error("the Bot API at {} refused the token (status {}): check BORAVAK_TELEGRAM_TOKEN or --token-file",
                      client.base_url(), a.status);
        return 2;
      }
      const int wait = a.status == 429 ? a.retry_after() : std::min(30, 1 << std::min(failures++, 5));
      if (a.status == 409) {
        // Telegram's description says which: a webhook set again, or another poller.
        const std::string why = a.body.value("description", "");
        if (why.find("webhook") != std::string::npos) {
          spdlog::warn("a webhook blocks polling: removing it (deleteWebhook)");
          (void)client.call("deleteWebhook", {{"drop_pending_updates", false}}, std::chrono::seconds(10));
        } else {
          spdlog::error("another program is polling with this bot's token (409); only one may: stop the other one");
        }
      } else if (a.status == 0) {
        spdlog::error("cannot reach the Bot API at {}; trying again in {} s", client.base_url(), wait);
      } else if (a.status != 429) {
        spdlog::error("getUpdates failed with status {}; trying again in {} s", a.status, wait);
      }
      for (int i = 0; i < wait * 10 && !stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    failures = 0;
    for (const nlohmann::json& update : a.body["result"]) {
      offset = std::max(offset, update.value("update_id", std::int64_t{0}) + 1);
      try {
        handle_update(app, engine, client, update);
      } catch (const std::exception& e) {
        spdlog::error("an update failed: {}", e.what());  // never the update itself: it holds the person's words
      }
    }
  }
  return 0;
}

int send_due_reminders_once(app::app_context& app, telegram_client& client, int limit) {
  const std::string now = store::utc_text(app.now->now());
  return app.store->send_due_reminders(now, limit, [&](const store::reminder_job& job) {
    const auto chat = app.store->find_chat(job.chat_id);
    if (!chat) return store::send_result{store::send_result::outcome::give_up, {}};
    // The words are chosen now, for the day in Belgrade on which the reminder arrives.
    const auto words = reminder_message(job, belgrade_day_of(store::utc_text(app.now->now())), app.words(chat->lang));
    if (!words) return store::send_result{store::send_result::outcome::skipped, {}};
    const outgoing message{outgoing::kind::message, *words, {}, {}, {}, {}, {}};
    switch (deliver(client, job.chat_id, message)) {
      case delivery::delivered:
        return store::send_result{store::send_result::outcome::sent, {}};
      case delivery::refused:
        return store::send_result{store::send_result::outcome::give_up, {}};
      case delivery::failed:
        break;
    }
    // Back off: 1, 2, 4 … minutes, at most an hour.
    const long long wait = std::min(3600LL, 60LL << std::min(job.attempts, 6));
    return store::send_result{store::send_result::outcome::retry, store::utc_text(app.now->now() + std::chrono::seconds(wait))};
  });
}

void reminder_planner::plan_changed(app::app_context& app, const reminder_options& options) {
  const std::string now = store::utc_text(app.now->now());
  const date today = belgrade_day_of(now);
  std::map<std::int64_t, planned_from> seen;
  for (const store::linked_chat& linked : app.store->linked_chats()) {
    const auto version = app.store->profile_version(linked.profile_id);
    if (!version) continue;
    const planned_from now_from{linked.profile_id, *version, today};
    const auto before = planned_.find(linked.chat_id);
    if (before == planned_.end() || !(before->second == now_from)) {
      if (const auto chat = app.store->find_chat(linked.chat_id))
        app.store->schedule_reminders(chat->chat_id, plan_reminders(app, *chat, today, now, options));
    }
    seen.emplace(linked.chat_id, now_from);
  }
  planned_ = std::move(seen);
}

void run_reminder_sender(app::app_context& app, const telegram_settings& telegram, const reminder_options& options,
                         std::atomic<bool>& stop) {
  telegram_client client(telegram.api_base, telegram.token);
  reminder_planner planner;
  while (!stop) {
    try {
      planner.plan_changed(app, options);
      while (!stop && send_due_reminders_once(app, client, telegram.reminders_per_round) == telegram.reminders_per_round) {
      }
    } catch (const std::exception& e) {
      spdlog::error("sending reminders failed: {}", e.what());
    }
    for (int i = 0; i < telegram.reminder_every_seconds * 10 && !stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void run_webhook_companion(app::app_context& app, const telegram_settings& telegram, const engine_options& options,
                           std::atomic<bool>& stop) {
  {
    telegram_client client(telegram.api_base, telegram.token);
    client.cancel_when(&stop);
    if (!prepare_bot(client, app, false, stop)) {
      webhook_worker::stop_shared();
      return;
    }
  }
  run_reminder_sender(app, telegram, options.reminders, stop);
  webhook_worker::stop_shared();
}

bool handle_webhook_update(app::app_context& app, const telegram_settings& telegram, const engine_options& options,
                           const std::string& body) {
  const nlohmann::json update = nlohmann::json::parse(body, nullptr, false);
  if (!update.is_object()) return false;
  // Telegram resends an update it thinks was not taken, and instances sharing a database each
  // see what their webhook is given: the store lets exactly one of them handle each update_id.
  const auto id = update.find("update_id");
  if (id != update.end() && id->is_number_integer() && !app.store->claim_update(id->get<std::int64_t>(), store::utc_text(app.now->now())))
    return true;
  if (const auto worker = webhook_worker::shared(app, telegram, options)) {
    worker->take(update);
  } else {  // stopping: handled here, as the worker is gone
    engine_options named = options;
    named.bot_username = known_bot_username();
    dialog_engine engine(app, named);
    telegram_client client(telegram.api_base, telegram.token);
    handle_update(app, engine, client, update);
  }
  return true;
}

}  // namespace boravak::bot
