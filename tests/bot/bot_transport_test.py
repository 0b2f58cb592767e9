#!/usr/bin/env python3
"""The bot's transport: Telegram's 429, a wrong token, the token kept out of the logs, the
webhook's secret, and how many updates a second one bot handles.

    tests/bot/bot_transport_test.py BINARY

(a) after a 429 with retry_after 2 the bot sends again no sooner than 2 s later, once;
(b) a token Telegram refuses stops `boravak bot` with a non-zero status and a clear log line
    that does not contain the token;
(c) no test's stderr contains the token (or the webhook's secret);
(d) `boravak serve --telegram-webhook`: the right X-Telegram-Bot-Api-Secret-Token gives 200
    and the bot's answer; a wrong, shorter or missing one gives 401 JSON and sends nothing;
(e) 1,000 updates (100 onboarded chats x 10 commands) through long polling: updates a second
    and the bot's time per answer are printed for the notes, never failed on;
(f) at start the bot learns its name (getMe) and publishes its commands menu in English (the
    default) and for Russian, Ukrainian and Serbian (setMyCommands with language_code);
(g) a webhook left registered, which makes getUpdates answer 409, is removed (deleteWebhook)
    with a log line saying so, and the bot then answers;
(h) SIGTERM during a 25-second long poll stops the bot in under 2 s.
"""
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from botlib import Bot, FakeTelegram, Failure, catalog, check, fmt, no_secret_in, pattern_re, run_main, serverlib  # noqa: E402

EN = catalog("en")


def new_token(tag):
    return "%d:%s-%s" % (600000 + secrets.randbelow(99999), tag, secrets.token_urlsafe(24))


class TimedFake(FakeTelegram):
    """Also notes when each getUpdates batch left, and how long the fake took over each send."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self.batches = []       # (time, [update ids])
        self.send_seconds = []  # the fake's own time for each sendMessage

    def _take(self, params):
        batch = super()._take(params)
        if batch:
            with self.lock:
                self.batches.append((time.monotonic(), [u["update_id"] for u in batch]))
        return batch

    def handle(self, request):
        began = time.monotonic()
        super().handle(request)
        if request.path.endswith("/sendMessage"):
            self.send_seconds.append(time.monotonic() - began)


def test_rate_limit(binary, workdir, secrets_seen):
    token = new_token("RATE")
    secrets_seen.append(token)
    api = FakeTelegram(token=token).start()
    bot = Bot(binary, api.url, token, workdir, name="rate").start()
    try:
        api.push_message(501, "/start", "en")
        check(api.wait_for(lambda calls: len(api.sent(501)) == 1, 20), "(a) no welcome for chat 501: %r" % api.sent(501))
        with api.lock:
            api.retry_after = 2
            api.rate_limit_next = 1
        api.push_message(501, "hello", "en")  # not a language: the bot asks again
        expected = fmt(EN, "bot.language.ask")
        check(api.wait_for(lambda calls: any(c.get("text") == expected for c in calls), 20),
              "(a) the message after the 429 never arrived; sent: %r, refused: %r" % (api.sent(501), api.refused))
        time.sleep(3)  # room for a duplicate
        got = [c for c in api.sent(501, "sendMessage") if c["text"] == expected]
        check(len(api.refused) == 1, "(a) the fake refused %d sends, expected 1" % len(api.refused))
        check(len(got) == 1, "(a) the message arrived %d times, expected once" % len(got))
        waited = got[0]["time"] - api.refused[0][1]
        check(waited >= 2.0, "(a) the bot sent again %.2f s after a 429 with retry_after 2" % waited)
        check(waited < 6, "(a) the bot waited %.2f s after a 429 with retry_after 2" % waited)
        print("ok   (a) 429 with retry_after 2: sent again %.2f s later, once" % waited)
    finally:
        code = bot.stop()
        api.stop()
    check(code == 0, "(a) the bot exited with %s after SIGTERM" % code)
    no_secret_in(bot.log(), [token], "(a) the bot's stderr")


def test_wrong_token(binary, workdir, secrets_seen):
    right, wrong = new_token("RIGHT"), new_token("WRONG")
    secrets_seen.extend([right, wrong])
    api = FakeTelegram(token=right).start()
    try:
        for name, extra in (("wrong-env", []), ("wrong-file", ["--token-file", os.path.join(workdir, "token")])):
            with open(os.path.join(workdir, "token"), "w") as f:
                f.write(wrong + "\n")
            bot = Bot(binary, api.url, wrong if name == "wrong-env" else None, workdir, name=name, extra=extra).start()
            code = bot.wait(20)
            if code is None:
                bot.stop()
            log = bot.log()
            check(code not in (None, 0), "(b) %s: `boravak bot` with a refused token exited with %s (expected non-zero "
                  "within 20 s); log: %s" % (name, code, log[-600:]))
            lines = [line for line in log.splitlines() if "token" in line.lower() and ("refused" in line or "401" in line)]
            check(lines, "(b) %s: no log line says the token was refused; log: %r" % (name, log[-600:]))
            no_secret_in(log, [wrong, right], "(b) %s: the bot's stderr" % name)
            print("ok   (b) %s: exit %d, %r" % (name, code, lines[0][lines[0].find("]") + 1:].strip()[:120]))
        bot = Bot(binary, api.url, None, workdir, name="no-token").start()
        code = bot.wait(20)
        check(code not in (None, 0) and "token" in bot.log(), "(b) without any token: exit %s, log %r" % (code, bot.log()[-300:]))
        print("ok   (b) no token at all: exit %d" % code)
    finally:
        api.stop()


def test_webhook(binary, workdir, secrets_seen):
    token, secret = new_token("HOOK"), secrets.token_urlsafe(24)
    secrets_seen.extend([token, secret])
    api = FakeTelegram(token=token).start()
    os.environ["BORAVAK_TELEGRAM_TOKEN"] = token
    os.environ["BORAVAK_TELEGRAM_WEBHOOK_SECRET"] = secret
    extra = ["--telegram-webhook", "--telegram-api", api.url, "--quiet-hours", "0-0", "--reminder-every", "1"]
    server = serverlib.Server(binary, "sqlite:%s/hook.sqlite" % workdir, extra=extra, name="webhook", workdir=workdir)
    try:
        server.start()
        hook = "/telegram/webhook"
        header = "X-Telegram-Bot-Api-Secret-Token"
        r = serverlib.call(server.port, "POST", hook, body=api.update("text", 601, "/start", "ru"), headers={header: secret})
        check(r.status == 200, "(d) the right secret: %s" % r.describe())
        check(api.wait_for(lambda calls: len(api.sent(601)) >= 1, 5), "(d) no answer to /start sent for chat 601")
        got = [c["text"] for c in api.sent(601)]
        check(got == [fmt(catalog("ru"), "bot.welcome")], "(d) chat 601 got %r, expected the Russian welcome" % got)
        r = serverlib.call(server.port, "POST", hook, body=api.update("button", 601, "en", "ru"), headers={header: secret})
        check(r.status == 200, "(d) a button through the webhook: %s" % r.describe())
        check(api.wait_for(lambda calls: len(api.sent(601)) >= 2 and any(c["method"] == "answerCallbackQuery" for c in calls), 5),
              "(d) the button got no answer: %r" % api.sent())
        check(api.sent(601)[-1]["text"] == fmt(EN, "bot.ask.citizenship"), "(d) after the button: %r" % api.sent(601)[-1])
        bad = {"a wrong secret": {header: secret[:-1] + ("A" if secret[-1] != "A" else "B")},
               "a shorter secret": {header: secret[:16]}, "a longer secret": {header: secret + "x"},
               "an empty secret": {header: ""}, "no secret": {}}
        for n, (what, headers) in enumerate(bad.items()):
            r = serverlib.call(server.port, "POST", hook, body=api.update("text", 610 + n, "/start", "en"), headers=headers)
            body = r.json() if r.media_type() == "application/json" else None
            check(r.status == 401 and isinstance(body, dict), "(d) %s: expected 401 JSON, got %s" % (what, r.describe()))
        time.sleep(1.5)
        strays = [c for c in api.sent() if c.get("chat_id") in range(610, 610 + len(bad))]
        check(not strays, "(d) updates with a bad secret were answered: %r" % strays)
        print("ok   (d) webhook: right secret 200 and answered; %s: 401 JSON, nothing sent (body %r)"
              % (", ".join(bad), body))
    finally:
        server.stop()
        api.stop()
        del os.environ["BORAVAK_TELEGRAM_TOKEN"]
        del os.environ["BORAVAK_TELEGRAM_WEBHOOK_SECRET"]
    no_secret_in(server.log(), [token, secret], "(d) serve's stderr")
    short = subprocess.run(server.command(), capture_output=True, timeout=30,
                           env=dict(serverlib.environment(), BORAVAK_TELEGRAM_TOKEN=token,
                                    BORAVAK_TELEGRAM_WEBHOOK_SECRET="only15charsXXXX"))
    check(short.returncode != 0 and b"16" in short.stderr, "(d) a 15-character secret: exit %d, %r"
          % (short.returncode, short.stderr[-300:]))
    no_secret_in(short.stderr.decode("utf-8", "replace"), [token, "only15charsXXXX"], "(d) serve's stderr (short secret)")


COMMANDS = ["/help", "/in", "/status", "/why", "/plan", "/out", "/status", "/help", "/status", "/help"]


def test_throughput(binary, workdir, secrets_seen, chats=100):
    token = new_token("LOAD")
    secrets_seen.append(token)
    api = TimedFake(token=token).start()
    bot = Bot(binary, api.url, token, workdir, name="load").start()
    ids = range(2001, 2001 + chats)
    reminder = pattern_re(EN, "bot.reminder.registration")
    answers = lambda chat: [c for c in api.sent(chat, "sendMessage") if not reminder.match(c["text"])]  # noqa: E731
    try:
        began = time.monotonic()
        for step in ("/start", "en", "RU", "no"):
            for chat in ids:
                (api.push_message if step == "/start" else api.push_button)(chat, step, "en")
        done = fmt(EN, "bot.onboarding.done")
        check(api.wait_for(lambda calls: sum(1 for c in calls if c.get("text") == done) == chats, 120),
              "(e) onboarding: only %d of %d chats finished" % (sum(1 for c in api.sent() if c.get("text") == done), chats))
        onboard_seconds = time.monotonic() - began
        before = {chat: len(answers(chat)) for chat in ids}
        with api.lock:
            first_update = api.next_update_id
            calls_before = len(api.calls)
            api.send_seconds.clear()
        t0 = time.monotonic()
        for command in COMMANDS:
            for chat in ids:
                api.push_message(chat, command, "en")
        pushed = time.monotonic() - t0
        total = len(COMMANDS) * chats

        def answered(calls):
            return sum(1 for c in calls[calls_before:] if c["method"] == "sendMessage" and not reminder.match(c["text"])) >= total

        check(api.wait_for(answered, 300), "(e) only %d of %d updates answered in 300 s" % (
            sum(len(answers(c)) - before[c] for c in ids), total))
        with api.lock:
            mine = [c for c in api.calls[calls_before:] if c["method"] == "sendMessage" and not reminder.match(c["text"])]
            reminders = sum(1 for c in api.calls[calls_before:] if c["method"] == "sendMessage" and reminder.match(c["text"]))
            batches = [b for b in api.batches if b[1][-1] >= first_update]
            fake_seconds = list(api.send_seconds)
        elapsed = mine[total - 1]["time"] - t0
        time.sleep(2)
        # Every chat got exactly its ten answers, in order.
        used = fmt(EN, "bot.status.used", 1)
        for chat in ids:
            got = answers(chat)[before[chat]:]
            check(len(got) == len(COMMANDS), "(e) chat %d got %d answers to %d commands" % (chat, len(got), len(COMMANDS)))
            check(got[0]["text"] == fmt(EN, "bot.help") and used in got[2]["text"].split("\n"),
                  "(e) chat %d: /help then /status answered %r, %r" % (chat, got[0]["text"][:60], got[2]["text"][:120]))
        # The bot's own time per update: from the batch's arrival (or the previous answer) to the answer.
        answer_time, n_seen = {}, {chat: 0 for chat in ids}
        order = [(cmd_i, chat) for cmd_i in range(len(COMMANDS)) for chat in ids]
        by_chat = {chat: answers(chat)[before[chat]:] for chat in ids}
        for k, (_, chat) in enumerate(order):
            answer_time[first_update + k] = by_chat[chat][n_seen[chat]]["time"]
            n_seen[chat] += 1
        per_update = []
        for left_at, update_ids in batches:
            previous = left_at
            for u in update_ids:
                if u in answer_time:
                    per_update.append(answer_time[u] - previous)
                    previous = answer_time[u]
        per_update.sort()
        rate = total / elapsed
        print("ok   (e) %d updates (%d chats x %d commands) answered in %.2f s from the first push: %.0f updates/s "
              "(target 1,000; pushing took %.3f s; %d getUpdates batches; %d reminders sent meanwhile)"
              % (total, chats, len(COMMANDS), elapsed, rate, pushed, len(batches), reminders))
        print("     the bot's time per answer (batch received, or previous answer, to sendMessage received): "
              "median %.2f ms, mean %.2f ms, p95 %.2f ms, max %.2f ms"
              % (1000 * statistics.median(per_update), 1000 * statistics.mean(per_update),
                 1000 * per_update[int(0.95 * (len(per_update) - 1))], 1000 * per_update[-1]))
        if fake_seconds:
            print("     of which the fake Python server spends per sendMessage: median %.2f ms"
                  % (1000 * statistics.median(fake_seconds)))
        print("     onboarding %d chats (%d updates) took %.2f s" % (chats, 4 * chats, onboard_seconds))
    finally:
        code = bot.stop()
        api.stop()
    check(code == 0, "(e) the bot exited with %s after SIGTERM" % code)
    log = bot.log()
    check("update failed" not in log, "(e) the bot logged failed updates: %r" % log[-600:])
    no_secret_in(log, [token], "(e) the bot's stderr")


def test_start_up(binary, workdir, secrets_seen):
    token = new_token("START")
    secrets_seen.append(token)
    api = FakeTelegram(token=token).start()
    api.webhook_url = "https://example.invalid/telegram/webhook"
    bot = Bot(binary, api.url, token, workdir, name="start-up").start()
    try:
        api.push_message(7001, "/start", "ru")
        got = api.wait_for(lambda calls: [c for c in calls if c.get("chat_id") == 7001], timeout=20)
        check(got, "(g) with a webhook registered the bot never answered; log: %s" % bot.log()[-600:])
        check("deleteWebhook" in api.setup_calls and api.webhook_url == "",
              "(g) the webhook was not removed: %s" % api.setup_calls)
        check("webhook" in bot.log() and "deleteWebhook" in bot.log(), "(g) no log line says the webhook was removed")
        print("ok   (g) a webhook left registered is removed and the bot answers")
        check(api.setup_calls[0] == "getMe", "(f) the bot did not start with getMe: %s" % api.setup_calls)
        check(sorted(api.menus) == ["", "ru", "sr", "uk"], "(f) menus published for %s" % sorted(api.menus))
        for code, commands in api.menus.items():
            names = [c["command"] for c in commands]
            check("status" in names and "permit" in names and "help" in names, "(f) menu %r: %s" % (code, names))
            for c in commands:
                check(1 <= len(c["description"]) <= 256 and not c["description"].startswith("["),
                      "(f) menu %r: %r has no description" % (code, c))
        check(any("Ѐ" <= ch <= "ӿ" for ch in api.menus["ru"][0]["description"]), "(f) the Russian menu is not Russian")
        print("ok   (f) getMe, then the commands menu in en (default), ru, uk and sr: %d commands" % len(api.menus[""]))
    finally:
        bot.stop()
        api.stop()
    # (h) A long poll in flight ends as soon as SIGTERM comes.
    api = FakeTelegram(token=token).start()
    bot = Bot(binary, api.url, token, workdir, name="sigterm")
    bot.cmd[bot.cmd.index("--poll-seconds") + 1] = "25"  # Telegram's usual long poll
    bot.start()
    try:
        deadline = time.monotonic() + 20
        while api.polls == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        check(api.polls > 0, "(h) the bot never polled; log: %s" % bot.log()[-400:])
        time.sleep(0.5)
        started = time.monotonic()
        code = bot.stop(timeout=10)
        took = time.monotonic() - started
        check(code == 0 and took < 2.0, "(h) SIGTERM during a long poll: exit %s after %.2f s (want 0 within 2 s)" % (code, took))
        print("ok   (h) SIGTERM during a 25 s long poll: stopped in %.2f s" % took)
    finally:
        bot.stop()
        api.stop()


def main():
    args = sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(args[0])
    check(os.access(binary, os.X_OK), "%s is not an executable file" % binary)
    workdir = tempfile.mkdtemp(prefix="boravak-bot-transport-")
    seen, failures = [], []
    for test in (test_rate_limit, test_wrong_token, test_webhook, test_start_up, test_throughput):
        try:
            test(binary, workdir, seen)
        except Failure as e:
            failures.append(str(e))
            print("FAIL %s" % e)
    # (c) once more over every log this run wrote: no token, no webhook secret.
    for name in sorted(os.listdir(workdir)):
        if name.endswith((".stderr", ".stdout")):
            with open(os.path.join(workdir, name), "rb") as f:
                try:
                    no_secret_in(f.read().decode("utf-8", "replace"), seen, "(c) %s" % name)
                except Failure as e:
                    failures.append(str(e))
    if failures:
        print("\nbot_transport_test FAILED (%d):\n%s\n(logs in %s)" % (len(failures), "\n".join(failures), workdir),
              file=sys.stderr)
        return 1
    print("ok   (c) no token or webhook secret in any of the %d logs" % len(
        [n for n in os.listdir(workdir) if n.endswith(".stderr")]))
    print("bot_transport_test: passed")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    run_main(main)
