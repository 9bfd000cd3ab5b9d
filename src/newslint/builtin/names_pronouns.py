"""Pronoun rules: a speech pronoun that contradicts the person who is speaking."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.entities import TITLE_SEX, TITLE_WINDOW, Mention, given_name_sex, is_name_token, mentions
from newslint.hookspecs import hookimpl
from newslint.lexicon import zipf
from newslint.namefold import fold, strip_possessive
from newslint.namevariants import capital_words, find_variants
from newslint.rules import FixAvailability, Rule, rule

_SPEECH = r"said|says|added|adds|told|explained|noted|recalled|continued|insisted|argued|replied|wrote"
# "he said", "She added", "said he", "Towne said he had": the pronoun of an attribution.
_PRONOUN_ATTRIBUTION = re.compile(
    rf"\b(?P<a>[Hh]e|[Ss]he)\s+(?:also\s+|then\s+|later\s+)?(?:{_SPEECH})\b|\b(?:{_SPEECH})\s+(?P<b>he|she)\b"
)
COMMON_NOUN_ZIPF = 5.0  # Church, Station, University: too common to be a surname here
_SPEECH_VERB = re.compile(rf"\b(?:{_SPEECH}|says|tells|notes|asked|asks)\b")
OWN_VERB_REACH = 150  # characters from a name to its own verb across an apposition
_SEX_OF_PRONOUN = {"he": "male", "she": "female"}
# A title written before a name ("mrs Towne", "Señora Ruiz") is the last space-separated chunk
# of the TITLE_WINDOW characters before it, trailing spaces and dots stripped and lower-cased:
# a word of the lower-cased text without its dots, or, when the window cuts a word short, a
# tail of one before a gap of at least the window less the longest title, in dots and spaces.
_SEXED_TITLES = frozenset(TITLE_SEX)
_LONG_GAP = re.compile(rf"[.\s]{{{TITLE_WINDOW - max(map(len, TITLE_SEX))}}}")
_PRONOUN_OF_SEX = {"male": "he", "female": "she"}
_OTHER_SEX = {"male": "female", "female": "male"}
_BOTH_SEXES = frozenset(_OTHER_SEX)
# Words between the speaker and the pronoun that bring another man or woman into the story.
_OTHER_PERSON = {
    "male": re.compile(
        r"\b(?:he|him|his|himself|man|men|husband|son|father|brother|boy|uncle|nephew|grandfather|"
        r"king|mr)\b",
        re.IGNORECASE,
    ),
    "female": re.compile(
        r"\b(?:she|her|hers|herself|woman|women|wife|daughter|mother|sister|girl|aunt|niece|"
        r"grandmother|queen|mrs|ms)\b",
        re.IGNORECASE,
    ),
}


@rule(
    code="MT801",
    name="pronoun-contradicts-speaker",
    category=Category.PRONOUN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "“It will be hard,” said Clara Hollins, a researcher.\n\n“Nobody is ready,” he said.\n",
        "Astrid Nygaard led the study. Nygaard said the ice was thin.\n\n“It is going fast,” he said.\n",
        "Dr. Fiona Tran runs the ward. Tran said he had treated a man for hours.\n",
    ),
    pass_=(
        "Dr. Jean Morel runs the clinic. “I stayed,” Morel said. “It was nothing,” he said.\n",
        "“He kept going,” said Dominique Roy. “He was grey,” she said.\n",
        "“It was hard,” said Clara Hollins. Her husband, Paul Hollins, agreed. “We waited,” he said.\n",
        "The lifeboat Mary Stanford left at dawn. She was back by noon, said Captain Tom Reed.\n",
        "“Every voter should keep his voice,” said Joana Gonçalves. Gonçalves said she would appeal.\n",
    ),
)
def pronoun_contradicts_speaker(document: Document) -> Iterator[Violation]:
    """## What it does
    Flags "he said" or "she said" when the speaker just named in the same quote chain
    has a first name that is unambiguously a woman's or a man's ("said Jenny Towne" ...
    "he said"), or a title that says so (Mrs, Herr).

    It stays silent unless the evidence is strong: the speaker must be named with a
    first name from a small list of unambiguous names (Jean, Dominique, Andrea and Kim
    are left out), be the last speaker before the pronoun in the same or the previous
    paragraph, and no other person or gendered word may come in between. Pronouns
    inside quotations are never checked.

    ## Why is this bad
    Machine translation from languages whose verbs carry no gender (Korean, Finnish,
    Turkish) or drop the subject (Spanish, Portuguese) guesses pronouns, often "he". A
    wrong pronoun misgenders the source and makes the reader wonder who is speaking.

    ## Example
    "said Clara Hollins, director of the programme" ... "“...,” he said": `he` is
    flagged and `she` suggested.

    ## Fix safety
    Unsafe: the pronoun may refer to someone the rule does not see.
    """
    attributions = list(_PRONOUN_ATTRIBUTION.finditer(document.text))
    if not attributions:
        return  # no "he said" or "she said": nothing to check
    # A pronoun contradicts a speaker of the other sex, and every speaker's sex is some
    # mention's: with no mention that may have it, nothing is flagged (and no mentions are built).
    contradicting = frozenset(
        [_OTHER_SEX[_SEX_OF_PRONOUN[(m.group("a") or m.group("b")).lower()]] for m in attributions]
    )
    if contradicting.isdisjoint(_possible_sexes(document, contradicting)):
        return
    sexes = _speaker_sexes(document)
    if not sexes:
        return  # no speaker whose sex is known: no pronoun can contradict one
    # Surnames of everyone named in full or with a title: any of them may be "he" or "she".
    people = frozenset(m.words[-1].text for m in mentions(document) if len(m.words) > 1 or m.title)
    speakers = [m for m in mentions(document) if m.speaker and not document.in_quote(m.span)]
    starts = [m.span.start for m in speakers]
    paragraph_starts = [p.start for p in document.paragraphs]
    sentence_starts = [s.start for s in document.sentences]
    quote_starts = [q.start for q in document.quotes]
    for match in attributions:
        group = "a" if match.group("a") else "b"
        span = Span(match.start(group), match.end(group))
        if document.in_quote(span):
            continue
        pronoun = match.group(group)
        index = bisect.bisect_left(starts, span.start) - 1
        if index < 0:
            continue
        speaker = speakers[index]
        paragraph = bisect.bisect_right(paragraph_starts, span.start) - 1
        if bisect.bisect_right(paragraph_starts, speaker.span.start) - 1 < paragraph - 1:
            continue  # the last speaker is too far back to be the antecedent
        sex = sexes.get(id(speaker))
        if sex is None or _SEX_OF_PRONOUN[pronoun.lower()] == sex:
            continue
        if not _nothing_between(
            document, speaker, span, _SEX_OF_PRONOUN[pronoun.lower()], people, quote_starts
        ):
            continue
        # "Paul Reed said Jenny Towne had told the council ...": Towne is reported speech, and
        # the pronoun may be Reed's.
        earlier = speakers[index - 1] if index > 0 else None
        if earlier and _same_sentence(sentence_starts, earlier, speaker) and sexes.get(id(earlier)) != sex:
            continue
        expected = _PRONOUN_OF_SEX[sex]
        expected = expected.capitalize() if pronoun[0].isupper() else expected
        name = document[speaker.span]
        yield Violation(
            span,
            f"`{pronoun}` refers to {name}, named as a {'woman' if sex == 'female' else 'man'}",
            Fix.unsafe(f"Replace with `{expected}`", Edit(span, expected)),
        )


def _same_sentence(sentence_starts: list[int], first: Mention, second: Mention) -> bool:
    return bisect.bisect_right(sentence_starts, first.span.start) == bisect.bisect_right(
        sentence_starts, second.span.start
    )


def _speaker_sexes(document: Document) -> dict[int, str]:
    """The sex of each speaker mention whose person is named with an unambiguous first name or title.

    A bare surname ("Towne said") takes the first names the article gives that surname
    ("Jenny Towne"), through the dominant spelling when the surname is misspelled; a
    surname shared by a man and a woman (Helen Park, Daniel Park) stays unknown.
    """
    canonical = {v.rare.text: v.dominant.text for v in find_variants(document)}
    by_surname: dict[str, set[str]] = {}
    everyone = mentions(document)
    mention_sexes = [_mention_sex(mention) for mention in everyone]
    for mention, sex in zip(everyone, mention_sexes, strict=True):
        if len(mention.words) > 1 or mention.title:
            surname = canonical.get(mention.words[-1].text, mention.words[-1].text)
            by_surname.setdefault(surname, set()).add(sex or "unknown")
    sexes: dict[int, str] = {}
    for mention, own in zip(everyone, mention_sexes, strict=True):
        if not mention.speaker:
            continue
        surname = canonical.get(mention.words[-1].text, mention.words[-1].text)
        known = by_surname.get(surname, set())
        if own is not None:
            sexes[id(mention)] = own
        elif len(known) == 1 and "unknown" not in known:
            sexes[id(mention)] = next(iter(known))
    return sexes


def _possible_sexes(document: Document, wanted: frozenset[str] = _BOTH_SEXES) -> set[str]:
    """The sexes of ``wanted`` a mention may have: of a gendered first name or title, or of a title before it.

    Every name word is a capitalised token without its possessive ending, so a mention's
    first name or title is one of those; this looks at the few distinct capitalised
    tokens and the lower-cased words instead of building the mentions.
    """
    capitalised = capital_words(document)
    sexes: set[str] = set().union(*map(_token_sexes, capitalised))
    if wanted <= sexes:
        return sexes
    text = document.text
    # A title's chunk is a word of the lower-cased text once its dots are stripped: splitting
    # at dots too keeps it whole, and the extra pieces only make the set larger.
    words = set(text.lower().replace(".", " ").split())
    sexes.update(TITLE_SEX[word] for word in words & _SEXED_TITLES)
    if not wanted <= sexes and _LONG_GAP.search(text) is not None:
        return set(_BOTH_SEXES)  # a title cut short by the window: any title, any sex
    return sexes


@lru_cache(maxsize=65536)
def _token_sexes(token: str) -> frozenset[str]:
    word = strip_possessive(token)
    return frozenset(filter(None, (given_name_sex(word), TITLE_SEX.get(fold(word)))))


def _mention_sex(mention: Mention) -> str | None:
    # "Grace Church said", "Victoria Station said": a first name before a common noun is a place.
    if not mention.title and zipf(mention.words[-1].text) >= COMMON_NOUN_ZIPF:
        return None
    return mention.sex


def _nothing_between(
    document: Document,
    speaker: Mention,
    pronoun: Span,
    pronoun_sex: str,
    people: frozenset[str],
    quote_starts: list[int],
) -> bool:
    """Say whether no one else who could be "he" or "she" comes between the speaker and the pronoun.

    Quotations are skipped: a quote names people the speaker talks about, and the
    attribution after it still refers to the speaker.
    """
    start = speaker.span.end
    outside = []
    cursor = start
    quotes = document.quotes
    first = max(bisect.bisect_left(quote_starts, start) - 1, 0)
    last = bisect.bisect_left(quote_starts, pronoun.start)
    for quote in quotes[first:last]:  # only the quotes near the window: linear overall
        if quote.end <= start or quote.start >= pronoun.start:
            continue
        outside.append(document.text[cursor : max(cursor, quote.start)])
        cursor = max(cursor, quote.end)
    outside.append(document.text[cursor : pronoun.start])
    between = " ".join(outside)
    if _OTHER_PERSON[pronoun_sex].search(between):
        return False
    # "Towne said ... “We lost everything,” said one farmer. “...,” he said": a second speaker
    # without a name. Only the speaker's own verb, right after the name, may come between.
    verbs = [m.start() for m in _SPEECH_VERB.finditer(between)]
    if len(verbs) > 1 or (verbs and verbs[0] > OWN_VERB_REACH):
        return False
    # Another name outside quotes may be the antecedent: only a place or a date may come between.
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", between) if is_name_token(w)]
    return not any(
        given_name_sex(w) is not None or w.lower() in TITLE_SEX or strip_possessive(w) in people
        for w in words
    )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(pronoun_contradicts_speaker)
