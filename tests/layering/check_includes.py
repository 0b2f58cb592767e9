#!/usr/bin/env python3
"""The layering rule, checked on the sources: core <- (data layers) <- app <- render <- adapters.

An adapter (cli, server, bot, and web: the page's WebAssembly) never includes another adapter's headers; src/cli/main.cc, the
composition root, is the one file allowed to know them all. No layer below the adapters
includes an adapter, and the core includes nothing but the core and the standard library.
Prints each violation as file:line and exits 1 when there is one.

Usage: check_includes.py SRC_DIR
"""
import pathlib
import re
import sys

ADAPTERS = {"cli", "server", "bot", "web"}
# What each shared layer may include, besides the core's public headers and itself.
BELOW = {
    "core": set(),
    "rules_loader": set(),
    "io": {"i18n", "rules_loader"},
    "i18n": set(),
    "content": {"i18n", "rules_loader"},
    "store": set(),
    "app": {"io", "i18n", "rules_loader", "content", "store"},
    "render": {"app", "io", "i18n", "rules_loader", "content", "store"},
}
COMPOSITION_ROOT = "cli/main.cc"
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of_include(including: pathlib.Path, target: str, src: pathlib.Path):
    """The layer folder an #include "..." names, resolved as the compiler would."""
    candidates = [(including.parent / target).resolve(), (src / target).resolve()]
    for c in candidates:
        if c.exists():
            try:
                return c.relative_to(src.resolve()).parts[0]
            except ValueError:
                return None  # include/boravak/...: the core's public headers
    return target.split("/")[0] if "/" in target else None


def main() -> int:
    src = pathlib.Path(sys.argv[1])
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in {".h", ".cc"}:
            continue
        rel = path.relative_to(src).as_posix()
        layer = rel.split("/")[0]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m or m.group(1).startswith("boravak/"):
                continue
            target = layer_of_include(path, m.group(1), src)
            if target is None or target == layer:
                continue
            if layer in ADAPTERS:
                if target in ADAPTERS and rel != COMPOSITION_ROOT:
                    problems.append(f"{rel}:{number}: the {layer} adapter includes the {target} adapter's {m.group(1)}")
            elif target in ADAPTERS:
                problems.append(f"{rel}:{number}: the {layer} layer includes the {target} adapter's {m.group(1)}")
            elif layer in BELOW and target not in BELOW[layer]:
                problems.append(f"{rel}:{number}: the {layer} layer may not include {m.group(1)} ({target})")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
