// Look-ups over the permit rules.
#include "boravak/permit/permit_rules.h"

namespace boravak::permit {

const ground* permit_rules::find_ground(std::string_view id) const {
  for (const ground& g : grounds)
    if (g.id == id) return &g;
  return nullptr;
}

const ground* permit_rules::ground_for(relation r) const {
  for (const ground& g : grounds)
    if (g.for_relation == r) return &g;
  return nullptr;
}

const office& permit_rules::office_for(std::string_view city) const {
  for (const office& o : offices)
    if (o.city == city) return o;
  return default_office;
}

const municipality* permit_rules::find_municipality(std::string_view id_or_code) const {
  for (const municipality& m : payment.municipalities)
    if (m.id == id_or_code || m.code == id_or_code) return &m;
  return nullptr;
}

const family_rule* permit_rules::find_family_rule(std::string_view id) const {
  for (const family_rule& r : family_rules)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace boravak::permit
