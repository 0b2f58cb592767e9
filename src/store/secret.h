// Secrets that reach a profile, and their hashes. The server keeps only the SHA-256 of a
// secret, so a copy of the database does not open anybody's profile.
#pragma once

#include <string>
#include <string_view>

namespace boravak::store {

// 32 random bytes from the kernel (getrandom), base64url without padding: 43 characters.
std::string new_profile_secret();

// 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), for typing into a chat.
std::string new_link_code();

// How long a link code works, either way: long enough to switch from a browser to a chat.
inline constexpr long long kLinkCodeMinutes = 15;

// Which way a link code goes: made on the web for the bot (/link), or made by the bot for the
// web (POST /v1/profiles/claim). The direction is part of the hash, so a code works only the
// way it was made for.
enum class link_direction { web_to_bot, bot_to_web };
std::string link_code_hash(link_direction direction, std::string_view code);

// Lower-case hex SHA-256.
std::string sha256_hex(std::string_view text);

}  // namespace boravak::store
