#!/usr/bin/env bash
# Benchmarks bulk rendering (news + conclusion + minutes) on synthetic
# sessions and prints the figures issue #4 asks for. Usage:
#   bench/run.sh [SESSIONS]        (default 1000 sessions = 3000 documents)
# Needs hyperfine and GNU time (apt-get install hyperfine time); builds a
# Release binary in build-release/.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DVANBAN_TESTS=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target vanban >/dev/null
bin=build-release/vanban

python3 bench/generate.py "$n" -o "$work/sessions.xml"
python3 bench/generate.py 1 -o "$work/one.xml"
docs=$((n * 3))

echo "== $n sessions, $docs documents, $(nproc) cores"
for j in 1 2; do
  hyperfine -N -w 1 -r 5 --export-json "$work/j$j.json" \
    "$bin render $work/sessions.xml -o $work/out-j$j -q -j $j" >/dev/null
  median=$(python3 -c "import json,sys; print(json.load(open('$work/j$j.json'))['results'][0]['median'])")
  /usr/bin/time -f "%U %S %M" -o "$work/time-j$j" "$bin" render "$work/sessions.xml" -o "$work/out-j$j" -q -j "$j"
  read -r user sys rss < "$work/time-j$j"
  python3 - "$j" "$median" "$user" "$sys" "$rss" "$docs" <<'PY'
import sys
j, median, user, sys_, rss, docs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"-j {j}: median {median:.3f} s, {docs / median:.0f} documents/s, "
      f"{(user + sys_) * 1000 / docs:.2f} ms CPU/document, peak RSS {rss / 1024:.1f} MB")
PY
done

python3 - "$work/out-j1/manifest.jsonl" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
for doc in ("news", "conclusion", "minutes"):
    sizes = [r["bytes"] for r in rows if r["document"] == doc and r["status"] == "ok"]
    one_page = [r["bytes"] for r in rows if r["document"] == doc and r["pages"] == 1]
    line = f"{doc}: median {statistics.median(sizes) / 1024:.1f} KB over {len(sizes)} documents"
    if one_page:
        line += f", one-page median {statistics.median(one_page) / 1024:.1f} KB ({len(one_page)})"
    print(line)
PY

hyperfine -N -w 3 -r 30 --export-json "$work/one.json" \
  "$bin render $work/one.xml -t conclusion -o $work/one -q -j 1" >/dev/null
python3 -c "import json; r=json.load(open('$work/one.json'))['results'][0]; print(f\"one conclusion notice, fresh process: median {r['median']*1000:.1f} ms\")"
# Page faults were half of a fresh process's time (loading 38 libraries):
# GNU time's minor faults (%R) and CPU seconds of that same one notice.
/usr/bin/time -f "%R %U %S" -o "$work/one-time" "$bin" render "$work/one.xml" -t conclusion -o "$work/one" -q -j 1
read -r faults user sys < "$work/one-time"
echo "one conclusion notice, fresh process: $faults page faults, $(python3 -c "print(f'{($user + $sys) * 1000:.0f}')") ms CPU"
