// The dialog engine (see dialog_engine.h).
#include "dialog_engine.h"

#include <spdlog/spdlog.h>

#include "bot_profile.h"
#include "dialog.h"
#include "store/utc_time.h"

namespace boravak::bot {
namespace {

const dialog* find_dialog(const std::string& name) {
  for (const dialog& d : all_dialogs())
    if (d.name == name) return &d;
  return nullptr;
}

const dialog* dialog_for_command(const std::string& command) {
  for (const dialog& d : all_dialogs())
    for (const std::string& c : d.commands)
      if (c == command) return &d;
  return nullptr;
}

// "/link ABC" gives "/link"; "/status@boravak_bot" gives "/status".
std::string command_of(const std::string& text) {
  if (text.empty() || text.front() != '/') return {};
  std::string c = text.substr(0, text.find_first_of(" \n"));
  return c.substr(0, c.find('@'));
}

bool expired(const std::string& touched_at, const std::string& now, int minutes) {
  const auto then = store::utc_from_text(touched_at);
  return then != std::chrono::sys_seconds{} && store::utc_from_text(now) - then > std::chrono::minutes(minutes);
}

}  // namespace

std::string language_for(const std::string& code, const std::string& fallback) {
  const std::string base = code.substr(0, code.find_first_of("-_"));
  if (base == "ru" || base == "uk" || base == "en") return base;
  if (base == "sr") return code.find("Latn") != std::string::npos ? "sr" : "sr-Cyrl";
  if (base == "be") return "ru";  // Belarusian speakers mostly read Russian
  return fallback;
}

// Group chats (docs/bot.md): the bot keeps one person's dates and documents, which a group
// would show to everyone, so it keeps nothing there. A command addressed to it (to nobody in
// particular, or to it by name) is answered with a link to a private chat; the rest of the
// group's talk is not its business and gets no answer.
std::vector<outgoing> dialog_engine::answer_group(const incoming& in) const {
  std::vector<outgoing> out;
  const i18n::catalog& words = app_.words(language_for(in.language_code, options_.fallback_language));
  const std::string link = options_.bot_username.empty() ? std::string("Telegram") : "https://t.me/" + options_.bot_username;
  if (!in.callback_id.empty()) {
    out.push_back({outgoing::kind::callback_answer, words.format("bot.group.private_only", {link}), {}, {}, {}, {}, in.callback_id});
    return out;
  }
  const std::string first_word = in.text.substr(0, in.text.find_first_of(" \n"));
  const std::size_t at = first_word.find('@');
  // Telegram's usernames are case-insensitive: "/status@Boravak_Bot" is addressed to @boravak_bot.
  const auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const bool addressed = !first_word.empty() && first_word.front() == '/' &&
                         (at == std::string::npos || options_.bot_username.empty() ||
                          lower(first_word.substr(at + 1)) == lower(options_.bot_username));
  if (addressed) out.push_back({outgoing::kind::message, words.format("bot.group.private_only", {link}), {}, {}, {}, {}, {}});
  return out;
}

std::vector<outgoing> dialog_engine::handle(const incoming& in, date today, const std::string& now) {
  if (!in.chat_type.empty() && in.chat_type != "private") return answer_group(in);
  std::vector<outgoing> out;
  auto found = app_.store->find_chat(in.chat_id);
  if (!in.callback_id.empty()) {
    // A button answers once: its keyboard goes as it is pressed. One pressed under a question
    // that is no longer asked (the dialog ended, timed out or was never saved) gets a short
    // notice instead of an answer; a button that starts a command ("/status") always works.
    const bool starts_command = !in.callback_data.empty() && in.callback_data.front() == '/';
    const bool question_open = found && !found->dialog.empty() && !expired(found->touched_at, now, options_.dialog_timeout_minutes);
    // Telegram's message ids could also tell an older question's buttons from the open one's; they
    // are not used, as a client that numbers its messages otherwise would find every button stale.
    const bool stale = !starts_command && found.has_value() && !question_open;
    out.push_back({outgoing::kind::callback_answer, stale ? app_.words(found->lang).get("bot.button.stale") : std::string(), {}, {}, {}, {},
                   in.callback_id});
    if (in.message_id != 0) out.push_back({outgoing::kind::remove_buttons, {}, {}, {}, {}, {}, {}, in.message_id});
    if (stale) return out;
  }
  const bool new_chat = !found;
  store::chat_record chat = found.value_or(store::chat_record{in.chat_id, 0, language_for(in.language_code, options_.fallback_language), "", "", "{}", ""});
  nlohmann::json data = nlohmann::json::parse(chat.data_json, nullptr, false);
  if (!data.is_object()) data = nlohmann::json::object();
  turn t{app_, chat, data, in, out, today, false, false, &options_.reminders};

  const std::string typed = in.callback_data.empty() ? in.text : in.callback_data;
  std::string command = command_of(typed);
  // Telegram's deep link (t.me/<bot>?start=CODE) arrives as "/start CODE": with a code it links
  // the web profile, as "/link CODE" does, also as a new chat's very first message. Otherwise a
  // new chat starts with onboarding, whatever it first says (its language, then citizenship).
  const std::size_t space = typed.find(' ');
  const bool has_code = space != std::string::npos && typed.find_first_not_of(' ', space) != std::string::npos;
  if ((command == "/start" || command == "/link") && has_code) command = "/link";
  else if (new_chat) command = "/start";

  try {
    if (!chat.dialog.empty() && command.empty() && expired(chat.touched_at, now, options_.dialog_timeout_minutes)) {
      t.say(t.format("bot.timeout"), main_menu(t.words()));
      chat.dialog.clear();
      chat.state.clear();
    } else if (command == "/cancel") {
      chat.dialog.clear();
      chat.state.clear();
      t.say(t.format("bot.cancelled"), main_menu(t.words()));
    } else if (const dialog* d = command.empty() ? nullptr : dialog_for_command(command)) {
      nlohmann::json kept = data.contains("keep") ? data["keep"] : nlohmann::json();
      data = nlohmann::json::object();
      if (!kept.is_null()) data["keep"] = std::move(kept);
      data["command_text"] = typed;
      chat.dialog = d->name;
      chat.state = d->start(t);
    } else if (const dialog* current = chat.dialog.empty() || !command.empty() ? nullptr : find_dialog(chat.dialog)) {
      const auto handler = current->states.find(chat.state);
      chat.state = handler == current->states.end() ? std::string() : handler->second(t);
    } else {
      t.say(t.format("bot.unknown") + "\n\n" + t.format("bot.help"), main_menu(t.words()));
      chat.state.clear();
    }
  } catch (const refused& e) {
    // Input the profile service refused: say why in the chat's language, and keep the
    // question open.
    t.say(t.words().render(e.why.message));
  }
  if (chat.state.empty()) {
    // The dialog is over: its notes go, except what it keeps for later ones (the last plan).
    chat.dialog.clear();
    nlohmann::json kept = data.contains("keep") ? data["keep"] : nlohmann::json();
    data = nlohmann::json::object();
    if (!kept.is_null()) data["keep"] = std::move(kept);
  }
  chat.data_json = data.dump();
  if (t.chat_deleted) return out;
  app_.store->save_chat(chat);
  if (t.profile_changed && chat.profile_id != 0)
    app_.store->schedule_reminders(chat.chat_id, plan_reminders(app_, chat, today, now, options_.reminders));
  return out;
}

}  // namespace boravak::bot
