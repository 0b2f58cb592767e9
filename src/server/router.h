// The API's routes: a table of method, path pattern and handler, in the spirit of Beast's
// examples but declarative, so `boravak serve --print-routes` and the OpenAPI test can read it.
// A pattern segment is literal ("fees"), a parameter ("{id}") or a parameter with a literal
// suffix ("{n}.svg").
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "api_request.h"
#include "http_answer.h"

namespace boravak::server {

struct app_state;

enum class route_kind {
  compute,    // pure computation: runs on the I/O thread
  store,      // reads or writes the profile store: runs on the blocking pool
  streaming,  // reads its body as a stream (the batch route); handled by the session
};

struct route {
  std::string method;
  std::string pattern;
  route_kind kind = route_kind::compute;
  std::size_t body_limit = 64 * 1024;
  std::function<http_answer(app_state&, const api_request&)> handler;
  bool csv_body = false;  // takes text/csv instead of JSON
};

struct route_match {
  const route* found = nullptr;
  bool path_known = false;  // some route has this path, maybe with another method
  std::vector<std::string> params;
};

class router {
 public:
  void add(route r) { routes_.push_back(std::move(r)); }
  route_match match(std::string_view method, std::string_view path) const;
  // "GET /v1/fees", one per route, sorted.
  std::vector<std::string> listing() const;
  // "GET, POST" for a path, for the Allow header of a 405.
  std::string methods_for(std::string_view path) const;

 private:
  std::vector<route> routes_;
};

// Every route of the API (routes_*.cc).
router make_api_router();
void add_stay_routes(router& r);
void add_permit_routes(router& r);
void add_content_routes(router& r);
void add_profile_routes(router& r);
void add_agency_routes(router& r);

}  // namespace boravak::server
