// The stay engine: the contract's answers for one case (docs/contracts/stay-engine.md).
//
// Pure computation: no I/O, no clock, no logging. The caller passes the check date in the case.
// How the contract's words are read is written down in docs/stay-semantics.md.
#pragma once

#include <memory>

#include "boravak/stay_case.h"
#include "boravak/stay_result.h"

namespace boravak {

class stay_calculator {
 public:
  stay_calculator();
  ~stay_calculator();
  stay_calculator(const stay_calculator&) = delete;
  stay_calculator& operator=(const stay_calculator&) = delete;

  // Answers one case. REQUIRES: the case passed check_case() (stay_validation.h). Reuses its
  // scratch memory between calls, so a batch allocates nothing per case once warm.
  void evaluate(const stay_case& c, stay_result& out);

 private:
  struct workspace;
  std::unique_ptr<workspace> scratch_;
};

// One-off convenience over stay_calculator.
stay_result evaluate(const stay_case& c);

}  // namespace boravak
