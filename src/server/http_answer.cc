// Error answers (see http_answer.h).
#include "http_answer.h"

#include "io/result_json_writer.h"

namespace boravak::server {

http_answer error_answer(unsigned status, std::string_view code, std::string_view message, std::string_view path) {
  std::string body = "{\"error\":{\"code\":";
  io::append_json_string(body, code);
  body += ",\"message\":";
  // A message may quote, and a path name, bytes of the request: never trusted to be UTF-8.
  io::append_json_string(body, io::with_valid_utf8(message));
  body += ",\"path\":";
  io::append_json_string(body, io::with_valid_utf8(path));
  body += "}}";
  return json_answer(std::move(body), status);
}

}  // namespace boravak::server
