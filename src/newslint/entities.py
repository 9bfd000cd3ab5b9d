"""Named mentions in an article: capitalised name sequences with the role they play.

A *mention* is a run of capitalised words ("Jenny Towne", "Méridional Logistique",
"Campos del Ebro"), with leading titles ("Dr.", "Commissioner") set aside, a possessive
ending removed, and flags for the evidence rules need: whether it fills an attribution
slot ("Towne said", "said Jenny Towne"), carries a title, or opens a sentence (where a
capital proves nothing). Headlines, subheadings and datelines are left out: their
capitals are typography, not names.

Extraction is one pass over ``Document.tokens``; the result is cached per document so
every rule that needs names shares it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from newslint.diagnostics import Span
from newslint.document import Document, Token
from newslint.lexicon import FUNCTION_WORDS, data_text, zipf
from newslint.mt_lexicon import capital_indexes
from newslint.namefold import fold, strip_possessive

# Words that stand before a name as a title or a job, not as part of the name.
TITLES = frozenset(
    """
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady judge justice president vice
    senator sen rep representative gov governor mayor commissioner councillor councilor cllr
    superintendent minister secretary chancellor general gen colonel col captain capt sergeant sgt
    lieutenant lt officer detective det inspector insp chief constable father rev reverend sister
    brother rabbi imam pastor bishop archbishop cardinal pope king queen prince princess sheikh emir
    herr frau senhor senhora señor señora senor senora monsieur madame mme mlle don doña signor
    signora coach manager director chairman chairwoman chair attorney assistant deputy prosecutor
    premier speaker ambassador admiral adm marshal major maj corporal cpl private pvt trooper
    sheriff chef editor spokesman spokeswoman spokesperson engineer
    """.split()  # noqa: SIM905 - a word list reads better as prose than as 120 quoted strings
)
# Titles that say whether a person is a man or a woman.
# How far before a run of capitalised words a title is looked for ("sporting director ...").
TITLE_WINDOW = 60
TITLE_SEX = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "herr", "senhor", "señor", "senor"), "male"),
    **dict.fromkeys(("monsieur", "signor", "father", "brother"), "male"),
    **dict.fromkeys(("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "frau"), "female"),
    **dict.fromkeys(("senhora", "señora", "senora", "madame", "mme", "signora", "sister"), "female"),
}
# Abbreviated titles written with a full stop: "Dr. Harriet Nguyen".
TITLE_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "capt", "sgt", "lt", "det", "rev"}
)
# Lower-case particles inside a name: Campos del Ebro, Ludwig van Beethoven.
CONNECTORS = frozenset(
    {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der", "den", "ter"}
    | {"la", "le", "bin", "ibn", "al", "el", "y"}
)
SPEECH_VERBS = (
    r"said|says|say|added|adds|told|tells|noted|notes|explained|explains|wrote|writes|testified|"
    r"argued|argues|asked|asks|insisted|insists|recalled|recalls|continued|warned|warns|replied|"
    r"stated|acknowledged|acknowledges|admitted|admits|agreed|conceded|concedes|claimed|claims|"
    r"estimated|believes|believed|thinks|predicted|suggested|suggests|stressed|emphasised|"
    r"emphasized|urged|announced|confirmed|denied|responded|cautioned|observed|remarked|"
    r"complained|joked|countered|maintained|maintains|contended|contends|recounted|declined|"
    r"refused|spoke|vowed|promised|pledged|praised|welcomed|rejected|accused|blamed|described|"
    r"criticised|criticized|apologised|apologized|hoped|feared"
)
# "Towne said", "Towne, the programme's director, said", "Towne also told reporters".
_SPEAKER_AFTER = re.compile(
    rf"""\A(?:\s*,[^,.;:"“”!?\n]{{1,120}},)?\s+
        (?:(?:also|then|later|previously|once|further|recently|has|had|have|would|will|quickly)\s+)?
        (?:{SPEECH_VERBS})\b""",
    re.VERBOSE,
)
# "said Towne", "according to Towne", "said the director, Towne": up to three lower-case words
# between the verb and the name.
_SPEECH_VERB_SET = frozenset(SPEECH_VERBS.split("|"))
_WORDS_BEFORE = re.compile(r"[A-Za-z]+")
SENTENCE_ADVERBS = frozenset(
    """
    later then now still however meanwhile today yesterday tomorrow also even instead indeed
    afterwards earlier last next yet nevertheless nonetheless separately overall until when where
    """.split()  # noqa: SIM905 - a word list
)
RARE_NAME_ZIPF = 3.0  # below this, a capitalised word is more likely a name than a word
_OPENING_GAP = re.compile(r"[.!?:;]|[“\"‘(\[]\Z|\A[“\"‘(\[]|\n")


@dataclass(frozen=True, slots=True)
class NameWord:
    """One capitalised word of a name, possessive ending removed."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Mention:
    """A run of capitalised name words and the evidence around it."""

    words: tuple[NameWord, ...]
    title: str  # the title before the name, lower case ("dr", "commissioner"), or ""
    speaker: bool  # fills an attribution slot: "X said", "said X"
    sentence_initial: bool  # its first word opens a sentence, a line or a quotation
    possessive: bool  # written with a possessive ending: "Towne's"

    @property
    def span(self) -> Span:
        span = _NEW(Span)  # from the words' own valid spans: no range check
        _SET_SPAN_START(span, self.words[0].span.start)
        _SET_SPAN_END(span, self.words[-1].span.end)
        return span

    @property
    def is_named_person(self) -> bool:
        """A person beyond doubt: a known first name, a title, or a full name in an attribution."""
        if self.title or is_given_name(self.given) or (len(self.words) > 1 and self.speaker):
            return True
        # "Oluwaseun Adebayo": two or three rare words, the shape of a first name and a surname
        # that no list holds; "Harvest Table" or "Halstead Medical Center" has a common word.
        return 2 <= len(self.words) <= 3 and all(zipf(w.text) < RARE_NAME_ZIPF for w in self.words)

    @property
    def sex(self) -> str | None:
        """ "female" or "male" when the first name or the title says so unambiguously."""
        by_title = TITLE_SEX.get(self.title)
        by_name = given_name_sex(self.given) if self.given else None
        if by_title and by_name and by_title != by_name:
            return None
        return by_title or by_name

    @property
    def given(self) -> str:
        """The given name when the mention is a full name of two or more words, else ""."""
        return self.words[0].text if len(self.words) > 1 else ""


# Thousands of mentions per corpus: the records are built by filling their slots directly,
# skipping the frozen dataclasses' __init__ (one object.__setattr__ per field) and Span's
# range check (a token's span is valid by construction). The objects are the same.
_NEW = object.__new__
_SET_SPAN_START = vars(Span)["start"].__set__
_SET_SPAN_END = vars(Span)["end"].__set__
_SET_WORD_TEXT = vars(NameWord)["text"].__set__
_SET_WORD_SPAN = vars(NameWord)["span"].__set__
_SET_WORDS = vars(Mention)["words"].__set__
_SET_TITLE = vars(Mention)["title"].__set__
_SET_SPEAKER = vars(Mention)["speaker"].__set__
_SET_INITIAL = vars(Mention)["sentence_initial"].__set__
_SET_POSSESSIVE = vars(Mention)["possessive"].__set__


def _name_word(text: str, start: int) -> NameWord:
    span = _NEW(Span)
    _SET_SPAN_START(span, start)
    _SET_SPAN_END(span, start + len(text))
    word = _NEW(NameWord)
    _SET_WORD_TEXT(word, text)
    _SET_WORD_SPAN(word, span)
    return word


def is_name_token(text: str) -> bool:
    """A capitalised word that may be (part of) a name: not an initial, not all capitals."""
    return len(text) > 1 and text[0].isupper() and not text.isupper()


@lru_cache(maxsize=4)
def mentions(document: Document) -> tuple[Mention, ...]:
    """Every name mention in the body of ``document``, in text order."""
    skipped = _skipped_spans(document)
    skipped_starts = [s.start for s in skipped]
    tokens = document.tokens
    text = document.text
    found: list[Mention] = []
    # A run of name words starts at a capitalised token: the scan jumps from one to the next
    # instead of testing every lower-case word.
    capitals = capital_indexes(document)
    count = len(tokens)
    index = 0
    for start in capitals:
        if start < index:
            continue  # taken into the previous run
        word = tokens[start].text
        if word.isupper() or len(word) < 2 or _inside(skipped, skipped_starts, tokens[start].start):
            continue
        run = [tokens[start]]
        index = start + 1
        if word == strip_possessive(word):
            while index < count:
                token = tokens[index]
                following = token.text
                # Only a capitalised word or a particle can continue a run: most runs end
                # at a lower-case word, decided without the gap.
                if not following[0].isupper() and following not in CONNECTORS:
                    break
                if not _continues(text, run, token, tokens, index):
                    break  # this token may open the next run
                run.append(token)
                index += 1
                if _is_possessive(token.text):
                    break
        mention = _mention(document, run)
        if mention is not None:
            found.append(mention)
    return tuple(found)


def _is_possessive(word: str) -> bool:
    return word != strip_possessive(word)


def _continues(text: str, run: list[Token], token: Token, tokens: tuple[Token, ...], index: int) -> bool:
    gap = text[run[-1].end : token.start]
    last = run[-1].text
    if gap == ". " and last.lower() in TITLE_ABBREVIATIONS and is_name_token(token.text):
        return True
    if gap != " ":
        return False
    if is_name_token(token.text):
        return True
    # A lower-case particle joins the run only when a capitalised word follows it.
    if token.text in CONNECTORS and index + 1 < len(tokens):
        following = tokens[index + 1]
        return text[token.end : following.start] == " " and is_name_token(following.text)
    return False


def _mention(document: Document, run: list[Token]) -> Mention | None:
    text = document.text
    # (word, start) pairs first: the records are built only for the words that stay.
    pairs: list[tuple[str, int]] = []
    word = bare = ""
    for t in run:
        word = t.text
        bare = strip_possessive(word)
        if (
            len(bare) > 1 and bare[0].isupper() and not bare.isupper()
        ):  # is_name_token: particles are not names
            pairs.append((bare, t.start))
    possessive = word != bare  # of the last word
    first = run[0].start
    opens = _opens_sentence(text, first)
    # "Later Jenny Towne said": a capitalised sentence adverb or function word is not the name.
    if len(pairs) > 1 and opens and _is_sentence_opener(pairs[0][0]):
        del pairs[0]
    # "District Judge Maureen Castellanos", "Police Chief Sandra Okonkwo": everything up to
    # the last title word is the person's job, not their name.
    title = ""
    for index in range(len(pairs) - 2, -1, -1):
        folded = fold(pairs[index][0])
        if folded in TITLES:
            title = folded
            del pairs[: index + 1]
            break
    if not pairs or (len(pairs) == 1 and fold(pairs[0][0]) in TITLES):
        return None
    before = text[max(0, first - TITLE_WINDOW) : first]
    if not title and before[-1:] == " ":
        # "sporting director Katrin Schäfer", "Dr. Jean Arsenault": a title just before the run.
        previous = before.rstrip().rstrip(".").rpartition(" ")[2].lower()
        if previous in TITLES:
            title = previous
    speaker = False
    if not possessive:
        end = run[-1].end
        after = text[end : end + 160]
        speaker = bool(
            _SPEAKER_AFTER.match(after)
            # "the union leader, Oluwaseun Adebayo, said": a name set off by commas before the verb.
            or (before.endswith(", ") and after.startswith(",") and _SPEAKER_AFTER.match(after[1:]))
            or _speech_verb_before(before)
        )
    mention = _NEW(Mention)
    _SET_WORDS(mention, tuple([_name_word(bare, start) for bare, start in pairs]))
    _SET_TITLE(mention, title)
    _SET_SPEAKER(mention, speaker)
    _SET_INITIAL(mention, opens)
    _SET_POSSESSIVE(mention, possessive)
    return mention


def _speech_verb_before(before: str) -> bool:
    """Say whether the text before a name ends with a speech verb and at most three lower-case words."""
    if not before[-1:].isspace():
        return False
    tail = before.rstrip()
    if not tail or not tail[-1].isalpha():
        return False
    words = _WORDS_BEFORE.findall(tail[-40:])[-4:]
    for back, word in enumerate(reversed(words)):
        lowered = word.lower()
        if lowered in _SPEECH_VERB_SET or (
            lowered == "to" and back + 1 < len(words) and words[-back - 2] == "according"
        ):
            return True
        if not word.islower():
            return False
    return False


def _is_sentence_opener(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in FUNCTION_WORDS
        or lowered in SENTENCE_ADVERBS
        or (lowered.endswith("ly") and zipf(lowered) > 3)
    )


def _opens_sentence(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    gap_start = start
    while gap_start > line_start and not (text[gap_start - 1].isalnum()):
        gap_start -= 1
    if gap_start == line_start:
        return True
    return bool(_OPENING_GAP.search(text[gap_start:start]))


def _skipped_spans(document: Document) -> list[Span]:
    """Headlines, subheadings and datelines: their capitals say nothing about names."""
    spans = [document.lines[i] for i in document.heading_lines]
    if document.title_line is not None:
        spans.append(document.lines[document.title_line])
    spans.extend(document.datelines)
    return sorted(spans)


def _inside(spans: list[Span], starts: list[int], offset: int) -> bool:
    """Say whether ``offset`` lies in the last of the sorted ``spans`` that starts at or before it."""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and spans[index].start <= offset < spans[index].end


# -- given names -----------------------------------------------------------------------


@cache
def _given_names(sex: str) -> frozenset[str]:
    data = data_text(f"names_{sex}.txt")  # read as a plain file: importlib.resources costs ~5 ms
    words = (w for line in data.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=65536)
def given_name_sex(name: str) -> str | None:
    """Return "female" or "male" for a given name that is unambiguously one or the other, else None."""
    folded = fold(name)
    female = folded in _given_names("female")
    male = folded in _given_names("male")
    if female == male:
        return None
    return "female" if female else "male"


def is_given_name(name: str) -> bool:
    return given_name_sex(name) is not None
