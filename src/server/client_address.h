// Who a client is, for the rate limit and the connection caps: one key per IPv4 address and one
// per IPv6 /64 (a host gets a whole /64 and could otherwise take a fresh key for each request),
// and, behind a reverse proxy we trust, the address the proxy saw (X-Forwarded-For).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/ip/address.hpp>

namespace boravak::server {

// "203.0.113.7" for IPv4 (also when mapped into IPv6), "2001:db8:1:2::/64" for IPv6.
std::string client_key(const boost::asio::ip::address& address);

// How a log names a client: never in full. "203.0.113.0/24", "2001:db8:1::/48".
std::string masked_client(const boost::asio::ip::address& address);

// An address block such as "127.0.0.1/32" or "::1/128".
class address_block {
 public:
  // Nothing when `text` is not ADDRESS/BITS (BITS may be left out: a single address).
  static std::optional<address_block> parse(std::string_view text);
  bool contains(const boost::asio::ip::address& address) const;

 private:
  boost::asio::ip::address base_;
  unsigned bits_ = 0;
};

// The client a trusted proxy names: the last address of X-Forwarded-For, which the proxy itself
// appended (the ones before it come from the client and prove nothing). Nothing when absent or
// not an address.
std::optional<boost::asio::ip::address> forwarded_client(std::string_view x_forwarded_for);

}  // namespace boravak::server
