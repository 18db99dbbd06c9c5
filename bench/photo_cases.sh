#!/usr/bin/env bash
# One news item per case of issue 12, each with one photo made here, and a
# Markdown row each: accepted, PDF size, placed ppi (pdfimages), encoding,
# CPU time (user + system), warnings; page 1 of each as PNG in OUT_DIR to
# look at. Usage: bench/photo_cases.sh OUT_DIR [VANBAN_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "$1"); mkdir -p "$out"
bin=$(realpath "${2:-build/vanban}")
icc=build/tests/icc_tool
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tool="python3 tests/photo_tool.py"
m=$work/m; mkdir -p "$m"

$icc profile adobe "$m/adobe.icc"; $icc profile p3 "$m/p3.icc"; $icc profile cmyk "$m/cmyk.icc"
$tool jpeg "$m/exif6.jpg" 4000 3000 6
$tool jpeg "$m/tall.jpg" 1080 1920 1
$tool diagram "$m/screenshot.png" 1170 2532
$tool png "$m/strip.png" 90 1600
$tool big "$m/motion.jpg" 4000 3000
head -c 6000000 /dev/urandom > "$m/video"; printf 'ftypmp42' >> "$m/motion.jpg"; cat "$m/video" >> "$m/motion.jpg"
$tool png "$m/alpha.png" 2000 1500 alpha
$tool big "$m/b.jpg" 4000 3000; djpeg -outfile "$m/b.ppm" "$m/b.jpg"
python3 - "$m" <<'PY'
import struct, sys, zlib
m = sys.argv[1]
data = open(m + "/b.ppm", "rb").read(); parts = data.split(maxsplit=4)
w, h, px = int(parts[1]), int(parts[2]), parts[4]
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
def png(path, w, h, depth, rows, interlace=0):
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, 2, 0, 0, interlace)) +
                           chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
png(m + "/opaque12.png", w, h, 8, b"".join(b"\0" + px[y * w * 3:(y + 1) * w * 3] for y in range(h)))
# 16-bit: each sample twice (v * 257), a 2000x1500 crop.
cw, ch = 2000, 1500
png(m + "/deep.png", cw, ch, 16, b"".join(b"\0" + bytes(b for v in px[y * w * 3:y * w * 3 + cw * 3] for b in (v, v)) for y in range(ch)))
# Adam7 interlaced, the same crop at 8 bits.
passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
out = b""
for x0, y0, dx, dy in passes:
    xs = range(x0, cw, dx)
    if not xs: continue
    for y in range(y0, ch, dy):
        row = px[y * w * 3:y * w * 3 + cw * 3]
        out += b"\0" + b"".join(row[x * 3:x * 3 + 3] for x in xs)
png(m + "/interlaced.png", cw, ch, 8, out, 1)
PY
$tool solid "$m/s.ppm" 3000 2000 200 60 40
cjpeg -quality 92 -icc "$m/adobe.icc" -outfile "$m/adobe.jpg" "$m/s.ppm"
$tool solid "$m/p3.png" 3000 2000 200 60 40 "$m/p3.icc"
$icc cmyk-jpeg "$m/cmyk.jpg" "$m/cmyk.icc" 255 0 0 0
heif-enc -q 85 "$m/opaque12.png" -o "$m/phone.heic" >/dev/null
cwebp -quiet -q 85 "$m/opaque12.png" -o "$m/web.webp"
$tool solid "$m/anim.gif" 480 360 30 90 160
$tool solid "$m/paint.bmp" 1600 1200 30 90 160
$tool solid "$m/scan.tif" 2480 3508 30 90 160 "$m/adobe.icc"
$tool png "$m/tiny.png" 120 90

case_row() {  # LABEL FILE
  local label=$1 file=$2 dir="$work/case-${2%.*}"
  mkdir -p "$dir/in"; cp "$m/$file" "$dir/in/"
  python3 - "$dir/in/session.xml" "$file" <<'PY'
import re, sys
src = open("tests/testing.h").read()
xml = re.search(r'kMinimalSession\[\] = R"\w*\((.*?)\)\w*"', src, re.S).group(1)
open(sys.argv[1], "w").write(xml.replace("  <article", '  <photo src="%s">Ảnh.</photo>\n  <article' % sys.argv[2], 1))
PY
  local status=0
  /usr/bin/time -f "%U %S" -o "$dir/time" "$bin" render -t news -q -o "$dir/out" "$dir/in/session.xml" 2> "$dir/err" || status=$?
  read -r user sys < "$dir/time"
  local pdf; pdf=$(find "$dir/out" -name news.pdf 2>/dev/null | head -1)
  local warn="-"; grep -q "warning:" "$dir/err" && warn="warning"
  if [ "$status" != 0 ] || [ -z "$pdf" ]; then
    printf '| %s | no: %s | | | | |\n' "$label" "$(head -c 160 "$dir/err")"; return
  fi
  local img; img=$(pdfimages -list "$pdf" | sed -n 3p | awk '{print $4"x"$5" "$9", "$13" ppi"}')
  local page; page=$(pdfimages -list "$pdf" | sed -n 3p | awk '{print $1}')
  pdftoppm -r 40 -png -singlefile -f "$page" -l "$page" "$pdf" "$out/${file%.*}"
  printf '| %s | yes | %d KB | %s | %s s | %s |\n' "$label" $(( $(stat -c %s "$pdf") / 1024 )) "$img" \
    "$(python3 -c "print(f'{$user + $sys:.2f}')")" "$warn"
}

echo "| case | accepted | PDF | image in the PDF | CPU | warning |"
echo "|---|---|---|---|---|---|"
case_row "EXIF 6 phone photo, 4000x3000 (stored sideways)" exif6.jpg
case_row "9:16 photo, 1080x1920" tall.jpg
case_row "phone screenshot, 1170x2532, few colours" screenshot.png
case_row "tall strip, 90x1600" strip.png
case_row "motion photo: 12 MP JPEG + 6 MB trailing video" motion.jpg
case_row "PNG with alpha, 2000x1500" alpha.png
case_row "opaque 12 MP PNG" opaque12.png
case_row "Adobe RGB JPEG (ICC in APP2)" adobe.jpg
case_row "Display P3 PNG (iCCP)" p3.png
case_row "interlaced PNG, 2000x1500" interlaced.png
case_row "16-bit PNG, 2000x1500" deep.png
case_row "CMYK JPEG with its profile" cmyk.jpg
case_row "HEIC, 12 MP" phone.heic
case_row "WebP, 12 MP" web.webp
case_row "GIF, 480x360" anim.gif
case_row "BMP 24-bit, 1600x1200" paint.bmp
case_row "TIFF, A4 at 300 dpi with ICC" scan.tif
case_row "tiny image, 120x90" tiny.png
