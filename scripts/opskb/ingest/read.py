"""Stage 1: read a seed file whatever its encoding; split off YAML front matter."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import stat
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from charset_normalizer import from_bytes

from ..records import Meta, Raw, Skipped, Stats
from ..text import strip_invisible

# Encodings tried in order before falling back to detection. UTF-8 is strict, so a
# GBK or Big5 file never decodes as UTF-8 by accident.
_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
_CJK_CODECS = ("gb18030", "big5")

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# Block structure marks an HTML body; a stray <img> or <script> in plain text does not.
_HTML_TAG = re.compile(r"<(?:p|div|br|h[1-6]|section|ul|ol|li|table|tr|blockquote|article)\b", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TEXT_DATE = re.compile(r"(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")

# A web article is a few dozen kilobytes; anything this large is not one.
MAX_BYTES = 5_000_000
# A file is binary (or not in a text encoding we read) only when more than this share
# of it is NUL bytes or bytes that do not decode; one stray byte does not lose an article.
BINARY_SHARE = 0.01
_CONTROL_BYTES = [b for b in range(32) if b not in (9, 10, 12, 13, 27)]  # not tab, newlines, FF, ESC


class ReadError(Exception):
    """A file that cannot become an article; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise ReadError."""
    if not data.strip():
        raise ReadError("文件为空")
    for name, bom in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise ReadError(f"文件以 {name} 的 BOM 开头，但内容不是有效的 {name}") from None
    # In UTF-8, GB18030 and Big5 a byte below 0x20 is always that control character, never
    # part of a multi-byte one; a few stray ones are removed later with the other controls.
    control = sum(data.count(bytes([b])) for b in _CONTROL_BYTES)
    if control > BINARY_SHARE * len(data):
        raise ReadError(f"二进制文件（{control / len(data):.1%} 的字节是 NUL 或控制字符）")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few broken bytes (a truncated character, a bad copy) is still UTF-8
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if bad <= max(3, BINARY_SHARE * len(lenient)) and len(_HAN.findall(lenient)) > 10 * bad:
        return lenient.replace("\ufffd", ""), f"utf-8（{bad} 处无效字节已丢弃）"
    # Pick the CJK codec under which the text reads as the most Han characters
    # with no decoding error; charset-normalizer decides anything else.
    best: tuple[int, str, str] | None = None
    for name in _CJK_CODECS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = len(_HAN.findall(text)) - 50 * text.count("\ufffd")
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is not None and best[0] > 0:
        return best[1], best[2]
    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise ReadError("无法识别的编码（不是 UTF-8、GB18030 或 Big5 文本）")
    text = str(guess)
    if _looks_binary(text):
        raise ReadError("二进制文件（不是文本）")
    return text, guess.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return True
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    return control / len(sample) > 0.05


def normalize_date(value) -> str:
    """ISO date (YYYY-MM-DD) from a YAML date, an RFC 2822 string or Chinese text; '' if none."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    m = _TEXT_DATE.search(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return ""
    return ""


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(_as_text(v) for v in value if v is not None)
    return str(value).strip()


def split_front_matter(text: str) -> tuple[dict, str, str]:
    """(fields, body, problem). A malformed block is kept out of the body and reported."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text, ""
    body = text[m.end():]
    try:
        fields = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        return {}, body, f"front matter 不是合法的 YAML{where}，已忽略"
    if not isinstance(fields, dict):
        return {}, body, "front matter 不是键值表，已忽略"
    return fields, body, ""


def meta_from_fields(fields: dict) -> Meta:
    cats = fields.get("categories") or fields.get("tags") or ()
    if isinstance(cats, str):
        cats = [cats]
    site = _as_text(fields.get("site") or fields.get("source"))
    return Meta(
        title=without_site(_as_text(fields.get("title")), site),
        author=_as_text(fields.get("author")),
        date=normalize_date(fields.get("date")),
        site=site,
        categories=tuple(_as_text(c) for c in cats if _as_text(c)),
    )


def without_site(title: str, site: str) -> str:
    """A saved page's title without the site's name that its <title> added after a bar or a
    dash (某某标题 - 增长记, with site: 增长记); nothing else of it is cut."""
    if not site.strip():
        return title
    cut = re.sub(rf"\s*(?:[-|｜_—–·•]|::)\s*{re.escape(site.strip())}\s*$", "", title)
    return cut if cut.strip() else title


# Where a file names the address it was saved from: a front-matter field; a whole web page's
# canonical link or og:url (or the browser's "saved from url" note); a text dump's header or footer line (**Original:** [..](URL),
# 原文链接：URL).
URL_FIELDS = ("url", "link", "permalink", "canonical", "source_url", "original_url", "original")
_HEAD_TAG = re.compile(r"<(link|meta)\b[^>]*>", re.I)
_ATTR = re.compile(r"([\w:-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_ADDRESS_LINE = re.compile(
    r"^[\s>*_#\-|]*(?:original(?:\s+(?:url|link))?|source\s+url|原文链接|原文地址|原文网址|原文|本文链接|文章链接|文章地址)"
    r"[*_\s]*[:：]", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_LINK_TARGET = re.compile(r"\]\(<?([^)\s>]+)>?\)")
_BARE_URL = re.compile(r"(?:https?:)?//[^\s<>\"'()\[\]，。；）]+", re.I)
HEADER_LINES, FOOTER_LINES = 40, 20


def web_address(value) -> str:
    """An http(s) address fit to link to, or ''."""
    if not isinstance(value, str):
        return ""
    value = html.unescape(value.strip()).rstrip(".,;")
    if value.startswith("//"):
        value = "https:" + value
    if not re.fullmatch(r"https?://[^\s<>\"'`\\]+", value, re.I):
        return ""
    host = urlsplit(value).hostname or ""
    return value if "." in host else ""


def original_address(fields: dict, body: str, markup: bool) -> str:
    """The address the article came from, as the file states it, or ''."""
    for key in URL_FIELDS:
        if url := web_address(fields.get(key)):
            return url
    if markup:
        canonical = og = ""
        for m in _HEAD_TAG.finditer(body[:300_000]):
            attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(m.group(0))}
            if m.group(1).lower() == "link" and "canonical" in attrs.get("rel", "").lower().split():
                canonical = canonical or web_address(attrs.get("href"))
            elif (attrs.get("property") or attrs.get("name") or "").lower() == "og:url":
                og = og or web_address(attrs.get("content"))
        saved = _SAVED_FROM.search(body[:2_000])  # the browser's note on a page saved whole
        return canonical or og or (web_address(saved.group(1)) if saved else "")
    lines = body.split("\n")
    for line in lines[:HEADER_LINES] + lines[max(HEADER_LINES, len(lines) - FOOTER_LINES):]:
        if _ADDRESS_LINE.match(line):
            target = _LINK_TARGET.search(line) or _BARE_URL.search(line)
            if target and (url := web_address(target.group(1) if target.re is _LINK_TARGET else target.group(0))):
                return url
    return ""


def is_html(body: str) -> bool:
    """An HTML document or fragment: it opens with markup, or its lines are mostly markup.
    A text dump that quotes some HTML (a code sample) stays text."""
    head = body.lstrip()[:1]
    tags = len(_HTML_TAG.findall(body))
    if head == "<":
        return tags >= 2 or bool(re.match(r"\s*<(?:!doctype|html|head|body)\b", body, re.I))
    lines = [x for x in body.split("\n") if x.strip()]
    marked = sum(1 for x in lines if x.lstrip().startswith("<"))
    return tags >= 2 and marked >= 0.5 * len(lines)


def read_bytes(path: Path) -> bytes | Skipped:
    """The file's bytes, or Skipped when it cannot or should not be read: a folder, a
    broken or looping symlink, a pipe or device (reading one could block forever)."""
    try:
        st = path.stat()  # follows symlinks; a loop raises ELOOP here instead of hanging
    except OSError as exc:
        if path.is_symlink():
            return Skipped(path.name, "符号链接无效（目标不存在或链接形成循环），未读取")
        return Skipped(path.name, f"无法读取：{exc.strerror or exc}")
    if stat.S_ISDIR(st.st_mode):
        if path.name.endswith(("_files", ".files", "_files_")):
            return Skipped(path.name, "浏览器保存网页时附带的资源目录，不读取")
        return Skipped(path.name, "是子目录：只读取种子目录顶层的文件，子目录不读取")
    if not stat.S_ISREG(st.st_mode):
        return Skipped(path.name, "不是普通文件（管道、设备或套接字），未读取")
    try:
        size = st.st_size
        if size > MAX_BYTES:
            return Skipped(path.name, f"文件过大（{size / 1e6:.1f} MB，单篇文章上限 {MAX_BYTES / 1e6:.0f} MB）")
        return path.read_bytes()
    except OSError as exc:
        return Skipped(path.name, f"无法读取：{exc.strerror or exc}")


def read(path: Path, data: bytes | None = None) -> Raw | Skipped:
    """Read one seed file. Never raises for bad content: returns Skipped with the reason."""
    name = path.name
    if data is None:
        got = read_bytes(path)
        if isinstance(got, Skipped):
            return got
        data = got
    try:
        text, encoding = decode(data)
    except ReadError as exc:
        return Skipped(name, str(exc))
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    text, invisible = strip_invisible(text)
    fields, body, problem = split_front_matter(text)
    meta = meta_from_fields(fields)
    if not _HAN.search(body) and not re.search(r"[A-Za-z]{3}", body):
        return Skipped(name, "没有可读的正文", encoding)
    markup = is_html(body)
    return Raw(
        path=str(path),
        name=name,
        encoding=encoding,
        meta=meta,
        body=body,
        is_html=markup,
        warning=problem,
        stats=Stats().with_invisible(invisible),
        url=original_address(fields, body, markup),
    )
