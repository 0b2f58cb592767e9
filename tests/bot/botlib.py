"""Helpers shared by the bot's tests (Python 3 standard library only).

- The bot's words: the .po catalogs read as the bot reads them (sr-Cyrl by the same
  transliteration as src/i18n/serbian_script.cc), format() and date_text() as in catalog.cc.
- Bot: one `boravak bot` process on a fake Bot API server, its stderr in a file.
- Chat: one chat played through the fake server. After each update it pushes a message from a
  second, "marker" chat: the bot handles updates one by one, so once the marker is answered,
  everything the bot sends for the update before it has arrived.
"""
import datetime
import itertools
import os
import re
import signal
import subprocess
import sys
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, "tests", "server"))
from fake_telegram import FakeTelegram  # noqa: E402
import serverlib  # noqa: E402,F401


LANGS = ["en", "ru", "uk", "sr", "sr-Cyrl"]
ASCII_LETTERS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class Failure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


# ---- the catalogs ----
def _unquote(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def read_po(path):
    entries, key, field = {}, None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            m = re.match(r'^(msgid|msgstr)\s+"(.*)"$', line)
            plural = re.match(r'^msgstr\[(\d)\]\s+"(.*)"$', line)
            if plural:
                # Plural forms are kept as "key[0]", "key[1]", ...
                field = None
                entries["%s[%s]" % (key, plural.group(1))] = _unquote(plural.group(2))
            elif m:
                field = m.group(1)
                if field == "msgid":
                    key = _unquote(m.group(2))
                else:
                    entries[key] = _unquote(m.group(2))
            elif line.startswith('"') and field == "msgstr":
                entries[key] += _unquote(line[1:-1])
            elif line.startswith('"') and field == "msgid":
                key += _unquote(line[1:-1])
    entries.pop("", None)
    return entries


_CATALOGS = {}


def catalog(lang):
    if lang not in _CATALOGS:
        base = "sr" if lang == "sr-Cyrl" else lang
        folder = os.path.join(REPO, "i18n", base)
        words = {}
        for name in sorted(os.listdir(folder)):
            if name.endswith(".po"):
                words.update(read_po(os.path.join(folder, name)))
        if lang == "sr-Cyrl":
            words = {k: to_cyrillic(v) for k, v in words.items()}
        _CATALOGS[lang] = words
    return _CATALOGS[lang]


def plural_form(lang, n):
    """The index of the plural form for n (the catalogs' Plural-Forms)."""
    if lang == "en":
        return 0 if n == 1 else 1
    return 0 if n % 10 == 1 and n % 100 != 11 else 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


def fmt(words, key, *args):
    if key not in words:
        raise Failure("the catalog has no %r" % key)
    return re.sub(r"\{(\d{1,2})\}", lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args)
                  else m.group(0), words[key])


def date_text(words, d):
    return fmt(words, "format.date", d.day, words["format.month.%d" % d.month], d.year)


def pattern_re(words, key):
    """A regular expression for the key's text with any arguments."""
    parts = re.split(r"\{\d{1,2}\}", words[key])
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$", re.S)


# The transliteration of serbian_script.cc, for the sr-Cyrl expectations.
_LETTERS = [("dž", "џ"), ("Dž", "Џ"), ("DŽ", "Џ"), ("lj", "љ"), ("Lj", "Љ"), ("LJ", "Љ"), ("nj", "њ"), ("Nj", "Њ"),
            ("NJ", "Њ")] + list(zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж")) + \
    list(zip("ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ", "АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ"))


def _keep_latin(word):
    if word.startswith("/"):
        return True
    opening = len(word) - len(word.lstrip("(\"'"))
    if opening < len(word) and word[opening] == "." and opening + 1 < len(word) and word[opening + 1] in ASCII_LETTERS:
        return True
    bare = word[opening:]
    caps = len(bare) - len(bare.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if caps == 2 and (len(bare) == 2 or bare[2] not in ASCII_LETTERS):
        return True
    for code in ("RSD", "EUR", "PDF", "PIN", "PNG", "SVG", "ICS", "JSON"):
        if bare.startswith(code) and (len(bare) == len(code) or bare[len(code)] not in ASCII_LETTERS):
            return True
    if any(s in word for s in ("://", "@", "www.", "_")):
        return True
    for i, c in enumerate(word):
        if c.lower() in "qwxy" and c in ASCII_LETTERS:
            return True
        if c == "." and 0 < i < len(word) - 1 and word[i - 1] in ASCII_LETTERS and word[i + 1] in ASCII_LETTERS:
            return True
    return False


def _transliterate(word):
    out, i = [], 0
    while i < len(word):
        for latin, cyr in _LETTERS:
            if word.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def to_cyrillic(text):
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c in " \n\t":
            out.append(c)
            i += 1
        elif c in "{`":
            close = text.find("}" if c == "{" else "`", i + 1)
            end = len(text) if close < 0 else close + 1
            out.append(text[i:end])
            i = end
        else:
            end = i
            while end < len(text) and text[end] not in " \n\t{`":
                end += 1
            word = text[i:end]
            out.append(word if _keep_latin(word) else _transliterate(word))
            i = end
    return "".join(out)


def cyrillic_share(text):
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / max(1, len(letters))


def language_for(code):
    """What dialog_engine.cc's language_for() gives a new chat for Telegram's language_code."""
    base = re.split(r"[-_]", code)[0]
    if base in ("ru", "uk", "en"):
        return base
    if base == "sr":
        return "sr" if "Latn" in code else "sr-Cyrl"
    return "ru" if base == "be" else "en"


def today_belgrade():
    return datetime.datetime.now(ZoneInfo("Europe/Belgrade")).date()


def no_secret_in(log, secrets, where):
    for s in secrets:
        check(s not in log, "%s: the log contains a secret (%r...)" % (where, s[:4]))
        if ":" in s:
            check(s.split(":", 1)[1] not in log, "%s: the log contains the token's secret part" % where)


# ---- the bot process ----
class Bot:
    def __init__(self, binary, api_url, token, workdir, name="bot", extra=(), env=None):
        self.workdir = workdir
        self.db = os.path.join(workdir, name + ".sqlite")
        self.stderr_path = os.path.join(workdir, name + ".stderr")
        self.cmd = [binary, "bot", "--db", "sqlite:" + self.db, "--telegram-api", api_url, "--poll-seconds", "1",
                    "--quiet-hours", "0-0", "--reminder-every", "1"] + list(extra)
        self.env = serverlib.environment()
        self.env.pop("BORAVAK_TELEGRAM_TOKEN", None)
        if token is not None:
            self.env["BORAVAK_TELEGRAM_TOKEN"] = token
        self.env.update(env or {})
        self.proc = None

    def start(self):
        with open(self.stderr_path, "ab") as err:
            self.proc = subprocess.Popen(self.cmd, stdin=subprocess.DEVNULL, stdout=err, stderr=err, env=self.env,
                                         cwd=self.workdir)
        return self

    def wait(self, timeout):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout=15):
        """SIGTERM; the exit status, or None when it had to be killed."""
        if self.proc.poll() is not None:
            return self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        code = self.wait(timeout)
        if code is None:
            self.proc.kill()
            self.proc.wait()
        return code

    def log(self):
        with open(self.stderr_path, "rb") as f:
            return f.read().decode("utf-8", "replace")


# ---- one chat, step by step ----
class Reply:
    def __init__(self, update, calls, callback_answers, update_id):
        self.update = update
        self.calls = calls
        self.callback_answers = callback_answers
        self.update_id = update_id

    def kinds(self, method):
        return [c for c in self.calls if c["method"] == method]

    def messages(self):
        return [c["text"] for c in self.kinds("sendMessage")]

    def describe(self):
        shown = []
        for c in self.calls:
            if c["method"] == "sendMessage":
                shown.append("sendMessage %r%s" % (c["text"][:300], " +buttons %r" % data_of(c) if data_of(c) else ""))
            else:
                shown.append("%s %r (%s, %d bytes)" % (c["method"], c.get("caption", "")[:120], c.get("file_name"),
                                                      len(c.get("file_bytes", b""))))
        return "update %r -> %s" % (self.update, "; ".join(shown) if shown else "nothing")

    def expect(self, condition, what):
        check(condition, "%s; expected %s" % (self.describe(), what))

    def one_message(self):
        self.expect(len(self.calls) == 1 and self.calls[0]["method"] == "sendMessage", "exactly one sendMessage")
        return self.calls[0]["text"]

    def text_is(self, expected, data=None):
        got = self.one_message()
        self.expect(got == expected, "the text %r" % expected)
        if data is not None:
            self.expect(data_of(self.calls[0]) == data, "buttons with data %r" % data)
        return self.calls[0]


def buttons_of(call):
    markup = call.get("reply_markup") or {}
    return [[(b["text"], b["callback_data"]) for b in row] for row in markup.get("inline_keyboard", [])]


def data_of(call):
    return [d for row in buttons_of(call) for _, d in row]


class Chat:
    _markers = itertools.count(990000001)

    def __init__(self, api, chat_id, language_code, reminder_res=(), timeout=30):
        self.api = api
        self.chat_id = chat_id
        self.code = language_code
        self.marker = next(Chat._markers)
        self.reminder_res = list(reminder_res)
        self.timeout = timeout

    def is_reminder(self, call):
        return call["method"] == "sendMessage" and not call.get("reply_markup") and \
            any(r.match(call.get("text", "")) for r in self.reminder_res)

    def _exchange(self, update, push, code):
        api = self.api
        with api.lock:
            start = len(api.calls)
            update_id = api.next_update_id
        push(code)
        api.push_message(self.marker, "ping")
        arrived = api.wait_for(lambda calls: any(c.get("chat_id") == self.marker for c in calls[start:]), self.timeout)
        with api.lock:
            new = list(api.calls[start:])
        mine = [c for c in new if c.get("chat_id") == self.chat_id and not self.is_reminder(c)]
        answers = [c for c in new if c["method"] == "answerCallbackQuery"]
        reply = Reply(update, mine, answers, update_id)
        check(arrived, "%s; the bot did not answer the next update within %ds" % (reply.describe(), self.timeout))
        for c in mine:  # Telegram refuses an empty text and one over 4,096 characters
            if c["method"] == "sendMessage":
                reply.expect(0 < len(c["text"].strip()) and len(c["text"]) <= 4096, "texts of 1 to 4,096 characters")
            else:
                reply.expect(len(c.get("caption", "")) <= 1024, "captions of at most 1,024 characters")
        return reply

    def say(self, text, code=None):
        return self._exchange(text, lambda c: self.api.push_message(self.chat_id, text, c or self.code), code)

    def press(self, data, code=None):
        reply = self._exchange("[button %s]" % data, lambda c: self.api.push_button(self.chat_id, data, c or self.code),
                               code)
        ids = [a.get("callback_query_id") for a in reply.callback_answers]
        reply.expect(ids == ["cb%d" % reply.update_id], "one answerCallbackQuery for cb%d (got %r)" % (reply.update_id, ids))
        return reply

    def reminders(self):
        return [c for c in self.api.sent(self.chat_id, "sendMessage") if self.is_reminder(c)]


def run_main(main):
    """Exits with main()'s status; a Failure raised anywhere is reported as one line."""
    try:
        sys.exit(main())
    except Failure as e:
        print("FAIL: %s" % e, file=sys.stderr)
        sys.exit(1)
