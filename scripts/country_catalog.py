#!/usr/bin/env python3
"""Writes the country names of one language as a .po catalog (msgid "country.XX"), from Debian's
iso-codes package: ISO 3166-1 names and their translations. Run by the build; the output lives in
the build tree and is never committed.

Usage: country_catalog.py LANG OUT.po     (LANG: en, ru, uk, sr; sr is Serbian in Latin script)
"""
import gettext
import json
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
# Our catalog languages and the iso-codes locale that holds them.
ISO_LOCALE = {"en": None, "ru": "ru", "uk": "uk", "sr": "sr@latin"}


def main():
    lang, out_path = sys.argv[1], sys.argv[2]
    with open(ISO_JSON, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    translate = (lambda s: s)
    if ISO_LOCALE[lang]:
        t = gettext.translation("iso_3166-1", "/usr/share/locale", [ISO_LOCALE[lang]])
        translate = t.gettext
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', f'"Language: {lang}\\n"', ""]
    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        # The common name ("South Korea", "Moldova") reads better where ISO gives one and the
        # language has it translated; otherwise the ISO short name.
        name = translate(c["name"])
        common = c.get("common_name")
        if common and translate(common) != common or (common and lang == "en"):
            name = translate(common)
        name = name.replace("\\", "\\\\").replace('"', '\\"')
        lines += [f'msgid "country.{c["alpha_2"]}"', f'msgstr "{name}"', ""]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
