// The webhook's worker (see webhook_worker.h).
#include "webhook_worker.h"

#include <spdlog/spdlog.h>

#include "telegram_client.h"
#include "telegram_setup.h"

namespace boravak::bot {

webhook_worker::webhook_worker(app::app_context& app, telegram_settings telegram, engine_options options)
    : app_(app), telegram_(std::move(telegram)), options_(std::move(options)), thread_([this] { run(); }) {}

webhook_worker::~webhook_worker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void webhook_worker::take(nlohmann::json update, std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  const std::uint64_t mine = ++queued_;
  queue_.emplace_back(mine, std::move(update));
  changed_.notify_all();
  changed_.wait_for(lock, patience, [&] { return done_ >= mine || stopping_; });
}

void webhook_worker::run() {
  telegram_client client(telegram_.api_base, telegram_.token);
  std::chrono::steady_clock::time_point give_up_at = std::chrono::steady_clock::time_point::max();
  for (;;) {
    std::pair<std::uint64_t, nlohmann::json> next;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_ && give_up_at == std::chrono::steady_clock::time_point::max())
        give_up_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
      if (queue_.empty()) return;
      if (std::chrono::steady_clock::now() >= give_up_at) {
        spdlog::error("stopping with {} webhook updates not handled", queue_.size());
        return;
      }
      next = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      // The bot's name is learnt at start (getMe), perhaps after this worker was made.
      engine_options options = options_;
      if (options.bot_username.empty()) options.bot_username = known_bot_username();
      dialog_engine engine(app_, options);
      handle_update(app_, engine, client, next.second);
    } catch (const std::exception& e) {
      spdlog::error("an update failed: {}", e.what());  // never the update itself: it holds the person's words
    }
    {
      std::lock_guard lock(mutex_);
      done_ = next.first;
    }
    changed_.notify_all();
  }
}

namespace {
std::mutex shared_mutex;
std::shared_ptr<webhook_worker> shared_worker;
bool shared_stopped = false;
}  // namespace

std::shared_ptr<webhook_worker> webhook_worker::shared(app::app_context& app, const telegram_settings& telegram, const engine_options& options) {
  std::lock_guard lock(shared_mutex);
  if (!shared_worker && !shared_stopped) shared_worker = std::make_shared<webhook_worker>(app, telegram, options);
  return shared_worker;
}

void webhook_worker::stop_shared() {
  std::shared_ptr<webhook_worker> ending;
  {
    std::lock_guard lock(shared_mutex);
    shared_stopped = true;
    ending = std::move(shared_worker);
  }
  ending.reset();
}

}  // namespace boravak::bot
