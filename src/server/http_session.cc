// One connection: read a request, route it, answer, and again while the client keeps the
// connection alive. Every failure is answered as JSON (http_answer.h); a client that stalls is
// cut off by the timeouts; nothing personal is ever logged (only route patterns).
#include <chrono>

#include <spdlog/spdlog.h>

#include "security_headers.h"
#include "server_context.h"
#include "store/profile_store.h"

namespace boravak::server {
namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr auto kWriteTimeout = std::chrono::seconds(30);

bool quiet_close(const boost::system::error_code& ec) {
  return ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
         ec == net::error::connection_reset || ec == net::error::eof || ec == net::error::bad_descriptor ||
         ec == http::error::partial_message;
}

net::awaitable<bool> write_answer(beast::tcp_stream& stream, unsigned version, http_answer answer, bool keep_alive,
                                  answer_kind kind) {
  http::response<http::string_body> res{static_cast<http::status>(answer.status), version};
  if (!answer.content_type.empty() && answer.status != 204) res.set(http::field::content_type, answer.content_type);
  add_security_headers(res, kind);
  for (auto& [name, value] : answer.headers) res.set(name, value);
  res.body() = std::move(answer.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  stream.expires_after(kWriteTimeout);
  boost::system::error_code ec;
  co_await http::async_write(stream, res, net::redirect_error(net::use_awaitable, ec));
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

net::awaitable<http_answer> run_route(server_context& ctx, const route& r, const api_request& req) {
  const std::string lang = req.language();
  try {
    if (r.kind != route_kind::store) co_return r.handler(ctx.app, req);
    // Blocking database work runs on the store pool; the answer comes back to this strand.
    co_return co_await net::co_spawn(
        ctx.store_pool, [&]() -> net::awaitable<http_answer> { co_return r.handler(ctx.app, req); }, net::use_awaitable);
  } catch (const request_error& e) {
    co_return refusal_in(ctx, lang, e.status, e.code, e.message, e.path);
  } catch (const store::store_error& e) {
    spdlog::error("{} {}: the store failed: {}", r.method, r.pattern, first_line(e.what()));
    co_return refusal_in(ctx, lang, 503, "unavailable", "api.error.unavailable");
  } catch (const std::exception& e) {
    spdlog::error("{} {}: internal error: {}", r.method, r.pattern, first_line(e.what()));
    co_return refusal_in(ctx, lang, 500, "internal", "api.error.internal");
  }
}

bool body_is_json_or_absent(const http::request_parser<http::empty_body>& header, bool lines) {
  const auto type = header.get()[http::field::content_type];
  if (type.empty()) return true;
  const std::string_view t(type.data(), type.size());
  return t.find("json") != std::string_view::npos || (lines && t.find("text/plain") != std::string_view::npos);
}

bool declares_body(const http::request_parser<http::empty_body>& header) {
  return header.chunked() || (header.content_length() && *header.content_length() > 0);
}

}  // namespace

net::awaitable<void> run_session(server_context& ctx, tcp::socket socket) {
  boost::system::error_code ec;
  const auto remote = socket.remote_endpoint(ec);
  const std::string address = ec ? std::string() : remote.address().to_string();
  beast::tcp_stream stream(std::move(socket));
  auto entry = std::make_shared<connection_registry::entry>(connection_registry::entry{stream.get_executor(), &stream, true});
  const std::uint64_t id = ctx.connections.add(entry);
  beast::flat_buffer buffer;
  const auto header_timeout = std::chrono::seconds(ctx.options.header_timeout_seconds);
  const auto body_timeout = std::chrono::seconds(ctx.options.body_timeout_seconds);

  for (bool keep_going = true; keep_going && !ctx.stopping;) {
    http::request_parser<http::empty_body> header;
    header.header_limit(kHeaderLimit);
    stream.expires_after(header_timeout);
    entry->idle = true;
    co_await http::async_read_header(stream, buffer, header, net::redirect_error(net::use_awaitable, ec));
    entry->idle = false;
    if (ec) {
      // Headers we cannot read hold no language we can trust: these two answer in English.
      static const std::string english = "en";
      std::optional<http_answer> why;
      if (ec == http::error::header_limit) why = refusal_in(ctx, english, 431, "invalid_value", "api.error.headers_too_large");
      else if (!quiet_close(ec)) why = refusal_in(ctx, english, 400, "invalid_value", "api.error.not_http");
      if (why) co_await write_answer(stream, 11, std::move(*why), false, answer_kind::api);
      break;
    }
    const auto started = std::chrono::steady_clock::now();
    const auto& req = header.get();
    const unsigned version = req.version();
    const bool keep_alive = req.keep_alive() && !ctx.stopping;
    const std::string_view target(req.target().data(), req.target().size());
    const std::size_t question = target.find('?');
    const std::string_view path = target.substr(0, question);
    const std::string_view query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
    const std::string_view method(req.method_string().data(), req.method_string().size());
    const auto asked_language = req[http::field::accept_language];
    const std::string lang = request_language(query, std::string_view(asked_language.data(), asked_language.size()), ctx.options.language);

    // Telegram's webhook comes from a few addresses of Telegram's carrying every chat's
    // updates, and proves itself with its secret token: the per-address limit is not for it.
    int retry_after = 0;
    if (path != "/telegram/webhook" && !ctx.limiter.allow(address, std::chrono::steady_clock::now(), retry_after)) {
      http_answer a = refusal_in(ctx, lang, 429, "rate_limited", "api.error.rate_limited");
      a.headers.emplace_back("Retry-After", std::to_string(retry_after));
      keep_going = co_await write_answer(stream, version, std::move(a), keep_alive && !declares_body(header), answer_kind::api);
      continue;
    }

    // The web page: "/" and "/static/…", from memory. (/telegram/ is the bot's webhook.)
    if (!path.starts_with("/v1/") && !path.starts_with("/telegram/")) {
      const static_file* file = method == "GET" ? ctx.app.web.find(path) : nullptr;
      http_answer a = file ? http_answer{200, file->content_type, file->body, {}}
                           : refusal_in(ctx, lang, 404, "not_found", "api.error.no_page");
      keep_going = co_await write_answer(stream, version, std::move(a), keep_alive && !declares_body(header),
                                         file ? answer_kind::page : answer_kind::api);
      continue;
    }

    route_match m = ctx.routes.match(method, path);
    std::optional<http_answer> refusal;
    if (m.found == nullptr && m.path_known) {
      refusal = refusal_in(ctx, lang, 405, "method_not_allowed", "api.error.method_not_allowed", {text_arg::of_verbatim(std::string(method))});
      refusal->headers.emplace_back("Allow", ctx.routes.methods_for(path));
    } else if (m.found == nullptr) {
      refusal = refusal_in(ctx, lang, 404, "not_found", "api.error.no_route");
    } else if (!body_is_json_or_absent(header, m.found->kind == route_kind::streaming)) {
      refusal = refusal_in(ctx, lang, 415, "unsupported_media_type", "api.error.media_type");
    } else if (m.found->body_limit == 0 && declares_body(header)) {
      refusal = refusal_in(ctx, lang, 413, "body_too_large", "api.error.no_body_here");
    } else if (header.content_length() && *header.content_length() > m.found->body_limit) {
      refusal = refusal_in(ctx, lang, 413, "body_too_large",
                           "api.error.body_too_large", {text_arg::of_number(static_cast<long long>(m.found->body_limit / 1024))});
    }
    if (refusal) {
      keep_going = co_await write_answer(stream, version, std::move(*refusal), keep_alive && !declares_body(header), answer_kind::api);
      continue;
    }

    if (req[http::field::expect] == "100-continue") {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      co_await net::async_write(stream, net::buffer(kContinue), net::redirect_error(net::use_awaitable, ec));
      if (ec) break;
    }

    const route& chosen = *m.found;
    unsigned status = 200;
    if (chosen.kind == route_kind::streaming) {
      keep_going = co_await stream_batch(ctx, stream, buffer, header, keep_alive, lang);
    } else {
      http::request_parser<http::string_body> parser{std::move(header)};
      parser.body_limit(chosen.body_limit);
      stream.expires_after(body_timeout);
      co_await http::async_read(stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
      if (ec == http::error::body_limit) {
        http_answer too_large = refusal_in(ctx, lang, 413, "body_too_large", "api.error.body_too_large",
                                           {text_arg::of_number(static_cast<long long>(chosen.body_limit / 1024))});
        co_await write_answer(stream, version, std::move(too_large), false, answer_kind::api);
        break;
      }
      if (ec) break;  // the client went away or stalled: nobody to answer
      const auto& full = parser.get();
      const auto secret_header = full["X-Telegram-Bot-Api-Secret-Token"];
      const auto accept_language = full[http::field::accept_language];
      api_request request{method, path, query, full.body(),
                          std::string_view(full[http::field::authorization].data(), full[http::field::authorization].size()),
                          std::move(m.params), std::string_view(secret_header.data(), secret_header.size()),
                          std::string_view(accept_language.data(), accept_language.size()), ctx.options.language};
      http_answer a = refusal_in(ctx, lang, 422, "invalid_value", "api.error.unknown_lang", {}, "lang");
      if (request.language_is_known()) a = co_await run_route(ctx, chosen, request);
      status = a.status;
      keep_going = co_await write_answer(stream, version, std::move(a), keep_alive, answer_kind::api);
    }
    if (ctx.options.access_log) {
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
      spdlog::info("{} {} {} {}us", chosen.method, chosen.pattern, status, micros.count());
    }
  }
  entry->stream = nullptr;
  ctx.connections.remove(id);
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

}  // namespace boravak::server
