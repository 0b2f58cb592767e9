// Reading a JSON request body field by field, refusing unknown fields and wrong types with a
// request_error that names the field's path, so a person knows what to fix.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api_request.h"
#include "boravak/civil_date.h"
#include "http_answer.h"

namespace boravak::server {

// The body as a JSON object: 400 invalid_json when it is not one. An empty body is {} when
// `empty_is_object`.
nlohmann::json parse_json_body(const api_request& r, bool empty_is_object = false);

// ?on=, or today in Belgrade when it is absent; 422 invalid_date when it is not a real date.
date day_of_query(const api_request& r, date today);

class json_fields {
 public:
  // `path` is where this object sits ("" for the body, "family[1]" inside it).
  json_fields(const nlohmann::json& object, std::string path, std::initializer_list<std::string_view> allowed);

  std::optional<std::string> text(std::string_view name, std::size_t max_length);
  std::optional<date> day(std::string_view name);
  std::optional<long long> integer(std::string_view name, long long min, long long max);
  std::optional<bool> flag(std::string_view name);
  const nlohmann::json* array(std::string_view name);
  bool has(std::string_view name) const;

  std::string path_of(std::string_view name) const;
  [[noreturn]] void refuse(std::string_view name, std::string_view code, boravak::text message) const;

 private:
  const nlohmann::json* get(std::string_view name) const;
  const nlohmann::json& object_;
  std::string path_;
};

}  // namespace boravak::server
