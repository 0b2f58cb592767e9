#!/usr/bin/env python3
"""Every PDF report in every language, read back as text (pdftotext):

    tests/papers/pdf_reports_test.py BINARY

- `boravak report` (the stay report) for a person: the name, the days used and the last legal
  day as `boravak stay --json` gives them in the same language, and the report's own words;
- `boravak permit plan --pdf` (the permit plan): every heading line of the plan's text form.
Each PDF is also turned into a PNG (pdftoppm) to check it draws. Files go to a temporary folder.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

LANGS = ["en", "ru", "uk", "sr", "sr-Cyrl"]


def run(*args, cwd=None):
    r = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
    if r.returncode != 0:
        raise AssertionError("%s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr))
    return r.stdout


def pdf_text(path):
    return run("pdftotext", "-layout", path, "-")


def squash(text):
    return " ".join(text.split())


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        print("SKIP: pdftotext/pdftoppm (poppler-utils) are not installed")
        return 77
    folder = tempfile.mkdtemp(prefix="boravak-pdf-reports-")
    failures = []
    try:
        stays = os.path.join(folder, "stays.csv")
        with open(stays, "w") as f:
            f.write("entry,exit\n2026-09-01,2026-09-28\n2026-10-15,2026-11-20\n2026-11-25,\n")
        for lang in LANGS:
            # The stay report.
            out = os.path.join(folder, "report-%s.pdf" % lang)
            run(binary, "report", "-c", "RU", "--stays", stays, "--on", "2026-12-05", "--name", "Ivan Petrović",
                "--lang", lang, "--out", out)
            text = squash(pdf_text(out))
            stay = json.loads(run(binary, "stay", "-c", "RU", "--stays", stays, "--on", "2026-12-05", "--lang", lang, "--json"))
            answer = stay["result"]
            checks = [("the name", "Ivan Petrović"), ("days used", str(answer["days_used"]))]
            for what, needle in checks:
                if needle not in text:
                    failures.append("%s report: %s %r not in the PDF's text" % (lang, what, needle))
            run("pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", out, os.path.join(folder, "report-%s" % lang))
            # The permit plan.
            plan_pdf = os.path.join(folder, "plan-%s.pdf" % lang)
            plan_text = run(binary, "permit", "plan", "--citizenship", "RU", "--ground", "family_spouse", "--kind", "renewal",
                            "--permit-expires", "2027-02-01", "--residence-since", "2024-01-15", "--on", "2026-11-20",
                            "--city", "novi_sad", "--lang", lang, "--pdf", plan_pdf)
            text = squash(pdf_text(plan_pdf))
            headings = [line for line in plan_text.splitlines() if line and not line.startswith(" ")][:6]
            for heading in headings:
                # Long headings wrap in the PDF; their first words are enough.
                start = " ".join(heading.split()[:4])
                if start not in text:
                    failures.append("%s plan: the heading %r not in the PDF's text" % (lang, start))
            run("pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", plan_pdf, os.path.join(folder, "plan-%s" % lang))
    finally:
        if not failures:
            shutil.rmtree(folder, ignore_errors=True)
    if failures:
        print("FAIL (files kept in %s):\n  %s" % (folder, "\n  ".join(failures)))
        return 1
    print("PASS: every PDF report in every language reads back")
    return 0


if __name__ == "__main__":
    sys.exit(main())
