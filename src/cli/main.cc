// The `boravak` command line: one binary, one subcommand per job.
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "../rules_loader/rules_loader.h"
#include "../bot/bot_command.h"
#include "../bot/chat_command.h"
#include "../server/serve_command.h"
#include "app/clock.h"
#include "app/stay_check.h"
#include "batch_command.h"
#include "i18n/catalog.h"
#include "language.h"
#include "permit_command.h"
#include "person_query.h"
#include "app/rules_overview.h"
#include "render/stay_json.h"
#include "rules_loader/permit_loader.h"
#include "rules_text.h"
#include "stay_report.h"

namespace {

void add_person_options(CLI::App* command, boravak::cli::person_options& o, std::string& lang) {
  command->add_option("--lang", lang, "answer in en, ru, uk, sr (Latin) or sr-Cyrl (default: from LC_ALL, LC_MESSAGES or LANG)")
      ->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
  command->add_option("--citizenship,-c", o.citizenship, "two-letter country code, e.g. RU, UA, CN, TR, US");
  command->add_option("--regime", o.regime, "a rule instead: rolling:90:180, fixed:90:6m, fixed:90:180d, per_entry:30");
  command->add_option("--stays", o.stays_file, "CSV (entry,exit per line) or JSON file with your stays");
  command->add_option("--stamps", o.stamps, "passport stamps in any order: \"+2026-03-01 -2026-03-30 +2026-04-02\"");
  command->add_option("--on", o.on, "the date to check (default: today in Belgrade)");
  command->add_option("--exempt", o.exempt, "days that do not count (permit, visa D, pending application): FROM..TO");
  command->add_option("--valid-until", o.valid_until, "last day your entry document allows");
  command->add_option("--document-expires", o.document_expires,
                      "you entered visa-free on a Schengen, UK or US visa or residence permit that expires on this date");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"boravak: how long you may stay in Serbia, and what to do next"};
  app.require_subcommand(1);
  std::string rules_dir;
  app.add_option("--rules", rules_dir, "folder with the rules data (default: $BORAVAK_RULES, or rules/ beside build/)");

  std::string input = "-";
  std::string output = "-";
  CLI::App* batch = app.add_subcommand("batch", "answer stay cases given as JSON Lines (../shared/contracts/stay-engine.md)");
  batch->add_option("--input", input, "file with one case per line, or - for stdin");
  batch->add_option("--output", output, "file for the result lines, or - for stdout");

  boravak::cli::person_options person;
  std::string lang = boravak::cli::language_from_environment();
  bool json = false;
  bool explain = false;
  CLI::App* stay = app.add_subcommand("stay", "days used and left, last legal day, overstay, next entries, address registration");
  add_person_options(stay, person, lang);
  stay->add_flag("--json", json, "print JSON instead of text");
  stay->add_flag("--explain", explain, "show which stays and days the answer counted, and why");

  CLI::App* visarun = app.add_subcommand("visarun", "when to leave, when to come back, and which border crossings you may use");
  add_person_options(visarun, person, lang);
  person.city = "belgrade";
  visarun->add_option("--city", person.city, "home city: belgrade, novi_sad, subotica, nis, loznica, sabac, kikinda, prijepolje");

  std::string rules_country;
  std::string rules_lang = boravak::cli::language_from_environment();
  CLI::App* rules_command = app.add_subcommand("rules", "every rule we answer with: dates, sources, how sure we are, when last checked");
  rules_command->add_option("--lang", rules_lang, "en, ru, uk, sr (Latin) or sr-Cyrl (default: from LC_ALL, LC_MESSAGES or LANG)")
      ->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
  rules_command->add_option("--citizenship,-c", rules_country, "only the entry rules of this country, e.g. UA");

  boravak::cli::permit_options permit_options;
  const auto permit_commands = boravak::cli::add_permit_commands(app, permit_options);

  boravak::server::serve_options serve_options;
  CLI::App* serve = boravak::server::add_serve_command(app, serve_options);

  boravak::bot::chat_options chat_options;
  CLI::App* chat = boravak::bot::add_chat_command(app, chat_options);

  boravak::bot::bot_options bot_options;
  CLI::App* bot = boravak::bot::add_bot_command(app, bot_options);

  CLI11_PARSE(app, argc, argv);
  if (*serve) return boravak::server::run_serve_command(serve_options, rules_dir);
  if (*bot) return boravak::bot::run_bot_command(bot_options, rules_dir);
  if (*chat) return boravak::bot::run_chat_command(chat_options, rules_dir);

  try {
    if (const int code = boravak::cli::run_permit_commands(permit_commands, permit_options, rules_dir); code >= 0) return code;
  } catch (const boravak::rules_loader::rules_error& e) {
    std::fprintf(stderr, "boravak: the rules data is broken, so nothing can be answered.\n  %s\n", e.what());
    return 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "boravak: %s\n", e.what());
    return 1;
  }

  boravak::rule_set rules;
  try {
    rules = boravak::rules_loader::load_rules(rules_dir.empty() ? boravak::rules_loader::default_rules_directory()
                                                                : std::filesystem::path(rules_dir));
  } catch (const boravak::rules_loader::rules_error& e) {
    std::fprintf(stderr, "boravak: the rules data is broken, so nothing can be answered.\n  %s\n", e.what());
    return 3;
  }
  if (*batch) return boravak::cli::run_batch(rules, input, output);
  if (*rules_command) {
    const boravak::app::system_clock clock;
    const boravak::i18n::catalog words(boravak::i18n::default_locale_directory(), rules_lang);
    const auto permits = boravak::rules_loader::load_permit_rules(rules_dir.empty() ? boravak::rules_loader::default_rules_directory()
                                                                                   : std::filesystem::path(rules_dir));
    std::string code = rules_country;
    for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (!code.empty() && rules.find_country(code) == nullptr) {
      std::fprintf(stderr, "boravak: %s\n",
                   words.render({"stay.problem.unknown_citizenship", {boravak::text_arg::of_verbatim(rules_country)}}).c_str());
      return 1;
    }
    std::cout << boravak::cli::rules_text(boravak::app::rules_overview({rules, clock}, permits, code), words);
    return 0;
  }

  try {
    const boravak::app::system_clock clock;
    const boravak::app::context ctx{rules, clock};
    const boravak::i18n::catalog words(boravak::i18n::default_locale_directory(), lang);
    if (!*visarun) person.city.clear();
    const auto situation = boravak::app::check_stays(ctx, boravak::cli::read_person(person, clock.today()));
    if (!situation) {
      std::fprintf(stderr, "boravak: %s\n", words.render(situation.error().message).c_str());
      return 1;
    }
    if (*visarun) {
      std::cout << boravak::cli::visarun_text(situation.value(), rules, words);
    } else if (json) {
      nlohmann::json out = boravak::render::stay_situation_json(situation.value(), rules, words);
      if (!explain) out.erase("explanation");
      std::cout << out.dump(2) << "\n";
    } else {
      std::cout << boravak::cli::stay_text(situation.value(), rules, words, explain);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "boravak: %s\n", e.what());
    return 1;
  }
  return 0;
}
