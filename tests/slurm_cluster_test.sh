#!/usr/bin/env bash
# README's Slurm line against a real Slurm: starts a one-node cluster on
# this machine (munged, slurmctld and slurmd from Debian's munge and
# slurm-wlm, each with its own socket, ports, spool and pid files in a
# temporary folder), submits `sbatch --array=0-3` of `vanban render ...
# --shard 4`, merges the shards' manifests as README says, and checks that
# every document was produced exactly once. Every daemon it started is
# stopped on any exit. Skipped (77) without root or the packages.
#
#   slurm_cluster_test.sh VANBAN SOURCE_DIR
set -euo pipefail
vanban=$(realpath "$1")
source_dir=$2
sessions=8

skip() { echo "skipped: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "the daemons are started as root (slurmd runs jobs as their user)"
for tool in munged slurmctld slurmd sbatch sinfo python3; do
  command -v "$tool" >/dev/null || skip "$tool is missing (apt-get install slurm-wlm munge)"
done

work=$(mktemp -d /tmp/vanban-slurm.XXXXXX)
stop() {
  # Only the daemons this test started, by their pid files.
  for name in slurmd slurmctld munged; do
    if [ -s "$work/$name.pid" ]; then
      pid=$(cat "$work/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap stop EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
fail() {
  echo "FAIL: $*"
  for log in "$work"/*.log; do echo "== $log"; tail -20 "$log"; done
  exit 1
}

# munge: a key of its own, and its own socket so as not to meet a system munged.
dd if=/dev/urandom of="$work/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge.key"
munged --force --key-file="$work/munge.key" --socket="$work/munge.sock" \
  --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munge.seed" \
  || fail "munged did not start"

host=$(hostname -s)
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=vanbantest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
AuthInfo=socket=$work/munge.sock
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=vanban Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -c -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" -N "$host" || fail "slurmd did not start"
for _ in $(seq 120); do
  state=$(sinfo -h -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || fail "the node is '$state', not idle, after 60 s"

python3 "$source_dir/bench/generate.py" "$sessions" -o "$work/sessions" --files >/dev/null
out=$work/out
# README's line, with --wait so that sbatch returns when all four are done.
sbatch --wait --array=0-3 -o "$work/job-%a.log" \
  --wrap "'$vanban' render '$work/sessions' -o '$out' --shard 4 -q" >/dev/null \
  || fail "sbatch --array=0-3 failed"

for i in 0 1 2 3; do
  [ -s "$out/manifest-$i-of-4.jsonl" ] || fail "shard $i wrote no manifest"
done
cat "$out"/manifest-*-of-4.jsonl | sort > "$out/manifest.jsonl"
python3 - "$out/manifest.jsonl" "$sessions" <<'PY' || fail "the merged manifest is wrong"
import json, os, sys
entries = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
sessions = int(sys.argv[2])
made = [(e["session"], e["document"]) for e in entries]
assert len(made) == len(set(made)), "a document was produced twice"
expected = {(f"bench/s{i:06d}", d) for i in range(sessions) for d in ("news", "conclusion", "minutes")}
assert set(made) == expected, f"missing: {sorted(expected - set(made))[:5]}"
for e in entries:
    assert e["status"] == "ok", e
    assert os.path.getsize(e["output"]) == e["bytes"], e["output"]
    assert open(e["output"], "rb").read(5) == b"%PDF-", e["output"]
print(f"{len(entries)} documents from 4 Slurm array tasks, each exactly once")
PY
