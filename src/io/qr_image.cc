// QR images (see qr_image.h).
#include "qr_image.h"

#include <png.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace boravak::io {
namespace {

constexpr int kQuietZone = kQrQuietZone;

struct qr_deleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

}  // namespace

qr_matrix qr_modules(std::string_view payload) {
  const std::string text(payload);
  std::unique_ptr<QRcode, qr_deleter> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
  if (!code) throw std::runtime_error("the payment data is too long for a QR code");
  qr_matrix m;
  m.width = code->width;
  m.modules.resize(static_cast<std::size_t>(m.width * m.width));
  for (std::size_t i = 0; i < m.modules.size(); ++i) m.modules[i] = code->data[i] & 1;
  return m;
}

std::string qr_svg(std::string_view payload) {
  const qr_matrix code = qr_modules(payload);
  const int size = code.width + 2 * kQuietZone;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
                    std::to_string(size) + "\" width=\"" + std::to_string(size * 8) + "\" height=\"" +
                    std::to_string(size * 8) + "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"";
  for (int y = 0; y < code.width; ++y)
    for (int x = 0; x < code.width; ++x)
      if (code.dark(x, y))
        svg += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h1v1h-1z";
  svg += "\"/>\n</svg>\n";
  return svg;
}

std::string qr_png(std::string_view payload, int module_pixels) {
  const qr_matrix code = qr_modules(payload);
  const int size = (code.width + 2 * kQuietZone) * module_pixels;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) throw std::runtime_error("could not start the PNG writer");
  std::string out;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw std::runtime_error("could not write the PNG image");
  }
  png_set_write_fn(
      png, &out, [](png_structp p, png_bytep data, png_size_t length) {
        static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), length);
      },
      nullptr);
  png_set_IHDR(png, info, size, size, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<png_byte> row((size + 7) / 8);
  for (int py = 0; py < size; ++py) {
    std::fill(row.begin(), row.end(), 0xFF);  // 1 = white in a 1-bit grey image
    const int y = py / module_pixels - kQuietZone;
    for (int px = 0; px < size; ++px) {
      const int x = px / module_pixels - kQuietZone;
      if (x >= 0 && y >= 0 && x < code.width && y < code.width && code.dark(x, y))
        row[px / 8] &= static_cast<png_byte>(~(0x80 >> (px % 8)));
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace boravak::io
