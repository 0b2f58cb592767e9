// Checks on a request's head made before any body is read: framing by RFC 9112, the media type,
// and the query's escapes. Pure functions on the header values, so tests and a fuzzer drive
// them directly; the session answers what they refuse (http_session.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace boravak::server {

// Why a request's framing is refused, as a catalog key, or nothing when it is sound.
// RFC 9112 6.1 and 6.3: a Transfer-Encoding whose last coding is not chunked leaves the body's
// length unknown, and a server must answer 400 and close; we decode no other coding, so only
// "chunked" alone is taken. Transfer-Encoding with Content-Length, several Content-Length
// values, or Transfer-Encoding on HTTP/1.0 are how requests get smuggled: refused too.
// `content_lengths` is how many Content-Length fields came.
std::optional<std::string> framing_problem(std::string_view transfer_encoding, bool has_transfer_encoding,
                                           std::size_t content_lengths, unsigned version);

// The media type of a Content-Type value, lowercased, without parameters or spaces:
// "Application/JSON; charset=utf-8" gives "application/json".
std::string media_type(std::string_view content_type);

// Whether a body of this Content-Type may go to a JSON route (`lines`: the batch, which also
// takes JSON Lines). Only the media type itself counts: "text/plain" or a form never does, so a
// cross-site form cannot post to the API. A body with no Content-Type is refused. A `csv`
// route (an agency's client list) takes text/csv only, which a form cannot send either.
bool media_type_accepted(std::string_view content_type, bool lines, bool csv = false);

// The first query parameter whose name or value is not valid percent-encoding (named as sent,
// cut to 40 bytes), or nothing when all are sound. "?on=2026-11-0%" names "on".
std::optional<std::string> malformed_query_parameter(std::string_view query);

}  // namespace boravak::server
