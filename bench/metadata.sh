#!/usr/bin/env bash
# The cost of --metadata: the same synthetic sessions rendered with and
# without it, in one hyperfine sitting (alternating runs share the
# machine's load). Usage:
#   bench/metadata.sh [SESSIONS] [VANBAN]   (default 1000 sessions; VANBAN
#   defaults to a Release build in build-release/)
# Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
bin=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DVANBAN_TESTS=OFF >/dev/null
  cmake --build build-release -j2 --target vanban >/dev/null
  bin=build-release/vanban
fi

python3 bench/generate.py "$n" -o "$work/sessions.xml"
echo "== $n sessions, $((n * 3)) documents, $(nproc) cores, $bin"
# A fresh output folder each run, so that neither run skips nor merges.
hyperfine -N -w 1 -r 5 --export-json "$work/runs.json" \
  --prepare "rm -rf $work/off $work/on" \
  -n off "$bin render $work/sessions.xml -o $work/off -q -j 2" \
  -n on "$bin render $work/sessions.xml -o $work/on -q -j 2 --metadata" >/dev/null
# Wall time on a shared machine is mostly the neighbours' load: CPU time
# (user + system, GNU time) of alternating runs says more.
for i in 1 2 3; do
  for mode in off on; do
    rm -rf "$work/cpu"
    extra=""; [ "$mode" = on ] && extra=--metadata
    /usr/bin/time -f "%U %S" -a -o "$work/cpu-$mode" "$bin" render "$work/sessions.xml" -o "$work/cpu" -q -j 2 $extra
  done
done
python3 - "$work/cpu-off" "$work/cpu-on" "$n" <<'PY'
import statistics, sys
cpu = {m: statistics.median(sum(map(float, l.split())) for l in open(p)) for m, p in (("off", sys.argv[1]), ("on", sys.argv[2]))}
docs = int(sys.argv[3]) * 3
print(f"CPU (median of 3): off {cpu['off']:.2f} s, on {cpu['on']:.2f} s: "
      f"{(cpu['on'] - cpu['off']) * 1000 / docs:+.3f} ms per document ({100 * (cpu['on'] - cpu['off']) / cpu['off']:+.1f} %)")
PY
python3 - "$work/runs.json" "$work/on" "$n" <<'PY'
import json, os, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
off, on = runs["off"]["median"], runs["on"]["median"]
files = [os.path.join(d, f) for d, _, fs in os.walk(sys.argv[2]) for f in fs if f.endswith(".metadata.json")]
size = sum(os.path.getsize(f) for f in files)
print(f"off: median {off:.3f} s (+/- {runs['off']['stddev']:.3f}); on: median {on:.3f} s (+/- {runs['on']['stddev']:.3f})")
print(f"--metadata: {100 * (on - off) / off:+.1f} % wall time, {len(files)} files, {size / max(len(files), 1):.0f} bytes each")
PY
