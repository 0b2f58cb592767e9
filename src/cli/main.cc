// The `boravak` command line: one binary, one subcommand per job.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "../rules_loader/rules_loader.h"
#include "batch_command.h"

int main(int argc, char** argv) {
  CLI::App app{"boravak: how long you may stay in Serbia, and what to do next"};
  app.require_subcommand(1);
  std::string rules_dir;
  app.add_option("--rules", rules_dir, "folder with the rules data (default: $BORAVAK_RULES or ./rules)");

  std::string input = "-";
  std::string output = "-";
  CLI::App* batch = app.add_subcommand("batch", "answer stay cases given as JSON Lines (see docs/stay-semantics.md)");
  batch->add_option("--input", input, "file with one case per line, or - for stdin");
  batch->add_option("--output", output, "file for the result lines, or - for stdout");

  CLI11_PARSE(app, argc, argv);

  boravak::rule_set rules;
  try {
    rules = boravak::rules_loader::load_rules(
        rules_dir.empty() ? boravak::rules_loader::default_rules_directory() : std::filesystem::path(rules_dir));
  } catch (const boravak::rules_loader::rules_error& e) {
    std::fprintf(stderr, "boravak: the rules data is broken, so nothing can be answered.\n  %s\n", e.what());
    return 3;
  }
  if (*batch) return boravak::cli::run_batch(rules, input, output);
  return 0;
}
