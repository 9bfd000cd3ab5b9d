"""Spelling keys for proper names: folded, transliterated and phonetic forms of one name.

Two spellings of one name usually differ in ways a scraper or a translation engine
introduces: stripped diacritics (Ruíz, Ruiz), umlauts written out (Schäfer, Schaefer),
a doubled or single letter (Aasgaard, Aasgard), letters that sound alike (Kalinowski,
Kalinowsky; Echeverría, Etxeberria). These functions turn a name into keys that are
equal for such spellings, and compare names cheaply. Everything here is a pure
function of ``str``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into a base letter plus a mark.
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h"}
)
# German-style transliteration of umlauts: Schäfer is written Schaefer without the keyboard.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "oe", "å": "aa", "æ": "ae"})
_APOSTROPHES = re.compile(r"[’']")
# Sound-alike spellings, applied in order to a folded name (lower case, ASCII).
_PHONETIC_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"tx|tch", "ч"),  # Basque tx, English tch: the sound of ch
        (r"ch|cz", "ч"),  # Polish cz is the same sound
        (r"ph", "f"),
        (r"ck|q|c", "k"),
        (r"y", "i"),
        (r"w", "v"),
        (r"b", "v"),  # Spanish and Basque do not tell b from v
        (r"z", "s"),
        (r"(.)\1+", r"\1"),  # doubled letters
    )
)
_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")


def strip_possessive(word: str) -> str:
    """Return ``word`` without a possessive ending: Towne's, Towne’s -> Towne; Jones' -> Jones."""
    # String tests give the regex's answer without running it on every name word.
    last = word[-1:]
    if last == "s":
        return word[:-2] if word.endswith(("'s", "’s")) else word
    if last in ("'", "’"):
        return word[:-1] if word[-2:-1] == "s" else word
    if last == "\n":
        return _POSSESSIVE.sub("", word)  # ``$`` also matches before a final line break
    return word


def has_marks(word: str) -> bool:
    """Say whether ``word`` has letters outside ASCII (diacritics, ß, ø)."""
    return not word.isascii()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case ``word`` and strip its diacritics: Ruíz -> ruiz, Magalhães -> magalhaes."""
    lowered = word.lower().translate(_SPECIAL_LETTERS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def transliterate(word: str) -> str:
    """Lower-case ``word`` writing umlauts out: Schäfer -> schaefer, Müller -> mueller."""
    return fold(word.lower().translate(_UMLAUTS))


@lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """Reduce a folded name to how it sounds: kalinowsky and kalinowski -> kalinovski."""
    key = _APOSTROPHES.sub("", folded)
    for pattern, replacement in _PHONETIC_STEPS:
        key = pattern.sub(replacement, key)
    return key


@lru_cache(maxsize=65536)
def spelling_keys(word: str) -> frozenset[str]:
    """The phonetic skeletons of ``word`` with diacritics stripped and with umlauts written out."""
    return frozenset({skeleton(fold(word)), skeleton(transliterate(word))})


def hyphen_free_key(word: str) -> str:
    """The skeleton of ``word`` without hyphens: Han-bum and Hanbum are one romanised name.

    Kept apart from :func:`spelling_keys` so that partner words are still compared with
    their hyphens ("U-ni-ted" in a chant is not "United").
    """
    return skeleton(fold(word).replace("-", ""))


@lru_cache(maxsize=65536)
def deletion_keys(key: str) -> tuple[str, ...]:
    """``key`` and every string made by deleting one of its characters.

    Two strings within one edit (insertion, deletion, substitution or transposition of
    neighbours) share at least one deletion key, so grouping names by these keys finds
    every close pair without comparing all pairs.
    """
    return (key, *{key[:i] + key[i + 1 :] for i in range(len(key))})


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Edit distance of two short strings, counting a swap of neighbours as one edit.

    Gives up past ``limit`` and returns ``limit + 1``.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def common_prefix(a: str, b: str) -> int:
    length = 0
    for char_a, char_b in zip(a, b, strict=False):
        if char_a != char_b:
            break
        length += 1
    return length


# Endings that turn a name into another word: plurals (the Clintons), demonyms (Russia,
# Russian; Texas, Texans), adjectives and agent nouns. A pair that differs only by one of
# these is two words, not two spellings.
DERIVATIONAL_SUFFIXES = frozenset(
    {
        "s", "es", "n", "an", "ian", "ean", "ans", "ians", "ns", "ese", "i", "is", "ic", "ics", "ical",
        "ern", "ist", "ists", "ism", "ia", "er", "ers", "ed", "ing", "ite", "ites", "ish", "y", "ly",
        "a", "o", "al", "ine", "ois", "ais", "ien", "ienne", "ano", "ana", "ino", "ina", "ner",
        "isch", "ische", "sk", "ska",
    }
)  # fmt: skip


def suffix_difference(a: str, b: str) -> str | None:
    """If one folded word is the other plus an ending, return the ending; else None."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long.startswith(short):
        return long[len(short) :]
    # Texas/Texans, Russia/Russians: the base may lose its last letter before the ending.
    if (
        len(short) > 3
        and len(long) > len(short)
        and long.startswith(short[:-1])
        and long[len(short) - 1 :] in DERIVATIONAL_SUFFIXES
    ):
        return long[len(short) - 1 :]
    return None


def is_derived_form(a: str, b: str) -> bool:
    """Say whether one folded word is the other with a plural, demonym or adjective ending."""
    ending = suffix_difference(a, b)
    return ending is not None and ending in DERIVATIONAL_SUFFIXES


# Masculine and feminine forms of one surname (Kowalski, Kowalska; Ivanov, Ivanova;
# Novák, Nováková; Papadopoulos, Papadopoulou): relatives, never spelling variants.
_GENDERED_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ski", "ska"),
    ("cki", "cka"),
    ("dzki", "dzka"),
    ("sky", "ska"),
    ("skiy", "skaya"),
    ("skii", "skaia"),
    ("ov", "ova"),
    ("ev", "eva"),
    ("yov", "yova"),
    ("in", "ina"),
    ("yn", "yna"),
    ("iy", "aya"),
    ("yi", "aya"),
    ("y", "a"),
    ("", "ova"),
    ("", "a"),
    ("os", "ou"),
    ("is", "i"),
    ("as", "iene"),
    ("as", "yte"),
    ("as", "aite"),
    ("us", "iene"),
    ("s", "a"),
    ("son", "dottir"),
    ("sson", "sdottir"),
    ("escu", "escu"),
)


def is_gendered_pair(a: str, b: str) -> bool:
    """Say whether two folded surnames are the masculine and feminine forms of one name."""
    if common_prefix(a, b) < 3 or abs(len(a) - len(b)) > 6:
        return False
    for masculine, feminine in _GENDERED_ENDINGS:
        for male, female in ((a, b), (b, a)):
            if not male.endswith(masculine) or not female.endswith(feminine):
                continue
            stem = male[: len(male) - len(masculine)]
            if len(stem) >= 3 and female[: len(female) - len(feminine)] == stem and male != female:
                return True
    return False
