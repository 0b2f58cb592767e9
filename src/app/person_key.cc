// A person's stable short name for calendar event ids (see permit_planning.h). Apart from the
// planning itself: it hashes with OpenSSL, which the page's WebAssembly does not have.
#include "permit_planning.h"
#include "store/secret.h"

namespace boravak::app {

std::string person_key(const permit::permit_situation& s) {
  const std::string who = s.main.full_name + "|" + (s.main.birth_date ? to_iso_string(*s.main.birth_date) : std::string()) + "|" +
                          s.main.citizenship + "|" + s.ground;
  return store::sha256_hex(who).substr(0, 16);
}

}  // namespace boravak::app
