// What every connection of the server shares (http_server.cc, http_session.cc,
// batch_stream.cc). Internal to the server.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "app_state.h"
#include "http_server.h"
#include "rate_limiter.h"
#include "router.h"

namespace boravak::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

// The open connections, so a shutdown can close the idle ones at once.
class connection_registry {
 public:
  struct entry {
    net::any_io_executor executor;   // the connection's strand
    beast::tcp_stream* stream = nullptr;
    bool idle = true;                // waiting for a request (touched on the strand only)
  };
  // The session sets `stream` to nullptr, on its strand, before it ends.
  std::uint64_t add(std::shared_ptr<entry> e);
  void remove(std::uint64_t id);
  std::size_t size();
  // Posts, to each connection's strand, a close if it is idle.
  void close_idle();

 private:
  std::mutex mutex_;
  std::uint64_t next_ = 0;
  std::unordered_map<std::uint64_t, std::shared_ptr<entry>> entries_;
};

struct server_context {
  app_state& app;
  const router& routes;
  server_options options;
  rate_limiter limiter;
  net::thread_pool store_pool;
  connection_registry connections;
  std::atomic<bool> stopping{false};

  server_context(app_state& a, const router& r, const server_options& o)
      : app(a), routes(r), options(o), limiter(o.rate_limit, o.rate_limit), store_pool(o.store_threads) {}
};

// One connection, from its first request to its close.
net::awaitable<void> run_session(server_context& ctx, tcp::socket socket);

// POST /v1/stay/batch: reads the body as it arrives and writes result lines as chunks.
// Returns false when the connection must close.
net::awaitable<bool> stream_batch(server_context& ctx, beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                  http::request_parser<http::empty_body>& header, bool keep_alive, const std::string& lang);

}  // namespace boravak::server
