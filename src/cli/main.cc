// The `boravak` command line, and the composition root: it parses the command, builds the
// application's context (rules, catalogs, clock, and the store for the long-running commands),
// and hands it to the use cases and to the adapter that runs. It is the one file that knows
// every adapter: it wires the bot's webhook into the server.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "app/app_context.h"
#include "app/rules_overview.h"
#include "app/stay_check.h"
#include "batch_command.h"
#include "bot/bot_command.h"
#include "bot/chat_command.h"
#include "language.h"
#include "permit_command.h"
#include "person_query.h"
#include "render/stay_report_pdf.h"
#include "render/stay_json.h"
#include "rules_loader/rules_loader.h"
#include "rules_text.h"
#include "server/serve_command.h"
#include "stay_report.h"

namespace {

using namespace boravak;

// Every command answers in --lang, or in the language of the environment's locale.
void add_lang_option(CLI::App* command, std::string& lang) {
  command->add_option("--lang", lang, "answer in en, ru, uk, sr (Latin) or sr-Cyrl (default: from LC_ALL, LC_MESSAGES or LANG)")
      ->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
}

void add_person_options(CLI::App* command, cli::person_options& o) {
  command->add_option("--citizenship,-c", o.citizenship, "two-letter country code, e.g. RU, UA, CN, TR, US");
  command->add_option("--regime", o.regime, "a rule instead: rolling:90:180, fixed:90:6m, fixed:90:180d, per_entry:30");
  command->add_option("--stays", o.stays_file, "CSV (entry,exit per line) or JSON file with your stays");
  command->add_option("--stamps", o.stamps, "passport stamps in any order: \"+2026-03-01 -2026-03-30 +2026-04-02\"");
  command->add_option("--on", o.on, "the date to check (default: today in Belgrade)");
  command->add_option("--exempt", o.exempt, "days that do not count (a permit, a visa D): FROM..TO");
  command->add_option("--valid-until", o.valid_until, "last day your entry document allows");
  command->add_option("--document-expires", o.document_expires,
                      "you entered visa-free on a Schengen, UK or US visa or residence permit that expires on this date");
  command->add_option("--pending-since", o.pending_since, "you filed an application for a permit on this day, and it is not decided yet");
  command->add_option("--pending-kind", o.pending_kind, "first (a first permit) or renewal")->check(CLI::IsMember({"first", "renewal"}));
}

int refuse(const std::string& sentence) {
  std::fprintf(stderr, "boravak: %s\n", sentence.c_str());
  return 1;
}

// `boravak report`: the same inputs as `boravak stay`, the stay report as a PDF file.
int run_report(const app::app_context& ctx, const cli::person_options& o, const std::string& lang, const std::string& name,
               const std::string& out_file) {
  const i18n::catalog& words = ctx.words(lang);
  const auto who = cli::read_person(o, ctx.today());
  if (!who) return refuse((who.error().field == "--stays" ? o.stays_file + ": " : std::string()) + words.render(who.error().message));
  const std::string pdf = render::stay_report_pdf(ctx, who.value(), name, "", words);
  std::ofstream file(out_file, std::ios::binary);
  file << pdf;
  if (!file) return refuse(words.format("cli.error.cannot_write", {out_file}));
  std::cout << out_file << "\n";
  return 0;
}

// The stay and visa-run commands.
int run_stay(const app::app_context& ctx, const cli::person_options& o, const std::string& lang, bool visarun, bool json, bool explain) {
  const i18n::catalog& words = ctx.words(lang);
  const auto who = cli::read_person(o, ctx.today());
  // A stays file's problem is told with the file's name.
  if (!who) return refuse((who.error().field == "--stays" ? o.stays_file + ": " : std::string()) + words.render(who.error().message));
  const auto situation = app::check_stays(ctx, who.value());
  if (!situation) {
    // In the command line, the way to name another country's visa is an option.
    if (situation.error().code == error_code::visa_required) return refuse(words.render(situation.error().message) + "\n  " + words.get("cli.hint.document_expires"));
    return refuse(words.render(situation.error().message));
  }
  if (visarun) {
    std::cout << cli::visarun_text(situation.value(), ctx.stay_rules, words);
  } else if (json) {
    nlohmann::json out = render::stay_situation_json(situation.value(), ctx.stay_rules, words);
    if (!explain) out.erase("explanation");
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << cli::stay_text(situation.value(), ctx.stay_rules, words, explain);
  }
  return 0;
}

int run_rules(const app::app_context& ctx, const std::string& country, const std::string& lang) {
  const i18n::catalog& words = ctx.words(lang);
  std::string code = country;
  for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (!code.empty() && ctx.stay_rules.find_country(code) == nullptr)
    return refuse(words.render({"stay.problem.unknown_citizenship", {text_arg::of_verbatim(country)}}));
  std::cout << cli::rules_text(app::rules_overview(ctx, code), words);
  return 0;
}

// `boravak serve --telegram-webhook`: the bot's webhook and reminder sender, hosted by the server.
std::optional<int> bot_in_server(bot::bot_options& o, server::serve_extras& extras) {
  if (const std::string problem = bot::finish_bot_options(o, true); !problem.empty()) {
    std::fprintf(stderr, "boravak serve --telegram-webhook: %s\n", problem.c_str());
    return 2;
  }
  extras.endpoint = server::hosted_endpoint{"/telegram/webhook", o.telegram.webhook_secret,
                                            [o](app::app_context& ctx, const std::string& body) {
                                              return bot::handle_webhook_update(ctx, o.telegram, o.engine, body);
                                            }};
  extras.background = [o](app::app_context& ctx, std::atomic<bool>& stop) { bot::run_webhook_companion(ctx, o.telegram, o.engine, stop); };
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"boravak: how long you may stay in Serbia, and what to do next"};
  app.require_subcommand(1);
  std::string rules_dir;
  app.add_option("--rules", rules_dir, "folder with the rules data (default: $BORAVAK_RULES, or rules/ beside build/)");
  std::string lang = cli::language_from_environment();

  std::string input = "-";
  std::string output = "-";
  CLI::App* batch = app.add_subcommand("batch", "answer stay cases given as JSON Lines (docs/contracts/stay-engine.md)");
  batch->add_option("--input", input, "file with one case per line, or - for stdin");
  batch->add_option("--output", output, "file for the result lines, or - for stdout");
  add_lang_option(batch, lang);

  cli::person_options person;
  bool json = false;
  bool explain = false;
  CLI::App* stay = app.add_subcommand("stay", "days used and left, last legal day, overstay, next entries, address registration");
  add_person_options(stay, person);
  add_lang_option(stay, lang);
  stay->add_flag("--json", json, "print JSON instead of text");
  stay->add_flag("--explain", explain, "show which stays and days the answer counted, and why");

  std::string report_out = "report.pdf";
  std::string report_name;
  CLI::App* report = app.add_subcommand("report", "the stay report as a PDF, for a client, a lawyer or a police officer");
  add_person_options(report, person);
  add_lang_option(report, lang);
  report->add_option("--out", report_out, "the PDF file to write (default report.pdf)");
  report->add_option("--name", report_name, "the person's name, printed at the top");

  CLI::App* visarun = app.add_subcommand("visarun", "when to leave, when to come back, and which border crossings you may use");
  add_person_options(visarun, person);
  add_lang_option(visarun, lang);
  std::string city = "belgrade";
  visarun->add_option("--city", city, "home city: belgrade, novi_sad, subotica, nis, loznica, sabac, kikinda, prijepolje");

  std::string rules_country;
  CLI::App* rules_command = app.add_subcommand("rules", "every rule we answer with: dates, sources, how sure we are, when last checked");
  add_lang_option(rules_command, lang);
  rules_command->add_option("--citizenship,-c", rules_country, "only the entry rules of this country, e.g. UA");

  cli::permit_options permit_options;
  permit_options.lang = lang;
  const auto permit_commands = cli::add_permit_commands(app, permit_options);

  server::serve_options serve_options;
  CLI::App* serve = server::add_serve_command(app, serve_options);
  add_lang_option(serve, lang);
  bool telegram_webhook = false;
  bot::bot_options serve_bot;
  serve->add_flag("--telegram-webhook", telegram_webhook,
                  "also take the Telegram bot's updates at POST /telegram/webhook and send its reminders");
  serve->add_option("--webhook-secret-file", serve_bot.webhook_secret_file,
                    "file holding the webhook's secret token (else $BORAVAK_TELEGRAM_WEBHOOK_SECRET)");
  bot::add_telegram_options(serve, serve_bot);

  bot::chat_options chat_options;
  chat_options.lang = lang;
  CLI::App* chat = bot::add_chat_command(app, chat_options);

  bot::bot_options bot_options;
  CLI::App* bot = bot::add_bot_command(app, bot_options);
  add_lang_option(bot, lang);

  CLI11_PARSE(app, argc, argv);
  serve_options.server.language = lang;
  serve_bot.engine.fallback_language = lang;
  bot_options.engine.fallback_language = lang;
  if (*serve) {
    server::serve_extras extras;
    if (telegram_webhook)
      if (const auto code = bot_in_server(serve_bot, extras)) return *code;
    return server::run_serve_command(serve_options, rules_dir, extras);
  }
  if (*bot) return bot::run_bot_command(bot_options, rules_dir);
  if (*chat) return bot::run_chat_command(chat_options, rules_dir);

  // The short commands: the context without a store, on the system clock.
  app::app_context ctx;
  try {
    app::load_app_context(ctx, app::default_folders(rules_dir));
  } catch (const rules_loader::rules_error& e) {
    std::fprintf(stderr, "boravak: the rules data is broken, so nothing can be answered.\n  %s\n", e.what());
    return 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "boravak: %s\n", e.what());
    return 3;
  }
  try {
    if (const int code = cli::run_permit_commands(permit_commands, permit_options, ctx); code >= 0) return code;
    if (*batch) return cli::run_batch(ctx, lang, input, output);
    if (*rules_command) return run_rules(ctx, rules_country, lang);
    if (*report) return run_report(ctx, person, lang, report_name, report_out);
    if (*visarun) person.city = city;
    return run_stay(ctx, person, lang, bool(*visarun), json, explain);
  } catch (const std::exception& e) {
    return refuse(e.what());
  }
}
