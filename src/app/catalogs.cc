// The catalogs of every language, each read on first use (see app_context.h).
#include "app_context.h"

namespace boravak::app {

const i18n::catalog& catalogs::in(const std::string& lang) const {
  const std::lock_guard<std::mutex> hold(loading_);
  auto& slot = loaded_[lang];
  if (!slot) slot = std::make_unique<const i18n::catalog>(dir_, lang);
  return *slot;
}

void catalogs::set_directory(std::filesystem::path locale_dir) {
  const std::lock_guard<std::mutex> hold(loading_);
  dir_ = std::move(locale_dir);
  loaded_.clear();
}

}  // namespace boravak::app
