"""MT720 spun collocation: a fixed news phrase with words swapped for spinner synonyms.

The ``translate`` pack lists known spun phrases, which catches only the phrases listed.
This rule builds them: ``data/spun_collocations.txt`` holds common news collocations
("heavy rain", "relief centre", "Country Fire Authority") and the synonyms a word-by-word
spinner puts for each of their words, and every variant with one or more words swapped
("weighty downpour", "alleviation focus", "Nation Fire Power") is looked for in one
regex pass. The "tortured phrases" method of Cabanac et al. in compositional form.

Precision comes from the table's weights: a synonym absurd in the register of the
collocation ("weighty", "shrub", "alleviation") weighs 2, a plausible one ("substantial",
"downpour") weighs 1, and a variant weighing less than 2 is flagged only in an article
that holds another spun phrase (the density signal). Variants that are ordinary English
("heavy downpour") are listed in the table and never flagged.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from newslint.builtin.packs import builtin_rules_root
from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.kinds.base import match_case
from newslint.kinds.needs import document_index
from newslint.kinds.substitution import Substitution
from newslint.lexicon import data_text
from newslint.packs import load_pack
from newslint.rules import FixAvailability, Rule, rule

DATA_FILE = "spun_collocations.txt"
ABSURD_WEIGHT = 2  # a swap no writer makes in this collocation
PLAUSIBLE_WEIGHT = 1  # a swap that is English alone
STRONG_WEIGHT = 2  # a variant this heavy is flagged without other evidence

# Between the words of a variant: spaces on one line, or the hyphen of a compound
# ("web-based", "sun-powered" are also written with a space).
_SEPARATOR = r"(?:-|[^\S\n]+)"
_PIECE_SPLIT_RE = re.compile(r"[\s-]+")


@dataclass(frozen=True, slots=True)
class Variant:
    """What a spun variant restores and how strongly it marks spinning on its own."""

    fix: str
    weight: int
    proper: bool  # a name: its spun form is capitalised too ("Nation Fire Power")


@dataclass(frozen=True, slots=True)
class SpunTable:
    """Every spun variant by its lower-case pieces (names apart: they match capitalised),
    and the variants by their longest piece, which a text holding one must contain."""

    variants: dict[tuple[str, ...], Variant]
    names: dict[tuple[str, ...], Variant]
    by_key: dict[str, tuple[tuple[str, ...], ...]]


def _pieces(phrase: str) -> tuple[str, ...]:
    return tuple(p for p in _PIECE_SPLIT_RE.split(phrase.lower()) if p)


def plural(word: str) -> str:
    """The regular plural of an English noun (irregular ones are listed in the table)."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


def _pair(line: str, separator: str) -> tuple[str, str]:
    left, _, right = line.partition(separator)
    left, right = left.strip(), right.strip()
    return left, right or left


def _synonyms(lines: list[str]) -> dict[str, list[tuple[str, int]]]:
    table: dict[str, list[tuple[str, int]]] = {}
    for line in lines:
        word, spins = _pair(line, "=")
        options = table.setdefault(word.lower(), [])
        for spin in spins.split(","):
            spin = spin.strip()
            if spin.endswith("!"):
                options.append((spin[:-1].strip().lower(), ABSURD_WEIGHT))
            elif spin and spin.lower() != word.lower():
                options.append((spin.lower(), PLAUSIBLE_WEIGHT))
    return table


def _variants_of(
    words: list[str], synonyms: dict[str, list[tuple[str, int]]]
) -> Iterator[tuple[tuple[str, ...], int]]:
    """Each spun form of ``words`` (one or more swapped) with the weight of its swaps."""
    options = [[(word.lower(), 0), *synonyms.get(word.lower(), ())] for word in words]
    for combination in itertools.product(*options):
        weight = sum(w for _, w in combination)
        if weight:
            yield tuple(p for form, _ in combination for p in _pieces(form)), weight


def _plural_synonyms(synonyms: dict[str, list[tuple[str, int]]], word: str) -> list[tuple[str, int]]:
    # The plural of a multi-word synonym pluralises its last word ("emergency clinics").
    return [(plural(spin), weight) for spin, weight in synonyms.get(word.lower(), ())]


@cache
def spun_table() -> SpunTable:
    """The variants of the shipped data file, built once."""
    sections = _sections(data_text(DATA_FILE))
    synonyms = _synonyms(sections.get("synonyms", []))
    real = {_pieces(line) for line in sections.get("real", [])}
    real |= {(*p[:-1], plural(p[-1])) for p in list(real)}
    variants: dict[tuple[str, ...], Variant] = {}
    names: dict[tuple[str, ...], Variant] = {}

    def add(pieces: tuple[str, ...], variant: Variant) -> None:
        kept = names if variant.proper else variants
        if pieces not in real and pieces not in kept:
            kept[pieces] = variant

    for line in sections.get("collocations", []):
        countable = line.endswith(" +")
        phrase, fix = _pair(line.removesuffix(" +"), ">")
        words = phrase.split()
        proper = all(w[:1].isupper() for w in words)
        for pieces, weight in _variants_of(words, synonyms):
            add(pieces, Variant(fix, weight, proper))
        if countable:
            # The plural: its last word and that word's synonyms take -s.
            last = words[-1]
            plural_synonyms = {**synonyms, plural(last).lower(): _plural_synonyms(synonyms, last)}
            fix_words = fix.split()
            plural_fix = " ".join([*fix_words[:-1], plural(fix_words[-1])])
            for pieces, weight in _variants_of([*words[:-1], plural(last)], plural_synonyms):
                add(pieces, Variant(plural_fix, weight, proper))
    for line in sections.get("phrases", []):
        spun, fix = _pair(line, ">")
        add(_pieces(spun), Variant(fix, STRONG_WEIGHT, False))
    for line in sections.get("words", []):
        spun, fix = _pair(line, ">")
        add(_pieces(spun), Variant(fix, 0, False))
    by_key: dict[str, list[tuple[str, ...]]] = {}
    for pieces in {**names, **variants}:
        by_key.setdefault(max(pieces, key=len), []).append(pieces)
    return SpunTable(variants, names, {key: tuple(group) for key, group in by_key.items()})


@cache
def _variant_pattern(pieces: tuple[str, ...]) -> re.Pattern[str]:
    body = _SEPARATOR.join(re.escape(piece) for piece in pieces)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def _candidates(doc: Document) -> list[tuple[str, ...]]:
    """The variants all of whose pieces are words of ``doc``, longest first: only they can
    match, and a set intersection in C finds them without a scan of the text."""
    table = spun_table()
    words = document_index(doc).folded_words
    keys = words.intersection(table.by_key)
    found = [
        pieces for key in keys for pieces in table.by_key[key] if all(piece in words for piece in pieces)
    ]
    return sorted(found, key=lambda pieces: (-len(pieces), pieces))


@dataclass(frozen=True, slots=True)
class SpunMatch:
    span: Span
    found: str
    variant: Variant


def spun_variants(doc: Document) -> list[SpunMatch]:
    """Every variant of the table in ``doc``'s text, names only where capitalised."""
    candidates = _candidates(doc)
    if not candidates:
        return []
    table = spun_table()
    matches: list[SpunMatch] = []
    text = doc.text
    for match in (m for pieces in candidates for m in _variant_pattern(pieces).finditer(text)):
        found = match.group()
        pieces = _pieces(found)
        capitalised = all(w[:1].isupper() for w in found.replace("-", " ").split())
        # A name spun keeps its capitals ("Nation Fire Power"); a capitalised common
        # phrase is a name of its own ("Open Administration Ltd"), unless in a heading.
        variant = table.names.get(pieces) if capitalised else None
        if variant is None:
            variant = table.variants.get(pieces)
            if variant is None:
                continue
            if capitalised and len(pieces) > 1 and not _in_heading(doc, match.start()):
                continue
        span = Span(match.start(), match.end())
        if doc.is_ignored(span) or doc.is_accepted(found) or _overlaps(span, [m.span for m in matches]):
            continue  # a longer variant already holds it
        matches.append(SpunMatch(span, found, variant))
    return sorted(matches, key=lambda m: m.span.start)


def _in_heading(doc: Document, offset: int) -> bool:
    return doc.line_index(offset) in doc.heading_lines


@cache
def _pack_rules() -> tuple[Rule, ...]:
    folder = builtin_rules_root() / "translate"
    return tuple(load_pack(folder, {"substitution": Substitution}))


def _pack_spans(doc: Document) -> list[Span]:
    return [violation.span for item in _pack_rules() for violation in item.run(doc)]


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in spans)


def strong_spun_spans(doc: Document) -> list[Span]:
    """Where ``doc`` holds a variant of the table heavy enough to stand alone."""
    return [m.span for m in spun_variants(doc) if m.variant.weight >= STRONG_WEIGHT]


def _restore_case(item: SpunMatch) -> str:
    """The collocation in the case of the spun text: a name as written, a title-case
    headline's phrase in title case, else with the first letter's case kept."""
    fix = item.variant.fix
    if item.variant.proper:
        return fix
    words = item.found.replace("-", " ").split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in fix.split())
    return match_case(item.found, fix)


@rule(
    code="MT720",
    name="spun-collocation-synonym",
    category=Category.SPUN_PHRASE,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The town was flooded after weighty downpour on Tuesday.",
        "Residents can shelter at the alleviation focus in the town hall.",
        "The post was shared on the council's web-based media pages.",
        "The Nation Fire Power issued a warning for the district.",
        "Fares for open administration vehicles rose again.",
        "Firefighters battled a shrub fire after solid breezes fanned the flames.",
        "Thousands of suburbanites walked to work after weighty downpour closed the line.",
        "Crews worked through a arid winter. Two drivers lost their homes in shrubbery fires.",
    ),
    pass_=(
        "The town was flooded after a heavy downpour on Tuesday.",
        "Substantial rain is forecast for the weekend.",
        "The council posted the warning on social media.",
        "Suburbanites have moved further out as prices rose.",
        "The region has an arid climate and a dry winter.",
        "Open Administration Ltd won the contract.",
        "The state's fire authority said the blaze was contained.",
        "Ecologists compared grass and shrub fire regimes.",
    ),
)
def spun_collocation_synonym(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a fixed news collocation with one or more words swapped for the synonym a
    spinner's thesaurus gives (`weighty downpour` for heavy rain, `alleviation focus`
    for relief centre, `Nation Fire Power` for Country Fire Authority). The variants are
    built from a table of collocations and spinner synonyms, so phrases no list names are
    caught. A swap that is English on its own (`substantial rain`) or a single spun word
    (`suburbanites` for commuters) is flagged only in an article with another spun phrase.

    ## Why is this bad
    Article spinners rewrite stolen text word by word to hide it from plagiarism checks;
    the fixed phrases of news come out as nonsense that marks the article as spun and
    hides what it says.

    ## Example
    `flooded in weighty downpour` -> `flooded in heavy rain`

    ## Fix safety
    Unsafe: the idiomatic phrase is restored, which an editor should confirm.
    """
    found = spun_variants(doc)
    if not found:
        return
    taken = _pack_spans(doc)
    found = [m for m in found if not _overlaps(m.span, taken)]
    # A light variant is English alone: it is flagged beside another spun phrase.
    spun_article = bool(taken) or any(m.variant.weight >= STRONG_WEIGHT for m in found)
    for item in found:
        if item.variant.weight < STRONG_WEIGHT and not spun_article:
            continue
        expected = _restore_case(item)
        edit = _with_article(doc.text, item.span, expected)
        yield Violation(
            item.span,
            f"Spun phrase `{item.found}` for `{expected}`",
            Fix.unsafe(f"Replace with `{edit.content}`", edit),
        )


_ARTICLE_BEFORE_RE = re.compile(r"(?<!\w)(an?)[^\S\n]+\Z", re.IGNORECASE)


def _with_article(text: str, span: Span, expected: str) -> Edit:
    """The edit putting ``expected`` in place, taking in an indefinite article before it
    when the new first sound wants the other one ("an alleviation centre" -> "a relief
    centre")."""
    before = _ARTICLE_BEFORE_RE.search(text, max(0, span.start - 4), span.start)
    if before is None:
        return Edit(span, expected)
    written = before.group(1)
    wanted = "an" if expected[:1].lower() in "aeio" else "a"
    if written.lower() == wanted:
        return Edit(span, expected)
    article = wanted.capitalize() if written[0].isupper() else wanted
    return Edit(Span(before.start(), span.end), f"{article} {expected}")


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(spun_collocation_synonym)
