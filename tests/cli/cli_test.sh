#!/usr/bin/env bash
# The CLI end to end: the commands a person (or an agency's script) types.
# Usage: cli_test.sh BORAVAK_BINARY
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BORAVAK_BINARY" >&2
  exit 2
fi
boravak="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

. "$(dirname "$0")/../lib/checks.sh"

# run EXPECTED_STATUS COMMAND...: runs it with stdout in $tmp/out, stderr in $tmp/err.
run() {
  local expected="$1"
  shift
  local status=0
  "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  if [[ $status -ne $expected ]]; then
    echo "exit status $status, expected $expected" >"$tmp/status"
    return 1
  fi
  return 0
}

# check NAME EXPECTED_STATUS 'text that stdout must contain'... -- COMMAND...
# Texts starting with "err:" must be in stderr instead.
check() {
  local name="$1" expected="$2"
  shift 2
  local texts=()
  while [[ $1 != "--" ]]; do
    texts+=("$1")
    shift
  done
  shift
  if ! run "$expected" "$@"; then
    fail "$name" "$(cat "$tmp/status")" "stderr: $(head -c 400 "$tmp/err")"
    return
  fi
  local text file
  for text in "${texts[@]}"; do
    file="$tmp/out"
    if [[ $text == err:* ]]; then
      file="$tmp/err"
      text="${text#err:}"
    fi
    if ! grep -qF -- "$text" "$file"; then
      fail "$name" "missing: $text" "got: $(head -c 600 "$file")"
      return
    fi
  done
  pass "$name"
}

# --- boravak stay ------------------------------------------------------------------------------

check "A Russian who entered on 2026-03-01 has used 20 of 30 days on 2026-03-20 and may stay until 2026-03-30." 0 \
  "Citizenship: Russian Federation" "Days used: 20 of 30" "Days left: 10" \
  "Last legal day: 30 March 2026." "Overstay: none." "may come back the same day" -- \
  "$boravak" stay --lang en --citizenship RU --stamps "+2026-03-01" --on 2026-03-20

check "Stamps typed out of order (EC KOM 1.4) give 77 days and 2012-08-13 under 90/180." 0 \
  "You are not in Serbia on 1 August 2012." "Days used: 77 of 90" "Last legal day: 13 August 2012" -- \
  "$boravak" stay --lang en --regime rolling:90:180 --on 2012-08-01 \
  --stamps "-21.05.2012 +28.12.2011 +27.10.2011 +06.03.2012 -09.01.2012 -06.11.2011"

cat >"$tmp/stays.csv" <<'CSV'
# my trips to Serbia
entry,exit,notes
2011-12-28,2012-01-09,new year
2011-10-27,2011-11-06,first visit
2012-03-06,2012-03-15
CSV
check "A CSV file of stays (header, comment, unsorted) gives the contract's first example: 34 days, until 2012-05-21." 0 \
  "Days used: 34 of 90" "Days left: 56" "Last legal day: 21 May 2012" -- \
  "$boravak" stay --lang en --regime rolling:90:180 --stays "$tmp/stays.csv" --on 2012-03-15

cat >"$tmp/stays.json" <<'JSON'
{"stays": [{"entry": "2011-10-27", "exit": "2011-11-06"}, {"entry": "2011-12-28", "exit": "2012-01-09"},
           {"entry": "2012-03-06", "exit": "2012-03-15"}]}
JSON
check "A JSON file of stays gives the same answer as the CSV file." 0 \
  "Days used: 34 of 90" "Last legal day: 21 May 2012" -- \
  "$boravak" stay --lang en --regime rolling:90:180 --stays "$tmp/stays.json" --on 2012-03-15

cat >"$tmp/bad.csv" <<'CSV'
entry,exit
2026-01-01,2026-01-10
2026-02-30,2026-03-01
CSV
check "A CSV file with an impossible date is refused, naming the file and line 3." 1 \
  "err:bad.csv: Line 3" "err:2026-02-30" -- \
  "$boravak" stay --regime per_entry:30 --stays "$tmp/bad.csv" --on 2026-03-15

check "An American gets the stricter of the two 90-day readings and is told that the other exists." 0 \
  "Days used: 61 of 90" "Last legal day: 27 September 2026" "Official sources disagree" "28 September 2026" -- \
  "$boravak" stay --lang en -c US --stamps "+2026-01-01 -2026-03-01 +2026-06-30" --on 2026-06-30

# The issue's American: the fixed reading alone says 2027-02-28; every field must be the stricter.
check "Every date is the stricter reading's, and says which reading gave it." 0 \
  "Last legal day: 29 January 2027. Be out of Serbia by the end of that day. (under the reading “at most 90 days in any 180 days”)" \
  "These stays went over the limit on 2 days, starting on 29 November 2026." \
  "at most 90 days in 6 months counted from the first entry. Days used: 5; days left: 85; last legal day: 28 February 2027." -- \
  "$boravak" stay --lang en -c US --stamps "+2026-06-01 -2026-08-01 +2026-11-01" --on 2026-12-05

check "A Ukrainian is counted 90 days in any 180 since the 2021 amendment, not 30 in 60." 0 \
  "at most 90 days in any 180 days" "Days used: 45 of 90" "Overstay: none." -- \
  "$boravak" stay --lang en -c UA --stamps "+2026-06-01" --on 2026-07-15

check "A visa-free Russian who also holds a Schengen visa keeps 30 days per entry, capped at the visa's end." 0 \
  "up to 30 days from each entry" "Last legal day: 20 December 2026" "Days left: 14, because your last legal day comes" -- \
  "$boravak" stay --lang en -c RU --document-expires 2026-12-20 --stamps "+2026-11-25" --on 2026-12-06

check "Every stay command answers in the language asked (Russian)." 0 \
  "Использовано дней" "Последний день законного пребывания" -- \
  "$boravak" stay --lang ru -c RU --stamps "+2026-11-25" --on 2026-12-06

check "The language follows LANG when --lang is not given (Serbian Cyrillic)." 0 \
  "Држављанство" -- \
  env LC_ALL= LC_MESSAGES= LANG=sr_RS.UTF-8 "$boravak" stay -c RU --stamps "+2026-11-25" --on 2026-12-06

check "A missed registration deadline is shown as missed, with what to do now." 0 \
  "the deadline was 2 November 2026, and it has passed" -- \
  "$boravak" stay --lang en -c RU --stamps "+2026-11-01" --on 2026-12-06

check "An exempt range (a pending application) is not counted." 0 \
  "Days used: 10 of 30" -- \
  "$boravak" stay --lang en --regime per_entry:30 --stamps "+2026-03-01" --on 2026-03-20 --exempt 2026-03-05..2026-03-14

check "Days covered by a pending application after an overstay are not an overstay." 0 \
  "These stays went over the limit on 5 days, starting on 31 October 2026." "Last legal day: 31 December 2026" -- \
  "$boravak" stay --lang en --regime per_entry:30 --stamps "+2026-10-01" --on 2026-11-15 --exempt 2026-11-05..2026-12-31

check "Entry on a Schengen visa is capped by the visa's expiry." 0 \
  "on a Schengen, UK or US visa or residence permit" "Last legal day: 25 March 2026" -- \
  "$boravak" stay --lang en -c IN --stamps "+2026-03-01" --on 2026-03-20 --document-expires 2026-03-25

if run 0 "$boravak" stay --citizenship RU --stamps "+2026-03-01" --on 2026-03-20 --json &&
  python3 -m json.tool "$tmp/out" >/dev/null &&
  python3 - "$tmp/out" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
result = report["result"]
assert report["citizenship"] == "RU", report
assert result["days_used"] == 20 and result["last_legal_day"] == "2026-03-30", result
assert report["next_entries"]["same_day_return"] is True, report
assert report["registration"]["due"] == "2026-03-02", report
PY
then
  pass "--json prints valid JSON whose result matches the text report."
else
  fail "--json prints valid JSON whose result matches the text report." "$(head -c 400 "$tmp/out")" "$(cat "$tmp/err")"
fi

if run 0 "$boravak" stay --regime rolling:90:180 --stamps "+2026-01-10 -2026-02-05 +2026-03-01" --on 2026-03-15 \
  --json --explain && python3 -m json.tool "$tmp/out" >/dev/null &&
  python3 - "$tmp/out" <<'PY'
import json, sys
explanation = json.load(open(sys.argv[1]))["explanation"]
assert explanation["deciding_from"] == "2025-09-17" and explanation["deciding_to"] == "2026-03-15", explanation
assert [s["counted"] for s in explanation["stays"]] == [27, 15], explanation
assert explanation["stays"][0]["stay"] == {"entry": "2026-01-10", "exit": "2026-02-05"}, explanation
PY
then
  pass "--json --explain adds the deciding window and each stay's share."
else
  fail "--json --explain adds the deciding window and each stay's share." "$(head -c 400 "$tmp/out")" "$(cat "$tmp/err")"
fi

check "--explain shows the 180-day window and each stay's counted days." 0 \
  "Why" "the window runs from 17 September 2025 to 15 March 2026" \
  "27 days counted from your stay 10 January 2026 – 5 February 2026" \
  "15 days counted from your stay from 1 March 2026, still in Serbia" "In all 42 days." -- \
  "$boravak" stay --lang en --regime rolling:90:180 --stamps "+2026-01-10 -2026-02-05 +2026-03-01" --on 2026-03-15 --explain

check "An impossible stamp date is refused with exit status 1, naming the stamp." 1 \
  "err:The stamp -2026-02-30" -- \
  "$boravak" stay -c RU --stamps "+2026-03-01 -2026-02-30" --on 2026-03-20

check "Two entries in a row are refused, naming both by their dates." 1 \
  "err:1 March 2026" "err:5 March 2026" -- \
  "$boravak" stay -c RU --stamps "+2026-03-01 +2026-03-05" --on 2026-03-20

check "A stamp without + or - is refused." 1 "err:The stamp 2026-03-01 must start with +" -- \
  "$boravak" stay -c RU --stamps "2026-03-01" --on 2026-03-20

check "An Indian on 2026-11-21 is told that a visa is needed, and where to get one online." 1 "err:need a visa" \
  "err:https://welcometoserbia.gov.rs" -- \
  "$boravak" stay --lang en -c IN --stamps "+2026-11-01" --on 2026-11-21

check "An unknown country code is refused." 1 "err:“ZZ” is not a country code" -- \
  "$boravak" stay --lang en -c ZZ --on 2026-11-21

# --- boravak visarun ---------------------------------------------------------------------------

check "A Russian in Belgrade may leave on 2026-03-30 and come back the same day via Bosnia, not Croatia." 0 \
  "Last day to leave: 30 March 2026" "You may come back the same day, 30 March 2026" \
  "Sremska Rača – Rača (Bosanska Rača) → Bosnia and Herzegovina: you may enter" "Batrovci – Bajakovo → Croatia: you may not enter" -- \
  "$boravak" visarun --lang en -c RU --stamps "+2026-03-01" --on 2026-03-20 --city belgrade

check "A crossing we have no data for says we do not know, never that you may not." 0 \
  "we do not know whether you may enter" -- \
  "$boravak" visarun --lang en -c US --stamps "+2026-03-01" --on 2026-03-20 --city belgrade

check "Under 90 in 180 from 2026-01-01 the first day back is 2026-06-30." 0 \
  "Last day to leave: 31 March 2026" "First day to come back: 30 June 2026, for up to 90 days." -- \
  "$boravak" visarun --lang en --regime rolling:90:180 --stamps "+2026-01-01" --on 2026-03-01

check "An unknown home city is refused with the cities we know." 1 'err:“atlantis” is not a city we know' -- \
  "$boravak" visarun --lang en -c RU --stamps "+2026-03-01" --on 2026-03-20 --city atlantis

check "A Russian already over the limit on 2026-04-05 is told to leave that day." 0 \
  "You are already over the limit: leave today, 5 April 2026" -- \
  "$boravak" visarun --lang en -c RU --stamps "+2026-03-01" --on 2026-04-05 --city subotica

# --- boravak rules -----------------------------------------------------------------------------

check "The rules list a country's dated changes with their sources and the day they were checked." 0 \
  "Ukraine: entering Serbia" "From 8 December 2011 to 14 October 2021: no visa was needed." \
  "From 15 October 2021: no visa is needed." "Counted as: at most 90 days in any 180 days." \
  "Službeni glasnik RS – Međunarodni ugovori 17/2021" "Last checked on 6 December 2026." -- \
  "$boravak" rules --lang en -c ua

check "The rules read in the language asked for (Ukrainian)." 0 "Правила та джерела" "Україна: в’їзд до Сербії" -- \
  "$boravak" rules --lang uk -c UA

check "The whole list names visas, fines and fees too, with no file, id or confidence code." 0 \
  "Visa D: a long stay of 90 to 180 days." "staying without a legal basis can be fined 50,000 RSD to 150,000 RSD" \
  "From 1 July 2026: the fee amounts on record." -- \
  "$boravak" rules --lang en

if run 0 "$boravak" rules --lang en && ! grep -qE '\.toml|facts\.md|Seed [ABC]|§|\b(C2|S1|SEED|CONFLICT|DERIVED)\b|rolling_90_180' "$tmp/out"; then
  pass "The rules never show a file, a research note, a seed, a section sign, a confidence code or a rule id."
else
  fail "The rules never show a file, a research note, a seed, a section sign, a confidence code or a rule id." \
    "$(grep -nE '\.toml|facts\.md|Seed [ABC]|§|\b(C2|S1|SEED|CONFLICT|DERIVED)\b|rolling_90_180' "$tmp/out" | head -3)" ""
fi

check "An unknown country is refused." 1 "err:“ZZ” is not a country code" -- \
  "$boravak" rules --lang en -c ZZ

# --- boravak batch -----------------------------------------------------------------------------

cat >"$tmp/cases.jsonl" <<'JSONL'
{"id":"eu-1","regime":{"kind":"rolling","limit":90,"window":180},"stays":[{"entry":"2011-10-27","exit":"2011-11-06"},{"entry":"2011-12-28","exit":"2012-01-09"},{"entry":"2012-03-06","exit":"2012-03-15"}],"on":"2012-03-15"}
{"id":"eu-2","regime":{"kind":"rolling","limit":90,"window":180},"stays":[{"entry":"2011-10-27","exit":"2011-11-06"},{"entry":"2011-12-28","exit":"2012-01-09"},{"entry":"2012-03-06","exit":"2012-05-21"}],"on":"2012-08-01"}
{"id":"eu-3","regime":{"kind":"rolling","limit":90,"window":180},"stays":[{"entry":"2011-08-14","exit":"2011-08-30"},{"entry":"2011-12-15","exit":"2012-06-22"}],"on":"2012-06-22"}
{"id":"eu-4","regime":{"kind":"rolling","limit":90,"window":180},"stays":[{"entry":"2011-06-13","exit":"2011-08-13"},{"entry":"2011-10-13","exit":"2011-11-14"}],"on":"2012-06-10"}
{"id":"per-entry","regime":{"kind":"per_entry","limit":30},"stays":[{"entry":"2026-01-01","exit":"2026-01-30"},{"entry":"2026-01-30"}],"on":"2026-02-10"}

{"id":"ru","citizenship":"RU","stays":[{"entry":"2026-03-01"}],"on":"2026-03-20","plan":null}
{"id":"plan","regime":{"kind":"per_entry","limit":30},"stays":[{"entry":"2026-01-01","exit":"2026-01-30"}],"on":"2026-02-10","plan":{"entry":"2026-03-01"}}
{"id":"bad-date","regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-02-30"}
JSONL
cat >"$tmp/expected.jsonl" <<'JSONL'
{"id":"eu-1","ok":true,"regime":{"kind":"rolling","limit":90,"window":180},"present":true,"days_used":34,"days_left":56,"last_legal_day":"2012-05-21","overstay_days":0,"first_overstay_day":null}
{"id":"eu-2","ok":true,"regime":{"kind":"rolling","limit":90,"window":180},"present":false,"days_used":77,"days_left":13,"last_legal_day":"2012-08-13","overstay_days":0,"first_overstay_day":null}
{"id":"eu-3","ok":true,"regime":{"kind":"rolling","limit":90,"window":180},"present":true,"days_used":180,"days_left":0,"last_legal_day":null,"overstay_days":101,"first_overstay_day":"2012-03-14"}
{"id":"eu-4","ok":true,"regime":{"kind":"rolling","limit":90,"window":180},"present":false,"days_used":0,"days_left":90,"last_legal_day":"2012-09-07","overstay_days":5,"first_overstay_day":"2011-11-10"}
{"id":"per-entry","ok":true,"regime":{"kind":"per_entry","limit":30},"present":true,"days_used":12,"days_left":18,"last_legal_day":"2026-02-28","overstay_days":0,"first_overstay_day":null}
{"id":null,"ok":false,"error":{"code":"invalid_json","message":"This line is not a JSON object; write each case as one {...} object on its own line.","path":""}}
{"id":"ru","ok":true,"regime":{"kind":"per_entry","limit":30},"present":true,"days_used":20,"days_left":10,"last_legal_day":"2026-03-30","overstay_days":0,"first_overstay_day":null}
{"id":"plan","ok":true,"regime":{"kind":"per_entry","limit":30},"present":false,"days_used":0,"days_left":30,"last_legal_day":"2026-03-11","overstay_days":0,"first_overstay_day":null,"plan":{"max_stay":30}}
JSONL

if run 0 "$boravak" batch <"$tmp/cases.jsonl"; then
  # Every line but the invalid_date one is compared exactly; that one's message is a sentence
  # for a person, so only its code and path are fixed.
  if diff <(head -n 8 "$tmp/out") "$tmp/expected.jsonl" >"$tmp/diff" &&
    [[ $(wc -l <"$tmp/out") -eq 9 ]] &&
    tail -n 1 "$tmp/out" | grep -q '^{"id":"bad-date","ok":false,"error":{"code":"invalid_date","message":".*","path":"on"}}$'; then
    pass "batch answers the contract's worked examples line for line, one result per input line."
  else
    fail "batch answers the contract's worked examples line for line, one result per input line." "$(cat "$tmp/diff")" \
      "last line: $(tail -n 1 "$tmp/out")"
  fi
else
  fail "batch answers the contract's worked examples line for line, one result per input line." "$(cat "$tmp/status")"
fi

if run 0 "$boravak" batch --input "$tmp/cases.jsonl" --output "$tmp/results.jsonl" &&
  diff <(head -n 8 "$tmp/results.jsonl") "$tmp/expected.jsonl" >/dev/null && [[ ! -s $tmp/out ]]; then
  pass "batch --input FILE --output FILE writes the same lines to the file."
else
  fail "batch --input FILE --output FILE writes the same lines to the file." "$(cat "$tmp/err")"
fi

# A 20 MiB line is longer than the 8 MiB batch lines may be: it gets one error line, and the
# case after it is still answered.
python3 -c 'import sys; sys.stdout.write("{\"id\":\"" + "x" * (20 << 20) + "\"}\n")' >"$tmp/long.jsonl"
head -n 1 "$tmp/cases.jsonl" >>"$tmp/long.jsonl"
if run 0 "$boravak" batch --input "$tmp/long.jsonl" && [[ $(wc -l <"$tmp/out") -eq 2 ]] &&
  head -n 1 "$tmp/out" | grep -q '^{"id":null,"ok":false,"error":{"code":"invalid_json",' &&
  tail -n 1 "$tmp/out" | grep -qF "$(head -n 1 "$tmp/expected.jsonl")"; then
  pass "batch answers a line over 8 MiB with one error line and goes on with the next case."
else
  fail "batch answers a line over 8 MiB with one error line and goes on with the next case." \
    "$(wc -l <"$tmp/out") result lines" "$(cut -c 1-200 "$tmp/out")"
fi

check "batch with an input file that does not exist is an I/O error." 2 "err:cannot read" -- \
  "$boravak" batch --input "$tmp/no-such-file.jsonl"

# --- a broken rules folder ---------------------------------------------------------------------

cp -r "$repo/rules" "$tmp/broken-rules"
line="$(grep -n '^kind = "per_entry"' "$tmp/broken-rules/stay/regimes.toml" | head -n 1 | cut -d: -f1)"
sed -i "${line}s/.*/kind = \"weekly\"/" "$tmp/broken-rules/stay/regimes.toml"
check "A regime of unknown kind stops the program with exit status 3, naming the file and line $line." 3 \
  "err:rules/stay/regimes.toml:$line:" "err:the rules data is broken" -- \
  "$boravak" --rules "$tmp/broken-rules" stay -c RU --stamps "+2026-03-01" --on 2026-03-20

rm -rf "$tmp/broken-rules"
cp -r "$repo/rules" "$tmp/broken-rules"
printf 'this is = = not toml\n' >>"$tmp/broken-rules/visarun/cities.toml"
line="$(wc -l <"$tmp/broken-rules/visarun/cities.toml")"
check "A line that is not TOML stops batch too, with exit status 3, naming the file and line $line." 3 \
  "err:rules/visarun/cities.toml:$line:" -- \
  "$boravak" --rules "$tmp/broken-rules" batch --input "$tmp/cases.jsonl"

check "A rules folder that does not exist stops the program with exit status 3." 3 "err:does not exist" -- \
  "$boravak" --rules "$tmp/no-such-rules" stay -c RU --on 2026-03-20

# --- boravak permit and guide ------------------------------------------------------------------

check "A plan names the rule and source of its filing channel and gives the renewal window." 0 \
  "Ministry of the Interior of the Republic of Serbia (MUP), “Temporary residence” http://" "[31 October 2026 to 31 January 2027] File the renewal" "[on 1 February 2027] The new permit runs" -- \
  "$boravak" permit plan -c TR --ground real_estate --kind renewal --permit-expires 2027-01-31 --on 2026-11-21

check "A Russian who entered on 2026-11-01 must file by 2026-11-30, the last day of the 30-day stay." 0 \
  "[by 30 November 2026] File the application" -- \
  "$boravak" permit plan -c RU --ground employment --last-entry 2026-11-01 --on 2026-11-21

printf '{"citizenship": "RU", "ground": "employment", "family": [{"relation": "cousin", "age": 30}]}' >"$tmp/bad.json"
check "A situation file with an unknown relation names the field and the choices." 1 \
  "err:“family[0].relation”" "err:spouse, partner or child" -- \
  "$boravak" permit plan --situation "$tmp/bad.json" --on 2026-11-21

printf '{"citizenship": "RU", "ground": "employment", "famly": []}' >"$tmp/typo.json"
check "A misspelt field in a situation file is refused, not ignored." 1 "err:“famly” is not a field we know" -- \
  "$boravak" permit plan --situation "$tmp/typo.json" --on 2026-11-21

printf 'citizenship = "UA"\nground = "study"\nlast_entry = 2026-10-25\nfamily = [ { relation = "child", age = 8 } ]\n' >"$tmp/family.toml"
check "A TOML situation file with native dates plans the child's filing in person." 0 \
  "in person, at the police (allowed: in person only)" -- \
  "$boravak" permit plan --situation "$tmp/family.toml" --on 2026-11-21

check "An unknown ground is refused with the command that lists the grounds." 1 "err:boravak permit grounds" -- \
  "$boravak" permit plan -c RU --ground astronaut --on 2026-11-21

check "A family member written without an age is refused with an example." 1 "err:spouse:34" -- \
  "$boravak" permit plan -c RU --ground employment --family spouse --on 2026-11-21

check "A bad family member is refused in the reader's language (Ukrainian)." 1 "err:пишеться як СПОРІДНЕНІСТЬ:ВІК" -- \
  "$boravak" permit plan -c RU --ground employment --family spouse --on 2026-11-21 --lang uk

check "An unknown citizenship is refused in Serbian Cyrillic." 1 "err:„QQ“ није ознака земље" -- \
  "$boravak" permit plan -c QQ --ground employment --on 2026-11-21 --lang sr-Cyrl

check "A renewal without the permit's last day asks for --permit-expires." 1 "err:--permit-expires" -- \
  "$boravak" permit plan -c RU --ground employment --kind renewal --on 2026-11-21

check "An unknown language is refused with the languages we speak (CLI11's validation error)." 105 "err:{en,ru,uk,sr,sr-Cyrl}" -- \
  "$boravak" permit plan -c RU --ground employment --lang de --on 2026-11-21

check "The JSON plan carries ids, dates and the source of every step." 0 \
  '"id": "renewal_window"' '"first": "2026-10-31"' '"confidence": "two_secondary"' '"publisher": "Ministry of the Interior' -- \
  "$boravak" permit plan -c TR --ground real_estate --kind renewal --permit-expires 2027-01-31 --on 2026-11-21 --json

check "The deadlines export as iCalendar with alarms a week (P1W) and a day before." 0 "" -- \
  "$boravak" permit plan -c TR --ground real_estate --kind renewal --permit-expires 2027-01-31 --on 2026-11-21 --ics "$tmp/plan.ics"
for text in "BEGIN:VCALENDAR" "DTSTART;VALUE=DATE:20270131" "TRIGGER:-P1W" "TRIGGER:-P1D" "UID:renewal_window." \
    "DTSTAMP:20261121T000000Z"; do
  if grep -qF -- "$text" "$tmp/plan.ics"; then pass "The .ics file has $text"; else fail "The .ics file has $text" "$(head -c 600 "$tmp/plan.ics")"; fi
done
# Every DTSTAMP is a valid UTC date-time (RFC 5545 3.3.5), never a date with empty time fields.
if bad=$(tr -d '\r' <"$tmp/plan.ics" | grep '^DTSTAMP' | grep -vE '^DTSTAMP:[0-9]{8}T[0-9]{6}Z$'); then
  fail "Every DTSTAMP is a UTC date-time" "$bad"
else
  pass "Every DTSTAMP is a UTC date-time"
fi

check "The interview asks its questions and plans from the answers." 0 "Person 2: child" "[by 2 November 2026] Register your address" -- \
  bash -c "printf 'RU\nemployment\nfirst\nbelgrade\n35\n1\nchild\n6\n2026-11-01\n' | '$boravak' permit plan --interactive --on 2026-11-21"

check "The interview asks again when an answer does not fit." 0 "That answer does not fit" -- \
  bash -c "printf 'RU\nemployment\nmaybe\nfirst\nbelgrade\nold\n35\n0\n\n' | '$boravak' permit plan --interactive --on 2026-11-21"

check "Fees list every set on record by its dates, marking the one in force." 0 "* From 1 July 2026:" "  From about 1 January 2025 (our estimate)" -- \
  "$boravak" permit fees --on 2026-11-21

check "A reference with a letter is refused before any slip is printed." 1 "err:The municipality code “0x19”" -- \
  "$boravak" permit slip -c RU --ground study --in-person --municipality 0x19 --on 2026-11-21

check "A Russian-speaking user finds the visa-run guide by a Russian word." 0 "visa_run" -- \
  "$boravak" guide search --lang ru визаран

check "A Serbian reader typing Latin finds the Cyrillic guide." 0 "beli_karton" -- \
  "$boravak" guide search --lang sr-Cyrl beli karton

check "A search with no match says so and suggests the list." 1 "boravak guide list" -- \
  "$boravak" guide search zzzzqqq

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
