#!/usr/bin/env python3
"""No message in src/ skips translation: every call of error(), warning()
or note() on a Diagnostics (`x.error(`, `x->error(`) whose message is
written in the call must write it with msg("..."). A string literal in the
message argument outside msg() (error(where, "cannot ...") or
error(where, "cannot " + why)) is what this refuses; a variable passes, for
text made elsewhere (a library's words, the operating system's reason).

    plain_messages_test.py SOURCE_DIR
"""
import os
import re
import sys

CALL = re.compile(r'(?:\.|->)(error|warning|note)\(')


def strip_comments(text):
    """The source with // and /* */ comments blanked, strings kept."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text[i] in '"\'':
            quote, j = text[i], i + 1
            while j < n and text[j] != quote:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def arguments(text, start):
    """The top-level arguments of the call whose '(' is at text[start - 1]."""
    depth, i, current, result = 1, start, [], []
    while i < len(text) and depth:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < len(text) and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            current.append(text[i:j + 1])
            i = j + 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                break
        if c == ',' and depth == 1:
            result.append(''.join(current))
            current = []
        else:
            current.append(c)
        i += 1
    result.append(''.join(current))
    return result


def literal_outside_msg(argument):
    """Whether `argument` has a string literal that no msg( encloses."""
    outside = re.sub(r'\bmsg\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)', '', argument)
    return '"' in outside


def flagged(snippet):
    """Whether the check refuses the call in `snippet`."""
    text = strip_comments(snippet)
    m = CALL.search(text)
    return literal_outside_msg(','.join(arguments(text, m.end())[1:]))


def main():
    # The check itself, on calls it must refuse and calls it must let by.
    assert flagged('d->error(where, "cannot read: " + why);')
    assert flagged('d.warning(at(node), std::string("<") + name + ">");')
    assert not flagged('d->error(where, msg("cannot read \'{1}\': {2}", path, f(")")));')
    assert not flagged('d.error(where, why);  // "words"')
    source = sys.argv[1]
    failures, calls = [], 0
    for root, _, names in os.walk(os.path.join(source, 'src')):
        for name in sorted(names):
            if not name.endswith(('.cpp', '.h')):
                continue
            path = os.path.join(root, name)
            with open(path, encoding='utf-8') as f:
                text = strip_comments(f.read())
            for m in CALL.finditer(text):
                args = arguments(text, m.end())
                if len(args) < 2:
                    continue
                calls += 1
                message = ','.join(args[1:])
                if literal_outside_msg(message):
                    line = text.count('\n', 0, m.start()) + 1
                    failures.append(f'{os.path.relpath(path, source)}:{line}: {m.group(1)}() with a plain '
                                    f'string: write the message as msg("...", values) (po/README.md)')
    for failure in failures:
        print(failure)
    print(f'{calls} calls of error()/warning()/note() read, {len(failures)} with a plain string')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
