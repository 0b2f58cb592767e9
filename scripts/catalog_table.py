#!/usr/bin/env python3
"""Writes a compiled catalog (.mo) as a JSON table for the page's WebAssembly, which has no
Boost.Locale: {"plural_forms": header, "messages": {key: text}, "plurals": {key: [forms]}}.

Usage: catalog_table.py LOCALE_DIR LANG OUT.json
"""
import gettext
import json
import sys


def main():
    locale_dir, lang, out = sys.argv[1:4]
    with open(f"{locale_dir}/{lang}/LC_MESSAGES/boravak.mo", "rb") as f:
        catalog = gettext.GNUTranslations(f)
    messages, plurals = {}, {}
    for key, text in catalog._catalog.items():
        if isinstance(key, tuple):
            msgid, index = key
            forms = plurals.setdefault(msgid, [])
            forms.extend([None] * (index + 1 - len(forms)))
            forms[index] = text
        elif key:
            messages[key] = text
    header = catalog.info().get("plural-forms", "")
    table = {"plural_forms": header, "messages": messages, "plurals": plurals}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


if __name__ == "__main__":
    main()
