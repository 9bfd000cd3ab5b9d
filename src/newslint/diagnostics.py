"""The data a check produces and a user sees: spans, edits, fixes, violations and findings."""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``fail-on`` is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected info, warning or error)") from None


class Applicability(enum.IntEnum):
    """How safely a fix can be applied; ordered so that a threshold is a comparison."""

    DISPLAY_ONLY = 0
    UNSAFE = 1
    SAFE = 2

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, value: str) -> Applicability:
        try:
            return cls[value.upper().replace("-", "_")]
        except KeyError:
            raise ValueError(
                f"unknown fix safety {value!r} (expected safe, unsafe or display-only)"
            ) from None


class Category(enum.StrEnum):
    """The damage taxonomy, plus the linter's own categories and ``error`` for NL9xx."""

    BOILERPLATE = "boilerplate"
    CAPTION = "caption"
    DUPLICATE = "duplicate"
    TEASER = "teaser"
    FRAGMENT = "fragment"
    ENCODING = "encoding"
    JOIN = "join"
    CAPITALIZATION = "capitalization"
    GARBLE = "garble"
    REPETITION = "repetition"
    HONORIFIC = "honorific"
    AGREEMENT = "agreement"
    NAME_CONSISTENCY = "name-consistency"
    SPUN_PHRASE = "spun-phrase"
    PRONOUN = "pronoun"
    UNTRANSLATED = "untranslated"
    GRAMMAR = "grammar"
    SPELLING = "spelling"
    READABILITY = "readability"
    STYLE = "style"
    ERROR = "error"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range of code-point offsets into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text of ``span`` with ``content`` (``""`` deletes; an empty span inserts)."""

    span: Span
    content: str = ""

    @classmethod
    def replacement(cls, start: int, end: int, content: str) -> Edit:
        return cls(Span(start, end), content)

    @classmethod
    def deletion(cls, span: Span) -> Edit:
        return cls(span, "")

    @classmethod
    def insertion(cls, offset: int, content: str) -> Edit:
        return cls(Span(offset, offset), content)


@dataclass(frozen=True, slots=True)
class Fix:
    """A titled set of sorted, non-overlapping edits with an applicability level."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability

    def __post_init__(self) -> None:
        if not self.edits:
            raise ValueError("a fix needs at least one edit")
        ordered = tuple(sorted(self.edits, key=lambda e: (e.span.start, e.span.end)))
        for before, after in itertools.pairwise(ordered):
            if before.span.end > after.span.start:
                raise ValueError(f"fix {self.title!r} has overlapping edits")
        object.__setattr__(self, "edits", ordered)

    @classmethod
    def safe(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.SAFE)

    @classmethod
    def unsafe(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.UNSAFE)

    @classmethod
    def display_only(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.DISPLAY_ONLY)

    def applies(self, threshold: Applicability) -> bool:
        return self.applicability >= threshold

    @property
    def span(self) -> Span:
        return Span(self.edits[0].span.start, self.edits[-1].span.end)


@dataclass(frozen=True, slots=True)
class Violation:
    """What a check yields: where, what is wrong and how to fix it. The engine adds the rest."""

    span: Span
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # overrides the rule's default for this one finding


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """A violation stamped with its rule's identity: what users and formatters see."""

    code: str
    rule: str
    category: Category
    severity: Severity
    span: Span | None
    message: str
    fix: Fix | None = None
    origin: str = ""
    details: str | None = field(default=None, compare=False)  # e.g. a traceback with -v

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.span.start if self.span else -1, self.code)
