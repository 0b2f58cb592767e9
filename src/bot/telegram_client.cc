// The Bot API client (see telegram_client.h).
#include "telegram_client.h"

#include <curl/curl.h>

#include <thread>

#include <spdlog/spdlog.h>

namespace boravak::bot {
namespace {

constexpr std::size_t kMessageLimit = 4000;  // characters; Telegram takes 4,096
constexpr int kAttempts = 5;

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

api_answer finish(CURL* curl, CURLcode code, const std::string& body) {
  api_answer a;
  if (code != CURLE_OK) return a;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
  a.body = nlohmann::json::parse(body, nullptr, false);
  if (a.body.is_discarded()) a.body = nlohmann::json::object();
  return a;
}

// Telegram counts characters, not bytes: the byte offset after `limit` characters (or the end).
std::size_t after_characters(const std::string& text, std::size_t start, std::size_t limit) {
  std::size_t i = start;
  for (std::size_t n = 0; i < text.size() && n < limit; ++n) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// Cuts a long text at paragraph (else line) breaks into pieces Telegram accepts.
std::vector<std::string> pieces(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (after_characters(text, start, kMessageLimit) < text.size()) {
    const std::size_t end = after_characters(text, start, kMessageLimit);
    std::size_t cut = text.rfind("\n\n", end);
    if (cut == std::string::npos || cut <= start) cut = text.rfind('\n', end);
    if (cut == std::string::npos || cut <= start) cut = end;
    out.push_back(text.substr(start, cut - start));
    start = cut;
    while (start < text.size() && text[start] == '\n') ++start;
  }
  out.push_back(text.substr(start));
  return out;
}

nlohmann::json inline_keyboard(const keyboard& k) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : k) {
    nlohmann::json r = nlohmann::json::array();
    for (const button& b : row) r.push_back({{"text", b.text}, {"callback_data", b.data}});
    rows.push_back(std::move(r));
  }
  return {{"inline_keyboard", rows}};
}

// libcurl asks about once a second, also while a long poll waits for news.
int cancel_on_stop(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* flag = static_cast<const std::atomic<bool>*>(stop);
  return flag != nullptr && flag->load() ? 1 : 0;
}

}  // namespace

int api_answer::retry_after() const {
  if (status != 429 || !body.contains("parameters")) return 0;
  return body["parameters"].value("retry_after", 1);
}

telegram_client::telegram_client(std::string base_url, std::string token)
    : base_url_(std::move(base_url)), token_(std::move(token)), curl_(curl_easy_init()) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

telegram_client::~telegram_client() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

std::string telegram_client::url(std::string_view method) const { return base_url_ + "/bot" + token_ + "/" + std::string(method); }

api_answer telegram_client::call(std::string_view method, const nlohmann::json& params, std::chrono::seconds timeout) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  const std::string address = url(method);
  const std::string payload = params.dump();
  std::string body;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, address.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(payload.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (stop_ != nullptr) {
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, cancel_on_stop);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(stop_));
  }
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  return finish(curl, code, body);
}

api_answer telegram_client::upload(std::string_view method, const nlohmann::json& params, std::string_view field,
                                   const std::string& file_name, const std::string& bytes, const std::string& mime_type) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  const std::string address = url(method);
  curl_mime* form = curl_mime_init(curl);
  for (const auto& [key, value] : params.items()) {
    curl_mimepart* part = curl_mime_addpart(form);
    curl_mime_name(part, key.c_str());
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    curl_mime_data(part, text.c_str(), text.size());
  }
  curl_mimepart* file = curl_mime_addpart(form);
  curl_mime_name(file, std::string(field).c_str());
  curl_mime_data(file, bytes.data(), bytes.size());
  curl_mime_filename(file, file_name.c_str());
  curl_mime_type(file, mime_type.c_str());
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, address.c_str());
  curl_easy_setopt(curl, CURLOPT_MIMEPOST, form);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode code = curl_easy_perform(curl);
  curl_mime_free(form);
  return finish(curl, code, body);
}

delivery deliver(telegram_client& client, std::int64_t chat_id, const outgoing& out) {
  const auto send_once = [&](const std::string& text, bool with_buttons) -> api_answer {
    nlohmann::json params = {{"chat_id", chat_id}};
    switch (out.what) {
      case outgoing::kind::callback_answer: {
        nlohmann::json answer{{"callback_query_id", out.callback_id}};
        if (!text.empty()) answer["text"] = text;
        return client.call("answerCallbackQuery", answer);
      }
      case outgoing::kind::remove_buttons:
        params["message_id"] = out.message_id;
        params["reply_markup"] = nlohmann::json{{"inline_keyboard", nlohmann::json::array()}};
        return client.call("editMessageReplyMarkup", params);
      case outgoing::kind::document:
        params["caption"] = text;
        return client.upload("sendDocument", params, "document", out.file_name, out.file_bytes, out.mime_type);
      case outgoing::kind::photo:
        params["caption"] = text;
        return client.upload("sendPhoto", params, "photo", out.file_name, out.file_bytes, out.mime_type);
      case outgoing::kind::message:
        params["text"] = text;
        if (with_buttons && !out.buttons.empty()) params["reply_markup"] = inline_keyboard(out.buttons);
        return client.call("sendMessage", params);
    }
    return {};
  };
  const std::vector<std::string> parts = out.what == outgoing::kind::message ? pieces(out.text) : std::vector<std::string>{out.text};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    bool sent = false;
    for (int attempt = 0; attempt < kAttempts && !sent; ++attempt) {
      const api_answer a = send_once(parts[i], i + 1 == parts.size());
      if (a.ok()) {
        sent = true;
      } else if (a.status == 429) {
        std::this_thread::sleep_for(std::chrono::seconds(a.retry_after()));
      } else if (a.status == 0 || a.status >= 500) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250) * (1 << attempt));  // 0.25, 0.5, 1, 2 s
      } else {
        spdlog::warn("Telegram refused a message ({}): {}", a.status, a.body.value("description", ""));
        return delivery::refused;
      }
    }
    if (!sent) return delivery::failed;
  }
  return delivery::delivered;
}

}  // namespace boravak::bot
