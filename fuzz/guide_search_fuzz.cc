// libFuzzer target for the guides' search (content::guide_index through app_context's
// guide_search(), behind GET /v1/guides?q=, the bot's /guide and `boravak guide search`) on
// arbitrary query text: every language's stemmer reads every word, whatever the reader's
// language. The whole input is the query; the query as the server would decode it from ?q=
// (percent_decode) is searched too. Invariants, each a crash when broken:
//  - every hit is one of the loaded guides (a pointer into the list), and no guide comes twice;
//  - every hit has a positive score, and hits come best first;
//  - a query without a letter or digit finds nothing (words are letters and digits).
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "app/app_context.h"
#include "content/guide_search.h"
#include "server/api_request.h"

namespace {

const boravak::app::app_context& context() {
  static const auto* ctx = [] {
    auto* c = new boravak::app::app_context;
    boravak::app::load_app_context(*c, {BORAVAK_FUZZ_RULES_DIR, BORAVAK_FUZZ_LOCALE_DIR});
    if (c->guides.empty()) __builtin_trap();
    return c;
  }();
  return *ctx;
}

void check_search(std::string_view query) {
  const boravak::app::app_context& ctx = context();
  const auto& guides = ctx.guides;
  bool has_word = false;
  for (char c : query) has_word = has_word || static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
  {
    const auto hits = ctx.guide_search().search(query);
    if (hits.size() > guides.size()) __builtin_trap();
    if (!has_word && !hits.empty()) __builtin_trap();
    std::set<const boravak::content::guide*> seen;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const boravak::content::guide* g = hits[i].topic;
      if (g == nullptr || g < guides.data() || g >= guides.data() + guides.size()) __builtin_trap();
      if (!seen.insert(g).second) __builtin_trap();
      if (hits[i].score <= 0) __builtin_trap();
      if (i > 0 && hits[i - 1].score < hits[i].score) __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  check_search(query);
  if (const auto decoded = boravak::server::percent_decode(query); decoded && *decoded != query) check_search(*decoded);
  return 0;
}
