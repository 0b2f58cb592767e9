// Result lines as JSON (see result_json_writer.h).
#include "result_json_writer.h"

#include <charconv>
#include <cstring>

#include <simdjson.h>

namespace boravak::io {
namespace {

// Appends a string literal without measuring it at run time (no strlen on the hot path).
template <std::size_t N>
void put(std::string& out, const char (&text)[N]) {
  out.append(text, N - 1);
}

}  // namespace

namespace {

// The valid UTF-8 text of `text`, each byte that starts no valid sequence replaced by U+FFFD.
// Bytes from a request (a path, a query) can be anything; a JSON answer must stay valid JSON.
std::string replace_invalid_utf8(std::string_view text) {
  std::string clean;
  clean.reserve(text.size() + 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (valid && length > 1) {
      // No overlong forms, no surrogates, nothing past U+10FFFF.
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      if (length == 2) valid = c >= 0xC2;
      if (length == 3) valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
      if (length == 4) valid = !(c == 0xF0 && c1 < 0x90) && c <= 0xF4 && !(c == 0xF4 && c1 >= 0x90);
    }
    if (valid) {
      clean.append(text.substr(i, length));
      i += length;
    } else {
      clean += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return clean;
}

}  // namespace

std::string with_valid_utf8(std::string_view text) {
  if (simdjson::validate_utf8(text.data(), text.size())) return std::string(text);
  return replace_invalid_utf8(text);
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': put(out, "\\\""); break;
      case '\\': put(out, "\\\\"); break;
      case '\n': put(out, "\\n"); break;
      case '\r': put(out, "\\r"); break;
      case '\t': put(out, "\\t"); break;
      default:
        if (c < 0x20) {
          put(out, "\\u00");
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

namespace {

// Writes into space reserved in advance: one resize per line instead of a capacity check and a
// copy call per fragment (this writer is about a tenth of `boravak batch`'s time otherwise).
class cursor {
 public:
  explicit cursor(char* at) : at_(at) {}
  template <std::size_t N>
  void literal(const char (&text)[N]) {
    std::memcpy(at_, text, N - 1);
    at_ += N - 1;
  }
  void text(std::string_view s) {
    std::memcpy(at_, s.data(), s.size());
    at_ += s.size();
  }
  void number(long long value) { at_ = std::to_chars(at_, at_ + 24, value).ptr; }
  void date_or_null(const std::optional<date>& d) {
    if (!d) return literal("null");
    *at_++ = '"';
    at_ = format_iso_date(*d, at_);
    *at_++ = '"';
  }
  void regime_object(const regime& r) {
    literal("{\"kind\":\"");
    text(to_string(r.kind));
    literal("\",\"limit\":");
    number(r.limit);
    if (r.kind == regime_kind::rolling) {
      literal(",\"window\":");
      number(r.window);
    } else if (r.kind == regime_kind::fixed) {
      if (r.period_months > 0) literal(",\"period_months\":"); else literal(",\"period_days\":");
      number(r.period_months > 0 ? r.period_months : r.period_days);
    }
    *at_++ = '}';
  }
  char* position() const { return at_; }

 private:
  char* at_;
};

// Longest result line apart from the id and the readings: the fixed text, nine numbers and four
// dates; and the longest reading: its regime, two numbers and a date.
constexpr std::size_t kResultLineBound = 512;
constexpr std::size_t kReadingBound = 192;

}  // namespace

void append_result_line(std::string& out, std::string_view id_json, const stay_result& r,
                        std::span<const reading_answer> readings) {
  const std::size_t start = out.size();
  out.resize(start + id_json.size() + kResultLineBound + readings.size() * kReadingBound);
  cursor c(out.data() + start);
  c.literal("{\"id\":");
  c.text(id_json);
  c.literal(",\"ok\":true,\"regime\":");
  c.regime_object(r.applied);
  if (r.present) c.literal(",\"present\":true,\"days_used\":"); else c.literal(",\"present\":false,\"days_used\":");
  c.number(r.days_used);
  c.literal(",\"days_left\":");
  c.number(r.days_left);
  c.literal(",\"last_legal_day\":");
  c.date_or_null(r.last_legal_day);
  c.literal(",\"overstay_days\":");
  c.number(r.overstay_days);
  c.literal(",\"first_overstay_day\":");
  c.date_or_null(r.first_overstay_day);
  if (r.max_stay) {
    c.literal(",\"plan\":{\"max_stay\":");
    c.number(*r.max_stay);
    c.literal("}");
  } else if (r.has_earliest_entry) {
    c.literal(",\"plan\":{\"earliest_entry\":");
    c.date_or_null(r.earliest_entry);
    c.literal("}");
  }
  if (readings.size() > 1) {
    c.literal(",\"readings\":[");
    for (std::size_t i = 0; i < readings.size(); ++i) {
      const stay_result& each = readings[i].result;
      if (i > 0) c.literal(",");
      c.literal("{\"regime\":");
      c.regime_object(each.applied);
      c.literal(",\"days_used\":");
      c.number(each.days_used);
      c.literal(",\"days_left\":");
      c.number(each.days_left);
      c.literal(",\"last_legal_day\":");
      c.date_or_null(each.last_legal_day);
      c.literal("}");
    }
    c.literal("]");
  }
  c.literal("}\n");
  out.resize(std::size_t(c.position() - out.data()));
}

void append_readings_result_line(std::string& out, std::string_view id_json,
                                 const std::vector<reading_answer>& answers) {
  if (answers.size() == 1) return append_result_line(out, id_json, answers.front().result);
  append_result_line(out, id_json, stricter_by_field(answers), answers);
}

void append_error_line(std::string& out, std::string_view id_json, const case_error& e, std::string_view message) {
  put(out, "{\"id\":");
  out += id_json;
  put(out, ",\"ok\":false,\"error\":{\"code\":\"");
  out += to_string(e.code);
  put(out, "\",\"message\":");
  append_json_string(out, message);
  put(out, ",\"path\":");
  append_json_string(out, e.path);
  put(out, "}}\n");
}

}  // namespace boravak::io
