#!/usr/bin/env python3
"""Checks the constants typed by hand in src/xlat/*.cpp (XLAT_PAIR(value, "NAME")) against the
system headers: for each file, a C++ translation unit with that file's own #include lines
asserts NAME == value wherever a header defines NAME as a macro. Compiled, not run; exits 1
with the compiler's messages (one per wrong constant) when one differs.

Only values written as numbers are checked (not those computed from other names). Where the C
library's macro is not the kernel's value on purpose, tests/xlat/known-differences.txt says so
and why (strace prints the kernel's names for the kernel's values).

usage: check_pairs.py CXX SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

PAIR = re.compile(r'XLAT_PAIR\(\s*([^,]+?)\s*,\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)')
INCLUDE = re.compile(r'^\s*#\s*include\s*<[^>]+>', re.M)
NUMERIC = re.compile(r'^[0-9a-fA-FxXuUlL\s|&~()<>+*-]+$')


def main():
    cxx, src = sys.argv[1], sys.argv[2]
    xlat_dir = os.path.join(src, 'src', 'xlat')
    failed = 0
    checked = 0
    known = set()
    with open(os.path.join(src, 'tests', 'xlat', 'known-differences.txt'), encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                known.add(line.split()[0])
    for name in sorted(os.listdir(xlat_dir)):
        if not name.endswith('.cpp'):
            continue
        text = open(os.path.join(xlat_dir, name), encoding='utf-8').read()
        pairs = PAIR.findall(text)
        if not pairs:
            continue
        lines = ['#include <cstdint>'] + INCLUDE.findall(text)
        seen = set()
        for value, const in pairs:
            if (value, const) in seen or const in known or not NUMERIC.match(value):
                continue
            seen.add((value, const))
            lines.append(f'#ifdef {const}')
            lines.append(f'static_assert((std::uint64_t)({const}) == (std::uint64_t)({value}), '
                         f'"src/xlat/{name}: {const} is " "{value}" " there, not what the headers say");')
            lines.append('constexpr int defined_%d = 1;' % len(seen))
            lines.append('#else')
            lines.append('constexpr int defined_%d = 0;' % len(seen))
            lines.append('#endif')
        total = ' + '.join('defined_%d' % i for i in range(1, len(seen) + 1)) or '0'
        lines.append('#include <cstdio>')
        lines.append('int main() { std::printf("%%d\\n", %s); }' % total)
        with tempfile.TemporaryDirectory() as tmp:
            unit = os.path.join(tmp, 'pairs.cpp')
            with open(unit, 'w') as f:
                f.write('\n'.join(lines) + '\n')
            r = subprocess.run([cxx, '-std=c++20', '-w', '-o', os.path.join(tmp, 'pairs'), unit],
                               capture_output=True, text=True)
            if r.returncode == 0:
                checked += int(subprocess.run([os.path.join(tmp, 'pairs')], capture_output=True, text=True).stdout)
        if r.returncode != 0:
            failed += 1
            msgs = [l for l in r.stderr.splitlines() if 'static assertion failed' in l or 'error' in l]
            print('\n'.join(msgs[:40]) or r.stderr[:4000])
    print(f'check_pairs: {checked} hand-typed constants of src/xlat/ that the system headers define as macros '
          f'compared with them; {failed} files with a difference')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
