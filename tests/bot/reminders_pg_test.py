#!/usr/bin/env python3
"""Reminders go out once each from two bot instances on one PostgreSQL database.

    tests/bot/reminders_pg_test.py BINARY

Seeds 1,500 due reminders for 150 chats, starts two `boravak bot` instances against a fake Bot
API that takes 2 ms per message, and stops one of them mid-run:
- with SIGTERM: it finishes the reminder in hand; every reminder arrives exactly once;
- with SIGKILL: no reminder is lost; at most the one reminder the killed instance had in flight
  arrives twice (Telegram's API cannot tell a sender whether a message it sent arrived).
Uses $BORAVAK_TEST_PG, else a throwaway cluster; exits 77 (skip) only without PostgreSQL.
"""
import collections
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "server"))
from fake_telegram import FakeTelegram  # noqa: E402
from postgres_test import Cluster, SKIP, find_bindir  # noqa: E402

CHATS = 150
REMINDERS = 1500


def psql(bindir, url, sql):
    r = subprocess.run([os.path.join(bindir, "psql"), url, "-qtAc", sql], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError("psql: " + r.stderr)
    return r.stdout.strip()


def start_bot(binary, url, api, workdir, name):
    env = dict(os.environ, BORAVAK_TELEGRAM_TOKEN=api.token)
    log = open(os.path.join(workdir, name + ".log"), "w")
    return subprocess.Popen([binary, "bot", "--db", url, "--telegram-api", api.url, "--poll-seconds", "1",
                             "--quiet-hours", "0-0", "--reminder-every", "1"], env=env, stdout=log, stderr=log)


def run(binary, bindir, url, how):
    workdir = tempfile.mkdtemp(prefix="boravak-reminders-")
    api = FakeTelegram(delay=0.002).start()
    first = start_bot(binary, url, api, workdir, "a")  # applies the migrations
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            # The first instance has migrated the schema: its newest table is there.
            if psql(bindir, url, "SELECT count(*) FROM information_schema.columns "
                                 "WHERE table_name = 'reminders' AND column_name = 'outcome'") == "1":
                break
        except RuntimeError:
            pass
        time.sleep(0.1)
    tag = "%s-%d" % (how, os.getpid())
    psql(bindir, url, "DELETE FROM reminders; DELETE FROM bot_chats;")
    psql(bindir, url, "INSERT INTO bot_chats(chat_id, lang, dialog, state, data, touched_at) "
                      "SELECT g, 'en', '', '', '{}', '' FROM generate_series(1, %d) g" % CHATS)
    psql(bindir, url, "INSERT INTO reminders(chat_id, due_at, kind, payload, dedupe_key, next_attempt_at) "
                      "SELECT 1 + g %% %d, '2000-01-01T00:00:00Z', 'saved', "
                      "'{\"date\":\"2099-01-31\",\"what\":\"custom\",\"member\":\"\",\"note\":\"reminder number ' || g || '\"}', "
                      "'%s:' || g, '2000-01-01T00:00:00Z' "
                      "FROM generate_series(1, %d) g" % (CHATS, tag, REMINDERS))
    second = start_bot(binary, url, api, workdir, "b")
    api.wait_for(lambda calls: len(calls) >= REMINDERS // 3, timeout=60)
    first.send_signal(signal.SIGTERM if how == "sigterm" else signal.SIGKILL)
    first.wait(30)
    killed_at = len(api.sent())
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and psql(bindir, url, "SELECT count(*) FROM reminders WHERE sent_at IS NULL") != "0":
        time.sleep(0.2)
    time.sleep(1.5)  # anything still on its way arrives
    second.send_signal(signal.SIGTERM)
    second.wait(30)
    api.stop()

    counts = collections.Counter()
    for call in api.sent(method="sendMessage"):
        m = re.search(r"reminder number (\d+)", call.get("text", ""))
        if m:
            counts[int(m.group(1))] += 1
    lost = [g for g in range(1, REMINDERS + 1) if counts[g] == 0]
    repeated = {g: n for g, n in counts.items() if n > 1}
    print("%s: %d reminders, %d sent when one instance was stopped, %d lost, %d repeated %s" %
          (how, REMINDERS, killed_at, len(lost), len(repeated), sorted(repeated.items())[:5]))
    problems = []
    if lost:
        problems.append("%s: lost %d reminders, e.g. %s" % (how, len(lost), lost[:5]))
    allowed = 0 if how == "sigterm" else 1
    if len(repeated) > allowed or any(n > 2 for n in repeated.values()):
        problems.append("%s: %d reminders repeated (at most %d allowed): %s" % (how, len(repeated), allowed, repeated))
    if first.returncode == 0 and how == "sigkill":
        problems.append("sigkill: the instance was not killed")
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    bindir = find_bindir()
    url = os.environ.get("BORAVAK_TEST_PG")
    if bindir is None:
        print("SKIP: no PostgreSQL binaries")
        return SKIP
    cluster = None
    try:
        if not url:
            cluster = Cluster(bindir)
            url = cluster.start()
        problems = run(binary, bindir, url, "sigterm") + run(binary, bindir, url, "sigkill")
    finally:
        if cluster is not None:
            cluster.stop()
    if problems:
        print("FAIL:\n  " + "\n  ".join(problems))
        return 1
    print("PASS: two instances sent every reminder; none lost, none repeated but the one in flight at a SIGKILL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
