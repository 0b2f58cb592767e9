// QR code images for payment slips: libqrencode makes the matrix; we draw it as SVG (squares
// on a white ground) or PNG (libpng). A 4-module quiet zone surrounds the code, as the QR
// standard asks, so banking apps find it.
#pragma once

#include <string>
#include <string_view>

namespace boravak::io {

// Error correction M: the code survives a fold or a smudge on a printed slip.
std::string qr_svg(std::string_view payload);
// `module_pixels` pixels per module. Returns the PNG file's bytes.
std::string qr_png(std::string_view payload, int module_pixels = 8);

}  // namespace boravak::io
