"""The name rules' shortcuts give exactly the results of the plain code they skip."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.builtin.names_pronouns import _antecedent_sexes, _possible_sexes
from newslint.document import WORD_RE, Document
from newslint.entities import TITLE_SEX, mentions
from newslint.namevariants import (
    _find_phrase_variants,
    _find_variants,
    _may_share_key,
    find_phrase_variants,
    find_variants,
)

# Spellings of one name that do and do not pair (accents, umlauts, one letter, sound-alike
# letters, possessives, curly and straight apostrophes, gendered forms, plurals), and
# capitalised words that are no names.
NAME_GROUPS = (
    ("Jenny", "Towne", "Town", "Towne's", "Town’s"),
    ("Diego", "Ruíz", "Ruiz", "Ruiz’"),
    ("Schäfer", "Schaefer", "Schafer", "Katrin"),
    ("Kalinowski", "Kalinowsky", "Kowalska", "Kowalski", "Anna"),
    ("O’Brien", "O'Brien", "OBrien", "Erik"),
    ("Lefèvre", "Lefevre", "Lefevres"),
    ("Société", "Society", "Portuaire", "Portuaires"),
    ("Méridional", "Meridional", "Logistique", "Logistics"),
    ("Han-bum", "Hanbum", "Kim"),
    ("Park", "Parks", "Police", "Policy", "Rosa"),
    ("Dr.", "Mrs.", "Judge", "The", "NATO", "A", "Él", "de", "van"),
)
NAME_WORDS = tuple(word for group in NAME_GROUPS for word in group)
OTHER_WORDS = ("said", "the", "and", "added", "no relation", "told", "a", "of", "runs", "according to")
GAPS = (" ", " ", " ", ", ", ". ", "\n", "\n\n", " “", "” ", ": ")
# Sentence frames around one or two names, so that speakers, titles and full names occur.
FRAMES = (
    "{} {} said the plan stands. ", "“We wait,” {} added. ", "said {} {}, the director. ",
    "Dr. {} {} runs it. ", "{}’s office said so. ", "{} {} and {} {} met.\n\n", "{} said. ",
    "The operator {} {} said no. ", "{} {}, no relation, bakes. ",
)  # fmt: skip


def _article(parts: list[tuple[str, list[str]]]) -> str:
    return "".join(frame.format(*names[: frame.count("{}")]) for frame, names in parts)


# A few names per article, so that spellings of one name meet.
FRAMED = (
    st.lists(st.sampled_from(NAME_GROUPS), min_size=1, max_size=3)
    .map(lambda groups: [word for group in groups for word in group])
    .flatmap(
        lambda pool: st.lists(
            st.tuples(st.sampled_from(FRAMES), st.lists(st.sampled_from(pool), min_size=4, max_size=4)),
            max_size=8,
        ).map(_article)
    )
)
LOOSE = st.lists(
    st.tuples(st.sampled_from(NAME_WORDS + OTHER_WORDS), st.sampled_from(GAPS)), max_size=40
).map(lambda pairs: "".join(word + gap for word, gap in pairs))
PIECES = st.one_of(FRAMED, LOOSE)
ACCEPTED = st.frozensets(st.sampled_from(NAME_WORDS), max_size=3)


@settings(max_examples=600, deadline=None)
@given(PIECES, ACCEPTED)
def test_skipped_documents_have_no_variant(text: str, accept: frozenset[str]) -> None:
    document = Document(text, accept=accept)
    full = _find_variants(document)
    if not _may_share_key(document):
        assert full == ()
    assert find_variants(Document(text, accept=accept)) == full


@settings(max_examples=600, deadline=None)
@given(PIECES, ACCEPTED)
def test_skipped_documents_have_no_phrase_variant(text: str, accept: frozenset[str]) -> None:
    full = _find_phrase_variants(Document(text, accept=accept))
    assert find_phrase_variants(Document(text, accept=accept)) == full


def test_the_shortcuts_do_not_skip_a_real_pair() -> None:
    text = "Diego Ruíz scored. Ruíz said so.\n\nThe operator Société Portuaire said Society Portuaire won.\n"
    document = Document(text)
    assert _may_share_key(document)
    assert find_variants(document)
    assert find_phrase_variants(document)


# Titles and first names that give a sex, in the spellings and spacings a title before a
# name may take (lower case, dots, long gaps, a Kelvin sign for a k).
SEXED = ("Mrs.", "mrs", "MR", "Señora", "señor", "\u212aing", "Sir", "Anna", "Erik", "Jenny", "Dr.", "King")
SPACES = (" ", "  ", ". ", ".. ", " " * 55, "." * 30 + " " * 25, "\n ", ",")


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(SEXED + NAME_WORDS + OTHER_WORDS + ("x" * 58,)),
            st.sampled_from(SPACES + GAPS),
        ),
        max_size=30,
    ).map(lambda pairs: "".join(word + gap for word, gap in pairs))
)
def test_every_mention_sex_is_a_possible_sex(text: str) -> None:
    document = Document(text)
    sexes = {mention.sex for mention in mentions(document)} - {None}
    antecedents = set(_antecedent_sexes(document).values())
    for wanted in (frozenset({"female"}), frozenset({"male"}), frozenset({"female", "male"})):
        possible = _possible_sexes(document, wanted)
        assert sexes & wanted <= possible
        assert antecedents & wanted <= possible


def test_lower_case_maps_title_letters_spaces_and_dots_character_by_character() -> None:
    # The prefilter finds a title in ``text.lower().split()``; the rule lower-cases the chunk
    # alone. They agree when no character lowers to a title's letter among others, to a
    # space or a dot, and white space and dots lower to themselves.
    letters = set("".join(TITLE_SEX))
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if len(lowered) > 1:
            assert not set(lowered) <= letters  # İ -> i̇: no title holds the dot
            assert not (set(lowered) & {" ", "."}) and not any(c.isspace() for c in lowered)
        if char.isspace() or char == ".":
            assert lowered == char
        elif lowered == "." or lowered.isspace():
            raise AssertionError(hex(code))


def test_a_title_cut_by_the_window_still_counts() -> None:
    # The title is read from the 60 characters before a name: after a long gap, the tail
    # of a longer word is a title too, and the prefilter must see it.
    for text in ("deamrs" + " " * 57 + "Towne said so.\n", "viceprincess" + " " * 52 + "Towne said so.\n"):
        document = Document(text)
        assert [mention.sex for mention in mentions(document)] == ["female"]
        assert "female" in _possible_sexes(document)


def test_no_token_holds_the_near_key_mark() -> None:
    # _may_share_key keeps near keys apart by a NUL in front; no key may hold one.
    assert all("\x00" not in token.text for token in Document("a\x00b \x00Towne\x00's c\x00").tokens)
    assert not re.search(r"\x00", WORD_RE.pattern) and not WORD_RE.match("\x00")
