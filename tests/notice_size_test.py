#!/usr/bin/env python3
"""A one-page conclusion notice stays within 30 KB (issue 13's bound), as
PDF/A-1b with its fonts, structure tree, XMP, sRGB profile and signature
field: the largest one-page notice of 1,000 generated sessions is
measured (24 of them fit on one page), so a notice with more text than the
samples' counts too.

    notice_size_test.py VANBAN SOURCE_DIR
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

LIMIT = 30 * 1024
SESSIONS = 1000


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def main():
    vanban, source = sys.argv[1], sys.argv[2]
    if shutil.which("pdfinfo") is None:
        print("skipped: pdfinfo (poppler-utils) is not installed")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="vanban-size-")
    try:
        sessions = os.path.join(work, "sessions.xml")
        subprocess.run([sys.executable, os.path.join(source, "bench", "generate.py"), str(SESSIONS),
                        "-o", sessions], check=True)
        out = os.path.join(work, "out")
        # A fixed date: the dates' digits are part of the size.
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        subprocess.run([vanban, "render", sessions, "-t", "conclusion", "-o", out, "-q", "-j", "2"],
                       env=env, check=True)
        notices = glob.glob(os.path.join(out, "**", "conclusion.pdf"), recursive=True)
        if len(notices) != SESSIONS:
            sys.exit(f"expected {SESSIONS} notices, found {len(notices)}")
        # The manifest's page counts pick the one-page notices; pdfinfo
        # confirms the one that is measured.
        with open(os.path.join(out, "manifest.jsonl"), encoding="utf-8") as manifest:
            entries = [json.loads(line) for line in manifest]
        one_page = sorted((os.path.getsize(e["output"]), e["output"]) for e in entries if e["pages"] == 1)
        if not one_page:
            sys.exit("no one-page notice among the generated sessions: the test measures nothing")
        size, largest = one_page[-1]
        if pages(largest) != 1:
            sys.exit(f"{largest}: the manifest says one page, pdfinfo does not")
        print(f"{len(one_page)} one-page notices; largest {size} B ({size / 1024:.1f} KB): {largest}")
        if size > LIMIT:
            sys.exit(f"FAIL: {size} B is over {LIMIT} B")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
