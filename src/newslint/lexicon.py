"""Word data shipped in the package: English word frequencies and closed-class word sets.

Frequencies come from ``data/en_words.txt.gz`` (built from wordfreq by
``scripts/build_lexicon.py``), loaded once on first use. They are case-folded: a
frequency says nothing about whether a word is a proper noun, so capitalisation rules
must use the closed-class sets below or evidence from the document itself.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib.resources import files

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


@cache
def _frequencies() -> dict[str, float]:
    data = (files("newslint") / "data" / "en_words.txt.gz").read_bytes()
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
    table = _frequencies()
    lowered = word.lower()
    value = table.get(lowered)
    if value is None and "’" in lowered:
        value = table.get(lowered.replace("’", "'"))
    return value or 0.0


def is_word(word: str, min_zipf: float = 2.5) -> bool:
    """Say whether ``word`` is an English word at least as frequent as ``min_zipf``."""
    return zipf(word) >= min_zipf
