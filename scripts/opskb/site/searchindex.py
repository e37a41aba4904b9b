"""The site's search index, built from the HTML pages after the site generator ran, and
loaded by the browser only as far as a query needs it (docs/assets/javascripts/search.js).

It reads each page's ``<article>`` (searchpage.py), so it works the same whatever built the
site (MkDocs with Material, or Zensical), and it does not depend on a theme's search.

Words: Chinese has no spaces, and no segmenter agrees with every other, so Han text is
indexed as overlapping character pairs (用户分层 -> 用户 户分 分层): a query word matches a
page holding all of its pairs (a long phrase, most of them), which finds a word inside a
longer term (漏斗 in 转化漏斗) and never depends on where a segmenter cut. Latin words and numbers are indexed whole,
in lower case. The domain words of the topics file (terms, concepts, synonyms) are also
counted where they stand as words of their own, not inside a longer domain word (token
``w:`` + word): a page that says 漏斗 ranks above one that only says 转化漏斗. The tokens
of headings are indexed once more (``h:`` + token): a page with the query in a heading
(the glossary's 裂变, an FAQ question) ranks above one that only mentions it. So are the
tokens of a page's lead, the first LEAD_CHARS characters of its text under the title (``l:``
+ token): writers name what an article is about in its summary or first paragraph, so a
page whose lead says the query word ranks above one that says it only further down.

Files, under ``search/`` in the site:
- ``docs.json``: per page its address, title, kind (concept, knowledge, detail, source) and
  length in characters (a word said five times in a short page counts more than in a long one);
- ``shards/N.json``: the postings of the tokens whose hash falls in shard N
  ({token: [page gap, count, page gap, count, ...]}, pages in order, each given as the
  gap from the one before); a query fetches the few shards its tokens live in;
- ``pages/N.json``: one page's sections (anchor, heading, text) for the result's snippet,
  fetched for the results shown only;
- ``latin.json``: the Latin words on two pages or more, for completing a word being
  typed (KO -> kol);
- ``vocab/N.json``: the index's own vocabulary, for splitting a query into words in the
  browser (联名营销 -> 联名 营销, 用户留存怎么做 -> 用户 留存 怎么做): jieba's dictionary
  words whose character pairs all occur in the index, with the log of jieba's frequency,
  and the domain words above them all; grouped by the word's first character, so a query
  fetches only the shards of its own characters ({first: {class: "rest rest ..."}}).
Shard count grows with the corpus so a shard stays small.
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import math
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path

from ..forked import Forked, usable
from . import searchvocab
from .searchpage import Page, kind_of, read_page
from .searchtokens import HAN, fold, shard_of, shards_of, token_counts, tokens  # noqa: F401  (tokens: the browser's, for tests)

INDEX_DIR = "search"
TERMS_FILE = "assets/search/terms.json"  # written by ingest (search.py)
MAX_PAGE_TEXT = 3_000  # characters of a page kept for snippets ...
MAX_SECTION_TEXT = 400  # ... at most this many from each section, so every section can give one
MAX_SECTIONS = 500
TARGET_SHARD_POSTINGS = 6_000
_SKIP = ("404.html", INDEX_DIR + "/", "assets/")


def read_domain_words(site: Path) -> list[str]:
    """The domain words ingest wrote (the synonyms in the same file are for the browser)."""
    try:
        return list(json.loads((site / TERMS_FILE).read_text(encoding="utf-8")).get("words", []))
    except (OSError, ValueError, AttributeError):
        return []


def word_counts(text: str, pattern: re.Pattern | None) -> Counter:
    """Domain words standing on their own: each place goes to the longest word there."""
    return Counter(m.group(0) for m in pattern.finditer(text)) if pattern else Counter()


PARALLEL_PAGES = 300  # pages to index before worker processes pay for their start-up
MAX_WORKERS = 4


def _index_chunk(job: tuple[str, list[tuple[int, str]], list[str]]) -> tuple[list, dict, Counter, list]:
    """Read and index some pages (given with their page numbers): the pages' entries, the
    chunk's postings gap-encoded ({token: (first, last, flat)}), its Latin words, and each
    page's snippet file (page number, JSON bytes)."""
    site, numbered, words = job
    pattern = re.compile("|".join(map(re.escape, sorted({fold(w) for w in words}, key=len, reverse=True)))) if words else None
    entries, postings, latin, blobs = [], {}, Counter(), []
    for i, url in numbered:
        page = read_page(Path(site) / url, url)
        if page is None:
            entries.append((i, None))
            continue
        text = page.title + " " + " ".join(f"{h} {t}" for _a, h, t in page.sections)
        counts = token_counts(text)
        latin.update({t for t in counts if "a" <= t[0] <= "z" and len(t) <= 24})  # words with a letter first
        counts.update({"w:" + w: n for w, n in word_counts(fold(text), pattern).items()})
        headings = page.title + " " + " ".join(h for _a, h, _t in page.sections)
        counts.update({"h:" + t: 1 for t in token_counts(headings)})
        counts.update({"l:" + t: 1 for t in token_counts(page.lead)})
        for tok, n in counts.items():
            entry = postings.get(tok)
            if entry is None:
                postings[tok] = [i, i, [i, n]]  # first page, last page, gaps and counts
            else:
                entry[2] += (i - entry[1], n)
                entry[1] = i
        entries.append((i, [page.url, page.title, page.kind, len(text)]))
        blobs.append((i, _encode({"s": _snippet_sections(page)})))
    encoded = {tok: tuple(v) for tok, v in postings.items()}
    return entries, encoded, latin, blobs


def _index_chunks(jobs: list, frozen: bool = False) -> list:
    """Each job's result; ``frozen``: marshalled as soon as it is made (a memo keeps them so,
    and only one chunk's dictionaries are alive at a time)."""
    return [_freeze_chunk(_index_chunk(job)) if frozen else _index_chunk(job) for job in jobs]


def _snippet_sections(page: Page) -> list[list[str]]:
    """Every section's anchor and heading (a result can point at the section it is about),
    and the start of their text while the page's budget lasts."""
    kept, budget = [], MAX_PAGE_TEXT
    for anchor, heading, text in page.sections[:MAX_SECTIONS]:
        piece = text[:max(0, min(budget, MAX_SECTION_TEXT))]
        kept.append([anchor, heading, piece])
        budget -= len(piece)
    return kept


def _run_chunks(jobs: list, workers: int = 1, frozen: bool = False) -> list:
    """Every job's result, in order; the jobs shared among ``workers`` processes, each but
    this one a ``python -m opskb.site.searchindex`` of its own (which imports only this
    module: multiprocessing's spawn would import the caller's main module too, MkDocs or
    the bench, in every worker)."""
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        return _index_chunks(jobs, frozen)
    shares = [jobs[w::workers] for w in range(workers)]
    procs = [_spawn("chunks", (share, frozen)) for share in shares[1:]]
    done = [_index_chunks(shares[0], frozen)]  # this process takes the first share meanwhile
    done += [_collect(proc, "worker") for proc in procs]
    results: list = [None] * len(jobs)
    for w, share_results in enumerate(done):
        results[w::workers] = share_results
    return results


@contextmanager
def _without_gc():
    """Indexing makes millions of small lists, tuples and counters and no reference cycles:
    the cycle collector would find nothing, yet it walks them again and again (and inside
    MkDocs every object of the build too), which cost a third of the index's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


MEMO_PAGES = 8  # pages per chunk when chunks are kept for the next build
MAX_CHANGED_SHARE = 0.25  # chunks changed beyond this share: the index is merged afresh


@dataclass
class Built:
    """What the last build wrote, kept by a ``Memo`` so the next build after a small edit
    recomputes only the shards whose tokens the edited pages changed."""
    urls: list[str]
    words: list[str]
    keys: list[str]
    docs: list
    blobs: list[bytes]  # per chunk, its pages' snippet files: marshalled [(page number, bytes)]
    latin: list[dict]  # per chunk, its Latin words
    shards: int
    total: int  # postings
    tokens: int
    shard_json: list[bytes]  # zlib-compressed (a fifth of the memory; inflated to write)
    shard_sizes: list[int]  # their bytes uncompressed
    vocab_json: list[bytes]
    vocab_words: int
    pairs: str  # every Han character pair in the index, sorted and run together (the vocabulary's test)


class Memo:
    """Chunk results kept between builds (``mkdocs serve``): a chunk whose pages have the
    same numbers, addresses and HTML bytes, under the same domain words, is not read again.
    Pages are chunked in fixed runs of MEMO_PAGES, so an edited page costs its chunk only.
    Kept marshalled and compressed: as bytes a chunk takes a fraction of the memory of its
    dictionaries (on the dev collection about 15 MB instead of 240 MB), and each build gets
    fresh lists to merge (in a child process when it merges them all). ``built`` is the last build's output: when the pages are the same ones and
    only a few chunks changed, only the shards holding the tokens whose postings changed
    are encoded again."""

    def __init__(self) -> None:
        self.chunks: dict[str, bytes] = {}  # (entries, postings, Latin words), marshalled and compressed
        self.blobs: dict[str, bytes] = {}  # the chunk's snippet files, marshalled
        self.built: Built | None = None
        self.reused = self.computed = 0
        self.shards_encoded = 0
        self.written: Path | None = None  # the site whose KEPT_DIR holds ``built``


def _chunk_key(site: Path, numbered: list[tuple[int, str]], words: list[str]) -> str:
    h = hashlib.sha256("\n".join(words).encode())
    for i, url in numbered:
        h.update(f"\0{i}\0{url}\0".encode())
        h.update(hashlib.sha256((site / url).read_bytes()).digest())
    return h.hexdigest()


def build(site: Path, memo: Memo | None = None) -> dict:
    """Write the index into ``site``/search; returns figures (pages, tokens, shards, seconds,
    bytes). With a ``memo``, chunks whose pages did not change come from it."""
    with _without_gc():
        return _build(Path(site), memo)


def _urls(site: Path) -> list[str]:
    urls = []
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        if not (url.startswith(_SKIP) or url in _SKIP) and kind_of(url) != "skip":  # not the later source lists
            urls.append(url)
    return urls


def _build(site: Path, memo: Memo | None = None) -> dict:
    start = time.perf_counter()
    words = read_domain_words(site)
    urls = _urls(site)
    numbered = list(enumerate(urls))
    workers = min(os.cpu_count() or 1, MAX_WORKERS) if len(urls) >= PARALLEL_PAGES else 1
    if memo is None:
        size_of = -(-len(numbered) // workers) if numbered else 1
        chunks = _run_chunks([(str(site), numbered[k:k + size_of], words)
                              for k in range(0, max(1, len(numbered)), size_of)], workers)
        blobs = [marshal.dumps(chunk[3]) for chunk in chunks]
        built = _merge(chunks, urls, words, [], blobs, level=0)  # not kept: stored, not squeezed
    else:
        runs = [numbered[k:k + MEMO_PAGES] for k in range(0, max(1, len(numbered)), MEMO_PAGES)]
        keys = [_chunk_key(site, run, words) for run in runs]
        missing = [n for n, key in enumerate(keys) if key not in memo.chunks]
        fresh = _run_chunks([(str(site), runs[n], words) for n in missing],
                            workers if len(missing) * MEMO_PAGES >= PARALLEL_PAGES else 1, frozen=True)
        last = memo.built
        same_pages = last is not None and last.urls == urls and last.words == words
        changed = [n for n in range(len(keys)) if same_pages and keys[n] != last.keys[n]]
        before = {n: memo.chunks[last.keys[n]] for n in changed if last.keys[n] in memo.chunks}
        kept = {k: memo.chunks[k] for k in keys if k in memo.chunks}
        blobs = {k: memo.blobs[k] for k in keys if k in memo.blobs}
        for n, frozen in zip(missing, fresh, strict=True):
            *results, pages = marshal.loads(frozen)
            kept[keys[n]], blobs[keys[n]] = _squeeze(tuple(results)), marshal.dumps(pages)
        del fresh
        memo.chunks, memo.blobs = kept, blobs
        memo.reused, memo.computed = len(runs) - len(missing), len(missing)
        built, encoded = None, 0
        if same_pages and len(before) == len(changed) and len(changed) <= MAX_CHANGED_SHARE * len(runs):
            built, encoded = _update(last, {n: (_unsqueeze(before[n]), _unsqueeze(kept[keys[n]])) for n in changed},
                                     keys, [blobs[k] for k in keys])
        if built is None:
            memo.built = None  # its bytes go before the merge makes new ones
            built = _merge_apart([kept[k] for k in keys], urls, words, keys, [blobs[k] for k in keys])
            encoded = built.shards
        previous = memo.built if memo.written == site else None
        memo.built, memo.shards_encoded = built, encoded
        size = _write_kept(site, built, previous)
        memo.written = site
        return {"pages": sum(1 for d in built.docs if d), "tokens": built.tokens, "postings": built.total,
                "shards": built.shards, "words": built.vocab_words, "bytes": size,
                "seconds": round(time.perf_counter() - start, 3)}
    size = _write(site, built)
    return {"pages": sum(1 for d in built.docs if d), "tokens": built.tokens, "postings": built.total,
            "shards": built.shards, "words": built.vocab_words, "bytes": size,
            "seconds": round(time.perf_counter() - start, 3)}


def _merge(chunks, urls: list[str], words: list[str], keys: list[str], blobs: list[bytes], level: int = 1) -> Built:
    """The whole index from every chunk's results, in page order; ``level``: how hard the
    shards are compressed (kept for the next build under serve, or only written)."""
    docs: list = [None] * len(urls)
    postings: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    latin: list[dict] = []
    for entries, encoded, chunk_latin, *_pages in chunks:  # in page order
        for i, entry in entries:
            docs[i] = entry
        for tok, (first, final, flat) in encoded.items():
            if tok in postings:  # the chunk's first gap counts from the page before it
                flat[0] = first - last[tok]
                postings[tok].extend(flat)
            else:
                postings[tok] = flat
            last[tok] = final
        latin.append(dict(chunk_latin))
    # the vocabulary (jieba's words over the index's pairs) in a forked copy while the shards are encoded here
    meanwhile = Forked(lambda: _vocabulary(postings, words)) if len(urls) >= PARALLEL_PAGES and usable() else None
    total = sum(len(v) for v in postings.values()) // 2
    shards = _shard_count(total)
    grouped: list[dict] = [{} for _ in range(shards)]
    ordered = sorted(postings)
    for tok, s in zip(ordered, shards_of(ordered, shards), strict=True):
        grouped[s][tok] = postings[tok]
    del ordered
    shard_json, shard_sizes = [], []
    for group in grouped:
        raw = _encode(group)
        shard_json.append(zlib.compress(raw, level))
        shard_sizes.append(len(raw))
    del grouped
    found = meanwhile.result() if meanwhile is not None else None
    vocab_json, vocab_words, pairs = found if found is not None else _vocabulary(postings, words)
    return Built(urls, words, keys, docs, blobs, latin, shards, total, len(postings), shard_json, shard_sizes,
                 vocab_json, vocab_words, pairs)


def _vocabulary(postings: dict, words: list[str]) -> tuple[list[bytes], int, str]:
    """The vocabulary files, their word count, and every Han character pair of the index
    (sorted and run together: what a later build's vocabulary is tested against)."""
    vocab_json, vocab_words = searchvocab.vocab_files(postings, words)
    return vocab_json, vocab_words, "".join(sorted(t for t in postings if _is_pair(t)))


def _squeeze(results: tuple) -> bytes:
    """A chunk's results as the memo keeps them: marshalled, then compressed (a quarter of
    the bytes; only a changed chunk's are read again)."""
    return zlib.compress(marshal.dumps(results), 1)


def _unsqueeze(data: bytes) -> tuple:
    return marshal.loads(zlib.decompress(data))


def _merge_apart(frozen: list[bytes], urls: list[str], words: list[str], keys: list[str], blobs: list[bytes]) -> Built:
    """``_merge`` of marshalled chunks, in a process of its own: the whole index's postings
    as Python lists take a few hundred MB on a real collection for a second, and a server
    process that held them once keeps that memory (its heap does not shrink back); the
    child hands back only the encoded shards."""
    sizes = {"TARGET_SHARD_POSTINGS": TARGET_SHARD_POSTINGS, "TARGET_VOCAB_SHARD": searchvocab.TARGET_VOCAB_SHARD}  # as set here
    # the snippet files stay here: merging does not read them
    built = Built(*_collect(_spawn("merge", (frozen, urls, words, keys, [], sizes)), "merge"))
    built.blobs = blobs  # the memo's own bytes: the next build tells unchanged ones by identity
    return built


def _shard_count(total: int) -> int:
    return max(1, 2 ** math.ceil(math.log2(max(1, total / TARGET_SHARD_POSTINGS))))


def _absolute(entry) -> list[tuple[int, int]]:
    """A chunk's postings of one token as (page, count) pairs (the first gap is the page)."""
    if entry is None:
        return []
    _first, _final, flat = entry
    out, page = [], 0
    for k in range(0, len(flat), 2):
        page += flat[k]
        out.append((page, flat[k + 1]))
    return out


def _update(last: Built, changed: dict[int, tuple], keys: list[str], blobs: list[bytes]) -> tuple[Built | None, int]:
    """``last`` with the chunks in ``changed`` (chunk number: (old results, new results))
    replaced: only the tokens whose postings in those chunks differ are merged again, and
    only their shards encoded again (their number is returned too). None when the shard
    count would change (then the index is merged afresh)."""
    affected: dict[int, dict[str, tuple[list, list]]] = {}
    docs, latin = list(last.docs), list(last.latin)
    grown = 0
    for n, (old, new) in changed.items():
        (old_entries, old_encoded, _ol), (entries, encoded, chunk_latin) = old, new
        for i, entry in entries:
            docs[i] = entry
        latin[n] = dict(chunk_latin)
        pages = {i for i, _e in old_entries} | {i for i, _e in entries}
        for tok in old_encoded.keys() | encoded.keys():
            before, after = old_encoded.get(tok), encoded.get(tok)
            if before == after:
                continue
            s = shard_of(tok, last.shards)
            gone, added = affected.setdefault(s, {}).setdefault(tok, (set(), []))
            gone.update(pages)
            added.extend(_absolute(after))
            grown += (len(after[2]) if after else 0) - (len(before[2]) if before else 0)
    total = last.total + grown // 2
    if _shard_count(total) != last.shards:
        return None, 0
    shard_json, shard_sizes = list(last.shard_json), list(last.shard_sizes)
    count = last.tokens
    came: set[str] = set()  # character pairs new to the index, and pairs gone from it
    went: set[str] = set()
    for s, toks in affected.items():
        group = json.loads(zlib.decompress(shard_json[s]))
        for tok, (gone, added) in toks.items():
            kept = [pc for pc in _absolute((0, 0, group.get(tok, []))) if pc[0] not in gone]
            merged = sorted(kept + added)
            if not merged:
                count -= 1
                if _is_pair(tok):
                    went.add(tok)
                del group[tok]
                continue
            if tok not in group:
                count += 1
                if _is_pair(tok):
                    came.add(tok)
            flat, page = [], 0
            for p, c in merged:
                flat += (p - page, c)
                page = p
            group[tok] = flat
        raw = _encode({tok: group[tok] for tok in sorted(group)})
        shard_json[s], shard_sizes[s] = zlib.compress(raw, 1), len(raw)
    pairs = last.pairs
    vocab_json, vocab_words = last.vocab_json, last.vocab_words
    if came or went:  # a character pair came or went: the vocabulary offered may differ
        pairs = searchvocab.pairs_changed(pairs, came, went)
        redone = searchvocab.vocab_changed(last, pairs, came | went)
        if redone is None:  # so many words came or went that the vocabulary's shards change
            every = {pairs[k:k + 2] for k in range(0, len(pairs), 2)}
            vocab_json, vocab_words = searchvocab.vocab_files(every, last.words)
        else:
            vocab_json, vocab_words = redone
    return Built(last.urls, last.words, keys, docs, blobs, latin, last.shards, total, count,
                 shard_json, shard_sizes, vocab_json, vocab_words, pairs), len(affected)


def _is_pair(tok: str) -> bool:
    return len(tok) == 2 and "\u3400" <= tok[0] and "\u3400" <= tok[1]


def _write(site: Path, built: Built, folder: str = INDEX_DIR) -> int:
    """The index's files, written into a fresh folder that then takes the old one's place."""
    out = site / folder
    tmp = site / (folder + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for sub in ("shards", "pages", "vocab"):
        (tmp / sub).mkdir(parents=True)
    size = _write_files(tmp, built, None)
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return size


# Under serve the index lives in a hidden folder of the site, which MkDocs does not empty
# before a rebuild (it leaves dot files alone), and ``search`` is a link to it (MkDocs'
# cleaning cannot remove a link to a folder either): a rebuild rewrites only the files
# whose bytes changed, not all 1,400 of them. A plain build writes a real folder.
KEPT_DIR = ".opskb-search"


def _write_kept(site: Path, built: Built, previous: Built | None) -> int:
    """``built`` into site/KEPT_DIR, over ``previous`` when that is what the folder holds
    (only the files whose bytes differ are written), and site/search linked to it."""
    link = site / INDEX_DIR
    if previous is None or not (site / KEPT_DIR).is_dir() or previous.shards != built.shards \
            or len(previous.blobs) != len(built.blobs) or len(previous.vocab_json) != len(built.vocab_json):
        size = _write(site, built, KEPT_DIR)
    else:
        size = _write_files(site / KEPT_DIR, built, previous)
    if not link.is_symlink():
        shutil.rmtree(link, ignore_errors=True)
        link.symlink_to(KEPT_DIR, target_is_directory=True)
    return size


def _write_files(out: Path, built: Built, previous: Built | None) -> int:
    """Every file of the index under ``out``; with ``previous`` (what ``out`` holds), the
    ones whose bytes are the same object as before are left as they are."""

    def same(kind: str, n: int, data: bytes) -> bool:
        return previous is not None and getattr(previous, kind)[n] is data

    size = 0
    for n, chunk in enumerate(built.blobs):
        for i, blob in marshal.loads(chunk):
            if not same("blobs", n, chunk):
                (out / "pages" / f"{i}.json").write_bytes(blob)
            size += len(blob)
    for n, packed in enumerate(built.shard_json):
        if not same("shard_json", n, packed):
            (out / "shards" / f"{n}.json").write_bytes(zlib.decompress(packed))
    size += sum(built.shard_sizes)
    for n, raw in enumerate(built.vocab_json):
        if not same("vocab_json", n, raw):
            (out / "vocab" / f"{n}.json").write_bytes(raw)
        size += len(raw)
    size += _dump(out / "docs.json", {"shards": built.shards, "vocab": len(built.vocab_json), "docs": built.docs})
    latin: Counter = Counter()
    for chunk_latin in built.latin:
        latin.update(chunk_latin)
    size += _dump(out / "latin.json", sorted(w for w, n in latin.items() if n >= 2))
    return size


def _freeze_chunk(chunk: tuple) -> bytes:
    entries, encoded, latin, blobs = chunk
    return marshal.dumps((entries, encoded, dict(latin), blobs))


_encode = searchvocab.encode  # compact JSON, as the browser reads it


def _dump(path: Path, data) -> int:
    raw = _encode(data)
    path.write_bytes(raw)
    return len(raw)


def _spawn(task: str, args: tuple) -> subprocess.Popen:
    """A ``python -m opskb.site.searchindex`` child given ``task`` (it reads all of it
    before it writes anything back, so the pipes cannot block each other)."""
    proc = subprocess.Popen([sys.executable, "-m", "opskb.site.searchindex"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    proc.stdin.write(pickle.dumps((task, args), protocol=pickle.HIGHEST_PROTOCOL))
    proc.stdin.close()
    return proc


def _collect(proc: subprocess.Popen, what: str):
    out = proc.stdout.read()
    if proc.wait() != 0:
        raise RuntimeError(f"search index {what} failed (exit status {proc.returncode})")
    return pickle.loads(out)


def _child(task: str, args: tuple):
    """What a child process of _run_chunks or _merge_apart computes."""
    if task == "chunks":
        return _index_chunks(*args)
    frozen, urls, words, keys, blobs, sizes = args
    global TARGET_SHARD_POSTINGS
    TARGET_SHARD_POSTINGS = sizes["TARGET_SHARD_POSTINGS"]
    searchvocab.TARGET_VOCAB_SHARD = sizes["TARGET_VOCAB_SHARD"]
    built = _merge((_unsqueeze(chunk) for chunk in frozen), urls, words, keys, blobs)  # one chunk at a time
    return tuple(getattr(built, f.name) for f in fields(Built))  # the class is __main__'s here


if __name__ == "__main__":  # a child process: its task in on stdin, the result out on stdout
    with _without_gc():
        sys.stdout.buffer.write(pickle.dumps(_child(*pickle.loads(sys.stdin.buffer.read())), protocol=pickle.HIGHEST_PROTOCOL))
