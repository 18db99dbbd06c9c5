#!/usr/bin/env python3
"""A bounded load test of `vanban serve`: USERS simulated people, each
editing their own session and asking for its preview as the page does
(save + preview on one request, then the first page image), against a
server this script starts on 127.0.0.1 and stops. It stops by itself after
SECONDS or REQUESTS requests in all, whichever comes first; loopback only.

Prints p50/p99 preview latency, errors, lost drafts (a draft on disk that
is not the last version its user saved), and the server's RSS before and
after.

usage: bench/serve_load.py [--binary build/vanban] [--users 20] [--seconds 60] [--requests 4000]"""
import argparse
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests'))
from serve_harness import Client, Server, sample_form  # noqa: E402

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
parser = argparse.ArgumentParser()
parser.add_argument('--binary', default=os.path.join(root, 'build', 'vanban'))
parser.add_argument('--users', type=int, default=20)
parser.add_argument('--seconds', type=float, default=60)
parser.add_argument('--requests', type=int, default=4000)
args = parser.parse_args()


def rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


lock = threading.Lock()
latencies, errors, budget = [], [], [args.requests]
last_saved = {}


def person(server, n, deadline):
    client = Client(server)
    client.login()
    sid = 'tinh/huyen-%02d/2023-06-13' % n
    form = sample_form(client, root, sid)
    base = ''
    edit = 0
    while time.time() < deadline:
        with lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        edit += 1
        # What a person types between two previews: a changed paragraph.
        form['report.paragraphs'][0]['text'] = 'Lần sửa %d của người %d: UBND huyện đã kịp thời chỉ đạo.' % (edit, n)
        start = time.time()
        try:
            status, body, _ = client.json('POST', '/api/save', {'form': form, 'base': base})
            if status != 200 or not body.get('ok'):
                raise RuntimeError('save %d %s' % (status, str(body)[:200]))
            base = body['revision']
            r, png = client.request('GET', body['pages'][0])
            if r.status != 200 or png[:4] != b'\x89PNG':
                raise RuntimeError('page %d' % r.status)
            with lock:
                latencies.append(time.time() - start)
                last_saved[sid] = form['report.paragraphs'][0]['text']
        except Exception as e:  # counted, and the run goes on
            with lock:
                errors.append(str(e))


with Server(args.binary) as server:
    # Warm up (fonts, templates in the page cache), then measure.
    warm = Client(server)
    warm.login()
    status, body, _ = warm.json('POST', '/api/save', {'form': sample_form(warm, root, 'tinh/warm/2023-06-13'), 'base': ''})
    assert status == 200 and body.get('ok'), body
    rss_before = rss_kib(server.process.pid)
    deadline = time.time() + args.seconds
    started = time.time()
    samples = []

    def sample_rss():
        while time.time() < deadline:
            samples.append(rss_kib(server.process.pid))
            time.sleep(10)
    sampler = threading.Thread(target=sample_rss, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=person, args=(server, n, deadline)) for n in range(args.users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - started
    rss_after = rss_kib(server.process.pid)
    lost = 0
    for sid, text in last_saved.items():
        with open(os.path.join(server.data, sid, 'session.xml'), encoding='utf-8') as f:
            if text not in f.read():
                lost += 1

latencies.sort()
def pct(p):
    return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float('nan')
print(json.dumps({
    'users': args.users, 'seconds': round(elapsed, 1), 'previews': len(latencies),
    'previews_per_second': round(len(latencies) / elapsed, 2), 'errors': len(errors),
    'lost_drafts': lost, 'p50_ms': round(pct(0.50)), 'p99_ms': round(pct(0.99)),
    'rss_before_kib': rss_before, 'rss_after_kib': rss_after, 'rss_every_10s_kib': samples}, indent=1))
for e in errors[:5]:
    print('error:', e)
sys.exit(1 if errors or lost else 0)
