#!/usr/bin/env python3
"""Every message in src/ has its Vietnamese translation, and po/vi.po has
no translation of a message that is gone.

The messages are found as xgettext finds them (the keyword msg, first
argument: po/README.md), so this test sees what `xgettext` would put in a
.pot file. For each: a non-empty msgstr in po/vi.po with the same set of
{N} values. And po/vi.po holds no msgid that src/ does not write (a
stale entry, left when a message was reworded). Exit 77 (skipped) when
xgettext is not installed.

    po_test.py SOURCE_DIR [--list]   (--list prints the untranslated ids)
"""
import os
import re
import shutil
import subprocess
import sys


def unquote(lines):
    """The string of a PO entry's quoted lines, C escapes undone."""
    text = ''.join(re.match(r'\s*"(.*)"\s*$', line).group(1) for line in lines)
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(m.group(1), m.group(1)), text)


def entries(po_text):
    """(msgid, msgstr, line) of each entry of a PO file, the header left out."""
    result = []
    key, parts, start = None, {}, 0
    lines = po_text.split('\n')

    def close():
        if 'msgid' in parts and unquote(parts['msgid']) != '':
            result.append((unquote(parts['msgid']), unquote(parts.get('msgstr', ['""'])), start))

    for number, line in enumerate(lines, 1):
        if line.startswith('msgid '):
            close()
            parts, key, start = {'msgid': [line[6:]]}, 'msgid', number
        elif line.startswith('msgstr '):
            parts['msgstr'], key = [line[7:]], 'msgstr'
        elif line.startswith('"') and key:
            parts[key].append(line)
        elif line.startswith('#~'):
            sys.exit(f'po/vi.po:{number}: an obsolete (#~) entry: delete it')
        elif line.strip() == '' or line.startswith('#'):
            key = None if line.strip() == '' else key
    close()
    return result


def values(text):
    """The {N} places of a message: a translation must have the same."""
    return set(re.findall(r'\{\d+\}', text))


def main():
    source = sys.argv[1]
    if shutil.which('xgettext') is None:
        print('skipped: xgettext (Debian gettext) is not installed')
        return 77
    files = sorted(os.path.join(root, name)
                   for root, _, names in os.walk(os.path.join(source, 'src'))
                   for name in names if name.endswith(('.cpp', '.h')))
    pot = subprocess.run(['xgettext', '--keyword=msg:1', '-C', '--from-code=UTF-8', '--no-wrap',
                          '--sort-output', '-o', '-', *files],
                         check=True, capture_output=True, text=True).stdout
    in_src = {msgid for msgid, _, _ in entries(pot)}
    with open(os.path.join(source, 'po', 'vi.po'), encoding='utf-8') as f:
        translated = entries(f.read())
    by_id = {}
    failures = []
    for msgid, msgstr, line in translated:
        if msgid in by_id:
            failures.append(f'po/vi.po:{line}: "{msgid}" is translated twice')
        by_id[msgid] = msgstr
        if msgid not in in_src:
            failures.append(f'po/vi.po:{line}: stale: no msg("{msgid}") in src/ any more; delete the entry')
        elif msgstr == '':
            failures.append(f'po/vi.po:{line}: "{msgid}" has an empty translation')
        elif values(msgid) != values(msgstr):
            failures.append(f'po/vi.po:{line}: "{msgid}": the translation has the values '
                            f'{sorted(values(msgstr))}, the message {sorted(values(msgid))}')
    missing = sorted(in_src - by_id.keys())
    if '--list' in sys.argv:
        for msgid in missing:
            print(msgid)
        return 0
    for msgid in missing:
        failures.append(f'src/: msg("{msgid}") has no translation in po/vi.po')
    for failure in failures:
        print(failure)
    print(f'{len(in_src)} messages in src/, {len(translated)} translations, {len(failures)} problems')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
