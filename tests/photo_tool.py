#!/usr/bin/env python3
"""Pictures for the photo tests, made here with the standard library (and
cjpeg from libjpeg-turbo-progs for JPEGs), never with vanban's own code,
and the page pixels read back from pdftoppm's PPM.

  photo_tool.py png OUT W H [halves|alpha]    top half red, bottom half blue
  photo_tool.py jpeg OUT W H ORIENTATION      left half red, right half blue
      as stored, with an APP1 Exif block (Orientation, a Make, a GPS-like
      description) and a COM comment, which must not reach the PDF
  photo_tool.py big OUT W H                   a textured 8-bit RGB JPEG
  photo_tool.py solid OUT W H R G B [ICC]    one colour, as .ppm, .png (the
      profile as iCCP; ...16.png: 16 bits a sample), .tif (uncompressed, the profile as tag 34675),
      .bmp (24-bit) or .gif (one palette colour)
  photo_tool.py diagram OUT.png W H          a chart: white, five flat colours,
      black grid lines two pixels wide
  photo_tool.py scan OUT.png W H [bw]        a scanned page: lines of dark
      strokes on paper with the scanner's grey noise; bw: thresholded to two
  photo_tool.py dominant PPM                 'R G B N': the commonest colour
      that is not near white, and how many pixels have it
  photo_tool.py where PPM                     'RED_Y BLUE_Y BOX_W BOX_H':
      mean rows of red and blue pixels, and the box both fill
"""
import os
import struct
import subprocess
import sys
import zlib

SECRET_MAKE = b"VanbanTestCam"
SECRET_GPS = b"GPSLatitude 21.82N 105.21E"
SECRET_COMMENT = b"press-officer-secret-comment"


def png(path, w, h, mode):
    alpha = mode == "alpha"
    rows = []
    for y in range(h):
        colour = b"\xff\x00\x00" if y < h // 2 else b"\x00\x00\xff"
        if alpha:  # the bottom half fully transparent: white on paper
            colour += b"\xff" if y < h // 2 else b"\x00"
        rows.append(b"\x00" + colour * w)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 6 if alpha else 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
                chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


def cjpeg(ppm, path):
    subprocess.run(["cjpeg", "-quality", "90", "-outfile", path], input=ppm, check=True)


def exif(orientation):
    # Big-endian TIFF: IFD0 with Make (ASCII), ImageDescription (ASCII) and
    # Orientation (SHORT), values after the IFD.
    entries = 3
    values_at = 8 + 2 + entries * 12 + 4
    make = SECRET_MAKE + b"\0"
    desc = SECRET_GPS + b"\0"
    ifd = struct.pack(">H", entries)
    ifd += struct.pack(">HHII", 0x010E, 2, len(desc), values_at)
    ifd += struct.pack(">HHII", 0x010F, 2, len(make), values_at + len(desc))
    ifd += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    ifd += struct.pack(">I", 0)
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + ifd + desc + make
    body = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def comment():
    return b"\xff\xfe" + struct.pack(">H", len(SECRET_COMMENT) + 2) + SECRET_COMMENT


def jpeg(path, w, h, orientation):
    row = b"\xff\x00\x00" * (w // 2) + b"\x00\x00\xff" * (w - w // 2)
    ppm = b"P6 %d %d 255\n" % (w, h) + row * h
    cjpeg(ppm, path)
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[:2] + exif(orientation) + comment() + data[2:])


def big(path, w, h):
    # Detail at a few pixels' scale all over, as a crowd or foliage has
    # (more than most photos: no smooth wall or sky): random values held
    # for 4 pixels, a quarter of the full range, each row the one before
    # shifted by 7 bytes.
    noise = os.urandom(w * 3 // 4 + 64)
    base = bytes(b // 4 + 96 for b in noise for _ in range(4))
    rows = [base[(y * 7) % 192:(y * 7) % 192 + w * 3] for y in range(h)]
    cjpeg(b"P6 %d %d 255\n" % (w, h) + b"".join(rows), path)
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[:2] + exif(1) + comment() + data[2:])


def solid(path, w, h, rgb, icc_path):
    icc = open(icc_path, "rb").read() if icc_path else b""
    pixel = bytes(rgb)
    if path.endswith(".ppm"):
        data = b"P6 %d %d 255\n" % (w, h) + pixel * (w * h)
    elif path.endswith(".png"):
        def chunk(kind, body):
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        depth = 16 if path.endswith("16.png") else 8  # 16 bits: each sample v * 257
        if depth == 16:
            pixel = bytes(b for v in rgb for b in (v, v))
        rows = b"".join(b"\x00" + pixel * w for _ in range(h))
        data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, 2, 0, 0, 0))
        if icc:
            data += chunk(b"iCCP", b"test\0\0" + zlib.compress(icc))
        data += chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    elif path.endswith(".tif"):
        pixels = pixel * (w * h)
        tags = [(256, 4, 1, w), (257, 4, 1, h), (258, 3, 3, None), (259, 3, 1, 1), (262, 3, 1, 2),
                (273, 4, 1, None), (277, 3, 1, 3), (278, 4, 1, h), (279, 4, 1, len(pixels))]
        if icc:
            tags.append((34675, 7, len(icc), None))
        ifd_size = 2 + 12 * len(tags) + 4
        extra_at = 8 + ifd_size
        bits_at, icc_at = extra_at, extra_at + 6
        pixels_at = icc_at + len(icc)
        ifd = struct.pack("<H", len(tags))
        for tag, kind, count, value in tags:
            if tag == 258:
                value = bits_at
            elif tag == 273:
                value = pixels_at
            elif tag == 34675:
                value = icc_at
            if kind == 3 and count == 1:
                ifd += struct.pack("<HHIHH", tag, kind, count, value, 0)
            else:
                ifd += struct.pack("<HHII", tag, kind, count, value)
        ifd += struct.pack("<I", 0)
        data = b"II*\0" + struct.pack("<I", 8) + ifd + struct.pack("<HHH", 8, 8, 8) + icc + pixels
    elif path.endswith(".bmp"):
        stride = (w * 3 + 3) // 4 * 4
        row = bytes(rgb[::-1]) * w + b"\0" * (stride - w * 3)
        size = 54 + stride * h
        data = (b"BM" + struct.pack("<IHHI", size, 0, 0, 54) +
                struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, stride * h, 2835, 2835, 0, 0) + row * h)
    elif path.endswith(".gif"):
        # One frame, a two-colour table, LZW codes written by hand: a clear
        # code, then every pixel index 0 (a literal each, code size 2: 3
        # bits, with a clear code often enough that codes never widen).
        bits, nbits = 0, 0
        out = bytearray()
        def put(code, width=3):
            nonlocal bits, nbits
            bits |= code << nbits
            nbits += width
            while nbits >= 8:
                out.append(bits & 0xFF)
                bits >>= 8
                nbits -= 8
        count = 0
        put(4)
        for _ in range(w * h):
            put(0)
            count += 1
            if count == 2:
                put(4)
                count = 0
        put(5)
        if nbits:
            out.append(bits & 0xFF)
        blocks = b"".join(bytes([len(out[i:i + 255])]) + bytes(out[i:i + 255]) for i in range(0, len(out), 255))
        data = (b"GIF89a" + struct.pack("<HHBBB", w, h, 0x80, 0, 0) + pixel + b"\xff\xff\xff" +
                b"," + struct.pack("<HHHHB", 0, 0, w, h, 0) + b"\x02" + blocks + b"\x00;")
    with open(path, "wb") as f:
        f.write(data)


def write_png(path, w, h, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    data = b"".join(b"\x00" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(data)) + chunk(b"IEND", b""))


def diagram(path, w, h):
    colours = [b"\x1f\x77\xb4", b"\xff\x7f\x0e", b"\x2c\xa0\x2c", b"\xd6\x27\x28", b"\x94\x67\xbd"]
    rows = []
    bars = 5
    for y in range(h):
        row = bytearray(b"\xff" * (w * 3))
        for i in range(bars):
            top = h - (i + 2) * h // (bars + 2)
            if y >= top:
                x0, x1 = (2 * i + 1) * w // (2 * bars + 1), (2 * i + 2) * w // (2 * bars + 1)
                row[x0 * 3:x1 * 3] = colours[i] * (x1 - x0)
        if y % (h // 10) < 2:
            row = bytearray(b"\x00" * (w * 3))
        for x in range(0, w, w // 10):
            row[x * 3:(x + 2) * 3] = b"\x00" * 6
        rows.append(bytes(row))
    write_png(path, w, h, rows)


def scan(path, w, h, bw):
    import random
    rnd = random.Random(7)
    rows = []
    line_h = max(8, h // 40)
    for y in range(h):
        in_text = (y // line_h) % 2 == 1 and y % line_h > 1
        row = bytearray()
        x = 0
        while x < w:
            word = rnd.randint(w // 80, w // 20) if in_text else w
            gap = rnd.randint(w // 200 + 1, w // 60 + 2)
            for i in range(min(word, w - x)):
                ink = in_text and (i * 7 + y * 3) % 11 < 5
                v = rnd.randint(20, 70) if ink else rnd.randint(232, 250)
                if bw:
                    v = 0 if v < 128 else 255
                row += bytes((v, v, v))
            x += word
            if in_text:
                for _ in range(min(gap, w - x)):
                    v = 255 if bw else rnd.randint(232, 250)
                    row += bytes((v, v, v))
                x += gap
        rows.append(bytes(row[:w * 3]))
    write_png(path, w, h, rows)


def dominant(path):
    with open(path, "rb") as f:
        data = f.read()
    parts = data.split(maxsplit=4)
    pixels = parts[4]
    counts = {}
    for i in range(0, len(pixels) - 2, 3):
        p = pixels[i:i + 3]
        if min(p) > 235:
            continue
        counts[p] = counts.get(p, 0) + 1
    if not counts:
        print("-1 -1 -1 0")
        return
    best = max(counts, key=counts.get)
    print("%d %d %d %d" % (best[0], best[1], best[2], counts[best]))


def where(path):
    with open(path, "rb") as f:
        data = f.read()
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    pixels = parts[4]
    red, blue = [], []
    xs, ys = [], []
    for y in range(h):
        row = pixels[y * w * 3:(y + 1) * w * 3]
        for x in range(0, w):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            if r > 200 and g < 60 and b < 60:
                red.append(y)
            elif b > 200 and r < 60 and g < 60:
                blue.append(y)
            else:
                continue
            xs.append(x)
            ys.append(y)
    mean = lambda v: sum(v) / len(v) if v else -1
    box_w = max(xs) - min(xs) + 1 if xs else 0
    box_h = max(ys) - min(ys) + 1 if ys else 0
    print("%.1f %.1f %d %d" % (mean(red), mean(blue), box_w, box_h))


if __name__ == "__main__":
    cmd, out = sys.argv[1], sys.argv[2]
    if cmd not in ("where", "dominant"):
        os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    if cmd == "png":
        png(out, int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else "halves")
    elif cmd == "jpeg":
        jpeg(out, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif cmd == "big":
        big(out, int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "where":
        where(out)
    elif cmd == "solid":
        solid(out, int(sys.argv[3]), int(sys.argv[4]), [int(v) for v in sys.argv[5:8]],
              sys.argv[8] if len(sys.argv) > 8 else "")
    elif cmd == "diagram":
        diagram(out, int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "scan":
        scan(out, int(sys.argv[3]), int(sys.argv[4]), len(sys.argv) > 5 and sys.argv[5] == "bw")
    elif cmd == "dominant":
        dominant(out)
