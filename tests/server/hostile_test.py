#!/usr/bin/env python3
"""`boravak serve` against hostile clients (issue 12), each as a named test:

- request smuggling: any Transfer-Encoding but a lone "chunked" is 400 and the connection closes,
  so a body is never read as the next request;
- a 2 MB batch sent with Content-Length is answered in full; a 10 MB body on a small route is 413
  with the route's limit in the message;
- invalid UTF-8 in a path still gives valid JSON; a malformed %-escape is 400 naming the parameter;
- a body with no Content-Type, or a form's type, is 415; routes without a body take an empty one;
- the database folder is 0700 and its files 0600 under umask 022;
- the webhook path is rate-limited when no webhook is set;
- a client that stalls after part of its head gets 408;
- 300 trickling batch clients against a server with 256 file descriptors: /v1/health still
  answers and the server does not spin (its CPU time stays low);
- /v1/metrics counts what happened.

    tests/server/hostile_test.py BINARY
"""
import json
import os
import resource
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, binary_from_argv, call, free_port, parse_raw_answer, raw_exchange  # noqa: E402

BINARY = None
TMP = None
MAIN = None

CASE = {"id": "x", "on": "2026-12-06", "citizenship": "RU", "stays": [{"entry": "2026-11-20", "exit": None}]}


def case_line(i):
    return json.dumps(dict(CASE, id="c%d" % i)).encode() + b"\n"


def head_of(port, method, path, headers, body=b""):
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: 127.0.0.1"] + ["%s: %s" % kv for kv in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class Framing(unittest.TestCase):
    def test_a_transfer_encoding_other_than_chunked_is_refused_and_the_connection_closed(self):
        smuggled = b"GET /v1/metrics HTTP/1.1\r\nHost: x\r\n\r\n"
        for coding in ("xchunked", "identity", "gzip", "chunked, identity", "gzip, chunked"):
            with self.subTest(coding=coding):
                data = head_of(MAIN.port, "POST", "/v1/stay/check",
                               [("Content-Type", "application/json"), ("Transfer-Encoding", coding)], smuggled)
                answer = raw_exchange(MAIN.port, data)
                status, headers, _ = parse_raw_answer(answer)
                self.assertEqual(status, 400, answer[:300])
                self.assertEqual(headers.get("connection", "").lower(), "close")
                # Only one answer: the body was not read as a request.
                self.assertEqual(answer.count(b"HTTP/1.1 "), 1, answer[:600])

    def test_transfer_encoding_with_content_length_is_refused(self):
        data = head_of(MAIN.port, "POST", "/v1/stay/check",
                       [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked"), ("Content-Length", "5")],
                       b"0\r\n\r\n")
        self.assertEqual(parse_raw_answer(raw_exchange(MAIN.port, data))[0], 400)

    def test_a_2_mb_batch_with_content_length_is_answered_in_full(self):
        lines = [case_line(i) for i in range(20000)]
        body = b"".join(lines)
        self.assertGreater(len(body), 2_000_000)
        r = call(MAIN.port, "POST", "/v1/stay/batch", body=body, content_type="application/x-ndjson", timeout=120)
        self.assertEqual(r.status, 200, r.body[:300])
        answers = r.body.decode().splitlines()
        self.assertEqual(len(answers), len(lines))
        self.assertEqual(json.loads(answers[-1])["id"], "c19999")

    def test_a_10_mb_body_on_a_small_route_is_413_with_the_limit(self):
        data = head_of(MAIN.port, "POST", "/v1/stay/check",
                       [("Content-Type", "application/json"), ("Content-Length", str(10 * 1024 * 1024))], b"{")
        status, _, body = parse_raw_answer(raw_exchange(MAIN.port, data))
        self.assertEqual(status, 413)
        error = json.loads(body)["error"]
        self.assertEqual(error["code"], "body_too_large")
        self.assertIn("64", error["message"])

    def test_a_chunked_body_over_the_limit_is_413(self):
        chunk = b"a" * 65536
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(3)) + b"0\r\n\r\n"
        data = head_of(MAIN.port, "POST", "/v1/stay/check",
                       [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")], body)
        self.assertEqual(parse_raw_answer(raw_exchange(MAIN.port, data))[0], 413)


class Encoding(unittest.TestCase):
    def test_invalid_utf8_in_a_path_gives_valid_json(self):
        for path in ("/v1/guides/%ff%fe", "/v1/guides/\xff\xfe", "/v1/rules/\xc3\x28", "/v1/nothing/\xff"):
            with self.subTest(path=path):
                data = ("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % path).encode("latin-1")
                status, _, body = parse_raw_answer(raw_exchange(MAIN.port, data))
                self.assertIn(status, (400, 404), body[:200])
                json.loads(body.decode("utf-8"))  # strict: raises on invalid UTF-8 or JSON

    def test_invalid_utf8_in_a_query_gives_valid_json(self):
        r = call(MAIN.port, "GET", "/v1/guides?q=%ff%fe%c3")
        self.assertEqual(r.status, 200)
        json.loads(r.body.decode("utf-8"))

    def test_a_malformed_escape_is_400_naming_the_parameter(self):
        for query, name in (("on=2026-11-0%", "on"), ("lang=en&on=%zz", "on"), ("q=%4", "q")):
            with self.subTest(query=query):
                r = call(MAIN.port, "GET", "/v1/fees?" + query)
                self.assertEqual(r.status, 400, r.body)
                self.assertEqual(json.loads(r.body)["error"]["path"], name)


class MediaType(unittest.TestCase):
    def test_a_body_without_content_type_is_415(self):
        data = head_of(MAIN.port, "POST", "/v1/stay/check", [("Content-Length", "2"), ("Connection", "close")], b"{}")
        self.assertEqual(parse_raw_answer(raw_exchange(MAIN.port, data))[0], 415)

    def test_a_form_or_text_is_415_even_with_json_inside_its_name(self):
        for kind in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                     "text/plain; a=application/json", "application/jsonp"):
            with self.subTest(kind=kind):
                r = call(MAIN.port, "POST", "/v1/profiles", body=b"{}", content_type=kind)
                self.assertEqual(r.status, 415, r.body)

    def test_json_with_parameters_and_any_case_is_taken(self):
        r = call(MAIN.port, "POST", "/v1/stay/check", body=json.dumps(CASE).encode(),
                 content_type="Application/JSON; charset=UTF-8")
        self.assertEqual(r.status, 200, r.body)

    def test_a_route_without_body_takes_an_empty_one(self):
        r = call(MAIN.port, "POST", "/v1/profiles", body=b"", content_type=None)
        self.assertEqual(r.status, 201, r.body)


class PrivateFiles(unittest.TestCase):
    def test_the_database_folder_is_0700_and_its_files_0600(self):
        folder = os.path.join(TMP, "private", "data")
        old = os.umask(0o022)
        try:
            server = Server(BINARY, "sqlite:" + os.path.join(folder, "db.sqlite"), name="private", workdir=TMP).start()
            call(server.port, "POST", "/v1/profiles", body={})
            server.stop()
        finally:
            os.umask(old)
        self.assertEqual(stat.S_IMODE(os.stat(folder).st_mode), 0o700)
        names = [n for n in os.listdir(folder) if n.startswith("db.sqlite")]
        self.assertIn("db.sqlite", names)
        for name in names:
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode), 0o600, name)


class Limits(unittest.TestCase):
    def test_the_webhook_path_is_rate_limited_when_no_webhook_is_set(self):
        server = Server(BINARY, "sqlite:" + os.path.join(TMP, "limited.sqlite"), ["--rate-limit", "5"],
                        name="limited", workdir=TMP).start()
        try:
            statuses = [call(server.port, "POST", "/telegram/webhook", body={}).status for _ in range(30)]
        finally:
            server.stop()
        self.assertIn(429, statuses)

    def test_a_client_that_stalls_inside_its_head_gets_408(self):
        server = Server(BINARY, "sqlite:" + os.path.join(TMP, "slow.sqlite"), ["--header-timeout", "1"],
                        name="slow", workdir=TMP).start()
        try:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n")
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            s.close()
        finally:
            server.stop()
        self.assertEqual(parse_raw_answer(data)[0], 408, data[:200])

    def test_300_trickling_batch_clients_with_256_descriptors(self):
        # The server gets 256 file descriptors; 300 clients from 300 loopback addresses each
        # start a batch and send a byte every two seconds. Health must keep answering, and the
        # server must not spin: its CPU time over the run stays a small share of the wall time.
        def limit_descriptors():
            resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

        port = free_port()
        log = open(os.path.join(TMP, "trickle.stderr"), "wb")
        proc = subprocess.Popen([BINARY, "serve", "--listen", "127.0.0.1:%d" % port, "--db",
                                 "sqlite:" + os.path.join(TMP, "trickle.sqlite"), "--rate-limit", "1000"],
                                stdout=log, stderr=log, preexec_fn=limit_descriptors)
        stop = threading.Event()
        sockets = []
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if call(port, "GET", "/v1/health", timeout=2).status == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            for i in range(300):
                source = "127.0.%d.%d" % (1 + i // 250, 1 + i % 250)
                try:
                    s = socket.socket()
                    s.bind((source, 0))
                    s.settimeout(5)
                    s.connect(("127.0.0.1", port))
                    s.sendall(b"POST /v1/stay/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
                              b"Transfer-Encoding: chunked\r\n\r\n")
                    sockets.append(s)
                except OSError:
                    pass

            def trickle():
                while not stop.is_set():
                    for s in list(sockets):
                        try:
                            s.send(b"1\r\n{\r\n")
                        except OSError:
                            pass
                    stop.wait(2)

            t = threading.Thread(target=trickle, daemon=True)
            t.start()
            cpu_before = self.cpu_seconds(proc.pid)
            started = time.monotonic()
            answered = 0
            for _ in range(10):
                time.sleep(1)
                try:
                    if call(port, "GET", "/v1/health", timeout=3).status == 200:
                        answered += 1
                except OSError:
                    pass
            wall = time.monotonic() - started
            cpu = self.cpu_seconds(proc.pid) - cpu_before
            self.assertGreaterEqual(answered, 9, "health answered %d of 10 times" % answered)
            self.assertLess(cpu / wall, 0.5, "the server used %.0f%% of a core" % (100 * cpu / wall))
            self.assertIsNone(proc.poll(), "the server is still running")
        finally:
            stop.set()
            for s in sockets:
                s.close()
            proc.terminate()
            proc.wait(15)
            log.close()

    @staticmethod
    def cpu_seconds(pid):
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Metrics(unittest.TestCase):
    def test_metrics_count_the_refusals(self):
        call(MAIN.port, "GET", "/v1/profile", secret="not-a-secret")
        text = call(MAIN.port, "GET", "/v1/metrics").body.decode()
        line = [l for l in text.splitlines() if 'event="failed_authentication"' in l]
        self.assertTrue(line, text)
        self.assertGreaterEqual(int(line[0].split()[-1]), 1)
        self.assertIn("boravak_open_connections", text)


def main():
    global BINARY, TMP, MAIN
    BINARY, args = binary_from_argv("tests/server/hostile_test.py BINARY")
    TMP = tempfile.mkdtemp(prefix="boravak-hostile-")
    MAIN = Server(BINARY, "sqlite:" + os.path.join(TMP, "main.sqlite"), ["--rate-limit", "100000"], name="main",
                  workdir=TMP).start()
    try:
        program = unittest.main(argv=[sys.argv[0]] + args, exit=False, verbosity=2)
    finally:
        MAIN.stop()
    ok = program.result.wasSuccessful()
    if ok:
        import shutil
        shutil.rmtree(TMP, ignore_errors=True)
    else:
        print("logs kept in %s" % TMP)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
