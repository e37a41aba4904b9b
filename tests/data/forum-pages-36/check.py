#!/usr/bin/env python3
"""Check blind set 87: every label must occur in the page's visible text.

Stdlib only. Decodes each page with its declared/actual encoding, collects the
visible text (skipping script/style/template/noscript, elements with the
`hidden` attribute or an inline style containing display:none), removes all
whitespace, and checks each label (also whitespace-stripped) is a substring.
Also checks label counts/lengths, page sizes and cross-kind substrings.
"""
import json, os, re, sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "pages")

# actual byte encoding of each page (page 08 declares gb2312 but is GBK bytes)
ENCODINGS = {
    "01_discuz_weixinqun_guanli.html": "gbk",
    "02_zhidao_shequn_yunying.html": "utf-8",
    "03_wenzhi_yonghu_yunying_zhuanhang.html": "utf-8",
    "04_tieba_gonghui_qun.html": "utf-8",
    "05_v2_shequ_liucun.html": "utf-8",
    "06_sf_yonghu_fenqun_sql.html": "utf-8",
    "07_hupu_qiumi_qun.html": "utf-8",
    "08_muchong_huiyuan_rfm.html": "gbk",
    "09_wukong_siyu.html": "utf-8",
    "10_zaihang_jifen_zhuiwen.html": "utf-8",
    "11_mobile01_shetuan_jingying.html": "big5",
    "12_discourse_zhoubao_muban.html": "utf-8",
}

SKIP = {"script", "style", "template", "noscript", "title"}  # <title> is not page text
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr", "keygen", "command"}
DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []      # list of (tag, hides)
        self.hidden = 0      # number of hiding elements on the stack
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        hides = (tag in SKIP or "hidden" in a
                 or DISPLAY_NONE.search(a.get("style") or "") is not None)
        self.stack.append((tag, hides))
        if hides:
            self.hidden += 1

    def handle_startendtag(self, tag, attrs):
        pass  # self-closing: no text inside

    def handle_endtag(self, tag):
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, h = self.stack.pop()
            if h:
                self.hidden -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if self.hidden == 0:
            self.parts.append(data)


def visible_text(path, enc):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode(enc)  # strict: a wrong encoding is a problem
    p = Visible()
    p.feed(text)
    p.close()
    return "".join(p.parts)


def squash(s):
    return re.sub(r"\s+", "", s)


def main():
    with open(os.path.join(HERE, "labels.json"), encoding="utf-8") as f:
        labels = json.load(f)
    problems = []
    files_seen = set()
    for entry in labels:
        fn = entry["file"]
        files_seen.add(fn)
        path = os.path.join(PAGES, fn)
        if fn not in ENCODINGS:
            problems.append(f"{fn}: no encoding known")
            continue
        if not os.path.exists(path):
            problems.append(f"{fn}: missing page")
            continue
        size = os.path.getsize(path)
        if not (8 * 1024 <= size <= 60 * 1024):
            problems.append(f"{fn}: size {size} bytes outside 8-60 KB")
        try:
            vis = squash(visible_text(path, ENCODINGS[fn]))
        except UnicodeDecodeError as e:
            problems.append(f"{fn}: cannot decode as {ENCODINGS[fn]}: {e}")
            continue
        titles = entry["title"] if isinstance(entry["title"], list) else [entry["title"]]
        for t in titles:
            if squash(t) not in vis:
                problems.append(f"{fn}: title not visible: {t!r}")
        cl, bl = entry["content_lines"], entry["boilerplate_lines"]
        if not 14 <= len(cl) <= 35:
            problems.append(f"{fn}: {len(cl)} content lines (want 14-35)")
        if not 12 <= len(bl) <= 20:
            problems.append(f"{fn}: {len(bl)} boilerplate lines (want 12-20)")
        for kind, lst in (("content", cl), ("boilerplate", bl)):
            for s in lst:
                if squash(s) not in vis:
                    problems.append(f"{fn}: {kind} label not visible: {s!r}")
        for b in bl:
            if len(squash(b)) < 6:
                problems.append(f"{fn}: boilerplate label shorter than 6 chars: {b!r}")
        sc = [squash(x) for x in cl]
        sb = [squash(x) for x in bl]
        for c, c0 in zip(sc, cl):
            for b, b0 in zip(sb, bl):
                if c in b or b in c:
                    problems.append(f"{fn}: cross-kind overlap: {c0!r} / {b0!r}")
        for kind, lst in (("content", cl), ("boilerplate", bl)):
            if len(set(lst)) != len(lst):
                problems.append(f"{fn}: duplicate {kind} labels")
    for fn in sorted(set(os.listdir(PAGES)) - files_seen):
        problems.append(f"{fn}: page has no labels")
    for p in problems:
        print(p)
    print(f"{len(labels)} pages checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
