// The Telegram Bot API over HTTPS with libcurl. The base URL is configurable: Telegram's own
// (https://api.telegram.org), a self-hosted Bot API server, or the fake one in the tests. The
// token is part of every URL, so URLs are never logged; errors name the method only.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bot_message.h"

namespace boravak::bot {

struct api_answer {
  long status = 0;        // HTTP status; 0 when the server could not be reached
  nlohmann::json body;    // Telegram's {"ok", "result" | "description", "parameters"}
  bool ok() const { return status == 200 && body.value("ok", false); }
  // Seconds Telegram asks us to wait (429), else 0.
  int retry_after() const;
};

class telegram_client {
 public:
  telegram_client(std::string base_url, std::string token);
  ~telegram_client();
  telegram_client(const telegram_client&) = delete;
  telegram_client& operator=(const telegram_client&) = delete;

  api_answer call(std::string_view method, const nlohmann::json& params, std::chrono::seconds timeout = std::chrono::seconds(30));
  // From now on a call in progress (a 25-second long poll) ends within a second once `*stop`
  // is set, answering status 0, so SIGTERM stops the bot at once.
  void cancel_when(const std::atomic<bool>* stop) { stop_ = stop; }
  // The Bot API's address without the token, for log lines.
  const std::string& base_url() const { return base_url_; }
  // sendDocument / sendPhoto: the file as multipart form data.
  api_answer upload(std::string_view method, const nlohmann::json& params, std::string_view field, const std::string& file_name,
                    const std::string& bytes, const std::string& mime_type);

 private:
  std::string url(std::string_view method) const;
  std::string base_url_;
  std::string token_;
  void* curl_;  // CURL*, one handle reused (keeps the connection alive)
  const std::atomic<bool>* stop_ = nullptr;
};

// Sends one outgoing to a chat, retrying network and server errors with backoff and honouring
// a 429's retry_after. Long messages are split at paragraph breaks under Telegram's limit.
enum class delivery {
  delivered,
  refused,  // 4xx other than 429: the chat is gone or blocked the bot; trying again cannot help
  failed,   // the network or Telegram kept failing; worth another try later
};
delivery deliver(telegram_client& client, std::int64_t chat_id, const outgoing& out);

}  // namespace boravak::bot
