// Reading a request's query and headers (see api_request.h).
#include "api_request.h"

#include <array>

namespace boravak::server {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> api_request::query_value(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) != name) continue;
    if (eq == std::string_view::npos) return std::string();
    return percent_decode(pair.substr(eq + 1));
  }
  return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 5> kLanguages{"en", "ru", "uk", "sr", "sr-Cyrl"};
bool known(std::string_view lang) {
  for (std::string_view l : kLanguages)
    if (lang == l) return true;
  return false;
}
}  // namespace

std::string api_request::language() const {
  const auto asked = query_value("lang");
  return asked && known(*asked) ? *asked : std::string("en");
}

bool api_request::language_is_known() const {
  const auto asked = query_value("lang");
  return !asked || known(*asked);
}

std::string_view api_request::bearer_secret() const {
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() <= kBearer.size() || authorization.substr(0, kBearer.size()) != kBearer) return {};
  return authorization.substr(kBearer.size());
}

}  // namespace boravak::server
