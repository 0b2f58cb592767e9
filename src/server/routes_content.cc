// The routes that present content: health, the OpenAPI document, the web page's texts, the
// guides and the rules themselves, so anyone can browse the law we answer with.
#include <nlohmann/json.hpp>

#include "app_state.h"
#include "app/rules_overview.h"
#include "io/citation_json.h"
#include "render/rules_json.h"
#include "router.h"

namespace boravak::server {
namespace {

// Liveness from memory: answers even while the store is slow or every store thread is busy.
http_answer health(app_state& app, const api_request&) { return json_answer(app.health_json); }

// Readiness asks the store itself.
http_answer ready(app_state& app, const api_request&) {
  const nlohmann::json out = {{"status", "ok"}, {"store", app.store->kind()}, {"schema_version", app.store->schema_version()}};
  return json_answer(out);
}

http_answer metrics(app_state& app, const api_request&) {
  return {200, "text/plain; version=0.0.4; charset=utf-8", app.security.prometheus_text(), {}};
}

http_answer openapi(app_state& app, const api_request&) { return json_answer(app.openapi_json); }

http_answer texts(app_state& app, const api_request& r) {
  const auto it = app.texts_json.find(r.params.at(0));
  if (it == app.texts_json.end())
    throw request_error{404, "not_found", {"api.error.no_texts", {text_arg::of_verbatim(r.params.at(0).substr(0, 16))}}, "lang"};
  return json_answer(it->second);
}

nlohmann::json guide_summary(const content::guide& g, const i18n::catalog& words) {
  return {{"id", g.id},
          {"title", words.get(g.title_key)},
          {"summary", g.paragraph_keys.empty() ? std::string() : words.get(g.paragraph_keys.front())}};
}

http_answer guides(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  nlohmann::json out = nlohmann::json::array();
  const auto query = r.query_value("q");
  if (!query || query->find_first_not_of(' ') == std::string::npos) {
    for (const content::guide& g : app.guides) out.push_back(guide_summary(g, words));
  } else {
    if (query->size() > 200) throw request_error{422, "invalid_value", {"api.error.search_too_long", {text_arg::of_number(200)}}, "q"};
    for (const content::guide_hit& hit : app.guide_search().search(*query)) {
      nlohmann::json item = guide_summary(*hit.topic, words);
      item["score"] = hit.score;
      out.push_back(std::move(item));
    }
  }
  return json_answer(out);
}

http_answer guide(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  for (const content::guide& g : app.guides) {
    if (g.id != r.params.at(0)) continue;
    nlohmann::json paragraphs = nlohmann::json::array();
    for (const std::string& key : g.paragraph_keys) paragraphs.push_back(words.get(key));
    nlohmann::json sources = nlohmann::json::array();
    for (const citation& c : g.sources) sources.push_back(io::citation_json(c, words));
    const nlohmann::json out = {{"id", g.id}, {"title", words.get(g.title_key)}, {"paragraphs", paragraphs},
                                {"sources", sources}};
    return json_answer(out);
  }
  throw request_error{404, "not_found", {"api.error.no_guide", {text_arg::of_verbatim(r.params.at(0).substr(0, 64))}}, ""};
}

http_answer rules_index(app_state& app, const api_request&) {
  nlohmann::json out = nlohmann::json::array();
  for (const rules_file& f : app.rules_files) out.push_back({{"file", f.name}, {"title", f.title}});
  return json_answer(out);
}

http_answer rules_file_named(app_state& app, const std::string& name) {
  for (const rules_file& f : app.rules_files)
    if (f.name == name) return json_answer(f.json);
  throw request_error{404, "not_found", {"api.error.no_rules_file", {text_arg::of_verbatim(name.substr(0, 64))}}, ""};
}

// Every rule with its sources, confidence and last check, in ?lang=; ?country= limits the entry
// rules to one citizenship.
http_answer sources(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  std::string code = r.query_value("country").value_or("");
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!code.empty() && app.stay_rules.find_country(code) == nullptr) {
    throw request_error{422, "unknown_citizenship", {"stay.problem.unknown_citizenship", {text_arg::of_verbatim(code.substr(0, 8))}}, "country"};
  }
  return json_answer(render::rules_overview_json(app::rules_overview(app, code), words));
}

}  // namespace

void add_content_routes(router& r) {
  r.add({"GET", "/v1/health", route_kind::compute, 0, health});
  r.add({"GET", "/v1/ready", route_kind::store, 0, ready});
  r.add({"GET", "/v1/metrics", route_kind::compute, 0, metrics});
  r.add({"GET", "/v1/openapi.json", route_kind::compute, 0, openapi});
  r.add({"GET", "/v1/texts/{lang}", route_kind::compute, 0, texts});
  r.add({"GET", "/v1/guides", route_kind::compute, 0, guides});
  r.add({"GET", "/v1/guides/{id}", route_kind::compute, 0, guide});
  r.add({"GET", "/v1/rules", route_kind::compute, 0, rules_index});
  r.add({"GET", "/v1/sources", route_kind::compute, 0, sources});
  r.add({"GET", "/v1/rules/{file}", route_kind::compute, 0,
         [](app_state& a, const api_request& q) { return rules_file_named(a, q.params.at(0)); }});
  r.add({"GET", "/v1/rules/{folder}/{file}", route_kind::compute, 0,
         [](app_state& a, const api_request& q) { return rules_file_named(a, q.params.at(0) + "/" + q.params.at(1)); }});
}

}  // namespace boravak::server
