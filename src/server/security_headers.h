// The headers every answer carries. The page is its own origin's only source of scripts and
// styles (its own WebAssembly engine needs 'wasm-unsafe-eval' to compile); the API answers may not be framed, sniffed, cached (profiles) or sent as referrers.
#pragma once

#include <boost/beast/http.hpp>

namespace boravak::server {

enum class answer_kind { api, page };

template <class Fields>
void add_security_headers(Fields& h, answer_kind kind) {
  namespace http = boost::beast::http;
  if (kind == answer_kind::page) {
    h.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; "
          "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    h.set(http::field::cache_control, "no-cache");
  } else {
    h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    h.set(http::field::cache_control, "no-store");
  }
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  h.set("Referrer-Policy", "no-referrer");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Cross-Origin-Resource-Policy", "same-origin");
  h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
}

}  // namespace boravak::server
