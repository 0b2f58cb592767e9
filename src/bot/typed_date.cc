// Reading typed dates (see typed_date.h).
#include "typed_date.h"

#include <sstream>

namespace boravak::bot {
namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ..Џ: Ё Ђ Є І Ї Ј Љ Њ Ћ Џ
  if (c == 0x490) return 0x491;                   // Ґ
  if (c == 0x10C || c == 0x106 || c == 0x110 || c == 0x160 || c == 0x17D) return c + 1;  // Č Ć Đ Š Ž
  return c;
}

bool matches_word(const std::string& folded, const std::string& words) {
  std::stringstream alternatives(words);
  for (std::string word; std::getline(alternatives, word, '|');)
    if (!word.empty() && folded == fold_case(word)) return true;
  return false;
}

}  // namespace

std::string fold_case(std::string_view text) {
  const auto continuation = [&](std::size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  const auto three_bytes = [&](std::size_t i) -> char32_t {
    return ((text[i] & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F);
  };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0xC2 && b <= 0xDF && continuation(i + 1)) {
      append_utf8(out, lower(((b & 0x1F) << 6) | (text[i + 1] & 0x3F)));
      i += 2;
    } else if (b >= 0xE0 && b <= 0xEF && continuation(i + 1) && continuation(i + 2) && three_bytes(i) >= 0x800) {
      append_utf8(out, lower(three_bytes(i)));  // (an overlong form, below 0x800, is copied as it is)
      i += 3;
    } else {
      // ASCII, or anything else (4-byte letters, stray bytes) copied as it is.
      out += static_cast<char>(b < 0x80 ? static_cast<char>(lower(b)) : text[i]);
      ++i;
    }
  }
  return out;
}

std::optional<date> parse_typed_date(std::string_view text, date today, const std::vector<const i18n::catalog*>& languages) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  text = text.substr(first, text.find_last_not_of(" \t\r\n.!") - first + 1);
  if (auto d = parse_written_date(text)) return d;
  const std::string folded = fold_case(text);
  if (folded == "today") return today;
  if (folded == "yesterday") return today - days{1};
  for (const i18n::catalog* words : languages) {
    if (matches_word(folded, words->get("bot.words.today"))) return today;
    if (matches_word(folded, words->get("bot.words.yesterday"))) return today - days{1};
  }
  return std::nullopt;
}

}  // namespace boravak::bot
