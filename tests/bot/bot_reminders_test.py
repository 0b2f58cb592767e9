#!/usr/bin/env python3
"""The bot's reminders, buttons, group chats and webhook, end to end through a fake Bot API.

    tests/bot/bot_reminders_test.py BINARY

One `boravak bot` runs with its clock started at 2026-12-05T23:59:00+01:00 (`--now`) and the
default quiet hours (22-8); there:
(1) a Russian chat onboards as a citizen of Russia (30 days per entry) and records, with /trip,
    an entry on 6 November 2026 with no exit: /status names 5 December 2026 as the last legal
    day, and at once (though 23:59 is within the quiet hours) exactly one reminder comes, in
    Russian, saying "today, 5 December 2026", before midnight on the bot's clock; nothing comes
    again in the seconds after, and the store holds it once, sent;
(6) /export has chat.reminders: that last-day reminder "sent" (done before midnight), and, in an
    English chat with a reminder of its own, "planned" ones, which go when it is removed;
(7) /remind in English: "add", "20 Dec" (the year is guessed, so a button confirms it), a note;
    the list shows it; the "remove" button and the reminder's own button remove it;
(4) a pressed button takes its keyboard off that message (editMessageReplyMarkup with an empty
    inline_keyboard and that message_id); a button of a question already over ("delete" after
    /delete was answered "keep", a language after onboarding) gets answerCallbackQuery with the
    "earlier question" text and nothing else: no message, nothing deleted, language unchanged;
(4b) such an old button (the "Yes, 20 December 2026" of (7)) pressed while another question is
    open (/trip's "when did you enter") is stale as well: a pop-up, not an answer to /trip;
(5) in a supergroup, "/status" and "/status@<bot>" get one answer each with the link
    https://t.me/<the bot's getMe username>; "hello" and "/status@another_bot" get none; a button
    there gets only a pop-up; the sender's private /export never mentions the group, and the
    store keeps nothing about it.
Then:
(1b) a reminder whose sendMessage is slow (3 s) while its chat changes its profile (/remind's lead
    days, which plans the chat's reminders again) arrives once;
(2) `boravak serve` and `boravak bot` share one SQLite file: a chat linked to a web profile
    (/link with a code from POST /v1/profile/link-code; and one whose /webcode is claimed with
    POST /v1/profiles/claim) is sent a reminder saved through POST /v1/profile/reminders for
    today, once, within 20 s;
(3) `boravak serve --telegram-webhook`: the same update POSTed twice (one after the other, and
    two at once) is answered once; each POST answers 200 within 1.5 s, also while the Bot API
    takes 2.5 s per message; a POST without the secret is 401 and sends nothing.
"""
import datetime
import io
import json
import os
import re
import secrets
import shutil
import sqlite3
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from botlib import (Bot, Chat, FakeTelegram, Failure, catalog, check, data_of, date_text, fmt,  # noqa: E402
                    no_secret_in, pattern_re, plural_form, run_main, serverlib, today_belgrade)

RU, EN = catalog("ru"), catalog("en")
NOW = "2026-12-05T23:59:00+01:00"        # the bot's clock starts here, a minute before midnight
MIDNIGHT_UTC = "2026-12-05T23:00:00Z"    # 2026-12-06T00:00 in Belgrade (CET, +01:00)
LAST_DAY = datetime.date(2026, 12, 5)    # RU: 30 days per entry, the entry day counts
ENTRY = datetime.date(2026, 11, 6)
BOT_USERNAME = "boravak_test_bot"        # what the fake's getMe says
MENU = ["/status", "/in", "/out", "/trip", "/plan", "/permit", "/deadlines", "/guide"]


def reminder_patterns(words):
    """Every reminder's words (plural forms included), to tell reminders from replies."""
    return [pattern_re(words, k) for k in words if k.startswith("bot.reminder.")]


def new_token(tag):
    return "%d:%s-%s" % (600000 + secrets.randbelow(99999), tag, secrets.token_urlsafe(24))


# ---- a chat, with buttons pressed under a given message and updates from a group ----
def press(chat, data, message_id=1, chat_type="private", from_id=None):
    """Chat.press with the message the button sits under; the same one-answer check."""
    reply = chat._exchange("[button %s under message %d]" % (data, message_id),
                           lambda c: chat.api.push_button(chat.chat_id, data, c or chat.code, message_id=message_id,
                                                          chat_type=chat_type, from_id=from_id), None)
    ids = [a.get("callback_query_id") for a in reply.callback_answers]
    reply.expect(ids == ["cb%d" % reply.update_id], "one answerCallbackQuery for cb%d (got %r)" % (reply.update_id, ids))
    return reply


def say_in_group(chat, text, from_id):
    return chat._exchange("[%s in group %d]" % (text, chat.chat_id),
                          lambda c: chat.api.push_message(chat.chat_id, text, c or chat.code, chat_type="supergroup",
                                                          from_id=from_id), None)


def edits_since(api, n):
    with api.lock:
        return list(api.edits[n:])


def edit_count(api):
    with api.lock:
        return len(api.edits)


def onboard(chat, lang, words):
    chat.say("/start").text_is(fmt(catalog(lang), "bot.welcome"), ["en", "ru", "uk", "sr", "sr-Cyrl"])
    chat.press(lang).text_is(fmt(words, "bot.ask.citizenship"))
    chat.press("RU").text_is(fmt(words, "bot.ask.permit"), ["yes", "no"])
    chat.press("no").text_is(fmt(words, "bot.onboarding.done"), MENU)


def export_of(chat):
    r = chat.say("/export")
    docs = r.kinds("sendDocument")
    r.expect(len(r.calls) == 1 and len(docs) == 1 and docs[0]["file_name"].endswith(".json"), "one JSON document")
    raw = docs[0]["file_bytes"]
    try:
        return json.loads(raw), raw
    except ValueError as e:
        raise Failure("/export: the document is not JSON (%s): %r" % (e, raw[:200]))


def db_rows(path, sql, args=()):
    """A read-only look at the bot's SQLite file (after the bot has stopped)."""
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


# ---- (1), (6), (7), (4), (5): one bot whose clock starts at 23:59 ----
def test_clock_bot(binary, workdir, seen, notes):
    token = new_token("CLOCK")
    seen.append(token)
    api = FakeTelegram(token=token).start()
    bot = Bot(binary, api.url, token, workdir, name="clock", extra=["--now", NOW])
    at = bot.cmd.index("--quiet-hours")  # the default quiet hours, 22-8: 23:59 is inside them
    del bot.cmd[at:at + 2]
    failures = []
    started = time.monotonic()
    bot.start()
    ru = Chat(api, 4001, "ru", reminder_patterns(RU))
    en = Chat(api, 4002, "en", reminder_patterns(EN))
    try:
        for name, step in (("(1) last legal day at 23:59", lambda: case_last_day(api, ru, started, notes)),
                           ("(6) /export with reminders sent", lambda: case_export_sent(ru)),
                           ("(7) /remind in English and (6) planned ones", lambda: case_remind(api, en)),
                           ("(4) buttons", lambda: case_buttons(api, ru, en)),
                           ("(4b) an old button while another question is open", lambda: case_old_button(api, en)),
                           ("(5) group chats", lambda: case_group(api, en))):
            began = time.monotonic()
            try:
                step()
                print("ok   %s (%.1f s)" % (name, time.monotonic() - began))
            except Failure as e:
                failures.append("%s: %s" % (name, e))
                print("FAIL %s: %s" % (name, e))
            if bot.proc.poll() is not None:
                failures.append("the bot exited with status %s during %s; log: %s" % (bot.proc.returncode, name, bot.log()[-800:]))
                break
        elapsed = time.monotonic() - started
        notes.append("the clock bot ran %.1f s of its minute before midnight" % elapsed)
    finally:
        code = bot.stop()
        api.stop()
    if code != 0:
        failures.append("the clock bot exited with %s after SIGTERM" % code)
    log = bot.log()
    no_secret_in(log, [token], "the clock bot's stderr")
    bad = [line for line in log.splitlines() if " error " in line or " critical " in line or "update failed" in line]
    if bad:
        failures.append("the clock bot logged errors: %r" % bad[:5])
    # The store, once the bot is gone: the reminder is there once, sent; nothing about the group.
    try:
        rows = db_rows(bot.db, "SELECT kind, dedupe_key, sent_at, outcome FROM reminders WHERE chat_id = ?", (ru.chat_id,))
        last = [r for r in rows if r[0] == "last_day"]
        check(len(last) == 1 and last[0][2] is not None and last[0][3] == "sent" and last[0][2] < MIDNIGHT_UTC,
              "(1) the store's last-day reminders for chat %d: %r (expected one, sent before %s)" % (ru.chat_id, last, MIDNIGHT_UTC))
        group_rows = db_rows(bot.db, "SELECT chat_id FROM bot_chats WHERE chat_id < 0") + \
            db_rows(bot.db, "SELECT chat_id FROM reminders WHERE chat_id < 0")
        check(not group_rows, "(5) the store keeps rows for a group chat: %r" % group_rows)
    except Failure as e:
        failures.append(str(e))
    except sqlite3.Error as e:
        failures.append("reading the clock bot's store: %s" % e)
    return failures


def case_last_day(api, chat, started, notes):
    onboard(chat, "ru", RU)
    chat.say("/trip").text_is(fmt(RU, "bot.ask.entry"))
    chat.say(ENTRY.strftime("%d.%m.%Y")).text_is(fmt(RU, "bot.ask.exit"), ["still"])
    chat.press("still").text_is(fmt(RU, "bot.trip.added_open", date_text(RU, ENTRY)), MENU)
    saved_at = time.monotonic()
    r = chat.say("/status")
    lines = r.one_message().split("\n")
    r.expect(fmt(RU, "bot.status.as_of", date_text(RU, LAST_DAY)) in lines, "as of 5 December 2026 (the bot's clock)")
    r.expect(fmt(RU, "bot.status.last_day", date_text(RU, LAST_DAY)) in lines,
             "the line %r" % fmt(RU, "bot.status.last_day", date_text(RU, LAST_DAY)))

    day_words = "%d %s %d" % (LAST_DAY.day, RU["format.month.12"], LAST_DAY.year)  # "5 декабря 2026"
    expected = fmt(RU, "bot.reminder.last_day.today", date_text(RU, LAST_DAY))

    def today_reminders():
        return [c for c in api.sent(chat.chat_id, "sendMessage")
                if "сегодня" in c["text"].lower() and day_words in c["text"]]

    check(api.wait_for(lambda calls: today_reminders(), 8),
          "no reminder saying 'сегодня ... %s' within 8 s of the trip; chat %d got %r" %
          (day_words, chat.chat_id, [c["text"][:100] for c in api.sent(chat.chat_id, "sendMessage")]))
    first = today_reminders()[0]
    waited = first["time"] - saved_at
    check(first["time"] - started < 60, "(the reminder arrived %.1f s after the bot started at 23:59:00: after midnight "
          "on its clock)" % (first["time"] - started))
    check(first["text"] == expected, "the reminder reads %r, expected %r" % (first["text"], expected))
    check(not first.get("reply_markup"), "the reminder came with buttons: %r" % first.get("reply_markup"))
    time.sleep(max(0.0, first["time"] + 4 - time.monotonic()))  # four sender rounds for a repeat to show
    again = today_reminders()
    check(len(again) == 1, "the 'today' reminder about 5 December came %d times: %r" % (len(again), [c["text"] for c in again]))
    reminders = [c["text"] for c in chat.reminders()]
    check(reminders == [expected], "the chat's reminders are %r, expected only the last day's" % reminders)
    texts = [c["text"] for c in api.sent(chat.chat_id, "sendMessage")]
    check(len(set(texts)) == len(texts), "a message arrived twice in chat %d: %r" % (chat.chat_id, texts))
    notes.append("the last-day reminder came %.2f s after the trip was saved, %.1f s after 23:59:00"
                 % (waited, first["time"] - started))


def case_export_sent(chat):
    data, _ = export_of(chat)
    trips = [(t.get("entry"), t.get("exit")) for t in data.get("trips", [])]
    check(trips == [(ENTRY.isoformat(), None)], "/export: trips %r" % trips)
    reminders = data.get("chat", {}).get("reminders")
    check(isinstance(reminders, list) and reminders, "/export: chat.reminders is %r" % (reminders,))
    for r in reminders:
        check(r.get("status") in ("planned", "sent", "skipped", "given_up"), "/export: a reminder with status %r" % r)
    sent = [r for r in reminders if r.get("kind") == "last_day" and r.get("status") == "sent"]
    check(len(sent) == 1, "/export: one last_day reminder 'sent' expected, chat.reminders is %r" % reminders)
    check(sent[0].get("about", {}).get("date") == LAST_DAY.isoformat(), "/export: the sent reminder is about %r" % sent[0])
    done = sent[0].get("done_at") or ""
    check("2026-12-05T22:59:00Z" <= done < MIDNIGHT_UTC,
          "/export: the reminder was done at %r, not between 23:59 and midnight in Belgrade" % done)


def case_remind(api, chat):
    onboard(chat, "en", EN)
    usual = fmt(EN, "bot.remind.leads", "60, 30, 15, 10, 5")
    r = chat.say("/remind")
    r.text_is(fmt(EN, "bot.remind.none") + "\n\n" + usual, ["add", "leads"])
    chat.press("add").text_is(fmt(EN, "bot.remind.ask.date"))
    day = datetime.date(2026, 12, 20)
    r = chat.say("20 Dec")  # no year: the bot guesses 2026 and asks
    r.text_is(fmt(EN, "bot.dates.confirm", date_text(EN, day)), [day.isoformat()])
    OLD_BUTTONS["confirm"] = (r.calls[0]["message_id"], day.isoformat())
    r.expect(buttons_text(r.calls[0]) == [fmt(EN, "bot.dates.confirm_button", date_text(EN, day))], "the button 'Yes, 20 December 2026'")
    chat.press(day.isoformat()).text_is(fmt(EN, "bot.remind.ask.note", date_text(EN, day)))
    note = "collect the permit card"
    chat.say(note).text_is(fmt(EN, "bot.remind.added", date_text(EN, day), note), MENU)
    r = chat.say("/remind")
    r.text_is(fmt(EN, "bot.remind.heading") + "\n• " + date_text(EN, day) + ": " + note + "\n\n" + usual,
              ["add", "remove", "leads"])

    # (6) planned: the reminder of its own is in /export, planned before and on its day.
    chat.say("/cancel").text_is(fmt(EN, "bot.cancelled"), MENU)
    data, _ = export_of(chat)
    saved = [x for x in data.get("reminders", []) if x.get("note") == note]
    check(len(saved) == 1 and saved[0].get("on") == day.isoformat() and saved[0].get("kind") == "custom",
          "/export: the profile's reminders are %r" % data.get("reminders"))
    planned = [x for x in data.get("chat", {}).get("reminders", []) if x.get("status") == "planned"
               and x.get("kind") == "saved" and x.get("about", {}).get("note") == note]
    check(planned, "/export: no planned reminder for %r in chat.reminders %r" % (note, data.get("chat", {}).get("reminders")))
    on_day = [x for x in planned if x["about"].get("date") == day.isoformat() and x.get("due_at") == "2026-12-20T08:00:00Z"]
    check(len(on_day) == 1, "/export: the reminder on its day is not planned for 09:00 in Belgrade: %r" % planned)

    # Removing it: "remove", then the reminder's own button.
    chat.say("/remind")
    r = chat.press("remove")
    r.text_is(fmt(EN, "bot.remind.ask.remove"))
    ids = data_of(r.calls[0])
    r.expect(len(ids) == 1 and re.match(r"^rm:\d+$", ids[0]), "one button rm:<id>")
    r.expect(buttons_text(r.calls[0]) == [(date_text(EN, day) + ": " + note)[:60]], "the button names the reminder")
    chat.press(ids[0]).text_is(fmt(EN, "bot.remind.removed", date_text(EN, day)), MENU)
    chat.say("/remind").text_is(fmt(EN, "bot.remind.none") + "\n\n" + usual, ["add", "leads"])
    chat.say("/cancel")
    data, _ = export_of(chat)
    check(not data.get("reminders"), "/export after removing: the profile still has reminders %r" % data.get("reminders"))
    left = [x for x in data.get("chat", {}).get("reminders", []) if x.get("status") == "planned"
            and x.get("about", {}).get("note") == note]
    check(not left, "/export after removing: reminders still planned for it: %r" % left)
    mine = [c["text"] for c in chat.reminders()]
    check(not mine, "the English chat was sent reminders: %r" % mine)


OLD_BUTTONS = {}  # a button already answered: its message_id and data


def case_old_button(api, chat):
    """docs/bot.md: a button under a question that is no longer open gets a pop-up and nothing else
    happens, also when another question happens to be open (here /trip's "when did you enter")."""
    message_id, data = OLD_BUTTONS["confirm"]  # "Yes, 20 December 2026", answered during /remind
    chat.say("/trip").text_is(fmt(EN, "bot.ask.entry"))
    r = press(chat, data, message_id)
    r.expect(not r.calls and [a.get("text") for a in r.callback_answers] == [fmt(EN, "bot.button.stale")],
             "only the pop-up %r: the button belongs to /remind's question, answered before /trip began" % fmt(EN, "bot.button.stale"))
    chat.say("/cancel").text_is(fmt(EN, "bot.cancelled"), MENU)
    data, _ = export_of(chat)
    check(not data.get("trips"), "an old button's date was saved as a trip: %r" % data.get("trips"))


def buttons_text(call):
    markup = call.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def case_buttons(api, ru, en):
    # A button that starts a command: the keyboard of the message it sits under goes.
    r = ru.say("/status")
    status_id = r.calls[0].get("message_id")
    check(isinstance(status_id, int), "the fake gave /status's message no message_id: %r" % r.calls[0])
    n = edit_count(api)
    r = press(ru, "/why", status_id)
    r.expect(len(r.messages()) == 1 and r.calls[0]["text"].split("\n")[0] ==
             fmt(RU, "bot.status.rule", fmt(RU, "regime.per_entry[%d]" % plural_form("ru", 30), 30)), "the explanation")
    r.expect(r.callback_answers[0].get("text") in (None, ""), "a silent answerCallbackQuery (got %r)" % r.callback_answers)
    edits = edits_since(api, n)
    check(len(edits) == 1 and edits[0].get("chat_id") == ru.chat_id and edits[0].get("message_id") == status_id
          and edits[0].get("reply_markup") == {"inline_keyboard": []},
          "(4) pressing /why under message %d: editMessageReplyMarkup calls %r, expected one for that message with "
          "an empty inline_keyboard" % (status_id, edits))

    # A question's button: its keyboard goes too, then the same button again is stale.
    r = ru.say("/delete")
    r.text_is(fmt(RU, "bot.delete.ask"), ["delete", "keep"])
    question = r.calls[0]["message_id"]
    n = edit_count(api)
    press(ru, "keep", question).text_is(fmt(RU, "bot.cancelled"), MENU)
    edits = edits_since(api, n)
    check(len(edits) == 1 and edits[0].get("message_id") == question and edits[0].get("chat_id") == ru.chat_id
          and edits[0].get("reply_markup") == {"inline_keyboard": []},
          "(4) pressing 'keep' under message %d: editMessageReplyMarkup calls %r" % (question, edits))
    stale = fmt(RU, "bot.button.stale")
    r = press(ru, "delete", question)
    r.expect(not r.calls, "no message after a button of an answered question")
    r.expect([a.get("text") for a in r.callback_answers] == [stale], "answerCallbackQuery with the text %r" % stale)
    data, _ = export_of(ru)
    check([t.get("entry") for t in data.get("trips", [])] == [ENTRY.isoformat()],
          "(4) a stale 'delete' button deleted the chat's data: /export has %r" % data.get("trips"))

    # A language button after onboarding: a pop-up, and the language stays.
    r = press(ru, "en", 2)
    r.expect(not r.calls and [a.get("text") for a in r.callback_answers] == [stale], "only the pop-up %r" % stale)
    ru.say("/help").text_is(fmt(RU, "bot.help"), MENU)
    r = press(en, "sr", 3)
    r.expect(not r.calls and [a.get("text") for a in r.callback_answers] == [fmt(EN, "bot.button.stale")],
             "only the pop-up %r" % fmt(EN, "bot.button.stale"))


def case_group(api, private):
    group = Chat(api, -1001234567890, "en", reminder_patterns(EN))
    notice = fmt(EN, "bot.group.private_only", "https://t.me/" + BOT_USERNAME)
    member = private.chat_id
    for text in ("/status", "/status@" + BOT_USERNAME):
        r = say_in_group(group, text, member)
        got = r.one_message()
        r.expect("t.me/" + BOT_USERNAME in got and got == notice, "the notice %r" % notice)
        r.expect(not r.calls[0].get("reply_markup"), "no buttons")
    for text in ("hello", "/status@another_bot", "2026-11-06"):
        r = say_in_group(group, text, member)
        r.expect(not r.calls, "no answer")
    r = group._exchange("[button /status in the group]",
                        lambda c: api.push_button(group.chat_id, "/status", "en", message_id=5, chat_type="supergroup",
                                                  from_id=member), None)
    r.expect(not r.calls and [a.get("text") for a in r.callback_answers] == [notice], "only the pop-up %r" % notice)
    data, raw = export_of(private)
    text = raw.decode("utf-8")
    for trace in (str(group.chat_id), str(abs(group.chat_id)), "supergroup", "another_bot"):
        check(trace not in text, "(5) the private /export mentions the group (%r): %s" % (trace, text[:600]))
    check(data.get("chat", {}).get("chat_id") == private.chat_id, "(5) the export's chat is %r" % data.get("chat"))


# ---- (1b): a reminder in flight while the chat changes its profile ----
class SlowFirstReminder(FakeTelegram):
    """Takes 3 s over the first registration reminder to one chat, as a slow network would."""

    def __init__(self, slow_chat, pattern, **kw):
        super().__init__(**kw)
        self.slow_chat, self.pattern = slow_chat, pattern
        self.in_flight = threading.Event()

    def handle(self, request):
        if request.path.endswith("/sendMessage") and not self.in_flight.is_set():
            raw = request.rfile.read(int(request.headers.get("Content-Length", "0")))
            request.rfile = io.BytesIO(raw)
            try:
                params = json.loads(raw)
            except ValueError:
                params = {}
            if params.get("chat_id") == self.slow_chat and self.pattern.match(params.get("text", "")):
                self.in_flight.set()
                time.sleep(3)
        return super().handle(request)


def test_reminder_in_flight(binary, workdir, seen, notes):
    """A reminder is sent once even when the chat's profile changes while it is being sent (the
    change plans the chat's reminders again)."""
    token = new_token("FLIGHT")
    seen.append(token)
    registration = pattern_re(EN, "bot.reminder.registration")
    api = SlowFirstReminder(6001, registration, token=token).start()
    bot = Bot(binary, api.url, token, workdir, name="in-flight").start()  # real time, no quiet hours
    failures = []
    try:
        mover, other = Chat(api, 6001, "en", [registration]), Chat(api, 6002, "en", [registration])
        for chat in (mover, other):
            onboard(chat, "en", EN)
        mover.say("/in")
        other.say("/in")
        check(api.in_flight.wait(10), "(1b) the registration reminder for chat 6001 was not sent within 10 s of /in")
        # While it is on its way: the lead days change, and the chat's reminders are planned again.
        mover.say("/remind")
        mover.press("leads")
        mover.say("30 7 1").text_is(fmt(EN, "bot.remind.leads_saved", "30, 7, 1"), MENU)
        time.sleep(6)
        for chat in (mover, other):
            got = [c["text"] for c in chat.reminders()]
            check(len(got) == 1, "(1b) chat %d got the registration reminder %d times (chat 6001 changed its lead days "
                  "while its reminder was being sent): %r" % (chat.chat_id, len(got), got))
        print("ok   (1b) a reminder in flight while the profile changes is sent once")
    except Failure as e:
        failures.append(str(e))
        print("FAIL (1b) %s" % e)
    finally:
        code = bot.stop()
        api.stop()
    if code != 0:
        failures.append("(1b) the bot exited with %s after SIGTERM" % code)
    return failures


# ---- (2): the web API and the bot on one SQLite file ----
def test_api_reminder(binary, workdir, seen, notes):
    token = new_token("SHARED")
    seen.append(token)
    api = FakeTelegram(token=token).start()
    # Real time; --remind-hour 0 and no quiet hours: a reminder for today is due at once, at any hour.
    bot = Bot(binary, api.url, token, workdir, name="shared", extra=["--remind-hour", "0"])
    server = serverlib.Server(binary, "sqlite:" + bot.db, name="serve-shared", workdir=workdir)
    failures = []
    try:
        server.start()
        bot.start()
        today = today_belgrade()
        linked = Chat(api, 5001, "en", reminder_patterns(EN))
        claimed = Chat(api, 5002, "en", reminder_patterns(EN))

        # /link with the web profile's code, as the chat's very first message.
        r = serverlib.call(server.port, "POST", "/v1/profiles", body={"lang": "en"})
        check(r.status == 201, "(2) POST /v1/profiles: %s" % r.describe())
        web_secret = r.json()["secret"]
        seen.append(web_secret)
        r = serverlib.call(server.port, "POST", "/v1/profile/link-code", secret=web_secret)
        check(r.status == 201 and re.match(r"^[0-9A-Z]{8}$", r.json().get("code", "")), "(2) the link code: %s" % r.describe())
        linked.say("/link " + r.json()["code"]).text_is(fmt(EN, "bot.link.done"), MENU)

        # /webcode, claimed on the web.
        onboard(claimed, "en", EN)
        r = claimed.say("/webcode")
        m = pattern_re(EN, "bot.webcode.text").match(r.one_message())
        r.expect(m is not None, "the code for the web page")
        code = m.group(1)
        r = serverlib.call(server.port, "POST", "/v1/profiles/claim", body={"code": code})
        check(r.status == 201, "(2) POST /v1/profiles/claim: %s" % r.describe())
        claim_secret = r.json()["secret"]
        seen.append(claim_secret)

        posted = {}
        for chat, secret, note in ((linked, web_secret, "pick up the card"), (claimed, claim_secret, "renew the lease")):
            r = serverlib.call(server.port, "POST", "/v1/profile/reminders", secret=secret,
                               body={"kind": "custom", "on": today.isoformat(), "note": note})
            check(r.status == 201, "(2) POST /v1/profile/reminders: %s" % r.describe())
            posted[chat.chat_id] = (note, time.monotonic())
        for chat in (linked, claimed):
            note, at = posted[chat.chat_id]
            expected = fmt(EN, "bot.reminder.saved.today", date_text(EN, today), note)
            got = api.wait_for(lambda calls: any(note in c.get("text", "") and c.get("chat_id") == chat.chat_id
                                                 for c in calls), max(1, 20 - (time.monotonic() - at)))
            check(got, "(2) chat %d got no message with %r within 20 s of the POST; it got %r" %
                  (chat.chat_id, note, [c.get("text", "")[:80] for c in api.sent(chat.chat_id)]))
            first = [c for c in api.sent(chat.chat_id, "sendMessage") if note in c["text"]][0]
            check(first["text"] == expected, "(2) the reminder reads %r, expected %r" % (first["text"], expected))
            notes.append("chat %d: the API's reminder came %.2f s after the POST" % (chat.chat_id, first["time"] - at))
        time.sleep(3)
        for chat in (linked, claimed):
            note = posted[chat.chat_id][0]
            got = [c["text"] for c in api.sent(chat.chat_id, "sendMessage") if note in c["text"]]
            check(len(got) == 1, "(2) chat %d got the reminder %d times: %r" % (chat.chat_id, len(got), got))
        others = [c.get("text") for c in api.sent() if c.get("chat_id") not in (5001, 5002) and c["method"] == "sendMessage"
                  and any(n in c.get("text", "") for n, _ in posted.values())]
        check(not others, "(2) another chat got the reminders: %r" % others)
        print("ok   (2) reminders saved through the API reach the linked chats (/link and /webcode), once each")
    except Failure as e:
        failures.append(str(e))
        print("FAIL (2) %s" % e)
    finally:
        code = bot.stop() if bot.proc else 0
        server.stop()
        api.stop()
    if code != 0:
        failures.append("(2) the bot exited with %s after SIGTERM" % code)
    bad = [line for line in (bot.log() + server.log()).splitlines()
           if " error " in line or " critical " in line or "update failed" in line or "locked" in line]
    if bad:
        failures.append("(2) errors logged: %r" % bad[:5])
    return failures


# ---- (3): the webhook ----
def post_update(port, body, secret, header="X-Telegram-Bot-Api-Secret-Token"):
    began = time.monotonic()
    r = serverlib.call(port, "POST", "/telegram/webhook", body=body, headers={header: secret} if secret is not None else {})
    return r, time.monotonic() - began


def test_webhook(binary, workdir, seen, notes):
    token, secret = new_token("HOOKTWICE"), secrets.token_urlsafe(24)
    seen.extend([token, secret])
    api = FakeTelegram(token=token).start()
    extra = ["--telegram-webhook", "--telegram-api", api.url, "--quiet-hours", "0-0", "--reminder-every", "1"]
    server = serverlib.Server(binary, "sqlite:%s/hook.sqlite" % workdir, extra=extra, name="webhook", workdir=workdir)
    os.environ["BORAVAK_TELEGRAM_TOKEN"] = token
    os.environ["BORAVAK_TELEGRAM_WEBHOOK_SECRET"] = secret
    failures = []
    slowest = 0.0
    try:
        server.start()
        deadline = time.monotonic() + 10
        while "getMe" not in api.setup_calls and time.monotonic() < deadline:
            time.sleep(0.05)
        welcome = fmt(EN, "bot.welcome")

        # The same update twice, one after the other.
        body = api.update("text", 801, "/help", "en")
        for n in range(2):
            r, took = post_update(server.port, body, secret)
            slowest = max(slowest, took)
            check(r.status == 200, "(3) POST %d of the same update: %s" % (n + 1, r.describe()))
            check(took < 1.5, "(3) POST %d of the same update took %.2f s" % (n + 1, took))
        check(api.wait_for(lambda calls: api.sent(801), 5), "(3) no answer to the update for chat 801")
        time.sleep(2)
        got = [c.get("text") for c in api.sent(801)]
        check(got == [welcome], "(3) an update POSTed twice was answered %d times: %r" % (len(got), got))

        # The same update twice at once.
        body = api.update("text", 802, "/help", "en")
        answers = [None, None]

        def post(i):
            answers[i] = post_update(server.port, body, secret)

        threads = [threading.Thread(target=post, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        for r, took in answers:
            slowest = max(slowest, took)
            check(r.status == 200 and took < 1.5, "(3) two POSTs of one update at once: %s in %.2f s" % (r.describe(), took))
        check(api.wait_for(lambda calls: api.sent(802), 5), "(3) no answer to the update for chat 802")
        time.sleep(2)
        got = [c.get("text") for c in api.sent(802)]
        check(got == [welcome], "(3) an update POSTed twice at once was answered %d times: %r" % (len(got), got))

        # The next update of chat 801 is answered as a new one (the claims do not swallow it).
        r, took = post_update(server.port, api.update("button", 801, "en", "en"), secret)
        check(r.status == 200 and took < 1.5, "(3) a button: %s in %.2f s" % (r.describe(), took))
        check(api.wait_for(lambda calls: len(api.sent(801, "sendMessage")) == 2, 5), "(3) the button got no answer")
        check(api.sent(801, "sendMessage")[-1]["text"] == fmt(EN, "bot.ask.citizenship"), "(3) after the button: %r"
              % api.sent(801, "sendMessage")[-1])

        # No secret: 401, nothing sent.
        r, took = post_update(server.port, api.update("text", 803, "/help", "en"), None)
        check(r.status == 401, "(3) a POST without the secret: %s" % r.describe())
        time.sleep(1)
        check(not api.sent(803), "(3) an update without the secret was answered: %r" % api.sent(803))

        # A slow Bot API: the POST still answers within 1.5 s; the reply follows.
        with api.lock:
            api.delay = 2.5
        r, took = post_update(server.port, api.update("text", 804, "/help", "en"), secret)
        slowest_slow = took
        check(r.status == 200, "(3) with a slow Bot API: %s" % r.describe())
        check(took < 1.5, "(3) with a Bot API taking 2.5 s per message, the POST took %.2f s" % took)
        check(api.wait_for(lambda calls: api.sent(804), 10), "(3) with a slow Bot API the answer never came")
        with api.lock:
            api.delay = 0
        notes.append("webhook POSTs answered in at most %.3f s; %.3f s while the Bot API took 2.5 s a message"
                     % (slowest, slowest_slow))
        print("ok   (3) webhook: an update POSTed twice (in turn, and at once) answered once; no secret 401; "
              "every POST within 1.5 s")
    except Failure as e:
        failures.append(str(e))
        print("FAIL (3) %s" % e)
    finally:
        server.stop()
        api.stop()
        os.environ.pop("BORAVAK_TELEGRAM_TOKEN", None)
        os.environ.pop("BORAVAK_TELEGRAM_WEBHOOK_SECRET", None)
    no_secret_in(server.log(), [token, secret], "(3) serve's stderr")
    return failures


def main():
    args = sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(args[0])
    check(os.access(binary, os.X_OK), "%s is not an executable file" % binary)
    workdir = tempfile.mkdtemp(prefix="boravak-bot-reminders-")
    seen, failures, notes = [], [], []
    began = time.monotonic()
    for test in (test_clock_bot, test_reminder_in_flight, test_api_reminder, test_webhook):
        try:
            failures.extend(test(binary, workdir, seen, notes))
        except (Failure, RuntimeError, OSError) as e:  # RuntimeError: a server that did not start
            failures.append("%s: %s" % (test.__name__, e))
            print("FAIL %s: %s" % (test.__name__, e))
    for name in sorted(os.listdir(workdir)):
        if name.endswith((".stderr", ".stdout")):
            with open(os.path.join(workdir, name), "rb") as f:
                try:
                    no_secret_in(f.read().decode("utf-8", "replace"), seen, name)
                except Failure as e:
                    failures.append(str(e))
    for note in notes:
        print("     " + note)
    if failures:
        print("\nbot_reminders_test FAILED (%d):\n%s\n(logs in %s)" % (len(failures), "\n".join(failures), workdir),
              file=sys.stderr)
        return 1
    print("bot_reminders_test: passed in %.1f s" % (time.monotonic() - began))
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    run_main(main)
