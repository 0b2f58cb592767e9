// What the bot receives and what it sends, independent of Telegram's wire format, so the same
// dialogs run in Telegram (telegram_client.h) and in the terminal (`boravak chat`).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace boravak::bot {

struct incoming {
  std::int64_t chat_id = 0;
  std::string language_code;  // Telegram's user.language_code: "ru", "en-US", …
  std::string text;           // a typed message
  std::string callback_data;  // a pressed inline button
  std::string callback_id;    // to answer the button press
  std::int64_t message_id = 0;  // the message whose button was pressed
  // Telegram's chat type: "private", "group", "supergroup" or "channel"; "" in the terminal.
  std::string chat_type;
};

struct button {
  std::string text;
  std::string data;  // sent back as callback_data; a "/command" acts like typing it
};
using keyboard = std::vector<std::vector<button>>;

struct outgoing {
  // remove_buttons takes the inline keyboard off message_id: a question answered keeps no
  // live buttons.
  enum class kind { message, document, photo, callback_answer, remove_buttons } what = kind::message;
  std::string text;        // the message, the caption of a file, or a callback answer's notice
  keyboard buttons;
  std::string file_name;   // documents and photos
  std::string file_bytes;
  std::string mime_type;
  std::string callback_id;
  std::int64_t message_id = 0;
};

}  // namespace boravak::bot
