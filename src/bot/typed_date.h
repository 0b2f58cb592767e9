// Dates as people type them into a chat, in every language we speak:
//   numbers, day first:   21.11.2026  21.11.2026.  21. 11. 2026.  1.5.2026  21.11.26  21/11/2026
//                         21-11-2026  21 11 2026  21.11 (no year)
//   year first (ISO):     2026-11-21  2026/11/21  2026.11.21
//   a month's name:       21 ноября  21 нояб. 2026  21. novembar 2026.  Nov 21, 2026  21st of November
//                         21. XI 2026. (Roman numerals, as Serbian writes them)
//   words:                today, yesterday (bot.words.*)
// The month names and the filler words ("г.", "godine", "of") come from the catalogs
// (bot.dates.* in i18n/<lang>/bot_dates.po): every spelling of a month in one entry, "|" between
// them. Serbian Cyrillic names are the Serbian Latin ones transliterated.
//
// The day always comes before the month: 10/20/2026 is refused, never read as October 20.
// Impossible dates (31.02.2026, 32 Oct) are refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot_message.h"
#include "boravak/civil_date.h"
#include "i18n/catalog.h"

namespace boravak::bot {

// Which year a date typed without one ("28 дек", "3.1") falls in, around today:
//   nearest — the date closest to today (a tie goes to the earlier one);
//   past    — the latest such date no later than today + kYearGuessMargin (an entry, a filing);
//   future  — the earliest such date no earlier than today − kYearGuessMargin (an expiry).
// Today 2026-01-03, "28 дек" gives 2025-12-28 with any hint (for `future`, within the
// margin: a permit that ran out last week), "20 дек" gives 2025-12-20 (nearest, past) or
// 2026-12-20 (future); today 2026-12-30, "3 jan" gives 2027-01-03 with any hint. 29 February
// goes to the leap year the hint picks.
enum class year_hint { nearest, past, future };
inline constexpr days kYearGuessMargin{7};

// A date read from the text, and whether the person should confirm it before it is taken.
struct typed_date {
  date day;
  bool year_guessed = false;  // no year was typed: the hint chose it
  // The reading may not be what was meant, so the dialog says it back ("21 October 2026 — is
  // that right?") and takes it only when confirmed: a guessed year; a two-digit year (26 is
  // the year of 19xx, 20xx or 21xx closest to today, in practice 2000–2099); or a day and a
  // month that could be the other way round in a form that is not the European dotted one
  // (1/10/2026, 1-10-2026, 1 10 2026, but not 1.10.2026 nor 13/10/2026).
  bool ambiguous = false;
  friend bool operator==(const typed_date&, const typed_date&) = default;
};

// `languages` lists the catalogs whose words count (the bot passes all of them, so "вчера"
// works in an English chat); the English "today" and "yesterday" always count. Nothing when
// the text is not a date.
std::optional<typed_date> parse_typed_date(std::string_view text, date today, const std::vector<const i18n::catalog*>& languages,
                                           year_hint hint = year_hint::nearest);

// An ambiguous date said back in `words`' language ("21 October 2026 — is that right? ..."),
// and the button under it: its data is the date as YYYY-MM-DD, which reads back unambiguously,
// so pressing it answers the same question with the date in full.
std::string date_confirmation(date day, const i18n::catalog& words);
button date_confirmation_button(date day, const i18n::catalog& words);

// Lower case for the letters of our languages: ASCII, Cyrillic (Russian, Ukrainian, Serbian)
// and the Serbian Latin letters with diacritics.
std::string fold_case(std::string_view text);

}  // namespace boravak::bot
