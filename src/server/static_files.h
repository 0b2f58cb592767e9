// The web page's files (web/), read into memory at start-up: serving them costs no disk
// access, and the page needs no build step.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace boravak::server {

struct static_file {
  std::string content_type;
  std::string body;
};

class static_files {
 public:
  // Every file under `folder`: web/index.html is "/", web/static/x.js is "/static/x.js".
  // A missing folder gives an empty set (the API still works). Throws on a read error.
  void load(const std::filesystem::path& folder);
  // Adds the files under `folder` as `url_prefix` + their relative path; a missing folder adds none.
  void add_folder(const std::filesystem::path& folder, const std::string& url_prefix);
  const static_file* find(std::string_view path) const;
  std::size_t size() const { return files_.size(); }

 private:
  std::unordered_map<std::string, static_file> files_;
};

}  // namespace boravak::server
