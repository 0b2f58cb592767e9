// Reading a JSON object field by field, refusing unknown fields and wrong types with an
// input_error that names the field's path, so a person knows what to fix. The server's bodies
// and the page's WebAssembly read the same way, so both refuse with the same words.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "boravak/civil_date.h"
#include "boravak/text.h"

namespace boravak::io {

// Input that cannot be used: the contract's code, the message, and where (e.g. "stays[1].exit").
// The server answers it with 422.
struct input_error {
  std::string code;
  text message;
  std::string path;
};

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

}  // namespace boravak::io
