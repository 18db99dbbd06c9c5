"""-f portal as a portal's editor gets it: each index.html checked by HTML
Tidy (Debian's tidy, HTML5, errors only) and opened from its folder in a
real browser (Debian's chromium, headless, through python3-selenium): the
page is Vietnamese, has its headline, no script, every photo loads from
the file beside it, and its screenshot is not blank. With
VANBAN_SCREENSHOTS=DIR the top of the Chiêm Hóa page (1000 x 1400) is
saved as DIR/portal-news.png.

Exits 77 (skipped) without tidy, or when chromium cannot be started."""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

BINARY, SOURCE = sys.argv[1], sys.argv[2]
SKIP = 77
tidy = shutil.which('tidy')
if not tidy:
    print('skipped: tidy is not installed (Debian package tidy)')
    sys.exit(SKIP)
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError as e:
    print('skipped: python3-selenium is not installed (%s)' % e)
    sys.exit(SKIP)
chromium = shutil.which('chromium')
chromedriver = shutil.which('chromedriver') or '/usr/bin/chromedriver'
if not chromium or not os.path.exists(chromedriver):
    print('skipped: chromium or chromium-driver is not installed')
    sys.exit(SKIP)

failures = []


def check(what, ok, detail=''):
    print(('ok    ' if ok else 'FAIL  ') + what + ('' if ok else ' ' + str(detail)))
    if not ok:
        failures.append(what)


def tidy_errors(path):
    """What tidy reports as errors in an HTML5 file ('' when none)."""
    r = subprocess.run([tidy, '-errors', '-q', '--doctype', 'html5', path],
                       capture_output=True, text=True)
    return (r.stdout + r.stderr).strip(), r.returncode


def pixels(png):
    """Rows of (r, g, b) of an 8-bit RGB or RGBA, non-interlaced PNG (what
    chromium's screenshots are), by the PNG specification's filters."""
    at, idat, width, height, channels = 8, b'', 0, 0, 0
    while at < len(png):
        length, kind = struct.unpack('>I4s', png[at:at + 8])
        body = png[at + 8:at + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            assert depth == 8 and colour in (2, 6) and body[12] == 0, 'not an 8-bit RGB(A) PNG'
            channels = 3 if colour == 2 else 4
        elif kind == b'IDAT':
            idat += body
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return rows


work = tempfile.mkdtemp(prefix='vanban-portal-')
out = os.path.join(work, 'out')
r = subprocess.run([BINARY, 'render', '-q', os.path.join(SOURCE, 'samples'), '-f', 'portal', '-o', out],
                   capture_output=True, text=True)
check('render -f portal exits 0', r.returncode == 0, r.stderr)
pages = sorted(os.path.join(d, 'index.html') for d, _, files in os.walk(out) if 'index.html' in files)
check('one folder per news item (2)', len(pages) == 2, pages)

# Tidy itself finds errors (so that its silence below means something).
broken = os.path.join(work, 'broken.html')
with open(broken, 'w') as f:
    f.write('<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body><p><zz>x</body></html>')
report, _ = tidy_errors(broken)
check('tidy reports an error in a broken page', 'Error' in report, report)
for page in pages:
    report, status = tidy_errors(page)
    check('tidy: no error in %s' % os.path.relpath(page, out), report == '' and status < 2, report)

options = webdriver.ChromeOptions()
options.binary_location = chromium
for arg in ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
            '--window-size=1000,1400', '--lang=vi', '--user-data-dir=' + os.path.join(work, 'profile')]:
    options.add_argument(arg)
try:
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
except Exception as e:  # chromium present but cannot start here
    print('skipped: chromium cannot start: %s' % str(e).splitlines()[0])
    sys.exit(SKIP)
shots = os.environ.get('VANBAN_SCREENSHOTS')
try:
    for page in pages:
        name = os.path.relpath(page, out)
        with open(os.path.join(os.path.dirname(page), 'article.json'), encoding='utf-8') as f:
            article = json.load(f)
        driver.get('file://' + page)
        seen = driver.execute_script(
            'return {lang: document.documentElement.lang, h1: document.querySelector("h1").textContent,'
            ' scripts: document.scripts.length, sapo: (document.querySelector(".sapo") || {}).textContent,'
            ' images: Array.from(document.images).map(i => [i.getAttribute("src"), i.complete, i.naturalWidth]),'
            ' figcaptions: document.querySelectorAll("figure > figcaption").length,'
            ' byline: !!document.querySelector(".byline")}')
        check('%s: lang="vi"' % name, seen['lang'] == 'vi', seen['lang'])
        check('%s: the h1 is article.json\'s title' % name, seen['h1'].split() == article['title'].split(),
              seen['h1'])
        check('%s: the sapo is article.json\'s' % name, (seen['sapo'] or '').split() == article['sapo'].split(),
              seen['sapo'])
        check('%s: no script' % name, seen['scripts'] == 0, seen['scripts'])
        check('%s: a byline' % name, seen['byline'])
        files = [p['file'] for p in article['photos']]
        check('%s: the <img> are the photo files of article.json' % name,
              [i[0] for i in seen['images']] == files, seen['images'])
        check('%s: every photo loads from beside the page' % name,
              all(i[1] and i[2] > 0 for i in seen['images']), seen['images'])
        check('%s: each photo has its caption' % name, seen['figcaptions'] == len(files))
        # For docs/: the top of the page, as an editor first sees it.
        if shots and files:
            driver.save_screenshot(os.path.join(shots, 'portal-news.png'))
        # The whole page, as tall as it is, and not blank: text is dark on
        # white, and the photos add colours.
        height = driver.execute_script('return document.documentElement.scrollHeight')
        driver.set_window_size(1000, min(max(height + 140, 600), 8000))
        png = driver.get_screenshot_as_png()
        rows = pixels(png)
        total = sum(len(row) for row in rows)
        inked = sum(1 for row in rows for p in row if sum(p) < 600)
        colours = len({p for row in rows[::7] for p in row[::7]})
        check('%s: the screenshot is not blank (%.1f%% inked, %d colours sampled)' % (name, 100.0 * inked / total,
                                                                                      colours),
              inked > total // 200 and colours > (50 if files else 2))
finally:
    driver.quit()
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print('%d check(s) failed' % len(failures))
    sys.exit(1)
print('all checks passed')
