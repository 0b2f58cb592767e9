# Counting checks in the shell tests: `pass NAME`, `fail NAME [DETAIL...]`, and the totals in
# $passed and $failed. Sourced by tests/cli/cli_test.sh and tests/deploy/*.sh.
passed=0
failed=0
pass() {
  passed=$((passed + 1))
  echo "ok   - $1"
}
fail() {
  failed=$((failed + 1))
  echo "FAIL - $1"
  shift
  for detail in "$@"; do echo "       $detail"; done
}
