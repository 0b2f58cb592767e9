// Reading typed dates (see typed_date.h).
#include "typed_date.h"

#include <array>
#include <cstdlib>
#include <sstream>

#include "i18n/serbian_script.h"

namespace boravak::bot {
namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ..Џ: Ё Ђ Є І Ї Ј Љ Њ Ћ Џ
  if (c == 0x490) return 0x491;                   // Ґ
  if (c == 0x10C || c == 0x106 || c == 0x110 || c == 0x160 || c == 0x17D) return c + 1;  // Č Ć Đ Š Ž
  return c;
}

// The spellings in a catalog entry ("окт|октябрь|октября"), folded, without a trailing dot
// ("окт." is "окт": the dot is read as a separator).
std::vector<std::string> alternatives(const std::string& entry) {
  std::vector<std::string> out;
  std::stringstream in(entry);
  for (std::string word; std::getline(in, word, '|');) {
    while (!word.empty() && (word.back() == '.' || word.back() == ' ')) word.pop_back();
    while (!word.empty() && word.front() == ' ') word.erase(0, 1);
    if (!word.empty()) out.push_back(fold_case(word));
  }
  return out;
}

// Whether `folded` is one of a catalog's spellings for `key`; the Serbian catalog's count in
// Cyrillic too (the sr-Cyrl catalog transliterates by itself), so either script is understood
// whichever catalogs are asked.
bool catalog_has_word(const i18n::catalog& words, const std::string& key, const std::string& folded) {
  if (!words.has(key)) return false;
  for (const std::string& word : alternatives(words.get(key)))
    if (folded == word || (words.language() == "sr" && folded == fold_case(i18n::to_serbian_cyrillic(word)))) return true;
  return false;
}

// --- The text in pieces ---------------------------------------------------------------------

// One UTF-8 character: its code point and length; a broken sequence reads as U+FFFD.
std::pair<char32_t, std::size_t> next_char(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  if (b < 0x80) return {b, 1};
  if (b >= 0xC2 && b <= 0xDF && cont(1)) return {char32_t((b & 0x1F) << 6 | (s[i + 1] & 0x3F)), 2};
  if (b >= 0xE0 && b <= 0xEF && cont(1) && cont(2)) {
    const char32_t c = (b & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
    if (c >= 0x800) return {c, 3};  // (an overlong form is broken)
  }
  return {0xFFFD, 1};
}

bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x400 && c <= 0x4FF);
}
bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x2009 || c == 0x202F; }
// A separator's mark, or 0: dashes of every length are all '-'.
char mark_of(char32_t c) {
  if (c == '.' || c == ',' || c == '/' || c == '-') return static_cast<char>(c);
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return '-';
  return 0;
}

struct piece {
  bool number = false;
  std::string text;          // digits, or a word in lower case
  std::string marks_before;  // the separators since the piece before, spaces left out (". " is ".")
};

struct pieces {
  std::vector<piece> list;
  std::string marks_after;  // after the last piece
};

// The text as numbers and words, with the marks between them; nothing for a character that
// has no place in a date.
std::optional<pieces> split(std::string_view folded) {
  pieces out;
  std::string marks;
  bool gap = true;  // a space or a mark since the last digit or letter
  for (std::size_t i = 0; i < folded.size();) {
    const auto [c, length] = next_char(folded, i);
    const bool digit = c >= '0' && c <= '9';
    if (digit || is_letter(c)) {
      if (gap || out.list.back().number != digit) {  // "20th" is two pieces, "20" and "th"
        out.list.push_back({digit, "", marks});
        marks.clear();
      }
      out.list.back().text.append(folded.substr(i, length));
      gap = false;
    } else if (const char m = mark_of(c)) {
      marks += m;
      gap = true;
    } else if (is_space(c)) {
      gap = true;
    } else {
      return std::nullopt;
    }
    i += length;
  }
  out.marks_after = marks;
  return out;
}

// --- Months, years, days --------------------------------------------------------------------

// The month a word names in any of the catalogs, or a Roman numeral (I to XII); 0 for none.
unsigned month_named(const std::string& word, const std::vector<const i18n::catalog*>& languages) {
  static const std::array<const char*, 12> kRoman{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"};
  for (unsigned m = 1; m <= 12; ++m)
    if (word == kRoman[m - 1]) return m;
  for (const i18n::catalog* words : languages)
    for (unsigned m = 1; m <= 12; ++m)
      if (catalog_has_word(*words, "bot.dates.month." + std::to_string(m), word)) return m;
  return 0;
}

bool is_filler(const std::string& word, const std::vector<const i18n::catalog*>& languages) {
  for (const i18n::catalog* words : languages)
    if (catalog_has_word(*words, "bot.dates.filler", word)) return true;
  return false;
}

int year_of(date d) { return int(std::chrono::year_month_day{d}.year()); }

std::optional<date> make_date(int y, unsigned m, unsigned d) {
  if (y < kFirstInputYear || y > kLastInputYear) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date{ymd};
}

// 26 is 2026 today: of 1926, 2026 and 2126, the year closest to today's (the later on a tie).
int full_year(int two_digits, date today) {
  const int now = year_of(today);
  int best = now - now % 100 + two_digits;
  for (int other : {best - 100, best + 100})
    if (std::abs(other - now) < std::abs(best - now) || (std::abs(other - now) == std::abs(best - now) && other > best)) best = other;
  return best;
}

// The year for a day and month typed without one (see year_hint in typed_date.h). Years up to
// four either side are looked at, so that 29 February finds a leap year.
std::optional<date> guess_year(unsigned m, unsigned d, date today, year_hint hint) {
  const int now = year_of(today);
  std::optional<date> best;
  for (int y = now - 4; y <= now + 4; ++y) {  // in increasing order
    const auto candidate = make_date(y, m, d);
    if (!candidate) continue;
    switch (hint) {
      case year_hint::nearest:
        if (!best || std::chrono::abs(*candidate - today) < std::chrono::abs(*best - today)) best = candidate;
        break;
      case year_hint::past:
        if (*candidate <= today + kYearGuessMargin) best = candidate;
        break;
      case year_hint::future:
        if (!best && *candidate >= today - kYearGuessMargin) best = candidate;
        break;
    }
  }
  return best;
}

bool length_between(const std::string& s, std::size_t low, std::size_t high) { return s.size() >= low && s.size() <= high; }

// A day, month and (maybe) year as typed, made into a date: `year_text` is "", two digits or four.
std::optional<typed_date> resolve(const std::string& day_text, unsigned month, const std::string& year_text, date today,
                                  year_hint hint) {
  if (!length_between(day_text, 1, 2) || month < 1 || month > 12) return std::nullopt;
  const unsigned d = unsigned(std::stoi(day_text));
  if (year_text.empty()) {
    const auto guessed = guess_year(month, d, today, hint);
    if (!guessed) return std::nullopt;
    return typed_date{*guessed, true, true};
  }
  if (year_text.size() != 2 && year_text.size() != 4) return std::nullopt;
  const bool short_year = year_text.size() == 2;
  const int y = short_year ? full_year(std::stoi(year_text), today) : std::stoi(year_text);
  const auto day = make_date(y, month, d);
  if (!day) return std::nullopt;
  return typed_date{*day, false, short_year};
}

// Numbers only: D.M.Y, D.M (year guessed) or Y-M-D, with one kind of mark between them.
std::optional<typed_date> read_numbers(const pieces& p, date today, year_hint hint) {
  const std::size_t n = p.list.size();
  if (n < 2 || n > 3) return std::nullopt;
  char mark = 0;  // the one mark between the numbers; 0 for spaces only
  for (std::size_t i = 1; i < n; ++i) {
    const std::string& m = p.list[i].marks_before;
    if (m.size() > 1 || m == ",") return std::nullopt;
    if (m.empty()) continue;
    if (mark != 0 && mark != m[0]) return std::nullopt;  // 20.10/2026
    mark = m[0];
  }
  const std::string& a = p.list[0].text;
  const std::string& b = p.list[1].text;
  if (n == 3 && a.size() == 4) {  // year first: 2026-10-20
    if (!length_between(b, 1, 2) || !length_between(p.list[2].text, 1, 2)) return std::nullopt;
    return resolve(p.list[2].text, unsigned(std::stoi(b)), a, today, hint);
  }
  if (!length_between(b, 1, 2)) return std::nullopt;
  auto read = resolve(a, unsigned(std::stoi(b)), n == 3 ? p.list[2].text : "", today, hint);
  // 1/10/2026 is 1 October here, but 10 January to someone used to month-first dates; the
  // dotted form is the European one and needs no question.
  if (read && mark != '.' && std::stoi(a) <= 12 && std::stoi(b) <= 12 && std::stoi(a) != std::stoi(b)) read->ambiguous = true;
  return read;
}

// With a month's name: day month [year], or month day [year] ("Oct 20, 2026").
std::optional<typed_date> read_with_name(const pieces& p, unsigned month, date today, year_hint hint) {
  const std::size_t n = p.list.size();
  if (n < 2 || n > 3) return std::nullopt;
  const std::size_t name_at = !p.list[0].number ? 0 : 1;
  if (p.list[name_at].number) return std::nullopt;
  const std::size_t day_at = name_at == 0 ? 1 : 0;
  if (!p.list[day_at].number) return std::nullopt;
  std::string year;
  if (n == 3) {
    if (!p.list[2].number) return std::nullopt;
    year = p.list[2].text;
  }
  return resolve(p.list[day_at].text, month, year, today, hint);
}

}  // namespace

std::string fold_case(std::string_view text) {
  const auto continuation = [&](std::size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  const auto three_bytes = [&](std::size_t i) -> char32_t {
    return ((text[i] & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F);
  };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0xC2 && b <= 0xDF && continuation(i + 1)) {
      append_utf8(out, lower(((b & 0x1F) << 6) | (text[i + 1] & 0x3F)));
      i += 2;
    } else if (b >= 0xE0 && b <= 0xEF && continuation(i + 1) && continuation(i + 2) && three_bytes(i) >= 0x800) {
      append_utf8(out, lower(three_bytes(i)));  // (an overlong form, below 0x800, is copied as it is)
      i += 3;
    } else {
      // ASCII, or anything else (4-byte letters, stray bytes) copied as it is.
      out += static_cast<char>(b < 0x80 ? static_cast<char>(lower(b)) : text[i]);
      ++i;
    }
  }
  return out;
}

std::optional<typed_date> parse_typed_date(std::string_view text, date today, const std::vector<const i18n::catalog*>& languages,
                                           year_hint hint) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  text = text.substr(first, text.find_last_not_of(" \t\r\n!") - first + 1);
  if (auto d = parse_written_date(text)) return typed_date{*d};
  const std::string folded = fold_case(text);
  {
    std::string word = folded;
    while (!word.empty() && word.back() == '.') word.pop_back();
    if (word == "today") return typed_date{today};
    if (word == "yesterday") return typed_date{today - days{1}};
    for (const i18n::catalog* words : languages) {
      if (catalog_has_word(*words, "bot.words.today", word)) return typed_date{today};
      if (catalog_has_word(*words, "bot.words.yesterday", word)) return typed_date{today - days{1}};
    }
  }

  auto split_text = split(folded);
  if (!split_text || split_text->list.empty()) return std::nullopt;
  pieces p;
  // Filler words go, their marks with them onto what follows: "2026 г." ends in ".".
  std::string carried;
  for (piece& x : split_text->list) {
    if (!x.number && is_filler(x.text, languages)) {
      carried += x.marks_before;
      continue;
    }
    x.marks_before = carried + x.marks_before;
    carried.clear();
    p.list.push_back(std::move(x));
  }
  p.marks_after = carried + split_text->marks_after;
  if (p.list.empty() || !p.list.front().marks_before.empty()) return std::nullopt;  // "-20.10.2026", "/20/10"
  if (!p.marks_after.empty() && p.marks_after != ".") return std::nullopt;        // only Serbian's full stop ends a date

  unsigned month = 0;
  for (const piece& x : p.list) {
    if (x.number) continue;
    if (month != 0) return std::nullopt;  // two words: "20 oct nov"
    month = month_named(x.text, languages);
    if (month == 0) return std::nullopt;  // a word that is no month
  }
  return month == 0 ? read_numbers(p, today, hint) : read_with_name(p, month, today, hint);
}

std::string date_confirmation(date day, const i18n::catalog& words) {
  return words.format("bot.dates.confirm", {words.date_text(day)});
}

button date_confirmation_button(date day, const i18n::catalog& words) {
  return {words.format("bot.dates.confirm_button", {words.date_text(day)}), to_iso_string(day)};
}

}  // namespace boravak::bot
