// Picking the language from the environment (see language.h).
#include "language.h"

#include <cstdlib>

namespace boravak::cli {

std::string language_of_locale(const std::string& locale) {
  if (locale.rfind("sr", 0) == 0) return locale.find("@latin") != std::string::npos ? "sr" : "sr-Cyrl";
  if (locale.rfind("ru", 0) == 0) return "ru";
  if (locale.rfind("uk", 0) == 0) return "uk";
  return "en";
}

std::string language_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return language_of_locale(value);
  }
  return "en";
}

}  // namespace boravak::cli
