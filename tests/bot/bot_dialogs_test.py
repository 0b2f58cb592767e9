#!/usr/bin/env python3
"""The bot's dialogs end to end, in every language, through a fake Bot API and real long polling.

    tests/bot/bot_dialogs_test.py BINARY

Each language plays one chat (its own chat id): onboarding (the first message's language_code
picks the language of the welcome only), citizenship RU without a permit; /in; /status (days
used 1, left 29, in the catalog's words) and its "Why?" button; /trip with typed dates in three
forms; /cancel in the middle of /trip; /permit to a plan, /slips with 019 (PNG photos whose QR
codes scan), /ics and /deadlines (calendar files); /guide; /export (JSON with the trips); the
registration reminder after /in, exactly once; /delete, after which the chat starts over.
Expectations come from i18n/*/bot.po and from today's date in Europe/Belgrade.
"""
import datetime
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from botlib import (LANGS, Bot, Chat, FakeTelegram, Failure, catalog, check, cyrillic_share, data_of,  # noqa: E402
                    date_text, fmt, language_for, no_secret_in, pattern_re, plural_form, run_main, today_belgrade)

# The first message's language_code (each branch of language_for()), the permit's kind, a guide query.
PLAN = {
    "en": {"first_code": "de", "kind": "first", "query": "visa run"},
    "ru": {"first_code": "be", "kind": "renewal", "query": "визаран"},
    "uk": {"first_code": "uk-UA", "kind": "first", "query": "візаран"},
    "sr": {"first_code": "sr-Latn-RS", "kind": "renewal", "query": "vizaran"},
    "sr-Cyrl": {"first_code": "sr", "kind": "first", "query": "визаран"},
}
MENU = ["/status", "/in", "/out", "/trip", "/plan", "/permit", "/deadlines", "/guide"]
ZBARIMG = shutil.which("zbarimg")


# The registration deadline the reminder names comes from the rules, not from the catalogs.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules", "registration", "address.toml"), "rb") as f:
    REGISTRATION_HOURS = tomllib.load(f)["deadline"]["hours"]


def script_ok(lang, text):
    """ru, uk and sr-Cyrl answers are mostly Cyrillic; en and sr (Latin) have no Cyrillic letter."""
    share = cyrillic_share(text)
    return share >= 0.5 if lang in ("ru", "uk", "sr-Cyrl") else share == 0


def onboard(chat, lang, W, W0):
    r = chat.say("/start")
    r.text_is(fmt(W0, "bot.welcome"), ["en", "ru", "uk", "sr", "sr-Cyrl"])
    r = chat.press(lang)
    r.text_is(fmt(W, "bot.ask.citizenship"))
    r.expect("RU" in data_of(r.calls[0]), "a button RU")
    r = chat.press("RU")
    r.text_is(fmt(W, "bot.ask.permit"), ["yes", "no"])
    r.expect([t for row in r.calls[0]["reply_markup"]["inline_keyboard"] for t in [b["text"] for b in row]]
             == [fmt(W, "bot.answer.yes"), fmt(W, "bot.answer.no")], "the buttons' words from the catalog")
    r = chat.press("no")
    r.text_is(fmt(W, "bot.onboarding.done"), MENU)
    r.expect(r.calls[0]["reply_markup"]["inline_keyboard"][0][0]["text"] == fmt(W, "bot.menu.status"),
             "the menu's first button %r" % fmt(W, "bot.menu.status"))


def status_lines(W, today):
    return [fmt(W, "bot.status.as_of", date_text(W, today)), fmt(W, "bot.status.used", 1),
            fmt(W, "bot.status.left", 29), fmt(W, "bot.status.last_day", date_text(W, today + datetime.timedelta(29)))]


def check_status(chat, lang, W, today):
    r = chat.say("/status")
    text = r.one_message()
    lines = text.split("\n")
    r.expect(lines[:4] == status_lines(W, today), "the first lines %r" % status_lines(W, today))
    r.expect(r.calls[0]["reply_markup"]["inline_keyboard"] == [[{"text": fmt(W, "bot.button.why"), "callback_data": "/why"}]],
             "one button %r with data /why" % fmt(W, "bot.button.why"))
    head = "\n".join(lines[:4])
    if lang == "sr-Cyrl":
        r.expect(cyrillic_share(head) > 0.9 and "1" in lines[1] and "29" in lines[2], "Cyrillic, with 1 and 29")
    r.expect(script_ok(lang, head), "the labels in %s's script" % lang)


def play(api, lang, chat_id, today, notes):
    cfg = PLAN[lang]
    W, W0 = catalog(lang), catalog(language_for(cfg["first_code"]))
    reminder_res = [pattern_re(W, k) for k in W if k.startswith("bot.reminder.")]
    chat = Chat(api, chat_id, cfg["first_code"], reminder_res)
    day = lambda d: date_text(W, d)  # noqa: E731
    yesterday = today - datetime.timedelta(1)

    onboard(chat, lang, W, W0)

    r = chat.say("/in")
    t_in = time.monotonic()
    r.text_is(fmt(W, "bot.trip.entered", day(today)), MENU)
    check_status(chat, lang, W, today)

    r = chat.press("/why")
    text = r.one_message()
    per_entry_30 = fmt(W, "regime.per_entry[%d]" % plural_form(lang, 30), 30)
    rule_line = fmt(W, "bot.status.rule", per_entry_30)
    r.expect(text.split("\n")[0] == rule_line, "the rule in this language, %r" % rule_line)
    # The stay is named by its dates, in the same words as the CLI's explanation.
    share = fmt(W, "stay.explain.share[%d]" % plural_form(lang, 1), 1, fmt(W, "stay.stay_open", day(today)), day(today), day(today))
    for line in (fmt(W, "bot.why.window", day(today), day(today)), share):
        r.expect(line in text.split("\n"), "the line %r" % line)

    # Trips with typed dates: 01.08.2026 and 2026-08-01 forms, and the word for "yesterday".
    words = W["bot.words.yesterday"].split("|")
    for entry, exit_, saved in (("01.08.2026", "2026-08-05", (datetime.date(2026, 8, 1), datetime.date(2026, 8, 5))),
                                (words[0][:1].upper() + words[0][1:], words[-1] if lang != "sr-Cyrl" else words[0],
                                 (yesterday, yesterday))):
        chat.say("/trip").text_is(fmt(W, "bot.ask.entry"))
        chat.say(entry).text_is(fmt(W, "bot.ask.exit"), ["still"])
        chat.say(exit_).text_is(fmt(W, "bot.trip.added", day(saved[0]), day(saved[1])), MENU)
    check_status(chat, lang, W, today)  # each entry starts a fresh count for RU: still 1 and 29

    # /cancel in the middle of /trip: nothing saved, and the next date is not taken as an answer.
    chat.say("/trip").text_is(fmt(W, "bot.ask.entry"))
    chat.say("2026-09-01").text_is(fmt(W, "bot.ask.exit"), ["still"])
    chat.say("/cancel").text_is(fmt(W, "bot.cancelled"), MENU)
    chat.say("2026-09-05").text_is(fmt(W, "bot.unknown") + "\n\n" + fmt(W, "bot.help"), MENU)

    # /permit to the plan.
    r = chat.say("/permit")
    r.text_is(fmt(W, "bot.permit.ask.ground"))
    r.expect("employment" in data_of(r.calls[0]) and "more" in data_of(r.calls[0]), "buttons employment and more")
    chat.press("employment").text_is(fmt(W, "bot.permit.ask.kind"), ["first", "renewal"])
    family = fmt(W, "bot.permit.ask.family")
    if cfg["kind"] == "renewal":
        chat.press("renewal").text_is(fmt(W, "bot.permit.ask.expiry"))
        chat.say((today + datetime.timedelta(200)).strftime("%d.%m.%Y")).text_is(family, ["spouse", "child", "done"])
    else:
        chat.press("first").text_is(family, ["spouse", "child", "done"])
    chat.press("spouse").text_is(family + "\n" + fmt(W, "bot.permit.family.so_far", 1))
    chat.press("child").text_is(fmt(W, "bot.permit.ask.child_age"))
    chat.say("18").text_is(fmt(W, "bot.permit.error.age"))
    chat.say("5").text_is(family + "\n" + fmt(W, "bot.permit.family.so_far", 2))
    r = chat.press("done")  # a long plan comes in pieces under Telegram's limit; the last has the buttons
    plan = "\n".join(r.messages())
    r.expect(r.messages() and len(r.messages()) == len(r.calls) and not any(data_of(c) for c in r.calls[:-1]),
             "only messages, the buttons on the last")
    r.expect(len(plan) > 500 and script_ok(lang, plan), "a plan of some length in %s's script" % lang)
    notes.append("plan in %d messages" % len(r.calls))
    r.expect(r.calls[-1]["reply_markup"]["inline_keyboard"] ==
             [[{"text": fmt(W, "bot.permit.slip_button"), "callback_data": "/slips"},
               {"text": fmt(W, "bot.permit.ics_button"), "callback_data": "/ics"}]], "the buttons /slips and /ics")

    # /slips with 019: photos of PNG slips whose QR codes scan.
    chat.press("/slips").text_is(fmt(W, "bot.permit.ask.municipality"), ["019"])
    r = chat.say("019")
    photos = r.kinds("sendPhoto")
    r.expect(len(photos) >= 1 and r.calls[-1]["method"] == "sendMessage" and data_of(r.calls[-1]) == MENU,
             "at least one sendPhoto, then the notes with the menu")
    caption = pattern_re(W, "bot.permit.slip_caption")
    for n, p in enumerate(photos):
        r.expect(p["file_bytes"].startswith(b"\x89PNG\r\n\x1a\n"), "photo %d to be a PNG" % n)
        r.expect(caption.match(p["caption"].split("\n")[0]) is not None, "photo %d's caption like %r" % (n, caption.pattern))
        if ZBARIMG:
            path = os.path.join(tempfile.gettempdir(), "boravak-slip-%d-%d.png" % (chat_id, n))
            with open(path, "wb") as f:
                f.write(p["file_bytes"])
            scanned = subprocess.run([ZBARIMG, "--quiet", "--raw", "-Sbinary", path], capture_output=True).stdout
            os.unlink(path)
            r.expect(scanned.startswith(b"K:PR|V:01|C:1|"), "photo %d's QR code to read K:PR|V:01|C:1|… (zbarimg read %r)"
                     % (n, scanned[:80]))
    notes.append("%d slip photos" % len(photos))

    r = chat.press("/ics")
    docs = r.kinds("sendDocument")
    r.expect(len(r.calls) == 1 and len(docs) == 1 and docs[0]["file_bytes"].startswith(b"BEGIN:VCALENDAR")
             and docs[0]["file_name"].endswith(".ics") and docs[0]["caption"] == fmt(W, "bot.deadlines.ics_caption"),
             "one .ics document starting BEGIN:VCALENDAR")

    r = chat.say("/deadlines")
    last_day = today + datetime.timedelta(29)
    heading = "\n".join([fmt(W, "bot.deadlines.heading"),
                         fmt(W, "dates.registration", day(today + datetime.timedelta(1))),
                         fmt(W, "dates.last_day", day(last_day))])
    r.expect([c["method"] for c in r.calls] == ["sendMessage", "sendDocument"] and r.calls[0]["text"] == heading,
             "the message %r, then a document" % heading)
    ics = r.calls[1]["file_bytes"]
    r.expect(ics.startswith(b"BEGIN:VCALENDAR") and last_day.strftime("%Y%m%d").encode() in ics,
             "a calendar with the last legal day %s" % last_day)

    chat.say("/guide").text_is(fmt(W, "bot.guide.ask"))
    r = chat.say(cfg["query"])
    title = W["guide.visa_run.title"]
    # A long guide comes in pieces Telegram accepts (4096 characters each), the title first.
    parts = r.messages()
    r.expect(len(parts) == len(r.calls) and parts and parts[0].split("\n")[0] == title, "the guide %r first" % title)
    r.expect(all(len(p) <= 4096 for p in parts), "each piece within Telegram's 4096 characters")

    trips = {(today.isoformat(), None), ("2026-08-01", "2026-08-05"), (yesterday.isoformat(), yesterday.isoformat())}
    check_export(chat, lang, W, trips)

    # The registration reminder for today's entry: within a few seconds of /in, and only once.
    expected = fmt(W, "bot.reminder.registration", day(today), REGISTRATION_HOURS)
    check(api.wait_for(lambda calls: any(c.get("text") == expected and c.get("chat_id") == chat_id for c in calls), 10),
          "no reminder %r for chat %d within 10 s; reminders sent: %r" % (expected, chat_id, [c["text"] for c in chat.reminders()]))
    arrived = min(c["time"] for c in chat.reminders() if c["text"] == expected)
    check(arrived - t_in < 5, "the registration reminder came %.1f s after /in" % (arrived - t_in))
    time.sleep(max(0, arrived + 3.5 - time.monotonic()))
    same = [c for c in chat.reminders() if c["text"] == expected]
    check(len(same) == 1, "the registration reminder was sent %d times (after /in, then trips and a plan)" % len(same))
    day_trip = fmt(W, "bot.reminder.registration", day(yesterday), REGISTRATION_HOURS)
    check(not any(c["text"] == day_trip for c in chat.reminders()),
          "a registration reminder came for yesterday's day trip, a stay already over")
    others = [c["text"] for c in chat.reminders() if c["text"] != expected]
    notes.append("reminder %.1f s after /in" % (arrived - t_in))
    if others:
        notes.append("other reminders: %r" % others)

    r = chat.say("/delete")
    r.text_is(fmt(W, "bot.delete.ask"), ["delete", "keep"])
    chat.press("delete").text_is(fmt(W, "bot.delete.done"))
    r = chat.say("/export")  # the chat starts over: onboarding, not the export
    r.text_is(fmt(W0, "bot.welcome"), ["en", "ru", "uk", "sr", "sr-Cyrl"])
    chat.press(lang).text_is(fmt(W, "bot.ask.citizenship"))
    chat.press("RU").text_is(fmt(W, "bot.ask.permit"), ["yes", "no"])
    chat.press("no").text_is(fmt(W, "bot.onboarding.done"), MENU)
    check_export(chat, lang, W, set())


def check_export(chat, lang, W, trips):
    r = chat.say("/export")
    docs = r.kinds("sendDocument")
    r.expect(len(r.calls) == 1 and len(docs) == 1 and docs[0]["file_name"].endswith(".json")
             and docs[0]["caption"] == fmt(W, "bot.export.caption"), "one JSON document")
    try:
        data = json.loads(docs[0]["file_bytes"])
    except ValueError as e:
        raise Failure("/export: the document is not JSON (%s): %r" % (e, docs[0]["file_bytes"][:200]))
    got = {(t.get("entry"), t.get("exit")) for t in data.get("trips", [])}
    check(got == trips and len(data["trips"]) == len(trips), "/export: trips %r, expected %r" % (data.get("trips"), trips))
    check(data.get("settings", {}).get("citizenship") == "RU" and data["settings"].get("lang") == lang
          and data.get("chat", {}).get("lang") == lang, "/export: settings %r, chat %r" % (data.get("settings"), data.get("chat")))


def main():
    args = sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(args[0])
    check(os.access(binary, os.X_OK), "%s is not an executable file" % binary)
    workdir = tempfile.mkdtemp(prefix="boravak-bot-dialogs-")
    token = "%d:DIALOGS-%s" % (700000 + secrets.randbelow(99999), secrets.token_urlsafe(24))
    api = FakeTelegram(token=token).start()
    bot = Bot(binary, api.url, token, workdir).start()
    started_on = today_belgrade()
    failures = []
    if not ZBARIMG:
        print("note: zbarimg is not installed; the slips' QR codes are not scanned")
    try:
        for n, lang in enumerate(LANGS):
            notes = []
            began = time.monotonic()
            try:
                play(api, lang, 1001 + n, started_on, notes)
                print("ok   %-7s chat %d, %.1f s: %s" % (lang, 1001 + n, time.monotonic() - began, "; ".join(notes)))
            except Failure as e:
                failures.append("[%s, chat %d] %s" % (lang, 1001 + n, e))
                print("FAIL %-7s %s" % (lang, e))
            if bot.proc.poll() is not None:
                failures.append("the bot exited with status %s during %s" % (bot.proc.returncode, lang))
                break
    finally:
        code = bot.stop()
        api.stop()
    log = bot.log()
    try:
        no_secret_in(log, [token], "bot_dialogs_test: the bot's stderr")
    except Failure as e:
        failures.append(str(e))
    if code != 0:
        failures.append("the bot exited with status %s after SIGTERM (expected 0)" % code)
    bad = [line for line in log.splitlines() if " error " in line or " critical " in line or "update failed" in line]
    if bad:
        failures.append("the bot logged errors: %r" % bad[:5])
    if today_belgrade() != started_on:
        failures.append("the date in Belgrade changed during the run; run the test again")
    if failures:
        print("\nbot_dialogs_test FAILED (%d):\n%s\n(the bot's log: %s)" % (len(failures), "\n".join(failures), bot.stderr_path),
              file=sys.stderr)
        return 1
    print("bot_dialogs_test: all %d languages passed" % len(LANGS))
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    run_main(main)
