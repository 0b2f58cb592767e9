// Result lines as JSON (see result_json_writer.h).
#include "result_json_writer.h"

#include <charconv>

namespace boravak::io {
namespace {

void append_int(std::string& out, long long value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, std::size_t(end - digits));
}

void append_date_or_null(std::string& out, const std::optional<date>& d) {
  if (!d) {
    out += "null";
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
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
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
  out += "{\"kind\":\"";
  out += to_string(r.kind);
  out += "\",\"limit\":";
  append_int(out, r.limit);
  if (r.kind == regime_kind::rolling) {
    out += ",\"window\":";
    append_int(out, r.window);
  } else if (r.kind == regime_kind::fixed) {
    out += r.period_months > 0 ? ",\"period_months\":" : ",\"period_days\":";
    append_int(out, r.period_months > 0 ? r.period_months : r.period_days);
  }
  out += '}';
}

void append_result_line(std::string& out, std::string_view id_json, const stay_result& r) {
  out += "{\"id\":";
  out += id_json;
  out += ",\"ok\":true,\"regime\":";
  append_regime(out, r.applied);
  out += r.present ? ",\"present\":true,\"days_used\":" : ",\"present\":false,\"days_used\":";
  append_int(out, r.days_used);
  out += ",\"days_left\":";
  append_int(out, r.days_left);
  out += ",\"last_legal_day\":";
  append_date_or_null(out, r.last_legal_day);
  out += ",\"overstay_days\":";
  append_int(out, r.overstay_days);
  out += ",\"first_overstay_day\":";
  append_date_or_null(out, r.first_overstay_day);
  if (r.max_stay) {
    out += ",\"plan\":{\"max_stay\":";
    append_int(out, *r.max_stay);
    out += '}';
  } else if (r.has_earliest_entry) {
    out += ",\"plan\":{\"earliest_entry\":";
    append_date_or_null(out, r.earliest_entry);
    out += '}';
  }
  out += "}\n";
}

void append_error_line(std::string& out, std::string_view id_json, const case_error& e) {
  out += "{\"id\":";
  out += id_json;
  out += ",\"ok\":false,\"error\":{\"code\":\"";
  out += to_string(e.code);
  out += "\",\"message\":";
  append_json_string(out, e.message);
  out += ",\"path\":";
  append_json_string(out, e.path);
  out += "}}\n";
}

}  // namespace boravak::io
