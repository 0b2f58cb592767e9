// The schema, as numbered steps applied in order at start-up. A step is never edited once
// released: a change is a new step. Each store records the steps it applied in
// schema_migrations, inside the same transaction as the step, so a crash never leaves half a
// step behind.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boravak::store {

enum class dialect { sqlite, postgresql };

struct migration {
  int version;
  std::string_view description;
  std::string_view sql;  // `{id}` marks an auto-numbered primary key

  std::string sql_for(dialect d) const;
};

const std::vector<migration>& migrations();

}  // namespace boravak::store
