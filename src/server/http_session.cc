// One connection: read a request, route it, answer, and again while the client keeps the
// connection alive. Every failure is answered as JSON (http_answer.h). A client that stalls
// gets 408 once part of a request has come, and is cut off. Framing that could smuggle a
// request is refused by RFC 9112 and the connection closed. Nothing personal is ever logged:
// only route patterns, and clients by their /24 or /48.
#include <chrono>
#include <limits>

#include <openssl/crypto.h>
#include <spdlog/spdlog.h>

#include "io/json_fields.h"
#include "request_checks.h"
#include "security_headers.h"
#include "server_context.h"
#include "store/profile_store.h"

namespace boravak::server {
namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr auto kWriteTimeout = std::chrono::seconds(30);

bool quiet_close(const boost::system::error_code& ec) {
  return ec == http::error::end_of_stream || ec == net::error::operation_aborted || ec == net::error::connection_reset ||
         ec == net::error::eof || ec == net::error::bad_descriptor || ec == http::error::partial_message;
}

net::awaitable<bool> write_answer(connection& c, unsigned version, http_answer answer, bool keep_alive, answer_kind kind) {
  http::response<http::string_body> res{static_cast<http::status>(answer.status), version};
  if (!answer.content_type.empty() && answer.status != 204) res.set(http::field::content_type, answer.content_type);
  add_security_headers(res, kind);
  for (auto& [name, value] : answer.headers) res.set(name, value);
  res.body() = std::move(answer.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  c.entry.enter(connection_phase::working);
  c.deadline.after(kWriteTimeout);
  boost::system::error_code ec;
  co_await http::async_write(c.socket, res, net::redirect_error(net::use_awaitable, ec));
  c.deadline.never();
  co_return !ec && keep_alive;
}

// The first line of a store error, which never holds values (PostgreSQL's DETAIL line can).
std::string first_line(const char* what) {
  std::string s(what);
  return s.substr(0, s.find('\n'));
}

// A refusal in the request's language. (The key and its arguments come separately: GCC 12
// miscompiles a braced text{...} built inside a co_await expression.)
http_answer refusal_in(const server_context& ctx, const std::string& lang, unsigned status, std::string_view code, const text& why,
                       std::string_view path = "") {
  return error_answer(status, code, ctx.app.words(lang).render(why), path);
}

http_answer refusal_in(const server_context& ctx, const std::string& lang, unsigned status, std::string_view code, std::string key,
                       std::vector<text_arg> args = {}, std::string_view path = "") {
  return refusal_in(ctx, lang, status, code, text{std::move(key), std::move(args)}, path);
}

// Whose turn a store request takes (store_turns): the profile its secret opens, else the client.
// Only a hash of the secret is kept, in memory.
std::string turn_owner(const api_request& req, const std::string& client) {
  if (!req.authorization.empty()) return "p" + std::to_string(std::hash<std::string_view>{}(req.authorization));
  return "c" + client;
}

net::awaitable<http_answer> run_route(server_context& ctx, const route& r, const api_request& req, const std::string& client) {
  const std::string lang = req.language();
  try {
    if (r.kind != route_kind::store) co_return r.handler(ctx.app, req);
    const auto my_turn = co_await ctx.turns.take(turn_owner(req, client));
    // Blocking database work runs on the store pool; the answer comes back to this strand.
    co_return co_await net::co_spawn(
        ctx.store_pool, [&]() -> net::awaitable<http_answer> { co_return r.handler(ctx.app, req); }, net::use_awaitable);
  } catch (const request_error& e) {
    co_return refusal_in(ctx, lang, e.status, e.code, e.message, e.path);
  } catch (const io::input_error& e) {
    co_return refusal_in(ctx, lang, 422, e.code, e.message, e.path);
  } catch (const store::store_error& e) {
    spdlog::error("{} {}: the store failed: {}", r.method, r.pattern, first_line(e.what()));
    co_return refusal_in(ctx, lang, 503, "unavailable", "api.error.unavailable");
  } catch (const std::exception& e) {
    spdlog::error("{} {}: internal error: {}", r.method, r.pattern, first_line(e.what()));
    co_return refusal_in(ctx, lang, 500, "internal", "api.error.internal");
  }
}

bool declares_body(const http::request_parser<http::empty_body>& header) {
  return header.chunked() || (header.content_length() && *header.content_length() > 0);
}

std::string_view view(beast::string_view s) { return {s.data(), s.size()}; }

// Counts an answer that tells of a hostile or broken client, and logs it at most once a second.
void note_security(server_context& ctx, unsigned status, const net::ip::address& who) {
  security_event e;
  switch (status) {
    case 401: e = security_event::failed_authentication; break;
    case 408: e = security_event::request_timeout; break;
    case 413: e = security_event::body_too_large; break;
    case 429: e = security_event::rate_limited; break;
    default: return;
  }
  if (ctx.app.security.count(e)) spdlog::warn("{} from {}", security_metrics::name(e), masked_client(who));
}

// The webhook's secret, compared in constant time before its body is read.
bool webhook_secret_matches(const server_context& ctx, std::string_view given) {
  const std::string& secret = ctx.options.webhook_secret;
  return !secret.empty() && given.size() == secret.size() && CRYPTO_memcmp(given.data(), secret.data(), given.size()) == 0;
}

}  // namespace

net::awaitable<void> run_session(server_context& ctx, tcp::socket socket, bool limit_charged) {
  boost::system::error_code ec;
  const auto peer = socket.remote_endpoint(ec);
  if (ec) co_return;
  const bool proxied = ctx.trusted_proxy && ctx.trusted_proxy->contains(peer.address());
  auto entry = std::make_shared<connection_entry>();
  entry->executor = socket.get_executor();
  entry->socket = &socket;
  entry->client = client_key(peer.address());
  entry->enter(connection_phase::waiting);
  const std::uint64_t id = ctx.connections.add(entry);
  ctx.app.security.open_connections.fetch_add(1, std::memory_order_relaxed);
  beast::flat_buffer buffer;
  io_deadline deadline(socket);
  connection c{ctx, socket, buffer, deadline, *entry};
  const auto header_timeout = std::chrono::seconds(ctx.options.header_timeout_seconds);
  const auto body_timeout = std::chrono::seconds(ctx.options.body_timeout_seconds);
  static const std::string english = "en";

  for (bool keep_going = true, first = true; keep_going && !ctx.stopping; first = false) {
    ec = {};
    http::request_parser<http::empty_body> header;
    header.header_limit(kHeaderLimit);
    // Each route sets its own body limit once it is known; Beast's default of 1 MiB must not
    // refuse the batch's Content-Length before that. (Not boost::none: Boost 1.74 compares the
    // length with the empty optional and refuses every body.)
    header.body_limit(std::numeric_limits<std::uint64_t>::max());
    entry->enter(connection_phase::waiting);
    deadline.after(header_timeout);
    while (!ec && !header.is_header_done()) {
      const std::size_t before = buffer.size();
      co_await http::async_read_some(socket, buffer, header, net::redirect_error(net::use_awaitable, ec));
      if (buffer.size() > before || header.got_some()) {
        if (entry->phase.load(std::memory_order_relaxed) == static_cast<int>(connection_phase::waiting)) entry->enter(connection_phase::reading);
        entry->received(buffer.size() > before ? buffer.size() - before : 1);
      }
    }
    deadline.never();
    if (ec) {
      // Headers we cannot read hold no language we can trust: these answer in English.
      std::optional<http_answer> why;
      if (deadline.passed()) {
        if (header.got_some()) why = refusal_in(ctx, english, 408, "request_timeout", "api.error.request_timeout");
      } else if (ec == http::error::header_limit) {
        why = refusal_in(ctx, english, 431, "invalid_value", "api.error.headers_too_large");
      } else if (!quiet_close(ec)) {
        if (ctx.app.security.count(security_event::bad_request)) spdlog::warn("not HTTP from {}: {}", masked_client(peer.address()), ec.message());
        why = refusal_in(ctx, english, 400, "invalid_value", "api.error.not_http");
      }
      if (why) {
        note_security(ctx, why->status, peer.address());
        co_await write_answer(c, 11, std::move(*why), false, answer_kind::api);
      }
      break;
    }
    const auto started = std::chrono::steady_clock::now();
    const auto& req = header.get();
    const unsigned version = req.version();
    const bool keep_alive = req.keep_alive() && !ctx.stopping;
    const std::string_view target = view(req.target());
    const std::size_t question = target.find('?');
    const std::string_view path = target.substr(0, question);
    const std::string_view query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
    const std::string_view method = view(req.method_string());
    const std::string lang = request_language(query, view(req[http::field::accept_language]), ctx.options.language);

    // Behind a proxy we trust, the client is the one it names.
    auto client_address = peer.address();
    if (proxied)
      if (const auto named = forwarded_client(view(req["X-Forwarded-For"]))) client_address = *named;
    const auto& who = client_address;  // named in logs only as masked_client(), and only when logged

    // Framing first: a request whose body length is in doubt cannot be answered safely, and
    // whatever follows on this connection is not to be trusted (RFC 9112 6.1, 6.3).
    const auto transfer_encoding = req.find(http::field::transfer_encoding);
    const std::size_t transfer_encodings = req.count(http::field::transfer_encoding);
    if (const auto bad = framing_problem(transfer_encodings == 1 ? view(transfer_encoding->value()) : std::string_view("several"),
                                         transfer_encodings > 0, req.count(http::field::content_length), version)) {
      if (ctx.app.security.count(security_event::bad_framing)) spdlog::warn("bad framing from {}", masked_client(who));
      co_await write_answer(c, version, refusal_in(ctx, lang, 400, "invalid_value", *bad), false, answer_kind::api);
      break;
    }

    // Telegram's webhook comes from a few addresses carrying every chat's updates and proves
    // itself with its secret, checked before its body is read. Only with the right secret is it
    // spared the per-client limit; without it, it is limited like any other request.
    const bool webhook = !ctx.options.webhook_path.empty() && path == ctx.options.webhook_path;
    const bool proven_webhook = webhook && webhook_secret_matches(ctx, view(req["X-Telegram-Bot-Api-Secret-Token"]));
    int retry_after = 0;
    const bool charged_already = first && limit_charged;
    // A file of the web page, served from memory, costs next to nothing; a first visit fetches
    // sixty of them at once (the service worker's precache), which must not use up the
    // client's allowance for the API. Unknown paths are charged like everything else.
    const bool page_file = method == "GET" && !path.starts_with("/v1/") && ctx.app.web.find(path) != nullptr;
    if (!proven_webhook && !page_file && !charged_already && !ctx.limiter.allow(client_key(client_address), std::chrono::steady_clock::now(), retry_after)) {
      http_answer a = refusal_in(ctx, lang, 429, "rate_limited", "api.error.rate_limited");
      a.headers.emplace_back("Retry-After", std::to_string(retry_after));
      note_security(ctx, a.status, who);
      keep_going = co_await write_answer(c, version, std::move(a), keep_alive && !declares_body(header), answer_kind::api);
      continue;
    }
    if (webhook && !proven_webhook) {
      http_answer a = refusal_in(ctx, lang, 401, "unauthorized", "api.error.webhook_secret");
      note_security(ctx, a.status, who);
      keep_going = co_await write_answer(c, version, std::move(a), keep_alive && !declares_body(header), answer_kind::api);
      continue;
    }

    // The web page: "/" and "/static/…", from memory.
    if (!path.starts_with("/v1/") && !webhook) {
      const static_file* file = method == "GET" ? ctx.app.web.find(path) : nullptr;
      http_answer a = file ? http_answer{200, file->content_type, file->body, {}}
                           : refusal_in(ctx, lang, 404, "not_found", "api.error.no_page");
      keep_going = co_await write_answer(c, version, std::move(a), keep_alive && !declares_body(header),
                                         file ? answer_kind::page : answer_kind::api);
      continue;
    }

    route_match m = ctx.routes.match(method, path);
    std::optional<http_answer> refusal;
    const auto content_type = view(req[http::field::content_type]);
    if (m.found == nullptr && m.path_known) {
      refusal = refusal_in(ctx, lang, 405, "method_not_allowed", "api.error.method_not_allowed", {text_arg::of_verbatim(std::string(method))});
      refusal->headers.emplace_back("Allow", ctx.routes.methods_for(path));
    } else if (m.found == nullptr) {
      refusal = refusal_in(ctx, lang, 404, "not_found", "api.error.no_route");
    } else if (const auto bad = malformed_query_parameter(query)) {
      if (ctx.app.security.count(security_event::bad_request)) spdlog::warn("malformed query escape from {}", masked_client(who));
      refusal = refusal_in(ctx, lang, 400, "invalid_value", "api.error.query_escape", {text_arg::of_verbatim(*bad)}, *bad);
    } else if (m.found->body_limit == 0 && declares_body(header)) {
      refusal = refusal_in(ctx, lang, 413, "body_too_large", "api.error.no_body_here");
    } else if (header.content_length() && *header.content_length() > m.found->body_limit) {
      refusal = refusal_in(ctx, lang, 413, "body_too_large", "api.error.body_too_large",
                           {text_arg::of_number(static_cast<long long>(m.found->body_limit / 1024))});
    } else if (declares_body(header) && !media_type_accepted(content_type, m.found->kind == route_kind::streaming, m.found->csv_body)) {
      refusal = refusal_in(ctx, lang, 415, "unsupported_media_type",
                           "api.error.media_type");
    }
    if (refusal) {
      note_security(ctx, refusal->status, who);
      keep_going = co_await write_answer(c, version, std::move(*refusal), keep_alive && !declares_body(header), answer_kind::api);
      continue;
    }

    if (req[http::field::expect] == "100-continue") {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      co_await net::async_write(socket, net::buffer(kContinue), net::redirect_error(net::use_awaitable, ec));
      if (ec) break;
    }

    const route& chosen = *m.found;
    unsigned status = 200;
    if (chosen.kind == route_kind::streaming) {
      keep_going = co_await stream_batch(c, header, keep_alive, lang);
    } else {
      http::request_parser<http::string_body> parser{std::move(header)};
      parser.body_limit(chosen.body_limit);
      // The whole body has one deadline: a client sending a byte at a time gets no more time.
      entry->enter(connection_phase::reading);
      deadline.after(body_timeout);
      while (!ec && !parser.is_done()) {
        const std::size_t got = co_await http::async_read_some(socket, buffer, parser, net::redirect_error(net::use_awaitable, ec));
        entry->received(got);
      }
      deadline.never();
      if (ec == http::error::body_limit || (ec && deadline.passed())) {
        http_answer why = ec == http::error::body_limit
                              ? refusal_in(ctx, lang, 413, "body_too_large", "api.error.body_too_large",
                                           {text_arg::of_number(static_cast<long long>(chosen.body_limit / 1024))})
                              : refusal_in(ctx, lang, 408, "request_timeout", "api.error.request_timeout");
        note_security(ctx, why.status, who);
        co_await write_answer(c, version, std::move(why), false, answer_kind::api);
        break;
      }
      if (ec) break;  // the client went away: nobody to answer
      entry->enter(connection_phase::working);
      const auto& full = parser.get();
      api_request request{method, path, query, full.body(), view(full[http::field::authorization]), std::move(m.params),
                          view(full[http::field::accept_language]), ctx.options.language};
      http_answer a;
      if (request.language_is_known()) a = co_await run_route(ctx, chosen, request, client_key(client_address));
      else a = refusal_in(ctx, lang, 422, "invalid_value", "api.error.unknown_lang", {}, "lang");
      status = a.status;
      note_security(ctx, status, who);
      keep_going = co_await write_answer(c, version, std::move(a), keep_alive, answer_kind::api);
    }
    if (ctx.options.access_log) {
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
      spdlog::info("{} {} {} {}us", chosen.method, chosen.pattern, status, micros.count());
    }
  }
  entry->socket = nullptr;
  ctx.connections.remove(id);
  ctx.app.security.open_connections.fetch_sub(1, std::memory_order_relaxed);
  socket.shutdown(tcp::socket::shutdown_send, ec);
}

}  // namespace boravak::server
