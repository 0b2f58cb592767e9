#!/usr/bin/env python3
"""`boravak serve` stops gracefully on SIGTERM.

    tests/server/shutdown_test.py BINARY

A batch request in flight when the signal arrives is answered to its last line; an idle
keep-alive connection is closed at once; the process exits with status 0 within seconds, and
the store opens again cleanly afterwards.
"""
import os
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, binary_from_argv, call  # noqa: E402

CASE = b'{"id":"s%d","citizenship":"RU","stays":[{"entry":"2026-10-20"}],"on":"2026-11-10"}\n'


def main():
    binary, _ = binary_from_argv(__doc__)
    folder = tempfile.mkdtemp(prefix="boravak-shutdown-")
    server = Server(binary, "sqlite:%s/db.sqlite" % folder, name="shutdown").start()

    idle = socket.create_connection(("127.0.0.1", server.port))
    idle.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
    idle.recv(4096)  # answered; the connection now waits, idle, for another request

    # A batch that is still sending its body when SIGTERM arrives.
    lines = 2000
    busy = socket.create_connection(("127.0.0.1", server.port))
    busy.sendall(b"POST /v1/stay/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\n")
    answer = bytearray()

    def read_all():
        busy.settimeout(20)
        while True:
            data = busy.recv(65536)
            if not data:
                return
            answer.extend(data)
            if answer.endswith(b"0\r\n\r\n"):
                return

    reader = threading.Thread(target=read_all)
    reader.start()
    first = b"".join(CASE % i for i in range(lines // 2))
    busy.sendall(b"%x\r\n%s\r\n" % (len(first), first))
    time.sleep(0.2)
    started = time.monotonic()
    server.proc.send_signal(15)
    time.sleep(0.2)
    second = b"".join(CASE % i for i in range(lines // 2, lines))
    busy.sendall(b"%x\r\n%s\r\n0\r\n\r\n" % (len(second), second))
    reader.join(20)
    status = server.proc.wait(15)
    took = time.monotonic() - started

    problems = []
    if status != 0:
        problems.append("exit status %s, not 0" % status)
    if took > 10:
        problems.append("took %.1f s to stop" % took)
    answered = answer.count(b'"ok":true')
    if answered != lines:
        problems.append("the batch in flight got %d of %d answers" % (answered, lines))
    idle.settimeout(2)
    try:
        if idle.recv(1) != b"":
            problems.append("the idle connection got bytes instead of a close")
    except socket.timeout:
        problems.append("the idle connection was left open")
    if "stopped" not in server.log():
        problems.append("the log does not say it stopped")

    again = Server(binary, "sqlite:%s/db.sqlite" % folder, name="shutdown-again").start()
    if call(again.port, "GET", "/v1/health").status != 200:
        problems.append("the store did not open again")
    again.stop()

    if problems:
        print("FAIL: " + "; ".join(problems) + "\n" + server.log()[-3000:])
        return 1
    print("PASS: stopped in %.2f s with status 0; the batch in flight got all %d answers" % (took, lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
