// iCalendar export through libical (see calendar_export.h).
#include "calendar_export.h"

#include <libical/ical.h>

#include <memory>

namespace boravak::io {
namespace {

struct component_deleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using component_ptr = std::unique_ptr<icalcomponent, component_deleter>;

icaltimetype all_day(date d) {
  const std::chrono::year_month_day ymd{d};
  icaltimetype t = icaltime_null_date();
  t.year = int(ymd.year());
  t.month = int(unsigned(ymd.month()));
  t.day = int(unsigned(ymd.day()));
  t.is_date = 1;
  return t;
}

void add_event(icalcomponent* calendar, const std::string& uid, date day, const std::string& summary,
               const std::string& description, date stamp, const std::vector<int>& alarm_days,
               const i18n::catalog& words) {
  icalcomponent* event = icalcomponent_new_vevent();
  icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
  // DTSTAMP is required; the plan's date keeps the file reproducible (the core reads no clock).
  icaltimetype dtstamp = all_day(stamp);
  dtstamp.is_date = 0;  // a date-time at midnight UTC: a date alone has no time fields to print
  dtstamp.hour = dtstamp.minute = dtstamp.second = 0;
  dtstamp.zone = icaltimezone_get_utc_timezone();
  icalcomponent_add_property(event, icalproperty_new_dtstamp(dtstamp));
  icalcomponent_add_property(event, icalproperty_new_dtstart(all_day(day)));
  icalcomponent_add_property(event, icalproperty_new_dtend(all_day(day + days{1})));
  icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
  icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
  for (int before : alarm_days) {
    // An alarm that would ring before the day the file is made would ring at once, or never.
    if (day - days{before} < stamp) continue;
    icalcomponent* alarm = icalcomponent_new_valarm();
    icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    icaltriggertype trigger{};
    trigger.time = icaltime_null_time();
    trigger.duration = icaldurationtype_from_int(-before * 24 * 60 * 60);
    icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
    const std::string note = words.render({"calendar.alarm", {text_arg::of_number(before), text_arg::of_verbatim(summary)}});
    icalcomponent_add_property(alarm, icalproperty_new_description(note.c_str()));
    icalcomponent_add_component(event, alarm);
  }
  icalcomponent_add_component(calendar, event);
}

}  // namespace

namespace {

component_ptr new_calendar(const i18n::catalog& words) {
  component_ptr calendar(icalcomponent_new_vcalendar());
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//boravak//permit plan//EN"));
  icalproperty* name = icalproperty_new_x(words.get("calendar.calendar_name").c_str());
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), name);
  return calendar;
}

std::string text_of(const component_ptr& calendar) {
  char* text = icalcomponent_as_ical_string(calendar.get());
  return text ? std::string(text) : std::string();
}

}  // namespace

std::string dates_to_ics(const std::vector<dated_event>& events, date stamp, const i18n::catalog& words,
                         const std::vector<int>& alarm_days_before) {
  component_ptr calendar = new_calendar(words);
  for (const dated_event& e : events)
    add_event(calendar.get(), e.uid, e.day, e.summary, e.description, stamp, alarm_days_before, words);
  return text_of(calendar);
}

std::string plan_to_ics(const permit::permit_plan& plan, const std::string& person_key, const i18n::catalog& words,
                        const std::vector<int>& alarm_days_before) {
  component_ptr calendar = new_calendar(words);

  for (const permit::dated_step& step : plan.steps) {
    if (!step.calendar || !step.last) continue;
    // A deadline already behind the plan's day is no event to be reminded of: the plan says
    // it was missed, and what to do now.
    if (*step.last < plan.on) continue;
    const std::string what = words.render(step.what);
    const std::string description = what + "\n" + words.cited(step.why.cited);
    // Ids name the person and the kind of deadline, not its date: when a deadline moves, the
    // calendar updates the event instead of adding a second one, and an agency's calendar
    // keeps every client's apart.
    if (step.first && *step.first >= plan.on) {
      add_event(calendar.get(), step.id + "-opens." + person_key + "@boravak", *step.first,
                words.format("calendar.opens", {what}), description, plan.on, {}, words);
    }
    add_event(calendar.get(), step.id + "." + person_key + "@boravak", *step.last,
              step.first ? words.format("calendar.closes", {what}) : what, description, plan.on, alarm_days_before, words);
  }
  return text_of(calendar);
}

}  // namespace boravak::io
