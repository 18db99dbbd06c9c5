#!/usr/bin/env python3
"""A 60 MP photo that is not a JPEG stays within ~200 MB (issue 12): a
9000x6700 PNG and the same as a WebP are reduced while they are decoded,
never held whole (180 MB of RGB, 374 and 395 MB peaks before). Checks the
peak RSS of `vanban render -t news` (the kernel's ru_maxrss of the child),
and that the photo in the PDF is the picture: its size and the colours of
its corners, read back with pdfimages and djpeg.

    photo_memory_test.py VANBAN SOURCE_DIR [plain|sanitized]
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTH, HEIGHT = 9000, 6700
ALLOWED_KB = 200 * 1024


def gradient_png(path):
    # Red grows left to right, green top to bottom, blue 128: each row is
    # its predecessor plus 0 or 1 green (PNG's Up filter), so 60 MP take
    # a few hundred KB and a second to write.
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    z = zlib.compressobj(9)
    parts = [z.compress(b"\0" + bytes(v for x in range(WIDTH) for v in (x * 255 // (WIDTH - 1), 0, 128)))]
    previous = 0
    for y in range(1, HEIGHT):
        green = y * 255 // (HEIGHT - 1)
        parts.append(z.compress(b"\2" + bytes([0, green - previous, 0]) * WIDTH))
        previous = green
    parts.append(z.flush())
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)) +
                  chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b""))


def session(source, photo, path):
    text = open(os.path.join(source, "tests", "testing.h"), encoding="utf-8").read()
    xml = re.search(r'kMinimalSession\[\] = R"\w*\((.*?)\)\w*"', text, re.S).group(1)
    name = os.path.basename(photo)
    with open(path, "w", encoding="utf-8") as out:
        out.write(xml.replace("  <article", f'  <photo src="{name}">Ảnh.</photo>\n  <article', 1))


def peak_rss_kb(argv):
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed: {stderr}")
    return usage.ru_maxrss


def placed_corners(pdf, work):
    """The first image's size and its top-left and bottom-right pixels."""
    prefix = os.path.join(work, "image")
    subprocess.run(["pdfimages", "-j", pdf, prefix], check=True)
    jpeg = prefix + "-000.jpg"
    if not os.path.exists(jpeg):
        sys.exit(f"{pdf}: its photo is not a JPEG")
    ppm = subprocess.run(["djpeg", "-pnm", jpeg], check=True, capture_output=True).stdout
    header = ppm.split(maxsplit=4)
    width, height, pixels = int(header[1]), int(header[2]), header[4]
    def at(x, y):
        return tuple(pixels[(y * width + x) * 3:(y * width + x) * 3 + 3])
    return width, height, at(2, 2), at(width - 3, height - 3)


def near(seen, wanted, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(seen, wanted))


def main():
    vanban, source = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "sanitized":
        print("skipped: peak RSS under AddressSanitizer is its quarantine's, not vanban's")
        sys.exit(77)
    for tool in ("pdfimages", "djpeg"):
        if shutil.which(tool) is None:
            print(f"skipped: {tool} is not installed (poppler-utils, libjpeg-turbo-progs)")
            sys.exit(77)
    work = tempfile.mkdtemp(prefix="vanban-photo-memory-")
    try:
        cases = [os.path.join(work, "big.png")]
        gradient_png(cases[0])
        if shutil.which("cwebp"):
            cases.append(os.path.join(work, "big.webp"))
            subprocess.run(["cwebp", "-quiet", "-q", "80", "-m", "0", cases[0], "-o", cases[1]], check=True)
        else:
            print("WebP case skipped: cwebp (package webp) is not installed")
        for photo in cases:
            case = os.path.splitext(os.path.basename(photo))[1]
            session(source, photo, os.path.join(work, "session.xml"))
            out = os.path.join(work, "out" + case.replace(".", "-"))
            peak = peak_rss_kb([vanban, "render", "-t", "news", "-q", "-o", out, os.path.join(work, "session.xml")])
            pdf = next(os.path.join(d, f) for d, _, files in os.walk(out) for f in files if f == "news.pdf")
            width, height, top_left, bottom_right = placed_corners(pdf, work)
            print(f"60 MP {case}: peak RSS {peak // 1024} MB (allowed {ALLOWED_KB // 1024}), placed {width}x{height}, "
                  f"corners {top_left} {bottom_right}")
            if peak > ALLOWED_KB:
                sys.exit(f"a 60 MP {case} takes {peak // 1024} MB, more than {ALLOWED_KB // 1024}")
            if abs(width / height - WIDTH / HEIGHT) > 0.01 or width > 2000:
                sys.exit(f"the {case} photo is {width}x{height}: not the picture's proportions or not reduced")
            if not near(top_left, (0, 0, 128)) or not near(bottom_right, (255, 255, 128)):
                sys.exit(f"the {case} photo's corners are {top_left} and {bottom_right}, "
                         "not the gradient's (0,0,128) and (255,255,128)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
