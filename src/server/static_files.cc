// Loading web/ (see static_files.h).
#include "static_files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace boravak::server {
namespace {

std::string type_of(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".wasm") return "application/wasm";  // WebAssembly.instantiateStreaming requires it
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

void static_files::load(const std::filesystem::path& folder) {
  files_.clear();
  add_folder(folder, "/");
}

void static_files::add_folder(const std::filesystem::path& folder, const std::string& url_prefix) {
  if (!std::filesystem::is_directory(folder)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in && !in.eof()) throw std::runtime_error("cannot read " + entry.path().string());
    const std::string relative = std::filesystem::relative(entry.path(), folder).generic_string();
    const std::string url = url_prefix == "/" && relative == "index.html" ? "/" : url_prefix + relative;
    files_[url] = {type_of(entry.path()), body.str()};
  }
}

const static_file* static_files::find(std::string_view path) const {
  const auto it = files_.find(std::string(path));
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace boravak::server
