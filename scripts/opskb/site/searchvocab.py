"""The search's vocabulary: the words the browser splits a query into (search/vocab/N.json).

Dictionary words (jieba's, with their frequency class) all of whose character pairs are in
the index, so a word the pages never use is not offered, and the domain words above them
all; sharded by the hash of each word's first character, as search.js looks them up.
Under ``mkdocs serve`` an edit that brings or removes character pairs updates only the
words holding them (``vocab_changed``), with the same bytes as a fresh build.
"""

from __future__ import annotations

import bisect
import json
import math
import re

from .searchtokens import HAN, fold, shard_of

TARGET_VOCAB_SHARD = 2_500  # words
MAX_WORD = 6  # characters of a vocabulary word
DOMAIN_CLASS = 14  # a domain word's frequency class: above every dictionary word (jieba's top is 13)
# jieba's tags of words that carry no subject of their own: adverbs (其实, 比较), pronouns (自己),
# time words (现在), numerals and measures (三个, 一年), conjunctions, prepositions, auxiliaries,
# modal particles, interjections, onomatopoeia, directions. A query need not find them on a page
# (search.js); their class is given negative.
FUNCTION_TAGS = re.compile(r"^(d|r|rr|rz|t|tg|m|mq|q|c|p|u|u[a-z]|y|e|o|f)$")
# A verb or noun common in all kinds of writing frames a question rather than naming its subject:
# a page about 精细化运营 need not say 强调 to answer "为什么都在强调精细化运营", nor 能力 for
# "社群运营需要具备卖货能力吗". Such words count as function words too: verbs from jieba's frequency
# class 8 (a few thousand uses: 强调, 理解, 重视, 回答), nouns, more often a subject, from class 9
# (公司, 能力, 问题). The trade's own words are rarer (留存, 裂变, 社群) or domain words (转化, 目标).
GENERAL_CLASS = {"v": 8, "n": 9}


def encode(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_HAN_WORD = re.compile(f"[{HAN}]{{2,{MAX_WORD}}}")


def dictionary_text() -> str:
    """jieba's dictionary file: a word, its frequency and its tag per line (read as it is:
    loading jieba's prefix dictionary would take longer than the whole check below)."""
    import importlib.resources

    return (importlib.resources.files("jieba") / "dict.txt").read_text(encoding="utf-8")


def dictionary_entry(line: str) -> tuple[str, int, str]:
    """(word, frequency, tag) of one line of jieba's dictionary."""
    word, freq, tag = line.split(" ", 2)
    return word, int(freq), tag.strip()


def dictionary_words():
    """(word, frequency, tag) of jieba's dictionary."""
    for line in dictionary_text().splitlines():
        yield dictionary_entry(line)


def word_class(freq: int, tag: str) -> int:
    """The natural log of jieba's frequency; negative for a function word (FUNCTION_TAGS, or a
    verb or noun common in all kinds of writing: GENERAL_CLASS)."""
    cls = int(math.log(freq + 1))
    general = tag in GENERAL_CLASS and cls >= GENERAL_CLASS[tag]
    return -cls if cls and (FUNCTION_TAGS.match(tag) or general) else cls


def vocabulary(postings, domain: list[str]) -> dict[str, int]:
    """{word: frequency class} for the browser's query splitting: dictionary words all of
    whose character pairs are in the index (so a word the pages never use is not offered),
    the class being the natural log of jieba's frequency (negative for a function word);
    domain words above them all."""
    vocab = {}
    for word, freq, tag in dictionary_words():
        n = len(word)
        if n < 2 or n > MAX_WORD or word[:2] not in postings:  # most words stop here
            continue
        if (n == 2 or all(word[i:i + 2] in postings for i in range(1, n - 1))) and _HAN_WORD.fullmatch(word):
            vocab[word] = word_class(freq, tag)
    for word in domain:
        word = fold(word)
        if _HAN_WORD.fullmatch(word):
            vocab[word] = DOMAIN_CLASS
    return vocab


def vocab_groups(vocab: dict[str, int], shards: int) -> list[dict]:
    """The vocabulary split by the hash of each word's first character (search.js the same):
    per shard {first character: {class: "rest rest ..."}}."""
    groups: list[dict] = [{} for _ in range(shards)]
    for word in sorted(vocab):
        by_class = groups[shard_of(word[0], shards)].setdefault(word[0], {})
        by_class.setdefault(str(vocab[word]), []).append(word[1:])
    return [{first: {c: " ".join(rests) for c, rests in by_class.items()} for first, by_class in g.items()}
            for g in groups]


def vocab_files(postings, words: list[str]) -> tuple[list[bytes], int]:
    vocab = vocabulary(postings, words)
    vocab_shards = max(1, 2 ** math.ceil(math.log2(max(1, len(vocab) / TARGET_VOCAB_SHARD))))
    return [encode(group) for group in vocab_groups(vocab, vocab_shards)], len(vocab)


class _PairView:
    """The sorted run of two-character pairs (Built.pairs) as a sequence of pairs, for bisect."""

    def __init__(self, run: str) -> None:
        self.run = run

    def __len__(self) -> int:
        return len(self.run) // 2

    def __getitem__(self, k: int) -> str:
        return self.run[2 * k:2 * k + 2]


def _has_pair(run: str, pair: str) -> bool:
    k = bisect.bisect_left(_PairView(run), pair)
    return run[2 * k:2 * k + 2] == pair


def pairs_changed(run: str, came: set[str], went: set[str]) -> str:
    """The sorted run of pairs with ``went`` taken out and ``came`` put in."""
    for pair in went:
        k = bisect.bisect_left(_PairView(run), pair)
        if run[2 * k:2 * k + 2] == pair:
            run = run[:2 * k] + run[2 * k + 2:]
    for pair in came:
        k = bisect.bisect_left(_PairView(run), pair)
        if run[2 * k:2 * k + 2] != pair:
            run = run[:2 * k] + pair + run[2 * k:]
    return run


def vocab_changed(last, run: str, changed: set[str]) -> tuple[list[bytes], int] | None:
    """The vocabulary files after character pairs came or went (``run``: every pair now):
    only dictionary words holding one of the ``changed`` pairs can come or go, and only
    the shards of their first characters are encoded again. The same bytes as vocabulary()
    and vocab_groups() over everything; None when the number of shards would change."""
    shards = len(last.vocab_json)
    domain = {fold(w) for w in last.words}
    find = re.compile("|".join(map(re.escape, sorted(changed))))
    text = dictionary_text()
    wanted: dict[str, tuple[int, str]] = {}
    for m in find.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        word, freq, tag = dictionary_entry(text[start:end if end >= 0 else len(text)])
        if m.end() <= start + len(word):  # the pair stands in the word, not across lines
            wanted[word] = freq, tag
    flats: dict[int, dict[str, int]] = {}
    count = last.vocab_words
    for word, (freq, tag) in sorted(wanted.items()):
        if word in domain or not _HAN_WORD.fullmatch(word) or len(word) > MAX_WORD:
            continue  # a domain word stays whatever its pairs; the others are never offered
        member = all(_has_pair(run, word[i:i + 2]) for i in range(len(word) - 1))
        n = shard_of(word[0], shards)
        if n not in flats:
            flats[n] = {first + rest: int(c) for first, by_class in json.loads(last.vocab_json[n]).items()
                        for c, rests in by_class.items() for rest in rests.split(" ")}
        flat = flats[n]
        if member and word not in flat:
            flat[word] = word_class(freq, tag)
            count += 1
        elif not member and word in flat:
            del flat[word]
            count -= 1
    if max(1, 2 ** math.ceil(math.log2(max(1, count / TARGET_VOCAB_SHARD)))) != shards:
        return None
    files = list(last.vocab_json)
    for n, flat in flats.items():
        files[n] = encode(vocab_groups(flat, shards)[n])
    return files, count
