// Every guide, a table of its own: present in every language (title, keywords, each paragraph),
// and every source a link a reader can follow. Then the search: the questions newcomers ask, in
// each language and as they type them, find the right guide first.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/app_context.h"
#include "content/guide_search.h"
#include "i18n/catalog.h"

namespace boravak::content {
namespace {

class Guides : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ctx_ = new app::app_context();
    app::load_app_context(*ctx_, {BORAVAK_RULES_DIR, BORAVAK_LOCALE_DIR});
  }
  static void TearDownTestSuite() {
    delete ctx_;
    ctx_ = nullptr;
  }
  static app::app_context* ctx_;
};
app::app_context* Guides::ctx_ = nullptr;

TEST_F(Guides, EachIsInEveryLanguageWithLinkedSources) {
  ASSERT_GE(ctx_->guides.size(), 10u);
  for (const guide& g : ctx_->guides) {
    SCOPED_TRACE(g.id);
    for (const std::string& lang : i18n::supported_languages()) {
      const i18n::catalog& words = ctx_->words(lang);
      EXPECT_TRUE(words.has(g.title_key)) << lang;
      EXPECT_TRUE(words.has(g.keywords_key)) << lang;
      for (const std::string& key : g.paragraph_keys) EXPECT_TRUE(words.has(key)) << lang << " " << key;
    }
    ASSERT_FALSE(g.sources.empty());
    for (const citation& c : g.sources)
      for (const auto& s : c.sources) EXPECT_TRUE(s->url.starts_with("https://") || s->url.starts_with("http://")) << s->id;
  }
}

TEST_F(Guides, SearchKeysMeetAcrossScriptsAndDiacritics) {
  // The same word, typed three ways, is one key; an inflected form meets its stem.
  EXPECT_EQ(search_keys("knjižica", "sr"), search_keys("knjizica", "sr"));
  EXPECT_EQ(search_keys("књижица", "sr-Cyrl"), search_keys("knjizica", "sr"));
  EXPECT_EQ(search_keys("визаран", "ru"), search_keys("визарана", "ru"));
  EXPECT_EQ(search_keys("продление", "ru"), search_keys("продлении", "ru"));
  EXPECT_EQ(search_keys("виза D", "ru").back(), "d");  // a visa's letter is kept, to match only itself
}

// The questions a newcomer asks, and the guide that must come first, whatever the language
// of the answer.
TEST_F(Guides, NewcomersQuestionsFindTheRightGuideFirst) {
  struct row {
    const char* question;
    const char* guide;
  } rows[] = {
      {"визаран", "visa_run"},
      {"vizaran", "visa_run"},
      {"как сделать визаран", "visa_run"},
      {"border run Serbia", "visa_run"},
      {"белый картон", "beli_karton"},
      {"beli karton", "beli_karton"},
      {"регистрация по месту пребывания", "beli_karton"},
      {"prijava boravišta", "beli_karton"},
      {"prijava boravista", "beli_karton"},
      {"реєстрація адреси", "beli_karton"},
      {"потеряла карту ВНЖ", "lost_card"},
      {"lost residence card", "lost_card"},
      {"штраф за просрочку", "illegal_stay"},
      {"overstay fine", "illegal_stay"},
      {"ПМЖ", "permanent_residence"},
      {"stalni boravak", "permanent_residence"},
      {"permanent residence", "permanent_residence"},
      {"виза D", "visas"},
      {"смена основания ВНЖ", "change_of_ground"},
      {"биометрия", "biometrics_card"},
      {"как продлить ВНЖ", "renewal"},
      {"продление ВНЖ", "renewal"},
      {"як продовжити посвідку", "renewal"},
      {"produženje privremenog boravka", "renewal"},
      {"renew residence permit", "renewal"},
      {"фиктивный брак", "marriage"},
      {"ВНЖ по браку", "marriage"},
      {"brak sa državljaninom Srbije", "marriage"},
      {"купить квартиру в Сербии", "real_estate"},
      {"kupovina stana stranac", "real_estate"},
      {"buy an apartment", "real_estate"},
      {"медицинская страховка", "health_insurance"},
      {"zdravstvena knjizica", "health_insurance"},
      {"медичне страхування", "health_insurance"},
      {"health insurance", "health_insurance"},
      {"еУправа", "euprava"},
      {"euprava nalog", "euprava"},
      {"пенсионер ВНЖ", "not_a_ground"},
      {"retire in Serbia pension", "not_a_ground"},
      {"шенген", "schengen"},
      {"šengen", "schengen"},
      {"do Serbian days count for Schengen", "schengen"},
      {"продлить безвиз", "tourist_extension"},
      {"extend tourist stay", "tourist_extension"},
  };
  for (const row& r : rows) {
    const auto hits = ctx_->guide_search().search(r.question);
    ASSERT_FALSE(hits.empty()) << r.question;
    EXPECT_EQ(hits.front().topic->id, r.guide) << r.question << " (then " << (hits.size() > 1 ? hits[1].topic->id : "-") << ")";
  }
}

TEST_F(Guides, AQuestionWithoutWordsFindsNothing) {
  EXPECT_TRUE(ctx_->guide_search().search("").empty());
  EXPECT_TRUE(ctx_->guide_search().search("?! ...").empty());
  EXPECT_TRUE(ctx_->guide_search().search("qqqzzzxxx").empty());
}

}  // namespace
}  // namespace boravak::content
