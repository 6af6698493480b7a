#!/usr/bin/env python3
"""Every option `etrace --help` lists must appear in the manual page.

Usage: check_man_options.py ETRACE MANPAGE. Options are taken from the help's option column and
from the long options its text names (strace's spellings); the page is read as roff source with
its escapes undone. Exits 1 naming each option the page lacks.
"""
import re
import subprocess
import sys


def help_options(etrace):
    text = subprocess.run([etrace, "--help"], check=True, capture_output=True, text=True).stdout
    options = set()
    for line in text.splitlines():
        first = re.match(r"^  (-[^ ]+)", line)  # the option column: "-o,--output FILE"
        if first:
            options.update(o for o in first.group(1).split(",") if o.startswith("-"))
    options.update(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", text))
    return options


def page_text(path):
    with open(path, encoding="utf-8") as f:
        roff = f.read()
    roff = re.sub(r"\\f(\[[A-Z]*\]|[BIRP])", "", roff)  # font changes
    roff = roff.replace("\\-", "-").replace("\\&", "").replace("\\c\n", "")
    return roff


def main():
    etrace, page = sys.argv[1], sys.argv[2]
    options = help_options(etrace)
    if len(options) < 20:
        print(f"only {len(options)} options found in '{etrace} --help': is its format still parsed right?")
        return 1
    text = page_text(page)
    missing = sorted(o for o in options if not re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", text))
    for o in missing:
        print(f"{page}: option {o} of 'etrace --help' is not documented")
    print(f"{len(options) - len(missing)} of {len(options)} options documented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
