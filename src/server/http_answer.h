// What a route answers: a status, a content type, a body and any extra headers. The server
// adds the security headers and writes it (http_session.cc).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "boravak/text.h"

namespace boravak::server {

inline constexpr std::string_view kJson = "application/json; charset=utf-8";

struct http_answer {
  unsigned status = 200;
  std::string content_type{kJson};
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

inline http_answer json_answer(std::string body, unsigned status = 200) {
  return {status, std::string(kJson), std::move(body), {}};
}

inline http_answer json_answer(const char* body, unsigned status = 200) { return json_answer(std::string(body), status); }

// A JSON value as an answer. Text that came from a request (a query, a path) may hold bytes that
// are not UTF-8: they become U+FFFD instead of an exception, so the answer is always valid JSON.
inline http_answer json_answer(const nlohmann::json& value, unsigned status = 200, int indent = -1) {
  return json_answer(value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace), status);
}

// The one shape of every failure: {"error": {"code", "message", "path"}} (docs/api.md).
http_answer error_answer(unsigned status, std::string_view code, std::string_view message, std::string_view path = "");

}  // namespace boravak::server

namespace boravak::server {

// Thrown by a route for input it refuses; the server turns it into error_answer, with the
// message in the request's language.
struct request_error {
  unsigned status;
  std::string code;
  text message;
  std::string path;
};

}  // namespace boravak::server
