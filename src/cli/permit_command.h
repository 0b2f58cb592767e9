// `boravak permit …` and `boravak guide …`: the residence-permit navigator on the command line.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/app_context.h"

namespace boravak::cli {

struct permit_options {
  std::string lang = "en";
  std::string on;                    // default: today in Belgrade
  std::string situation_file;        // JSON or TOML (src/io/situation_reader.h)
  std::string citizenship;
  std::string ground;
  std::string kind = "first";
  std::string city = "belgrade";
  std::optional<int> age;            // the main applicant's, when given
  std::vector<std::string> family;   // "spouse:34", "child:8", "child:8:UA"
  std::string permit_expires, last_entry, passport_expires, residence_since, stamps;
  std::string joins = "foreign_resident";
  int term_months = 0;
  bool sponsor_employed = false;
  bool in_person = false;
  bool interactive = false;
  bool json = false;
  std::string ics_file;
  std::string pdf_file;              // the plan as a PDF, when given
  // Papers.
  std::string municipality;
  std::string payer;
  std::string out_dir;
  bool non_cash = false;
  std::string names;                 // "Full Name:1990-05-01;Other Name:2018-03-02" for the e-mail
  // Guides.
  std::vector<std::string> query;
  std::string guide_id;
};

struct permit_commands {
  CLI::App* plan = nullptr;
  CLI::App* grounds = nullptr;
  CLI::App* fees = nullptr;
  CLI::App* slip = nullptr;
  CLI::App* email = nullptr;
  CLI::App* guide_search = nullptr;
  CLI::App* guide_show = nullptr;
  CLI::App* guide_list = nullptr;
};

permit_commands add_permit_commands(CLI::App& app, permit_options& o);

// Runs whichever of the commands was chosen. Returns the exit code, or -1 if none was.
int run_permit_commands(const permit_commands& c, const permit_options& o, const app::app_context& ctx);

}  // namespace boravak::cli
