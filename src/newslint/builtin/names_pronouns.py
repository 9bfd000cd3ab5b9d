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
from newslint.mt_lexicon import capital_indexes
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
_SEX_OF_PRONOUN = {"he": "male", "she": "female", "his": "male", "her": "female"}
# A sentence that opens with a subject or possessive pronoun: "He announced", "His team used".
_OPENING_PRONOUNS = {"He ": "he", "She ": "she", "His ": "his", "Her ": "her"}
# Sentences back from an opening pronoun to the speaker it may refer to.
OPENING_REACH = 2
# A person or a ship named by a noun, not a name: "Anna Berg hired a lawyer. He filed ...",
# "met the Pope", "boarded the frigate. Her crew ...". Agent endings and a list of others.
_PERSON_NOUN = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|my|your|this|that|another|one)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:[a-z]+(?:er|or|ist|ian|ant|ent|ee|ess|ive|ary|aut)s?|[a-z]+(?<!wo)m[ae]n|minister|pope|suspect|partner|chair|"
    r"head|boss|judge|coach|chief|official|candidate|leader|rival|victim|client|patient|child|children|"
    r"friend|colleague|neighbou?r|guest|host|nominee|heir|pilot|crew|staff|spouse|family|parent|relative|"
    r"ally|deputy|aide|envoy|delegate|cardinal|bishop|priest|imam|rabbi|monk|nun|saint|hero|idol|star|"
    r"champion|referee|umpire|ship|vessel|frigate|boat|yacht|ferry|liner|tanker|carrier|submarine|"
    r"incumbent|successor|predecessor|counterpart|opponent|author|architect|artist|pianist|surgeon|"
    r"doctor|nurse|police|officer|soldier|captain|athlete|player|student|pupil|teen|youth|baby|person|"
    r"people|individual|figure|citizen|resident|voter|worker|employee|employer|owner|founder)\b",
    re.IGNORECASE,
)
# "His Holiness", "Her Majesty", "Her crew" of a ship: a capital after His/Her names a title.
_TITLE_AFTER_POSSESSIVE = re.compile(r"(?:His|Her)\s+[A-Z]")
# "Abena Mensah, who came with her son, Kwame Mensah, said": the speaker of the sentence is
# named before the relative clause, not the name that sits just before the verb.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whom|whose)\b")
# A title written before a name ("mrs Towne", "Señora Ruiz") is the last space-separated chunk
# of the TITLE_WINDOW characters before it, trailing spaces and dots stripped and lower-cased:
# a word of the lower-cased text without its dots, or, when the window cuts a word short, a
# tail of one before a gap of at least the window less the longest title, in dots and spaces.
_SEXED_TITLES = frozenset(TITLE_SEX)
_LONG_GAP = re.compile(rf"[.\s]{{{TITLE_WINDOW - max(map(len, TITLE_SEX))}}}")
_PRONOUN_OF_SEX = {"male": "he", "female": "she"}
_POSSESSIVE_OF_SEX = {"male": "his", "female": "her"}
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
        "“We found 6,000 pieces,” Chiara Bassetti said. His team used old photographs.\n",
        "Martina Horak, 46, is the first woman to coach in the league. He took over in 2022.\n",
        "“We had 11,000 tiles,” said Inês Carvalhal, the conservator.\n\nHis team photographed every tile.\n",
    ),
    pass_=(
        "Dr. Jean Morel runs the clinic. “I stayed,” Morel said. “It was nothing,” he said.\n",
        "“He kept going,” said Dominique Roy. “He was grey,” she said.\n",
        "“It was hard,” said Clara Hollins. Her husband, Paul Hollins, agreed. “We waited,” he said.\n",
        "The lifeboat Mary Stanford left at dawn. She was back by noon, said Captain Tom Reed.\n",
        "“Every voter should keep his voice,” said Joana Gonçalves. Gonçalves said she would appeal.\n",
        "Marco Rossi founded the firm. His daughter, Clara Rossi, said it was hard. He died in 2010.\n",
        "“My father built this,” said Clara Hollins. He died in 1990.\n",
        "Marta Lopez, 46, runs the club. Her father founded it. He died in 2010.\n",
        "Anna Berg hired a lawyer. He filed the appeal on Monday.\n",
        "Lucia Ruiz interviewed the minister on Tuesday. He refused to resign.\n",
        "Maria Lopez met the Pope in May. His Holiness blessed the crowd.\n",
        "Michael Lund boarded the frigate in May. Her crew of 200 cheered.\n",
        "Abena Mensah, who came with her son, Kwame Mensah, said the family was hurt.\n\n“We waited,” she said.\n",
    ),
)
def pronoun_contradicts_speaker(document: Document) -> Iterator[Violation]:
    """## What it does
    Flags "he said" or "she said" when the speaker just named in the same quote chain
    has a first name that is unambiguously a woman's or a man's ("said Jenny Towne" ...
    "he said"), or a title that says so (Mrs, Herr); and a sentence that opens on "He",
    "She", "His" or "Her" within two sentences of such a speaker, or of such a person
    opening a sentence as its subject, in the same or the next paragraph, when nothing
    earlier in the speaker's paragraph or since names anyone else it could mean.

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
    # (span, pronoun, opens a sentence): "he said" after a quote, or "He announced" after a speaker.
    pronouns = [
        (Span(m.start(g), m.end(g)), m.group(g), False)
        for m in _PRONOUN_ATTRIBUTION.finditer(document.text)
        for g in ("a" if m.group("a") else "b",)
    ]
    text = document.text
    pronouns += [
        (Span(start, start + len(word)), text[start : start + len(word)], True)
        for start in document.sentence_starts
        for word in (
            _OPENING_PRONOUNS.get(text[start : start + 4]) or _OPENING_PRONOUNS.get(text[start : start + 3]),
        )
        if word is not None
    ]
    # "He added" is an attribution and opens a sentence: it is checked once, as an attribution.
    attributed = {span.start for span, _, opening in pronouns if not opening}
    pronouns = [item for item in pronouns if not item[2] or item[0].start not in attributed]
    if any(opening for _, _, opening in pronouns):
        pronouns = _near_other_sex(document, pronouns)
    if not pronouns:
        return  # no "he said", "she said" or sentence opening on a pronoun: nothing to check
    # A pronoun contradicts a speaker of the other sex, and every speaker's sex is some
    # mention's: with no mention that may have it, nothing is flagged (and no mentions are built).
    contradicting = frozenset([_OTHER_SEX[_SEX_OF_PRONOUN[pronoun.lower()]] for _, pronoun, _ in pronouns])
    if contradicting.isdisjoint(_possible_sexes(document, contradicting)):
        return
    sexes = _antecedent_sexes(document)
    if not sexes:
        return  # no speaker or subject whose sex is known: no pronoun can contradict one
    # Surnames of everyone named in full or with a title: any of them may be "he" or "she".
    people = frozenset(m.words[-1].text for m in mentions(document) if len(m.words) > 1 or m.title)
    speakers = [m for m in mentions(document) if m.speaker and not document.in_quote(m.span)]
    starts = [m.span.start for m in speakers]
    # A sentence opening on a pronoun may also refer to the subject that opened one before it:
    # "Horáková, 46, is the first woman to coach in the league. He took over in 2022."
    subjects = [
        m
        for m in mentions(document)
        if (m.speaker or (m.sentence_initial and not m.possessive)) and not document.in_quote(m.span)
    ]
    subject_starts = [m.span.start for m in subjects]
    paragraph_starts = [p.start for p in document.paragraphs]
    sentence_starts = [s.start for s in document.sentences]
    quote_starts = [q.start for q in document.quotes]
    for span, pronoun, opening in sorted(pronouns, key=lambda item: item[0].start):
        if document.in_quote(span):
            continue
        candidates = subjects if opening else speakers
        index = bisect.bisect_left(subject_starts if opening else starts, span.start) - 1
        if index < 0:
            continue
        speaker = candidates[index]
        paragraph = bisect.bisect_right(paragraph_starts, span.start) - 1
        speaker_paragraph = bisect.bisect_right(paragraph_starts, speaker.span.start) - 1
        if speaker_paragraph < paragraph - 1:
            continue  # the last speaker is too far back to be the antecedent
        sentence = bisect.bisect_right(sentence_starts, span.start) - 1
        speaker_sentence = bisect.bisect_right(sentence_starts, speaker.span.start) - 1
        if opening and sentence - speaker_sentence > OPENING_REACH:
            continue  # a pronoun that opens a sentence refers to someone close by (paragraphs apart)
        sex = sexes.get(id(speaker))
        if sex is None or _SEX_OF_PRONOUN[pronoun.lower()] == sex:
            continue
        if _RELATIVE_CLAUSE.search(text, sentence_starts[speaker_sentence], speaker.span.start):
            continue
        pronoun_sex = _SEX_OF_PRONOUN[pronoun.lower()]
        if not _nothing_between(
            document, speaker, span, pronoun_sex, people, quote_starts, skip_quotes=not opening
        ):
            continue
        if opening and (
            _TITLE_AFTER_POSSESSIVE.match(text, span.start)
            or _PERSON_NOUN.search(_after_apposition(text[speaker.span.end : span.start]))
        ):
            continue  # "Anna Berg hired a lawyer. He filed ...": someone named by a noun
        # "Marco Rossi founded it. His daughter, Clara Rossi, said ... He died": a sentence
        # opening on a pronoun may refer to anyone earlier in the speaker's paragraph.
        if opening and not _nobody_in(
            text[paragraph_starts[speaker_paragraph] : speaker.span.start],
            pronoun_sex,
            people - {speaker.words[-1].text},
        ):
            continue
        # "Paul Reed said Jenny Towne had told the council ...": Towne is reported speech, and
        # the pronoun may be Reed's.
        earlier = candidates[index - 1] if index > 0 else None
        if earlier and _same_sentence(sentence_starts, earlier, speaker) and sexes.get(id(earlier)) != sex:
            continue
        expected = _PRONOUN_OF_SEX[sex] if pronoun.lower() in ("he", "she") else _POSSESSIVE_OF_SEX[sex]
        expected = expected.capitalize() if pronoun[0].isupper() else expected
        name = document[speaker.span]
        yield Violation(
            span,
            f"`{pronoun}` refers to {name}, named as a {'woman' if sex == 'female' else 'man'}",
            Fix.unsafe(f"Replace with `{expected}`", Edit(span, expected)),
        )


_CAPITALISED = re.compile(r"\b[A-Z][\w’'\-]*")


def _near_other_sex(
    document: Document, pronouns: list[tuple[Span, str, bool]]
) -> list[tuple[Span, str, bool]]:
    """The pronouns, less those opening a sentence with no word of the other sex shortly before.

    An opening pronoun is checked against a person named at most ``OPENING_REACH``
    sentences back, whose sex comes from a first name or title, or from a first name or
    title that goes with the same surname elsewhere. Words of either kind are collected
    once per article; most opening pronouns have none of the other sex before them, and
    then no mentions need be built for them. A surname misspelled in the window ("Town"
    for "Jenny Towne") is not matched here: the check gives up that rare case for speed.
    """
    words = document.token_texts
    sexed: dict[str, set[str]] = {"male": set(), "female": set()}
    for i in capital_indexes(document):
        for sex in _token_sexes(words[i]):
            # the first name or title and the next two words: the surname, in any of its mentions
            sexed[sex].update(strip_possessive(w) for w in words[i : i + 3] if w[:1].isupper())
    text = document.text
    starts = document.sentence_starts
    kept = []
    for span, pronoun, opening in pronouns:
        if opening:
            sentence = bisect.bisect_right(starts, span.start) - 1
            window = text[starts[max(sentence - OPENING_REACH, 0)] : span.start]
            other = sexed[_OTHER_SEX[_SEX_OF_PRONOUN[pronoun.lower()]]]
            if not any(strip_possessive(w) in other for w in _CAPITALISED.findall(window)):
                continue
        kept.append((span, pronoun, opening))
    return kept


def _after_apposition(text: str) -> str:
    """The text after a name without the apposition that describes the person named.

    ", the conservator who led the project, said" describes the speaker, not another
    person; the apposition runs to the next comma or the end of the sentence.
    """
    if not text.startswith(", "):
        return text
    ends = [i for i in (text.find(",", 2), text.find(". ")) if i != -1]
    return text[min(ends) + 1 :] if ends else ""


def _same_sentence(sentence_starts: list[int], first: Mention, second: Mention) -> bool:
    return bisect.bisect_right(sentence_starts, first.span.start) == bisect.bisect_right(
        sentence_starts, second.span.start
    )


def _antecedent_sexes(document: Document) -> dict[int, str]:
    """The sex of each speaker or sentence-opening mention whose person is named with an unambiguous first name or title.

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
        if not (mention.speaker or mention.sentence_initial):
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
    *,
    skip_quotes: bool = True,
) -> bool:
    """Say whether no one else who could be "he" or "she" comes between the speaker and the pronoun.

    Quotations are skipped for an attribution: a quote names people the speaker talks
    about, and the attribution after it still refers to the speaker. A sentence that opens
    on a pronoun may refer to someone the quote named ("my father built it ... He died"):
    for it, quotes count.
    """
    start = speaker.span.end
    outside = []
    cursor = start
    quotes = document.quotes if skip_quotes else ()
    first = max(bisect.bisect_left(quote_starts, start) - 1, 0)
    last = bisect.bisect_left(quote_starts, pronoun.start)
    for quote in quotes[first:last]:  # only the quotes near the window: linear overall
        if quote.end <= start or quote.start >= pronoun.start:
            continue
        outside.append(document.text[cursor : max(cursor, quote.start)])
        cursor = max(cursor, quote.end)
    outside.append(document.text[cursor : pronoun.start])
    between = " ".join(outside)
    if not _nobody_in(between, pronoun_sex, people):
        return False
    # "Towne said ... “We lost everything,” said one farmer. “...,” he said": a second speaker
    # without a name. Only the speaker's own verb, right after the name, may come between.
    verbs = [m.start() for m in _SPEECH_VERB.finditer(between)]
    return not verbs or (len(verbs) == 1 and verbs[0] <= OWN_VERB_REACH)


def _nobody_in(text: str, pronoun_sex: str, people: frozenset[str]) -> bool:
    """Say whether ``text`` names no one the pronoun could refer to instead.

    No word for a person of the pronoun's sex ("son", "Mr") and no name but a place's or
    a date's: a given name, a title or the surname of someone the article names.
    """
    if _OTHER_PERSON[pronoun_sex].search(text):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", text) if is_name_token(w)]
    return not any(
        given_name_sex(w) is not None or w.lower() in TITLE_SEX or strip_possessive(w) in people
        for w in words
    )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(pronoun_contradicts_speaker)
