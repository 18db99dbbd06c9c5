#!/bin/sh
# Peak RSS (GNU time's %M, KB) of a bulk run at several sizes, in one
# <sessions> file and in as many files: the curve must be flat.
#   bench/memory.sh [VANBAN] [SIZES...]       (default: build/vanban 10000 50000 100000)
# Sessions are generated once into $WORK (default /tmp/vanban-memory) and
# reused. FORMAT (default json: PDF of 100,000 sessions takes hours on
# two cores) and COMMAND (render; or check) choose the run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
vanban=${1:-$here/../build/vanban}
[ $# -gt 0 ] && shift
sizes=${*:-10000 50000 100000}
work=${WORK:-/tmp/vanban-memory}
format=${FORMAT:-json}
command=${COMMAND:-render}
mkdir -p "$work"
printf '%-8s %-6s %12s %12s\n' sessions format "one file" "many files"
for n in $sizes; do
  [ -f "$work/s$n.xml" ] || python3 "$here/generate.py" "$n" -o "$work/s$n.xml"
  [ -d "$work/tree$n" ] || python3 "$here/generate.py" "$n" -o "$work/tree$n" --files
  row=""
  for input in "$work/s$n.xml" "$work/tree$n"; do
    rm -rf "$work/out"
    if [ "$command" = check ]; then set -- check "$input"; else set -- render "$input" -f "$format" -j 2 -q -o "$work/out"; fi
    /usr/bin/time -f %M -o "$work/rss" "$vanban" "$@" >/dev/null 2>&1 || true
    kb=$(tail -1 "$work/rss")
    row="$row $(printf '%9s KB' "$kb")"
  done
  printf '%-8s %-6s%s\n' "$n" "$format" "$row"
done
rm -rf "$work/out"
