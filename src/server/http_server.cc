// The acceptor, the threads and the graceful stop (see http_server.h).
#include "http_server.h"

#include <sys/resource.h>

#include <array>
#include <chrono>
#include <sstream>
#include <cstdlib>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "security_headers.h"
#include "server_context.h"

namespace boravak::server {

std::size_t default_max_connections() {
  // The store (SQLite's files, PostgreSQL's pool), the log, the listening socket, the store
  // threads and a connection being refused need descriptors of their own.
  constexpr rlim_t kReserve = 48;
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 10000;
  return limit.rlim_cur > kReserve + 16 ? static_cast<std::size_t>(limit.rlim_cur - kReserve) : 16;
}

namespace {

bool parse_listen(const std::string& text, tcp::endpoint& out) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  boost::system::error_code ec;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const auto address = net::ip::make_address(host, ec);
  if (ec) return false;
  try {
    std::size_t used = 0;
    const int port = std::stoi(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1 || port < 0 || port > 65535) return false;
    out = tcp::endpoint(address, static_cast<unsigned short>(port));
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

// Answers a connection the server will not serve with a fixed response, then closes it. The
// answer is small enough for the socket's buffer, so the write does not wait on the client.
// What the client sends meanwhile is read and dropped for up to a second: closing with unread
// bytes would reset the connection and the client might never see the answer.
net::awaitable<void> refuse_connection(tcp::socket socket, std::string response) {
  boost::system::error_code ec;
  co_await net::async_write(socket, net::buffer(response), net::redirect_error(net::use_awaitable, ec));
  socket.shutdown(tcp::socket::shutdown_send, ec);
  io_deadline deadline(socket);
  deadline.after(std::chrono::seconds(1));
  std::array<char, 4096> sink{};
  for (std::size_t drained = 0; !ec && drained < 64 * 1024;)
    drained += co_await socket.async_read_some(net::buffer(sink), net::redirect_error(net::use_awaitable, ec));
  deadline.never();
  socket.close(ec);
}

// A whole HTTP/1.1 answer as bytes, with the security headers every answer carries.
std::string refusal_bytes(const http_answer& a) {
  http::response<http::string_body> res{static_cast<http::status>(a.status), 11};
  res.set(http::field::content_type, a.content_type);
  add_security_headers(res, answer_kind::api);
  for (const auto& [name, value] : a.headers) res.set(name, value);
  res.body() = a.body;
  res.keep_alive(false);
  res.prepare_payload();
  std::ostringstream out;
  out << res;
  return out.str();
}

net::awaitable<void> accept_loop(server_context& ctx, tcp::acceptor& acceptor) {
  auto& ioc = static_cast<net::io_context&>(acceptor.get_executor().context());
  const bool single_thread = ctx.options.threads == 1;
  const std::size_t cap = ctx.options.max_connections > 0 ? ctx.options.max_connections : default_max_connections();
  // Refusals before a request is read carry no language to follow: English, like a bad head.
  const auto& words = ctx.app.words("en");
  http_answer busy = error_answer(503, "unavailable", words.get("api.error.too_many_connections"));
  busy.headers.emplace_back("Retry-After", "5");
  const std::string too_many = refusal_bytes(busy);
  net::steady_timer pause(acceptor.get_executor());
  for (;;) {
    boost::system::error_code ec;
    // With one I/O thread every handler already runs in order: a strand would only add cost.
    const net::any_io_executor home = single_thread ? net::any_io_executor(ioc.get_executor()) : net::any_io_executor(net::make_strand(ioc));
    tcp::socket socket = co_await acceptor.async_accept(home, net::redirect_error(net::use_awaitable, ec));
    if (ec == net::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // Out of file descriptors, say: make room and wait a moment instead of retrying at once
      // and spinning a core.
      if (ctx.app.security.count(security_event::accept_failed)) spdlog::warn("accept failed: {}", ec.message());
      ctx.connections.evict_one();
      pause.expires_after(std::chrono::milliseconds(50 + std::rand() % 50));
      co_await pause.async_wait(net::redirect_error(net::use_awaitable, ec));
      continue;
    }
    const auto peer = socket.remote_endpoint(ec);
    if (ec) continue;
    const bool proxied = ctx.trusted_proxy && ctx.trusted_proxy->contains(peer.address());
    const std::string client = client_key(peer.address());
    const auto executor = socket.get_executor();
    // One client may hold only so many connections (a proxy we trust speaks for many).
    if (!proxied && ctx.connections.count_for(client) >= ctx.options.max_connections_per_client) {
      if (ctx.app.security.count(security_event::address_cap))
        spdlog::warn("connection cap per client reached by {}", masked_client(peer.address()));
      net::co_spawn(executor, refuse_connection(std::move(socket), too_many), net::detached);
      continue;
    }
    // Full: still serve the newcomer, and close the connection that waits longest or trickles
    // slowest, so /v1/health and new clients are answered.
    if (ctx.connections.size() >= cap && ctx.connections.evict_one() && ctx.app.security.count(security_event::connection_evicted))
      spdlog::warn("server full ({} connections): closed the slowest", cap);
    // The rate limit counts from the first byte: a connection costs its client a token before
    // a header is read, so a slow client cannot open connections for free.
    bool charged = false;
    if (!proxied) {
      int retry_after = 0;
      if (!ctx.limiter.allow(client, std::chrono::steady_clock::now(), retry_after)) {
        if (ctx.app.security.count(security_event::rate_limited)) spdlog::warn("rate limit reached by {}", masked_client(peer.address()));
        http_answer limited = error_answer(429, "rate_limited", words.get("api.error.rate_limited"));
        limited.headers.emplace_back("Retry-After", std::to_string(retry_after));
        net::co_spawn(executor, refuse_connection(std::move(socket), refusal_bytes(limited)), net::detached);
        continue;
      }
      charged = true;
    }
    net::co_spawn(executor, run_session(ctx, std::move(socket), charged), net::detached);
  }
}

}  // namespace

int serve(app_state& app, const router& routes, const server_options& options) {
  tcp::endpoint endpoint;
  if (!parse_listen(options.listen, endpoint)) {
    spdlog::error("--listen \"{}\" is not HOST:PORT, e.g. 127.0.0.1:8080", options.listen);
    return 1;
  }
  const int threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  net::io_context ioc(threads);
  server_context ctx(app, routes, options);
  ctx.options.threads = threads;
  if (!options.trusted_proxy.empty()) {
    ctx.trusted_proxy = address_block::parse(options.trusted_proxy);
    if (!ctx.trusted_proxy) {
      spdlog::error("--trusted-proxy \"{}\" is not an address block such as 127.0.0.1/32", options.trusted_proxy);
      return 1;
    }
  }

  tcp::acceptor acceptor(ioc);
  boost::system::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    spdlog::error("cannot listen on {}: {}", options.listen, ec.message());
    return 1;
  }
  const auto bound = acceptor.local_endpoint();
  net::co_spawn(ioc, accept_loop(ctx, acceptor), net::detached);

  // Graceful stop: no new connections, idle ones closed, busy ones finish their request.
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  net::steady_timer drain(ioc);
  std::function<void()> wait_for_drain;
  const auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  wait_for_drain = [&] {
    if (ctx.connections.size() == 0 || std::chrono::steady_clock::now() > *deadline) {
      ioc.stop();
      return;
    }
    ctx.connections.close_idle();
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait([&](boost::system::error_code) { wait_for_drain(); });
  };
  signals.async_wait([&](boost::system::error_code error, int) {
    if (error) return;
    spdlog::info("stopping: finishing the requests in flight");
    ctx.stopping = true;
    acceptor.close();
    *deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    wait_for_drain();
  });

  std::string host = bound.address().to_string();
  if (bound.address().is_v6()) host = "[" + host + "]";
  spdlog::info("listening on http://{}:{} ({} threads, {} store, up to {} connections); Ctrl-C or SIGTERM stops it", host, bound.port(),
               threads, app.store->kind(), options.max_connections > 0 ? options.max_connections : default_max_connections());

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (std::thread& t : pool) t.join();
  ctx.store_pool.join();
  spdlog::info("stopped");
  return 0;
}

}  // namespace boravak::server
