"""Per-rule timing for ``--timing``: where the time of a run goes, slowest rules first.

The engine adds each rule's run time to a :class:`RuleTimer` only when one is given, so
a normal run pays nothing. Document structure (lines, paragraphs, sentences, quotes,
tokens) is computed lazily by whichever rule asks first; when timing, it is computed up
front under its own entry so that no rule is charged for the shared segmentation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from time import perf_counter

from newslint.document import Document

STRUCTURE = ("(document structure)", "segmentation")


@dataclass
class RuleTimer:
    """Seconds and calls per rule code, added up over every document of a run."""

    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    documents: int = 0

    def add(self, code: str, name: str, seconds: float) -> None:
        self.seconds[code] = self.seconds.get(code, 0.0) + seconds
        self.calls[code] = self.calls.get(code, 0) + 1
        self.names[code] = name

    def time_structure(self, document: Document) -> None:
        """Compute the document's shared structure now, under its own entry."""
        started = perf_counter()
        for name in ("lines", "paragraphs", "sentences", "quotes", "tokens", "heading_lines"):
            getattr(document, name)
        self.documents += 1
        self.add(STRUCTURE[0], STRUCTURE[1], perf_counter() - started)

    def snapshot(self) -> TimerSnapshot:
        return TimerSnapshot(dict(self.seconds), dict(self.calls), dict(self.names), self.documents)

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()
        self.names.clear()
        self.documents = 0

    def merge(self, other: TimerSnapshot) -> None:
        """Add the times another process measured (a worker's share of a parallel run)."""
        for code, seconds in other.seconds.items():
            self.seconds[code] = self.seconds.get(code, 0.0) + seconds
            self.calls[code] = self.calls.get(code, 0) + other.calls.get(code, 0)
            self.names[code] = other.names.get(code, code)
        self.documents += other.documents

    def slowest(self, limit: int | None = None) -> list[tuple[str, str, float, int]]:
        """Return (code, name, seconds, calls), slowest first; ties by code for stable output."""
        rows = sorted(self.seconds.items(), key=lambda item: (-item[1], item[0]))
        return [(code, self.names[code], secs, self.calls[code]) for code, secs in rows[:limit]]

    def report(self, limit: int | None = 15) -> str:
        return format_table(
            self.slowest(limit), sum(self.seconds.values()), self.documents, len(self.seconds)
        )


@dataclass(frozen=True, slots=True)
class TimerSnapshot:
    """A picklable copy of a timer, sent back by worker processes."""

    seconds: Mapping[str, float]
    calls: Mapping[str, int]
    names: Mapping[str, str]
    documents: int


def format_table(
    rows: Iterable[tuple[str, str, float, int]], total: float, documents: int, entries: int
) -> str:
    lines = [f"Rule timing ({documents} documents, {total * 1000:.1f} ms in rules and segmentation):"]
    lines.append(f"  {'code':<22} {'rule':<28} {'ms':>9} {'share':>6} {'us/doc':>8}")
    for code, name, seconds, calls in rows:
        share = seconds / total * 100 if total else 0.0
        per_doc = seconds / calls * 1e6 if calls else 0.0
        lines.append(f"  {code:<22} {name:<28} {seconds * 1000:>9.1f} {share:>5.1f}% {per_doc:>8.0f}")
    shown = len(lines) - 2
    if entries > shown:
        lines.append(f"  ... {entries - shown} faster entries not shown")
    return "\n".join(lines) + "\n"
