// Result lines as JSON (see result_json_writer.h).
#include "result_json_writer.h"

#include <charconv>

namespace boravak::io {
namespace {

// Appends a string literal without measuring it at run time (no strlen on the hot path).
template <std::size_t N>
void put(std::string& out, const char (&text)[N]) {
  out.append(text, N - 1);
}

void append_int(std::string& out, long long value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, std::size_t(end - digits));
}

void append_date_or_null(std::string& out, const std::optional<date>& d) {
  if (!d) {
    put(out, "null");
    return;
  }
  char text[12];
  text[0] = '"';
  format_iso_date(*d, text + 1);
  text[11] = '"';
  out.append(text, 12);
}

}  // namespace

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

void append_regime(std::string& out, const regime& r) {
  put(out, "{\"kind\":\"");
  out += to_string(r.kind);
  put(out, "\",\"limit\":");
  append_int(out, r.limit);
  if (r.kind == regime_kind::rolling) {
    put(out, ",\"window\":");
    append_int(out, r.window);
  } else if (r.kind == regime_kind::fixed) {
    if (r.period_months > 0) put(out, ",\"period_months\":"); else put(out, ",\"period_days\":");
    append_int(out, r.period_months > 0 ? r.period_months : r.period_days);
  }
  out += '}';
}

void append_result_line(std::string& out, std::string_view id_json, const stay_result& r) {
  put(out, "{\"id\":");
  out += id_json;
  put(out, ",\"ok\":true,\"regime\":");
  append_regime(out, r.applied);
  if (r.present) put(out, ",\"present\":true,\"days_used\":"); else put(out, ",\"present\":false,\"days_used\":");
  append_int(out, r.days_used);
  put(out, ",\"days_left\":");
  append_int(out, r.days_left);
  put(out, ",\"last_legal_day\":");
  append_date_or_null(out, r.last_legal_day);
  put(out, ",\"overstay_days\":");
  append_int(out, r.overstay_days);
  put(out, ",\"first_overstay_day\":");
  append_date_or_null(out, r.first_overstay_day);
  if (r.max_stay) {
    put(out, ",\"plan\":{\"max_stay\":");
    append_int(out, *r.max_stay);
    out += '}';
  } else if (r.has_earliest_entry) {
    put(out, ",\"plan\":{\"earliest_entry\":");
    append_date_or_null(out, r.earliest_entry);
    out += '}';
  }
  put(out, "}\n");
}

void append_error_line(std::string& out, std::string_view id_json, const case_error& e) {
  put(out, "{\"id\":");
  out += id_json;
  put(out, ",\"ok\":false,\"error\":{\"code\":\"");
  out += to_string(e.code);
  put(out, "\",\"message\":");
  append_json_string(out, e.message);
  put(out, ",\"path\":");
  append_json_string(out, e.path);
  put(out, "}}\n");
}

}  // namespace boravak::io
