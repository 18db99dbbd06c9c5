#!/usr/bin/env python3
"""The tagged PDF as other tools read it: the structure tree (poppler's
`pdfinfo -struct-text`, which walks it and prints each element's text), the
objects behind it (`qpdf --json`), the bookmarks, and MuPDF's text order.

Usage: tagged_pdf_test.py VANBAN SOURCE_DIR
Exits 77 (skipped, never passed) without qpdf, pdfinfo, pdftotext or mutool.
"""
import base64
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def struct_tree(pdf):
    """poppler's reading of the tree: [(depth, type, text)], text "" for a
    container."""
    nodes = []
    for line in run("pdfinfo", "-struct-text", str(pdf)).splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        if body.startswith('"'):
            d, t, _ = nodes[-1]
            nodes[-1] = (d, t, body.strip('"'))
        elif body:
            nodes.append((depth, body.split()[0], ""))
    return nodes


def qpdf_objects(pdf):
    out = run("qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", str(pdf))
    return json.loads(out)["qpdf"][1]


def value(objects, ref):
    entry = objects.get("obj:" + ref) if isinstance(ref, str) and ref.endswith(" R") else None
    return entry.get("value", entry.get("stream", {}).get("dict")) if entry else ref


def check_header_order(name, pdf):
    nodes = struct_tree(pdf)
    types = [t for _, t, _ in nodes]
    check(types[:1] == ["Document"], f"{name}: the tree starts with Document, not {types[:1]}")
    # The first row of the header: a Sect of two Divs, the agency's column
    # first, the Quốc hiệu's second.
    check(types[1:3] == ["Sect", "Div"], f"{name}: the header is Sect/Div, not {types[1:3]}")
    texts = [text for _, _, text in nodes if text]
    joined = "\n".join(texts)
    motto = joined.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    tagline = joined.find("Độc lập - Tự do - Hạnh phúc")
    number = joined.find("Số:")
    check(0 < motto < tagline < number,
          f"{name}: tree order agency < Quốc hiệu < Tiêu ngữ < Số (at {motto}, {tagline}, {number})")
    check(texts and "CỘNG HÒA" not in texts[0] and texts[0].isupper(),
          f"{name}: the first text in the tree is the agency's, not {texts[:1]}")
    check("H1" in types, f"{name}: no H1 (the title)")
    # MuPDF's text extraction, which sorts by position, agrees.
    mutool = run("mutool", "draw", "-F", "txt", "-o", "-", str(pdf), "1")
    positions = [mutool.find(s) for s in (texts[0], "CỘNG HÒA XÃ HỘI", "Độc lập", "Số:")]
    check(-1 not in positions and positions == sorted(positions),
          f"{name}: mutool draw -F txt gives the header in reading order ({positions})")


def check_marked_content(name, pdf, numbered_pages=False):
    objects = qpdf_objects(pdf)
    trailer = objects["trailer"]["value"]
    catalog = value(objects, trailer["/Root"])
    check(catalog.get("/MarkInfo", {}).get("/Marked") is True, f"{name}: /MarkInfo /Marked true")
    check(catalog.get("/Lang") == "u:vi", f"{name}: /Lang (vi)")
    root = value(objects, catalog["/StructTreeRoot"])
    nums = value(objects, root["/ParentTree"])["/Nums"]
    parent_tree = {nums[i]: value(objects, nums[i + 1]) for i in range(0, len(nums), 2)}
    page_refs = []
    pages = [value(objects, catalog["/Pages"])]
    while pages:  # the page tree, depth first, in order
        node = pages.pop(0)
        kids = node.get("/Kids")
        if kids is None:
            continue
        for kid in kids:
            kid_value = value(objects, kid)
            if kid_value.get("/Type") == "/Page":
                page_refs.append(kid)
            else:
                pages.insert(0, kid_value)
    for number, ref in enumerate(page_refs, 1):
        page = value(objects, ref)
        contents = page["/Contents"]
        streams = contents if isinstance(contents, list) else [contents]
        data = b"".join(base64.b64decode(objects["obj:" + s]["stream"]["data"]) for s in streams)
        mcids = [int(m) for m in re.findall(rb"/MCID (\d+)", data)]
        check(mcids == list(range(len(mcids))) and mcids,
              f"{name} page {number}: MCIDs 0..n-1 in content order")
        marks = parent_tree.get(page.get("/StructParents"))
        check(marks is not None and len(marks) == len(mcids),
              f"{name} page {number}: the ParentTree holds every MCID ({len(mcids)})")
        for mcid, element_ref in enumerate(marks or []):
            element = value(objects, element_ref)
            kids = element["/K"] if isinstance(element["/K"], list) else [element["/K"]]
            owns = any(k == mcid if isinstance(k, int) else
                       value(objects, k).get("/MCID") == mcid and value(objects, k).get("/Pg") == ref
                       for k in kids)
            owns = owns and (element.get("/Pg") == ref or any(not isinstance(k, int) for k in kids))
            check(owns, f"{name} page {number}: MCID {mcid}'s element {element_ref} owns it")
        artifacts = data.count(b"/Artifact BMC")
        check(not numbered_pages or number == 1 or artifacts >= 1,
              f"{name} page {number}: the page number is an artifact")
    return objects, catalog


def check_figures(name, pdf):
    objects = qpdf_objects(pdf)
    figures = [v.get("value") for v in objects.values()
               if isinstance(v.get("value"), dict) and v["value"].get("/S") == "/Figure"]
    nodes = struct_tree(pdf)
    captions = [text for _, t, text in nodes if t == "Caption"]
    check(len(figures) >= 1 and len(figures) == len(captions),
          f"{name}: a Figure per captioned photo ({len(figures)} figures, {len(captions)} captions)")
    alts = [f.get("/Alt", "")[2:] for f in figures]
    # The caption as poppler extracts it has no spaces where the layout
    # placed words apart; compare without them.
    squeeze = lambda s: re.sub(r"\s+", "", s)
    check(sorted(map(squeeze, alts)) == sorted(map(squeeze, captions)),
          f"{name}: each Figure's /Alt is its caption ({alts} vs {captions})")


def check_bookmarks(name, pdf):
    outline = json.loads(run("qpdf", "--json", "--json-key=outlines", str(pdf)))["outlines"]
    nodes = struct_tree(pdf)
    headings = [text for _, t, text in nodes if t in ("H1", "H2")]
    squeeze = lambda s: re.sub(r"\s+", "", s)
    titles = [item["title"] for item in outline]
    check(len(titles) >= 2 and list(map(squeeze, titles)) == list(map(squeeze, headings)),
          f"{name}: a bookmark per heading, in order ({titles} vs {headings})")
    check(any(re.match(r"\d+\. ", t) for t in titles), f"{name}: numbered sections bookmarked")
    for item in outline:
        page = item["destpageposfrom1"]
        top = item["dest"][3]
        text = run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-")
        height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', text).group(1))
        first_word = item["title"].split()[0]
        tops = [height - float(m.group(1)) for m in
                re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>' + re.escape(first_word) + "<",
                            text)]
        check(any(0 <= top - t <= 6 for t in tops),
              f"{name}: bookmark '{item['title']}' opens page {page} at its heading (top {top}, words at {tops})")
    objects = qpdf_objects(pdf)
    catalog = value(objects, objects["trailer"]["value"]["/Root"])
    check(catalog.get("/PageMode") == "/UseOutlines", f"{name}: /PageMode /UseOutlines")


def main():
    vanban, source = sys.argv[1], Path(sys.argv[2])
    for tool in ("qpdf", "pdfinfo", "pdftotext", "mutool"):
        if shutil.which(tool) is None:
            print(f"skipped: {tool} not found (scripts/install-deps installs it)")
            return 77
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([vanban, "render", str(source / "samples"),
                        str(source / "tests/data/nd30/long-session.xml"), "-o", out, "-q"], check=True)
        out = Path(out)
        sample = out / "tuyen-quang/chiem-hoa/2023-06-13"
        long_session = out / "nd30/long-session"
        for pdf in (sample / "conclusion.pdf", sample / "minutes.pdf",
                    long_session / "conclusion.pdf", long_session / "minutes.pdf"):
            name = str(pdf.relative_to(out))
            check_header_order(name, pdf)
            check_marked_content(name, pdf, numbered_pages=True)
            check_bookmarks(name, pdf)
        check_marked_content("news", sample / "news.pdf")
        check_figures("news", sample / "news.pdf")
        # One page: no bookmarks, and the viewer opens as usual.
        single = out / "tuyen-quang/chiem-hoa/phuc-thinh/2023-06-08/news.pdf"
        check(run("qpdf", "--show-npages", str(single)).strip() == "1", "phuc-thinh news is one page")
        _, catalog = check_marked_content("phuc-thinh news", single)
        check("/Outlines" not in catalog and "/PageMode" not in catalog,
              "a one-page document has no bookmarks and no /PageMode")
        for pdf in sorted(out.rglob("*.pdf")):
            result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
            check(result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout,
                  f"qpdf --check {pdf.relative_to(out)}: {result.stdout[-300:]}{result.stderr[-300:]}")
    print(f"{len(failures)} failures" if failures else "all tagged-PDF checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
