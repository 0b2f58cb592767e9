// Client keys and address blocks (see client_address.h).
#include "client_address.h"

#include <array>
#include <charconv>

namespace boravak::server {
namespace {

using boost::asio::ip::address;
using boost::asio::ip::address_v6;

address unmapped(const address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
  return a;
}

// The bytes of `a` with all but the first `bits` set to zero.
template <std::size_t N>
std::array<unsigned char, N> prefix(std::array<unsigned char, N> bytes, unsigned bits) {
  for (std::size_t i = 0; i < N; ++i) {
    const unsigned kept = bits >= (i + 1) * 8 ? 8 : bits > i * 8 ? bits - static_cast<unsigned>(i * 8) : 0;
    bytes[i] &= static_cast<unsigned char>(kept == 8 ? 0xFF : (0xFF << (8 - kept)) & 0xFF);
  }
  return bytes;
}

std::string block_text(const address& a, unsigned v4_bits, unsigned v6_bits) {
  if (a.is_v4()) return boost::asio::ip::address_v4(prefix(a.to_v4().to_bytes(), v4_bits)).to_string() + "/" + std::to_string(v4_bits);
  return address_v6(prefix(a.to_v6().to_bytes(), v6_bits)).to_string() + "/" + std::to_string(v6_bits);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string client_key(const address& a) {
  const address plain = unmapped(a);
  if (plain.is_v4()) return plain.to_string();
  return block_text(plain, 32, 64);
}

std::string masked_client(const address& a) { return block_text(unmapped(a), 24, 48); }

std::optional<address_block> address_block::parse(std::string_view text) {
  const std::size_t slash = text.find('/');
  boost::system::error_code ec;
  const address base = boost::asio::ip::make_address(std::string(text.substr(0, slash)), ec);
  if (ec) return std::nullopt;
  address_block block;
  block.base_ = unmapped(base);
  block.bits_ = block.base_.is_v4() ? 32 : 128;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    unsigned bits = 0;
    const auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (err != std::errc() || end != digits.data() + digits.size() || digits.empty() || bits > block.bits_) return std::nullopt;
    block.bits_ = bits;
  }
  return block;
}

bool address_block::contains(const address& a) const {
  const address plain = unmapped(a);
  if (plain.is_v4() != base_.is_v4()) return false;
  if (plain.is_v4()) return prefix(plain.to_v4().to_bytes(), bits_) == prefix(base_.to_v4().to_bytes(), bits_);
  return prefix(plain.to_v6().to_bytes(), bits_) == prefix(base_.to_v6().to_bytes(), bits_);
}

std::optional<address> forwarded_client(std::string_view x_forwarded_for) {
  const std::size_t comma = x_forwarded_for.rfind(',');
  const std::string_view last = trimmed(comma == std::string_view::npos ? x_forwarded_for : x_forwarded_for.substr(comma + 1));
  // A zone ("fe80::1%eth0") names an interface of the proxy's machine, not a client.
  if (last.empty() || last.size() > 45 || last.find('%') != std::string_view::npos) return std::nullopt;
  boost::system::error_code ec;
  const address a = boost::asio::ip::make_address(std::string(last), ec);
  if (ec) return std::nullopt;
  return unmapped(a);
}

}  // namespace boravak::server
