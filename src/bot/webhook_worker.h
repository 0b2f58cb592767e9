// Handling webhook updates off the HTTP request: Telegram wants a quick answer and resends an
// update whose answer is slow. One worker thread handles the updates in the order they came,
// so a chat's messages are answered in order; its replies go out through the Bot API, never in
// the webhook's answer. The request waits for its update up to a second, then answers anyway
// while the worker goes on (a permit plan with slips can take longer).
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "bot_runner.h"

namespace boravak::bot {

class webhook_worker {
 public:
  webhook_worker(app::app_context& app, telegram_settings telegram, engine_options options);
  // Finishes the updates already taken for up to a second and a half (a stop must end within
  // two), then logs how many it could not handle.
  ~webhook_worker();
  webhook_worker(const webhook_worker&) = delete;
  webhook_worker& operator=(const webhook_worker&) = delete;

  // Queues the update and waits until it is handled or `patience` has passed.
  void take(nlohmann::json update, std::chrono::milliseconds patience = std::chrono::seconds(1));

  // The process's worker, made on first use with these settings; nothing once stopped.
  static std::shared_ptr<webhook_worker> shared(app::app_context& app, const telegram_settings& telegram, const engine_options& options);
  // Ends the process's worker before the application it uses goes away.
  static void stop_shared();

 private:
  void run();

  app::app_context& app_;
  telegram_settings telegram_;
  engine_options options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::uint64_t, nlohmann::json>> queue_;
  std::uint64_t queued_ = 0;
  std::uint64_t done_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace boravak::bot
