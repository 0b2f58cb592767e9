// `boravak chat` (see chat_command.h).
#include "chat_command.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/app_setup.h"
#include "dialog_engine.h"
#include "store/utc_time.h"

namespace boravak::bot {
namespace {

void print(const outgoing& o, const std::string& files, std::vector<std::string>& buttons) {
  switch (o.what) {
    case outgoing::kind::callback_answer:
      if (!o.text.empty()) std::cout << "(" << o.text << ")\n";
      return;
    case outgoing::kind::remove_buttons:
      return;
    case outgoing::kind::document:
    case outgoing::kind::photo: {
      const auto path = std::filesystem::path(files) / o.file_name;
      std::ofstream(path, std::ios::binary) << o.file_bytes;
      std::cout << "[" << (o.what == outgoing::kind::photo ? "photo" : "file") << " " << path.string() << ", "
                << o.file_bytes.size() << " bytes] " << o.text << "\n";
      return;
    }
    case outgoing::kind::message:
      std::cout << o.text << "\n";
      if (o.buttons.empty()) return;
      buttons.clear();
      for (const auto& row : o.buttons) {
        for (const button& b : row) {
          buttons.push_back(b.data);
          std::cout << "  [" << buttons.size() << "] " << b.text;
        }
        std::cout << "\n";
      }
  }
}

}  // namespace

CLI::App* add_chat_command(CLI::App& app, chat_options& o) {
  CLI::App* chat = app.add_subcommand("chat", "talk to the Telegram bot's dialogs in this terminal");
  chat->add_option("--db", o.db, "sqlite:PATH or postgresql://… (default: SQLite in $BORAVAK_DATA)");
  chat->add_option("--lang", o.lang, "your language as Telegram would say it: en, ru, uk, sr or sr-Cyrl (default from $LANG)");
  chat->add_option("--today", o.today, "pretend today is this date (YYYY-MM-DD)");
  chat->add_option("--files", o.files, "folder for the files the bot sends (calendar, slips, export); default: a new temporary folder");
  chat->add_option("--chat-id", o.chat_id, "which chat to be (each keeps its own profile)");
  return chat;
}

int run_chat_command(const chat_options& o, const std::string& rules_dir) {
  app::log_to_stderr();
  auto app = std::make_unique<app::app_context>();
  // --today sets the one clock, before the store is opened with it: to noon in Belgrade.
  if (!o.today.empty()) {
    const auto d = parse_iso_date(o.today);
    if (!d) {
      std::cerr << "boravak chat: --today \"" << o.today << "\" is not a date; write YYYY-MM-DD.\n";
      return 2;
    }
    app->now = std::make_unique<app::fixed_clock>(std::chrono::sys_seconds{*d} + std::chrono::hours(11));
  }
  if (!app::open_app_context(*app, app::default_folders(rules_dir), o.db)) return 3;
  dialog_engine engine(*app, {});
  const std::string lang = o.lang.empty() ? "en" : o.lang;
  // The files the bot would send go to a folder of their own, never into the working tree.
  std::string files = o.files;
  if (files.empty()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "boravak-chat-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::cerr << "boravak chat: cannot make a temporary folder for the bot's files; give --files.\n";
      return 2;
    }
    files = pattern;
  } else {
    std::filesystem::create_directories(files);
  }
  std::cerr << "boravak chat: files the bot sends go to " << files << "\n";
  std::vector<std::string> buttons;
  std::string line;
  while (std::getline(std::cin, line)) {
    incoming in{o.chat_id, lang, line, {}, {}, 0, "private"};
    try {
      const std::size_t pressed = std::stoul(line);
      if (pressed >= 1 && pressed <= buttons.size() && std::to_string(pressed) == line) {
        in.callback_data = buttons[pressed - 1];
        in.callback_id = "terminal";
        in.text.clear();
      }
    } catch (const std::exception&) {
    }
    std::cout << "> " << (in.callback_data.empty() ? line : in.callback_data) << "\n";
    for (const outgoing& out : engine.handle(in, app->today(), store::utc_text(app->now->now()))) print(out, files, buttons);
    std::cout << std::flush;
  }
  return 0;
}

}  // namespace boravak::bot
