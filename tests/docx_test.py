#!/usr/bin/python3
"""-f docx, checked from outside: the package's XML read back with zipfile
and xml.etree (page size, margins, fonts, named styles, the header from
page 2 only), then every DOCX set as a PDF by LibreOffice (one soffice run
for all three) and that PDF measured as tests/nd30_test.cpp measures
vanban's own: sizes and bold of the header lines, their centres, Số and
the place-date on one baseline, the body's first-line indent and
justification, the rule under the Tiêu ngữ, the page number from page 2,
and every line of vanban's text present in LibreOffice's.

LibreOffice is another typesetter: it breaks lines greedily (vanban by
total fit and balanced titles), so the tolerances are those of position,
not of line breaks: centres and edges within 1.5 pt, baselines within
0.5 pt, rule lengths within 1 pt, sizes and faces exact, page counts
within one.

usage: docx_test.py VANBAN SOURCE_DIR. Exits 77 (skipped) without soffice
or mutool."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PT_PER_MM = 72 / 25.4
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def run(argv, **kw):
    return subprocess.run(argv, check=True, capture_output=True, **kw)


def lines_of(pdf, page):
    """The text lines of one page (mutool stext): text, font, size, x0, x1, baseline."""
    out = run(["mutool", "draw", "-F", "stext", "-o", "-", pdf, str(page)]).stdout
    lines = []
    for line in ET.fromstring(out).iter("line"):
        chars, font, size = [], None, None
        for f in line.iter("font"):
            font, size = font or f.get("name"), size or float(f.get("size"))
            chars += [(c.get("c"), float(c.get("x")), float(c.get("y")), c.get("quad")) for c in f.iter("char")]
        text = "".join(c[0] for c in chars).strip()
        if not text:
            continue
        x0, _, x1, _ = [float(v) for v in line.get("bbox").split()]
        lines.append({"text": text, "font": font, "size": size, "x0": x0, "x1": x1, "y": chars[0][2]})
    return lines


def rules_of(pdf, page):
    """Horizontal stroked lines: (x0, x1, y)."""
    out = run(["mutool", "draw", "-F", "trace", "-o", "-", pdf, str(page)]).stdout.decode()
    rules = []
    for path in re.findall(r"<stroke_path.*?</stroke_path>", out, re.S):
        pts = [(float(x), float(y)) for x, y in re.findall(r'x="([-0-9.]+)" y="([-0-9.]+)"', path)]
        if len(pts) == 2 and abs(pts[0][1] - pts[1][1]) < 0.01:
            rules.append((min(pts[0][0], pts[1][0]), max(pts[0][0], pts[1][0]), pts[0][1]))
    return sorted(set(rules))


def pages_of(pdf):
    info = run(["pdfinfo", pdf]).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def find(lines, start):
    return next((l for l in lines if l["text"].startswith(start)), None)


def centre(line):
    return (line["x0"] + line["x1"]) / 2


def text_of(pdf, pages):
    """A PDF's text with no spaces, the page numbers in the top margin left out."""
    return "".join(squeeze(l["text"]) for p in range(1, pages + 1) for l in lines_of(pdf, p)
                   if not (l["y"] < 20 * PT_PER_MM and l["text"].isdigit()))


def squeeze(text):
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def check_package(path, kind):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        check(names[0] == "[Content_Types].xml", f"{kind}: [Content_Types].xml is the first part")
        doc = ET.fromstring(z.read("word/document.xml"))
        styles = ET.fromstring(z.read("word/styles.xml"))
        sect = doc.find(f"{W}body/{W}sectPr")
        size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
        check((size.get(W + "w"), size.get(W + "h")) == ("11906", "16838"), f"{kind}: A4 in twips")
        style_ids = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
        fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        check(fonts is not None and fonts.get(W + "ascii") == "Times New Roman" and
              fonts.get(W + "hAnsi") == "Times New Roman", f"{kind}: Times New Roman declared")
        # Every paragraph with text is in a named style of its own.
        unstyled = [p for p in doc.iter(W + "p")
                    if "".join(t.text or "" for t in p.iter(W + "t")).strip() and p.find(f"{W}pPr/{W}pStyle") is None]
        check(not unstyled, f"{kind}: every paragraph with text has a named style")
        body = style_ids.get("VbBody")
        check(body is not None and body.find(f"{W}pPr/{W}jc").get(W + "val") == "both" and
              body.find(f"{W}pPr/{W}ind").get(W + "firstLine") == "567" and
              body.find(f"{W}pPr/{W}spacing").get(W + "before") == "120",
              f"{kind}: VB Nội dung is justified, 1 cm first line, 6 pt before")
        if kind == "news":
            check(len([n for n in names if n.startswith("word/media/")]) == 3, "news: its three photos inside")
            return
        mm = {k: round(int(margins.get(W + k)) / 20 / PT_PER_MM, 1) for k in ("top", "bottom", "left", "right")}
        check(mm == {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}, f"{kind}: margins 20/20/30/15 mm ({mm})")
        # The minutes (Mẫu 1.9) have no place-date line.
        for sid in ("VbNationalMotto", "VbTagline", "VbNumber", "VbDocType", "VbTitle", "VbSignerName",
                    "VbRecipientsHeading", "VbRecipient") + (("VbPlaceDate",) if kind == "conclusion" else ()):
            check(sid in style_ids, f"{kind}: style {sid}")
        motto = style_ids["VbNationalMotto"].find(f"{W}rPr")
        check(motto.find(W + "b") is not None and motto.find(W + "sz").get(W + "val") == "24",
              f"{kind}: Quốc hiệu bold 12 pt")
        check(sect.find(W + "titlePg") is not None, f"{kind}: a first page of its own (titlePg)")
        check(b"PAGE" in z.read("word/header2.xml") and b"PAGE" not in z.read("word/header1.xml"),
              f"{kind}: page number field in the header of pages 2 on, not page 1")
        tables = list(doc.iter(W + "tbl"))
        check(len(tables) >= 3, f"{kind}: header, number/date and signature as tables")
        check(all(b.get(W + "val") == "nil" for t in tables for b in t.find(f"{W}tblPr/{W}tblBorders")),
              f"{kind}: tables without borders")
        check(tables[-1].find(f"{W}tr/{W}trPr/{W}cantSplit") is not None, f"{kind}: signature row kept together")


def check_measures(vb_pdf, lo_pdf, kind):
    vb_pages, lo_pages = pages_of(vb_pdf), pages_of(lo_pdf)
    check(abs(vb_pages - lo_pages) <= 1, f"{kind}: {lo_pages} pages against vanban's {vb_pages}")
    vb, lo = lines_of(vb_pdf, 1), lines_of(lo_pdf, 1)
    for start, size, bold in (("CỘNG HÒA XÃ HỘI", 12, True), ("Độc lập - Tự do", 13, True), ("Số:", 13, False)):
        a, b = find(vb, start), find(lo, start)
        check(a is not None and b is not None, f"{kind}: '{start}' on page 1 of both")
        if a and b:
            check(b["size"] == size and ("Bold" in b["font"]) == bold, f"{kind}: '{start}' {size} pt, bold {bold} ({b['font']} {b['size']})")
            check(abs(centre(a) - centre(b)) <= 1.5, f"{kind}: '{start}' centred at {centre(b):.2f} against {centre(a):.2f}")
    number = find(lo, "Số:")
    place = next((l for l in lo if ", ngày " in l["text"] and "Italic" in (l["font"] or "")), None)
    check(kind != "conclusion" or number and place and abs(number["y"] - place["y"]) <= 0.5,
          f"{kind}: Số and place-date on one baseline ({number and number['y']}, {place and place['y']})")
    if kind == "conclusion":
        first = find(lo, "Ngày 13 tháng 6")
        check(first and abs(first["x0"] - (30 + 10) * PT_PER_MM) <= 0.5, f"{kind}: body first line at 40 mm ({first and first['x0']})")
        body = [l for l in lo if l["size"] == 14 and l["font"] == "LiberationSerif" and l["x0"] < 90]
        right = 595.28 - 15 * PT_PER_MM
        flush = [l for l in body if abs(l["x1"] - right) <= 1.0]
        check(len(flush) >= len(body) // 2, f"{kind}: justified, {len(flush)} of {len(body)} full lines end at the margin")
        vr, lr = rules_of(vb_pdf, 1), rules_of(lo_pdf, 1)
        tagline_vb, tagline_lo = find(vb, "Độc lập"), find(lo, "Độc lập")
        under = lambda rules, t: min(rules, key=lambda r: abs(r[0] + r[1] - t["x0"] - t["x1"]) + abs(r[2] - t["y"]))
        a, b = under(vr, tagline_vb), under(lr, tagline_lo)
        check(abs((a[1] - a[0]) - (b[1] - b[0])) <= 1.0, f"{kind}: rule under the Tiêu ngữ {b[1]-b[0]:.2f} long against {a[1]-a[0]:.2f}")
        check(abs((b[0] + b[1]) / 2 - centre(tagline_lo)) <= 1.5, f"{kind}: that rule centred under the Tiêu ngữ")
    top = 20 * PT_PER_MM
    check(not [l for l in lo if l["y"] < top and l["text"].isdigit()], f"{kind}: no page number on page 1")
    if lo_pages >= 2:
        numbers = [l for l in lines_of(lo_pdf, 2) if l["y"] < top and l["text"] == "2"]
        check(len(numbers) == 1 and abs(centre(numbers[0]) - 595.28 / 2) <= 1.5 and numbers[0]["size"] == 13,
              f"{kind}: page number 2, 13 pt, centred in the top margin ({numbers})")
    # Every line of vanban's text is in LibreOffice's (spaces aside: the
    # lines break elsewhere).
    lo_text = text_of(lo_pdf, lo_pages)
    # MuPDF draws its own "SIGN" label in vanban's empty signature fields:
    # not text of the document.
    missing = [l["text"] for p in range(1, vb_pages + 1) for l in lines_of(vb_pdf, p)
               if squeeze(l["text"]) not in lo_text and l["text"] != "SIGN"]
    check(not missing, f"{kind}: every line of vanban's text in LibreOffice's (missing: {missing[:3]})")


def main():
    vanban, source = sys.argv[1], sys.argv[2]
    soffice = shutil.which("soffice")
    if not soffice or not shutil.which("mutool") or not shutil.which("pdfinfo"):
        print("skipped: soffice (libreoffice-writer-nogui), mutool or pdfinfo missing")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        session = os.path.join(source, "samples", "chiem-hoa", "session.xml")
        for fmt in ("pdf", "docx"):
            run([vanban, "render", session, "-t", "all", "-f", fmt, "-o", os.path.join(tmp, fmt), "-q"])
        run([vanban, "render", session, "-t", "all", "-f", "docx", "-o", os.path.join(tmp, "again"), "-q"])
        docx = {}
        for root, _, files in os.walk(os.path.join(tmp, "docx")):
            for f in files:
                if f.endswith(".docx"):
                    docx[f[:-5]] = os.path.join(root, f)
        check(sorted(docx) == ["conclusion", "minutes", "news"], f"three DOCX files ({sorted(docx)})")
        for kind, path in docx.items():
            again = path.replace(os.path.join(tmp, "docx"), os.path.join(tmp, "again"))
            check(open(path, "rb").read() == open(again, "rb").read(), f"{kind}: the same bytes twice")
            check_package(path, kind)
        # One soffice for all three, with a profile of its own so that
        # parallel tests do not share one.
        out = os.path.join(tmp, "lo")
        start = time.monotonic()
        run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
             "--outdir", out] + [docx[k] for k in sorted(docx)], timeout=240)
        print(f"LibreOffice converted {len(docx)} files in {time.monotonic() - start:.1f} s")
        for kind, path in docx.items():
            vb_pdf = path.replace(os.path.join(tmp, "docx"), os.path.join(tmp, "pdf"))[:-5] + ".pdf"
            lo_pdf = os.path.join(out, kind + ".pdf")
            if kind == "news":
                lo_text = text_of(lo_pdf, pages_of(lo_pdf))
                missing = [l["text"] for p in range(1, pages_of(vb_pdf) + 1) for l in lines_of(vb_pdf, p)
                           if squeeze(l["text"]) not in lo_text]
                check(not missing, f"news: every line of vanban's text in LibreOffice's (missing: {missing[:3]})")
                images = run(["pdfimages", "-list", lo_pdf]).stdout.decode().count("\n") - 2
                check(images == 3, f"news: three photos in LibreOffice's PDF ({images})")
                continue
            check_measures(vb_pdf, lo_pdf, kind)
    print("FAILED" if failures else "ok", len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
