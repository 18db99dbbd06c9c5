#!/usr/bin/env python3
"""Memory stays flat in a bulk run: the peak RSS of `vanban render` over a
folder of 1,500 session files may exceed that over 200 by a few MB at most.

Before the manifest was journalled, every document's entry (about 1.9 KB
with its strings) stayed in memory until the end: 1,300 more sessions x 3
documents was about 7 MB more. A bound, not a timing: it compares memory,
measured by the kernel (ru_maxrss of each child), at two sizes.

    memory_flat_test.py VANBAN SOURCE_DIR [plain|sanitized]
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile

SMALL, LARGE = 200, 1500
ALLOWED_GROWTH_KB = 4 * 1024


def peak_rss_kb(vanban, sessions, out):
    # Each run in its own child process: wait4 gives that child's peak alone.
    process = subprocess.Popen([vanban, "render", sessions, "-f", "json", "-o", out, "-j", "2", "-q"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"vanban render {sessions} failed: {stderr}")
    return usage.ru_maxrss


def main():
    vanban, source = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "sanitized":
        print("skipped: peak RSS under AddressSanitizer is its quarantine's, not vanban's")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="vanban-memory-")
    try:
        peaks = {}
        for n in (SMALL, LARGE):
            tree = os.path.join(work, f"tree{n}")
            subprocess.run([sys.executable, os.path.join(source, "bench", "generate.py"), str(n),
                            "-o", tree, "--files"], check=True, stdout=subprocess.DEVNULL)
            out = os.path.join(work, f"out{n}")
            peaks[n] = peak_rss_kb(vanban, tree, out)
            with open(os.path.join(out, "manifest.jsonl"), encoding="utf-8") as manifest:
                lines = sum(1 for _ in manifest)
            if lines != 3 * n:
                sys.exit(f"{n} sessions: manifest has {lines} lines, not {3 * n}")
        # The same sessions in one <sessions> file: streamed, never held
        # whole (before, 1,500 sessions in 7 MB peaked 13 MB above 200).
        single = {}
        for n in (SMALL, LARGE):
            path = os.path.join(work, f"sessions{n}.xml")
            subprocess.run([sys.executable, os.path.join(source, "bench", "generate.py"), str(n), "-o", path],
                           check=True, stdout=subprocess.DEVNULL)
            single[n] = peak_rss_kb(vanban, path, os.path.join(work, f"single-out{n}"))
        failed = False
        for what, measured in (("files", peaks), ("one <sessions> file", single)):
            growth = measured[LARGE] - measured[SMALL]
            print(f"peak RSS, {what}: {SMALL} sessions {measured[SMALL]} KB, {LARGE} sessions "
                  f"{measured[LARGE]} KB, growth {growth} KB (allowed {ALLOWED_GROWTH_KB} KB)")
            if growth > ALLOWED_GROWTH_KB:
                print(f"memory grows with the number of sessions ({what}): {growth} KB more for "
                      f"{LARGE - SMALL} more sessions ({growth * 1024 // (LARGE - SMALL)} bytes each)")
                failed = True
        if failed:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
