// libFuzzer target for the checks `boravak serve` makes on a request's head before it reads a
// body (src/server/request_checks.h) and for how it names a client (src/server/client_address.h).
// The first byte gives the framing flags (Transfer-Encoding present, how many Content-Lengths,
// HTTP/1.0 or 1.1); the rest is split at NUL bytes into Transfer-Encoding, Content-Type, the
// query, an address (or address block) and X-Forwarded-For. Invariants, each a crash when broken:
//  - framing_problem: several Content-Lengths are always refused; no Transfer-Encoding with at
//    most one Content-Length always passes; a refusal is an "api.error.framing.*" key; what
//    passes with Transfer-Encoding is HTTP/1.1, no Content-Length and "chunked" alone.
//  - media_type: no ';', no upper-case ASCII, no leading or trailing space or tab, never longer
//    than its input, and the same when applied again; media_type_accepted agrees with it, and
//    what a JSON route takes the batch route takes too.
//  - malformed_query_parameter: at most 40 bytes, the start of a parameter's name as sent or as
//    decoded, of a parameter whose name or value really is malformed; nothing only when every
//    name and value decodes (and then query_value finds every name).
//  - client_key and masked_client: an IPv4 key is the address itself, an IPv6 key its /64; the
//    masked form is a /24 or /48 and never the address in full; each parses back as a block that
//    contains the address.
//  - address_block: "A", "A/32" (IPv4) and "A/128" (IPv6) parse and contain A; any block that
//    parses contains its own base address.
//  - forwarded_client: a result is never an IPv4-mapped address, prints as text that parses back
//    to it, and is what a longer X-Forwarded-For ending in it gives.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "server/api_request.h"
#include "server/client_address.h"
#include "server/request_checks.h"

namespace {

using boost::asio::ip::address;
namespace server = boravak::server;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<address> parse_address(const std::string& text) {
  boost::system::error_code ec;
  const address a = boost::asio::ip::make_address(text, ec);
  if (ec) return std::nullopt;
  return a;
}

address unmapped(const address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
  return a;
}

void check_framing(std::string_view transfer_encoding, std::uint8_t flags) {
  const bool has_te = (flags & 1) != 0;
  const std::size_t lengths = (flags >> 1) & 3;
  const unsigned version = (flags & 8) != 0 ? 10 : 11;
  const auto problem = server::framing_problem(transfer_encoding, has_te, lengths, version);
  if (lengths > 1 && problem != std::optional<std::string>("api.error.framing.content_lengths")) __builtin_trap();
  if (!has_te && lengths <= 1 && problem) __builtin_trap();
  if (problem && !problem->starts_with("api.error.framing.")) __builtin_trap();
  if (!problem && has_te) {
    std::string coding;
    for (char c : trimmed(transfer_encoding)) coding += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (version < 11 || lengths != 0 || coding != "chunked") __builtin_trap();
  }
}

void check_media_type(std::string_view content_type) {
  const std::string type = server::media_type(content_type);
  if (type.size() > content_type.size()) __builtin_trap();
  for (char c : type)
    if (c == ';' || (c >= 'A' && c <= 'Z')) __builtin_trap();
  if (!type.empty() && (type.front() == ' ' || type.front() == '\t' || type.back() == ' ' || type.back() == '\t')) __builtin_trap();
  if (server::media_type(type) != type) __builtin_trap();
  const bool json = server::media_type_accepted(content_type, false);
  const bool lines = server::media_type_accepted(content_type, true);
  if (json != (type == "application/json")) __builtin_trap();
  if (lines != (type == "application/json" || type == "application/x-ndjson")) __builtin_trap();
  if (json && !lines) __builtin_trap();
}

void check_query(std::string_view query) {
  // The query's parameters, split as the server splits them.
  struct pair_view {
    std::string_view name, value;
  };
  std::vector<pair_view> pairs;
  for (std::string_view rest = query; !rest.empty();) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    pairs.push_back({pair.substr(0, eq), eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1)});
  }
  const auto bad = server::malformed_query_parameter(query);
  if (!bad) {
    for (const pair_view& p : pairs) {
      if (!server::percent_decode(p.name) || !server::percent_decode(p.value)) __builtin_trap();
      server::api_request r;
      r.query = query;
      if (!r.query_value(p.name)) __builtin_trap();  // every name is found, and its value decodes
    }
    return;
  }
  if (bad->size() > 40) __builtin_trap();
  bool named = false;
  for (const pair_view& p : pairs) {
    const auto name = server::percent_decode(p.name);
    const bool malformed = !name || !server::percent_decode(p.value);
    if (!malformed) continue;
    const std::string expected(name ? std::string_view(*name).substr(0, 40) : p.name.substr(0, 40));
    named = *bad == expected;
    break;  // the first malformed parameter is the one named
  }
  if (!named) __builtin_trap();
}

void check_address(const address& a) {
  const address plain = unmapped(a);
  const std::string key = server::client_key(a);
  if (plain.is_v4()) {
    if (key != plain.to_string()) __builtin_trap();
  } else if (!key.ends_with("/64")) {
    __builtin_trap();
  }
  const auto key_block = server::address_block::parse(key);
  if (!key_block || !key_block->contains(a)) __builtin_trap();

  const std::string masked = server::masked_client(a);
  if (!masked.ends_with(plain.is_v4() ? "/24" : "/48")) __builtin_trap();
  // Never the address in full: an IPv4 address keeps only its first three octets.
  if (masked == a.to_string() || masked == plain.to_string()) __builtin_trap();
  if (plain.is_v4() && !masked.substr(0, masked.size() - 3).ends_with(".0")) __builtin_trap();
  const auto masked_block = server::address_block::parse(masked);
  if (!masked_block || !masked_block->contains(a)) __builtin_trap();

  const auto alone = server::address_block::parse(a.to_string());
  if (!alone || !alone->contains(a) || !alone->contains(plain)) __builtin_trap();
  // "A/32" for IPv4 and "A/128" for IPv6 is the address alone. An IPv4-mapped IPv6 address is
  // kept as IPv4, so it takes at most /32: "::ffff:192.0.2.1/128" may be refused, but a block
  // that parses must still hold the address.
  const auto full = server::address_block::parse(a.to_string() + (a.is_v4() ? "/32" : "/128"));
  if (full && !full->contains(a)) __builtin_trap();
  if (!full && plain == a) __builtin_trap();
  const auto full_plain = server::address_block::parse(plain.to_string() + (plain.is_v4() ? "/32" : "/128"));
  if (!full_plain || !full_plain->contains(a)) __builtin_trap();
}

void check_block(const std::string& text) {
  const auto block = server::address_block::parse(text);
  if (!block) return;
  const auto base = parse_address(text.substr(0, text.find('/')));
  if (!base || !block->contains(*base)) __builtin_trap();
}

void check_forwarded(std::string_view x_forwarded_for) {
  const auto client = server::forwarded_client(x_forwarded_for);
  if (!client) return;
  if (client->is_v6() && client->to_v6().is_v4_mapped()) __builtin_trap();
  const std::string text = client->to_string();
  const auto again = parse_address(text);
  if (!again || *again != *client) __builtin_trap();
  // A link-local IPv6 address may print its zone as an interface name longer than the index it
  // was given as, past the 45 characters forwarded_client reads: only shorter texts go round.
  if (text.size() > 45) return;
  if (server::forwarded_client(text) != client) __builtin_trap();
  // Only the last address counts, whatever the client wrote before it.
  const std::string longer = std::string(x_forwarded_for) + "," + text;
  if (server::forwarded_client(longer) != client) __builtin_trap();
  if (server::forwarded_client("198.51.100.7, " + text) != client) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  // Transfer-Encoding, Content-Type, the query, an address or block, X-Forwarded-For.
  std::string fields[5];
  std::size_t f = 0;
  for (char c : input) {
    if (c == '\0' && f < 4) ++f;
    else fields[f].push_back(c);
  }
  check_framing(fields[0], data[0]);
  check_media_type(fields[1]);
  check_query(fields[2]);
  if (const auto a = parse_address(fields[3])) check_address(*a);
  check_block(fields[3]);
  check_forwarded(fields[4]);
  return 0;
}
