// POST /v1/stay/batch: JSON Lines in, JSON Lines out, both streamed. Lines are answered as the
// body arrives and the answers go out in chunks of 64 KiB, so memory stays bounded however
// long the batch; each line gets the bytes `boravak batch` would print for it.
#include <simdjson.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "batch_lines.h"
#include "io/result_json_writer.h"
#include "security_headers.h"
#include "server_context.h"

namespace boravak::server {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

net::awaitable<bool> stream_batch(connection& c, http::request_parser<http::empty_body>& header, bool keep_alive,
                                  const std::string& language) {
  server_context& ctx = c.ctx;
  http::request_parser<http::buffer_body> parser{std::move(header)};
  parser.body_limit(ctx.routes.match("POST", "/v1/stay/batch").found->body_limit);
  const unsigned version = parser.get().version();

  http::response<http::empty_body> res{http::status::ok, version};
  res.set(http::field::content_type, "application/x-ndjson; charset=utf-8");
  add_security_headers(res, answer_kind::api);
  res.keep_alive(keep_alive);
  res.chunked(true);
  http::response_serializer<http::empty_body> serializer{res};
  boost::system::error_code ec;
  c.deadline.after(std::chrono::seconds(ctx.options.body_timeout_seconds));
  co_await http::async_write_header(c.socket, serializer, net::redirect_error(net::use_awaitable, ec));
  if (ec) co_return false;

  // A batch may take long, but not forever: one deadline for the whole body, a longest pause
  // between reads, and after a grace period a lowest average rate. A client that trickles a
  // byte at a time is cut off instead of holding the connection as long as it likes.
  const auto started = std::chrono::steady_clock::now();
  const auto whole = started + std::chrono::seconds(ctx.options.batch_deadline_seconds);
  const auto pause = std::chrono::seconds(ctx.options.body_timeout_seconds);
  constexpr auto kGrace = std::chrono::seconds(10);
  std::uint64_t received = 0;

  batch_lines lines(ctx.app, language);
  std::string out;
  std::vector<char> piece(kChunk);
  bool broken = false;
  c.entry.enter(connection_phase::reading);
  while (!parser.is_done()) {
    parser.get().body().data = piece.data();
    parser.get().body().size = piece.size();
    c.deadline.at(std::min(whole, std::chrono::steady_clock::now() + pause));
    co_await http::async_read_some(c.socket, c.buffer, parser, net::redirect_error(net::use_awaitable, ec));
    if (ec == http::error::need_buffer) ec = {};
    if (ec == http::error::body_limit) {
      // The answers so far are sent; the last line says why the rest is not.
      lines.refuse({error_code::invalid_value, "", {"case.error.batch_too_large", {}}}, out);
      broken = true;
      break;
    }
    const std::size_t got = piece.size() - parser.get().body().size;
    received += got;
    c.entry.received(got);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    const bool too_slow = elapsed > kGrace &&
                          static_cast<double>(received) < static_cast<double>(ctx.options.batch_min_bytes_per_second) *
                                                              std::chrono::duration<double>(elapsed).count();
    if ((ec && c.deadline.passed()) || too_slow) {
      // The answers so far are sent; the last line says the body came too slowly.
      if (ctx.app.security.count(security_event::request_timeout)) spdlog::warn("a batch body came too slowly");
      lines.refuse({error_code::invalid_value, "", {"case.error.batch_too_slow", {}}}, out);
      broken = true;
      break;
    }
    if (ec) co_return false;
    lines.feed(piece.data(), got, out);
    if (out.size() >= kChunk) {
      c.deadline.after(std::chrono::seconds(30));
      co_await net::async_write(c.socket, http::make_chunk(net::buffer(out)), net::redirect_error(net::use_awaitable, ec));
      if (ec) co_return false;
      out.clear();
    }
  }
  c.entry.enter(connection_phase::working);
  c.deadline.after(std::chrono::seconds(30));
  if (!broken) lines.end(out);
  if (!out.empty()) {
    co_await net::async_write(c.socket, http::make_chunk(net::buffer(out)), net::redirect_error(net::use_awaitable, ec));
    if (ec) co_return false;
  }
  co_await net::async_write(c.socket, http::make_chunk_last(), net::redirect_error(net::use_awaitable, ec));
  c.deadline.never();
  co_return !ec && !broken && keep_alive;
}

}  // namespace boravak::server
