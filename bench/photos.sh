#!/usr/bin/env bash
# A news item with three 12 MP photos (issue 12), in each format people
# send, next to the 8-bit baseline JPEGs: CPU time (user + system, the
# best of 3 runs: wall time is noise on a shared machine), peak RSS and the
# news PDF's size. Also one 60 MP JPEG and WebP (the memory bound) and --photo-ppi 0.
# Usage: bench/photos.sh [VANBAN_BINARY]   (default: build/vanban)
# Needs GNU time, cjpeg/jpegtran (libjpeg-turbo-progs), cwebp, heif-enc.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/vanban}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tool="python3 tests/photo_tool.py"

$tool big "$work/base.jpg" 4000 3000
$tool big "$work/base60.jpg" 9000 6700
cwebp -quiet -q 85 "$work/base60.jpg" -o "$work/base60.webp"
jpegtran -progressive -outfile "$work/prog.jpg" "$work/base.jpg"
djpeg -outfile "$work/base.ppm" "$work/base.jpg"
python3 - "$work/base.ppm" "$work/base.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
parts = data.split(maxsplit=4)
w, h, pixels = int(parts[1]), int(parts[2]), parts[4]
rows = b"".join(b"\0" + pixels[y * w * 3:(y + 1) * w * 3] for y in range(h))
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
open(sys.argv[2], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                              chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
PY
cwebp -quiet -q 85 "$work/base.png" -o "$work/base.webp"
heif-enc -q 85 "$work/base.png" -o "$work/base.heic" >/dev/null

# session.xml with three photos (a different file each, as a camera's).
session() {  # DIR EXT [COUNT]
  local dir=$1 ext=$2 count=${3:-3}
  mkdir -p "$dir/in"
  local photos=""
  for i in $(seq 1 "$count"); do
    cp "$work/$ext" "$dir/in/p$i.${ext##*.}"
    photos+="  <photo src=\"p$i.${ext##*.}\">Ảnh $i.</photo>\n"
  done
  python3 - "$dir/in/session.xml" "$photos" <<'PY'
import re, sys
src = open("tests/testing.h").read()
xml = re.search(r'kMinimalSession\[\] = R"\w*\((.*?)\)\w*"', src, re.S).group(1)
open(sys.argv[1], "w").write(xml.replace("  <article", sys.argv[2].replace("\\n", "\n") + "  <article", 1))
PY
}

run() {  # LABEL FILE [COUNT] [vanban options...]
  local label=$1 file=$2 count=${3:-3}
  shift 3 || shift $#
  local dir="$work/run-$label"
  session "$dir" "$file" "$count"
  local best=""
  for _ in 1 2 3; do
    rm -rf "$dir/out"
    /usr/bin/time -f "%U %S %M" -o "$dir/time" "$bin" render -t news -q -o "$dir/out" "$@" "$dir/in/session.xml"
    read -r user sys rss < "$dir/time"
    cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $cpu < $best else 1)"; then best=$cpu; best_rss=$rss; fi
  done
  local pdf
  pdf=$(find "$dir/out" -name news.pdf)
  printf '%-28s %8s KB input  %6s s CPU  %6.1f MB RSS  %8s KB PDF\n' "$label" \
    $(( $(stat -c %s "$work/$file") / 1024 )) "$best" "$(python3 -c "print($best_rss / 1024)")" \
    $(( $(stat -c %s "$pdf") / 1024 ))
}

echo "== news with photos, $bin"
run "3 x 12 MP baseline JPEG" base.jpg 3
run "3 x 12 MP progressive JPEG" prog.jpg 3
run "3 x 12 MP PNG (opaque)" base.png 3
run "3 x 12 MP WebP" base.webp 3
run "3 x 12 MP HEIC" base.heic 3
run "3 x 12 MP JPEG, ppi 0" base.jpg 3 --photo-ppi 0
run "1 x 60 MP JPEG" base60.jpg 1
run "1 x 60 MP WebP" base60.webp 1
