#!/usr/bin/env python3
"""The web app shows the engine's messages in Vietnamese from the
catalogue (po/vi.po), beside the engine's English words, whatever the
server's locale: a venue with two characters the bundled font lacks gives
the layout's error, translated, values and all.

usage: serve_messages_test.py VANBAN_BINARY SOURCE_DIR"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Client, Server, sample_form  # noqa: E402

BINARY, SOURCE = sys.argv[1], sys.argv[2]
failures = []

# The server's own locale says English: the web pages stay Vietnamese.
os.environ.pop('LANGUAGE', None)
os.environ['LANG'] = 'C'
with Server(BINARY) as server:
    client = Client(server)
    client.login()
    sid = 'tuyen-quang/chiem-hoa/2023-06-13'
    form = sample_form(client, SOURCE, sid)
    form['where.venue'] = 'Hội trường 中文'
    status, body, _ = client.json('POST', '/api/save', {'form': form, 'base': ''})
    errors = body.get('errors', [])
    lacking = [e for e in errors if 'U+4E2D' in e.get('message', '')]
    if status != 200 or not lacking:
        failures.append('no error for the missing glyphs: %r %r' % (status, errors))
    for e in lacking:
        want = ("phông chữ Liberation Serif (regular) thiếu 2 ký tự, các ký tự đó sẽ in ra thành ô trống: "
                "U+4E2D '中', U+6587 '文'; hãy dùng phông chữ khác (--fonts) hoặc sửa lại chữ")
        if want not in e['message'] or not e['message'].startswith("phiên '%s', văn bản " % sid):
            failures.append('message not in Vietnamese: %r' % e['message'])
        if 'lacks 2 characters, which would print as blanks' not in e['detail']:
            failures.append("the engine's English words are not in detail: %r" % e['detail'])

for failure in failures:
    print('FAIL', failure)
print('%d failures' % len(failures))
sys.exit(1 if failures else 0)
