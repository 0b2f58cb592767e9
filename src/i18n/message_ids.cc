// Reading msgids from a .mo file (see message_ids.h).
#include "message_ids.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

#include "catalog.h"

namespace boravak::i18n {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;

std::uint32_t word_at(const std::string& data, std::size_t offset, bool swap) {
  if (offset + 4 > data.size()) throw catalog_error("the catalog is cut short");
  std::uint32_t w;
  std::memcpy(&w, data.data() + offset, 4);
  return swap ? __builtin_bswap32(w) : w;
}

}  // namespace

std::vector<std::string> message_ids(const std::filesystem::path& locale_dir, std::string_view language,
                                     std::string_view prefix) {
  const auto file = locale_dir / std::string(language) / "LC_MESSAGES" / "boravak.mo";
  std::ifstream in(file, std::ios::binary);
  if (!in) throw catalog_error("cannot read the catalog " + file.string());
  std::ostringstream all;
  all << in.rdbuf();
  const std::string data = all.str();
  const bool swap = word_at(data, 0, false) != kMagic;
  if (word_at(data, 0, swap) != kMagic) throw catalog_error(file.string() + " is not a compiled catalog");
  const std::uint32_t count = word_at(data, 8, swap);
  const std::uint32_t originals = word_at(data, 12, swap);
  std::vector<std::string> ids;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint32_t length = word_at(data, originals + 8 * i, swap);
    const std::uint32_t offset = word_at(data, originals + 8 * i + 4, swap);
    if (std::size_t{offset} + length > data.size()) throw catalog_error(file.string() + " is cut short");
    std::string id(data.data() + offset, length);
    id = id.substr(0, id.find('\0'));  // the singular of a plural entry
    if (!id.empty() && id.starts_with(prefix)) ids.push_back(std::move(id));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace boravak::i18n
