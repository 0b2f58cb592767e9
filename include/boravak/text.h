// A sentence for the user, as the core hands it over: a catalog key and its arguments.
//
// The core never holds the words themselves. Adapters look the key up in the catalogs
// (i18n/<lang>/*.po) and fill in the arguments, so one answer reads in every language.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "boravak/civil_date.h"
#include "boravak/regime.h"

namespace boravak {

struct text_arg {
  enum class kind { number, day, key, verbatim, rule, money };
  kind what = kind::verbatim;
  long long number = 0;
  date day{};
  std::string value;  // a catalog key (kind::key) or text shown as it is (kind::verbatim)
  regime rule{};      // a counting rule, worded by each language (kind::rule)

  static text_arg of_number(long long n) { return {kind::number, n, {}, {}, {}}; }
  static text_arg of_day(date d) { return {kind::day, 0, d, {}, {}}; }
  static text_arg of_key(std::string k) { return {kind::key, 0, {}, std::move(k), {}}; }
  static text_arg of_verbatim(std::string s) { return {kind::verbatim, 0, {}, std::move(s), {}}; }
  static text_arg of_rule(const regime& r) { return {kind::rule, 0, {}, {}, r}; }
  static text_arg of_money(long long rsd) { return {kind::money, rsd, {}, {}, {}}; }  // dinars
};

struct text {
  std::string key;
  std::vector<text_arg> args;
};

}  // namespace boravak
