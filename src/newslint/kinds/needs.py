"""What text a pattern cannot match without: exact prefilters for the declarative kinds.

A substitution rule has dozens of keys and most articles hold none of them; searching
for each key (or for one alternation of all of them) costs far more than asking
whether the words a key needs are in the article at all. Everything here is a
*necessary* condition for a match, so skipping a key whose needs are missing never
loses a finding.

Case: patterns mostly ignore case, and ``re`` then lets a letter match more than its
upper and lower case: ``i`` matches the dotless ``ı`` and ``İ``, ``s`` the long ``ſ``, ``k``
the Kelvin sign. :func:`fold` maps exactly those to their ASCII letter before lowering,
so a text segment that ``re`` matches to an ASCII literal, ignoring case, folds to the
literal's lower case (tests/test_needs.py checks the table against every code point).
Only ASCII literals and characters without case (``©``, ``»``, ``…``) make needs; anything
else makes none (no constraint).
"""

from __future__ import annotations

import importlib
import re
from typing import Any, NamedTuple

from newslint.document import Document

# Every non-ASCII character that re, ignoring case, matches to an ASCII character.
ASCII_EQUIVALENTS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_WORD_RE = re.compile(r"\w+")
MAX_ALTERNATIVES = 32


def fold(text: str) -> str:
    """Lower-case ``text`` so that what ``re`` matches to ASCII, ignoring case, becomes equal.

    Lengths are kept: U+0130 is the only character whose lower case is longer, and it is
    mapped first; lowering changes no character's membership of ``\\w``.
    """
    if not text.isascii():
        for char, ascii_char in ASCII_EQUIVALENTS.items():
            if char in text:
                text = text.replace(char, ascii_char)
    return text.lower()


class Part(NamedTuple):
    """A substring a match needs."""

    text: str  # folded when ``exact`` is false
    exact: bool  # matched case-sensitively: look in the unfolded text
    word_start: bool  # the pattern asserts a word boundary just before it
    after_space: str  # " " + text: the common case of a word start, found in one scan
    word_end: bool = False  # the pattern puts a non-word character (or the end) just after it


MAX_FINDS = 8


class TextIndex:
    """A text, folded once, with its words (``\\w+`` runs) as they are and folded."""

    __slots__ = ("_folded", "_folded_words", "_words", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._words: frozenset[str] | None = None
        self._folded_words: frozenset[str] | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_WORD_RE.findall(self.text))
        return self._words

    @property
    def folded_words(self) -> frozenset[str]:
        if self._folded_words is None:
            self._folded_words = frozenset(_WORD_RE.findall(self.folded))
        return self._folded_words

    def has(self, part: Part, whole_text: bool) -> bool:
        """Whether ``part`` occurs (at a word start, when it must and ``whole_text`` is true).

        A pattern searched in a shorter scope sees a word boundary at the scope's edge,
        where the whole text may have none: there only the substring is looked for.
        """
        text = self.text if part.exact else self.folded
        needle = part.text
        if needle not in text:
            return False
        if not part.word_start or not whole_text or text.startswith(needle) or part.after_space in text:
            return True
        found = text.find(needle, 1)
        for _ in range(MAX_FINDS):  # beyond that, give up: a prefilter may only say yes too often
            if found < 0:
                return False
            if not _is_word_char(text[found - 1]):
                return True
            found = text.find(needle, found + 1)
        return True


Group = tuple[Part, ...]


class Condition:
    """What a match needs: every part of ``common``, and every part of one of ``groups``."""

    __slots__ = ("common", "groups")

    def __init__(self, alternatives: tuple[Group, ...]) -> None:
        shared = set(alternatives[0]).intersection(*alternatives[1:])
        self.common = tuple(part for part in alternatives[0] if part in shared)
        rest = tuple(tuple(part for part in group if part not in shared) for group in alternatives)
        self.groups = None if any(not group for group in rest) else rest

    def holds(self, index: TextIndex, whole_text: bool) -> bool:
        for part in self.common:
            if not index.has(part, whole_text):
                return False
        groups = self.groups
        return groups is None or any(all(index.has(p, whole_text) for p in group) for group in groups)


_last_index: tuple[Document | None, TextIndex | None] = (None, None)


def document_index(document: Document) -> TextIndex:
    """The index of the document's text, made once and shared by every rule (only the last document is kept)."""
    global _last_index
    cached, index = _last_index
    if cached is document and index is not None:
        return index
    index = TextIndex(document.text)
    _last_index = (document, index)
    return index


def literal_words(phrase: str) -> tuple[str, ...] | None:
    """The words a literal phrase matched as whole words (``(?<!\\w)...(?!\\w)``) needs.

    Such a match is a run of text whose words line up with the phrase's: each ``\\w`` run
    of the phrase is matched by a whole ``\\w`` run of the text (the characters around it
    are spaces, punctuation or the lookarounds' boundary, which ignoring case cannot turn
    into word characters for an ASCII phrase). ``None`` for a phrase that is not ASCII.
    """
    if not phrase.isascii():
        return None
    return tuple(dict.fromkeys(_WORD_RE.findall(phrase)))


def whole_word(part: Part) -> str | None:
    """A word that the text must hold as a whole ``\\w`` run wherever ``part`` occurs at a word start.

    A run of word characters inside the part with a non-word character (or the part's
    asserted word start) on each side is a whole word of the text, so looking it up among
    the text's words (folded, unless the part is exact) is a necessary condition too, and
    a set lookup instead of a scan of the text. The longest such run is taken.
    """
    text = part.text
    best = None
    for found in _WORD_RE.finditer(text):
        start, end = found.span()
        if (end == len(text) and not part.word_end) or (start == 0 and not part.word_start):
            continue
        if best is None or end - start > len(best):
            best = found.group()
    return best


_C: Any = importlib.import_module("re._constants")
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)


def pattern_needs(parsed: Any, flags: int, start: int = 0) -> Condition | None:
    """What a match of a parsed ``re`` pattern needs, or ``None`` for no condition.

    Only literal characters matched in sequence count (and the contents of groups and
    repeats that must match at least once); every other construct ends a substring.
    ``start`` is what the caller knows of where every match starts (``NOT_AFTER_WORD``
    for a whole-line match, which starts after the line's leading spaces).
    """
    ignore_case = bool((flags | parsed.state.flags) & re.IGNORECASE)
    alternatives = _Walk().sequence(parsed, ignore_case, start)
    if not alternatives or any(not group for group in alternatives):
        return None
    return Condition(alternatives)


def _and(left: tuple[Group, ...], right: tuple[Group, ...]) -> tuple[Group, ...]:
    if len(left) * len(right) > MAX_ALTERNATIVES:
        # too many combinations: keep the side with fewer alternatives (a weaker condition)
        return left if len(left) <= len(right) else right
    return tuple(tuple(dict.fromkeys((*a, *b))) for a in left for b in right)


NO_BOUNDARY, WORD_BOUNDARY, NOT_AFTER_WORD = 0, 1, 2


def _boundary(op: Any, av: Any) -> int:
    """``\\b`` (a word boundary) or ``(?<!\\w)`` (no word character just before), else nothing."""
    if op is _C.AT:
        return WORD_BOUNDARY if av is _C.AT_BOUNDARY else NO_BOUNDARY
    if op is _C.ASSERT_NOT and av[0] < 0:
        data = av[1].data
        if len(data) == 1:
            inner_op, inner_av = data[0]
            if inner_op is _C.IN and len(inner_av) == 1 and inner_av[0] == (_C.CATEGORY, _C.CATEGORY_WORD):
                return NOT_AFTER_WORD
    return NO_BOUNDARY


def _uncased(code: int) -> bool:
    """A character with no other case: re matches it only to itself, and folding keeps it."""
    char = chr(code)
    return char.lower() == char == char.upper()


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # re's \w for str, character for character


class _Walk:
    def sequence(self, subpattern: Any, ignore_case: bool, bounded: int) -> tuple[Group, ...]:
        """Alternatives of parts for one sequence; ``bounded``: the boundary asserted where it starts.

        A part starts at a word start when ``(?<!\\w)`` was asserted there, or ``\\b`` and
        the part starts with a word character.
        """
        needs: tuple[Group, ...] = ((),)
        run: list[str] = []
        run_bounded = False

        def close_run(op: Any = None, av: Any = None) -> None:
            nonlocal needs
            if run:
                text = "".join(run)
                ends = op is not None and _ends_word(op, av, _is_word_char(text[-1]))
                part = Part(text, not ignore_case, run_bounded, " " + text, ends)
                needs = _and(needs, ((part,),))
                run.clear()

        for op, av in subpattern.data:
            if op is _C.LITERAL and (av < 128 or _uncased(av)):
                char = chr(av)
                if not run:
                    run_bounded = bounded == NOT_AFTER_WORD or (
                        bounded == WORD_BOUNDARY and _is_word_char(char)
                    )
                run.append(char.lower() if ignore_case else char)
                bounded = NO_BOUNDARY
                continue
            close_run(op, av)
            if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
                # zero width: the position, and what was asserted about it, stay
                bounded = max(bounded, _boundary(op, av))
                continue
            if op is _C.SUBPATTERN:
                _group, add_flags, del_flags, inner = av
                inner_case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
                    del_flags & re.IGNORECASE
                )
                needs = _and(needs, self.sequence(inner, inner_case, bounded))
            elif op is _C.ATOMIC_GROUP:
                needs = _and(needs, self.sequence(av, ignore_case, bounded))
            elif op in _REPEATS and av[0] >= 1:
                needs = _and(needs, self.sequence(av[2], ignore_case, bounded))
            elif op is _C.BRANCH:
                alternatives: list[Group] = []
                for branch in av[1]:
                    alternatives.extend(self.sequence(branch, ignore_case, bounded))
                if len(alternatives) <= MAX_ALTERNATIVES:
                    needs = _and(needs, tuple(alternatives))
            bounded = NO_BOUNDARY
        close_run()
        return needs


def _is_space_class(op: Any, av: Any) -> bool:
    """``\\s`` (a class of white space only): it matches no word character."""
    return op is _C.IN and len(av) == 1 and av[0] == (_C.CATEGORY, _C.CATEGORY_SPACE)


def _starts_with_space(subpattern: Any) -> bool:
    """Whatever ``subpattern`` matches starts with white space (``\\s`` or ``\\s+``)."""
    if not subpattern.data:
        return False
    op, av = subpattern.data[0]
    if _is_space_class(op, av):
        return True
    if op in _REPEATS and av[0] >= 1 and len(av[2].data) == 1:
        return _is_space_class(*av[2].data[0])
    return False


def _ends_word(op: Any, av: Any, last_is_word: bool) -> bool:
    """Say whether the construct ``op`` guarantees no word character right after a literal run.

    White space (once or more), ``\\b`` after a word character, ``(?!\\w)``, or a
    look-ahead that starts with white space.
    """
    if _is_space_class(op, av):
        return True
    if op in _REPEATS:
        return bool(av[0] >= 1 and len(av[2].data) == 1 and _is_space_class(*av[2].data[0]))
    if op is _C.AT:
        return last_is_word and av is _C.AT_BOUNDARY
    if op is _C.ASSERT_NOT and av[0] > 0:
        data = av[1].data
        return len(data) == 1 and data[0][0] is _C.IN and data[0][1] == [(_C.CATEGORY, _C.CATEGORY_WORD)]
    if op is _C.ASSERT and av[0] > 0:
        return _starts_with_space(av[1])
    return False
