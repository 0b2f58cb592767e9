// The language the CLI answers in when --lang is not given: the first of LC_ALL, LC_MESSAGES and
// LANG that is set (as POSIX orders them). sr_RS@latin gives sr, other Serbian gives sr-Cyrl,
// ru* gives ru, uk* gives uk, and anything else gives en.
#pragma once

#include <string>

namespace boravak::cli {

std::string language_from_environment();
// The same rule for one locale name ("sr_RS.UTF-8@latin").
std::string language_of_locale(const std::string& locale);

}  // namespace boravak::cli
