#!/usr/bin/env python3
"""The layering checker must fail: a made-up tree where the bot includes the server's headers,
one where the core includes the application, and one clean tree that must pass.

Usage: check_catches_violations.py CHECK_INCLUDES_PY
"""
import pathlib
import subprocess
import sys
import tempfile

CASES = [
    ("the bot includes the server", {"bot/dialog.cc": '#include "server/router.h"\n', "server/router.h": ""}, 1),
    ("the server includes the bot by a relative path", {"server/x.cc": '#include "../bot/dialog.h"\n', "bot/dialog.h": ""}, 1),
    ("the core includes the application", {"core/a.cc": '#include "app/stay_check.h"\n', "app/stay_check.h": ""}, 1),
    ("the app includes the CLI", {"app/a.cc": '#include "cli/papers.h"\n', "cli/papers.h": ""}, 1),
    ("the composition root knows every adapter",
     {"cli/main.cc": '#include "bot/bot_command.h"\n#include "server/serve_command.h"\n', "bot/bot_command.h": "", "server/serve_command.h": ""}, 0),
    ("adapters include the app and their own headers", {"bot/a.cc": '#include "app/x.h"\n#include "dialog.h"\n', "bot/dialog.h": "", "app/x.h": ""}, 0),
]


def main() -> int:
    checker = sys.argv[1]
    failed = 0
    for name, files, expected in CASES:
        with tempfile.TemporaryDirectory() as root:
            src = pathlib.Path(root) / "src"
            for rel, text in files.items():
                path = src / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            got = subprocess.run([sys.executable, checker, str(src)], capture_output=True, text=True).returncode
            if got != expected:
                print(f"FAIL: {name}: exit {got}, expected {expected}")
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
