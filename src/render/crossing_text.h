// One border crossing of a visa run in words, the same in the CLI and the bot: may enter, may not
// enter (with the neighbour's rule), or we don't know (with where to check). "We don't know" is
// never said as "you may not".
#pragma once

#include "boravak/text.h"
#include "boravak/visarun.h"

namespace boravak::render {

text crossing_text(const crossing_option& c, const std::string& shown_name);

}  // namespace boravak::render
