"""Attacks on `vanban serve`, each of which must fail: starting on 0.0.0.0
without accounts, requests without a session or with a forged or expired
cookie, CSRF without or with a wrong token, path traversal in every route
that takes a path-like value (plain, percent-encoded, absolute), XSS
payloads in fields and in an uploaded file's name, oversized, chunked and
url-encoded bodies, a non-image upload, and another account's session.

usage: serve_security_test.py VANBAN_BINARY SOURCE_DIR"""
import struct
import os
import re
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Client, Server, sample_form, tiny_png  # noqa: E402

BINARY, SOURCE = sys.argv[1], sys.argv[2]
failures = []
passed = 0


def check(what, ok, detail=''):
    global passed
    if ok:
        passed += 1
        print('ok   ', what)
    else:
        failures.append(what)
        print('FAIL ', what, detail)


def raw(server, request_bytes, read_timeout=10):
    """Sends bytes as they are and returns the status line's code."""
    s = socket.create_connection(('127.0.0.1', server.port), timeout=read_timeout)
    try:
        s.sendall(request_bytes)
        data = b''
        while b'\r\n' not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        m = re.match(rb'HTTP/1\.[01] (\d+)', data)
        return int(m.group(1)) if m else 0
    finally:
        s.close()


# 1. No accounts on an address others can reach.
p = subprocess.run([BINARY, 'serve', '--host', '0.0.0.0', '--port', '0'], capture_output=True, text=True, timeout=30)
check('refuses 0.0.0.0 without a users file', p.returncode == 2 and 'refusing' in p.stderr, p.stderr)
p = subprocess.run([BINARY, 'serve', '--host', '192.0.2.1', '--port', '0'], capture_output=True, text=True, timeout=30)
check('refuses another address without a users file', p.returncode == 2, p.stderr)

users = {'alice': (['tuyen-quang/chiem-hoa'], 'mat-khau-alice'), 'bob': (['ha-giang'], 'mat-khau-bob')}
with Server(BINARY, users=users) as server:
    anonymous = Client(server)
    status, body, _ = anonymous.json('GET', '/api/sessions')
    check('no session: 401', status == 401)
    status, body, _ = anonymous.json('GET', '/api/me')
    check('no guest account when a users file is given', status == 401)
    status, body, _ = anonymous.json('POST', '/api/login', {'user': 'alice', 'password': 'wrong'})
    check('wrong password: 401', status == 401)
    status, body, _ = anonymous.json('POST', '/api/login', {'user': 'nobody', 'password': 'x'})
    check('unknown user: 401', status == 401)

    alice = Client(server)
    alice.login('alice', 'mat-khau-alice')
    sid = 'tuyen-quang/chiem-hoa/2023-06-13'
    form = sample_form(alice, SOURCE, sid)

    # CSRF
    status, body, _ = alice.json('POST', '/api/save', {'form': form, 'base': ''}, csrf=False)
    check('save without CSRF token: 403', status == 403)
    status, body, _ = alice.json('POST', '/api/save', {'form': form, 'base': ''}, headers={'X-CSRF-Token': '0' * 64})
    check('save with a wrong CSRF token: 403', status == 403)
    check('nothing written without CSRF', not os.path.exists(os.path.join(server.data, sid, 'session.xml')))
    status, body, _ = alice.json('POST', '/api/photo?id=' + sid, tiny_png(), headers={'Content-Type': 'image/png'}, csrf=False)
    check('upload without CSRF token: 403', status == 403)

    # XSS payloads in fields
    payload = '<script>alert("x")</script>'
    form['where.venue'] = payload
    form['article.author'] = '"><img src=x onerror=alert(1)>'
    form['conclusion.tasks'][0]['text'] = payload + ' & </task><evil/>'
    status, body, r = alice.json('POST', '/api/save', {'form': form, 'base': ''})
    check('alice saves her session', status == 200 and body.get('ok'), body.get('errors'))
    check('JSON answers are application/json', r.getheader('Content-Type', '').startswith('application/json'))
    check('CSP header on API answers', "script-src 'self'" in (r.getheader('Content-Security-Policy') or ''))
    check('nosniff on API answers', r.getheader('X-Content-Type-Options') == 'nosniff')
    pages = body.get('pages', [])
    r, xml = alice.request('GET', '/api/download?id=' + sid + '&what=xml')
    xml = xml.decode()
    check('XSS in fields escaped in the saved XML', '<script>' not in xml and '&lt;script&gt;' in xml and '<evil/>' not in xml and '<img' not in xml)
    status, loaded, _ = alice.json('GET', '/api/session?id=' + sid)
    check('XSS payload comes back as data, unchanged', loaded['form']['where.venue'] == payload)
    r, html = alice.request('GET', '/')
    csp = r.getheader('Content-Security-Policy') or ''
    check('CSP on the page forbids inline script', "script-src 'self'" in csp and 'unsafe-inline' not in csp and "default-src 'none'" in csp)
    check('the page has no inline script', not re.search(rb'<script(?![^>]*\bsrc=)', html))
    r, js = alice.request('GET', '/app.js')
    check('the page script never writes HTML from data', b'innerHTML' not in js and b'insertAdjacentHTML' not in js)

    # Path traversal, every route that takes a path-like value
    traversals = ['../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e/%2e%2e/etc/passwd', '/etc/passwd',
                  'tuyen-quang/chiem-hoa/../../../etc', 'tuyen-quang/chiem-hoa/%2e%2e', 'tuyen-quang\\..\\x',
                  'tuyen-quang/chiem-hoa/2023-06-13%00', '....//....//etc']
    for t in traversals:
        for route in ['/api/session?id=', '/api/download?what=xml&id=', '/api/photo?name=p-0000000000000000.png&id=']:
            r, data = alice.request('GET', route + t)
            check('traversal %s%s refused' % (route, t), r.status in (400, 404) and b'root:' not in data, r.status)
        r, data = alice.request('POST', '/api/photo?id=' + t, tiny_png(), headers={'Content-Type': 'image/png'})
        check('upload traversal id %s refused' % t, r.status in (400, 404))
        bad = dict(form, id=t.replace('%2F', '/').replace('%2e', '.'))
        status, body, _ = alice.json('POST', '/api/save', {'form': bad, 'base': ''})
        check('save with id %s refused' % t, status in (403, 422))
    for name in ['../session.xml', '..%2Fsession.xml', '/etc/passwd', 'p-0000000000000000.png/../../session.xml']:
        r, data = alice.request('GET', '/api/photo?id=%s&name=%s' % (sid, name))
        check('photo name %s refused' % name, r.status == 404)
    token = re.search(r'token=([0-9a-f]+)', pages[0]).group(1) if pages else '0' * 32
    for tok, name in [('../..', 'news-1.png'), (token, '../../etc/passwd'), (token, '..%2F..%2Fetc%2Fpasswd'),
                      (token + '/..', 'news-1.png'), (token, 'news-1.png/../../x')]:
        r, data = alice.request('GET', '/api/page?token=%s&name=%s' % (tok, name))
        check('page %s/%s refused' % (tok, name), r.status == 404)
    for path in ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/web/../CMakeLists.txt', '/app.js/..%2f..%2fetc%2fpasswd']:
        r, data = alice.request('GET', path)
        check('static path %s refused' % path, r.status in (400, 404) and b'root:' not in data, r.status)
    r, data = alice.request('GET', pages[0][len(''):]) if pages else (None, b'')
    check('her own preview page is served', r is not None and r.status == 200 and data[:4] == b'\x89PNG')

    # Uploads
    status, body, _ = alice.json('POST', '/api/photo?id=' + sid, b'GIF89a not a jpeg at all <script>',
                                 headers={'Content-Type': 'image/jpeg'})
    check('non-image upload refused', status == 415)
    status, body, _ = alice.json('POST', '/api/photo?id=' + sid, b'\xff\xd8\xff\xe0' + b'\x00' * 100,
                                 headers={'Content-Type': 'image/jpeg'})
    check('truncated JPEG refused', status == 415)
    # Every format the engine reads is taken, kept under its own ending and
    # served back as its type (a 1x1 GIF and a 1x1 24-bit BMP).
    gif = (b'GIF89a\x01\x00\x01\x00\x80\x00\x00\x1e\x5a\xa0\xff\xff\xff'
           b',\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;')
    bmp = (b'BM' + struct.pack('<IHHI', 58, 0, 0, 54) +
           struct.pack('<IiiHHIIiiII', 40, 1, 1, 1, 24, 0, 4, 2835, 2835, 0, 0) + b'\xa0\x5a\x1e\x00')
    for kind, data, ending, media in (('GIF', gif, '.gif', 'image/gif'), ('BMP', bmp, '.bmp', 'image/bmp')):
        status, body, _ = alice.json('POST', '/api/photo?id=' + sid, data, headers={'Content-Type': 'image/jpeg'})
        check('%s upload accepted' % kind, status == 200 and body.get('name', '').endswith(ending), (status, body))
        if status == 200:
            r, back = alice.request('GET', '/api/photo?id=%s&name=%s' % (sid, body['name']))
            check('%s served back as %s' % (kind, media), r.status == 200 and back == data and
                  r.getheader('Content-Type', '').startswith(media), r.status)
    evil_name = '"><img src=x onerror=alert(1)>.png'
    status, body, _ = alice.json('POST', '/api/photo?id=' + sid, tiny_png(),
                                 headers={'Content-Type': 'image/png', 'X-File-Name': evil_name})
    check('image accepted under a server-chosen name', status == 200 and re.fullmatch(r'p-[0-9a-f]{16}\.png', body.get('name', '')))
    check('the uploaded file name is never echoed', evil_name not in str(body))
    big = 25 * 1024 * 1024
    code = raw(server, ('POST /api/photo?id=%s HTTP/1.1\r\nHost: x\r\nCookie: %s\r\nX-CSRF-Token: %s\r\n'
                        'Content-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n' % (sid, alice.cookie, alice.csrf, big)).encode()
               + b'\xff\xd8' + b'\x00' * 65536)
    check('oversized upload (25 MB declared): 413', code == 413, code)
    code = raw(server, ('POST /api/photo?id=%s HTTP/1.1\r\nHost: x\r\nCookie: %s\r\nX-CSRF-Token: %s\r\n'
                        'Content-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\n\r\n' % (sid, alice.cookie, alice.csrf)).encode()
               + b'10000\r\n' + b'\x00' * 65536 + b'\r\n')
    check('chunked upload: refused before reading', code == 411, code)
    code = raw(server, ('POST /api/save HTTP/1.1\r\nHost: x\r\nCookie: %s\r\nX-CSRF-Token: %s\r\n'
                        'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' % (alice.cookie, alice.csrf)).encode()
               + b'5\r\n{"a":\r\n')
    check('chunked JSON: refused', code == 411, code)
    code = raw(server, ('POST /api/save HTTP/1.1\r\nHost: x\r\nCookie: %s\r\nX-CSRF-Token: %s\r\n'
                        'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9000\r\n\r\n' % (alice.cookie, alice.csrf)).encode()
               + b'a=' + b'b' * 8998)
    check('url-encoded form: refused', code == 415, code)
    code = raw(server, ('POST /api/save HTTP/1.1\r\nHost: x\r\nCookie: %s\r\nX-CSRF-Token: %s\r\n'
                        'Content-Type: application/json\r\nContent-Length: %d\r\n\r\n' % (alice.cookie, alice.csrf, 3 << 20)).encode())
    check('3 MB JSON: 413', code == 413, code)

    # Another account
    bob = Client(server)
    bob.login('bob', 'mat-khau-bob')
    status, body, _ = bob.json('GET', '/api/sessions')
    check("bob's list does not show alice's session", status == 200 and all(s['id'] != sid for s in body['sessions']))
    status, body, _ = bob.json('GET', '/api/session?id=' + sid)
    check("bob cannot open alice's session", status == 404)
    r, data = bob.request('GET', '/api/download?what=xml&id=' + sid)
    check("bob cannot download alice's XML", r.status == 404)
    r, data = bob.request('GET', '/api/download?what=news&id=' + sid)
    check("bob cannot download alice's PDF", r.status == 404)
    status, body, _ = bob.json('POST', '/api/save', {'form': dict(form, **{'where.venue': 'bob'}), 'base': '', 'force': True})
    check("bob cannot overwrite alice's session, even forcing", status == 403)
    if pages:
        r, data = bob.request('GET', pages[0])
        check("bob cannot see alice's preview pages", r.status == 404)
    status, body, _ = bob.json('POST', '/api/photo?id=' + sid, tiny_png(), headers={'Content-Type': 'image/png'})
    check("bob cannot upload into alice's session", status == 404)
    status, body, _ = bob.json('POST', '/api/save', {'form': dict(form, id='tuyen-quang/chiem'), 'base': ''})
    check('a unit is a whole segment: ha-giang does not reach tuyen-quang', status == 403)

    # Forged cookies
    forged = Client(server)
    name, expires, nonce, mac = alice.cookie.split('=', 1)[1].split('.')
    for what, value in [('another name', 'bob.%s.%s.%s' % (expires, nonce, mac)),
                        ('a later expiry', 'alice.%d.%s.%s' % (int(expires) + 86400, nonce, mac)),
                        ('a changed MAC', 'alice.%s.%s.%s' % (expires, nonce, mac[:-1] + ('0' if mac[-1] != '0' else '1'))),
                        ('no MAC', 'alice.%s.%s' % (expires, nonce)), ('garbage', '<script>')]:
        forged.cookie = 'vb=' + value
        forged.csrf = alice.csrf
        status, body, _ = forged.json('GET', '/api/sessions')
        check('forged cookie (%s): 401' % what, status == 401)

    # Drafts on disk are where `vanban render DIR` finds them.
    check('draft saved as DATA/<id>/session.xml', os.path.isfile(os.path.join(server.data, sid, 'session.xml')))

# Expiry
with Server(BINARY, users=users, extra=['--session-seconds', '1']) as server:
    alice = Client(server)
    alice.login('alice', 'mat-khau-alice')
    status, _, _ = alice.json('GET', '/api/sessions')
    check('fresh cookie works', status == 200)
    time.sleep(2.2)
    status, _, _ = alice.json('GET', '/api/sessions')
    check('expired cookie: 401', status == 401)

print('%d passed, %d failed' % (passed, len(failures)))
sys.exit(1 if failures else 0)
