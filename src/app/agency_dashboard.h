// An agency's clients on a day, most urgent first (docs/contracts/agency-api.md): each with the
// numbers `boravak batch` gives for the same person, its status and what to do next.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app_context.h"
#include "boravak/stay_result.h"

namespace boravak::app {

enum class client_status { overstay, leave_soon, present, away, error };
enum class next_kind { leave_now, leave_by, register_address, renew_permit, none, fix_data };

std::string_view status_name(client_status s);
std::optional<client_status> status_named(std::string_view name);
std::string_view next_name(next_kind k);

struct dashboard_row {
  std::string client;
  std::string name;
  std::string citizenship;
  client_status status = client_status::error;
  std::optional<stay_result> numbers;  // none for an error
  next_kind next = next_kind::fix_data;
  std::optional<date> next_date;
};

// A client's stored data (store::agency_client's JSON body) as the batch contract's case on
// `on`: the line `boravak batch` reads. Empty when the body cannot be read.
std::string client_case_line(const std::string& client, const std::string& body_json, date on);

// Every client of `agency` on `on`, in the contract's order.
std::vector<dashboard_row> agency_dashboard(const app_context& ctx, std::int64_t agency, date on);

// One client's row (the same as on the dashboard).
dashboard_row client_row_on(const app_context& ctx, const std::string& client, const std::string& body_json, date on);

}  // namespace boravak::app
