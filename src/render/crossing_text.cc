#include "crossing_text.h"

namespace boravak::render {

text crossing_text(const crossing_option& c, const std::string& shown_name) {
  const text_arg neighbour = text_arg::of_key("country." + c.crossing->neighbour);
  switch (c.answer()) {
    case entry_answer::may_enter:
      return {"visarun.may_enter", {text_arg::of_verbatim(shown_name), neighbour}};
    case entry_answer::may_not_enter:
      return {"visarun.may_not_enter", {text_arg::of_verbatim(shown_name), neighbour}};
    case entry_answer::unknown:
      break;
  }
  return {"visarun.unknown", {text_arg::of_verbatim(shown_name), neighbour}};
}

}  // namespace boravak::render
