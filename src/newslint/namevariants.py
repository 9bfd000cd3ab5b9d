"""Group an article's name mentions by spelling and find the spellings that are variants.

Every distinct capitalised word of a name is a *form* ("Towne", "Town", "Kalinowski"),
with its count and the evidence around it: the other words of the names it appears in
(its *partners*: "Jenny" for "Towne"), whether it fills an attribution slot, carries a
title or completes a full name. Two forms are compared only when they share a spelling
key (equal after folding diacritics, umlauts and sound-alike letters) or a key one edit
apart; keys are found by hashing, never by comparing all pairs, so the work is linear in
the number of forms. A pair is reported only with evidence that it is one entity, and
never when the evidence says two: different first names, masculine and feminine forms of
a surname, a plural or a demonym.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import compress, count, repeat

from newslint.document import Document
from newslint.entities import TITLES, Mention, is_given_name, is_name_token, mentions
from newslint.lexicon import FUNCTION_WORDS, zipf
from newslint.mt_lexicon import capital_indexes, lowered_document
from newslint.namefold import (
    common_prefix,
    deletion_keys,
    edit_distance,
    fold,
    has_marks,
    hyphen_free_key,
    is_derived_form,
    is_gendered_pair,
    skeleton,
    spelling_keys,
    strip_possessive,
    suffix_difference,
    transliterate,
)

MAX_BUCKET = 40  # a key shared by more forms than this is noise, not a name
MAX_PARTNERS = 24  # partners kept per form: enough to tell people apart, bounded work
MAX_RARE_COUNT = 3  # a damaged spelling is a slip, not the article's usual form
COMMON_WORD_ZIPF = 3.0  # "Town", "Park": capitalised, they may be the ordinary word


_NO_RELATION_PHRASES = ("no relation", "not related", "unrelated", "no kin")
_NO_RELATION = re.compile("|".join(rf"\b{phrase}\b" for phrase in _NO_RELATION_PHRASES), re.IGNORECASE)


class Relation(Enum):
    """What the partners of two forms say about them."""

    SAME = "same"  # a partner in common: "Jenny Towne", "Jenny Town"
    DIFFERENT = "different"  # both have partners and none match: Erik Lindqvist, Sarah Lindquist
    UNKNOWN = "unknown"  # one is used bare: "Town added"


@dataclass(slots=True)
class Form:
    """One spelling of a name word and the evidence gathered for it."""

    text: str
    folded: str
    occurrences: list[tuple[Mention, int]] = field(default_factory=list)
    partners: set[str] = field(default_factory=set)
    speaker: bool = False  # the last word of a mention in an attribution slot
    titled: bool = False  # the last word of a mention after a title
    full_name: bool = False  # the last word of a name of two or more words
    possessive: bool = False  # the last word of a mention with a possessive ending: "Town's"
    named_person: bool = False  # the surname of someone with a known first name or a title
    sexes: set[str] = field(default_factory=set)  # what first names and titles say of its people
    mid_sentence: bool = False  # seen capitalised where a capital is not automatic

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def first(self) -> int:
        return self.occurrences[0][0].words[self.occurrences[0][1]].span.start

    def dominance(self) -> tuple[int, bool, bool, int]:
        """Sort key of the spelling to prefer: most used, introduced in full, with its diacritics, first."""
        return (self.count, self.full_name, has_marks(self.text), -self.first)


@dataclass(frozen=True, slots=True)
class Variant:
    """A rare spelling of the entity whose usual spelling is ``dominant``."""

    rare: Form
    dominant: Form


def collect_forms(document: Document) -> dict[str, Form]:
    """Every name word of the article's mentions, keyed by its spelling."""
    forms: dict[str, Form] = {}
    for mention in mentions(document):
        words = mention.words
        last = len(words) - 1
        folded = [fold(w.text) for w in words]
        # A capital proves a name unless the word opens a sentence; a speaker is a name anyway.
        proven = not mention.sentence_initial or bool(mention.title)
        for index, word in enumerate(words):
            text = word.text
            key = text.replace("’", "'")  # O’Brien and O'Brien are one spelling
            form = forms.get(key)
            if form is None:
                form = forms[key] = Form(text, folded[index])
            form.occurrences.append((mention, index))
            if last and len(form.partners) < MAX_PARTNERS:
                form.partners.update(folded[:index] + folded[index + 1 :])
            if index == last:
                form.speaker |= mention.speaker
                form.titled |= bool(mention.title)
                form.full_name |= last > 0
                form.possessive |= mention.possessive
                form.named_person |= mention.is_named_person
                sex = mention.sex
                if sex:
                    form.sexes.add(sex)
                form.mid_sentence |= index > 0 or proven or mention.speaker
            else:
                form.mid_sentence |= index > 0 or proven
    return forms


@lru_cache(maxsize=4)
def find_variants(document: Document) -> tuple[Variant, ...]:
    """Return each rare spelling with the dominant spelling of the same entity."""
    if not _may_share_key(document):
        return ()  # no two spellings could meet in a bucket: no pair, and no mentions to build
    return _find_variants(document)


def capital_words(document: Document) -> set[str]:
    """The distinct texts of the tokens that start with a capital: every name word comes from one."""
    return set(map(document.token_texts.__getitem__, capital_indexes(document)))


# Near keys are stored with this mark in front, so that one set holds both kinds apart: no
# key holds it (keys come from token texts, which are letters, digits, apostrophes, hyphens).
_NEAR_MARK = "\x00"


@lru_cache(maxsize=65536)
def _candidate(token: str) -> tuple[str, frozenset[str]] | None:
    """The spelling a capitalised token gives a form and that spelling's bucket keys, if it may be compared."""
    bare = strip_possessive(token)
    if not is_name_token(bare):
        return None
    folded = fold(bare)
    if len(folded) < 3 or folded in FUNCTION_WORDS or folded in TITLES:
        return None  # what _comparable rejects by the spelling alone
    exact, near = _bucket_keys(bare, folded)
    return bare, frozenset([*exact, *(_NEAR_MARK + key for key in near)])


def _may_share_key(document: Document) -> bool:
    """Say whether two distinct spellings of capitalised words share a same or a near bucket key.

    Every form is the possessive-free text of a capitalised token, and two forms are
    compared only when they share a key, so when no two such spellings do, there is no
    pair. Hashing the keys of each distinct spelling is far cheaper than building the
    mentions and their evidence, and most articles have no pair at all.
    """
    # One entry per spelling ("Towne" and "Towne's" give one), built by dict() and map in C.
    keys_of = dict(filter(None, map(_candidate, capital_words(document))))
    if document.accept:
        keys_of = {bare: keys for bare, keys in keys_of.items() if not document.is_accepted(bare)}
    # Each spelling's keys are distinct, so a key held twice is held by two spellings.
    key_sets = keys_of.values()
    return len(set().union(*key_sets)) < sum(map(len, key_sets))


def _find_variants(document: Document) -> tuple[Variant, ...]:
    forms = [f for f in collect_forms(document).values() if _comparable(f, document)]
    unrelated = _said_to_be_unrelated(document)
    exact_keys: list[str] = []
    exact_owners: list[Form] = []
    near_keys: list[str] = []
    near_owners: list[Form] = []
    for form in forms:
        same, close = _bucket_keys(form.text, form.folded)
        exact_keys.extend(same)
        exact_owners.extend(repeat(form, len(same)))
        near_keys.extend(close)
        near_owners.extend(repeat(form, len(close)))
    best: dict[str, Variant] = {}
    seen: set[tuple[str, str]] = set()
    for groups, same_key in (
        (_groups(exact_keys, exact_owners), True),
        (_groups(near_keys, near_owners), False),
    ):
        for group in groups:
            for a, b in _pairs(group):
                pair = (a.text, b.text) if a.text < b.text else (b.text, a.text)
                if pair in seen:
                    continue
                seen.add(pair)
                rare, dominant = (a, b) if a.dominance() < b.dominance() else (b, a)
                if rare.text in unrelated or dominant.text in unrelated:
                    continue
                if _is_variant(rare, dominant, same_key):
                    current = best.get(rare.text)
                    if current is None or current.dominant.dominance() < dominant.dominance():
                        best[rare.text] = Variant(rare, dominant)
    # A spelling that is itself the usual form of another variant is not rare.
    return tuple(
        sorted((v for v in best.values() if v.dominant.text not in best), key=lambda v: v.rare.first)
    )


def _groups(keys: list[str], owners: list[Form]) -> Iterable[list[Form]]:
    """The forms that share each key, for keys shared by 2 to ``MAX_BUCKET`` entries, in key order.

    ``owners[i]`` holds ``keys[i]``. Counting in C and gathering only the shared keys gives
    the groups a bucket dictionary would, without a Python step for each of the many
    keys held by one form alone.
    """
    counts = Counter(keys)
    shared = {key for key, number in counts.items() if 2 <= number <= MAX_BUCKET}
    if not shared:
        return ()
    groups: dict[str, list[Form]] = {key: [] for key in counts if key in shared}
    for i in compress(count(), map(shared.__contains__, keys)):
        groups[keys[i]].append(owners[i])
    return groups.values()


@lru_cache(maxsize=65536)
def _bucket_keys(text: str, folded: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys that put a spelling in the same and in the near buckets, worked out once per spelling."""
    keys = spelling_keys(text)
    exact = tuple(keys | {hyphen_free_key(text)})
    # Near pairs by the sound-alike key and by the plain spelling: collapsing doubled
    # letters can move "Lleellyn" two edits from "Llewellyn" while the spelling is one.
    near = tuple(deleted for key in keys | {folded} if len(key) >= 4 for deleted in deletion_keys(key))
    return exact, near


def _said_to_be_unrelated(document: Document) -> set[str]:
    """Names in a paragraph that says two people are "no relation": never merged."""
    lowered = lowered_document(document)
    if lowered is not None and not any(phrase in lowered for phrase in _NO_RELATION_PHRASES):
        return set()  # no paragraph can hold the cue: skip the case-insensitive search of each
    paragraphs = document.paragraphs
    cued = {i for i, p in enumerate(paragraphs) if _NO_RELATION.search(document[p])}
    if not cued:
        return set()
    starts = [p.start for p in paragraphs]
    return {
        w.text
        for m in mentions(document)
        if bisect.bisect_right(starts, m.span.start) - 1 in cued
        for w in m.words
    }


def _pairs(group: list[Form]) -> Iterable[tuple[Form, Form]]:
    unique = list({id(f): f for f in group}.values())
    for i, a in enumerate(unique):
        for b in unique[i + 1 :]:
            yield a, b


def _comparable(form: Form, document: Document) -> bool:
    folded = form.folded
    if len(folded) < 3 or folded in FUNCTION_WORDS or folded in TITLES or document.is_accepted(form.text):
        return False
    # A common word seen only at the start of sentences is the word, not a name.
    return form.mid_sentence or zipf(folded) < COMMON_WORD_ZIPF


def relation(a: Form, b: Form) -> Relation:
    """Compare the partners of two forms: shared, different, or not known."""
    if not a.partners or not b.partners:
        return Relation.UNKNOWN
    if a.partners & b.partners:
        return Relation.SAME
    keys_a = {k for p in a.partners for k in spelling_keys(p)}
    keys_b = {k for p in b.partners for k in spelling_keys(p)}
    if keys_a & keys_b:
        return Relation.SAME
    if any(cognates(p, q) for p in a.partners for q in b.partners):
        return Relation.SAME
    return Relation.DIFFERENT


def cognates(a: str, b: str) -> bool:
    """Folded words that are one word partly translated: logistique, logistics."""
    if is_derived_form(a, b):
        return False
    shared = common_prefix(a, b)
    return shared >= 6 and shared >= 0.7 * min(len(a), len(b))


def similar_words(a: str, b: str) -> bool:
    """Folded words that are equal, spelled alike, or cognates."""
    return a == b or bool(spelling_keys(a) & spelling_keys(b)) or cognates(a, b)


def _is_variant(rare: Form, dominant: Form, same_key: bool) -> bool:
    if rare.text == dominant.text or rare.count > MAX_RARE_COUNT:
        return False
    shared = relation(rare, dominant)
    if shared is Relation.DIFFERENT or (rare.sexes and dominant.sexes and rare.sexes != dominant.sexes):
        return False  # different first names, or Mrs. Lindquist and Erik Lindqvist
    if not _dominates(dominant, rare, tie_to_first=same_key or shared is Relation.SAME):
        return False
    if _misspelled_introduction(rare, dominant):
        return not is_gendered_pair(rare.folded, dominant.folded)
    if same_key:
        evidence = _same_spelling_evidence(rare, dominant)
    else:
        evidence = _near_spelling_evidence(rare, dominant)
    return evidence and not is_gendered_pair(rare.folded, dominant.folded)


def _misspelled_introduction(rare: Form, dominant: Form) -> bool:
    """A full name used once ("said Jenny Town") and a surname never introduced ("Towne said" twice).

    Every bare surname in a news story refers to someone introduced in full; when the only
    introduction is one letter away, the introduction is the slip.
    """
    a, b = rare.folded, dominant.folded
    close = edit_distance(a, b, 2) <= 1 or bool(spelling_keys(a) & spelling_keys(b))
    return (
        close
        and rare.count == 1
        and rare.full_name
        and rare.named_person
        and not dominant.partners
        and not dominant.titled
        and dominant.speaker
        and dominant.count >= 2
        and a[0] == b[0]
        and min(len(a), len(b)) >= 5
        and zipf(b) < COMMON_WORD_ZIPF
        and not is_given_name(rare.text)
        and not is_derived_form(a, b)
    )


def _share_given_name(a: Form, b: Form) -> bool:
    return any(is_given_name(p) for p in a.partners & b.partners)


def _dominates(dominant: Form, rare: Form, tie_to_first: bool) -> bool:
    """The usual spelling must be clearly ahead: used more, or introduced in full, or with diacritics."""
    if dominant.count > rare.count:
        return True
    if dominant.full_name and not rare.full_name:
        return True
    # A tie goes to the spelling with diacritics: tools strip accents, they do not add them.
    if dominant.count != rare.count or dominant.full_name != rare.full_name:
        return False
    if has_marks(dominant.text) != has_marks(rare.text):
        return has_marks(dominant.text)
    # Otherwise the spelling that introduced the name, when the pair is surely one name.
    return tie_to_first and rare.count == 1 and dominant.first < rare.first


def _same_spelling_evidence(rare: Form, dominant: Form) -> bool:
    """Spellings equal after folding: diacritics and umlauts alone are evidence enough.

    Except when the rare spelling only ever appears inside a longer name the usual one
    never joins: "Zurich Insurance" keeps the company's own spelling beside "Zürich".
    """
    if rare.partners and not dominant.partners and not rare.named_person:
        return False
    folded = {rare.folded, dominant.folded}
    written_out = {transliterate(rare.text), transliterate(dominant.text)}
    # Ruíz and Ruiz fold alike; Schäfer and Schaefer are alike once the umlaut is written out;
    # Schäfer and Schafer fold alike.
    if len(folded) == 1 or len(written_out) == 1 or rare.folded == transliterate(dominant.text):
        return True
    # Sound-alike letters (y/i, b/v, tx/ch, doubled letters) need a person or a shared name;
    # two first names spelled alike (Catherine, Katherine) belong to two people.
    if is_given_name(rare.text) and is_given_name(dominant.text):
        return False
    shortest = min(len(rare.folded), len(dominant.folded))
    if relation(rare, dominant) is Relation.SAME:
        return True  # "Le Gof" beside "Yannick Le Goff"
    if (rare.speaker or rare.titled) and dominant.named_person and shortest >= 4:
        return True
    # A bare, uncommon word spelled like a person's surname ("asked Llewelyn" after
    # "Bethan Llewellyn"): the same sound, the same person.
    return (
        not rare.partners
        and dominant.named_person
        and dominant.full_name
        and min(len(rare.folded), len(dominant.folded)) >= 6
        and zipf(rare.folded) < COMMON_WORD_ZIPF
    )


def _near_spelling_evidence(rare: Form, dominant: Form) -> bool:
    """Spellings one edit apart: only a person's surname in an attribution slot, or a shared name."""
    a, b = rare.folded, dominant.folded
    one_letter_apart = a[0] == b[0] and min(len(a), len(b)) >= 4 and edit_distance(a, b, 2) <= 1
    # Longer names may differ by a letter plus a sound-alike one: Kovalsky, Kowalski.
    sounds_alike = min(len(a), len(b)) >= 7 and edit_distance(skeleton(a), skeleton(b), 1) <= 1
    if not (one_letter_apart or sounds_alike):
        return False
    if is_given_name(rare.text) or is_given_name(dominant.text):
        return False  # Mark and Marc, Jon and Jan: different people's first names
    if is_derived_form(a, b):
        # Clintons for Clinton is a plural, Texans for Texas a demonym.
        ending = suffix_difference(a, b)
        shorter_is_rare = len(a) < len(b)
        # A person's surname cut short in an attribution (Castellano, Llewelly) is a slip.
        if not (
            shorter_is_rare
            and ending is not None
            and len(ending) == 1
            and dominant.full_name
            and dominant.named_person
            and rare.speaker
            and not rare.partners
        ):
            return False
    shared = relation(rare, dominant) is Relation.SAME
    # A shared first name ("Jenny Towne", "Jenny Town") is strong; a shared "Street" or
    # "Center" needs longer words.
    if shared and (min(len(a), len(b)) >= 5 or _share_given_name(rare, dominant)):
        return True
    # Countries speak too ("Iraq said"): the usual spelling must name a person for sure.
    if rare.full_name or not dominant.named_person:
        return False
    if rare.speaker or rare.titled:
        return True
    # "Kowalcyk's office" after "Anna Kowalczyk" twice: a possessive names a person too, but
    # only an uncommon word is trusted here ("Park's" may be the park's).
    return (
        rare.possessive
        and dominant.full_name
        and dominant.count >= 2
        and min(len(a), len(b)) >= 5
        and zipf(a) < COMMON_WORD_ZIPF
    )


# -- multi-word names --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhraseVariant:
    """A multi-word name partly translated or stripped of accents: every mention of the rare form."""

    rare: tuple[Mention, ...]
    dominant: tuple[Mention, ...]


def find_phrase_variants(document: Document) -> list[PhraseVariant]:
    """Pair multi-word names whose words are cognates, where one keeps its accents and one lost them.

    "Méridional Logistique" and "Meridional Logistics", "Société Atlantique" and "Society
    Atlantic": each word is the same word, translated or folded, and only one spelling
    has diacritics, the mark of the original. Names are grouped by the first letters of
    their words, so only names that could match are compared.
    """
    words = capital_words(document)
    if all(word.isascii() for word in words) or not _may_pair_phrases(words):
        return []
    return _find_phrase_variants(document)


def _may_pair_phrases(words: set[str]) -> bool:
    """Say whether, of a document's capitalised ``words``, a name word with diacritics and one
    without share the first three folded letters.

    A pair is a name with diacritics and one without whose words begin alike, word by word:
    some word of the first has diacritics, and the second's word at its place has none. Both
    are capitalised tokens without their possessive ending.
    """
    marked: set[str] = set()
    plain: set[str] = set()
    for token in words:
        key = _phrase_word_key(token)
        if key is not None:
            (marked if key[0] else plain).add(key[1])
    return not marked.isdisjoint(plain)


@lru_cache(maxsize=65536)
def _phrase_word_key(token: str) -> tuple[bool, str] | None:
    """Whether the name word of ``token`` has diacritics, and its first three folded letters."""
    word = strip_possessive(token)
    if not is_name_token(word):
        return None
    return has_marks(word), fold(word)[:3]


def _find_phrase_variants(document: Document) -> list[PhraseVariant]:
    by_text: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for mention in mentions(document):
        if len(mention.words) > 1:
            by_text[tuple(w.text for w in mention.words)].append(mention)
    if all(map(str.isascii, map("".join, by_text))):
        return []  # no name with diacritics: no pair can form
    blocks: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for words in by_text:
        blocks[tuple(fold(w)[:3] for w in words)].append(words)
    found = []
    for group in blocks.values():
        if len(group) > MAX_BUCKET:
            continue
        # Only a name with diacritics and one without can be a pair.
        marked = [w for w in group if has_marks("".join(w))]
        plain = [w for w in group if not has_marks("".join(w))]
        for a in marked:
            for b in plain:
                if not _phrase_pair(a, b):
                    continue
                rare, dominant = sorted((a, b), key=lambda w: (len(by_text[w]), has_marks(" ".join(w))))
                if len(by_text[rare]) <= MAX_RARE_COUNT and not document.is_accepted(" ".join(rare)):
                    found.append(PhraseVariant(tuple(by_text[rare]), tuple(by_text[dominant])))
    return found


def _phrase_pair(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    folded = [(fold(x), fold(y)) for x, y in zip(a, b, strict=True)]
    return all(similar_words(x, y) for x, y in folded) and any(x != y for x, y in folded)
