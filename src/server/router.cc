// Matching paths against the route table (see router.h).
#include "router.h"

#include <algorithm>

namespace boravak::server {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') path.remove_prefix(1);
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

bool match_segment(std::string_view pattern, std::string_view actual, std::vector<std::string>& params) {
  if (pattern.empty() || pattern.front() != '{') return pattern == actual;
  const std::size_t close = pattern.find('}');
  const std::string_view suffix = pattern.substr(close + 1);
  if (actual.size() <= suffix.size() || !actual.ends_with(suffix)) return false;
  const auto decoded = percent_decode(actual.substr(0, actual.size() - suffix.size()));
  if (!decoded || decoded->empty()) return false;
  params.push_back(*decoded);
  return true;
}

bool match_path(std::string_view pattern, std::string_view path, std::vector<std::string>& params) {
  const auto want = segments(pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < want.size(); ++i)
    if (!match_segment(want[i], got[i], params)) return false;
  return true;
}

}  // namespace

route_match router::match(std::string_view method, std::string_view path) const {
  route_match m;
  std::vector<std::string> params;
  for (const route& r : routes_) {
    if (!match_path(r.pattern, path, params)) continue;
    m.path_known = true;
    if (r.method == method) {
      m.found = &r;
      m.params = std::move(params);
      return m;
    }
  }
  return m;
}

std::vector<std::string> router::listing() const {
  std::vector<std::string> out;
  for (const route& r : routes_) out.push_back(r.method + " " + r.pattern);
  std::sort(out.begin(), out.end());
  return out;
}

std::string router::methods_for(std::string_view path) const {
  std::string out;
  std::vector<std::string> params;
  for (const route& r : routes_) {
    if (!match_path(r.pattern, path, params) || out.find(r.method) != std::string::npos) continue;
    out += (out.empty() ? "" : ", ") + r.method;
  }
  return out;
}

router make_api_router() {
  router r;
  add_stay_routes(r);
  add_permit_routes(r);
  add_content_routes(r);
  add_profile_routes(r);
  add_agency_routes(r);
  return r;
}

}  // namespace boravak::server
