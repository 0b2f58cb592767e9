// Where a value of the law comes from, and how sure we are of it, as data.
//
// Every value in rules/ cites one or more sources: the publisher or act, a title in words, the
// gazette number and article where there is one, a URL and the date it was published or read
// (OpenFisca's "reference" habit). The loader refuses a value without one. Adapters render a
// citation in the person's language: publisher and title in words, a link, and the confidence
// in words; never an id, a file or a code.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boravak/civil_date.h"

namespace boravak {

// How sure we are of a value, from the sources behind it.
enum class confidence {
  primary,        // the current primary source states it (the act in the Official Gazette, or the
                  // foreign ministry's, the police's or an embassy's own page)
  two_secondary,  // two independent secondary sources agree
  one_secondary,  // one secondary source (the three texts the project started from count as one
                  // secondary source each)
  disputed,       // sources of equal standing disagree; every reading is kept
};

// A source's own standing: a primary source can settle a question; a secondary one reports it.
enum class standing { primary, secondary };

// One document we read. Words shown to a person come from the catalogs (publisher.<publisher>,
// source.<id>.title); `title` is the document's own title, kept for the record and for search.
struct source {
  std::string id;         // snake_case, unique across rules/sources/*.toml
  std::string publisher;  // a publisher id from a [publishers] table in rules/sources/
  std::string title;      // the document's own title, in its own language
  std::string gazette;    // "Službeni glasnik RS 24/2018", or empty
  std::string article;    // "43", "3, 4", or empty
  std::string url;        // empty only for a printed source with no public address
  std::optional<date> published;
  date read{};            // the day we read it
  standing kind = standing::secondary;
};

struct citation {
  std::vector<std::shared_ptr<const source>> sources;  // one or more
  confidence level = confidence::one_secondary;
  date checked{};  // the day this value was last checked against its sources
};

std::string_view to_string(confidence c);           // "primary", "two_secondary", ...
bool parse_confidence(std::string_view text, confidence& out);

// A value not checked for this long may be out of date, and answers say so.
inline constexpr int kStaleAfterMonths = 12;
// True when `c` was last checked more than kStaleAfterMonths before `today`.
bool is_stale(const citation& c, date today);

}  // namespace boravak
