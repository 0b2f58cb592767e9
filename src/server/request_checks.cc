// The checks on a request's head (see request_checks.h).
#include "request_checks.h"

#include <cctype>

#include "api_request.h"

namespace boravak::server {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool same_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

std::optional<std::string> framing_problem(std::string_view transfer_encoding, bool has_transfer_encoding,
                                           std::size_t content_lengths, unsigned version) {
  if (content_lengths > 1) return "api.error.framing.content_lengths";
  if (!has_transfer_encoding) return std::nullopt;
  if (version < 11) return "api.error.framing.http10_chunked";
  if (content_lengths > 0) return "api.error.framing.both";
  if (!same_letters(trimmed(transfer_encoding), "chunked")) return "api.error.framing.coding";
  return std::nullopt;
}

std::string media_type(std::string_view content_type) {
  const std::string_view type = trimmed(content_type.substr(0, content_type.find(';')));
  std::string out;
  out.reserve(type.size());
  for (char c : type) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool media_type_accepted(std::string_view content_type, bool lines, bool csv) {
  const std::string type = media_type(content_type);
  if (csv) return type == "text/csv";
  return type == "application/json" || (lines && type == "application/x-ndjson");
}

std::optional<std::string> malformed_query_parameter(std::string_view query) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    const std::string_view name = pair.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (!percent_decode(name) || !percent_decode(value)) {
      const auto decoded = percent_decode(name);
      return std::string(decoded ? std::string_view(*decoded).substr(0, 40) : name.substr(0, 40));
    }
  }
  return std::nullopt;
}

}  // namespace boravak::server
