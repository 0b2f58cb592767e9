// Guide search in any language (see guide_search.h).
#include "guide_search.h"

#include <libstemmer.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include <boost/locale.hpp>

namespace boravak::content {
namespace {

// Cyrillic letters of Russian, Ukrainian and Serbian in Latin, as a Serbian types without
// diacritics; Serbian Latin diacritics folded the same way.
const std::map<char32_t, std::string_view>& latin_letters() {
  static const std::map<char32_t, std::string_view> table{
      {U'а', "a"},  {U'б', "b"},  {U'в', "v"},  {U'г', "g"},  {U'ґ', "g"},  {U'д', "d"},  {U'ђ', "dj"}, {U'е', "e"},
      {U'ё', "e"},  {U'є', "je"}, {U'ж', "z"},  {U'з', "z"},  {U'и', "i"},  {U'і', "i"},  {U'ї', "ji"}, {U'й', "j"},
      {U'ј', "j"},  {U'к', "k"},  {U'л', "l"},  {U'љ', "lj"}, {U'м', "m"},  {U'н', "n"},  {U'њ', "nj"}, {U'о', "o"},
      {U'п', "p"},  {U'р', "r"},  {U'с', "s"},  {U'т', "t"},  {U'ћ', "c"},  {U'у', "u"},  {U'ф', "f"},  {U'х', "h"},
      {U'ц', "c"},  {U'ч', "c"},  {U'џ', "dz"}, {U'ш', "s"},  {U'щ', "s"},  {U'ъ', ""},   {U'ы', "y"},  {U'ь', ""},
      {U'э', "e"},  {U'ю', "ju"}, {U'я', "ja"}, {U'č', "c"},  {U'ć', "c"},  {U'š', "s"},  {U'ž', "z"},  {U'đ', "dj"},
      {U'é', "e"},  {U'ä', "a"},  {U'ö', "o"},  {U'ü', "u"},  {U'\u2019', ""}, {U'\'', ""},
  };
  return table;
}

std::string in_latin(const std::string& word) {
  const std::u32string letters = boost::locale::conv::utf_to_utf<char32_t>(word);
  std::string out;
  for (char32_t c : letters) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (const auto it = latin_letters().find(c); it != latin_letters().end()) {
      out += it->second;
    } else {
      out += boost::locale::conv::utf_to_utf<char>(std::u32string(1, c));
    }
  }
  return out;
}

// Lower-case words: anything that is not a letter or digit separates them (bytes >= 0x80 belong
// to letters in UTF-8, so Cyrillic and Serbian letters stay whole).
std::vector<std::string> words_of(std::string_view text) {
  static const std::locale loc = boost::locale::generator{}("en_US.UTF-8");
  const std::string lower = boost::locale::to_lower(std::string(text), loc);
  std::vector<std::string> out;
  std::string word;
  for (char c : lower) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word.push_back(c);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

const char* stemmer_for(std::string_view language) {
  if (language == "ru" || language == "uk") return "russian";
  if (language == "sr" || language == "sr-Cyrl") return "serbian";
  return "english";
}

struct stemmer_deleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A key shorter than this says too little to match by its beginning ("в", "na", "of"): it
// matches only itself.
constexpr std::size_t kShortestKey = 3;
// Hits scoring under this share of the best one (percent) are left out.
constexpr int kWeakestShare = 30;
// A key this long may match a longer word of the question: "vizaran" the stem "vizara".
constexpr std::size_t kShortestStemMatch = 4;

bool matches(const std::vector<std::string>& keys, const std::string& wanted) {
  // A short word only as itself: the "D" of "visa D", not every word that begins with a d.
  if (wanted.size() < kShortestKey) return std::binary_search(keys.begin(), keys.end(), wanted);
  // A key that begins with the wanted one …
  const auto from = std::lower_bound(keys.begin(), keys.end(), wanted);
  if (from != keys.end() && from->starts_with(wanted)) return true;
  // … or one that the wanted one begins with, when that key is most of it: the stem of an
  // inflected word typed in Latin letters, which no stemmer read ("vizaran", stem "vizara"),
  // but not a shorter word that merely starts the same ("viza" in "vizara").
  for (std::size_t n = std::max(kShortestStemMatch, (wanted.size() * 3 + 3) / 4); n < wanted.size(); ++n)
    if (std::binary_search(keys.begin(), keys.end(), wanted.substr(0, n))) return true;
  return false;
}

}  // namespace

std::vector<std::string> search_keys(std::string_view text, std::string_view language) {
  // Snowball stemmers keep state between calls, so each call has its own.
  const std::unique_ptr<sb_stemmer, stemmer_deleter> stemmer(sb_stemmer_new(stemmer_for(language), "UTF_8"));
  std::vector<std::string> keys;
  for (const std::string& word : words_of(text)) {
    std::string stem = word;
    if (stemmer) {
      const sb_symbol* s = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
      if (s != nullptr) stem.assign(reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
    }
    keys.push_back(in_latin(stem));
  }
  return keys;
}

guide_index::guide_index(const std::vector<guide>& guides, const std::vector<const i18n::catalog*>& languages) {
  for (const i18n::catalog* words : languages) {
    const std::string& lang = words->language();
    if (std::find(query_languages_.begin(), query_languages_.end(), lang) == query_languages_.end()) query_languages_.push_back(lang);
  }
  for (const guide& g : guides) {
    indexed entry;
    entry.topic = &g;
    for (const i18n::catalog* words : languages) {
      const std::string& lang = words->language();
      const auto add = [&](field f, const std::string& key) {
        if (!words->has(key)) return;
        for (std::string& k : search_keys(words->get(key), lang)) entry.keys[f].push_back(std::move(k));
      };
      add(title, g.title_key);
      add(keywords, g.keywords_key);
      for (const std::string& key : g.paragraph_keys) add(text, key);
    }
    for (auto& keys : entry.keys) {
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    }
    guides_.push_back(std::move(entry));
  }
}

std::vector<guide_hit> guide_index::search(std::string_view query) const {
  // Each word of the question, as a key in every language's way: a Russian word stemmed the
  // Russian way, the Serbian way and so on, as the question's language is not known.
  std::vector<std::vector<std::string>> words;  // per question word, its keys
  for (const std::string& word : words_of(query)) {
    std::vector<std::string> keys;
    for (const std::string& lang : query_languages_)
      for (std::string& k : search_keys(word, lang)) keys.push_back(std::move(k));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    if (!keys.empty()) words.push_back(std::move(keys));
  }
  std::vector<double> scores(guides_.size(), 0.0);
  static constexpr double kFieldWeight[field_count] = {3.0, 2.0, 1.0};
  for (const auto& keys : words) {
    std::vector<double> best(guides_.size(), 0.0);
    std::size_t found_in = 0;
    for (std::size_t i = 0; i < guides_.size(); ++i) {
      for (int f = title; f < field_count; ++f) {
        const bool hit = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return matches(guides_[i].keys[f], k); });
        if (hit) {
          best[i] = kFieldWeight[f];
          break;
        }
      }
      found_in += best[i] > 0;
    }
    if (found_in == 0) continue;
    // A word in every guide tells them apart least (inverse document frequency).
    const double rarity = std::log(1.0 + static_cast<double>(guides_.size()) / static_cast<double>(found_in));
    for (std::size_t i = 0; i < guides_.size(); ++i) scores[i] += best[i] * rarity;
  }
  std::vector<guide_hit> hits;
  for (std::size_t i = 0; i < guides_.size(); ++i)
    if (scores[i] > 0) hits.push_back({guides_[i].topic, static_cast<int>(std::lround(scores[i] * 100))});
  std::stable_sort(hits.begin(), hits.end(), [](const guide_hit& a, const guide_hit& b) { return a.score > b.score; });
  // A guide that only mentions a word in passing, far behind the best, is noise in the list.
  if (!hits.empty()) {
    const int floor = hits.front().score * kWeakestShare / 100;
    hits.erase(std::find_if(hits.begin(), hits.end(), [&](const guide_hit& h) { return h.score < floor; }), hits.end());
  }
  return hits;
}

}  // namespace boravak::content
