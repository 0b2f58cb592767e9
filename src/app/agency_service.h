// An agency's workspace (docs/contracts/agency-api.md): accounts with owner, staff and viewer
// secrets (only their hashes are kept), the audit log, the export, the calendar feed of every
// client's deadlines. The import is agency_import.h, the dashboard agency_dashboard.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app_context.h"

namespace boravak::app {

enum class agency_role { viewer, staff, owner };
std::optional<agency_role> role_named(std::string_view name);
bool may_write(agency_role r);  // staff and the owner

struct signed_in {
  store::agency_member member;
  agency_role role = agency_role::viewer;
};

class agency_service {
 public:
  // REQUIRES: ctx.store.
  explicit agency_service(const app_context& ctx) : ctx_(ctx) {}

  struct created {
    std::int64_t agency = 0;
    std::string secret;  // the owner's, shown once
  };
  created create(std::string_view name);
  std::optional<signed_in> sign_in(std::string_view secret) const;
  // A new member's secret, shown once.
  std::pair<store::agency_member, std::string> add_member(const signed_in& by, std::string_view name, agency_role role);
  bool remove_member(const signed_in& by, std::int64_t member);
  std::string rotate(const signed_in& owner);  // the owner's new secret
  void remove_agency(const signed_in& owner);
  nlohmann::json export_all(const signed_in& owner) const;
  void record(const signed_in& by, std::string_view action, std::string_view client = {});

  // Calendar feeds: every client's deadlines (all-day events, one UID per client and kind).
  std::string open_feed(const signed_in& by);
  void revoke_feeds(const signed_in& by);
  std::optional<std::string> read_feed(std::string_view token, date today, const std::string& lang) const;

 private:
  const app_context& ctx_;
};

}  // namespace boravak::app
