#!/usr/bin/python3
"""Reads an HTML5 file with Python's html.parser (not vanban's code) and
prints, as JSON, what tests/output_formats_test.cpp checks: whether every
element is closed in order (void elements aside), the <h1> and <title>
text, the page's text, the <img> sources and the tags it has."""
import base64
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
# Elements whose text is not the document's.
HIDDEN = {"head", "title", "style", "script"}
BLOCK = {"p", "h1", "h2", "figure", "figcaption", "div", "article", "li"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.tags = [], [], []
        self.text, self.h1, self.title, self.images = [], [], [], []
        self.html_lang = None
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "img":
            src = attrs.get("src") or ""
            head, _, data = src.partition(",")
            image = {"type": head, "alt": attrs.get("alt"), "bytes": 0, "magic": ""}
            if head.endswith(";base64"):
                raw = base64.b64decode(data, validate=True)
                image["bytes"] = len(raw)
                image["magic"] = raw[:4].hex()
            self.images.append(image)
        if tag in BLOCK:
            self.text.append("\n")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append("end tag of void element " + tag)
        elif not self.stack or self.stack[-1] != tag:
            self.problems.append("</%s> closes %s" % (tag, self.stack[-1] if self.stack else "nothing"))
        else:
            self.stack.pop()
        if tag in BLOCK:
            self.text.append("\n")

    def handle_data(self, data):
        if "h1" in self.stack:
            self.h1.append(data)
        if self.stack and self.stack[-1] == "title":
            self.title.append(data)
        if not any(t in HIDDEN for t in self.stack):
            self.text.append(data)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        source = f.read()
    checker = Checker()
    checker.feed(source)
    checker.close()
    if checker.stack:
        checker.problems.append("left open: " + " ".join(checker.stack))
    print(json.dumps({
        "doctype": checker.doctype,
        "lang": checker.html_lang,
        "problems": checker.problems,
        "tags": sorted(set(checker.tags)),
        "h1": ["".join(checker.h1)] if checker.h1 else [],
        "h1_count": checker.tags.count("h1"),
        "title": "".join(checker.title),
        "text": "".join(checker.text),
        "images": checker.images,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
