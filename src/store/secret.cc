// Secrets and hashes (see secret.h).
#include "secret.h"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cctype>
#include <stdexcept>

#include <openssl/evp.h>

namespace boravak::store {
namespace {

template <std::size_t N>
std::array<unsigned char, N> random_bytes() {
  std::array<unsigned char, N> bytes{};
  std::size_t filled = 0;
  while (filled < N) {
    const ssize_t got = getrandom(bytes.data() + filled, N - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("the kernel gave no random bytes");
    }
    filled += static_cast<std::size_t>(got);
  }
  return bytes;
}

}  // namespace

std::string new_profile_secret() {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const auto bytes = random_bytes<32>();
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 63];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 63];
  return out;
}

std::string new_link_code() {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";  // 31 letters and digits
  constexpr unsigned kSize = sizeof kAlphabet - 1;
  std::string out;
  while (out.size() < 8) {
    for (unsigned char b : random_bytes<16>()) {
      if (b >= 256 - 256 % kSize) continue;  // no modulo bias
      out += kAlphabet[b % kSize];
      if (out.size() == 8) break;
    }
  }
  return out;
}

std::string sha256_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string link_code_hash(link_direction direction, std::string_view code) {
  std::string upper(code);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return sha256_hex((direction == link_direction::web_to_bot ? "web-to-bot:" : "bot-to-web:") + upper);
}

}  // namespace boravak::store
