// The calendar day in Serbia at a moment, in the page: the browser's own time-zone database
// (Intl), since the IANA files the native build reads are not in the WebAssembly module.
#include <emscripten.h>

#include "app/clock.h"

// Days since 1970-01-01 of the date in Europe/Belgrade at `seconds` since the epoch.
EM_JS(int, belgrade_days_since_epoch, (double seconds), {
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit'})
                    .formatToParts(new Date(seconds * 1000));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / 86400000);
});

namespace boravak::app {

date belgrade_day(std::chrono::sys_seconds t) {
  return date{days{belgrade_days_since_epoch(static_cast<double>(t.time_since_epoch().count()))}};
}

}  // namespace boravak::app
