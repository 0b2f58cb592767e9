#!/usr/bin/env python3
"""Compare an engine's batch answers with the reference oracle, line by line.

    python3 tests/oracle/compare.py --cases FILE [--cmd "build/boravak batch"]

The command reads FILE on stdin and must write one JSON result per input line. Each result is
compared field by field with reference.py's answer; `message` texts are not compared (an error
line must still carry a non-empty message). Cases the oracle skips (citizenship without regime)
are not counted. The first 10 mismatches are printed with the input case and both answers;
the last line is exactly "N passed, M failed". Exit status: 0 when nothing failed, 1 when
something did, 2 when the command could not be run.
"""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

SHOW = 10


def strip_message(result):
    """A copy of a result without error.message, and a note when the message is missing."""
    if not isinstance(result, dict):
        return result, None
    out = json.loads(json.dumps(result))
    note = None
    err = out.get("error")
    if isinstance(err, dict):
        msg = err.pop("message", None)
        if not isinstance(msg, str) or not msg.strip():
            note = "error.message is missing or empty"
    return out, note


def differences(expected, actual, path=""):
    """Field paths where two JSON values differ (bool and int are different types)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        diffs = []
        for key in expected:
            sub = f"{path}.{key}" if path else key
            if key not in actual:
                diffs.append(f"{sub}: missing")
            else:
                diffs += differences(expected[key], actual[key], sub)
        for key in actual:
            if key not in expected:
                diffs.append(f"{path + '.' if path else ''}{key}: unexpected field")
        return diffs
    if type(expected) is not type(actual) or expected != actual:
        return [f"{path or '(line)'}: expected {json.dumps(expected)}, got {json.dumps(actual)}"]
    return []


def run_command(cmd, cases_path, timeout):
    argv = shlex.split(cmd)
    if not argv:
        sys.exit("compare.py: --cmd is empty")
    exe = argv[0]
    found = shutil.which(exe) if os.sep not in exe else (exe if os.path.isfile(exe) else None)
    if not found:
        print(f"compare.py: cannot run {exe!r}: no such program (build it first, or pass "
              f"--cmd)", file=sys.stderr)
        sys.exit(2)
    if not os.access(found, os.X_OK):
        print(f"compare.py: {found!r} is not executable", file=sys.stderr)
        sys.exit(2)
    with open(cases_path, "rb") as stdin:
        try:
            proc = subprocess.run(argv, stdin=stdin, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            print(f"compare.py: {cmd!r} did not finish within {timeout} s", file=sys.stderr)
            sys.exit(2)
        except OSError as exc:
            print(f"compare.py: cannot run {cmd!r}: {exc}", file=sys.stderr)
            sys.exit(2)
    if proc.returncode != 0:
        print(f"compare.py: note: {cmd!r} exited with status {proc.returncode}; "
              f"stderr: {proc.stderr.decode('utf-8', 'replace')[:500]}", file=sys.stderr)
    return proc.stdout


def main():
    ap = argparse.ArgumentParser(description="Compare an engine with the reference oracle.")
    ap.add_argument("--cases", required=True, help="JSON Lines file of cases")
    ap.add_argument("--cmd", default="build/boravak batch",
                    help='engine command reading stdin (default: "build/boravak batch")')
    ap.add_argument("--timeout", type=float, default=600, help="seconds for the command")
    ap.add_argument("--rules", help="rules/ folder: also compare cases that give a citizenship")
    args = ap.parse_args()
    if args.rules:
        reference.RULES = reference.Rules(args.rules)

    try:
        with open(args.cases, "rb") as f:
            lines = reference.read_lines(f)
    except OSError as exc:
        print(f"compare.py: cannot read {args.cases}: {exc}", file=sys.stderr)
        sys.exit(2)

    raw = run_command(args.cmd, args.cases, args.timeout)
    out_lines = raw.decode("utf-8", "replace").split("\n")
    if out_lines and out_lines[-1] == "":
        out_lines.pop()

    passed = failed = 0
    shown = 0
    for i, line in enumerate(lines):
        expected = reference.evaluate_line(line)
        if expected.get("skip"):
            continue
        problems = []
        actual_text = out_lines[i] if i < len(out_lines) else None
        actual = None
        if actual_text is None:
            problems.append("no result line")
        else:
            try:
                actual = json.loads(actual_text)
            except ValueError:
                problems.append("result line is not JSON")
        if actual is not None:
            exp, _ = strip_message(expected)
            act, note = strip_message(actual)
            problems += differences(exp, act)
            if note and isinstance(act, dict) and act.get("ok") is False:
                problems.append(note)
        if problems:
            failed += 1
            if shown < SHOW:
                shown += 1
                print(f"--- mismatch at line {i + 1}")
                print(f"case:     {line}")
                print(f"expected: {json.dumps(expected, ensure_ascii=False)}")
                print(f"actual:   {actual_text}")
                for p in problems:
                    print(f"  {p}")
        else:
            passed += 1
    if len(out_lines) > len(lines):
        print(f"--- the command wrote {len(out_lines)} lines for {len(lines)} cases")
        failed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
