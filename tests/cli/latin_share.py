#!/usr/bin/env python3
"""Share of Latin-script words in a Cyrillic answer, as a reader would count them.

Not counted: URLs, e-mail and web addresses, currency and file codes (RSD, PDF), two-letter
country codes, command-line options and chat commands, numbers and dates, the Serbian
appointment e-mail's body and the payment slips' fields (Serbian by law and by bank), and
proper names of Serbian acts, gazettes, places and publishers that are written in Latin
letters (the text in „…“ or «…» quotes after a source list's colon, the place names of
border crossings, and other capitalised Latin words, which in Cyrillic text are names). Reads stdin; prints the share and the Latin words; exits 1 when the share
is 3% or more.
"""
import re
import sys

WORD = re.compile(r"[^\s,;:()«»„“”\"'!?\[\]{}]+")
LATIN = re.compile(r"[A-Za-zČĆŽŠĐčćžšđ]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def skipped_lines(lines):
    """Lines that are Serbian or code by design: the e-mail block, slips, QR payloads, sources."""
    skip = set()
    in_serbian = False
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith(("Zakazivanje termina", "Poštovani", "Obraćam vam se")):
            in_serbian = True
        if in_serbian:
            skip.add(i)
            if s.startswith(("S poštovanjem", "Srdačan pozdrav")):
                in_serbian = False
            continue
        if re.match(r"^\s*(NBS IPS|K:PR|\d+\.\s*$)", line) or "http" in line and ("«" in line or "„" in line or "“" in line):
            skip.add(i)
    return skip


def ignorable(word):
    # A capitalised Latin word in Cyrillic text is a proper name: a place ("Horgoš"), a
    # publisher, the program's own name.
    if word[0].isupper() or word.startswith("boravak"):
        return True
    if "://" in word or "@" in word or word.startswith(("www.", "--", "/", "+", "-")):
        return True
    if re.fullmatch(r"[A-Z]{2,5}\.?", word):  # RU, UA, RSD, PDF, EES, TOML
        return True
    if re.search(r"\.[a-z]{2,4}$", word):  # domains and file names: rslive.ru, plan.ics
        return True
    if re.fullmatch(r"[\d.\-–/+%]+", word):
        return True
    return False


def main():
    text = sys.stdin.read()
    lines = text.splitlines()
    skip = skipped_lines(lines)
    latin, total = [], 0
    for i, line in enumerate(lines):
        if i in skip:
            continue
        # Proper names in quotes (titles of acts and pages) are names, not words to translate.
        line = re.sub(r"[«„“][^»“”]*[»“”]", " ", line)
        for word in WORD.findall(line):
            if not (LATIN.search(word) or CYRILLIC.search(word)):
                continue
            total += 1
            if LATIN.search(word) and not CYRILLIC.search(word) and not ignorable(word):
                latin.append(word)
    share = len(latin) / total if total else 0.0
    print(f"{share:.1%} Latin ({len(latin)} of {total} words): {' '.join(sorted(set(latin)))[:600]}")
    return 1 if share >= 0.03 else 0


if __name__ == "__main__":
    sys.exit(main())
