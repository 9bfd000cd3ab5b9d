"""Name-consistency rules: one entity, one spelling."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.entities import Mention, is_given_name
from newslint.hookspecs import hookimpl
from newslint.namefold import fold
from newslint.namevariants import Form, Variant, find_phrase_variants, find_variants, similar_words
from newslint.rules import FixAvailability, Rule, rule

MAX_LINES_SHOWN = 3

# A surname with its particles written apart: "Van den Broeck", "De la Cruz", "Di Stefano".
_SPACED_PARTICLE_NAME = re.compile(
    r"(?<=[a-z] )(?:Van|Von|De|Di|Da|Del|Della|Dos|Das|Ter|Ten)"
    r"(?:\s+(?:den|der|de|la|le|het|ter|ten|los|las|del|di))?\s+[A-Z][^\W\d_]+\b"
)
# Polish surnames in -ski/-cki/-dzki keep their case endings when a translator copies them:
# "Nowickiego" (of Nowicki), "Kowalskiemu", "Kowalskiej" (of Kowalska).
_CASE_ENDINGS = {"i": ("ego", "emu", "m"), "a": ("iej", "ą")}
_DECLINABLE_SURNAME = re.compile(r"(?:sk|ck|dzk)[ia]$")
MIN_JOINED_LENGTH = 6  # "Dela", "Vane": too short to be sure a closed form is the same name


@rule(
    code="MT601",
    name="name-variant",
    category=Category.NAME_CONSISTENCY,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Even so, said Clara Hollins, the plan stands.\n\nHollins said talks would go on.\n\n"
        "“We are ready,” Hollins said.\n\n“We are not in a hurry,” Hollin added.\n",
        "Sanne Van den Broeck finished fifth. “We rode as a team,” Vandenbroeck said.\n",
        "Minister Adam Nowicki signed. The office of Minister Nowickiego said it was done.\n",
        "Headteacher Agata Wisniewski spoke first.\n\n“It will hurt,” Wisniewsky said.\n",
        "The mayor, Joana Gonçalves, won again. Gonçalves said she was pleased, and Goncalves thanked voters.\n",
        "The operator Société Portuaire runs the dock.\n\nSociety Portuaire said it was open to talks.\n",
        "County Judge Helena Marchetti spoke. “It was a plan,” Marchett said.\n",
    ),
    pass_=(
        "Ewa Nowacka and her husband, Jan Nowacki, run the kitchen. Nowacka said it was busy.\n",
        "Nils Berggren chairs the board. Anna Bergren, no relation, bakes. Bergren said so.\n",
        "Councillor Rosa Park and Tom Park disagree. Park said the park was full.\n",
        "Kim Jong Un met his sister Kim Yo Jong. Kim said little.\n",
        "Russia and Russian officials spoke, and the Clintons met Bill Clinton.\n",
        "Lucia Ruiz and Lucia Ruiz-Ortega are cousins. Ruiz said so.\n",
        "Rik Van Dam and the firm Vandam Logistics are not linked. De la Cruz won.\n",
        "Aymeric Laporte moved to La Porte, Texas. The Van Dam Group bought Vandam.\n",
        "Anna Kowalska met Jan Kowalski at the Kowalskis' house.\n",
    ),
)
def name_variant(document: Document) -> Iterator[Violation]:
    """## What it does
    Finds a name spelled two ways in one article ("Jenny Towne" ... "Town added";
    Kalinowski and Kalinowsky; Magalhães and Magalhaes; Schäfer and Schaefer; Van den
    Broeck and Vandenbroeck) and suggests the article's usual spelling.

    Spellings are compared after folding diacritics, writing umlauts out and merging
    sound-alike letters, or when they are one letter apart. A pair is reported only
    with evidence that it is one entity: the same spelling apart from accents, or the
    rare spelling used for a speaker ("Town added") while the usual one names a person,
    or both used with the same first name. Different first names (Erik Lindqvist, Sarah
    Lindquist), masculine and feminine surnames (Kowalski, Kowalska), plurals and
    demonyms (the Clintons, Russian) keep names apart.

    ## Why is this bad
    Machine translation and retyping misspell names, strip their accents or translate
    part of a company name. A reader cannot tell whether "Town" is a second person, and
    a misspelled name is the error sources notice first.

    ## Example
    "said Jenny Towne" ... "Towne said" ... "Town added": `Town` is flagged and
    `Towne` suggested.

    ## Fix safety
    Unsafe: the usual spelling is the majority or the one introduced with a first name,
    which is a good guess but not proof that it is the right one.
    """
    phrase_spans: list[Span] = []
    for phrase in find_phrase_variants(document):
        replacement = document[phrase.dominant[0].span]
        lines = _line_list(document, [m.span.start for m in phrase.dominant])
        for mention in phrase.rare:
            phrase_spans.append(mention.span)
            message = f"Name spelled `{document[mention.span]}` here but `{replacement}` on {lines}"
            yield Violation(
                mention.span,
                message,
                Fix.unsafe(f"Replace with `{replacement}`", Edit(mention.span, replacement)),
            )
    yield from _particle_spacing(document, phrase_spans)
    yield from _declined_surnames(document, phrase_spans)
    for variant in find_variants(document):
        lines = _lines(document, variant.dominant)
        for mention, index in variant.rare.occurrences:
            span, replacement = _replacement(document, variant, mention, index)
            if any(span.overlaps(other) for other in phrase_spans):
                continue
            message = f"Name spelled `{document[span]}` here but `{replacement}` on {lines}"
            fix = Fix.unsafe(f"Replace with `{replacement}`", Edit(span, replacement))
            yield Violation(span, message, fix)


def _particle_spacing(document: Document, taken: list[Span]) -> Iterator[Violation]:
    """ "Van den Broeck" and "Vandenbroeck" in one article: a surname's particles written apart and closed.

    The closed form is a single capitalised word elsewhere in the text that is the spaced
    name with its spaces removed; the spelling used less often (or later, on a tie) is
    flagged. A name and a firm ("Rik Van Dam", "Vandam Logistics") share the spelling
    only when the closed word is not followed by another capitalised word, and the spaced
    form counts only after a known first name (places such as La Porte and Le Mans, and
    firms, are written both ways).
    """
    text = document.text
    spaced: dict[str, list[re.Match[str]]] = {}
    for match in _SPACED_PARTICLE_NAME.finditer(text):
        joined = "".join(match.group().split())
        given = text[: match.start()].rstrip().rpartition(" ")[2]
        # Only a person's name: "Sanne Van den Broeck", not "the Van Dam Group" or "La Porte".
        if len(joined) >= MIN_JOINED_LENGTH and is_given_name(given):
            spaced.setdefault(joined.lower(), []).append(match)
    if not spaced:
        return
    closed: dict[str, list[Span]] = {}
    for token in document.tokens:
        key = token.text.lower()
        if key in spaced and token.text[:1].isupper() and token.text[1:].islower():
            after = text[token.end : token.end + 2]
            if not (after[:1] == " " and after[1:].isupper()):
                closed.setdefault(key, []).append(token.span)
    for key, closed_spans in closed.items():
        spaced_spans = [Span(m.start(), m.end()) for m in spaced[key]]
        rare, usual = (
            (closed_spans, spaced_spans)
            if (len(closed_spans), -closed_spans[0].start) < (len(spaced_spans), -spaced_spans[0].start)
            else (spaced_spans, closed_spans)
        )
        replacement = document[usual[0]]
        lines = _line_list(document, [span.start for span in usual])
        for span in rare:
            if any(span.overlaps(other) for other in taken):
                continue
            yield Violation(
                span,
                f"Name spelled `{document[span]}` here but `{replacement}` on {lines}",
                Fix.unsafe(f"Replace with `{replacement}`", Edit(span, replacement)),
            )


def _declined_surnames(document: Document, taken: list[Span]) -> Iterator[Violation]:
    """ "Nowicki" and "Nowickiego" in one article: a Polish surname left in a case form.

    English uses the nominative whatever the sentence: a capitalised word that is a
    surname of the article in -ski/-cki/-dzki (-ska...) plus a Polish case ending is
    the surname copied with its ending.
    """
    # The distinct words, tested by their last letters in C before any regex runs.
    words = {
        w for w in set(document.token_texts) if w.endswith(("ki", "ka")) and _DECLINABLE_SURNAME.search(w)
    }
    if not words:
        return
    declined = {
        (stem if last == "i" else stem[:-1]) + ending: stem
        for stem in words
        if stem[:1].isupper()
        for last in (stem[-1],)
        for ending in _CASE_ENDINGS[last]
    }
    for token in document.tokens:
        base = declined.get(token.text)
        if base is None or any(token.span.overlaps(other) for other in taken):
            continue
        lines = _line_list(document, [t.start for t in document.tokens if t.text == base])
        yield Violation(
            token.span,
            f"Name `{token.text}` keeps a Polish case ending; `{base}` is used on {lines}",
            Fix.unsafe(f"Replace with `{base}`", Edit(token.span, base)),
        )


def _replacement(document: Document, variant: Variant, mention: Mention, index: int) -> tuple[Span, str]:
    """The span to replace and its replacement: the whole name when more of it was changed.

    "Meridional Logistics" for "Méridional Logistique" differs in both words; the
    dominant spelling of the flagged word leads to a mention of the same length whose
    other words are cognates, and that whole name is the replacement.
    """
    word = mention.words[index]
    if len(mention.words) > 1:
        for other, other_index in variant.dominant.occurrences:
            if other_index != index or len(other.words) != len(mention.words):
                continue
            pairs = list(zip(mention.words, other.words, strict=True))
            if all(similar_words(fold(a.text), fold(b.text)) for a, b in pairs) and any(
                a.text != b.text for i, (a, b) in enumerate(pairs) if i != index
            ):
                return mention.span, document[other.span]
    return word.span, variant.dominant.text


def _lines(document: Document, form: Form) -> str:
    return _line_list(document, [m.words[i].span.start for m, i in form.occurrences])


def _line_list(document: Document, offsets: list[int]) -> str:
    numbers = sorted({document.line_index(offset) + 1 for offset in offsets})
    shown = ", ".join(str(n) for n in numbers[:MAX_LINES_SHOWN])
    more = "…" if len(numbers) > MAX_LINES_SHOWN else ""
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}{more}"


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(name_variant)
