"""A fake Telegram Bot API server for the bot's tests.

It feeds updates to getUpdates (long polling) and records every sendMessage, sendDocument,
sendPhoto and answerCallbackQuery, so a test can play a whole dialog and read what the bot said.
Each message sent gets a message_id (in its record and in the answer), and a button can be
pressed under a given message_id; editMessageReplyMarkup calls are kept apart, in `edits`.
Updates may come from a group (chat_type "group" or "supergroup", with a sender of their own).
It can also answer 429 with retry_after, to test the bot's patience.

    api = FakeTelegram(token="123:ABC").start()
    api.push_message(chat_id=7, text="/start", language_code="ru")
    api.wait_for(lambda calls: len(calls) >= 1)
    api.stop()
"""
import email.parser
import email.policy
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeTelegram:
    def __init__(self, token="123456:TEST-TOKEN", delay=0.0):
        self.token = token
        self.delay = delay            # seconds each send takes, to let tests kill a bot mid-send
        self.updates = []             # queued, not yet fetched
        self.next_update_id = 1
        self.calls = []               # every send: {"method", "chat_id", "text", "time", ...}
        self.rate_limit_next = 0      # how many sends to refuse with 429 next
        self.retry_after = 1
        self.refused = []             # (method, time) of the 429 answers
        self.menus = {}               # setMyCommands: language_code ("" by default) -> commands
        self.webhook_url = ""         # a registered webhook makes getUpdates answer 409, as Telegram does
        self.setup_calls = []         # getMe, setMyCommands, getWebhookInfo, deleteWebhook, in order
        self.polls = 0                # getUpdates calls seen
        self.edits = []               # editMessageReplyMarkup: {"method", "chat_id", "message_id", "reply_markup", "time"}
        self.lock = threading.Condition()
        self.server = None

    # ---- what tests do ----
    def start(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; without this the body waits ~40 ms for the
            # client's delayed acknowledgement, and every call looks slow.
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def do_POST(self):
                fake.handle(self)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a bot killed mid-request (as the tests do) is not a failure of the fake

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def push_message(self, chat_id, text, language_code="en", chat_type="private", from_id=None):
        """A text message in chat_id; in a group (chat_type "group"/"supergroup") from_id is the sender."""
        self._push({"message": {"message_id": self.next_update_id, "date": int(time.time()),
                                "chat": {"id": chat_id, "type": chat_type},
                                "from": {"id": chat_id if from_id is None else from_id, "is_bot": False, "first_name": "T",
                                         "language_code": language_code},
                                "text": text}})

    def push_button(self, chat_id, data, language_code="en", message_id=1, chat_type="private", from_id=None):
        """A press of a button with this data under the message message_id (one the bot sent)."""
        self._push({"callback_query": {"id": "cb%d" % self.next_update_id, "data": data,
                                       "from": {"id": chat_id if from_id is None else from_id, "is_bot": False,
                                                "first_name": "T", "language_code": language_code},
                                       "message": {"message_id": message_id, "date": 0,
                                                   "chat": {"id": chat_id, "type": chat_type}}}})

    def update(self, kind, chat_id, value, language_code="en", chat_type="private"):
        """One update as JSON text (for the webhook). Telegram always names the chat's type, and the
        bot takes a chat without one for a group, so a button's chat has it too."""
        if kind == "text":
            body = {"message": {"message_id": 1, "date": 0, "chat": {"id": chat_id, "type": chat_type},
                                "from": {"id": chat_id, "is_bot": False, "language_code": language_code}, "text": value}}
        else:
            body = {"callback_query": {"id": "cb", "data": value, "from": {"id": chat_id, "language_code": language_code},
                                       "message": {"message_id": 1, "date": 0, "chat": {"id": chat_id, "type": chat_type}}}}
        with self.lock:
            body["update_id"] = self.next_update_id
            self.next_update_id += 1
        return json.dumps(body)

    def sent(self, chat_id=None, method=None):
        with self.lock:
            return [c for c in self.calls if (chat_id is None or c.get("chat_id") == chat_id)
                    and (method is None or c["method"] == method)]

    def wait_for(self, predicate, timeout=20):
        deadline = time.monotonic() + timeout
        with self.lock:
            while not predicate(self.calls):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.lock.wait(left)
        return True

    def pending(self):
        with self.lock:
            return len(self.updates)

    # ---- the server side ----
    def _push(self, update):
        with self.lock:
            update["update_id"] = self.next_update_id
            self.next_update_id += 1
            self.updates.append(update)
            self.lock.notify_all()

    def handle(self, request):
        length = int(request.headers.get("Content-Length", "0"))
        raw = request.rfile.read(length)
        path = request.path
        prefix = "/bot%s/" % self.token
        if not path.startswith(prefix):
            return self._answer(request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = path[len(prefix):]
        params = self._params(request.headers.get("Content-Type", ""), raw)
        if method in ("getMe", "setMyCommands", "getWebhookInfo", "deleteWebhook"):
            with self.lock:
                self.setup_calls.append(method)
                if method == "setMyCommands":
                    self.menus[params.get("language_code", "")] = params.get("commands")
                if method == "deleteWebhook":
                    self.webhook_url = ""
                url = self.webhook_url
            if method == "getMe":
                return self._answer(request, 200, {"ok": True, "result": {"id": 123456, "is_bot": True, "first_name": "boravak",
                                                                         "username": "boravak_test_bot"}})
            if method == "getWebhookInfo":
                return self._answer(request, 200, {"ok": True, "result": {"url": url, "pending_update_count": 0}})
            return self._answer(request, 200, {"ok": True, "result": True})
        if method == "getUpdates":
            with self.lock:
                self.polls += 1
                blocked = bool(self.webhook_url)
            if blocked:
                return self._answer(request, 409, {"ok": False, "error_code": 409, "description":
                                                   "Conflict: can't use getUpdates method while webhook is active; "
                                                   "use deleteWebhook to delete the webhook first"})
            return self._answer(request, 200, {"ok": True, "result": self._take(params)})
        if method == "editMessageReplyMarkup":
            with self.lock:
                edit = {"method": method, "time": time.monotonic()}
                edit.update(params)
                if "chat_id" in edit:
                    edit["chat_id"] = int(edit["chat_id"])
                self.edits.append(edit)
                self.lock.notify_all()
            return self._answer(request, 200, {"ok": True, "result": True})
        if method in ("sendMessage", "sendDocument", "sendPhoto", "answerCallbackQuery"):
            if self.delay:
                time.sleep(self.delay)
            with self.lock:
                if self.rate_limit_next > 0 and method != "answerCallbackQuery":
                    self.rate_limit_next -= 1
                    self.refused.append((method, time.monotonic()))
                    limited = True
                else:
                    limited = False
                    call = {"method": method, "time": time.monotonic()}
                    call.update(params)
                    if "chat_id" in call:
                        call["chat_id"] = int(call["chat_id"])
                    self.calls.append(call)
                    message_id = len(self.calls)  # unique: the list only grows
                    if method != "answerCallbackQuery":
                        call["message_id"] = message_id
                    self.lock.notify_all()
            if limited:
                return self._answer(request, 429, {"ok": False, "error_code": 429, "description": "Too Many Requests",
                                                   "parameters": {"retry_after": self.retry_after}})
            if method == "answerCallbackQuery":
                return self._answer(request, 200, {"ok": True, "result": True})
            return self._answer(request, 200, {"ok": True, "result": {"message_id": message_id,
                                                                     "chat": {"id": call.get("chat_id")}}})
        return self._answer(request, 404, {"ok": False, "error_code": 404, "description": "Not Found"})

    def _take(self, params):
        timeout = float(params.get("timeout", 0))
        offset = int(params.get("offset", 0))
        deadline = time.monotonic() + timeout
        with self.lock:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and time.monotonic() < deadline:
                self.lock.wait(deadline - time.monotonic())
            batch = self.updates[:100]
            return batch

    @staticmethod
    def _params(content_type, raw):
        if content_type.startswith("application/json"):
            return json.loads(raw or b"{}")
        if content_type.startswith("multipart/form-data"):
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
            params = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                filename = part.get_filename()
                payload = part.get_payload(decode=True)
                if filename:
                    params["file_name"] = filename
                    params["file_bytes"] = payload
                    params["file_field"] = name
                else:
                    params[name] = payload.decode("utf-8")
            return params
        return {}

    @staticmethod
    def _answer(request, status, body):
        data = json.dumps(body).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)
