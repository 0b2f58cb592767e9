// What a bot does once at start, as Telegram's conventions ask: learn its own name (getMe),
// publish its commands menu in each language (setMyCommands with a language_code), and, before
// long polling, remove a webhook left registered, which would make every getUpdates fail with
// 409. Every failure is logged in words an operator can act on; the token never is.
#pragma once

#include <atomic>
#include <string>

#include "app/app_context.h"
#include "telegram_client.h"

namespace boravak::bot {

// The commands of the menu, in the order shown; each has its text bot.command.<name>.
const std::vector<std::string>& menu_commands();

// getMe until it answers (the Bot API may be down at start; waits grow to a minute), then the
// menu, then no webhook in the way when `polling`. False when the token is refused or `stop`
// was set first.
bool prepare_bot(telegram_client& client, const app::app_context& app, bool polling, const std::atomic<bool>& stop);

// The bot's @name as getMe gave it at start, without the "@"; "" until then, or when the Bot
// API does not answer getMe.
std::string known_bot_username();

// Publishes the commands menu in every language we speak (English as the default).
void publish_commands(telegram_client& client, const app::app_context& app);

}  // namespace boravak::bot
