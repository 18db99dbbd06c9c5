"""Starts and stops a `vanban serve` for the serve tests: 127.0.0.1 only,
a free port chosen by the server, a fresh data folder, stopped with
SIGTERM however the test ends. Python standard library only."""
import contextlib
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import tempfile
import time
import zlib


def password_hash(password, iterations=1000):
    """A users-file hash made here with Python's own PBKDF2, not vanban's."""
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac('sha256', password.encode(), salt, iterations)
    return 'pbkdf2-sha256$%d$%s$%s' % (iterations, salt.hex(), digest.hex())


def tiny_png(width=4, height=3):
    """An 8-bit RGB PNG the engine can embed."""
    raw = b''.join(b'\x00' + bytes([200, 40, 40]) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


class Server:
    def __init__(self, binary, users=None, extra=()):
        self.dir = tempfile.mkdtemp(prefix='vanban-serve-test-')
        self.data = os.path.join(self.dir, 'data')
        args = [binary, 'serve', '--host', '127.0.0.1', '--port', '0', '--data', self.data]
        if users is not None:
            path = os.path.join(self.dir, 'users')
            with open(path, 'w') as f:
                for name, (units, password) in users.items():
                    f.write('%s:%s:%s\n' % (name, ','.join(units), password_hash(password)))
            args += ['--users', path]
        args += list(extra)
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        m = re.search(r'http://127\.0\.0\.1:(\d+)/', line)
        if not m:
            self.stop()
            raise RuntimeError('server did not start: %r %r' % (line, self.process.stderr.read()))
        self.port = int(m.group(1))
        self.url = 'http://127.0.0.1:%d' % self.port

    def stop(self):
        """Stops the server and fails the test if it did not exit cleanly
        (a sanitizer report, a crash, a hang on SIGTERM)."""
        hung = False
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                hung = True
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
        if hung or self.process.returncode != 0:
            err = self.process.stderr.read() if self.process.stderr else ''
            raise RuntimeError('vanban serve exited with %s%s:\n%s' % (
                self.process.returncode, ' after hanging on SIGTERM' if hung else '', err[-4000:]))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class Client:
    """One person's browser: a cookie and the CSRF token."""
    def __init__(self, server):
        self.server = server
        self.cookie = ''
        self.csrf = ''

    def request(self, method, path, body=None, headers=None, csrf=True):
        h = dict(headers or {})
        if self.cookie:
            h['Cookie'] = self.cookie
        if csrf and self.csrf and 'X-CSRF-Token' not in h:
            h['X-CSRF-Token'] = self.csrf
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault('Content-Type', 'application/json')
        c = http.client.HTTPConnection('127.0.0.1', self.server.port, timeout=120)
        c.request(method, path, body, h)
        r = c.getresponse()
        data = r.read()
        set_cookie = r.getheader('Set-Cookie')
        if set_cookie:
            self.cookie = set_cookie.split(';')[0]
        c.close()
        return r, data

    def json(self, method, path, body=None, **kw):
        r, data = self.request(method, path, body, **kw)
        try:
            return r.status, json.loads(data.decode() or '{}'), r
        except ValueError:
            return r.status, {'raw': data}, r

    def login(self, user=None, password=None):
        if user is None:
            status, me, _ = self.json('GET', '/api/me')
        else:
            status, me, _ = self.json('POST', '/api/login', {'user': user, 'password': password})
        assert status == 200, (status, me)
        self.csrf = me['csrf']
        return me


def sample_form(client, source_dir, session_id):
    """The Chiêm Hóa sample as the form sends it, under `session_id`."""
    with open(os.path.join(source_dir, 'samples/chiem-hoa/session.xml'), 'rb') as f:
        xml = f.read()
    status, body, _ = client.json('POST', '/api/import', xml, headers={'Content-Type': 'application/xml'})
    assert status == 200, body
    form = body['form']
    form['id'] = session_id
    form['photos'] = []
    return form
