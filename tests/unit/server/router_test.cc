// The route table: parameters, suffixes, 404 against 405, and the listing the OpenAPI test reads.
#include <gtest/gtest.h>

#include "server/api_request.h"
#include "server/router.h"

namespace boravak::server {
namespace {

router sample() {
  router r;
  r.add({"GET", "/v1/guides/{id}", route_kind::compute, 0, nullptr});
  r.add({"POST", "/v1/permit/slips/{n}.png", route_kind::compute, 0, nullptr});
  r.add({"GET", "/v1/profile/export", route_kind::store, 0, nullptr});
  r.add({"POST", "/v1/profile/{collection}", route_kind::store, 0, nullptr});
  r.add({"PUT", "/v1/profile/{collection}/{id}", route_kind::store, 0, nullptr});
  return r;
}

TEST(Router, TakesParametersAndDecodesThem) {
  const router r = sample();
  const auto m = r.match("GET", "/v1/guides/beli%20karton");
  ASSERT_NE(m.found, nullptr);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], "beli karton");
}

TEST(Router, MatchesAParameterWithASuffix) {
  const router r = sample();
  const auto m = r.match("POST", "/v1/permit/slips/2.png");
  ASSERT_NE(m.found, nullptr);
  EXPECT_EQ(m.params.at(0), "2");
  EXPECT_EQ(r.match("POST", "/v1/permit/slips/2.svg").found, nullptr);
  EXPECT_EQ(r.match("POST", "/v1/permit/slips/.png").found, nullptr);  // an empty parameter is no match
}

TEST(Router, TellsAWrongMethodFromAnUnknownPath) {
  const router r = sample();
  const auto wrong_method = r.match("DELETE", "/v1/guides/x");
  EXPECT_EQ(wrong_method.found, nullptr);
  EXPECT_TRUE(wrong_method.path_known);
  EXPECT_EQ(r.methods_for("/v1/guides/x"), "GET");
  const auto unknown = r.match("GET", "/v1/nothing/here");
  EXPECT_EQ(unknown.found, nullptr);
  EXPECT_FALSE(unknown.path_known);
  EXPECT_EQ(r.match("GET", "/v1/guides/x/y").found, nullptr);  // segment counts must agree
}

TEST(Router, PrefersTheRouteDeclaredFirst) {
  const router r = sample();
  const auto m = r.match("GET", "/v1/profile/export");
  ASSERT_NE(m.found, nullptr);
  EXPECT_EQ(m.found->pattern, "/v1/profile/export");
  EXPECT_EQ(r.match("PUT", "/v1/profile/trips/7").params, (std::vector<std::string>{"trips", "7"}));
}

TEST(Router, ListsEveryRouteSorted) {
  EXPECT_EQ(sample().listing(), (std::vector<std::string>{"GET /v1/guides/{id}", "GET /v1/profile/export",
                                                          "POST /v1/permit/slips/{n}.png", "POST /v1/profile/{collection}",
                                                          "PUT /v1/profile/{collection}/{id}"}));
}

TEST(Router, TheApiListsEachRouteOnce) {
  const auto listing = make_api_router().listing();
  EXPECT_GE(listing.size(), 30u);
  EXPECT_EQ(std::adjacent_find(listing.begin(), listing.end()), listing.end());
}

TEST(ApiRequest, ReadsQueryValuesLanguageAndBearer) {
  api_request r;
  r.query = "q=beli+karton&lang=sr-Cyrl&empty&bad=%zz";
  r.authorization = "Bearer abc";
  EXPECT_EQ(r.query_value("q"), "beli karton");
  EXPECT_EQ(r.query_value("empty"), "");
  EXPECT_EQ(r.query_value("bad"), std::nullopt);
  EXPECT_EQ(r.query_value("missing"), std::nullopt);
  EXPECT_EQ(r.language(), "sr-Cyrl");
  EXPECT_TRUE(r.language_is_known());
  EXPECT_EQ(r.bearer_secret(), "abc");
  r.query = "lang=de";
  EXPECT_FALSE(r.language_is_known());
  EXPECT_EQ(r.language(), "en");
  r.authorization = "Basic abc";
  EXPECT_EQ(r.bearer_secret(), "");
  r.authorization = "Bearer ";
  EXPECT_EQ(r.bearer_secret(), "");
}

TEST(PercentDecode, RefusesCutOffEscapes) {
  EXPECT_EQ(percent_decode("a%2Fb"), "a/b");
  EXPECT_EQ(percent_decode("%"), std::nullopt);
  EXPECT_EQ(percent_decode("%4"), std::nullopt);
  EXPECT_EQ(percent_decode("%41"), "A");
}

}  // namespace
}  // namespace boravak::server
