// libFuzzer target for the bot's webhook (bot::handle_webhook_update, behind `boravak serve
// --telegram-webhook`): arbitrary bodies as Telegram would post them, run through the dialog
// engine with a SQLite store in a fresh mkdtemp folder and a fixed clock (as in
// tests/unit/bot/dialog_engine_test.cc). The answers go to a fake Bot API on 127.0.0.1 inside
// this process, which takes every call (sendMessage, sendDocument, answerCallbackQuery, ...)
// and says {"ok":true}, so nothing leaves the machine and no retry ever waits. The input is
// split at NUL bytes (never part of a JSON text) into several bodies, handled in order, so one
// input can walk a dialog: /start, a button, a date. The store is kept from input to input.
// Invariants, each a crash when broken:
//  - handle_webhook_update never throws (dialog_engine.h: "never throws for anything a person
//    types"), never crashes, hangs or leaks, and returns true exactly when the body is one JSON
//    object;
//  - a body that is not an update the bot handles (bot::read_update) sends nothing to Telegram.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include <libical/ical.h>
#include <nlohmann/json.hpp>

#include "app/app_context.h"
#include "app/app_setup.h"
#include "bot/bot_runner.h"
#include "bot/webhook_worker.h"

namespace {

namespace fs = std::filesystem;

// A Bot API that answers every call with {"ok":true,"result":{}} and counts the calls.
class fake_telegram {
 public:
  fake_telegram() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t length = sizeof a;
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &length) != 0)
      std::abort();
    port_ = ntohs(a.sin_port);
    std::thread([this] { serve(); }).detach();
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::uint64_t calls() const { return calls_.load(); }

 private:
  void serve() {
    for (;;) {
      const int c = ::accept(listener_, nullptr, nullptr);
      if (c < 0) continue;
      answer(c);
      ::close(c);
    }
  }

  bool receive(int c, std::string& into) {
    char buffer[16384];
    const ssize_t n = ::recv(c, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    into.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  void send_all(int c, std::string_view text) {
    while (!text.empty()) {
      const ssize_t n = ::send(c, text.data(), text.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      text.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  // One request: its head, a "100 Continue" when asked, its whole body, then the answer.
  void answer(int c) {
    timeval limit{5, 0};
    ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    std::string in;
    std::size_t head_end;
    while ((head_end = in.find("\r\n\r\n")) == std::string::npos)
      if (!receive(c, in)) return;
    std::string head = in.substr(0, head_end);
    for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const std::size_t body_start = head_end + 4;
    if (head.find("expect: 100-continue") != std::string::npos) send_all(c, "HTTP/1.1 100 Continue\r\n\r\n");
    if (const std::size_t at = head.find("content-length:"); at != std::string::npos) {
      const std::size_t length = std::strtoull(head.c_str() + at + 15, nullptr, 10);
      while (in.size() - body_start < length)
        if (!receive(c, in)) return;
    } else if (head.find("transfer-encoding: chunked") != std::string::npos) {
      while (in.find("\r\n0\r\n\r\n", head_end) == std::string::npos)
        if (!receive(c, in)) return;
    }
    ++calls_;
    const std::string body = R"({"ok":true,"result":{}})";
    send_all(c, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n\r\n" + body);
    ::shutdown(c, SHUT_WR);
    std::string rest;
    while (receive(c, rest)) rest.clear();
  }

  int listener_ = -1;
  unsigned short port_ = 0;
  std::atomic<std::uint64_t> calls_{0};
};

fs::path& store_folder() {
  static fs::path folder;
  return folder;
}

void remove_store() {
  std::error_code ignored;
  if (!store_folder().empty()) fs::remove_all(store_folder(), ignored);
}

struct webhook_bot {
  webhook_bot() {
    // Never through a proxy: the fake Bot API is on this machine.
    ::setenv("NO_PROXY", "*", 1);
    ::setenv("no_proxy", "*", 1);
    std::string pattern = (fs::temp_directory_path() / "boravak-webhook-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    store_folder() = pattern;
    std::atexit(remove_store);
    app.now = std::make_unique<boravak::app::fixed_clock>(
        std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 11 / 21}} + std::chrono::hours{10});
    if (!boravak::app::open_app_context(app, {BORAVAK_FUZZ_RULES_DIR, BORAVAK_FUZZ_LOCALE_DIR},
                                        "sqlite:" + (store_folder() / "db.sqlite").string()))
      std::abort();
    telegram.api_base = server.base_url();
    telegram.token = "123:fuzz";
    telegram.webhook_secret = "fuzz";
    // Each update is handled within its call, as when the server stops: the invariants below
    // count what one body sent, which a worker thread finishing later would blur.
    boravak::bot::webhook_worker::stop_shared();
  }
  fake_telegram server;
  boravak::app::app_context app;
  boravak::bot::telegram_settings telegram;
  boravak::bot::engine_options options;
};

webhook_bot& the_bot() {
  static webhook_bot* b = new webhook_bot;
  return *b;
}

void handle(const std::string& body) {
  webhook_bot& b = the_bot();
  const nlohmann::json update = nlohmann::json::parse(body, nullptr, false);
  boravak::bot::incoming in;
  const bool handled = update.is_object() && boravak::bot::read_update(update, in);
  const std::uint64_t calls_before = b.server.calls();
  bool taken = false;
  try {
    taken = boravak::bot::handle_webhook_update(b.app, b.telegram, b.options, body);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "handle_webhook_update threw: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "handle_webhook_update threw something that is not a std::exception\n");
    std::abort();
  }
  // libical's temporary strings (a calendar the bot sent) are not ours to keep.
  icalmemory_free_ring();
  if (taken != update.is_object()) __builtin_trap();
  if (!handled && b.server.calls() != calls_before) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t start = 0;
  for (int bodies = 0; bodies < 8; ++bodies) {
    const std::size_t nul = input.find('\0', start);
    handle(std::string(input.substr(start, nul - start)));
    if (nul == std::string_view::npos) break;
    start = nul + 1;
  }
  return 0;
}
