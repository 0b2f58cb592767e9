// A request as a route sees it: the method, the path parameters, the query, the body and the
// profile secret. The views point into the connection's buffers and live as long as the call.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boravak::server {

struct api_request {
  std::string_view method;
  std::string_view path;
  std::string_view query;          // after '?', still percent-encoded
  std::string_view body;
  std::string_view authorization;  // the Authorization header
  std::vector<std::string> params; // the {placeholders} of the route, in order
  std::string_view accept_language;  // the Accept-Language header
  std::string_view fallback_language = "en";  // when neither ?lang= nor Accept-Language says

  // The decoded value of ?name=, or nothing.
  std::optional<std::string> query_value(std::string_view name) const;
  // ?lang= when it is one of the languages we speak, else the first of Accept-Language we
  // speak, else "en" (request_language). The server refuses any other ?lang= before a route
  // runs (language_is_known).
  std::string language() const;
  bool language_is_known() const;
  // The secret of "Authorization: Bearer <secret>", or empty.
  std::string_view bearer_secret() const;
};

// The language of an answer: ?lang= in `query` when we speak it, else the preferred language
// of `accept_language` that we speak ("sr-Latn" and "sr-Latn-RS" give sr, any other "sr" gives
// sr-Cyrl, "ru-RU" gives ru), else `fallback`.
std::string request_language(std::string_view query, std::string_view accept_language, std::string_view fallback = "en");

// Percent-decoding with '+' as a space; nothing when the text is malformed.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace boravak::server
