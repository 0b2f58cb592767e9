#!/usr/bin/env python3
"""Keeps api/openapi.json and the server's router in step.

    tests/server/openapi_sync_test.py BINARY      # BINARY serve --print-routes against the document
    tests/server/openapi_sync_test.py --self-test [BINARY]  # proves the check fails on a doctored route list

The routes come from `BINARY serve --print-routes`: one `METHOD /v1/path/{param}` per line, then
exit 0. The test fails unless the (method, path) pairs under /v1/ are exactly the operations of
api/openapi.json, and reports both differences. It also checks the document itself: every
operation has a unique operationId and a summary, declares its path parameters, every 4xx/5xx
response it documents is JSON with the shared `Error` schema, and the /v1/profile routes (and only
they) require the bearer secret.

Routes outside /v1/ (the web page at `/` and `/static/...`) are not part of the API document;
they are listed and ignored.
"""
import json
import os
import re
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import OPENAPI_PATH  # noqa: E402

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
ROUTE_LINE = re.compile(r"^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (/\S*)$")
ERROR_REF = "#/components/schemas/Error"


def document_routes(doc):
    routes = set()
    for path, item in doc.get("paths", {}).items():
        for method in item:
            if method in METHODS:
                routes.add((method.upper(), path))
    return routes


def parse_routes(text):
    """(set of (METHOD, path), problems)."""
    routes, problems = set(), []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.rstrip()
        if not line:
            continue
        m = ROUTE_LINE.match(line)
        if not m:
            problems.append("--print-routes line %d is not `METHOD /path`: %r" % (n, line))
            continue
        pair = (m.group(1), m.group(2))
        if pair in routes:
            problems.append("--print-routes lists %s %s twice" % pair)
        routes.add(pair)
    return routes, problems


def shape(path):
    """The path with parameter names blanked, to point out routes that differ only in them."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def compare_routes(served, documented):
    problems = []
    api_served = {r for r in served if r[1].startswith("/v1/")}
    missing_in_doc = sorted(api_served - documented)
    missing_in_server = sorted(documented - api_served)
    for method, path in missing_in_doc:
        near = [p for m, p in missing_in_server if m == method and shape(p) == shape(path)]
        hint = " (the document has %s: parameter names differ)" % near[0] if near else ""
        problems.append("served but not in api/openapi.json: %s %s%s" % (method, path, hint))
    for method, path in missing_in_server:
        problems.append("in api/openapi.json but not served: %s %s" % (method, path))
    return problems


def resolve(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError("external reference " + ref)
        target = doc
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def uses_error_schema(doc, schema, depth=0):
    """The schema is the shared Error, or a named schema built on it with allOf."""
    if depth > 10 or not isinstance(schema, dict):
        return False
    if schema.get("$ref") == ERROR_REF:
        return True
    if "$ref" in schema:
        return uses_error_schema(doc, resolve(doc, schema), depth + 1)
    return any(uses_error_schema(doc, sub, depth + 1) for sub in schema.get("allOf", []))


def check_document(doc):
    problems = []
    if not str(doc.get("openapi", "")).startswith("3.0"):
        problems.append("`openapi` is %r, not 3.0.x" % doc.get("openapi"))
    if ERROR_REF.split("/")[-1] not in doc.get("components", {}).get("schemas", {}):
        problems.append("components.schemas.Error is missing")
    schemes = doc.get("components", {}).get("securitySchemes", {})
    bearer = [n for n, s in schemes.items() if s.get("type") == "http" and s.get("scheme", "").lower() == "bearer"]
    if not bearer:
        problems.append("no bearer security scheme in components.securitySchemes")
    seen_ids = {}
    for path, item in sorted(doc.get("paths", {}).items()):
        path_params = set(re.findall(r"\{([^}]+)\}", path))
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            where = "%s %s" % (method.upper(), path)
            op_id = op.get("operationId")
            if not op_id:
                problems.append("%s has no operationId" % where)
            elif op_id in seen_ids:
                problems.append("%s reuses operationId %r of %s" % (where, op_id, seen_ids[op_id]))
            else:
                seen_ids[op_id] = where
            if not op.get("summary"):
                problems.append("%s has no summary" % where)
            declared = set()
            for p in item.get("parameters", []) + op.get("parameters", []):
                p = resolve(doc, p)
                if p.get("in") == "path":
                    declared.add(p.get("name"))
            for name in sorted(path_params - declared):
                problems.append("%s does not declare its path parameter {%s}" % (where, name))
            for name in sorted(declared - path_params):
                problems.append("%s declares path parameter %r that is not in the path" % (where, name))
            responses = op.get("responses", {})
            if not any(code.startswith("2") for code in responses):
                problems.append("%s documents no success response" % where)
            for code, response in sorted(responses.items()):
                if not (code.startswith("4") or code.startswith("5")):
                    continue
                response = resolve(doc, response)
                content = response.get("content", {})
                media = [m for m in content if m.split(";")[0].strip() == "application/json"]
                if not media:
                    problems.append("%s: response %s is not application/json" % (where, code))
                    continue
                if not uses_error_schema(doc, content[media[0]].get("schema")):
                    problems.append("%s: response %s does not use the shared Error schema" % (where, code))
            secured = bool(op.get("security", doc.get("security", [])))
            # A profile's routes, and an agency's (docs/contracts/agency-api.md), take a secret.
            is_profile = (path == "/v1/profile" or path.startswith("/v1/profile/") or path == "/v1/agency"
                          or path.startswith("/v1/agency/"))
            if is_profile and not secured:
                problems.append("%s is a profile route without the bearer security requirement" % where)
            if is_profile and "401" not in responses:
                problems.append("%s is a profile route that does not document 401" % where)
            if secured and not is_profile:
                problems.append("%s requires a secret but is not a /v1/profile route" % where)
            for requirement in op.get("security", []):
                for name in requirement:
                    if name not in schemes:
                        problems.append("%s uses undefined security scheme %r" % (where, name))
    return problems


def served_routes(binary):
    try:
        run = subprocess.run([binary, "serve", "--print-routes"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, ["`%s serve --print-routes` did not run: %s" % (binary, e)]
    if run.returncode != 0:
        return None, ["`%s serve --print-routes` exited with %d; stderr: %s" %
                      (binary, run.returncode, run.stderr.strip()[:2000])]
    routes, problems = parse_routes(run.stdout)
    if not routes:
        problems.append("`serve --print-routes` printed no routes; stdout: %r" % run.stdout[:500])
    return routes, problems


def run_check(binary, openapi_path):
    with open(openapi_path, encoding="utf-8") as f:
        doc = json.load(f)
    problems = check_document(doc)
    routes, route_problems = served_routes(binary)
    problems += route_problems
    if routes is not None:
        outside = sorted(r for r in routes if not r[1].startswith("/v1/"))
        for method, path in outside:
            print("note: %s %s is outside /v1/ and not part of the API document; ignored" % (method, path))
        problems += compare_routes(routes, document_routes(doc))
        print("%d routes served under /v1/, %d operations documented" %
              (len([r for r in routes if r[1].startswith("/v1/")]), len(document_routes(doc))))
    return problems


def self_test():
    """Runs this script against fake binaries that print doctored route lists, and the document
    checks against doctored documents; every doctored input must be caught."""
    with open(OPENAPI_PATH, encoding="utf-8") as f:
        doc = json.load(f)
    routes = sorted(document_routes(doc))
    failures = []
    tmp = tempfile.mkdtemp(prefix="openapi-sync-selftest-")

    def fake_binary(name, lines, status=0):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n")
            f.write('[ "$1" = serve ] && [ "$2" = --print-routes ] || { echo "unexpected: $*" >&2; exit 64; }\n')
            f.write("cat <<'EOF'\n%s\nEOF\nexit %d\n" % ("\n".join(lines), status))
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
        return path

    def run_script(binary, openapi=OPENAPI_PATH):
        return subprocess.run([sys.executable, os.path.abspath(__file__), "--openapi", openapi, binary],
                              capture_output=True, text=True, timeout=60)

    def expect(label, run, code_ok, must_mention=()):
        ok = (run.returncode == 0) == code_ok and all(m in run.stdout + run.stderr for m in must_mention)
        print("self-test %-45s %s" % (label, "ok" if ok else "WRONG"))
        if not ok:
            failures.append("%s: exit %d, output:\n%s%s" % (label, run.returncode, run.stdout, run.stderr))

    lines = ["%s %s" % r for r in routes]
    expect("exact route list passes", run_script(fake_binary("exact", lines + ["GET /"])), True)
    missing = routes[len(routes) // 2]
    expect("a missing route fails and is named",
           run_script(fake_binary("missing", [l for l in lines if l != "%s %s" % missing])), False,
           ["in api/openapi.json but not served: %s %s" % missing])
    expect("an undocumented route fails and is named",
           run_script(fake_binary("extra", lines + ["POST /v1/secret/door"])), False,
           ["served but not in api/openapi.json: POST /v1/secret/door"])
    renamed = [l.replace("{collection}", "{kind}") for l in lines]
    expect("a renamed parameter fails", run_script(fake_binary("renamed", renamed)), False, ["parameter names differ"])
    expect("a non-zero exit fails", run_script(fake_binary("status", lines, status=3)), False, ["exited with 3"])
    expect("a malformed line fails", run_script(fake_binary("garbage", lines + ["get /v1/health"])), False,
           ["is not `METHOD /path`"])

    # Doctored documents.
    def doctored(label, change, must_mention):
        d = json.loads(json.dumps(doc))
        change(d)
        path = os.path.join(tmp, label.replace(" ", "_") + ".json")
        with open(path, "w") as f:
            json.dump(d, f)
        expect(label, run_script(fake_binary("exact2", lines), path), False, [must_mention])

    doctored("no operationId", lambda d: d["paths"]["/v1/health"]["get"].pop("operationId"),
             "GET /v1/health has no operationId")

    def plain_error(d):
        d["paths"]["/v1/stay/report"]["post"]["responses"]["422"] = {
            "description": "x", "content": {"application/json": {"schema": {"type": "object"}}}}
    doctored("error without the shared schema", plain_error,
             "POST /v1/stay/report: response 422 does not use the shared Error schema")

    def unsecured(d):
        d["paths"]["/v1/profile"]["get"].pop("security")
    doctored("profile route without security", unsecured, "GET /v1/profile is a profile route without")

    def shared_error_broken(d):
        d["components"]["responses"]["TooManyRequests"]["content"]["application/json"]["schema"] = {"type": "string"}
    doctored("shared 429 response broken", shared_error_broken, "response 429 does not use the shared Error schema")

    if failures:
        print("\n".join(failures), file=sys.stderr)
        print("FAIL: the self-test found %d problem(s)" % len(failures), file=sys.stderr)
        return 1
    print("PASS: the self-test caught every doctored input")
    return 0


def main(argv):
    openapi = OPENAPI_PATH
    args = list(argv)
    if "--openapi" in args:
        i = args.index("--openapi")
        openapi = args[i + 1]
        del args[i:i + 2]
    if args and args[0] == "--self-test" and len(args) <= 2:
        return self_test()  # a BINARY after it (as ctest passes it) is not needed
    if len(args) != 1 or args[0].startswith("-"):
        print("usage: openapi_sync_test.py [--openapi FILE] BINARY | --self-test [BINARY]", file=sys.stderr)
        return 2
    problems = run_check(os.path.abspath(args[0]), openapi)
    if problems:
        for p in problems:
            print("  - " + p, file=sys.stderr)
        print("FAIL: api/openapi.json and the router disagree (%d problem(s))" % len(problems), file=sys.stderr)
        return 1
    print("PASS: api/openapi.json and `serve --print-routes` list the same routes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
