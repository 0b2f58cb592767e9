// Field-by-field reading of JSON objects (see json_fields.h).
#include "json_fields.h"

namespace boravak::io {

json_fields::json_fields(const nlohmann::json& object, std::string path, std::initializer_list<std::string_view> allowed)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object()) throw input_error{"invalid_value", {"api.error.not_object", {}}, path_};
  for (const auto& [key, value] : object_.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (!known) refuse(key, "invalid_value", {"api.error.unknown_field", {text_arg::of_verbatim(key)}});
  }
}

std::string json_fields::path_of(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

void json_fields::refuse(std::string_view name, std::string_view code, boravak::text message) const {
  throw input_error{std::string(code), std::move(message), path_of(name)};
}

const nlohmann::json* json_fields::get(std::string_view name) const {
  const auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool json_fields::has(std::string_view name) const { return get(name) != nullptr; }

std::optional<std::string> json_fields::text(std::string_view name, std::size_t max_length) {
  const nlohmann::json* v = get(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) refuse(name, "invalid_value", {"api.error.not_text", {}});
  std::string s = v->get<std::string>();
  if (s.size() > max_length)
    refuse(name, "invalid_value", {"api.error.too_long", {text_arg::of_number(static_cast<long long>(max_length))}});
  return s;
}

std::optional<date> json_fields::day(std::string_view name) {
  const auto s = text(name, 64);
  if (!s) return std::nullopt;
  const auto d = parse_iso_date(*s);
  if (!d) refuse(name, "invalid_date", {"api.error.not_date", {text_arg::of_verbatim(*s)}});
  return d;
}

std::optional<long long> json_fields::integer(std::string_view name, long long min, long long max) {
  const nlohmann::json* v = get(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max)
    refuse(name, "invalid_value", {"api.error.not_whole_number", {text_arg::of_number(min), text_arg::of_number(max)}});
  return v->get<long long>();
}

std::optional<bool> json_fields::flag(std::string_view name) {
  const nlohmann::json* v = get(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) refuse(name, "invalid_value", {"api.error.not_flag", {}});
  return v->get<bool>();
}

const nlohmann::json* json_fields::array(std::string_view name) {
  const nlohmann::json* v = get(name);
  if (v != nullptr && !v->is_array()) refuse(name, "invalid_value", {"api.error.not_list", {}});
  return v;
}

}  // namespace boravak::io
