// Error answers (see http_answer.h).
#include "http_answer.h"

#include "io/result_json_writer.h"

namespace boravak::server {

http_answer error_answer(unsigned status, std::string_view code, std::string_view message, std::string_view path) {
  std::string body = "{\"error\":{\"code\":";
  io::append_json_string(body, code);
  body += ",\"message\":";
  io::append_json_string(body, message);
  body += ",\"path\":";
  io::append_json_string(body, path);
  body += "}}";
  return json_answer(std::move(body), status);
}

}  // namespace boravak::server
