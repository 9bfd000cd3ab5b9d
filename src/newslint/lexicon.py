"""Word data shipped in the package: English word frequencies and closed-class word sets.

Frequencies come from ``data/en_words.txt.gz`` (built from wordfreq by
``scripts/build_lexicon.py``). They are case-folded: a frequency says nothing about
whether a word is a proper noun, so capitalisation rules must use the closed-class sets
below or evidence from the document itself.

Lookups read ``data/en_words.idx``, the same list as a hash-bucketed index
(``scripts/build_lexicon_index.py`` writes it from the ``.txt.gz``; a test checks they
agree). Opening it reads one file and builds no per-word objects, so the first
``zipf()`` costs about a millisecond instead of the 0.1-0.2 s of building a 150,000-entry
dict; each lookup hashes the word and searches one small bucket, and answers are
memoised because article text repeats its words.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from functools import cache
from pathlib import Path

DETERMINERS = frozenset({"a", "an", "the"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
PRONOUNS = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "who", "whom", "which", "what"}
)
PREPOSITIONS = frozenset(
    [
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "as",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "by",
        "despite",
        "down",
        "during",
        "except",
        "for",
        "from",
        "in",
        "inside",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "outside",
        "over",
        "past",
        "per",
        "since",
        "through",
        "throughout",
        "till",
        "to",
        "toward",
        "towards",
        "under",
        "underneath",
        "unlike",
        "until",
        "up",
        "upon",
        "via",
        "with",
        "within",
        "without",
    ]
)
CONJUNCTIONS = frozenset(
    {
        "and",
        "but",
        "or",
        "nor",
        "so",
        "yet",
        "because",
        "although",
        "though",
        "while",
        "whereas",
        "if",
        "unless",
        "whether",
        "than",
    }
)
AUXILIARIES = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
    ]
)
FUNCTION_WORDS = (
    DETERMINERS | DEMONSTRATIVES | POSSESSIVES | PRONOUNS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES
)


INDEX_MAGIC = b"NLLEX1\n"
INDEX_BUCKETS = 16384
_MEMO_LIMIT = 200_000
_memo: dict[str, float] = {}


def build_index(words_gz: bytes, buckets: int = INDEX_BUCKETS) -> bytes:
    """Turn the ``#zipf``-bucketed word list into the index ``zipf()`` reads.

    Layout: magic, bucket count (uint32), bucket offsets (uint32 each, one more than the
    count), then per bucket the entries ``\nword\tZZZ`` where ZZZ is the Zipf value times
    100. A word's bucket is ``crc32(word) % count``.
    """
    groups: list[list[bytes]] = [[] for _ in range(buckets)]
    for bucket in gzip.decompress(words_gz).decode("utf-8").split("\n#")[1:]:
        header, _, words = bucket.partition("\n")
        value = round(float(header) * 100)
        for word in words.split():
            data = word.encode("utf-8")
            groups[zlib.crc32(data) % buckets].append(b"\n%s\t%03d" % (data, value))
    blobs = [b"".join(group) + b"\n" for group in groups]
    offsets = [0]
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    return INDEX_MAGIC + struct.pack(f"<{buckets + 2}I", buckets, *offsets) + b"".join(blobs)


def _data_file(name: str) -> bytes:
    path = Path(__file__).parent / "data" / name
    if path.is_file():  # plain files: no need to import importlib.resources
        return path.read_bytes()
    from importlib.resources import files

    return (files("newslint") / "data" / name).read_bytes()


def data_text(name: str) -> str:
    """The text of the UTF-8 data file ``name`` shipped in newslint/data."""
    return _data_file(name).decode("utf-8")


@cache
def _index() -> tuple[bytes, tuple[int, ...], int]:
    data = _data_file("en_words.idx")
    if not data.startswith(INDEX_MAGIC):
        raise ValueError("newslint/data/en_words.idx is not a word index; rebuild it")
    start = len(INDEX_MAGIC)
    (buckets,) = struct.unpack_from("<I", data, start)
    offsets = struct.unpack_from(f"<{buckets + 1}I", data, start + 4)
    base = start + 4 * (buckets + 2)
    return data[base:], offsets, buckets


def _lookup(word: str) -> float | None:
    blob, offsets, buckets = _index()
    data = word.encode("utf-8")
    if b"\n" in data or b"\t" in data:
        return None
    bucket = zlib.crc32(data) % buckets
    found = blob.find(b"\n" + data + b"\t", offsets[bucket], offsets[bucket + 1])
    if found < 0:
        return None
    digits = found + len(data) + 2
    return int(blob[digits : digits + 3]) / 100


@cache
def _frequencies() -> dict[str, float]:
    """The whole list as a dict (slow to build: prefer :func:`zipf`)."""
    data = _data_file("en_words.txt.gz")
    table: dict[str, float] = {}
    # Buckets of equally frequent words under "#zipf" headers: one dict.fromkeys per bucket.
    for bucket in gzip.decompress(data).decode("utf-8").split("\n#")[1:]:
        header, _, words = bucket.partition("\n")
        table.update(dict.fromkeys(words.split(), float(header)))
    return table


def zipf(word: str) -> float:
    """Return the Zipf frequency of ``word`` (case-folded); 0.0 for a word not in the list.

    Zipf 7 is "the", 5 a common word, 3 a rare one; the list stops near 1.6.
    """
    value = _memo.get(word)
    if value is not None:
        return value
    lowered = word.lower()
    found = _lookup(lowered)
    if found is None and "’" in lowered:
        found = _lookup(lowered.replace("’", "'"))
    value = found or 0.0
    if len(_memo) >= _MEMO_LIMIT:  # bounded: a huge corpus must not grow it without end
        _memo.clear()
    _memo[word] = value
    return value


def is_word(word: str, min_zipf: float = 2.5) -> bool:
    """Say whether ``word`` is an English word at least as frequent as ``min_zipf``."""
    return zipf(word) >= min_zipf
