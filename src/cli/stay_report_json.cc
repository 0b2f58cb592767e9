// The report as JSON, for scripts (see stay_report.h). The "result" object is exactly the
// batch contract's result line, so both interfaces give the same answer.
#include "../io/result_json_writer.h"
#include "stay_report.h"

namespace boravak::cli {
namespace {

void field(std::string& out, const char* name) {
  if (out.back() != '{' && out.back() != '[') out += ',';
  io::append_json_string(out, name);
  out += ':';
}

void date_value(std::string& out, const std::optional<date>& d) {
  if (d) io::append_json_string(out, to_iso_string(*d)); else out += "null";
}

void reading_object(std::string& out, const answered_reading& a) {
  out += '{';
  field(out, "id"); io::append_json_string(out, a.reading->name);
  field(out, "description"); io::append_json_string(out, a.reading->description);
  field(out, "source"); if (a.reading->cited) io::append_json_string(out, a.reading->cited->source); else out += "null";
  field(out, "confidence"); if (a.reading->cited) io::append_json_string(out, a.reading->cited->confidence); else out += "null";
  field(out, "in_force_from"); date_value(out, a.reading->in_force_from);
  field(out, "result");
  std::string line;
  io::append_result_line(line, "null", a.result);
  line.pop_back();  // the newline
  out += line;
  out += '}';
}

}  // namespace

std::string stay_report_json(const stay_report& r, const rule_set& rules, bool explain) {
  std::string out = "{";
  field(out, "on"); date_value(out, r.query->data.on);
  field(out, "citizenship"); if (r.query->who) io::append_json_string(out, r.query->who->code); else out += "null";
  field(out, "applied"); reading_object(out, r.answers.front());
  field(out, "other_readings"); out += '[';
  for (std::size_t i = 1; i < r.answers.size(); ++i) {
    if (i > 1) out += ',';
    reading_object(out, r.answers[i]);
  }
  out += ']';

  field(out, "next_entries"); out += '{';
  field(out, "latest_exit"); date_value(out, r.next.latest_exit);
  field(out, "earliest_return"); date_value(out, r.next.earliest_return);
  field(out, "same_day_return"); out += r.next.same_day_return ? "true" : "false";
  field(out, "days_after_return"); out += std::to_string(r.next.days_after_return);
  field(out, "full_stay_return"); date_value(out, r.next.full_stay_return);
  field(out, "crossings"); out += '[';
  for (const crossing_option& o : r.next.crossings) {
    if (out.back() != '[') out += ',';
    out += '{';
    field(out, "id"); io::append_json_string(out, o.crossing->id);
    field(out, "name"); io::append_json_string(out, o.crossing->name);
    field(out, "neighbour"); io::append_json_string(out, o.crossing->neighbour);
    const country* neighbour = rules.find_country(o.crossing->neighbour);
    field(out, "neighbour_name"); io::append_json_string(out, neighbour ? neighbour->name : o.crossing->neighbour);
    field(out, "may_enter"); out += o.may_enter() ? "true" : "false";
    field(out, "entry_rule_known"); out += o.entry_rule ? "true" : "false";
    field(out, "note"); io::append_json_string(out, o.crossing->note);
    out += '}';
  }
  out += "]}";

  // The stays the answer used (after stamps were read and sorted), for timelines.
  field(out, "stays"); out += '[';
  for (const stay& s : r.query->data.stays) {
    if (out.back() != '[') out += ',';
    out += '{';
    field(out, "entry"); date_value(out, s.entry);
    field(out, "exit"); date_value(out, s.exit);
    out += '}';
  }
  out += ']';

  field(out, "registration"); out += '{';
  field(out, "hours"); out += std::to_string(rules.registration.deadline_hours);
  field(out, "entry"); date_value(out, r.registration_entry);
  field(out, "due"); date_value(out, r.registration_due);
  field(out, "source"); io::append_json_string(out, rules.registration.cited.source);
  field(out, "exemptions"); out += '[';
  for (const registration_exemption& e : rules.registration.exemptions) {
    if (out.back() != '[') out += ',';
    out += '{';
    field(out, "id"); io::append_json_string(out, e.id);
    field(out, "text"); io::append_json_string(out, e.text);
    out += '}';
  }
  out += "]}";

  if (explain && r.explanation.deciding) {
    field(out, "explanation"); out += '{';
    field(out, "deciding_from"); date_value(out, r.explanation.deciding->first);
    field(out, "deciding_to"); date_value(out, r.explanation.deciding->last);
    field(out, "period_end"); date_value(out, r.explanation.period_end);
    field(out, "stays"); out += '[';
    for (const stay_share& s : r.explanation.shares) {
      if (out.back() != '[') out += ',';
      out += '{';
      field(out, "stay"); out += std::to_string(s.stay_index);
      field(out, "from"); date_value(out, s.days.first);
      field(out, "to"); date_value(out, s.days.last);
      field(out, "counted"); out += std::to_string(s.counted);
      field(out, "exempt"); out += std::to_string(s.exempt);
      out += '}';
    }
    out += "]}";
  }
  out += "}\n";
  return out;
}

}  // namespace boravak::cli
