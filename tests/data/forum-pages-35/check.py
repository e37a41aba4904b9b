#!/usr/bin/env python3
"""Check blind set 86: every label must occur in the page's visible text.

stdlib only.  Each page is decoded with the encoding listed below, its visible
text is collected with html.parser (skipping head/title, script, style,
template, noscript, and any element with the `hidden` attribute or an inline
style containing display:none), and every label is looked for after removing
all whitespace on both sides.  Also checks label counts, the 6-character
minimum for boilerplate labels, that no label of one kind is a substring of a
label of the other kind, and the 8-60 KB size range.
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "pages")

ENCODINGS = {
    "09_qianjiahao_mendian_siyu.html": "gbk",
}
DEFAULT_ENCODING = "utf-8"

SKIP = {"script", "style", "template", "noscript", "head", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr"}
BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl",
         "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
         "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
         "pre", "section", "table", "tr", "td", "th", "ul", "button", "textarea"}
WS = re.compile(r"\s+")
DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []      # list of (tag, invisible)
        self.parts = []

    def _invisible(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("\n")
        if tag in VOID:
            return
        a = dict(attrs)
        inv = self._invisible() or tag in SKIP or "hidden" in a \
            or bool(DISPLAY_NONE.search(a.get("style") or ""))
        self.stack.append((tag, inv))

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._invisible():
            self.parts.append(data)


def visible_text(path, enc):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode(enc)
    p = Visible()
    p.feed(text)
    p.close()
    return "".join(p.parts)


def squash(s):
    return WS.sub("", s)


def main():
    with open(os.path.join(HERE, "labels.json"), encoding="utf-8") as f:
        labels = json.load(f)
    problems = 0
    files = sorted(os.listdir(PAGES))
    labelled = {e["file"] for e in labels}
    for fn in files:
        if fn not in labelled:
            print("UNLABELLED PAGE", fn)
            problems += 1
    for e in labels:
        fn = e["file"]
        path = os.path.join(PAGES, fn)
        if not os.path.exists(path):
            print("MISSING FILE", fn)
            problems += 1
            continue
        size = os.path.getsize(path)
        if not 8 * 1024 <= size <= 60 * 1024:
            print("SIZE", fn, size)
            problems += 1
        enc = ENCODINGS.get(fn, DEFAULT_ENCODING)
        vis = visible_text(path, enc)
        flat = squash(vis)
        titles = e["title"] if isinstance(e["title"], list) else [e["title"]]
        cl, bl = e["content_lines"], e["boilerplate_lines"]
        if not 14 <= len(cl) <= 35:
            print("COUNT content", fn, len(cl))
            problems += 1
        if not 12 <= len(bl) <= 20:
            print("COUNT boilerplate", fn, len(bl))
            problems += 1
        for kind, items in (("title", titles), ("content", cl), ("boilerplate", bl)):
            for s in items:
                if squash(s) not in flat:
                    print("NOT FOUND [%s] %s: %r" % (kind, fn, s))
                    problems += 1
        for s in bl:
            if len(squash(s)) < 6:
                print("SHORT boilerplate", fn, repr(s))
                problems += 1
        for b in bl:
            for c in cl:
                if squash(b) in squash(c) or squash(c) in squash(b):
                    print("OVERLAP", fn, repr(b), repr(c))
                    problems += 1
        if len(set(cl)) != len(cl) or len(set(bl)) != len(bl):
            print("DUPLICATE label", fn)
            problems += 1
        lines = [l.strip() for l in vis.split("\n") if l.strip()]
        cset = [squash(c) for c in cl] + [squash(t) for t in titles]
        n_content = sum(1 for l in lines if any(squash(l) in c or c in squash(l) for c in cset if len(squash(l)) >= 4))
        print("%-44s %-6s %6d B  labels %2d/%2d  visible lines %4d  (lines matching content labels %d)"
              % (fn, enc, size, len(cl), len(bl), len(lines), n_content))
    print("%d problems" % problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
