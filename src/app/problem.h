// Why a use case cannot answer: one type for every refusal, with the field it concerns and a
// message as a catalog key with arguments, rendered in the person's language by the adapter.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "boravak/case_error.h"
#include "boravak/text.h"

namespace boravak::app {

struct problem {
  error_code code = error_code::invalid_value;
  std::string field;  // the offending input: "stays[2].exit", "citizenship", "--on"
  text message;
};

// A value or the problem that stopped it.
template <class T>
class result {
 public:
  result(T value) : v_(std::move(value)) {}            // NOLINT: implicit on purpose
  result(problem p) : v_(std::move(p)) {}              // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const problem& error() const { return std::get<problem>(v_); }

 private:
  std::variant<T, problem> v_;
};

}  // namespace boravak::app
