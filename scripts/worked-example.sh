#!/usr/bin/env bash
# What `make run` shows until `boravak serve` exists: the CLI on a worked example.
set -euo pipefail
boravak="$1"
echo "== A Russian citizen who came in on 2026-11-01 after an earlier stay in October =="
echo "\$ boravak stay --citizenship RU --stamps \"+2026-10-01 -2026-10-20 +2026-11-01\" --on 2026-11-21 --explain"
"$boravak" stay --citizenship RU --stamps "+2026-10-01 -2026-10-20 +2026-11-01" --on 2026-11-21 --explain
echo
echo "== The same person planning a visa run from Belgrade =="
echo "\$ boravak visarun --citizenship RU --stamps \"+2026-10-01 -2026-10-20 +2026-11-01\" --on 2026-11-21 --city belgrade"
"$boravak" visarun --citizenship RU --stamps "+2026-10-01 -2026-10-20 +2026-11-01" --on 2026-11-21 --city belgrade
echo
echo "== The batch interface (JSON Lines) on the contract's first worked example =="
echo '{"id":"c1","regime":{"kind":"rolling","limit":90,"window":180},"stays":[{"entry":"2011-10-27","exit":"2011-11-06"},{"entry":"2011-12-28","exit":"2012-01-09"},{"entry":"2012-03-06","exit":"2012-03-15"}],"on":"2012-03-15"}' | tee /dev/stderr | "$boravak" batch
echo
echo "== The same person, now employed in Belgrade, planning a residence permit with the family (in Russian) =="
echo "\$ boravak permit plan -c RU --ground employment --city belgrade --family spouse:36 --family child:4 --stamps \"+2026-10-01 -2026-10-20 +2026-11-01\" --on 2026-11-21 --lang ru"
"$boravak" permit plan -c RU --ground employment --city belgrade --family spouse:36 --family child:4 \
  --stamps "+2026-10-01 -2026-10-20 +2026-11-01" --on 2026-11-21 --lang ru
