// Finding a guide from a question typed in any of our languages, whatever language the answer
// is in: "как продлить ВНЖ", "produzenje boravka", "zdravstvena knjizica", "vizaran".
//
// Every word of every guide, in every language, is kept as a search key: stemmed by Snowball's
// stemmer for its language (libstemmer: Russian, Serbian in either script, English; Ukrainian
// through the Russian one, the nearest Snowball has), then written in Latin letters without
// diacritics, so that "knjižica", "knjizica" and "књижица", or "визаран" and "vizaran", meet.
// A question's words become keys the same way and match a key they begin, or that begins them.
// Words found in many guides ("how", "Serbia") weigh little; titles weigh most, then keywords,
// then the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "guide_library.h"

namespace boravak::content {

// The keys of a text in `language` ("en", "ru", "uk", "sr" or "sr-Cyrl").
std::vector<std::string> search_keys(std::string_view text, std::string_view language);

class guide_index {
 public:
  // `languages`: the catalogs to index, one per language (sr-Cyrl adds nothing to sr).
  guide_index(const std::vector<guide>& guides, const std::vector<const i18n::catalog*>& languages);

  // Guides that match, best first; nothing for a question without a usable word.
  std::vector<guide_hit> search(std::string_view query) const;

 private:
  enum field { title, keywords, text, field_count };
  struct indexed {
    const guide* topic = nullptr;
    std::vector<std::string> keys[field_count];  // sorted, each once
  };
  std::vector<indexed> guides_;
  std::vector<std::string> query_languages_;
};

}  // namespace boravak::content
