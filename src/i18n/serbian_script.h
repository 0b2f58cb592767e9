// Serbian Cyrillic from Serbian Latin, by transliteration (issue 3: the catalogs hold Serbian in
// Latin script; Cyrillic is produced from it).
//
// Letter for letter, with the digraphs lj, nj and dž read as one letter (љ, њ, џ). Left as they
// are: {placeholders}, `commands` in backticks, web and e-mail addresses, and words with q, w, x or y, which Serbian
// Cyrillic has no letters for (QR, www), and the codes RSD, EUR, PDF and PIN.
#pragma once

#include <string>
#include <string_view>

namespace boravak::i18n {

std::string to_serbian_cyrillic(std::string_view latin);

}  // namespace boravak::i18n
