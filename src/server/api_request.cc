// Reading a request's query and headers (see api_request.h).
#include "api_request.h"

#include <array>
#include <cctype>
#include <optional>
#include <string>

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

// One language range of Accept-Language ("sr-Latn-RS", "ru", "*") as a language we speak.
std::optional<std::string> spoken(std::string_view range) {
  std::string tag;
  for (char c : range) tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string primary = tag.substr(0, tag.find('-'));
  if (primary == "en" || primary == "ru" || primary == "uk") return primary;
  // Serbian is written in both scripts; Cyrillic is the official one, so a plain "sr" gets it.
  if (primary == "sr") return tag.find("latn") != std::string::npos ? std::string("sr") : std::string("sr-Cyrl");
  return std::nullopt;
}

std::string request_language(std::string_view query, std::string_view accept_language, std::string_view fallback) {
  api_request probe;
  probe.query = query;
  if (const auto asked = probe.query_value("lang"); asked && known(*asked)) return *asked;
  // "uk-UA,uk;q=0.9,ru;q=0.8": the highest q wins; among equal q, the first.
  std::optional<std::string> best;
  double best_q = 0;
  std::string_view rest = accept_language;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t semicolon = item.find(';');
    std::string_view range = item.substr(0, semicolon);
    while (!range.empty() && range.front() == ' ') range.remove_prefix(1);
    while (!range.empty() && range.back() == ' ') range.remove_suffix(1);
    double q = 1;
    if (semicolon != std::string_view::npos) {
      const std::size_t at = item.find("q=", semicolon);
      if (at != std::string_view::npos) {
        try {
          q = std::stod(std::string(item.substr(at + 2, 5)));
        } catch (const std::exception&) {
          q = 0;
        }
      }
    }
    if (q <= best_q) continue;
    if (auto lang = spoken(range)) {
      best = std::move(lang);
      best_q = q;
    }
  }
  return best.value_or(std::string(fallback));
}

std::string api_request::language() const { return request_language(query, accept_language, fallback_language); }

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
