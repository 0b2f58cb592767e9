#!/usr/bin/env python3
"""Fails when any catalog key is missing, empty or malformed in any language.

For every language in i18n/: the same keys as English, in every file (i18n/<lang>/<part>.po);
no empty or fuzzy entries; the same placeholders as English in every form, numbered ({1}, filled
by the CLI) or named ({name}, filled by the web page), none missing and none added; plural entries
with the language's number of forms; Serbian in Latin script only (Cyrillic is made from it);
and no long English text left untranslated. Usage: check_catalogs.py I18N_DIR
"""
import pathlib
import re
import sys

PLURAL_FORMS = {"en": 2, "ru": 3, "uk": 3, "sr": 3}
PLACEHOLDER = re.compile(r"\{\w+\}")  # {1} in the CLI catalogs, {name} in web.po
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return s[1:-1].encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def read_po(path):
    """Entries as {msgid: {"plural": bool, "forms": [str], "fuzzy": bool}}."""
    entries, current, field, fuzzy = {}, None, None, False
    def flush():
        nonlocal current
        if current and current["msgid"]:
            entries[current["msgid"]] = current
        current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid_plural "):
            current["plural"] = True
            field = None
        elif line.startswith("msgid "):
            flush()
            current = {"msgid": unquote(line[6:]), "plural": False, "forms": {}, "fuzzy": fuzzy}
            fuzzy, field = False, "msgid"
        elif line.startswith("msgstr"):
            m = re.match(r"msgstr(?:\[(\d+)\])? (.*)", line)
            field = int(m.group(1) or 0)
            current["forms"][field] = unquote(m.group(2))
        elif line.startswith('"') and current is not None:
            if field == "msgid":
                current["msgid"] += unquote(line)
            elif isinstance(field, int):
                current["forms"][field] += unquote(line)
    flush()
    for e in entries.values():
        e["forms"] = [e["forms"][k] for k in sorted(e["forms"])]
    return entries


def main(root):
    root = pathlib.Path(root)
    problems = []
    english = {p.name: read_po(p) for p in sorted((root / "en").glob("*.po"))}
    if not english:
        problems.append("no English catalogs found")
    for lang, forms in PLURAL_FORMS.items():
        for part, en_entries in english.items():
            path = root / lang / part
            if not path.exists():
                problems.append(f"{lang}: {path} is missing")
                continue
            entries = read_po(path)
            for key in sorted(set(en_entries) - set(entries)):
                problems.append(f"{lang}/{part}: key {key!r} is missing")
            for key in sorted(set(entries) - set(en_entries)):
                problems.append(f"{lang}/{part}: key {key!r} is not in English")
            for key, e in entries.items():
                if key not in en_entries:
                    continue
                en = en_entries[key]
                where = f"{lang}/{part}: {key!r}"
                if e["fuzzy"]:
                    problems.append(f"{where} is marked fuzzy")
                # A separator may be a lone space; any other text must have words in it.
                blank = (lambda f: f == "") if key.startswith("format.") else (lambda f: not f.strip())
                if not e["forms"] or any(blank(f) for f in e["forms"]):
                    problems.append(f"{where} is empty")
                if en["plural"] != e["plural"]:
                    problems.append(f"{where}: plural in one language, not in the other")
                elif e["plural"] and len(e["forms"]) != forms:
                    problems.append(f"{where}: {len(e['forms'])} plural forms, {lang} needs {forms}")
                wanted = set(PLACEHOLDER.findall(" ".join(en["forms"])))
                for f in e["forms"]:
                    got = set(PLACEHOLDER.findall(f))
                    # A plural form may leave out the number itself ("one day"), never add one.
                    if not got <= wanted or (not e["plural"] and got != wanted):
                        problems.append(f"{where}: placeholders {sorted(got)} differ from English {sorted(wanted)}")
                text = " ".join(e["forms"])
                if lang == "sr" and CYRILLIC.search(text):
                    problems.append(f"{where}: Serbian must be written in Latin script")
                if lang in ("ru", "uk") and not key.startswith("format.") and len(text) > 25 and text == " ".join(en["forms"]):
                    problems.append(f"{where}: still the English text")
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s) in the catalogs")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
