// QR code images for payment slips: libqrencode makes the matrix; we draw it as SVG (squares
// on a white ground) or PNG (libpng). A 4-module quiet zone surrounds the code, as the QR
// standard asks, so banking apps find it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boravak::io {

// The code's modules, for drawing it elsewhere (the printable slips): width × width, row by row.
struct qr_matrix {
  int width = 0;
  std::vector<bool> modules;
  bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * width + x)]; }
};
inline constexpr int kQrQuietZone = 4;  // modules of white around the code

qr_matrix qr_modules(std::string_view payload);

// Error correction M: the code survives a fold or a smudge on a printed slip.
std::string qr_svg(std::string_view payload);
// `module_pixels` pixels per module. Returns the PNG file's bytes.
std::string qr_png(std::string_view payload, int module_pixels = 8);

}  // namespace boravak::io
