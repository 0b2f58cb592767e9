// Catalog texts: look-ups, plural forms, arguments, sources and dates (see catalog.h).
#include "catalog.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "message_lookup.h"
#include "serbian_script.h"

namespace boravak::i18n {
namespace {

std::string catalog_language(std::string_view language) { return language == "sr-Cyrl" ? "sr" : std::string(language); }

}  // namespace

const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> kLanguages{"en", "ru", "uk", "sr", "sr-Cyrl"};
  return kLanguages;
}

catalog::catalog(const std::filesystem::path& locale_dir, std::string_view language) : language_(language) {
  const auto& all = supported_languages();
  if (std::find(all.begin(), all.end(), language_) == all.end())
    throw catalog_error("unknown language \"" + language_ + "\": use en, ru, uk, sr or sr-Cyrl");
  cyrillic_ = language_ == "sr-Cyrl";
  lookup_ = open_message_lookup(locale_dir, catalog_language(language_));  // sr-Cyrl reads sr's
}

std::string catalog::finish(std::string s) const { return cyrillic_ ? to_serbian_cyrillic(s) : s; }

std::string catalog::crossing_name(const std::string& name) const {
  if (!cyrillic_) return name;
  const std::size_t dash = name.find(" – ");
  if (dash == std::string::npos) return to_serbian_cyrillic(name);
  return to_serbian_cyrillic(name.substr(0, dash)) + name.substr(dash);
}

bool catalog::has(std::string_view key) const { return lookup_->find(std::string(key)).has_value(); }

std::string catalog::get(std::string_view key) const {
  std::optional<std::string> s = lookup_->find(std::string(key));
  if (!s) return "[" + std::string(key) + "]";
  return finish(std::move(*s));
}

std::string catalog::plural(std::string_view key, long long n) const {
  std::optional<std::string> s = lookup_->find_plural(std::string(key), n);
  if (!s) return "[" + std::string(key) + "]";
  return finish(std::move(*s));
}

// {N} is replaced by the N-th argument; a brace without a number is left alone.
std::string substitute(const std::string& pattern, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string::npos && close > i + 1 && close - i <= 3) {
        const std::string number = pattern.substr(i + 1, close - i - 1);
        if (number.find_first_not_of("0123456789") == std::string::npos) {
          const std::size_t n = std::stoul(number);
          if (n >= 1 && n <= args.size()) {
            out += args[n - 1];
            i = close;
            // A date that ends in a full stop ("6 декабря 2026 г.", "6. decembar 2026.") at the
            // end of a sentence takes no second one.
            if (!args[n - 1].empty() && args[n - 1].back() == '.' && i + 1 < pattern.size() && pattern[i + 1] == '.') ++i;
            continue;
          }
        }
      }
    }
    out.push_back(pattern[i]);
  }
  return out;
}

std::string catalog::format(std::string_view key, const std::vector<std::string>& args) const {
  return substitute(get(key), args);
}

bool catalog::is_plural(const std::string& key) const { return lookup_->find_plural(key, 5).has_value(); }

std::string catalog::render(const text& t) const {
  std::vector<std::string> args;
  args.reserve(t.args.size());
  std::optional<long long> first_number;
  for (const text_arg& a : t.args) {
    switch (a.what) {
      case text_arg::kind::number:
        args.push_back(std::to_string(a.number));
        if (!first_number) first_number = a.number;
        break;
      case text_arg::kind::day: args.push_back(date_text(a.day)); break;
      case text_arg::kind::key: args.push_back(get(a.value)); break;
      case text_arg::kind::verbatim: args.push_back(a.value); break;
      case text_arg::kind::rule: args.push_back(regime_text(a.rule)); break;
      case text_arg::kind::money: args.push_back(amount_text(a.number)); break;
    }
  }
  // A key with plural forms takes its form from its first number.
  if (first_number && is_plural(t.key)) return substitute(plural(t.key, *first_number), args);
  return substitute(get(t.key), args);
}

std::string catalog::source_text(const source& s) const {
  const std::string title_key = "source." + s.id + ".title";
  std::string text = format("cite.source", {get("publisher." + s.publisher), has(title_key) ? get(title_key) : s.title});
  if (!s.gazette.empty()) text += ", " + s.gazette;
  // "19–26" or "5, 7" names several articles, and takes the plural word.
  const bool several = s.article.find_first_of(",–-") != std::string::npos;
  if (!s.article.empty()) text += ", " + format(several ? "cite.articles" : "cite.article", {s.article});
  if (!s.url.empty()) text += " " + s.url;
  return text;
}

std::string catalog::confidence_text(confidence c) const { return get("confidence." + std::string(to_string(c))); }

std::string catalog::cited(const citation& c) const {
  std::string list;
  for (const auto& s : c.sources) {
    if (!list.empty()) list += "; ";
    list += source_text(*s);
  }
  return format(c.sources.size() > 1 ? "cite.sources" : "cite.one_source", {list, confidence_text(c.level)});
}

std::string catalog::regime_text(const regime& r) const {
  switch (r.kind) {
    case regime_kind::rolling:
      return substitute(plural("regime.rolling", r.limit), {std::to_string(r.limit), std::to_string(r.window)});
    case regime_kind::per_entry:
      return substitute(plural("regime.per_entry", r.limit), {std::to_string(r.limit)});
    case regime_kind::fixed:
      if (r.period_months > 0) {
        return substitute(plural(r.period_months == 12 ? "regime.fixed_year" : "regime.fixed_months", r.limit),
                          {std::to_string(r.limit), std::to_string(r.period_months)});
      }
      return substitute(plural("regime.fixed_days", r.limit), {std::to_string(r.limit), std::to_string(r.period_days)});
  }
  return {};
}

std::string catalog::date_text(date d) const {
  const std::chrono::year_month_day ymd{d};
  return format("format.date", {std::to_string(unsigned(ymd.day())), get("format.month." + std::to_string(unsigned(ymd.month()))),
                                std::to_string(int(ymd.year()))});
}

std::string catalog::amount_text(long long rsd) const {
  const std::string digits = std::to_string(rsd < 0 ? -rsd : rsd);
  const std::string separator = get("format.thousands_separator");
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped.push_back(digits[i]);
  }
  return format("format.amount_rsd", {(rsd < 0 ? "-" : "") + grouped});
}

std::filesystem::path default_locale_directory() {
  if (const char* env = std::getenv("BORAVAK_LOCALE"); env && *env) return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // A folder counts only if it holds our catalogs: /usr/bin/locale is glibc's program.
    const auto prefix = exe.parent_path().parent_path();
    for (const auto& candidate : {exe.parent_path() / "locale", prefix / "locale", prefix / "share" / "boravak" / "locale"})
      if (std::filesystem::is_regular_file(candidate / "en" / "LC_MESSAGES" / "boravak.mo", ec)) return candidate;
  }
  return BORAVAK_BUILD_LOCALE_DIR;
}

}  // namespace boravak::i18n
