// Serbian Latin to Cyrillic (see serbian_script.h).
#include "serbian_script.h"

#include <array>
#include <cctype>

namespace boravak::i18n {
namespace {

struct letter {
  std::string_view latin;
  std::string_view cyrillic;
};

// Digraphs first so that "lj" is not read as "l" + "j". Title-case and upper-case digraphs
// ("Lj", "LJ") both give the capital letter.
constexpr std::array<letter, 63> kLetters{{
    {"dž", "џ"}, {"Dž", "Џ"}, {"DŽ", "Џ"}, {"lj", "љ"}, {"Lj", "Љ"}, {"LJ", "Љ"}, {"nj", "њ"}, {"Nj", "Њ"}, {"NJ", "Њ"},
    {"a", "а"}, {"b", "б"}, {"c", "ц"}, {"č", "ч"}, {"ć", "ћ"}, {"d", "д"}, {"đ", "ђ"}, {"e", "е"}, {"f", "ф"},
    {"g", "г"}, {"h", "х"}, {"i", "и"}, {"j", "ј"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"},
    {"p", "п"}, {"r", "р"}, {"s", "с"}, {"š", "ш"}, {"t", "т"}, {"u", "у"}, {"v", "в"}, {"z", "з"}, {"ž", "ж"},
    {"A", "А"}, {"B", "Б"}, {"C", "Ц"}, {"Č", "Ч"}, {"Ć", "Ћ"}, {"D", "Д"}, {"Đ", "Ђ"}, {"E", "Е"}, {"F", "Ф"},
    {"G", "Г"}, {"H", "Х"}, {"I", "И"}, {"J", "Ј"}, {"K", "К"}, {"L", "Л"}, {"M", "М"}, {"N", "Н"}, {"O", "О"},
    {"P", "П"}, {"R", "Р"}, {"S", "С"}, {"Š", "Ш"}, {"T", "Т"}, {"U", "У"}, {"V", "В"}, {"Z", "З"}, {"Ž", "Ж"},
}};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// A letter, ASCII or not: every byte of a multi-byte UTF-8 letter (Č, š) counts as one.
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// A word that must stay in Latin letters: an address, or a foreign word.
bool keep_latin(std::string_view word) {
  // A chat command ("/status") and a command-line option ("--stays") are typed as they are.
  if (word.starts_with("/") || word.starts_with("--")) return true;
  // A value in ASCII quotes is code ("rolling", "YYYY-MM-DD"); Serbian quotes are „…“.
  if (word.find('"') != std::string_view::npos) return true;
  // A file name's extension, as in "(.ics)" or ".png".
  const std::size_t opening = word.find_first_not_of("(\"'");
  if (opening != std::string_view::npos && word[opening] == '.' && opening + 1 < word.size() &&
      std::isalpha(static_cast<unsigned char>(word[opening + 1])))
    return true;
  // Codes that stay Latin in Cyrillic text: currencies and file formats, also in brackets.
  const std::string_view bare = opening == std::string_view::npos ? word : word.substr(opening);
  // A country code ("RU", "UA,"), which people type in Latin letters.
  // (A code with nothing after it, "TR", has no first non-capital at all.)
  const std::size_t letters = bare.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  // The digraphs LJ and NJ are Serbian letters, not codes.
  const bool digraph = bare.starts_with("LJ") || bare.starts_with("NJ");
  if (!digraph && (letters == std::string_view::npos ? bare.size() == 2 : letters == 2 && !is_letter(bare[2]) &&
                                                                             !(bare[2] == '.' && bare.size() > 3 && is_letter(bare[3]))))
    return true;
  for (std::string_view code : {"RSD", "EUR", "PDF", "PIN", "PNG", "SVG", "ICS", "JSON"})
    if (bare.starts_with(code) && (bare.size() == code.size() || !std::isalpha(static_cast<unsigned char>(bare[code.size()]))))
      return true;
  if (word.find("://") != std::string_view::npos || word.find('@') != std::string_view::npos ||
      word.find("www.") != std::string_view::npos || word.find('_') != std::string_view::npos)
    return true;  // addresses, and identifiers such as real_estate
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
    if (c == 'q' || c == 'w' || c == 'x' || c == 'y') return true;
    // A dot between two small letters: a domain name such as euprava.gov.rs (not "DD.MM").
    if (word[i] == '.' && i > 0 && i + 1 < word.size() && is_lower_ascii(word[i - 1]) && is_lower_ascii(word[i + 1])) return true;
  }
  return false;
}

void transliterate_word(std::string_view word, std::string& out) {
  for (std::size_t i = 0; i < word.size();) {
    bool matched = false;
    for (const letter& l : kLetters) {
      if (word.substr(i).starts_with(l.latin)) {
        out.append(l.cyrillic);
        i += l.latin.size();
        matched = true;
        break;
      }
    }
    if (!matched) out.push_back(word[i++]);
  }
}

}  // namespace

std::string to_serbian_cyrillic(std::string_view latin) {
  std::string out;
  out.reserve(latin.size() * 2);
  std::size_t i = 0;
  while (i < latin.size()) {
    if (is_space(latin[i])) {
      out.push_back(latin[i++]);
      continue;
    }
    if (latin[i] == '{' || latin[i] == '`') {  // a placeholder or a command, copied as it is
      const std::size_t close = latin.find(latin[i] == '{' ? '}' : '`', i + 1);
      const std::size_t end = close == std::string_view::npos ? latin.size() : close + 1;
      out.append(latin.substr(i, end - i));
      i = end;
      continue;
    }
    std::size_t end = i;
    while (end < latin.size() && !is_space(latin[end]) && latin[end] != '{' && latin[end] != '`') ++end;
    const std::string_view word = latin.substr(i, end - i);
    if (keep_latin(word)) out.append(word);
    else transliterate_word(word, out);
    i = end;
  }
  return out;
}

}  // namespace boravak::i18n
