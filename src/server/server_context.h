// What every connection of the server shares (http_server.cc, http_session.cc,
// batch_stream.cc). Internal to the server.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "app_state.h"
#include "client_address.h"
#include "http_server.h"
#include "rate_limiter.h"
#include "router.h"

namespace boravak::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

// What a connection is doing, for choosing which one to close when the server is full.
enum class connection_phase : int {
  waiting,  // for a request: nothing of it has come yet
  reading,  // a request's head or body is arriving
  working,  // a route runs or the answer is being written: never chosen
};

// One open connection as the registry sees it. The session updates it on its own strand; the
// acceptor reads it from another thread, hence the atomics.
struct connection_entry {
  net::any_io_executor executor;  // the connection's strand
  tcp::socket* socket = nullptr;  // set to nullptr by the session, on its strand, before it ends
  std::string client;             // client_key() of the peer
  std::atomic<int> phase{static_cast<int>(connection_phase::waiting)};
  std::atomic<std::int64_t> phase_started_ms{0};
  std::atomic<std::uint64_t> phase_bytes{0};

  void enter(connection_phase p);
  void received(std::size_t bytes) { phase_bytes.fetch_add(bytes, std::memory_order_relaxed); }
  // Bytes a second in this phase, counting one byte more and at least one second, so that a
  // connection that has just arrived outranks one that has trickled or idled for a while.
  double pace(std::int64_t now_ms) const;
};

// The open connections: their count per client, closing the idle ones at shutdown, and, when
// the server is full, closing the one that waits longest or trickles slowest.
class connection_registry {
 public:
  std::uint64_t add(std::shared_ptr<connection_entry> e);
  void remove(std::uint64_t id);
  std::size_t size();
  std::size_t count_for(const std::string& client);
  // Posts, to each connection's strand, a close if it is waiting for a request.
  void close_idle();
  // Closes the connection with the lowest pace that is not working; false when there is none.
  bool evict_one();

 private:
  std::mutex mutex_;
  std::uint64_t next_ = 0;
  std::unordered_map<std::uint64_t, std::shared_ptr<connection_entry>> entries_;
  std::unordered_map<std::string, std::size_t> per_client_;
};

std::int64_t steady_ms();

// A deadline on a connection's reads and writes. When it passes, the pending operation is
// cancelled, not the socket closed, so the session can still answer 408. Moving the deadline is
// only a store: one timer wait stays pending and, when it fires early, waits again for the
// current deadline, so a request costs no timer operation.
class io_deadline {
 public:
  explicit io_deadline(tcp::socket& socket) : state_(std::make_shared<state>(socket)) {}
  ~io_deadline() {
    state_->alive = false;  // a wait already completed must not touch the socket any more
    state_->timer.cancel();
  }
  io_deadline(const io_deadline&) = delete;
  io_deadline& operator=(const io_deadline&) = delete;

  void at(std::chrono::steady_clock::time_point when);
  void after(std::chrono::steady_clock::duration d) { at(std::chrono::steady_clock::now() + d); }
  void never() { state_->when = std::chrono::steady_clock::time_point::max(); }
  bool passed() const { return state_->passed; }

 private:
  struct state {
    explicit state(tcp::socket& s) : socket(s), timer(s.get_executor()) {}
    tcp::socket& socket;
    net::steady_timer timer;
    std::chrono::steady_clock::time_point when = std::chrono::steady_clock::time_point::max();
    bool waiting = false;
    bool passed = false;
    bool alive = true;
  };
  static void wait(const std::shared_ptr<state>& s);
  std::shared_ptr<state> state_;
};

// Store work, taken in turns: each profile (or, without a secret, each client) has at most a
// few requests on the store threads at once, and the rest of its requests wait their turn, so
// one profile hammered by many connections cannot take every store thread from the others.
class store_turns {
 public:
  explicit store_turns(std::size_t per_owner) : per_owner_(per_owner) {}
  // Waits until `owner` may run another store request; the returned guard gives the turn back.
  class turn;
  net::awaitable<std::shared_ptr<turn>> take(const std::string& owner);

 private:
  struct owner_state {
    std::size_t running = 0;
    std::deque<std::shared_ptr<net::steady_timer>> waiting;
  };
  void give_back(const std::string& owner);

  std::size_t per_owner_;
  std::mutex mutex_;
  std::unordered_map<std::string, owner_state> owners_;
};

class store_turns::turn {
 public:
  turn(store_turns& turns, std::string owner) : turns_(turns), owner_(std::move(owner)) {}
  ~turn() { turns_.give_back(owner_); }
  turn(const turn&) = delete;
  turn& operator=(const turn&) = delete;

 private:
  store_turns& turns_;
  std::string owner_;
};

struct server_context {
  app_state& app;
  const router& routes;
  server_options options;
  std::optional<address_block> trusted_proxy;
  rate_limiter limiter;
  net::thread_pool store_pool;
  store_turns turns{1};
  connection_registry connections;
  std::atomic<bool> stopping{false};

  server_context(app_state& a, const router& r, const server_options& o)
      : app(a), routes(r), options(o), limiter(o.rate_limit, o.rate_limit), store_pool(o.store_threads) {}
};

// One connection's socket, buffer, deadline and registry entry, as the session and the batch
// stream share them.
struct connection {
  server_context& ctx;
  tcp::socket& socket;
  beast::flat_buffer& buffer;
  io_deadline& deadline;
  connection_entry& entry;
};

// One connection, from its first request to its close. `limit_charged`: the acceptor already
// took this client's rate-limit token for the first request.
net::awaitable<void> run_session(server_context& ctx, tcp::socket socket, bool limit_charged);

// POST /v1/stay/batch: reads the body as it arrives and writes result lines as chunks.
// Returns false when the connection must close.
net::awaitable<bool> stream_batch(connection& c, http::request_parser<http::empty_body>& header, bool keep_alive,
                                  const std::string& lang);

}  // namespace boravak::server
