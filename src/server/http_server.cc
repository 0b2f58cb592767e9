// The acceptor, the threads and the graceful stop (see http_server.h).
#include "http_server.h"

#include <chrono>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "server_context.h"

namespace boravak::server {

std::uint64_t connection_registry::add(std::shared_ptr<entry> e) {
  std::lock_guard lock(mutex_);
  entries_.emplace(++next_, std::move(e));
  return next_;
}

void connection_registry::remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  entries_.erase(id);
}

std::size_t connection_registry::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void connection_registry::close_idle() {
  std::lock_guard lock(mutex_);
  for (auto& [id, e] : entries_) {
    net::post(e->executor, [e = e] {
      if (e->stream != nullptr && e->idle) e->stream->socket().close();
    });
  }
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

net::awaitable<void> accept_loop(server_context& ctx, tcp::acceptor& acceptor) {
  auto& ioc = static_cast<net::io_context&>(acceptor.get_executor().context());
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(net::make_strand(ioc), net::redirect_error(net::use_awaitable, ec));
    if (ec == net::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) continue;  // e.g. too many open files: keep serving the others
    const auto executor = socket.get_executor();
    net::co_spawn(executor, run_session(ctx, std::move(socket)), net::detached);
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
  spdlog::info("listening on http://{}:{} ({} threads, {} store)", host, bound.port(), threads, app.store->kind());

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (std::thread& t : pool) t.join();
  ctx.store_pool.join();
  spdlog::info("stopped");
  return 0;
}

}  // namespace boravak::server
