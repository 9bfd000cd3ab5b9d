"""MT2xx garble: word orders that do not occur in edited English, and verbless sentences."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import FUNCTION_WORDS, zipf
from newslint.mt_lexicon import analyse, finditer_where, looks_finite_verb, without_leading_boundary
from newslint.rules import FixAvailability, Rule, rule

_REPORTING = r"(?:said|says|told|added|stated|noted|explained|revealed|announced)"
# Verbs that need an object: at the very end of a clause they mark verb-final order.
_TRANSITIVE_FINAL = (
    r"absorbs|absorbed|takes|uses|used|receives|received|reflects|reflected|traps|trapped|produces|"
    r"produced|needs|needed|contains|contained|requires|required|causes|caused|holds|gets|blocks|"
    r"blocked|captures|captured|releases|released|retains|retained|consumes|consumed"
)
# Words of a clause body that hold no auxiliary (an auxiliary means a verb is in place).
_NO_AUX_WORDS = r"(?:(?!(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b)[\w'’]+ )"
_PREDICATE_ADJECTIVES = (
    r"(?:small|large|big|high|low|weak|strong|limited|scarce|tight|slow|poor|huge|tiny|short|long|"
    r"cheap|expensive|narrow|wide|modest|minimal|fragile|uncertain|unclear|difficult|easy|bleak)"
)
# Verbs of purpose after a stranded superlative: "to the fire closest to make sure".
_BASE_AFTER_TO = (
    r"(?:make|ensure|check|see|get|help|keep|avoid|protect|stop|allow|reach|find|be|do|take|watch|"
    r"leave|warn|search|evacuate|clear|secure|monitor|assess|escape|flee|move|stay)\b"
)

_PLACE_PREPOSITIONS = (
    "outside", "inside", "under", "behind", "beyond", "across", "along", "around", "near", "next to", "into", "onto",
)  # fmt: skip
_POSTPOSED_ADJECTIVES = (
    "separate", "different", "major", "main", "whole", "entire", "central", "northern", "southern", "eastern",
    "western", "new", "old", "big", "large", "modern", "former", "temporary",
)  # fmt: skip
# Words between an article and "new of" that make English ("a whole new of" is not a noun).
_NOT_POSTPOSED_HEADS = (
    "more|most|less|least|far|further|two|three|only|same|brand|very|so|too|quite|all|grand|whole|entire"
)
# Vietnamese crop seasons (đông xuân, hè thu): English puts them before the crop.
_SEASON_PAIR = r"(?:winter|spring|summer|autumn|dry|wet|rainy)-(?:winter|spring|summer|autumn|season)"
_CROPS = (
    r"(?:rice|paddy|coffee|maize|corn|wheat|cassava|sugarcane|tea|cotton|soybeans?|potato(?:es)?|"
    r"vegetables?|fruit|crops?|harvest|planting|sowing)"
)
# Verbs that need their object after them: a name, the object and an infinitive before
# them mark a verb-final clause ("Collector X schools to close by 11 am has ordered").
_OBJECT_CONTROL = r"ordered|directed|instructed|urged|told|forced|compelled|allowed|permitted|asked"
# Manner adverbs English puts between the auxiliary and the participle ("was strictly controlled").
_MANNER_ADVERBS = (
    r"strictly|tightly|heavily|severely|seriously|badly|completely|fully|partially|carefully|closely|"
    r"quickly|rapidly|slowly|temporarily|permanently|illegally|properly|regularly|widely"
)
# Verbs of moving things whose object a translation leaves after a place phrase ("pulled out
# of snowdrifts 14 cars"); the object is a number and a plural noun.
_MOVING_VERBS = (
    r"pulled|rescued|evacuated|removed|brought|delivered|towed|freed|recovered|seized|confiscated|"
    r"transported|carried|dragged|lifted|airlifted|collected|withdrew|withdrawn"
)
_NOT_OBJECT_NOUNS = (
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times?|percent|per|km|kilometres?|kilometers?|"
    r"miles?|metres?|meters?|am|pm|a\.m|p\.m|or|and|to|of)\b"
)


@dataclass(frozen=True, slots=True)
class GarblePattern:
    """One ungrammatical sequence, what is wrong with it and how to repair it."""

    source: str  # the regular expression, compiled on first use: most articles need few
    problem: str
    repair: Callable[[re.Match[str]], str] | None
    # Literal text every match contains: a sentence holding none of them is not searched.
    cues: tuple[str, ...] = ()
    certain: bool = False  # the repair only deletes the garble: offer it as unsafe, not display-only
    # Also inside quotations: no speaker says it, so a quote holding it was machine-translated.
    in_quotes: bool = False
    # A test of the match that the regex cannot make (a word's frequency): None accepts all.
    accept: Callable[[re.Match[str]], bool] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.source)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


def _is_there(m: re.Match[str]) -> str:
    return m.group("verb")


def _recent(m: re.Match[str]) -> str:
    adverb = m.group("adv").lower()
    when = {"recently": "a recent", "yesterday": "yesterday's", "today": "today's"}.get(adverb)
    if when is None:
        return f"{m.group('verb')} in the {m.group('noun')}"
    return f"{m.group('verb')} in {when} {m.group('noun')}"


def _rejected(m: re.Match[str]) -> str:
    particle = m.group("particle") or ""
    return f"{m.group('verb')} the {m.group('noun')} to {m.group('inf')}{particle}"


def _closest(m: re.Match[str]) -> str:
    return f"{m.group('head')} {m.group('sup')} to the {m.group('noun')}"


def _predicate(m: re.Match[str]) -> str:
    return f"{m.group('subject')} {m.group('be')} {m.group('adj')}"


def _verb_final(m: re.Match[str]) -> str:
    return f"that {m.group('verb')} {m.group('body').strip()}"


def _comma_that(m: re.Match[str]) -> str:
    return f"{m.group('verb')} that"


# Verbs and predicate adjectives that take a that-clause ("said that", "is clear that").
_THAT_CLAUSE_HEADS = (
    r"is|was|said|says|stated|explained|announced|stressed|emphasi[sz]ed|believes?|believed|thinks?|thought|"
    r"hopes?|hoped|knows?|knew|means|meant|shows?|showed|shown|clear|important|certain|sure|possible|likely|"
    r"true|obvious|added|noted|argued|claimed|warned|admitted|confirmed|insisted|estimated|feared"
)
# What opens the subject of a that-clause: "said, that the", "is, that patients".
_CLAUSE_SUBJECT = (
    r"(?:the|a|an|his|her|its|their|our|my|he|she|it|they|we|you|i|there|these|those|no|some|many|most|all|"
    r"(?!(?:is|was|has|does|this|thus|as|us|its)\b)[a-z]+s\b|[A-Z][a-z]+)"
)


def _dative_to(m: re.Match[str]) -> str:
    return f"{m.group('verb')} {m.group('object')} to {m.group('inf')}"


def _is_past_of_verb(word: str) -> bool:
    """ "saved", "scored", "opened": a past tense whose verb is a common word ("indeed" is not)."""
    stems = (word[:-1], word[:-2], word[:-3] if word[-3:-2] == word[-4:-3] else "")
    return any(zipf(stem) >= 3.0 for stem in stems if len(stem) >= 3)


def _opening(text: str) -> str:
    """``text`` as the start of a sentence: its first letter capitalised, the rest as written."""
    return text[:1].upper() + text[1:]


def _verb_first(m: re.Match[str]) -> str:
    return f"{_opening(m.group('subject'))} {m.group('verb').lower()}"


def _passive_first(m: re.Match[str]) -> str:
    rest = m.group("rest").strip()
    return f"{_opening(m.group('subject'))} {m.group('aux').lower()} {m.group('verb')} {rest}"


def _voters_first(m: re.Match[str]) -> str:
    thing = m.group("object")
    return f"{_opening(m.group('voters'))} {m.group('verb')} {thing[:1].lower()}{thing[1:]}{m.group('rest')}"


# Bodies that vote: "approved the town council by 21 votes" makes them the object.
_VOTING_BODIES = (
    r"[Cc]ouncil|[Pp]arliament|[Aa]ssembly|[Ss]enate|[Cc]ommittee|[Bb]oard|[Cc]hamber|[Ll]egislature|[Cc]abinet"
    r"|[Cc]ongress|shareholders|councillors|councilors|deputies|lawmakers|legislators|members|MPs|senators"
)
# Verbs that Romance, Germanic and Slavic sources put before their subject after a fronted
# adverbial ("In the men's class won Jonas Öberg"); English inverts only "be" and verbs of
# place or arrival ("Among the dead were", "In the corner stood a piano", "After the storm came").
_INVERTED_VERBS = (
    r"won|finished|collapsed|exploded|occurred|happened|died|began|started|ended|erupted|opened|closed"
    r"|took place|broke out|(?:will|would|can|could|must|should|may) (?!(?:be|have|not)\b)[a-z]{3,}"
)
# After a preposition's own determiner, no second one: "In the first half the visitors opened"
# has its subject before the verb.
_PHRASE_NO_DETERMINER = (
    r"(?:(?!\b(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your|who|which|and|or|but|he|she|it"
    r"|they|we|I|you|had|has|have|was|were|is|are|be)\b)[^.;:?!,])"
)
# What a fronted prepositional phrase may hold before the verb: no clause of its own.
_PHRASE_WORDS = r"(?:(?!\b(?:who|which|that|and|or|but|he|she|it|they|we|I|you|had|has|have|was|were|is|are|be)\b)[^.;:?!,])"
# Passive verbs of intention that Turkish, Japanese and Korean put last, after the infinitive.
_INTENDED = r"planned|expected|intended|envisaged|foreseen|scheduled|aimed|targeted"
# Verbs that take no object, so "More rain to come is expected" has nothing moved before them.
_NO_OBJECT = r"be|come|go|follow|happen|arrive|continue|remain|return|appear|occur|emerge"


def _change_verb_last(m: re.Match[str]) -> str:
    return f"{m.group('verb')} {m.group('change')}"


# Verbs of a change in amount: English puts them before "by 40 percent", German after.
_CHANGE_VERBS = (
    r"fell|rose|dropped|declined|increased|decreased|grew|sank|climbed|jumped|slumped|plunged|soared|"
    r"shrank|slipped|gained|lost"
)


def _time_after_amount(m: re.Match[str]) -> str:
    return f"{m.group('be')} {m.group('amount')} {m.group('unit')} {m.group('time')}"


_AMOUNT = (
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
)


def _be_amount(m: re.Match[str]) -> str:
    return f"{m.group('be')} {m.group('adverb') or ''}{m.group('amount')}"


def _subject_first(m: re.Match[str]) -> str:
    return f"{m.group('adverbial')} {m.group('subject')} {m.group('aux')}"


def _noun_adjective(m: re.Match[str]) -> str:
    return f"{m.group('det')} {m.group('adj')} {m.group('noun')} of"


PATTERNS = (
    GarblePattern(
        # German and Dutch put the verb second after a time phrase: "Seit letztem Jahr hat die Firma".
        # English inverts only after negative or restrictive openers ("Never had", "Only then has").
        r"^(?P<adverbial>(?:Since|In|After|Before|During|For|Over|Until|Last|This|Next|Yesterday|Today|Then"
        r"|Already|Now)\b[^,.;:?!]{0,30}?) (?P<aux>had|has|have) (?P<subject>(?:the|its|their|his|her|our) [a-z]+)\b",
        "auxiliary `{aux}` before its subject `{subject}`",
        _subject_first,
        cues=(
            " had the ",
            " has the ",
            " have the ",
            " had its ",
            " has its ",
            " had their ",
            " have their ",
        ),
        accept=lambda m: "?" not in m.string,
    ),
    GarblePattern(
        # Polish, Czech, German and Russian can open on the object: "Podwyżkę zatwierdziła rada
        # gminy" becomes "The increase approved the council by 21 votes"; a voting body that
        # votes is the subject, never the object.
        r"^(?P<object>(?:The|A|An|Its|Their|This) (?:[a-z]+ ){0,5}?[a-z]+) "
        r"(?P<verb>approved|adopted|rejected|endorsed|backed|accepted) "  # not "The bill passed the Senate"
        rf"(?P<voters>the (?:[A-Za-z]+ )?(?:{_VOTING_BODIES})|(?:{_VOTING_BODIES}))"
        r"(?P<rest>(?: (?:on|in|at|last|this|after|late|early|[A-Z][a-z]+|[a-z]+day|\d+))*"
        r" by (?:\d+|[a-z]+) votes?)\b",
        "voting body `{voters}` placed after `{verb}` as its object",
        _voters_first,
        cues=(" votes",),
    ),
    GarblePattern(
        # A verb straight after a fronted adverbial and its comma: "On the morning of 14 October,
        # collapsed the false ceiling" (Italian "è crollato il controsoffitto").
        rf"^(?P<adverbial>(?:On|In|At|During|After|Before|Since|From|Yesterday|Today|Last|This|Early|Late)\b"
        rf"{_PHRASE_WORDS}{{2,60}}), (?P<verb>{_INVERTED_VERBS}) "
        r"(?P<subject>(?:the|a|an|two|three|four|five|six|several|many|some) [a-z]+|[A-ZÀ-Þ][\w'’-]+ [A-ZÀ-Þ][\w'’-]+)",
        "verb `{verb}` placed before its subject after the opening phrase",
        None,
        cues=(", ",),
    ),
    GarblePattern(
        # The same without the comma, after a phrase that can only be a preposition's:
        # "On the new line will run trams", "In the men's class won Jonas Öberg".
        r"^(?P<adverbial>(?:On|In|At|During|Along|Across|Within|Inside|Outside|Near|Throughout) "
        rf"(?:the|a|an|this|that|its|their|his|her) {_PHRASE_NO_DETERMINER}{{1,30}}?) (?P<verb>{_INVERTED_VERBS}) "
        r"(?P<subject>(?:the|a|an|two|three|four|five|six|several|many|some) [a-z]+"
        r"|[A-ZÀ-Þ][\w'’-]+ [A-ZÀ-Þ][\w'’-]+|[a-z]{3,}s\b)(?! by\b)",
        "verb `{verb}` placed before its subject after the opening phrase",
        None,
        cues=tuple(
            f"{w} "
            for w in (
                "On",
                "In",
                "At",
                "During",
                "Along",
                "Across",
                "Within",
                "Inside",
                "Outside",
                "Near",
                "Throughout",
            )
        ),
    ),
    GarblePattern(
        # Dutch and German end a subordinate clause on its verbs: "omdat het voor de vrijdagen
        # geen invallers meer kon vinden" becomes "because it for the Fridays no substitutes
        # more could find". In English the pronoun is followed by its verb.
        r"\b(?P<conj>because|that|when|if|although|while|as) (?P<subject>it|he|she|they|we) "
        r"(?P<middle>(?:for|from|with) (?:the|a|an|this|these|its|their|his|her|our) [^,.;:]{1,50}?) "  # not "we in the West"
        r"(?P<modal>could|can|would|will|must|should|may|might) (?P<verb>[a-z]+)(?=[.,;])",
        "verbs `{modal} {verb}` placed at the end of the clause after `{conj} {subject}`",
        None,
        cues=(
            " it for ",
            " it in ",
            " it on ",
            " it at ",
            " it from ",
            " it with ",
            " it to ",
            " he ",
            " she ",
            " they ",
            " we ",
        ),
    ),
    GarblePattern(
        # Chinese wire copy's "据了解" ("it is understood"), word for word: no English writer
        # says "according to understanding".
        r"\b(?P<formula>[Aa]ccording to (?:the )?(?:understanding|understand|knowledge|learn(?:ing|ed)?))(?=[,:] )",
        "translated wire formula `{formula}`",
        None,
        cues=(
            "ccording to understand",
            "ccording to the understand",
            "ccording to knowledge",
            "ccording to learn",
        ),
        in_quotes=True,
    ),
    GarblePattern(
        # Portuguese "faz três semanas que", Spanish "hace tres semanas que", French "ça fait trois
        # semaines que": English says "for three weeks" with a perfect tense.
        r"\b(?P<formula>[Ii]t makes (?:(?:about|almost|nearly|over|more than) )?(?:\w+|\d+) (?:days|weeks|months|years|decades) that)\b",
        "translated time phrase `{formula}`",
        None,
        cues=("t makes ",),
        in_quotes=True,
    ),
    GarblePattern(
        # Arabic "وأضاف وقال" ("and he added and said"): two verbs of speech for one statement.
        r"\b(?P<formula>(?:he|she|they|He|She|They) (?:added|continued|went on) and said)\b",
        "two verbs of speech `{formula}`",
        None,
        cues=(" added and said", " continued and said", " went on and said"),
        in_quotes=True,
    ),
    GarblePattern(
        # Chinese wire copy opens on "记者从…获悉" ("the reporter learned from"): English
        # news names its source and never calls its own writer "the reporter".
        r"\b(?P<formula>(?:The|the|This|this|Our|our) (?:reporter|correspondent)s? (?:learned|learnt|has learned"
        r"|has learnt|was informed) from)(?= (?:the )?(?:[a-z]+ ){0,3}(?:commission|bureau|department|ministry|office"
        r"|government|committee|authority|authorities|administration|agency|police|hospital|court|association)\b)",
        "translated wire formula `{formula}`",
        None,
        cues=("reporter", "correspondent"),
    ),
    GarblePattern(
        # Romance languages put a that-clause after "want": "quiere que el programa se amplíe"
        # becomes "wants that the programme to be extended". "that" before "the" is no demonstrative.
        r"\b(?P<verb>wants?|wanted|wish(?:es|ed)?|prefers?|preferred) (?P<that>that )"
        r"(?P<object>(?:the|a|an|his|her|their|its|our|this|these) [^,.;:]{1,40}?) to (?P<inf>[a-z]+)\b"
        # "wished that the return to normal would come": a that-clause with its own verb
        r"(?![^.;:]*\b(?:would|will|could|should|can|may|might|had|has|have|is|are|was|were)\b)",
        "`that` between `{verb}` and its object",
        lambda m: f"{m.group('verb')} {m.group('object')} to {m.group('inf')}",
        certain=True,
        cues=(
            " that the ",
            " that a ",
            " that an ",
            " that his ",
            " that her ",
            " that their ",
            " that its ",
            " that our ",
            " that this ",
            " that these ",
        ),
    ),
    GarblePattern(
        # Romanian, Arabic and Hebrew repeat the object in a relative clause: "which the council
        # introduced it in 2023". Verbs that take "it" and a complement ("deemed it necessary")
        # or a second object ("gave it") are left alone.
        r"\bwhich (?:the|a|an|his|her|its|their) [a-z]+ (?P<verb>(?!(?:deem|consider|call|nam|judg|believ|hand|"
        r"promis|grant|allow|ask|want|need|lik|prefer|expect|show|offer|ow|pay|lend|send|order|urg|requir|forc"
        r"|instruct|encourag|invit|authori[sz]|oblig|compell|permitt|enabl|advis|press|persuad|direct|tell)ed\b)"
        r"[a-z]{3,}ed) "
        r"(?P<it>it)(?=[,.;]| (?:in|on|at|last|this|for|after|before|during|with|to)\b)",
        "object `it` repeated in the relative clause after `{verb}`",
        lambda m: m.group()[: m.start("it") - m.start() - 1],
        certain=True,
        cues=("which ",),
    ),
    GarblePattern(
        # Slavic languages have no articles: "Head of regional military administration said".
        r"^(?:[A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z .]+)? [—–-]+ )?"  # after a dateline: "POLTAVA, Ukraine — "
        r"(?P<garble>(?P<role>Head|Chairman|Chairwoman|Director|Chief|Mayor|Governor|Spokesman|Spokeswoman) of "
        r"(?!the\b)(?P<rest>(?:[a-z]+ ){1,4})(?P<verb>said|says|told|announced|added|stated))\b",
        "no article before `{role} of`",
        lambda m: f"The {m.group('role').lower()} of {m.group('rest')}{m.group('verb')}",
        cues=(" of ",),
        accept=lambda m: m.string.rstrip().endswith("."),  # a headline drops its articles
    ),
    GarblePattern(
        # Spanish, Portuguese and Italian put an article before a percentage: "el 70% de".
        # "the 70% of voters who backed it" picks out a group and is English.
        r"\b(?P<the>[Tt]he )(?P<share>\d+(?:[.,]\d+)? ?(?:%|per ?cent|percent)) of\b"
        # "the 2% of GDP target" names a target: the percentage modifies a noun after it
        r"(?![^.;]{0,40}\b(?:who|that|which|target|goal|threshold|limit|cap|ceiling|rule|benchmark|level|mark)\b)"
        r"(?! (?:GDP|gross|[A-Z]{2,})\b)",
        "article `the` before the percentage `{share}`",
        lambda m: f"{m.group('share')} of",
        cues=("% of", "cent of"),
    ),
    GarblePattern(
        # Arabic opens on the verb of speech: "Said the founder of the company, Lina Haddad, that".
        r"^(?P<verb>Said|Stated|Added|Confirmed|Explained|Announced|Stressed) "
        r"(?P<subject>(?:the|a|an) [^,.;:\"“”]{3,80}?)(?:, (?P<name>[A-Z][^,]{2,40}),)? that\b",
        "verb `{verb}` placed before its subject `{subject}`",
        None,
        cues=("Said ", "Stated ", "Added ", "Confirmed ", "Explained ", "Announced ", "Stressed "),
    ),
    GarblePattern(
        # Italian, Spanish and Portuguese drop the subject: "È un vulcano che" becomes "Is a
        # volcano that". A statement (not a question) cannot open on "Is".
        # "Were the plan to fail" and "Were a deal to collapse" are conditionals: not "Were".
        r"^(?:(?:No|Yes)\. )?(?P<verb>Is|Was|Are) (?:a|an|very|also|still|not) [a-z]",
        "sentence opens on `{verb}` without a subject",
        None,
        cues=("Is ", "Was ", "Are "),
        accept=lambda m: m.string.rstrip().rstrip("\"'”’").endswith("."),
    ),
    GarblePattern(
        # Turkish, Japanese and Korean put the object before the verb at the end: "The opposition
        # parties the vote boycotted."
        r"^(?P<subject>(?:The|A|An|Its|Their) [a-z]+(?: [a-z]+){0,2}) (?P<object>(?:the|a|an|its|their) [a-z]+"
        r"(?: [a-z]+)?) (?P<verb>[a-z]{3,}ed)(?=\.|, (?!according\b)[a-z]+ing\b)",
        "verb `{verb}` placed after its object `{object}`",
        lambda m: f"{m.group('subject')} {m.group('verb')} {m.group('object')}",
        cues=("ed.", "ed, "),
    ),
    GarblePattern(
        # German and Dutch end a subordinate clause on participle and auxiliary: "because the
        # neighbours the smell to the police reported had".
        r"\b(?P<conj>because|that|when|after|although|since|if|while) (?:the|a|an|his|her|their|its|our) "
        r"[^,.;:]{3,60}? (?P<part>[a-z]{3,}ed) (?P<aux>had|have|has)(?=[.,;])",
        "participle and auxiliary `{part} {aux}` placed at the end of the clause",
        None,
        cues=("ed had", "ed have", "ed has"),
    ),
    GarblePattern(
        # Turkish, Japanese and Korean end the sentence on the verb of intention:
        # "kapasitesinin artırılması planlanıyor" becomes "capacity to raise is planned."
        # after the object it belongs to ("containers to raise"), not "whether to appeal is expected"
        rf"(?<=[a-z]s )(?P<inf>to (?!(?:{_NO_OBJECT})\b)[a-z]{{3,}}) (?P<be>is|are|was|were) (?P<intended>{_INTENDED})(?=\.)",
        "infinitive `{inf}` placed before `{be} {intended}` at the end of the sentence",
        None,
        cues=tuple(f" {word}." for word in _INTENDED.split("|")),
    ),
    GarblePattern(
        # Italian, Spanish and French give a size with "of": "era di 1.100 posti", "era de 1.100 plazas".
        r"(?<=[a-z] )(?P<be>is|was|were|are) (?P<adverb>[a-z]+ly )?of (?P<amount>\d[\d,.]* [a-z]+s)\b",
        "`{be} of` before the amount `{amount}`",
        _be_amount,
        cues=(" of ",),
    ),
    GarblePattern(
        # German and Dutch put the time before the amount: "war im letzten Jahr elf Wochen".
        r"\b(?P<be>is|was|were|are) (?P<time>(?:last|this|next) (?:year|month|week|season|summer|winter|spring|autumn))"
        rf" (?P<amount>{_AMOUNT}) (?P<unit>[a-z]+s|percent|per cent)\b(?!')",
        "time `{time}` placed between `{be}` and its amount",
        _time_after_amount,
        cues=("last ", "this ", "next "),
    ),
    GarblePattern(
        # German puts the verb of a subordinate clause last: "nachdem die Aufträge um 40 Prozent sanken".
        r"\b(?P<change>by (?:almost |about |nearly |some |around |roughly |more than |over |up to )?"
        r"\d+(?:[.,]\d+)? ?(?:per ?cent|percent|%|percentage points?)) (?P<verb>" + _CHANGE_VERBS + r")"
        r"(?=[,.;]| (?:and|but|while|after|as|because|blaming|citing)\b)",  # the clause ends on the verb
        "verb `{verb}` placed after `{change}`",
        _change_verb_last,
        cues=("by ",),
    ),
    GarblePattern(
        # Italian and Spanish open on the passive verb: "Sono stati portati in ospedale 14 persone".
        r"^(?P<aux>Was|Were) (?P<verb>[a-z]{3,}(?:ed|en)) (?P<rest>(?:[a-z]+ ){1,4}?)"
        r"(?P<subject>(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen|twenty|dozens of|hundreds of|thousands of|several|many) [a-z]+)(?=[,.])",
        "passive verb `{aux} {verb}` before its subject",
        _passive_first,
        cues=("Was ", "Were "),
    ),
    GarblePattern(
        # Spanish and Italian put the subject after the verb: "Salvó el portero Iker ...".
        r"^(?P<verb>[A-Z][a-z]{2,}ed) (?P<subject>the (?:[A-Z][a-z]+ )?[a-z]+ "
        r"[A-Z][a-z]+(?: (?:de |da |di |del |van |von |van der |van den )?[A-Z][a-z]+)+)(?= (?:[a-z]|\d))",
        "verb `{verb}` before its subject `{subject}`",
        _verb_first,
        cues=("ed the ",),
        accept=lambda m: _is_past_of_verb(m.group("verb").lower()),
    ),
    GarblePattern(
        # French "permettre à quelqu'un de", Italian "permettere a", Spanish "permitir a".
        r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )"
        r"\b(?P<verb>permitted|allowed|enabled|forbade|forbidden|prevented|obliged|authori[sz]ed|allows?|enables?"
        r"|(?:(?<=will )|(?<=would )|(?<=can )|(?<=could )|(?<=may )|(?<=might )|(?<=must )|(?<=should )"
        r"|(?<=not )|(?<=to ))permit)"  # "permits" and "a permit" are nouns
        r" to (?P<object>(?:the|a|an|his|her|its|their|our|many|some) [a-z]+|[a-z]{3,}s) to (?P<inf>[a-z]+)\b",
        "`to` before the object of `{verb}`",
        _dative_to,
        in_quotes=True,
        cues=("permit", "allow", "enable", "forb", "prevented", "obliged", "authori"),
    ),
    GarblePattern(
        # German, Dutch, Polish and Russian put a comma before "dass", "dat", "że", "что".
        rf"(?<!\bthat )\b(?P<verb>{_THAT_CLAUSE_HEADS}), that (?={_CLAUSE_SUBJECT} [a-z])",  # not "that is,"
        "comma before the `that` clause after `{verb}`",
        _comma_that,
        certain=True,
        cues=(", that ",),
    ),
    GarblePattern(
        # Not the passive "Nowhere is there said to be a better view".
        rf"(?<=[A-Za-z] )(?P<be>is|was|are|were) there (?P<verb>{_REPORTING})\b(?! to\b)",
        "finite verb after `{be} there`",
        _is_there,
        certain=True,
        cues=(" there ",),
    ),
    GarblePattern(
        (
            rf"\b(?P<verb>{_REPORTING}) (?:this|that|these) (?P<adv>recently|yesterday|today|earlier|lately)"
            r" (?:the|a|an) (?P<noun>[a-z]+)\b"
        ),
        "reporting verb followed by a demonstrative, an adverb and an article",
        _recent,
        cues=(" recently ", " yesterday ", " today ", " earlier ", " lately "),
    ),
    GarblePattern(
        (
            r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )"
            r"\b(?P<verb>rejected|dismissed|ignored) to (?P<inf>[a-z]+)"
            r"(?P<particle> (?:down|up|out|off|away|back|aside))? the (?P<noun>[a-z]+)\b"
        ),
        "infinitive placed before the object of `{verb}`",
        _rejected,
        cues=("rejected to ", "dismissed to ", "ignored to "),
    ),
    GarblePattern(
        (
            r"\b(?P<head>[a-z]+s) to the (?P<noun>[a-z]+) (?P<sup>closest|nearest)"
            rf"(?=[,.;]| to {_BASE_AFTER_TO})"
        ),
        "superlative `{sup}` stranded after its noun",
        _closest,
        cues=(" closest", " nearest"),
    ),
    GarblePattern(
        (
            rf"\b(?<=that |this )(?P<be>is|was|are|were) (?P<adj>{_PREDICATE_ADJECTIVES}) "
            r"(?P<subject>(?:the|its|their) [a-z]+(?: [a-z]+){0,3})(?=[,.;])"
        ),
        "predicate adjective `{adj}` placed before its subject",
        _predicate,
        cues=tuple(f"{d} {be} " for d in ("that", "this") for be in ("is", "was", "are", "were")),
    ),
    GarblePattern(
        (
            rf"\bthat (?P<body>(?:more|most|much|less|part|some) of {_NO_AUX_WORDS}{{1,8}}?)"
            rf"(?P<verb>{_TRANSITIVE_FINAL})(?=\.)"
        ),
        "verb `{verb}` placed at the end of its clause",
        _verb_final,
        cues=tuple(f"that {q} of " for q in ("more", "most", "much", "less", "part", "some")),
    ),
    GarblePattern(
        (
            rf"\bthat (?P<body>(?:{'|'.join(_PLACE_PREPOSITIONS)}) {_NO_AUX_WORDS}{{1,8}}?)(?P<verb>[a-z]{{3,}}ed)(?=\.)"
        ),
        "verb `{verb}` placed at the end of its clause",
        _verb_final,
        cues=tuple(f"that {p} " for p in _PLACE_PREPOSITIONS),
    ),
    GarblePattern(
        (
            rf"\b(?P<det>[Aa]|[Aa]n|[Tt]he) (?!(?:{_NOT_POSTPOSED_HEADS})\b)"
            rf"(?P<noun>[a-z]+) (?P<adj>{'|'.join(_POSTPOSED_ADJECTIVES)}) of\b"
        ),
        "adjective `{adj}` placed after its noun",
        _noun_adjective,
        cues=tuple(f" {a} of" for a in _POSTPOSED_ADJECTIVES),
    ),
    GarblePattern(
        # "the crop rice winter-spring": Vietnamese order, head noun first, season last
        rf"\b(?P<garble>(?:(?:crop|harvest|season) )?{_CROPS} (?P<season>{_SEASON_PAIR}))\b(?!-| {_CROPS}\b| season)",
        "season `{season}` placed after the crop it names",
        None,
        cues=tuple(f"-{s}" for s in ("spring", "summer", "autumn", "winter", "season")),
    ),
    GarblePattern(
        # "Collector Rakesh Choudhary schools to close by 11 am has ordered": object,
        # infinitive and verb in the order of Hindi, Japanese or Turkish
        rf"\b[A-Z][a-z]+ (?P<garble>(?:(?:the|all|its|his|her|their) )?[a-z]+ to [a-z]+\b[^.;,:\"“”]{{0,40}}? "
        rf"(?P<aux>has|have|had) (?P<verb>{_OBJECT_CONTROL}))(?= and\b|[.,;])",
        "verb `{aux} {verb}` placed after its object",
        None,
        cues=tuple(f" {v}" for v in ("has", "have", "had")),
    ),
    GarblePattern(
        # "the pumping strictly was controlled": the adverb before the auxiliary
        rf"\b(?P<garble>(?P<adv>{_MANNER_ADVERBS}) (?P<aux>was|were|is|are) (?P<part>[a-z]{{3,}}ed))\b",
        "adverb `{adv}` placed before the auxiliary `{aux}`",
        lambda m: f"{m.group('aux')} {m.group('adv')} {m.group('part')}",
        cues=("ly was ", "ly were ", "ly is ", "ly are "),
    ),
    GarblePattern(
        # "pulled out of snowdrifts 14 cars": the object after a place phrase
        rf"\b(?P<garble>(?P<verb>{_MOVING_VERBS}) (?P<place>(?:out of|from|into|onto|to|off) (?:the )?[a-z]+(?: [a-z]+)?) "
        # a heavy object with a relative clause may follow the place phrase in English
        rf"(?P<object>\d[\d,]* (?!{_NOT_OBJECT_NOUNS})[a-z]+s))\b(?!,? (?:who|whom|whose|which|that)\b)",
        "object `{object}` placed after the place phrase",
        lambda m: f"{m.group('verb')} {m.group('object')} {m.group('place')}",
        cues=tuple(f"{p} " for p in ("out of", "from", "into", "onto", "to", "off")),
    ),
)


@rule(
    code="MT201",
    name="garbled-word-order",
    category=Category.GARBLE,
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    flag=(
        "The minister said this recently the interview that exports rose.",
        "Shin is there said that aid was sent.",
        "Club president Dieter Brandt rejected to step down the calls.",
        "Police went door to door in the subdivisions to the fire closest to make sure.",
        "Some farmers switched crops, but that was small the market for them.",
        "Ferries, which use a part separate of the port, were not affected.",
        "He marked a cross that outside the box next to his name strayed.",
        "The aim is, that patients in future earlier an appointment receive.",
        "The minister stressed, that the plans will cost less.",
        "The minister said, that the plan would cost less.",
        "Saved the goalkeeper Iker Salvatierra two of the penalties.",
        "Scored the Dutch striker Pieter de Wit the only goal.",
        "Were taken to hospital fourteen people.",
        "Since last year had the company heavy losses suffered.",
        "It cut its forecast after orders in the second quarter by almost 40 percent fell.",
        "The average wait was last year eleven weeks.",
        "The hall was originally of 1,100 seats.",
        "The delay was of 20 minutes.",
        "The levy will permit to homeowners to claim a refund.",
        "Cleaner water has permitted to the otter to come back.",
        "The new rules allow to the clubs to sign more players.",
        "“The clean water has permitted to the otter to come back,” she said.",
        "Sea ice loss exposes darker water that more of the sun's heat absorbs.",
        "The building new of the school, a two-storey block, opened in May.",
        "Growers had sold most of the crop coffee summer-autumn before prices fell.",
        "Governor Ana Ruiz all shops to close at noon has ordered, officials said.",
        "Police Chief Lee Min residents to stay indoors have urged and closed roads.",
        "Officials said that fishing in the lake strictly was banned.",
        "Crews pulled out of the river 12 bodies and towed from the road 30 cars.",
    ),
    pass_=(
        "Is there anything left to say? Little, she said.",
        "Nowhere is there said to be a better view.",
        "The offer was rejected to the dismay of the union.",
        "She sat next to the one closest to the door.",
        "He said that was small comfort.",
        "It is a body independent of government.",
        "She said that outside the city the roads were closed.",
        "He said, that is, that the plan would cost less.",
        "It was clear, that day, how tired they were.",
        "They must show a duty of care, that the duty was breached, and that it caused harm.",
        "With a camera, that is worth something.",
        "Asked the minister, Anna Berg said no. Based in the Basque Country, the club grew.",
        "Founded the same year as Real Madrid, the club never won.",
        "Were the plan to fail, the two people would pay. Was it worth the money?",
        "Orders fell by almost 40 percent in the quarter, and prices rose by 2% over the year.",
        "The average wait was eleven weeks last year, and this year is two weeks shorter.",
        "The hall had a capacity of 1,100 seats, and the council was of two minds.",
        "Asked about the plan, she said, that is a question for the board.",
        "He said, that was all he could do. Indeed the chairman John Smith had warned of this.",
        "The state grants permits to farmers to use river water.",
        "He is this season one of only three players to score. She was last year one of the judges.",
        "Stocks were boosted by 5 percent increased demand.",
        "Born in Leeds in 1961. Was named captain of the year.",
        "Never had the company lost so much. Only since May has the firm grown.",
        "Since when has the company made a loss?",
        "Was taken by surprise the only way to describe it? Were given to the poor the old coats?",
        "She was allowed to the stage to speak, and troops were sent to the front to fight.",
        "Fans were allowed into the ground, and the fee allowed the club to grow.",
        "It is a whole new of world; the brand new of course was built. The old of age.",
        "The winter-spring rice crop was planted in the dry-season fields, rice spring-summer crops too.",
        "Schools ordered to close by Minister Ana Ruiz have reopened, and what the court has ordered.",
        "Mr Lee wanted schools to close, as the governor has ordered.",
        "It really was finished. The results are strictly confidential, and it was strictly limited.",
        "Crews moved to the area 20 years ago, and returned to Kyiv 3 times in 12 months.",
        "Divers brought to the surface 14 miners who had been trapped for a week.",
    ),
)
def garbled_word_order(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags word orders that edited English never uses and that machine translation
    leaves behind: a verb after "is there" ("Shin is there said"), a reporting verb
    followed by a demonstrative, an adverb and an article ("said this recently the
    interview"), a comma between a reporting verb and its that-clause ("said, that the
    plan"), a sentence opening on a past-tense verb before its named subject ("Saved the
    goalkeeper Iker Salvatierra two penalties") or on a passive verb before its subject
    ("Were taken to hospital fourteen people"), a perfect auxiliary before its subject after
    a time phrase ("Since last year had the company"), a verb of change after its amount ("orders
    by almost 40 percent fell") or a time before the amount ("was last year eleven weeks"),
    `to` before the object of "allowed" or "permitted" ("permitted to the otter to
    come back"), an infinitive before the object it belongs to ("rejected to step down
    the calls"), a superlative or a predicate adjective stranded after its noun ("to the
    fire closest", "that was small the market", "a part separate of"), a voting body placed
    after its verb as if it were the object ("The increase approved the council by 21
    votes"), an infinitive before a passive verb of intention that ends the sentence
    ("capacity to raise is planned."), a verb before its subject after a fronted phrase
    ("In the men's class won Jonas Öberg", "On the new line will run trams"), the verbs of a
    subordinate clause placed last ("because it for the Fridays no substitutes more could
    find"), the Chinese wire formula "The reporter learned from", `that` after "wants" before
    an infinitive ("wants that the programme to be extended"), an object repeated in a
    relative clause ("which the council introduced it"), a missing article before "Head of"
    ("Head of regional administration said"), an article before a percentage ("the 70% of"),
    a verb of speech before its subject ("Said the founder, Lina Haddad, that"), a statement
    opening on "Is" with no subject ("Is a volcano that"), a verb after its object at the end
    ("The parties the vote boycotted.") and a clause ending on participle and auxiliary
    ("because the neighbours the smell to the police reported had").

    ## Why is this bad
    Translation software keeps the word order of the source language; the sentence
    becomes hard or impossible to read.

    ## Example
    `Shin is there said` -> `Shin said`

    ## Fix safety
    Display-only: the most likely reordering is shown, never applied, because the
    intended meaning needs an editor. Unsafe where the repair only deletes the stray
    words ("Shin is there said" -> "Shin said").
    """
    # Each pattern with the cues the document holds: a sentence can only hold those.
    active = []
    for pattern in PATTERNS:
        present = tuple(filter(doc.text.__contains__, pattern.cues))
        if present:
            active.append((pattern, present, pattern.regex))
    if not active:
        return
    sentences = doc.sentences
    holding = [_sentences_holding(doc, present) for _, present, _ in active]
    for index in sorted(set().union(*holding)):
        sentence = sentences[index]
        text = doc[sentence]
        for (pattern, _, regex), held in zip(active, holding, strict=True):
            if index not in held:
                continue
            # A pattern may match context it does not flag: its "garble" group says what it flags.
            flagged = "garble" if "garble" in regex.groupindex else 0
            for match in _finditer(regex, text):
                span = Span(sentence.start + match.start(flagged), sentence.start + match.end(flagged))
                if (doc.in_quote(span) and not pattern.in_quotes) or doc.is_ignored(span):
                    continue
                if pattern.accept is not None and not pattern.accept(match):
                    continue
                problem = pattern.problem.format(**match.groupdict())
                fix = None
                if pattern.repair is not None:
                    repaired = pattern.repair(match)
                    make = Fix.unsafe if pattern.certain else Fix.display_only
                    fix = make(f"Rewrite as `{repaired}`", Edit(span, repaired))
                yield Violation(span, f"Garbled word order: {problem}", fix)


def _sentences_holding(doc: Document, cues: tuple[str, ...]) -> set[int]:
    """The indexes of the sentences that hold one of ``cues`` whole.

    The cues are found in the text (a few places) instead of being looked for in every
    sentence; sentences are sorted and apart, so the one starting last before a cue is
    the only one that can hold it.
    """
    sentences = doc.sentences
    starts = doc.sentence_starts
    text = doc.text
    held: set[int] = set()
    for cue in cues:
        at = text.find(cue)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            if index >= 0 and at + len(cue) <= sentences[index].end:
                held.add(index)
            at = text.find(cue, at + 1)
    return held


def _finditer(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)``; a pattern opening with ``\\b`` tries only where its first letters are."""
    if regex.pattern.startswith(r"\b"):
        return finditer_where(regex, without_leading_boundary(regex), text)
    return regex.finditer(text)


_NOMINAL_HEAD_PREPOSITIONS = frozenset({"by", "of", "from", "for", "with", "on", "into", "about"})


def _nominal_opening(first: str, second: str) -> bool:
    """A noun heading a noun phrase ("Analysis by", "Summary of"), the shape MT leaves verbless.

    Verbless sentences of edited prose open otherwise ("Not the coffee shop, ...",
    "About 2.4 million pounds, ..."), so they stay clean.
    """
    lower = first.lower()
    if lower in FUNCTION_WORDS or lower in _NOT_NOUN_OPENERS or not first[:1].isupper():
        return False
    return second in _NOMINAL_HEAD_PREPOSITIONS and zipf(lower) >= 3.0


_ARTICLES = frozenset({"The", "A", "An"})
# Feature and sports writing opens verbless sentences with an article ("A blow for the
# government.", "The venue for the talks, a hotel on the lake."); a translation's verbless
# sentence carries the officialese of its source ("within the framework of").
_OFFICIAL_PHRASE_RE = re.compile(
    r"\b(?:(?:with)?in the framework of|in accordance with|for the purposes? of|on the basis of"
    r"|in connection with|in the field of)\b"
)
# Words after an article that head no noun phrase of their own: "The latest in a long line of".
_NOT_NOUN_HEADS = frozenset(
    {
        "first",
        "last",
        "next",
        "same",
        "only",
        "best",
        "worst",
        "other",
        "rest",
        "new",
        "old",
        "whole",
        "former",
    }
)


def _article_noun(word: str) -> bool:
    """A lower-case noun after a sentence's opening article ("The investment", "The flow")."""
    return (
        word.isalpha()
        and word.islower()
        and word not in FUNCTION_WORDS
        and word not in _NOT_NOUN_HEADS
        and not word.endswith(("est", "ly"))
        and zipf(word) >= 3.0
    )


_NOT_NOUN_OPENERS = frozenset(
    ["not", "also", "just", "only", "even", "some", "more", "most", "plus", "hence", "thus", "still", "yet"]
)

_SIGN_OFF_RE = re.compile(
    r"^(?:Additional reporting|Reporting|Editing|Writing|Compiled|Research|Graphics|Photos?|Video)\b", re.I
)


@rule(
    code="MT250",
    name="verbless-sentence",
    category=Category.FRAGMENT,
    severity=Severity.WARNING,
    flag=(
        "Officials doubt the deal will last. Analysis by the Institute for Strategic Studies, "
        "a think tank affiliated with the defence ministry.\n",
        "The ministry approved the plan. The investment, within the framework of the medium-term programme.\n",
    ),
    pass_=(
        "He arrived in 2002. Two years, he said. Three at the most.\n",
        "Additional reporting by Jane Doe in London and Sam Roe in Paris.\n",
        '"A disaster from start to finish, and a lesson for all of us here," she said.\n',
        "The plan was approved. Most residents, including the mayor, welcomed it.\n",
        "The bridge closed again. The latest in a long line of setbacks for the city.\n",
        "The fire spread fast. The cause of the fire, a faulty heater in the kitchen of the flat.\n",
        "The report is damning. A catalogue of failures by the police over a decade.\n",
    ),
)
def verbless_sentence(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a sentence of eight or more words with no finite verb that opens with a noun
    heading a phrase ("Analysis by", "Summary of"), in a paragraph that has other
    sentences: "Analysis by the Institute for National Security Strategy, a think
    tank affiliated with South Korea's top intelligence agency." Headlines, captions,
    datelines, list items, sign-offs ("Reporting by ...") and quotes are skipped.

    ## Why is this bad
    A noun phrase standing as a sentence is what is left when translation or a spinner
    drops the verb ("according to an analysis by ..."); the reader cannot tell what the
    sentence claims.

    ## Example
    `Analysis by the Institute for ..., a think tank ...` -> `..., according to an analysis by the Institute for ...`
    """
    facts = analyse(doc)
    tokens = facts.tokens
    starts = doc.token_starts

    paragraph_sentences: dict[int, int] | None = None
    for sentence in doc.sentences:
        # The cheap tests first: a long sentence whose second word is a preposition.
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        if last - first < 8:
            continue
        # "Analysis by ...", or with an article: "The investment, within the framework of ..."
        head = first + 1 if tokens[first].text in _ARTICLES else first
        if tokens[head + 1].text not in _NOMINAL_HEAD_PREPOSITIONS and not (
            head > first and doc.text[tokens[head].end : tokens[head + 1].start] == ", "
        ):
            continue
        text = doc[sentence]
        if not text.endswith("."):
            continue
        if paragraph_sentences is None:
            paragraph_sentences = {}
            for other in doc.sentences:
                key = doc.line_index(other.start)
                paragraph_sentences[key] = paragraph_sentences.get(key, 0) + 1
        if paragraph_sentences[doc.line_index(sentence.start)] < 2:
            continue
        if not all(facts.prose[first:last]) or _SIGN_OFF_RE.match(text):
            continue
        if any(ch in text for ch in '"“”:;()'):
            continue
        if head > first and not (_article_noun(tokens[head].text) and _OFFICIAL_PHRASE_RE.search(text)):
            continue  # "The end of an era for the firm, then.": a fragment of edited prose
        if head == first and not _nominal_opening(tokens[head].text, tokens[head + 1].text):
            continue
        if any(looks_finite_verb(doc, tokens, k) for k in range(first, last)):
            continue
        yield Violation(sentence, "Sentence without a verb")


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(garbled_word_order)
    register(verbless_sentence)
