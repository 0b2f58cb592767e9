#!/usr/bin/env python3
"""The documentation points only at files that a clone of the repository has.

    tests/docs/links_test.py [REPOSITORY]      (default: the repository this file is in)

(a) Every relative link and path that README.md and docs/*.md mention exists inside the
    repository, and none leads out of it: no `../shared/...`, no path written with a leading
    `../`. Checked are Markdown links `[text](target)`, code spans and code blocks. In code, a
    word counts as a path when it has a slash and either ends with one or names a file with an
    extension (`examples/trips.csv`, `rules/permit/`); routes (`/v1/...`), URLs, `~` and `$`
    paths, globs and placeholders (`*`, `<lang>`, `{id}`, `…`), the build's outputs (`build/...`)
    and what a command is told to write (`--output results.jsonl`) are not checked. A path may
    be written from the repository root, from the document's own folder, or from a top-level
    folder the text is about (docs/rules-format.md names `stay/visas.toml` inside rules/).
(b) When the shared contracts are checked out beside the repository (../shared/contracts), each
    of them is copied byte for byte in docs/contracts/ under the same name. Without ../shared
    this part is skipped; (a) still runs.

Exits 0 when all holds, 1 with one line per problem otherwise.
"""
import os
import re
import sys

# A command's options whose value is a file or folder it writes, not one it reads.
OUTPUT_OPTIONS = {"--output", "--out", "--ics", "-o", ">", ">>"}
# Folders the build or a command creates; a fresh clone does not have them.
GENERATED_PREFIXES = ("build/", "build-")
PATH_WORD = re.compile(r"^[A-Za-z0-9_.@+-]+(?:/[A-Za-z0-9_.@+-]+)*/?$")
MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|!\[[^\]]*\]\(([^)\s]+)\)")
CODE_BLOCK = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
CODE_SPAN = re.compile(r"`([^`\n]+)`")


def documents(repo):
    names = ["README.md"]
    docs = os.path.join(repo, "docs")
    if os.path.isdir(docs):
        names += sorted("docs/" + n for n in os.listdir(docs) if n.endswith(".md"))
    return [n for n in names if os.path.isfile(os.path.join(repo, n))]


def looks_like_path(word):
    if "/" not in word or not PATH_WORD.match(word):
        return False
    if word.startswith(("./", "../")) or word.endswith("/"):
        return True
    last = word.rstrip("/").rsplit("/", 1)[-1]
    return re.search(r"\.[A-Za-z][A-Za-z0-9]*$", last) is not None


def words_of_code(code):
    """The path-like words of a piece of code, without those a command is told to write."""
    found = []
    for line in code.splitlines():
        tokens = re.split(r"[\s=,;()\"'|]+", line)
        for i, token in enumerate(tokens):
            if not token or "://" in token or token.startswith(("/", "~", "$", "#")):
                continue
            if i > 0 and tokens[i - 1] in OUTPUT_OPTIONS:
                continue
            word = token.lstrip("@")            # curl --data-binary @FILE
            word = word.split(":", 1)[0]        # rules/stay/citizenship.toml:412
            word = word.rstrip(".,;:")
            if looks_like_path(word):
                found.append(word)
    return found


def mentions(text):
    """(kind, target) for every Markdown link and every path-like word in code."""
    out = []
    for m in MARKDOWN_LINK.finditer(text):
        target = m.group(1) or m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # a URL (http:, mailto:) or an anchor on the same page
        out.append(("link", target.split("#", 1)[0]))
    for m in CODE_BLOCK.finditer(text):
        out += [("code", w) for w in words_of_code(m.group(1))]
    without_blocks = CODE_BLOCK.sub("", text)
    for m in CODE_SPAN.finditer(without_blocks):
        out += [("code", w) for w in words_of_code(m.group(1))]
    return out


def inside(repo, path):
    real_repo = os.path.realpath(repo)
    real = os.path.realpath(path)
    return real == real_repo or real.startswith(real_repo + os.sep)


def check_paths(repo):
    problems = []
    top_folders = sorted(n for n in os.listdir(repo) if os.path.isdir(os.path.join(repo, n)) and not n.startswith("."))
    for doc in documents(repo):
        with open(os.path.join(repo, doc), encoding="utf-8") as f:
            text = f.read()
        if "../shared" in text:
            for number, line in enumerate(text.splitlines(), 1):
                if "../shared" in line:
                    problems.append(f"{doc}:{number}: points outside the repository (../shared): "
                                    "use the copy in docs/contracts/ or another file of the repository")
        doc_dir = os.path.dirname(os.path.join(repo, doc))
        for kind, target in mentions(text):
            if not target or target.startswith("../shared"):
                continue  # reported above, once per line
            if kind == "code":
                if target.startswith("../"):
                    problems.append(f"{doc}: `{target}` starts with ../; write paths from the repository root")
                    continue
                if target.startswith(GENERATED_PREFIXES):
                    continue
                bases = [repo, doc_dir] + [os.path.join(repo, t) for t in top_folders]
            else:
                bases = [doc_dir]
            candidates = [os.path.normpath(os.path.join(b, target)) for b in bases]
            if any(not inside(repo, c) for c in candidates[:1]):
                problems.append(f"{doc}: {kind} {target!r} leads outside the repository")
                continue
            if not any(os.path.exists(c) and inside(repo, c) for c in candidates):
                problems.append(f"{doc}: {kind} {target!r} does not exist in the repository")
    return problems


def check_contracts(repo):
    shared = os.path.join(os.path.dirname(os.path.realpath(repo)), "shared", "contracts")
    if not os.path.isdir(shared):
        print(f"links_test: {shared} does not exist; the contract copies are not compared")
        return []
    problems = []
    for name in sorted(os.listdir(shared)):
        source = os.path.join(shared, name)
        if not os.path.isfile(source):
            continue
        copy = os.path.join(repo, "docs", "contracts", name)
        with open(source, "rb") as f:
            wanted = f.read()
        have = None
        if os.path.isfile(copy):
            with open(copy, "rb") as f:
                have = f.read()
        if have != wanted:
            state = "is missing" if have is None else "differs from the shared contract"
            problems.append(f"docs/contracts/{name} {state}: copy ../shared/contracts/{name} into "
                            f"docs/contracts/{name} (cp ../shared/contracts/{name} docs/contracts/)")
    return problems


def main():
    repo = os.path.abspath(sys.argv[1] if len(sys.argv) > 1
                           else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    problems = check_paths(repo) + check_contracts(repo)
    for p in problems:
        print(p)
    checked = len(documents(repo))
    if problems:
        print(f"links_test: {len(problems)} problem(s) in {checked} documents")
        return 1
    print(f"links_test: every path in {checked} documents is inside the repository")
    return 0


if __name__ == "__main__":
    sys.exit(main())
