"""Helpers shared by the tests of `boravak serve` (Python 3 standard library only).

- Server: starts `boravak serve` on a free port, waits until it says it is listening and
  answers GET /v1/health, and stops or kills it.
- call(): one HTTP request with http.client; the answer with status, headers, body and JSON.
- SchemaChecker: checks a JSON value against a schema of api/openapi.json (the subset of
  OpenAPI 3.0 schemas the document uses: $ref, allOf, oneOf, anyOf, type, nullable, enum,
  required, properties, additionalProperties, items, minimum, minLength, maxLength, pattern,
  format date).
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OPENAPI_PATH = os.path.join(REPO, "api", "openapi.json")
RULES_DIR = os.path.join(REPO, "rules")


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def binary_from_argv(usage):
    """The first argument that is not an option; the remaining arguments go to unittest."""
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        print(usage, file=sys.stderr)
        sys.exit(2)
    binary = os.path.abspath(args[0])
    if not os.access(binary, os.X_OK):
        fail("%s is not an executable file" % binary)
    return binary, args[1:]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment():
    env = dict(os.environ)
    env.setdefault("BORAVAK_RULES", RULES_DIR)
    return env


class Server:
    """One `boravak serve` process. Its stdout and stderr go to files, so the logs can be read."""

    def __init__(self, binary, db, extra=(), port=None, name="server", workdir=None):
        self.binary = binary
        self.db = db
        self.extra = list(extra)
        self.port = port or free_port()
        self.name = name
        self.workdir = workdir or tempfile.mkdtemp(prefix="boravak-%s-" % name)
        self.stderr_path = os.path.join(self.workdir, "%s.stderr" % name)
        self.stdout_path = os.path.join(self.workdir, "%s.stdout" % name)
        self.proc = None
        self.starts = 0

    def command(self):
        return [self.binary, "serve", "--listen", "127.0.0.1:%d" % self.port, "--db", self.db] + self.extra

    def start(self, timeout=60):
        self.starts += 1
        # Append, so that a restart keeps the earlier log for inspection.
        err = open(self.stderr_path, "ab")
        out = open(self.stdout_path, "ab")
        start_offset = err.tell()
        self.proc = subprocess.Popen(self.command(), stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                     env=environment(), cwd=self.workdir)
        err.close()
        out.close()
        wanted = "listening on http://127.0.0.1:%d" % self.port
        wanted_re = re.compile(re.escape(wanted) + r"(?![0-9])")
        deadline = time.monotonic() + timeout
        said_listening = False
        last_problem = "no answer yet"
        while time.monotonic() < deadline:
            code = self.proc.poll()
            if code is not None:
                raise RuntimeError("%s exited with status %s before it was ready: %s\nstderr:\n%s" %
                                   (self.name, code, " ".join(self.command()), self.log()[-4000:]))
            if not said_listening:
                with open(self.stderr_path, "rb") as f:
                    f.seek(start_offset)
                    said_listening = wanted_re.search(f.read().decode("utf-8", "replace")) is not None
            if said_listening:
                try:
                    r = call(self.port, "GET", "/v1/health", timeout=5)
                    if r.status == 200:
                        return self
                    last_problem = "GET /v1/health answered %d %r" % (r.status, r.body[:200])
                except OSError as e:
                    last_problem = "GET /v1/health: %s" % e
            time.sleep(0.05)
        self.kill()
        raise RuntimeError("%s was not ready within %ds (said %r: %s; %s)\nstderr:\n%s" %
                           (self.name, timeout, wanted, "yes" if said_listening else "no", last_problem,
                            self.log()[-4000:]))

    def stop(self, timeout=15):
        """SIGTERM, then SIGKILL if it does not exit in time. Returns the exit status."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def log(self):
        text = ""
        for path in (self.stderr_path, self.stdout_path):
            if os.path.exists(path):
                with open(path, "rb") as f:
                    text += f.read().decode("utf-8", "replace")
        return text


class Answer:
    def __init__(self, status, reason, headers, body):
        self.status = status
        self.reason = reason
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        name = name.lower()
        values = [v for k, v in self.headers if k.lower() == name]
        return ", ".join(values) if values else None

    def media_type(self):
        ct = self.header("Content-Type") or ""
        return ct.split(";")[0].strip().lower()

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def text(self):
        return self.body.decode("utf-8")

    def describe(self):
        return "%d %s, Content-Type %r, body %r" % (self.status, self.reason, self.header("Content-Type"),
                                                   self.body[:300])


def call(port, method, path, body=None, headers=None, secret=None, timeout=30, content_type=None):
    """One request on a fresh connection. `body` may be bytes, str, or a JSON value (dict/list)."""
    hdrs = {}
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode("utf-8")
        hdrs["Content-Type"] = "application/json"
    elif isinstance(body, str):
        body = body.encode("utf-8")
        hdrs["Content-Type"] = "application/json"
    if content_type:
        hdrs["Content-Type"] = content_type
    if secret is not None:
        hdrs["Authorization"] = "Bearer " + secret
    if headers:
        hdrs.update(headers)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=hdrs)
        r = conn.getresponse()
        data = r.read()
        return Answer(r.status, r.reason, r.getheaders(), data)
    finally:
        conn.close()


def raw_exchange(port, data, timeout=10):
    """Sends bytes as they are and reads until the server closes. Returns the bytes read (errors
    while sending are ignored: a server may answer 413 and close before reading everything)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        try:
            s.sendall(data)
        except OSError:
            pass
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        s.close()


def parse_raw_answer(data):
    """(status, headers dict with lower-case names, body bytes) of a raw HTTP/1.1 answer."""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("iso-8859-1").split("\r\n")
    m = re.match(r"HTTP/1\.[01] (\d{3})", lines[0]) if lines else None
    if not m:
        return None, {}, data
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        out, rest = b"", body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0] or b"0", 16)
            if size == 0:
                break
            out, rest = out + rest[:size], rest[size + 2:]
        body = out
    return int(m.group(1)), headers, body


def load_openapi():
    with open(OPENAPI_PATH, encoding="utf-8") as f:
        return json.load(f)


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class SchemaChecker:
    def __init__(self, doc):
        self.doc = doc

    def resolve(self, schema):
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema:
            ref = schema["$ref"]
            assert ref.startswith("#/"), ref
            node = self.doc
            for part in ref[2:].split("/"):
                node = node[part]
            schema = node
            seen += 1
            assert seen < 50, "reference loop at " + ref
        return schema

    def schema_for(self, path, method, status, media="application/json"):
        op = self.doc["paths"][path][method.lower()]
        resp = self.resolve(op["responses"][str(status)])
        return resp["content"][media]["schema"]

    def check(self, value, schema, where="$"):
        """A list of problems (empty when the value fits)."""
        schema = self.resolve(schema)
        problems = []
        if value is None:
            if schema.get("nullable") or schema == {} or ("type" not in schema and not any(
                    k in schema for k in ("allOf", "oneOf", "anyOf", "properties", "enum"))):
                return []
            return ["%s: null where the schema does not allow it" % where]
        for sub in schema.get("allOf", []):
            problems += self.check(value, sub, where)
        if "oneOf" in schema:
            matches = [sub for sub in schema["oneOf"] if not self.check(value, sub, where)]
            if len(matches) != 1:
                detail = ""
                if not matches:
                    detail = "; " + " | ".join("; ".join(self.check(value, sub, where)[:2])
                                               for sub in schema["oneOf"])
                problems.append("%s: matches %d of the oneOf alternatives, not exactly one%s" %
                                (where, len(matches), detail))
        if "anyOf" in schema:
            if not any(not self.check(value, sub, where) for sub in schema["anyOf"]):
                problems.append("%s: matches none of the anyOf alternatives" % where)
        t = schema.get("type")
        kinds = {"object": dict, "array": list, "string": str, "boolean": bool}
        if t in kinds and not isinstance(value, kinds[t]):
            return problems + ["%s: expected %s, got %s %r" % (where, t, type(value).__name__, value)]
        if t == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
            return problems + ["%s: expected integer, got %r" % (where, value)]
        if t == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
            return problems + ["%s: expected number, got %r" % (where, value)]
        if "enum" in schema and value not in schema["enum"]:
            problems.append("%s: %r is not one of %r" % (where, value, schema["enum"]))
        if isinstance(value, str):
            if "pattern" in schema and not re.search(schema["pattern"], value):
                problems.append("%s: %r does not match %s" % (where, value, schema["pattern"]))
            if schema.get("format") == "date" and not DATE_RE.match(value):
                problems.append("%s: %r is not YYYY-MM-DD" % (where, value))
            if "minLength" in schema and len(value) < schema["minLength"]:
                problems.append("%s: shorter than %d" % (where, schema["minLength"]))
            if "maxLength" in schema and len(value) > schema["maxLength"]:
                problems.append("%s: longer than %d" % (where, schema["maxLength"]))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                problems.append("%s: %r is below %r" % (where, value, schema["minimum"]))
        if isinstance(value, dict):
            props = schema.get("properties", {})
            for key in schema.get("required", []):
                if key not in value:
                    problems.append("%s: missing required field %r" % (where, key))
            for key, v in value.items():
                if key in props:
                    problems += self.check(v, props[key], "%s.%s" % (where, key))
                else:
                    extra = schema.get("additionalProperties", True)
                    if extra is False and ("properties" in schema):
                        problems.append("%s: field %r is not in the schema" % (where, key))
                    elif isinstance(extra, dict):
                        problems += self.check(v, extra, "%s.%s" % (where, key))
        if isinstance(value, list) and "items" in schema:
            for n, v in enumerate(value):
                problems += self.check(v, schema["items"], "%s[%d]" % (where, n))
        return problems
